"""Carry-over (结转结余): by place, level and kind; the payment schedule; carry-over rates."""

from __future__ import annotations

import pandas as pd

from fundanalysis.analysis._common import compared_halves, exact_sum, with_english
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.intervals import is_exact, ratio, span
from fundanalysis.data.money import FEN_PER_WAN

MISSING = NotReported("结转结余明细", "carry-over")


def carryover_by(report: AuditedReport, by: str, vocabulary: str) -> pd.DataFrame | NotReported:
    """Carry-over summed by one column, in the vocabulary's order, with its items, the projects
    they state and the items that state none: a place whose items print no count has no
    projects stated (NA, never 0), and one where some print none says how many."""
    carry = report.tables["carryover"]
    if carry.empty:
        return MISSING
    terms = report.terms(vocabulary)
    result = exact_sum(carry, by, order=list(terms))
    counts = carry.assign(unstated=carry["project_count"].isna()).groupby(by, sort=False)
    counts = counts.agg(
        items=("amount_fen", "size"),
        projects_stated=("project_count", lambda c: c.sum(min_count=1)),
        items_stating_no_count=("unstated", "sum"),
    )
    counts["projects_stated"] = counts["projects_stated"].astype("Int64")
    result = result.merge(counts, left_on=by, right_index=True)
    return with_english(result, by, terms)


def carryover_by_place(report: AuditedReport) -> pd.DataFrame | NotReported:
    return carryover_by(report, "place", "place")


def carryover_by_level(report: AuditedReport) -> pd.DataFrame | NotReported:
    """By the level of government of each item's funding source."""
    return carryover_by(report, "level", "level")


def carryover_by_kind(report: AuditedReport) -> pd.DataFrame | NotReported:
    """By kind: quality deposits, tail payments, surplus, …, as the report's vocabulary names them."""
    return carryover_by(report, "kind", "carryover_kind")


def leaf_items(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Every carry-over line as printed, with its English forms."""
    carry = report.tables["carryover"]
    if carry.empty:
        return MISSING
    return carry.assign(amount_wan=carry["amount_fen"].astype(float) / FEN_PER_WAN)


def payment_schedule(report: AuditedReport) -> pd.DataFrame | NotReported:
    """What was paid and what was planned for when, by place and date."""
    carry = report.tables["carryover"]
    if carry.empty:
        return MISSING
    frame = carry.copy()
    frame["payment_date"] = frame["payment_date"].dt.strftime("%Y-%m-%d").fillna("—")
    result = (
        frame.groupby(["payment_status", "payment_date", "place", "place_en"], sort=False)
        .agg(amount_fen=("amount_fen", "sum"), items=("amount_fen", "size"))
        .reset_index()
    )
    rank = {status: position for position, status in enumerate(vocab.PAYMENT_STATUSES)}
    result = result.sort_values(
        ["payment_status", "payment_date"],
        key=lambda s: s.map(rank) if s.name == "payment_status" else s,
        kind="stable",
    ).reset_index(drop=True)
    result.insert(1, "payment_status_en", result["payment_status"].map(vocab.PAYMENT_STATUSES))
    result["amount_wan"] = result["amount_fen"].astype(float) / FEN_PER_WAN
    return result.drop(columns=["amount_fen"])


def carryover_rates(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Carry-over of each place over all the money allocated to it.

    The numerator counts every carry-over line, including money of levels that the allocations
    may not contain (a county's own funds, say), so the rate is an upper bound; the notebook
    shows both figures so the reader can judge.
    """
    carry, allocations = report.tables["carryover"], report.tables["allocations"]
    if carry.empty or allocations.empty:
        return NotReported("结转与分配资金两者", "both carry-over and allocations by place")
    places = report.terms("place")
    rows = []
    for place, items in carry.groupby("place", sort=False):
        given = allocations[allocations["place"] == place]
        allocated = int(given["amount_fen"].sum())
        carried = int(items["amount_fen"].sum())
        # an amount printed coarser than the 万元 (0.045 亿元): the rate is the range it allows
        top = span(carried, sum(compared_halves(items)))
        bottom = span(allocated, sum(compared_halves(given)))
        rate_range = None if is_exact(top, bottom) else ratio(top, bottom)
        rows.append(
            {
                "place": place,
                "place_en": places.get(place, ""),
                "carryover_wan": carried / FEN_PER_WAN,
                # a place with no allocation printed has none; one printed as 0 has 0
                "allocated_wan": None if given.empty else allocated / FEN_PER_WAN,
                "carryover_rate": carried / allocated if allocated else None,
                "carryover_rate_range": rate_range,
                # over an allocation printed as 0 the rate cannot be computed (not: not printed)
                "carryover_rate_computable": given.empty or allocated != 0,
            }
        )
    return pd.DataFrame(rows)
