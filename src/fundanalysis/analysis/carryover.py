"""Carry-over (结转结余): by county, funding source and kind; payment schedule; carry-over rates."""

from __future__ import annotations

import pandas as pd

from fundanalysis import vocabulary as vocab
from fundanalysis.analysis._common import exact_sum, wan


def carryover_by(carry: pd.DataFrame, by: str, order: list[str] | None = None) -> pd.DataFrame:
    """Carry-over summed by one column, with the number of leaf items and of projects stated."""
    result = exact_sum(carry, by, order=order)
    counts = carry.groupby(by, sort=False, observed=True).agg(
        items=("amount_fen", "size"), projects_stated=("project_count", "sum")
    )
    return result.merge(counts, left_on=by, right_index=True)


def carryover_by_county(carry: pd.DataFrame, counties: pd.DataFrame) -> pd.DataFrame:
    """Carry-over per county in the report's order, with the English name."""
    result = carryover_by(carry, "county", order=list(counties["county"]))
    names = dict(zip(counties["county"], counties["county_en"], strict=True))
    result.insert(1, "county_en", result["county"].map(names))
    return result


def carryover_by_level(carry: pd.DataFrame) -> pd.DataFrame:
    """Carry-over by the level of government of each item's funding source."""
    result = carryover_by(carry, "level", order=list(vocab.LEVELS))
    result.insert(1, "level_en", result["level"].map(vocab.LEVELS))
    return result


def carryover_by_kind(carry: pd.DataFrame) -> pd.DataFrame:
    """Carry-over by kind: quality deposit, tail payment, surplus, tail or failed payment."""
    result = carryover_by(carry, "kind", order=list(vocab.CARRYOVER_KINDS))
    result.insert(1, "kind_en", result["kind"].map(vocab.CARRYOVER_KINDS))
    return result


def payment_schedule(carry: pd.DataFrame) -> pd.DataFrame:
    """What was paid by 30 September and what was planned for when, by county and date."""
    frame = carry.copy()
    frame["payment_date"] = frame["payment_date"].dt.strftime("%Y-%m-%d").fillna("—")
    result = (
        frame.groupby(["payment_status", "payment_date", "county"], sort=False)
        .agg(amount_fen=("amount_fen", "sum"), items=("amount_fen", "size"))
        .reset_index()
    )
    rank = {status: position for position, status in enumerate(vocab.PAYMENT_STATUSES)}
    result = result.sort_values(
        ["payment_status", "payment_date"],
        key=lambda s: s.map(rank) if s.name == "payment_status" else s,
    ).reset_index(drop=True)
    result.insert(1, "payment_status_en", result["payment_status"].map(vocab.PAYMENT_STATUSES))
    result["amount_wan"] = result["amount_fen"].astype(float) / 1_000_000
    return result.drop(columns=["amount_fen"])


def carryover_rates(
    carry: pd.DataFrame, allocations: pd.DataFrame, counties: pd.DataFrame
) -> pd.DataFrame:
    """Carry-over as a share of each county's funds, against two named denominators.

    ``of_evaluated``: carry-over of upper-level, prefecture and bond money (county money left
    out, since the evaluated funds contain none) over the county's evaluated allocation.
    ``of_all_prefecture_level``: the same numerator over evaluated plus the prefecture's own
    allocation. ``all_carryover_wan`` also counts county money, which neither denominator
    contains: dividing it by them would overstate the rate.
    """
    names = dict(zip(counties["county"], counties["county_en"], strict=True))
    rows = []
    for county, items in carry.groupby("county", sort=False):
        upper = items[items["level"] != "县级"]["amount_fen"].sum()
        alloc = allocations[allocations["county"] == county]
        evaluated = alloc[alloc["funds"] == "绩效评价资金"]["amount_fen"].sum()
        own = alloc[alloc["funds"] == "州本级资金"]["amount_fen"].sum()
        rows.append(
            {
                "county": county,
                "county_en": names.get(county, ""),
                "all_carryover_wan": wan(int(items["amount_fen"].sum())),
                "carryover_excl_county_funds_wan": wan(int(upper)),
                "evaluated_wan": wan(int(evaluated)),
                "evaluated_and_own_wan": wan(int(evaluated + own)),
                "of_evaluated": float(upper) / float(evaluated),
                "of_all_prefecture_level": float(upper) / float(evaluated + own),
            }
        )
    return pd.DataFrame(rows)
