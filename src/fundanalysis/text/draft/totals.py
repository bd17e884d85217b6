"""Every stated sum as a ``totals.csv`` row, with the filter that selects its parts' rows.

A sum's parts are rows the drafter wrote, or totals themselves (whose parts are rows in
turn), or a figure the text breaks down in a section of its own (轮台县 … 691.53 万元 in the
overview, its items under 1.轮台县). The filter is found from the rows' own cells: the
fewest conditions (``place=轮台县;funding_group=…``, alternatives joined by ``|``) that select
exactly the rows under the total. Where no filter selects them, or the parts lie in two
tables, the sum is listed for review instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from fundanalysis.data.specs import SPECS
from fundanalysis.text.draft import words as w
from fundanalysis.text.draft.carryover import FUND_BREAKS
from fundanalysis.text.draft.placing import Placed, Row, line_of
from fundanalysis.text.scan import Figure, ScanResult
from fundanalysis.text.scan.verdicts import FAILS, sum_status

_NOT_FILTERED = {"amount", "unit", "printed", "section_id", "seq", "project_count", "value"}
_FORBIDDEN = set(";|=!")


@dataclass(frozen=True)
class Total:
    """A drafted total, the scan's relations it stands for, and its gap by the data's rule."""

    cells: dict[str, str]
    figure: Figure
    relations: tuple[str, ...]
    #: stated − Σ rows, in the total's unit, where the data's rule calls it a discrepancy
    gap: Decimal | None = None


def data_rule_gap(total: Figure, parts: list[Figure]) -> Decimal | None:
    """The gap of a total over its rows where the checks will find one: the rule of the
    scan and of the data's checks alike (README, "Rounding rule"), so that a drafted finding is
    one that validate sees failing."""
    status, gap = sum_status(total, parts)
    return None if status != FAILS else gap


def _filter_columns(table: str) -> list[str]:
    return [
        column
        for column in SPECS[table].columns
        if column not in _NOT_FILTERED and not column.endswith(("_en", "printed"))
    ]


def _matches(row: Row, conditions: dict[str, str]) -> bool:
    return all(row.cells.get(c, "") in v.split("|") for c, v in conditions.items())


def find_filter(rows: list[Row], chosen: list[Row]) -> str | None:
    """The fewest conditions on the rows' cells that select exactly ``chosen`` (None if none)."""
    if not chosen:
        return None
    ids = {id(r) for r in chosen}
    if ids == {id(r) for r in rows}:
        return ""
    table = chosen[0].table
    conditions: dict[str, str] = {}
    for column in _filter_columns(table):
        values = {r.cells.get(column, "") for r in chosen}
        if (
            len(values) == 1
            and (value := values.pop())
            and not (_FORBIDDEN & set(value))
            and all(_matches(r, conditions) for r in chosen)
        ):
            narrower = {**conditions, column: value}
            if {id(r) for r in rows if _matches(r, narrower)} != {
                id(r) for r in rows if _matches(r, conditions)
            }:
                conditions = narrower
        if {id(r) for r in rows if _matches(r, conditions)} == ids:
            return ";".join(f"{c}={v}" for c, v in conditions.items())
    for column in _filter_columns(table):
        values = sorted({r.cells.get(column, "") for r in chosen})
        if "" in values or any(_FORBIDDEN & set(v) for v in values):
            continue
        wider = {**conditions, column: "|".join(values)}
        if {id(r) for r in rows if _matches(r, wider)} == ids:
            return ";".join(f"{c}={v}" for c, v in wider.items())
    return None


_BROKEN_DOWN = re.compile(r"^[（(，,]?\s*(?:其中|包括)")


def _broken_down(text: str, figures: list[Figure]) -> Figure | None:
    """A figure of a total's rows whose own words go on to break it down (…70万元，其中：…)
    into others of those rows, in its sentence: summing them all would count its money twice."""
    for figure in figures:
        if not _BROKEN_DOWN.match(text[figure.end : figure.end + 6]):
            continue
        stop = text.find("。", figure.end)
        stop = len(text) if stop < 0 else stop
        if any(figure.end < other.start < stop for other in figures):
            return figure
    return None


