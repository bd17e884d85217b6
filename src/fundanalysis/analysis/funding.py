"""Funding and disbursement: the jurisdiction's own budget, the year's funds, batches, allocations."""

from __future__ import annotations

import pandas as pd

from fundanalysis.analysis._common import exact_sum, share, with_english
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data.intervals import (
    compared_half_fen,
    difference,
    is_exact,
    ratio,
    relative_change,
    span,
)
from fundanalysis.data.money import FEN_PER_WAN, fen_to_wan


def budget_growth(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Year-on-year change of the own budget, corrected and as printed.

    ``growth`` is the change over the previous year as a fraction; ``rose`` tells whether the
    year is above the one before, corrected and as printed. Where the report does not print
    the year before, there is no change on it (NA), whatever earlier year it prints.
    """
    budget = report.tables["budget"]
    if budget.empty:
        return NotReported("本级历年预算", "the jurisdiction's own budget by year")
    frame = budget.sort_values("year")[
        ["year", "amount_fen", "amount_as_printed_fen", "corrections"]
    ]
    frame = frame.reset_index(drop=True)
    frame["amount_wan"] = frame["amount_fen"].astype(float) / FEN_PER_WAN
    frame["as_printed_wan"] = frame["amount_as_printed_fen"].astype(float) / FEN_PER_WAN
    printed = budget.sort_values("year").reset_index(drop=True)
    frame["as_printed"] = [
        f"{amount} {unit}"  # as printed: no separator the report does not print
        for amount, unit in zip(printed["amount"], printed["unit_as_printed"], strict=True)
    ]
    frame["change_wan"] = frame["amount_fen"].diff().astype(float) / FEN_PER_WAN
    previous = frame["amount_fen"].shift()
    frame["growth"] = (frame["amount_fen"] - previous).astype(float) / previous.astype(float)
    frame.loc[previous == 0, "growth"] = float("nan")
    frame["growth_computable"] = ~(previous == 0)  # growth over a year of 0: not computable
    frame["rose"] = (frame["amount_fen"].diff() > 0).astype("boolean")
    frame["rose_as_printed"] = (frame["amount_as_printed_fen"].diff() > 0).astype("boolean")
    frame.loc[0, ["rose", "rose_as_printed"]] = pd.NA
    # the year before is a year the report prints, or there is no change on it (2016 → 2018
    # is not a change on the year before)
    after_a_gap = frame["year"].astype(int).diff() != 1
    frame.loc[after_a_gap, ["change_wan", "growth"]] = float("nan")
    frame.loc[after_a_gap, ["rose", "rose_as_printed"]] = pd.NA
    frame["change_wan_range"], frame["growth_range"] = _change_ranges(printed, after_a_gap)
    return frame.drop(columns=["amount_fen", "amount_as_printed_fen"])


def _budget_spans(budget: pd.DataFrame) -> list[tuple[int, int]]:
    """Each year's corrected amount as the interval its printing allows, in 分."""
    return [
        span(int(fen), compared_half_fen(text, unit))
        for fen, text, unit in zip(
            budget["amount_fen"], budget["amount"], budget["unit"], strict=True
        )
    ]


def _change_ranges(budget: pd.DataFrame, after_a_gap: pd.Series) -> tuple[list, list]:
    """The change on the year before (万元) and its growth as intervals, where a figure of the
    two is printed coarser than the 万元 (1.2 亿元): None where both are taken as printed."""
    spans = _budget_spans(budget)
    changes: list = [None] * len(spans)
    growths: list = [None] * len(spans)
    for i in range(1, len(spans)):
        if bool(after_a_gap.iloc[i]) or is_exact(spans[i - 1], spans[i]):
            continue
        low, high = difference(spans[i - 1], spans[i])
        changes[i] = (fen_to_wan(low), fen_to_wan(high))
        growths[i] = relative_change(spans[i - 1], spans[i])
    return changes, growths


def compound_annual_growth(report: AuditedReport) -> float | None:
    """Compound annual growth from the first to the last year, or None where undefined.

    Undefined with fewer than two years or a first year of zero.
    """
    budget = report.tables["budget"].sort_values("year")
    if len(budget) < 2 or int(budget["amount_fen"].iloc[0]) == 0:
        return None
    first, last = budget.iloc[0], budget.iloc[-1]
    years = int(last["year"]) - int(first["year"])
    return (int(last["amount_fen"]) / int(first["amount_fen"])) ** (1 / years) - 1


def compound_growth_range(report: AuditedReport) -> tuple[float, float] | None:
    """The compound annual growth the first and last years' intervals allow, where either is
    printed coarser than the 万元; None where both are taken as printed (or it is undefined)."""
    budget = report.tables["budget"].sort_values("year")
    if compound_annual_growth(report) is None:
        return None
    spans = _budget_spans(budget)
    first, last = spans[0], spans[-1]
    quotient = ratio(last, first)
    if is_exact(first, last) or quotient is None:
        return None
    years = int(budget["year"].iloc[-1]) - int(budget["year"].iloc[0])
    return float(quotient[0]) ** (1 / years) - 1, float(quotient[1]) ** (1 / years) - 1


def funds_table(report: AuditedReport) -> str | None:
    """The table that gives the year's funds by level: transfers, else evaluated funds."""
    for name in ("transfers", "evaluated_funds"):
        if report.has(name):
            return name
    return None


def funds_by_level(report: AuditedReport) -> pd.DataFrame | NotReported:
    """The year's funds by level of government, in the report's order of levels, with shares.

    From the transfers where the report lists them, otherwise from the funds under evaluation.
    A level the report prints for several levels together (such as 中央、自治区) stays as printed.
    """
    name = funds_table(report)
    if name is None:
        return NotReported("分级次的资金", "the year's funds by level of government")
    levels = report.terms("level")
    result = exact_sum(report.tables[name], "level", order=list(levels))
    return with_english(result, "level", levels)


def funds_by_level_and_type(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Funds under evaluation by level and fund type, as the report breaks them down."""
    funds = report.tables["evaluated_funds"]
    if funds.empty:
        return NotReported("纳入绩效评价的资金", "the funds under evaluation")
    levels = list(report.terms("level"))
    frame = funds.copy()
    frame["order"] = frame["level"].map({lv: i for i, lv in enumerate(levels)})
    frame = frame.sort_values("order", kind="stable")
    frame["amount_wan"] = frame["amount_fen"].astype(float) / FEN_PER_WAN
    frame["share"], frame["share_computable"] = share(
        frame["amount_fen"], float(frame["amount_fen"].sum())
    )
    return frame[
        ["level", "level_en", "fund_type", "fund_type_en", "amount_wan", "share"]
    ].reset_index(drop=True)


def batch_timeline(report: AuditedReport) -> pd.DataFrame | NotReported:
    """One row per batch in date order: amount, date, days since the previous batch, running total."""
    transfers = report.tables["transfers"]
    if transfers.empty:
        return NotReported("资金拨付批次", "transfer batches")
    batches = (
        transfers.groupby(
            ["batch", "batch_name", "batch_name_en", "level", "level_en", "disbursed_on"],
            sort=False,
        )["amount_fen"]
        .sum()
        .reset_index()
        .sort_values(["disbursed_on", "batch"])
        .reset_index(drop=True)
    )
    batches["amount_wan"] = batches["amount_fen"].astype(float) / FEN_PER_WAN
    batches["days_since_previous"] = batches["disbursed_on"].diff().dt.days.astype("Int64")
    batches["cumulative_wan"] = batches["amount_fen"].cumsum().astype(float) / FEN_PER_WAN
    return batches.drop(columns=["amount_fen"])


def allocation_funds(report: AuditedReport) -> list[str]:
    """Which money the allocations are given for (vocabulary ``funds``), in the report's order."""
    present = set(report.tables["allocations"]["funds"])
    return [term for term in report.terms("funds") if term in present]


def allocation_matrix(report: AuditedReport, funds: str) -> pd.DataFrame | NotReported:
    """Places × fund types in 万元 for one kind of funds, in the report's order, with totals.

    Rows are places (``place``, ``place_en``), then a total row; one column per fund type
    (``无`` where the report names none) and a ``total`` column. A place the report prints no
    money of a fund type for has NA there, never 0: the figure is not the report's.
    """
    allocations = report.tables["allocations"]
    chosen = allocations[allocations["funds"] == funds].copy()
    if chosen.empty:
        return NotReported("分地区的资金分配", "allocations to places")
    chosen["fund_type"] = chosen["fund_type"].fillna("")
    table = chosen.pivot_table(
        index="place", columns="fund_type", values="amount_fen", aggfunc="sum"
    )
    places = report.terms("place")
    table = table.reindex(index=[p for p in places if p in table.index])
    types = [*list(report.terms("fund_type")), ""]
    table = table[[t for t in types if t in table.columns]].astype("Int64")  # exact 分
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0, min_count=1)
    result = (table.astype("Float64") / FEN_PER_WAN).astype(float).reset_index()
    result.columns.name = None
    names = {**places, "total": "all places"}
    result.insert(1, "place_en", result["place"].map(names))
    result.loc[result["place"] == "total", "place"] = "合计"
    return result


def largest_fund_type_share(report: AuditedReport, funds: str) -> pd.DataFrame | NotReported:
    """For each place, the fund type that is most of its money, and that share."""
    matrix = allocation_matrix(report, funds)
    if isinstance(matrix, NotReported):
        return matrix
    types = [c for c in matrix.columns if c not in ("place", "place_en", "total")]
    body = matrix[types]
    fund_types = report.terms("fund_type")
    result = matrix[["place", "place_en", "total"]].copy()
    largest = body.max(axis=1)
    # two fund types of the same size are both the largest: each is named
    tied = [[t for t in types if body.at[i, t] == largest[i]] for i in body.index]
    result["fund_type"] = ["、".join(t) for t in tied]
    result["fund_type_en"] = ["; ".join(fund_types.get(x, x) for x in t) for t in tied]
    result["share"], result["share_computable"] = share(largest, matrix["total"])
    return result.rename(columns={"total": "amount_wan"})
