"""What a reading of one text accumulates: the relations found, and how sure each is.

Shared by the modules that read relations (``relations``, ``differences``, ``places``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from fundanalysis.text.scan.figures import Figure
from fundanalysis.text.scan.verdicts import part_status, sum_status


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
