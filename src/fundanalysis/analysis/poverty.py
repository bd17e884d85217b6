"""Poverty reduction: the registered poor population at the dates printed, its change, and funds per person."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pandas as pd

from fundanalysis.analysis.funding import funds_by_level, funds_table
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data import units
from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.intervals import (
    compared_half_fen,
    difference,
    half_step,
    is_exact,
    ratio,
    relative_change,
    span,
)
from fundanalysis.data.money import FEN_PER_UNIT, FEN_PER_WAN

MISSING = NotReported("贫困人口数据", "poverty counts")


def _order(poverty: pd.DataFrame) -> pd.DataFrame:
    """The library's measures in their order, then the report's own, each in date order."""
    order = {code: i for i, code in enumerate(vocab.POVERTY_MEASURES)}
    rank = poverty["measure"].map(lambda m: order.get(m, len(order)))
    return poverty.assign(order=rank).sort_values(["order", "as_of"], kind="stable")


def poverty_counts(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Every poverty count (or rate) with its date and its words in both languages, exact."""
    poverty = report.tables["poverty"]
    if poverty.empty:
        return MISSING
    frame = _order(poverty)
    frame["measure_code"] = frame["measure"]
    frame["measure"] = frame["measure_name"]
    frame["value"] = [Decimal(v) for v in frame["value"]]
    return frame[
        [
            "measure_code",
            "measure",
            "measure_en",
            "value",
            "value_number",
            "value_micro",
            "unit",
            "unit_en",
            "kind",
            "as_of",
            "printed",
        ]
    ].reset_index(drop=True)


def poverty_changes(report: AuditedReport) -> pd.DataFrame | NotReported:
    """For each measure printed at two or more dates: the first and last value as printed and
    the change, exact, in the last one's unit (3 万人 to 1000 人 is −29,000 人; a rate's change
    is in percentage points, and has no share)."""
    poverty = _order(report.tables["poverty"].dropna(subset=["as_of"]))
    rows = []
    for _, counts in poverty.groupby("measure", sort=False):
        if len(counts) < 2:
            continue
        counts = counts.sort_values("as_of")
        first, last = counts.iloc[0], counts.iloc[-1]
        unit = last["unit"]
        change = int(last["value_micro"]) - int(first["value_micro"])
        share = first["kind"] != "rate" and bool(int(first["value_micro"]))
        spans = _span(first), _span(last)
        rounded = not is_exact(*spans)
        low, high = difference(*spans)
        shares = relative_change(*spans) if share and rounded else None
        rate = first["kind"] == "rate"  # a rate's change is in percentage points
        rows.append(
            {
                "measure": first["measure_name"],
                "measure_en": first["measure_en"],
                "first": f"{Decimal(first['value']):,f} {first['unit']}（{first['as_of']:%Y-%m-%d}）",
                "first_en": f"{Decimal(first['value']):,f} {units.in_english(first['unit'], True)} "
                f"({first['as_of']:%Y-%m-%d})",
                "last": f"{Decimal(last['value']):,f} {unit}（{last['as_of']:%Y-%m-%d}）",
                "last_en": f"{Decimal(last['value']):,f} {units.in_english(unit, True)} "
                f"({last['as_of']:%Y-%m-%d})",
                "change": units.from_micro(change, unit),
                "change_range": (units.from_micro(low, unit), units.from_micro(high, unit))
                if rounded
                else None,
                "change_unit": "百分点" if rate else unit,
                "change_unit_en": "percentage points" if rate else units.in_english(unit, True),
                "change_share": change / int(first["value_micro"]) if share else None,
                "change_share_range": shares,
                "change_share_computable": share or first["kind"] == "rate",
            }
        )
    if not rows:
        return NotReported(
            "同一指标在两个日期的贫困人口数，无法计算减少",
            "a poverty count at two dates, so no reduction can be computed",
        )
    return pd.DataFrame(rows)


def _span(row) -> tuple[int, int]:
    """A poverty figure as the interval its printing allows, in millionths of its base unit
    (1.8 万人: 17,500 to 18,500 people; 300 人 exactly 300; a rate ± half its last digit)."""
    return span(int(row["value_micro"]), half_step(str(row["value"]), row["unit"]))


def _ratio_range(top: tuple[int, int], bottom: tuple[int, int], scale=1):
    """``top / bottom`` × ``scale`` as an interval, or None where both are exact."""
    quotient = None if is_exact(top, bottom) else ratio(top, bottom)
    return None if quotient is None else (quotient[0] * scale, quotient[1] * scale)