class _Resolver:
    def __init__(self, placed: Placed) -> None:
        self.placed = placed
        self.holder: dict[str, tuple[Row, str]] = {}
        for row in placed.rows:
            for figure_id, measure in row.measures.items():
                self.holder[figure_id] = (row, measure)

    def leaves(
        self, figure: Figure, seen: frozenset[str] = frozenset()
    ) -> list[tuple[Row, str]] | None:
        if figure.id in self.holder:
            return [self.holder[figure.id]]
        for mapping in (self.placed.headlines, self.placed.repeats):
            if figure.id in mapping:
                table, conditions = mapping[figure.id]
                measure = "amount" if figure.unit.is_money else "value"
                found = [
                    (r, measure)
                    for r in self.placed.rows
                    if r.table == table and _matches(r, conditions)
                ]
                return found or None
        relations = self.placed.totals_of.get(figure.id)
        if not relations or figure.id in seen:
            return None
        found: list[tuple[Row, str]] = []
        for part in relations[0].parts:
            below = self.leaves(part, seen | {figure.id})
            if below is None:
                return None
            found += below
        return found


def _cells(
    scan: ScanResult, figure: Figure, table: str, conditions: str, measure: str, section_of
) -> dict[str, str]:
    start = w.segment_start(scan.text, figure.start, FUND_BREAKS)
    label = w.clean("".join(scan.text[start : figure.start].splitlines()))
    printed = w.verbatim(scan.text, start, figure.end)
    return {
        "total_id": "",
        "table": table,
        "filter": conditions,
        "measure": measure,
        "stated": figure.value_text,
        "unit": figure.unit.stored,
        "section_id": section_of(figure.start),
        "printed": printed,
        "as_of": "",
        "as_of_printed": "",
        "description": label or printed,
        "description_en": "",
        "explanation": "",
    }


def _exact(rows: list[Row], measure: str, figures: dict[str, Figure], unit: Figure) -> Decimal:
    held = [figures[i] for r in rows for i, m in r.measures.items() if m == measure]
    return sum((f.value * f.unit.scale for f in held), Decimal(0)) / unit.unit.scale


