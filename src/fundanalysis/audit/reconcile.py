"""Check every total and ratio the report states, and every cross-check, exactly; explain each.

Three kinds of declared check, one table of results:

* **Stated totals** (``totals.csv``): each printed total against the rows its filter selects.
* **Stated ratios** (``indicators.csv``): a printed percentage against the sums it divides.
* **Cross-checks** (``crosschecks.csv``): the same money seen from two tables or documents.

Sums use integer 分 (or counts), never floats. A difference of money is ``rounding`` where the
intervals the printed figures stand for meet (XBRL Calculations 1.1, the scan's rule too): the
gap is within half a unit of the total's last printed digit plus half a unit of each part's;
any other difference is a ``discrepancy``. ``corrected``
marks a check that fails as printed and holds once the documented corrections are applied.

The findings register (``findings.csv``) names each distinct inconsistency once, with the
checks it makes fail; :mod:`fundanalysis.audit.findings` adds its size and materiality.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd

from fundanalysis.audit.checkrows import (
    COLUMNS,
    NOT_COMPUTABLE,
    STATUSES,
    Side,
    check_row,
    notes_for,
    source_of,
    status_of,
)
from fundanalysis.audit.scorecard import scorecard_checks
from fundanalysis.data import units
from fundanalysis.data.errors import unexpected
from fundanalysis.data.expressions import Term, matching_rows, parse_filter, parse_parts, parse_sum
from fundanalysis.data.intervals import half_step, money_half_step
from fundanalysis.data.loaders import PathLike
from fundanalysis.data.money import FEN_PER_UNIT, decimals_of, exact_sum, fen_to_wan, max_decimals
from fundanalysis.data.paths import data_dir as resolve_data_dir
from fundanalysis.data.specs import summed_column
from fundanalysis.data.tables import load_report_tables
from fundanalysis.store import cache


def _money_side(frame: pd.DataFrame, text_column: str) -> Side:
    present = frame[frame["amount_fen"].notna()]
    steps = [
        money_half_step(text, unit)
        for text, unit in zip(present[text_column], present["unit"], strict=True)
    ]
    return Side(
        exact_sum(present["amount_fen"]),
        exact_sum(present["amount_as_printed_fen"]),
        max_decimals(present[text_column]),
        sum(steps),
    )


def _stated_total_checks(tables: dict[str, pd.DataFrame]) -> list[dict]:
    rows = []
    for total in tables["totals"].itertuples(index=False):
        parts_table = tables[total.table]
        filter_text = total.filter if isinstance(total.filter, str) else ""
        money = total.measure == "amount"
        measured = summed_column(total.table, total.measure) == "value_micro"
        text_column = "stated" if total.table == "totals" else "amount"
        if money:
            needed = ["amount_fen", "amount_as_printed_fen", text_column, "unit"]
        elif measured:
            needed = ["value_micro", "value", "unit"]
        else:
            needed = [total.measure]
        # only the columns summed: selecting whole rows of a large table costs more than the sum
        parts = parts_table.loc[matching_rows(parts_table, parse_filter(filter_text)), needed]
        if money:
            stated = Side(
                int(total.amount_fen), int(total.amount_as_printed_fen), decimals_of(total.stated)
            )
            computed = _money_side(parts, text_column)
            counted = int(parts["amount_fen"].notna().sum())
            per_unit = FEN_PER_UNIT[total.unit]
        elif measured:
            stated, computed, per_unit = _measured_sides(total, parts)
            counted = int(parts["value_micro"].notna().sum())
        else:
            stated = Side(int(total.stated), int(total.stated), 0)
            value = exact_sum(parts[total.measure])
            computed = Side(value, value, 0)
            counted = int(parts[total.measure].notna().sum())
            per_unit = 1
        status, tolerance = status_of(stated, computed, per_unit)
        measured_unit = total.unit if measured else ""
        note, note_en = notes_for(status, stated, computed, tolerance, money, measured_unit)
        if counted == 0:
            note += " 筛选条件未选中任何部分。"
            note_en += " The filter selects no parts."
            status = "discrepancy" if stated.value else status
        elif counted < len(parts):
            missing = len(parts) - counted
            what, what_en = ("金额", "amount") if money else ("数值", "figure")
            note += f" {missing} 个部分报告未载明{what}。"
            note_en += f" {missing} part(s) print no {what_en}."
        if isinstance(total.explanation, str):
            note_en += f" {total.explanation}"
        rows.append(
            check_row(
                total.total_id,
                "total",
                total.description,
                total.description_en,
                stated,
                computed,
                status,
                tolerance,
                money,
                counted,
                source_of(tables, total.section_id, total.printed),
                (note, note_en),
                measured_unit,
            )
        )
    return rows


def _measured_sides(total, parts: pd.DataFrame) -> tuple[Side, Side, int]:
    """A total of measured quantities and its parts, in millionths of the kind's base unit.

    Rounding may explain a gap where the intervals the printed figures stand for meet, as for
    money: half the total's last printed digit plus half of each part's.
    """
    stated_micro = units.to_micro(Decimal(total.stated), total.unit)
    present = parts[parts["value_micro"].notna()]
    spread = sum(half_step(v, u) for v, u in zip(present["value"], present["unit"], strict=True))
    value = exact_sum(present["value_micro"])
    # status_of allows per_unit // 2 + spread: per_unit is twice the total's half-step
    per_unit = 2 * half_step(total.stated, total.unit)
    return Side(stated_micro, stated_micro, 0), Side(value, value, 0, spread), per_unit


def _term_value(tables: dict[str, pd.DataFrame], term: Term) -> tuple[int, int, int, int, int]:
    """(value, value as printed, rows counted, half-steps of the printed amounts, rows selected
    that print no figure) of one term, signed; the half-steps are what rounding each printed
    amount may hide (0 for counts)."""
    frame = tables[term.table]
    money = term.measure == "amount"
    text_column = "stated" if term.table == "totals" else "amount"
    selected = matching_rows(frame, term.conditions)
    if money:
        rows = frame.loc[selected, ["amount_fen", "amount_as_printed_fen", text_column, "unit"]]
        side = _money_side(rows, text_column)
        value, as_printed, spread = side.value, side.as_printed, side.spread or 0
        counted = int(rows["amount_fen"].notna().sum())
    else:  # a count, or a measured quantity in millionths of its kind's base unit (15 公顷 ≠ 15 亩)
        column = summed_column(term.table, term.measure)
        summed = frame.loc[selected, column]
        present = summed[summed.notna()]
        value = as_printed = exact_sum(present)
        spread, counted = 0, len(present)
        if column == "value_micro":
            shown = frame.loc[present.index, ["value", "unit"]]
            spread = sum(
                half_step(v, u) for v, u in zip(shown["value"], shown["unit"], strict=True)
            )
    missing = int(selected.sum()) - counted
    return term.sign * value, term.sign * as_printed, counted, spread, missing


def _sum_side(tables: dict[str, pd.DataFrame], terms) -> tuple[Side, int, int]:
    """A side of a check: the terms' sum, with its ``spread`` (the rounding its printed amounts
    may hide), the rows counted and the rows selected that print no figure."""
    values = [_term_value(tables, term) for term in terms]
    return (
        Side(
            sum(v[0] for v in values),
            sum(v[1] for v in values),
            0,
            sum(v[3] for v in values),
        ),
        sum(v[2] for v in values),
        sum(v[4] for v in values),
    )


def _exact(side: Side) -> Side:
    return Side(side.value, side.as_printed, side.decimals)


def _tables_named(*expressions) -> str:
    names = []
    for terms in expressions:
        names += [f"{term.table}.csv" for term in terms if f"{term.table}.csv" not in names]
    return " · ".join(names)


def _shown(value: int, money: bool, measured_unit: str) -> object:
    """A side's value in the unit a note prints it in: 万元, the measured unit, or the count."""
    if money:
        return fen_to_wan(value)
    return units.from_micro(value, measured_unit) if measured_unit else value


