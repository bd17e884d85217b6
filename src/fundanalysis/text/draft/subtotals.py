"""A 其中 whose one part is its whole: a subtotal of the same money, not a leaf beside it.

结转扶贫资金70万元，其中：中央财政专项扶贫资金结转70万元，…甲乡道路建设项目2个，结转资金45万元，
乙乡饮水项目1个，结转资金25万元: the 70 after 其中 is the county's 70 (all of it 中央), and the
items after it are its breakdown. Where the scan left such a 其中 unrelated (its items printed
without a bracket or a semicolon), the draft reads it as the scan reads the bracketed form: the
whole is the total of its one part, and that part the total of the items that follow it in its
segment, where they add up to it exactly (a sum the scan only guessed at over the same figures
is then read). Anything less exact is left as the scan read it.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from fundanalysis.text.scan import Figure, ScanResult
from fundanalysis.text.scan.context import Relation
from fundanalysis.text.scan.verdicts import HOLDS

#: the words between a whole and its one part: 其中 and the part's own name, nothing else
_ONE_PART = re.compile(r"^[，,]?其中[：:]?[^，,；;。！？!?（()）\d]*$")
_SEGMENT_END = "；;。！？!?"


def _exact(figures: list[Figure]) -> Decimal:
    return sum((f.value * f.unit.scale for f in figures), Decimal(0))


def _segment_items(scan: ScanResult, part: Figure, money: list[Figure]) -> list[Figure]:
    """The money after ``part`` up to the end of its segment (a break outside brackets)."""
    depth, end = 0, len(scan.text)
    for index in range(part.end, len(scan.text)):
        char = scan.text[index]
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and char in _SEGMENT_END:
            end = index
            break
    return [f for f in money if f.start >= part.end and f.end <= end]


def with_subtotals(scan: ScanResult) -> ScanResult:
    """The scan, with the relations of each one-part 其中 it left unrelated (see above)."""
    money = [f for f in scan.figures if f.unit.is_money]
    related = {f.id for r in scan.relations for f in (r.total, *r.parts)}
    added: list[Relation] = []
    for index, whole in enumerate(money[:-1]):
        part = money[index + 1]
        between = "".join(scan.text[whole.end : part.start].split())
        if (
            whole.id in related
            or part.id in related
            or part.unit.stored != whole.unit.stored
            or _exact([part]) != _exact([whole])
            or not _ONE_PART.match(between)
        ):
            continue
        items = _segment_items(scan, part, money)
        if (
            len(items) < 2
            or any(f.id in related or f.unit.stored != part.unit.stored for f in items)
            or _exact(items) != _exact([part])
        ):
            continue
        number = len(scan.relations) + len(added)
        added.append(
            Relation("part", whole, (part,), HOLDS, Decimal(0), "其中", True, id=f"r{number + 1}")
        )
        added.append(
            Relation(
                "sum", part, tuple(items), HOLDS, Decimal(0), "其中", True, id=f"r{number + 2}"
            )
        )
        related |= {whole.id, part.id, *(f.id for f in items)}
    if not added:
        return scan
    read = {r.total.id for r in added}  # a sum the scan only guessed at is read now
    possible = [r for r in scan.possible if r.total.id not in read]
    return dataclasses.replace(scan, relations=[*scan.relations, *added], possible=possible)
