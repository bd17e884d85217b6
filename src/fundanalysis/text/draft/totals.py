"""Every stated sum as a ``totals.csv`` row, with the filter that selects its parts' rows.

A sum's parts are rows the drafter wrote, or totals themselves (whose parts are rows in
turn), or a figure the text breaks down in a section of its own (轮台县 … 691.53 万元 in the
overview, its items under 1.轮台县). The filter is found from the rows' own cells: the
fewest conditions (``place=轮台县;funding_group=…``, alternatives joined by ``|``) that select
exactly the rows under the total. Where no filter selects them, or the parts lie in two
tables, the sum is listed for review instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fundanalysis.data.specs import SPECS
from fundanalysis.text.draft import words as w
from fundanalysis.text.draft.placing import FUND_BREAKS, Placed, Row, line_of
from fundanalysis.text.scan import Figure, ScanResult

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
    """The gap of a total over its rows where the data directories' rule finds one.

    That rule (README, "Rounding rule") treats parts as exact and forgives a gap only where the
    total is printed with fewer decimals than its parts, up to half its last digit; the scan
    follows XBRL instead, so the two can differ (且末县 566.33 against 566.34).
    """
    computed = sum((p.value * p.unit.scale for p in parts), Decimal(0)) / total.unit.scale
    gap = total.value - computed
    if gap == 0:
        return None
    finer = max((p.decimals for p in parts), default=0) > total.decimals
    if finer and abs(gap) <= Decimal(5).scaleb(-(total.decimals + 1)):
        return None
    return gap


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


def draft_totals(
    scan: ScanResult, placed: Placed, section_of
) -> tuple[list[Total], list[tuple[int, str]]]:
    """The totals rows, and the sums that could not be declared (with their lines)."""
    resolver = _Resolver(placed)
    totals: list[Total] = []
    review: list[tuple[int, str]] = []
    counter: dict[str, int] = {}
    candidates: list[tuple[Figure, tuple[str, ...]]] = []
    for figure in scan.figures:
        if figure.id in placed.totals_of:
            relations = placed.totals_of[figure.id]
            candidates.append((figure, tuple(r.id for r in relations)))
        elif figure.id in placed.headlines or figure.id in placed.repeats:
            candidates.append((figure, ()))
    for figure, relations in candidates:
        leaves = resolver.leaves(figure)
        where = line_of(scan.text, figure.start)
        if not leaves:
            review.append(
                (
                    where,
                    f"{figure.printed.strip()}: 合计的组成未全部入表，未声明 / a total whose parts are not all in tables: not declared",
                )
            )
            continue
        tables = {r.table for r, _ in leaves}
        measures = {m for _, m in leaves}
        if len(tables) != 1 or len(measures) != 1:
            review.append(
                (
                    where,
                    f"{figure.printed.strip()}: 组成分属多表（{'、'.join(sorted(tables))}），未声明 / parts in several tables: not declared",
                )
            )
            continue
        table, measure = tables.pop(), measures.pop()
        # a row with no figure in the summed column adds nothing: a filter may select it
        rows = [r for r in placed.rows if r.table == table and r.cells.get(measure, "")]
        selected = list({id(r): r for r, _ in leaves}.values())
        conditions = find_filter(rows, selected)
        if conditions is None:
            review.append(
                (
                    where,
                    f"{figure.printed.strip()}: 找不到只选中其组成的筛选条件，未声明 / no filter selects exactly its parts: not declared",
                )
            )
            continue
        counter[table] = counter.get(table, 0) + 1
        start = w.segment_start(scan.text, figure.start, FUND_BREAKS)
        label = w.clean("".join(scan.text[start : figure.start].splitlines()))
        printed = "".join(scan.text[start : figure.end].splitlines()).strip()
        cells = {
            "total_id": f"{table}_{counter[table]}",
            "table": table,
            "filter": conditions,
            "measure": measure,
            "stated": figure.value_text,
            "unit": figure.unit.printed,
            "section_id": section_of(figure.start),
            "printed": printed,
            "as_of": "",
            "as_of_printed": "",
            "description": label or printed,
            "description_en": "",
            "explanation": "",
        }
        held = {figure_id for r, _ in leaves for figure_id, m in r.measures.items() if m == measure}
        parts = [f for f in scan.figures if f.id in held]
        totals.append(Total(cells, figure, relations, data_rule_gap(figure, parts)))
    return totals, review