def _cross_checks(tables: dict[str, pd.DataFrame]) -> list[dict]:
    rows = []
    for check in tables["crosschecks"].itertuples(index=False):
        left_terms = parse_sum(check.left)
        parts = parse_parts(check.right)
        both, _, _ = _sum_side(tables, left_terms)
        sides = [(part.label, *_sum_side(tables, part.terms)) for part in parts]
        # one amount seen twice: rounding may explain a gap up to the half-units of every
        # printed amount on both sides (the left side's are carried on the right)
        left = _exact(both)
        right = Side(
            sum(s[1].value for s in sides),
            sum(s[1].as_printed for s in sides),
            0,
            (both.spread or 0) + sum(s[1].spread or 0 for s in sides),
        )
        counted = sum(s[2] for s in sides)
        money = all(term.measure == "amount" for term in left_terms)
        measured_unit = _measured_unit(tables, left_terms)
        status, tolerance = status_of(left, right, 1)
        note, note_en = notes_for(status, left, right, tolerance, money, measured_unit, both=True)
        if len(parts) > 1 or parts[0].label:
            values = [
                (label, _shown(side.value, money, measured_unit)) for label, side, *_ in sides
            ]
            unit = "万元" if money else measured_unit
            unit_en = units.in_english(unit, True) if unit else ""
            note += f" 各部分：{'，'.join(f'{label} {value} {unit}'.rstrip() for label, value in values)}。"
            note_en += f" Parts: {', '.join(f'{label} {value} {unit_en}'.rstrip() for label, value in values)}."
        if isinstance(check.explanation, str):
            note_en += f" {check.explanation}"
        source = _tables_named(left_terms, *(part.terms for part in parts))
        rows.append(
            check_row(
                check.check_id,
                "cross-check",
                check.description,
                check.description_en,
                left,
                right,
                status,
                tolerance,
                money,
                counted,
                source,
                (note, note_en),
                measured_unit,
            )
        )
    return rows