def people_per_household(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Registered poor people per registered poor household, at each date both are printed;
    ``people_per_household_range`` is the interval a count printed in 万 allows (None where
    both counts are exact)."""
    poverty = report.tables["poverty"]
    people = poverty[poverty["measure"] == "registered_poor_people"].set_index("as_of")
    households = poverty[poverty["measure"] == "registered_poor_households"].set_index("as_of")
    ranges = {
        d: _ratio_range(_span(people.loc[d]), _span(households.loc[d]))
        for d in people.index
        if d in households.index
    }
    people, households = people["value_micro"], households["value_micro"]
    dates = [d for d in people.index if d in households.index and int(households[d])]
    if not dates:
        return NotReported(
            "同一日期的建档立卡户数与人数", "registered households and people at the same date"
        )
    return pd.DataFrame(
        {
            "as_of": dates,
            "people_per_household": [int(people[d]) / int(households[d]) for d in dates],
            "people_per_household_range": [ranges[d] for d in dates],
        }
    )


def _registered(report: AuditedReport, measure: str) -> int | None:
    poverty = report.tables["poverty"]
    rows = poverty[poverty["measure"] == measure].sort_values("as_of")
    return int(rows["value_micro"].iloc[0]) // units.MICRO if not rows.empty else None


def _registered_span(report: AuditedReport, measure: str) -> tuple[int, int] | None:
    """The earliest count of ``measure`` as the interval its printing allows, in millionths."""
    poverty = report.tables["poverty"]
    rows = poverty[poverty["measure"] == measure].sort_values("as_of")
    return _span(rows.iloc[0]) if not rows.empty else None


def _per_count_ranges(report: AuditedReport, name: str, rows: pd.DataFrame, measure: str):
    """Funds (元) per person or household of each row of ``rows`` (levels, then all) as
    intervals, where the count or an amount is printed coarser than its table's unit."""
    count = _registered_span(report, measure)
    if count is None:
        return [None] * len(rows)
    funds = report.tables[name]
    halves = [compared_half_fen(t, u) for t, u in zip(funds["amount"], funds["unit"], strict=True)]
    by_level = pd.Series(halves, index=funds.index).groupby(funds["level"], sort=False).sum()
    yuan_per_micro = Fraction(units.MICRO, FEN_PER_UNIT["元"])
    result = []
    for level, fen in zip(rows["level"], rows["amount_fen"], strict=True):
        half = int(by_level.get(level, sum(halves))) if level != "合计" else sum(halves)
        result.append(_ratio_range(span(int(fen), half), count, yuan_per_micro))
    return result


def funds_per_poor(report: AuditedReport) -> pd.DataFrame | NotReported:
    """The year's funds per registered poor person and household (元), by level and in all.

    The money does not go to registered poor people alone (much builds roads, canals and water
    supply for whole villages): these are intensities, not transfers per person. The count is
    the earliest one printed, the population the funds were planned for.
    """
    people = _registered(report, "registered_poor_people")
    households = _registered(report, "registered_poor_households")
    levels = funds_by_level(report)
    if people is None or isinstance(levels, NotReported):
        return NotReported(
            "资金与建档立卡贫困人口两者", "both the year's funds and the registered poor population"
        )
    rows = levels[["level", "level_en", "amount_fen"]].copy()
    total = pd.DataFrame(
        [{"level": "合计", "level_en": "all levels", "amount_fen": int(rows["amount_fen"].sum())}]
    )
    rows = pd.concat([rows, total], ignore_index=True)
    per_yuan = FEN_PER_UNIT["元"]
    rows["amount_wan"] = rows["amount_fen"].astype(float) / FEN_PER_WAN
    yuan = rows["amount_fen"].astype(float) / per_yuan
    # per 0 people or households: not computable (NaN, flagged), never inf
    rows["per_person_yuan"] = yuan / people if people else float("nan")
    rows["per_person_yuan_computable"] = bool(people)
    rows["per_household_yuan"] = yuan / households if households else float("nan")
    rows["per_household_yuan_computable"] = households is None or bool(households)
    name = funds_table(report)
    rows["per_person_yuan_range"] = _per_count_ranges(report, name, rows, "registered_poor_people")
    rows["per_household_yuan_range"] = _per_count_ranges(
        report, name, rows, "registered_poor_households"
    )
    rows["funds"] = funds_table(report)
    return rows.drop(columns="amount_fen")
