"""From the tables back to the report's text: sections, cited fragments, and number coverage.

The text is an input, never required. When it is supplied (see :mod:`fundanalysis.data.report`),
every printed fragment can be found in its section and every number the text prints can be
matched to a fragment that captures it. The coverage found is stored in the data directory
(``coverage.csv``, written by ``fundanalysis coverage --write``) so that readers without the
text see the same result, and it is re-verified whenever the text is present.

The texts are OCR'd: a page break can fall inside a sentence, leaving a line break. Sections
are therefore matched with their lines joined; nothing else about the text is changed.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from fundanalysis.data.errors import DataError, Problem
from fundanalysis.data.report import FoundText, find_text, read_report_info, read_text
from fundanalysis.data.stored import COVERAGE_FILE, read_coverage

#: A number as the reports print it: ASCII digits with an optional decimal part.
NUMBER = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?")

COVERAGE_COLUMNS = ["section_id", "numbers_printed", "covered", "not_covered", "text_sha256"]


@dataclass(frozen=True)
class Fragment:
    """One printed fragment of one row: where it is cited and what it says."""

    table: str
    line: int
    column: str
    section_id: str
    text: str


def cited_fragments(tables: dict[str, pd.DataFrame], lines: dict[str, list[int]]) -> list[Fragment]:
    """Every printed fragment of every table that cites a section, with its CSV line."""
    fragments = []
    for name, frame in tables.items():
        if {"quote_section", "quote"} <= set(frame.columns):
            for position, (section, quote) in enumerate(
                frame[["quote_section", "quote"]].itertuples(index=False)
            ):
                if isinstance(section, str) and section and isinstance(quote, str) and quote:
                    fragments.append(Fragment(name, lines[name][position], "quote", section, quote))
        if "section_id" not in frame.columns or name == "sections":
            continue
        columns = [
            c
            for c in frame.columns
            if (c == "printed" or c == "period" or c.endswith("_printed"))
            and c != "unit_as_printed"
        ]
        columns += [c for c in frame.columns if c.endswith("_as_printed") and c not in columns]
        columns = [c for c in columns if c != "unit_as_printed"]
        for position, row in enumerate(frame[["section_id", *columns]].itertuples(index=False)):
            for column, value in zip(columns, row[1:], strict=True):
                if isinstance(value, str) and value:
                    fragments.append(Fragment(name, lines[name][position], column, row[0], value))
    return fragments


def section_bodies(
    text: str, sections: pd.DataFrame, lines: dict[str, int]
) -> tuple[dict[str, str], list[Problem]]:
    """Each section's text with its lines joined, located by its start and end anchors; the
    last section may have no end anchor and then runs to the end of the text.

    ``lines`` gives each section's line in sections.csv, for the messages.
    """
    bodies: dict[str, str] = {}
    problems = []
    for position, section in enumerate(sections.itertuples()):
        line = lines.get(section.section_id)
        if position < len(sections) - 1 and not (
            isinstance(section.end_anchor, str) and section.end_anchor
        ):
            problems.append(
                Problem(
                    "sections.csv",
                    line,
                    "end_anchor",
                    "",
                    "只有最后一节可以不写结束标记（延续到原文末尾）/ only the last section may "
                    "have no end anchor (it then runs to the end of the text)",
                )
            )
            continue
        count = text.count(section.start_anchor)
        if count != 1:
            problems.append(
                Problem(
                    "sections.csv",
                    line,
                    "start_anchor",
                    section.start_anchor,
                    f"原文中出现 {count} 次，应恰好 1 次 / occurs {count} times in the text, "
                    "must occur exactly once",
                )
            )
            continue
        start = text.index(section.start_anchor)
        if not isinstance(section.end_anchor, str) or not section.end_anchor:
            end = len(text)  # no end anchor: the section runs to the end of the text
        else:
            end = text.find(section.end_anchor, start + 1)
        if end < 0:
            problems.append(
                Problem(
                    "sections.csv",
                    line,
                    "end_anchor",
                    section.end_anchor,
                    "在起点之后的原文中找不到 / not found in the text after the start anchor",
                )
            )
            continue
        bodies[section.section_id] = "".join(text[start:end].splitlines())
    return bodies, problems


def missing_fragments(fragments: list[Fragment], bodies: dict[str, str]) -> list[Problem]:
    """Fragments that do not occur in the section they cite."""
    return [
        Problem(
            f"{f.table}.csv",
            f.line,
            f.column,
            f.text,
            f"在所引章节 {f.section_id} 的原文中找不到 / not found in the text of section {f.section_id}",
        )
        for f in fragments
        if f.section_id in bodies and f.text not in bodies[f.section_id]
    ]


def coverage(
    fragments: list[Fragment], bodies: dict[str, str], sections: pd.DataFrame, sha256: str
) -> pd.DataFrame:
    """Per section: the numbers it prints, how many a cited fragment captures, and the rest.

    A number is covered when it occurs inside some fragment cited for the same section; each
    occurrence in a fragment covers one occurrence in the text.
    """
    pools: dict[str, list[str]] = {}
    for fragment in fragments:
        pools.setdefault(fragment.section_id, []).extend(NUMBER.findall(fragment.text))
    rows = []
    for section in sections.itertuples():
        if section.section_id not in bodies:
            continue
        body = bodies[section.section_id][len(section.start_anchor) :]
        pool = list(pools.get(section.section_id, []))
        numbers = NUMBER.findall(body)
        uncovered = []
        for number in numbers:
            if number in pool:
                pool.remove(number)
            else:
                uncovered.append(number)
        rows.append(
            {
                "section_id": section.section_id,
                "numbers_printed": len(numbers),
                "covered": len(numbers) - len(uncovered),
                "not_covered": " ".join(uncovered),
                "text_sha256": sha256,
            }
        )
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


@dataclass(frozen=True)
class Verification:
    """What checking a data directory against its texts found."""

    texts: list[FoundText]
    problems: list[Problem]
    coverage: pd.DataFrame | None

    @property
    def complete(self) -> bool:
        """Every text was supplied and is the one transcribed."""
        return all(found.verified for found in self.texts)


def _as_shown(text: str) -> str:
    """The text as its reader shows it (:mod:`fundanalysis.text.scan.shown`): a fragment
    transcribed from what a reader sees (100万元, not 1\u200b00万元) is found in it. Where the
    order shown is not certain, the text is left as stored (the scan refuses it, naming the line)."""
    from fundanalysis.text.scan.shown import UncertainOrder, display_order, without_ignorable

    try:
        return without_ignorable(display_order(text))
    except UncertainOrder:
        return without_ignorable(text)


def verify(data_dir: Path) -> Verification:
    """Check every cited fragment against the texts that are present, and compute coverage."""
    from fundanalysis.data.tables import load_tables, source_lines

    info = read_report_info(data_dir)
    tables = load_tables(data_dir)
    fragments = cited_fragments(tables, source_lines(data_dir))
    found = [find_text(data_dir, text) for text in info.texts]
    problems: list[Problem] = []
    parts = []
    sections = tables["sections"]
    lines = dict(zip(sections["section_id"], source_lines(data_dir)["sections"], strict=True))
    for item in found:
        text = read_text(item)
        if text is None:
            continue
        text = _as_shown(text)
        mine = sections[sections["document"].isin(item.text.documents)].reset_index(drop=True)
        bodies, found_problems = section_bodies(text, mine, lines)
        problems += found_problems + missing_fragments(fragments, bodies)
        parts.append(coverage(fragments, bodies, mine, item.text.sha256))
    table = (
        pd.concat(parts, ignore_index=True) if parts and all(f.verified for f in found) else None
    )
    return Verification(found, problems, table)


def render_coverage(table: pd.DataFrame) -> str:
    """The coverage table as the stored ``coverage.csv`` holds it."""
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def stored_coverage(data_dir: Path) -> pd.DataFrame | None:
    """The coverage stored in the data directory, validated, or None where none was stored.

    Raises :class:`DataError` naming each problem of ``coverage.csv`` by line and column (see
    :mod:`fundanalysis.data.stored`).
    """
    from fundanalysis.data.tables import load_tables

    sections = set(load_tables(data_dir)["sections"]["section_id"])
    return read_coverage(data_dir, sections)


def checked_coverage(data_dir: Path) -> pd.DataFrame | None:
    """The stored coverage, re-verified against the texts when they are present.

    Raises :class:`DataError` when a text is present and the stored coverage no longer agrees
    with it, so a stale result is never shown as if it had been verified.
    """
    stored = stored_coverage(data_dir)
    result = verify(data_dir)
    if result.problems:
        raise DataError(result.problems)
    if result.coverage is not None and (
        stored is None or render_coverage(stored) != render_coverage(result.coverage)
    ):
        raise DataError(
            [
                Problem(
                    COVERAGE_FILE,
                    None,
                    None,
                    None,
                    (
                        "缺少此文件，请运行 fundanalysis coverage --write / missing: run "
                        "`fundanalysis coverage --write`"
                        if stored is None
                        else "与原文的核对结果不一致，请运行 fundanalysis coverage --write / out of "
                        "date with the text: run `fundanalysis coverage --write`"
                    ),
                )
            ]
        )
    return stored