def _measured_unit(tables: dict[str, pd.DataFrame], terms) -> str:
    """The unit a cross-check of measured quantities is shown in (that of its first row); ""
    for money and counts, which have their own."""
    for term in terms:
        if summed_column(term.table, term.measure) == "value_micro":
            frame = tables[term.table]
            selected = frame.loc[matching_rows(frame, term.conditions), "unit"]
            return str(selected.iloc[0]) if len(selected) else ""
    return ""


def _rate_status(stated: Fraction, half_unit: Fraction, top: int, bottom: int, spreads) -> str:
    """``ok``, ``rounding`` or ``discrepancy`` of a printed rate against numerator / denominator.

    Rounding, as the scan reads a rate: the computed rate rounds to the printed one, or the
    intervals that the printed rate, numerator and denominator stand for meet (each printed
    amount stands for half a unit of its last digit either side; XBRL Calculations 1.1).
    """
    exact = Fraction(100 * top, bottom)
    if exact == stated:
        return "ok"
    if abs(exact - stated) <= half_unit:
        return "rounding"
    top_half, bottom_half = spreads
    if top >= 0 and bottom > bottom_half:
        low = Fraction(100 * (top - top_half), bottom + bottom_half)
        high = Fraction(100 * (top + top_half), bottom - bottom_half)
        if low <= stated + half_unit and high >= stated - half_unit:
            return "rounding"
    return "discrepancy"


#: The note of a rate whose denominator's parts, not 0, sum to 0 (``a[] - a[]``): a mistake of
#: the declaration, which validate refuses at its line.
CANCELLING = (
    "分母各部分相抵，其和为零，比率无法计算。",
    "The denominator's parts cancel out to zero: the rate cannot be computed.",
)