class _Drafter:
    def __init__(self, scan: ScanResult, placed: Placed, section_of) -> None:
        self.scan, self.placed, self.section_of = scan, placed, section_of
        self.resolver = _Resolver(placed)
        self.figures = {f.id: f for f in scan.figures}
        self.totals: list[Total] = []
        self.review: list[tuple[int, str]] = []
        self.counter: dict[str, int] = {}

    def unsure(self, figure: Figure, message: str) -> None:
        self.review.append(
            (line_of(self.scan.text, figure.start), f"{figure.printed.strip()}: {message}")
        )

    def add(
        self, cells: dict[str, str], figure: Figure, relations: tuple[str, ...], parts: list[Figure]
    ) -> None:
        table = cells["table"]
        self.counter[table] = self.counter.get(table, 0) + 1
        cells["total_id"] = f"{table}_{self.counter[table]}"
        self.totals.append(Total(cells, figure, relations, data_rule_gap(figure, parts)))

    def over_rows(self, figure: Figure, relations: tuple[str, ...]) -> None:
        """A total over the rows under it (its parts' rows, theirs, …)."""
        leaves = self.resolver.leaves(figure)
        if not leaves:
            self.unsure(
                figure,
                "合计的组成未全部入表，未声明 / a total whose parts are not all in tables: not declared",
            )
            return
        tables = {r.table for r, _ in leaves}
        measures = {m for _, m in leaves}
        if len(tables) != 1 or len(measures) != 1:
            listed = "、".join(sorted(tables))
            self.unsure(
                figure, f"组成分属多表（{listed}），未声明 / parts in several tables: not declared"
            )
            return
        table, measure = tables.pop(), measures.pop()
        # a row with no figure in the summed column adds nothing: a filter may select it
        rows = [r for r in self.placed.rows if r.table == table and r.cells.get(measure, "")]
        selected = list({id(r): r for r, _ in leaves}.values())
        conditions = find_filter(rows, selected)
        if conditions is None:
            self.unsure(
                figure,
                "找不到只选中其组成的筛选条件，未声明 / no filter selects exactly its parts: not declared",
            )
            return
        broken = _broken_down(self.scan.text, [r.figure for r in selected])
        if broken is not None:
            self.unsure(
                figure,
                f"其组成中的“{broken.printed.strip()}”之后列有其中的明细，合计会重复计算，未声明 / "
                "one of its rows is itself broken down (其中…) by rows beside it: the total would "
                "double count, not declared",
            )
            return
        held = {i for r in selected for i, m in r.measures.items() if m == measure}
        self.add(
            _cells(self.scan, figure, table, conditions, measure, self.section_of),
            figure,
            relations,
            [self.figures[i] for i in held],
        )

    def over_totals(self, relation) -> None:
        """A sum of figures broken down elsewhere (the county totals of an overview) over the
        totals drafted for them: ``totals[total_id=…|…]``."""
        ids = {t.figure.id: t.cells["total_id"] for t in self.totals}
        if len(relation.parts) < 2 or not all(
            p.id in self.placed.headlines and p.id in ids for p in relation.parts
        ):
            return
        conditions = "total_id=" + "|".join(ids[p.id] for p in relation.parts)
        measure = "amount" if relation.total.unit.is_money else "value"
        cells = _cells(self.scan, relation.total, "totals", conditions, measure, self.section_of)
        self.add(cells, relation.total, (relation.id,), list(relation.parts))

    def resplit(self, relation) -> None:
        """The parts of a total split another way (22.6 万元 paid, 其余 535.13 万元 to pay):
        each over the rows under the total whose cells in one column it alone sums to."""
        leaves = self.resolver.leaves(relation.total) or []
        rows = list({id(r): r for r, _ in leaves}.values())
        measures = {m for _, m in leaves}
        for part in relation.parts:
            found: list[list[Row]] = []
            if rows and len(measures) == 1:
                measure = next(iter(measures))
                for column in _filter_columns(rows[0].table):
                    for value in sorted({r.cells.get(column, "") for r in rows} - {""}):
                        group = [r for r in rows if r.cells.get(column) == value]
                        if (
                            len(group) < len(rows)
                            and _exact(group, measure, self.figures, part) == part.value
                        ):
                            found.append(group)
            groups = {tuple(sorted(id(r) for r in g)): g for g in found}
            table_rows = [r for r in self.placed.rows if rows and r.table == rows[0].table]
            conditions = (
                find_filter(table_rows, next(iter(groups.values()))) if len(groups) == 1 else None
            )
            if conditions is None:
                self.unsure(
                    part,
                    "同一合计的另一种分法，找不到其行：请手工声明 / another split of a total whose rows were not found: declare it by hand",
                )
                continue
            measure = next(iter(measures))
            group = next(iter(groups.values()))
            held = [self.figures[i] for r in group for i, m in r.measures.items() if m == measure]
            cells = _cells(self.scan, part, rows[0].table, conditions, measure, self.section_of)
            self.add(cells, part, (relation.id,), held)
            self.unsure(
                part,
                f"筛选条件按行之和找到（{conditions}），请核对 / filter found by the rows' sum: check it",
            )


def draft_totals(
    scan: ScanResult, placed: Placed, section_of
) -> tuple[list[Total], list[tuple[int, str]]]:
    """The totals rows, and the sums that could not be declared (with their lines)."""
    drafter = _Drafter(scan, placed, section_of)
    for figure in scan.figures:
        if figure.id in placed.totals_of:
            drafter.over_rows(figure, tuple(r.id for r in placed.totals_of[figure.id]))
        elif figure.id in placed.headlines or figure.id in placed.repeats:
            drafter.over_rows(figure, ())
    for relation in scan.relations:
        if relation.kind == "sum":
            drafter.over_totals(relation)
        elif relation.kind == "difference":
            drafter.resplit(relation)
    return drafter.totals, drafter.review
