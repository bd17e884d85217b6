"""Funding and disbursement: the prefecture budget, the 2020 batches, county allocations."""

from __future__ import annotations

import pandas as pd

from fundanalysis import vocabulary as vocab
from fundanalysis.analysis._common import exact_sum, wan
from fundanalysis.money import FEN_PER_WAN


def budget_growth(budget: pd.DataFrame) -> pd.DataFrame:
    """Year-on-year change of the prefecture budget, corrected and as printed.

    ``growth`` is the change over the previous year as a fraction; ``rose`` tells whether the
    year is above the one before, as the report claims of every year.
    """
    frame = budget.sort_values("year")[
        ["year", "amount_fen", "amount_as_printed_fen", "corrections"]
    ]
    frame = frame.reset_index(drop=True)
    frame["amount_wan"] = frame["amount_fen"].astype(float) / FEN_PER_WAN
    frame["as_printed_wan"] = frame["amount_as_printed_fen"].astype(float) / FEN_PER_WAN
    frame["change_wan"] = frame["amount_fen"].diff().astype(float) / FEN_PER_WAN
    frame["growth"] = frame["amount_fen"].astype(float).pct_change()
    frame["rose"] = frame["amount_fen"].diff() > 0
    frame["rose_as_printed"] = frame["amount_as_printed_fen"].diff() > 0
    frame.loc[0, ["rose", "rose_as_printed"]] = pd.NA
    return frame.drop(columns=["amount_fen", "amount_as_printed_fen"])


def compound_annual_growth(budget: pd.DataFrame) -> float:
    """Compound annual growth rate from the first to the last year, as a fraction."""
    ordered = budget.sort_values("year")
    first, last = ordered.iloc[0], ordered.iloc[-1]
    years = int(last["year"]) - int(first["year"])
    return (int(last["amount_fen"]) / int(first["amount_fen"])) ** (1 / years) - 1


def funds_by_level(transfers: pd.DataFrame, reward_split: pd.DataFrame) -> pd.DataFrame:
    """2020 funds by level of government, with the combined reward batch split between levels.

    ``reward_split`` is :func:`fundanalysis.reconcile.implied_reward_split`: the report prints
    the central/autonomous-region reward batch as one amount.
    """
    own = transfers[transfers["level"] != "中央、自治区"][["level", "amount_fen"]]
    shares = reward_split[["level", "amount_fen"]]
    levels = [lv for lv in vocab.LEVELS if lv in set(own["level"]) | set(shares["level"])]
    result = exact_sum(pd.concat([own, shares], ignore_index=True), "level", order=levels)
    result.insert(1, "level_en", result["level"].map(vocab.LEVELS))
    return result


def batch_timeline(transfers: pd.DataFrame) -> pd.DataFrame:
    """One row per batch in date order: amount, date, days since the previous batch, running total."""
    batches = (
        transfers.groupby(
            ["batch", "batch_name", "batch_name_en", "level", "disbursed_on"], sort=False
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


def allocation_matrix(
    allocations: pd.DataFrame, counties: pd.DataFrame, funds: str
) -> pd.DataFrame:
    """Counties × fund types in 万元 for one kind of funds, in the report's county order, with totals."""
    chosen = allocations[allocations["funds"] == funds]
    table = chosen.pivot_table(
        index="county", columns="fund_type", values="amount_fen", aggfunc="sum", fill_value=0
    )
    table = table.reindex(index=[c for c in counties["county"] if c in table.index])
    table = table[[t for t in vocab.FUND_TYPES if t in table.columns]]
    table["合计 total"] = table.sum(axis=1)
    table.loc["合计 total"] = table.sum(axis=0)
    names = dict(zip(counties["county"], counties["county_en"], strict=True))
    table.index = [f"{c} {names.get(c, '')}".strip() for c in table.index]
    table.index.name = "county"
    return (table.astype("int64") / FEN_PER_WAN).astype(float)


def bond_share_by_county(allocations: pd.DataFrame, counties: pd.DataFrame) -> pd.DataFrame:
    """Share of local government bonds in each county's evaluated funds (and overall)."""
    evaluated = allocations[allocations["funds"] == "绩效评价资金"]
    total = evaluated.groupby("county", sort=False)["amount_fen"].sum()
    bonds = (
        evaluated[evaluated["fund_type"] == "地方政府债券资金"]
        .groupby("county")["amount_fen"]
        .sum()
    )
    frame = pd.DataFrame(
        {"total_fen": total, "bonds_fen": bonds.reindex(total.index, fill_value=0)}
    )
    frame = frame.reindex([c for c in counties["county"] if c in frame.index])
    frame.loc["合计 total"] = frame.sum()
    result = pd.DataFrame(
        {
            "county_en": [
                dict(zip(counties["county"], counties["county_en"], strict=True)).get(
                    c, "all counties"
                )
                for c in frame.index
            ],
            "evaluated_wan": [wan(int(v)) for v in frame["total_fen"]],
            "bonds_wan": [wan(int(v)) for v in frame["bonds_fen"]],
            "bond_share": (
                frame["bonds_fen"].astype(float) / frame["total_fen"].astype(float)
            ).to_numpy(),
        },
        index=frame.index,
    )
    result.index.name = "county"
    return result