def _ratio_checks(tables: dict[str, pd.DataFrame]) -> list[dict]:
    """A stated percentage against numerator / denominator, compared at the printed precision.

    ``corrected``: the rate fails against the sums as printed and holds once corrected; the
    computed figure as printed is the rate of the printed sums.
    """
    rows = []
    for ratio in tables["indicators"].itertuples(index=False):
        top, top_counted, top_missing = _sum_side(tables, parse_sum(ratio.numerator))
        bottom, counted, bottom_missing = _sum_side(tables, parse_sum(ratio.denominator))
        counted += (
            top_counted  # the parts of the computed rate: the numerator's and the denominator's
        )
        decimals = decimals_of(ratio.stated)
        stated = Fraction(Decimal(ratio.stated))
        half_unit = Fraction(1, 2 * 10**decimals)
        spreads = (top.spread or 0, bottom.spread or 0)
        computed: Decimal | None
        computed_as_printed: Decimal | None = None
        if not bottom.value:  # not computable: no figure, never 0, inf or nan
            status = NOT_COMPUTABLE
            if any(_term_value(tables, term)[0] for term in parse_sum(ratio.denominator)):
                # parts that are not 0 cancel out: the declaration's error (findings says so)
                note, note_en = CANCELLING
            else:  # the report printed a base of 0: it cannot be checked, and needs no finding
                note = "分母为零，比率无法计算，无从核对。"
                note_en = "The denominator is zero: the rate cannot be computed, nor checked."
            computed = None
        else:
            exact = Fraction(100 * top.value, bottom.value)
            computed = _percent(exact, decimals)
            status = _rate_status(stated, half_unit, top.value, bottom.value, spreads)
            printed_status = status
            if bottom.as_printed:
                computed_as_printed = _percent(
                    Fraction(100 * top.as_printed, bottom.as_printed), decimals
                )
                printed_status = _rate_status(
                    stated, half_unit, top.as_printed, bottom.as_printed, spreads
                )
            if status != "discrepancy" and printed_status == "discrepancy":
                status = "corrected"
            rounded = computed.quantize(Decimal(1).scaleb(-decimals))
            note = f"计算为 {computed}%，按原文精度为 {rounded}%。"
            note_en = f"Computes to {computed}%; at the printed precision, {rounded}%."
            if status == "rounding" and abs(exact - stated) > half_unit:
                note += "所述比率、分子与分母按所印精度代表的区间相交，可由四舍五入解释。"
                note_en += (
                    " The intervals that the printed rate, numerator and denominator stand for "
                    "meet: rounding."
                )
            elif status == "corrected":
                note += f"按原文计算为 {computed_as_printed}%，与所述不符；更正后一致。"
                note_en += (
                    f" As printed it computes to {computed_as_printed}%, against the stated "
                    "figure; with the corrections applied they agree."
                )
        for missing, zh, en in (
            (top_missing, "分子", "numerator"),
            (bottom_missing, "分母", "denominator"),
        ):
            if missing:
                note += f" {zh}中 {missing} 个部分报告未载明数值。"
                note_en += f" {missing} part(s) of the {en} print no figure."
        if isinstance(ratio.explanation, str):
            note_en += f" {ratio.explanation}"
        stated_decimal = Decimal(ratio.stated)
        if computed_as_printed is None:
            computed_as_printed = computed
        rows.append(
            {
                "check": ratio.indicator_id,
                "kind": "ratio",
                "description": ratio.description,
                "description_en": ratio.description_en,
                "stated": stated_decimal,
                "computed": computed,
                "difference": None if computed is None else computed - stated_decimal,
                "status": status,
                "unit": "%",
                "parts": counted,
                "stated_as_printed": stated_decimal,
                "computed_as_printed": computed_as_printed,
                "tolerance": Decimal(half_unit.numerator) / Decimal(half_unit.denominator),
                "finding": "",
                "source": source_of(tables, ratio.section_id, ratio.printed),
                "note": note,
                "note_en": note_en,
            }
        )
    return rows


def _percent(exact: Fraction, decimals: int) -> Decimal:
    """A computed rate to four more decimals than the stated one prints."""
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    return value.quantize(Decimal(1).scaleb(-(decimals + 4)))


def _checks(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = _stated_total_checks(tables) + _ratio_checks(tables) + _cross_checks(tables)
    rows += scorecard_checks(tables)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["status"] = pd.Categorical(frame["status"], categories=STATUSES)
    owner = {}
    for finding in tables["findings"].itertuples(index=False):
        for check in (finding.checks or "").split(";") if isinstance(finding.checks, str) else []:
            owner.setdefault(check, finding.finding_id)
    frame["finding"] = frame["check"].map(lambda check: owner.get(check, "")).astype(str)
    return frame


#: The checks of each loaded directory, computed once (a reload gives a new Loaded object).
_RESULTS: dict[Path, tuple[object, pd.DataFrame]] = {}


def reconcile(data_dir: PathLike = None) -> pd.DataFrame:
    """One row per declared check, with its status, exact figures and explanation."""
    directory = resolve_data_dir(data_dir)
    loaded = load_report_tables(directory)
    cached = _RESULTS.get(directory.resolve())
    if cached is None or cached[0] is not loaded:
        stored = cache.read(directory, "checks", loaded.digest) if loaded.digest else None
        if not isinstance(stored, pd.DataFrame):
            try:
                stored = _checks(loaded.tables)
            except Exception as error:
                raise unexpected(str(directory), error) from error
            if loaded.digest:
                cache.write(directory, "checks", loaded.digest, stored)
        cached = (loaded, stored)
        _RESULTS[directory.resolve()] = cached
    return cached[1].copy()
