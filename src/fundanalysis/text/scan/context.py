"""What a reading of one text accumulates: the relations found, and how sure each is.

Shared by the modules that read relations (``relations``, ``differences``, ``places``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from fundanalysis.text.scan.figures import Figure
from fundanalysis.text.scan.verdicts import FAILS, part_status, sum_status

#: A part printed as a deduction from its total: "因审计发现问题扣3分", "扣除违规资金3分", "减2分".
_DEDUCTION = re.compile(r"扣[^，,；;。、：:]{0,10}$|(?<![增加缩])减去?$")
MINUS = "−"


def deducted(figure: Figure) -> bool:
    return bool(_DEDUCTION.search(figure.label)) and figure.value > 0


def negated(figure: Figure) -> Figure:
    """A deducted part as it counts in its sum: its value subtracted, its sign printed."""
    return replace(figure, value=-figure.value, printed=MINUS + figure.printed.strip())


def signed(total: Figure, parts: Sequence[Figure]) -> tuple[list[Figure], bool]:
    """The parts of a sum with deductions (扣N分) subtracted, and whether the reading is sure.

    A list that holds with its deductions subtracted is read so. One that does not may print
    its deduction as the reason for a part's score ("资金监管17分，扣3分"): the reading that
    holds is kept if one does, and either way the relation is no longer certain.
    """
    if not any(deducted(p) for p in parts):
        return list(parts), True
    minus = [negated(p) if deducted(p) else p for p in parts]
    if sum_status(total, minus)[0] != FAILS:
        return minus, True
    if sum_status(total, parts)[0] != FAILS:
        return list(parts), False
    return minus, False


@dataclass(frozen=True)
class Relation:
    """A stated relation: ``total = Σ parts`` (sum, difference), part ≤ whole, or a rate.

    For a rate, ``total`` is the printed rate and ``parts`` are (numerator, denominator).
    ``gap`` is in the total's printed unit: total − Σ parts, whole − part, printed − computed %.
    ``id`` is given once the text is read (r1 … for relations, p1 … for possible ones).
    """

    kind: str
    total: Figure
    parts: tuple[Figure, ...]
    status: str
    gap: Decimal
    form: str
    certain: bool
    # A certain list of two parts fails only where the text tells why (see scanner).
    needs_cause: bool = False
    id: str = ""


Candidate = Relation  # a relation before it is numbered


@dataclass
class Context:
    """What the reading of one text accumulates."""

    text: str
    found: list[Candidate] = field(default_factory=list)
    # Set while reading a sentence joined across a blank line or cut off by the text's end:
    # the join is a guess, so nothing read from that sentence is certain.
    tentative: bool = False
    # the sums found, by the id of their total: looked up per sentence, so kept as an index
    sums: dict[str, list[Candidate]] = field(default_factory=dict)

    def prefix(self, figure: Figure, reach: int = 16) -> str:
        return self.text[max(0, figure.start - reach) : figure.start]

    def add(
        self,
        kind: str,
        total: Figure,
        parts: Sequence[Figure],
        form: str,
        certain: bool,
        needs_cause: bool = False,
    ):
        if kind == "part":
            status, gap = part_status(total, parts[0])
        else:
            if kind == "sum":
                parts, sure = signed(total, parts)
                certain = certain and sure
            status, gap = sum_status(total, parts)
        if self.tentative or any(f.approximate for f in (total, *parts)):
            certain = False
        candidate = Candidate(kind, total, tuple(parts), status, gap, form, certain, needs_cause)
        self.found.append(candidate)
        if kind == "sum":
            self.sums.setdefault(total.id, []).append(candidate)
        return candidate

    def remove(self, candidate: Candidate) -> None:
        """Take back a relation found: it was a guess that did not hold."""
        self.found.remove(candidate)
        if candidate in self.sums.get(candidate.total.id, ()):
            self.sums[candidate.total.id].remove(candidate)


def same_dimension(figure: Figure, head: Figure) -> bool:
    return figure.unit.dimension == head.unit.dimension and figure is not head


def of(figures: Sequence[Figure], head: Figure) -> list[Figure]:
    return [f for f in figures if same_dimension(f, head)]
