"""Each figure the scan found, into the table its clause says it belongs to.

A figure that is the total of a stated sum is not a row: it becomes a total over the rows of
its parts (see :mod:`fundanalysis.text.draft.totals`). Every other figure is placed by what
its clause and the totals above it say: a year (2016 年 1510 万元) is the budget, a batch
passed on with its date (拨付下达) a transfer, money in a carry-over section a carry-over
item, money of a place an allocation, spending (支出) spending, a count of projects (and the
money beside it) a project row, households and people a poverty count, meetings and
documents (次, 项, 类) supervision. What no rule places is listed for review, never guessed.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from fundanalysis.data.specs import SPECS
from fundanalysis.text.draft import words as w
from fundanalysis.text.draft.asof import as_of_before, without_as_of
from fundanalysis.text.draft.carryover import CarryoverRules
from fundanalysis.text.draft.categories import categories_from_projects
from fundanalysis.text.draft.counts import count_row, project_amount, without_wholes
from fundanalysis.text.draft.fundnames import funds_name, harmonise_fund_types
from fundanalysis.text.draft.outline import Outline
from fundanalysis.text.draft.transfers import TransferRules
from fundanalysis.text.scan import Figure, Relation, ScanResult
from fundanalysis.text.scan.sections import Sections, sentences

_YEAR = re.compile(r"^(\d{4})\s*年$")


@dataclass
class Row:
    """A drafted row: its table, its cells as CSV text, and where the text prints it."""

    table: str
    cells: dict[str, str]
    figure: Figure
    line: int
    notes: list[str] = field(default_factory=list)
    #: each figure the row holds → the column it is in (amount, project_count, value)
    measures: dict[str, str] = field(default_factory=dict)
    #: words that may name the row's fund type where its own clause names none: the clause of
    #: a level (地方政府债券资金用于…), the sentence of the total above a list of places
    fund_words: str = ""
    #: whether its words tie the figure to its key beyond doubt (贫困户150户, not 贫困人口90户):
    #: of rows competing for one key, the one clear row stands
    clear: bool = True


@dataclass
class Placed:
    """The drafted rows, the figures that are totals, and what a person must look at."""

    rows: list[Row]
    totals_of: dict[str, list[Relation]]
    headlines: dict[str, tuple[str, dict[str, str]]]  # figure id → (table, filter)
    repeats: dict[str, tuple[str, dict[str, str]]]
    review: list[tuple[int, str]]


@functools.lru_cache(maxsize=4)
def _line_breaks(text: str) -> list[int]:
    return [match.start() for match in re.finditer("\n", text)]


def line_of(text: str, offset: int) -> int:
    """The line of the text at ``offset`` (1 for the first): found by bisection in the
    offsets of its line breaks, so that a text of many figures is not counted once each."""
    return bisect.bisect_left(_line_breaks(text), offset) + 1


def _money(figure: Figure) -> dict[str, str]:
    return {"amount": figure.value_text, "unit": figure.unit.stored}


def relations_by_total(scan: ScanResult) -> dict[str, list[Relation]]:
    """The sums each figure is the total of (a single part equal to its whole counts)."""
    found: dict[str, list[Relation]] = {}
    for relation in scan.relations:
        if relation.kind == "sum" or (relation.kind == "part" and relation.gap == 0):
            found.setdefault(relation.total.id, []).append(relation)
    return found


def _parents(scan: ScanResult, totals: dict[str, list[Relation]]) -> dict[str, Figure]:
    parent: dict[str, Figure] = {}
    for relations in totals.values():
        for relation in relations:
            for part in relation.parts:
                parent.setdefault(part.id, relation.total)
    return parent


class _Placer(CarryoverRules, TransferRules):
    def __init__(self, scan: ScanResult, outline: Outline, year: int | None) -> None:
        self.scan, self.text, self.outline, self.year = scan, scan.text, outline, year
        self.totals = dict(relations_by_total(scan))  # a copy: a batch may leave it
        self.parent = _parents(scan, self.totals)
        self.resplit = {p.id for r in scan.relations if r.kind == "difference" for p in r.parts}
        self.rows: list[Row] = []
        self.review: list[tuple[int, str]] = []
        self.headlines: dict[str, tuple[str, dict[str, str]]] = {}
        self.repeats: dict[str, tuple[str, dict[str, str]]] = {}
        self.used: set[str] = set()
        self.batch = 0
        self.batch_of: dict[str, int] = {}
        self.undated: set[str] = set()
        self.seq: dict[str, int] = {}
        self.deferred: set[str] = set()
        self.spans = sentences(self.text, Sections(self.text))
        self.span_starts = [a for a, _ in self.spans]
        self.find_splits()

    def sentence(self, figure: Figure) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self.span_starts, figure.start) - 1)
        return self.spans[index]

    # -- helpers ---------------------------------------------------------------------------
    def section_id(self, figure: Figure) -> str:
        return self.outline.at(figure.start).section_id

    def ancestors(self, figure: Figure) -> list[Figure]:
        chain, current = [], figure
        while current.id in self.parent:
            current = self.parent[current.id]
            chain.append(current)
        return chain

    def clause(self, figure: Figure) -> str:
        """The words before a figure in its clause, its lines joined (少数民族\\n发展资金)."""
        return w.segment_before(self.text, figure.start, w.CLAUSE_BREAKS)

    def label(self, figure: Figure) -> str:
        return w.segment_before(self.text, figure.start)

    def add(self, table: str, figure: Figure, cells: dict[str, str], *notes: str) -> Row:
        cells = {**cells, "section_id": self.section_id(figure)}
        row = Row(table, cells, figure, line_of(self.text, figure.start), list(notes))
        row.measures = {figure.id: "amount"}
        self.rows.append(row)
        self.used.add(figure.id)
        return row

    def note(self, figure: Figure, message: str) -> None:
        self.review.append(
            (line_of(self.text, figure.start), f"{figure.printed.strip()}: {message}")
        )

    # -- rules -----------------------------------------------------------------------------
    def budget(self, figure: Figure) -> bool:
        year = _YEAR.match(figure.label)
        if not year:
            return False
        printed = w.printed_from(self.text, figure)
        earlier = [r for r in self.rows if r.table == "budget" and r.cells["year"] == year[1]]
        if earlier:
            self.repeats[figure.id] = ("budget", {"year": year[1]})
            return True
        self.add("budget", figure, {"year": year[1], **_money(figure), "printed": printed})
        return True

    def allocation(self, figure: Figure, chain: list[Figure]) -> bool:
        """Money of a place (库尔勒市 197 万元), or a part of a place's total (其中扶贫发展资金 …)."""
        clause = w.without_lead_verb(self.clause(figure))  # 分配到甲县: the place is 甲县
        own = w.place_of(clause) == clause
        holder = figure if own else (chain[0] if chain else None)
        label = w.without_lead_verb(w.clean(holder.label)) if holder is not None else ""
        place = w.place_of(label) if holder is not None else None
        if holder is None or place is None or place != label:
            return False
        above = chain if own else self.ancestors(holder)
        funds, note = "", "资金口径未印 / funds not printed"
        if above:
            funds, note = funds_name(self.label(above[0]), self.outline.at(above[0].start).title)
        cells = {
            "funds": funds,
            "place": place,
            "fund_type": "" if own else self.clause(figure),
            **_money(figure),
            "printed": w.printed_from(self.text, figure),
        }
        row = self.add("allocations", figure, cells, note)
        if own and above:  # 共安排扶贫发展资金 3900 万元（其中：库尔勒市 197 万元…）
            start, _ = self.sentence(above[0])
            row.fund_words = "".join(self.text[start : above[0].start].split())
        return True

    def spending(self, figure: Figure, chain: list[Figure]) -> bool:
        words = "".join(self.label(a) for a in chain[:1]) + self.clause(figure)
        if "支出" not in words:
            return False
        stood = as_of_before(self.text, figure.start, self.year)
        cells = {
            "category": without_as_of(self.clause(figure)),
            **_money(figure),
            "as_of": stood.day if stood else "",
            "as_of_printed": stood.printed if stood else "",
        }
        cells["printed"] = w.printed_from(self.text, figure)
        notes = ["类别取自标签 / category is the printed label"]
        if stood and stood.unsure:
            notes.append(stood.unsure)
        self.add("spending", figure, cells, *notes)
        return True

    def evaluated(self, figure: Figure, chain: list[Figure]) -> bool:
        level = w.levels_in(self.label(chain[0]) if chain else "") or w.levels_in(
            self.clause(figure)
        )
        if not level or not chain:
            return False
        clause = self.clause(figure)
        wholly = w.wholly_of(self.text[figure.end : figure.end + 30])
        fund_type = wholly or ("" if w.levels_in(clause) else clause)
        cells = {"level": level, "fund_type": fund_type, **_money(figure)}
        cells["printed"] = w.printed_from(self.text, figure)
        row = self.add(
            "evaluated_funds",
            figure,
            cells,
            "纳入评价的资金：请核对 / funds under evaluation: check",
        )
        if wholly:
            row.notes.append(
                f"资金类型取自其后的“{wholly}” / fund type read from the words after it"
            )
        elif not fund_type:
            row.fund_words = clause  # 地方政府债券资金用于…: a level that is also a fund's name
        return True

    def place(self) -> Placed:
        for figure in self.scan.figures:
            if figure.id in self.used:
                continue
            if figure.id in self.totals:
                continue
            chain = self.ancestors(figure)
            if figure.id in self.resplit:
                continue  # another split of a total: see totals
            if figure.unit.is_money:
                placed = (
                    project_amount(self, figure, chain)
                    or self.budget(figure)
                    or self.transfer(figure, chain)
                    or self.carryover(figure, chain)
                    or self.allocation(figure, chain)
                    or self.spending(figure, chain)
                    or self.evaluated(figure, chain)
                )
            elif figure.unit.stored == "%":
                if any(r.kind == "rate" and r.total.id == figure.id for r in self.scan.relations):
                    continue  # declared in indicators.csv (see rates)
                self.note(
                    figure,
                    "比率：请在 indicators.csv 中写明分子分母 / a rate: declare it in indicators.csv",
                )
                continue
            else:
                placed = self.count(figure, chain)
            if not placed:
                self.note(figure, "未能归入任何表 / not placed in any table")
        for figure in self.scan.figures:
            if figure.id in self.deferred and figure.id not in self.used:
                self.note(figure, "未能归入任何表 / not placed in any table")
        self.split_totals()
        harmonise_fund_types(self.rows)
        categories_from_projects(self.rows)
        self.rows = without_wholes(self, self.rows)
        self.rows = self._without_repeated_keys()
        return Placed(self.rows, self.totals, self.headlines, self.repeats, self.review)

    def _without_repeated_keys(self) -> list[Row]:
        """The rows, less those whose key (``evaluated_funds``: level and fund type) another row
        holds: validate would refuse the pair. Where the rows print the same figures, the first
        stands and the others are repeats; where they differ, the one row whose words clearly
        tie it to the key stands, or else none (which one the key means is for a person to
        say). REVIEW.md lists each row left out."""
        groups: dict[tuple, list[Row]] = {}
        for row in self.rows:
            for key in _keys(row.table):
                values = (row.table, *key, *(row.cells.get(c, "").strip() for c in key))
                groups.setdefault(values, []).append(row)
        dropped: dict[int, Row] = {}  # id of a row left out → a row holding its key
        for rows in groups.values():
            if len(rows) < 2:
                continue
            clear = [r for r in rows if r.clear]
            if len({_figures(r) for r in rows}) == 1:
                stands = rows[:1]
            else:
                stands = clear if len(clear) == 1 else []
            for row in rows:
                if row not in stands:
                    dropped.setdefault(id(row), stands[0] if stands else rows[rows[0] is row])
        for row in self.rows:
            other = dropped.get(id(row))
            if other is None:
                continue
            self.used.discard(row.figure.id)
            first = self.rows.index(other) < self.rows.index(row)
            self.note(
                row.figure,
                f"{row.table}.csv 中{'已' if first else '另'}有同键的一行（“{other.figure.printed.strip()}”），"
                f"{'未写入' if id(other) not in dropped else '两行均未写入，请核定'} / a row of "
                f"{row.table}.csv with the same key is {'already ' if first else 'also '}drafted: "
                + ("not written" if id(other) not in dropped else "neither written, to decide"),
            )
        return [row for row in self.rows if id(row) not in dropped]

    def count(self, figure: Figure, chain: list[Figure]) -> bool:
        return count_row(self, figure, chain)


def _figures(row: Row) -> tuple[str, ...]:
    """What a row says: the figures it holds, as its cells write them, with their units."""
    return tuple(row.cells.get(c, "") for c in (*row.measures.values(), "unit"))


@functools.cache
def _keys(table: str) -> list[tuple[str, ...]]:
    """The column sets that must name one row of ``table``, as validate reads its schema."""
    schema = SPECS[table].schema.to_schema()
    if schema.unique:
        return [tuple(schema.unique)]
    return [(column,) for column in SPECS[table].columns if schema.columns[column].unique]


def place_figures(scan: ScanResult, outline: Outline, year: int | None) -> Placed:
    """Every figure of the scan placed in a table, or listed for review."""
    return _Placer(scan, outline, year).place()
