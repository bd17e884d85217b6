"""Scan a report's text: its figures, the relations its prose states, and its findings.

``scan_text`` is the whole audit of one text; ``scan_file`` reads a file first (see
``readers``). Nothing here prints: the command module shows the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from fundanalysis.text.scan import clauses as c
from fundanalysis.text.scan.context import Candidate, Context, Relation
from fundanalysis.text.scan.figures import Figure, Number, extract
from fundanalysis.text.scan.findings import (
    MATERIALITY,
    Finding,
    findings_of,
    printed_elsewhere,
    unit_slip,
)
from fundanalysis.text.scan.places import per_place
from fundanalysis.text.scan.readers import read_text
from fundanalysis.text.scan.relations import scan_region
from fundanalysis.text.scan.sections import Sections, sentences
from fundanalysis.text.scan.verdicts import FAILS


@dataclass
class ScanResult:
    """Everything one scan found in one text."""

    name: str
    text: str
    figures: list[Figure]
    numbers: list[Number]
    relations: list[Relation]
    possible: list[Relation]
    findings: list[Finding] = field(default_factory=list)

    @property
    def failing(self) -> list[Relation]:
        return [r for r in self.relations if r.status == FAILS]


_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
_ENDS = "。！？!?；;"


def _settled(found: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """Relations and possible relations, each once, alternative readings settled.

    A sum that fails is dropped where another reading of the same total adds up: the prose
    is then read the way its arithmetic agrees with, and no alarm is raised.
    """
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    unique = []
    for candidate in found:
        key = (candidate.kind, candidate.total.id, tuple(p.id for p in candidate.parts))
        if key not in seen:
            seen.add(key)
            unique.append(candidate)
    agreeing = {x.total.id for x in unique if x.kind == "sum" and x.status != FAILS}
    relations, possible = [], []
    for candidate in unique:
        if candidate.status == FAILS and (
            not candidate.certain or (candidate.kind == "sum" and candidate.total.id in agreeing)
        ):
            possible.append(candidate)
        else:
            relations.append(candidate)
    order = lambda x: (x.total.start, x.parts[0].start if x.parts else 0)  # noqa: E731
    return sorted(relations, key=order), sorted(possible, key=order)


def _with_cause(candidate: Candidate, figures: list[Figure], text: str) -> Candidate:
    """A list that falls short of its total, or of two parts, stays certain only with a cause.

    Such a list may name only some parts, or two notable groups of more ("其中深度贫困村12个、
    一般贫困村15个"); the slip is certain when one part is printed in another unit, or the gap
    is a figure printed elsewhere that the total's sentence names.
    """
    if not (candidate.needs_cause and candidate.certain and candidate.status == FAILS):
        return candidate
    if unit_slip(candidate) is not None or printed_elsewhere(candidate, figures, text) is not None:
        return candidate
    return replace(candidate, certain=False)


def _numbered(candidates: list[Candidate], prefix: str) -> list[Relation]:
    return [replace(x, id=f"{prefix}{i}") for i, x in enumerate(candidates, 1)]


def scan_text(text: str, name: str = "<text>", materiality: Decimal = MATERIALITY) -> ScanResult:
    """Audit one report's text: every figure, every stated relation, every finding.

    ``materiality`` is the share of a money total from which a gap is material (1 %).
    """
    sections = Sections(text)
    figures, numbers = extract(text, sections)
    spans = sentences(text, sections)
    ctx = Context(text)
    figures_of: list[list[Figure]] = []
    text_end = len(text.rstrip())
    cursor = 0
    previous: list[Figure] = []
    for start, end in spans:
        while cursor < len(figures) and figures[cursor].start < start:
            cursor += 1
        inside = []
        while cursor + len(inside) < len(figures) and figures[cursor + len(inside)].end <= end:
            inside.append(figures[cursor + len(inside)])
        figures_of.append(inside)
        nodes = c.tree(text, start, end, inside)
        ctx.tentative = bool(_BLANK_LINE.search(text, start, end)) or (
            end >= text_end and text[start:end].rstrip()[-1:] not in _ENDS
        )
        scan_region(ctx, nodes, previous=previous)
        previous = c.figures_in(nodes)
    per_place(ctx, spans, figures_of, sections)
    kept, maybe = _settled([_with_cause(x, figures, text) for x in ctx.found])
    relations = _numbered(kept, "r")
    possible = _numbered(maybe, "p")
    result = ScanResult(name, text, figures, numbers, relations, possible)
    result.findings = findings_of(result.relations, figures, text, materiality)
    return result


def scan_file(path: str | Path, materiality: Decimal = MATERIALITY) -> ScanResult:
    """Read a file (text, Markdown, HTML, Word, PDF) and scan it; raises ``InputError``."""
    return scan_text(read_text(Path(path)), str(path), materiality)
