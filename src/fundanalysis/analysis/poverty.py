"""Poverty reduction: the registered poor population and the funds per person and household."""

from __future__ import annotations

import pandas as pd

from fundanalysis.money import FEN_PER_UNIT


def poverty_figures(poverty: pd.DataFrame) -> pd.Series:
    """The poverty counts keyed by measure."""
    return poverty.set_index("measure")["value"]


def funds_per_poor(
    poverty: pd.DataFrame, transfers: pd.DataFrame, evaluated: pd.DataFrame
) -> pd.DataFrame:
    """Funds per registered poor person and household, in 元, for three named sums of money.

    The report does not say the money went only to registered poor people (much is roads,
    water and village infrastructure), so these are intensities, not transfers per person.
    """
    figures = poverty_figures(poverty)
    people = int(figures["registered_poor_people"])
    households = int(figures["registered_poor_households"])
    sums = {
        "all 2020 funds (transfers) 全部到位资金": int(transfers["amount_fen"].sum()),
        "evaluated funds 纳入绩效评价资金": int(evaluated["amount_fen"].sum()),
        "evaluated funds less bonds 不含债券": int(
            evaluated[evaluated["level"] != "地方政府债券"]["amount_fen"].sum()
        ),
    }
    fen_per_yuan = FEN_PER_UNIT["元"]
    rows = [
        {
            "funds": name,
            "funds_wan": fen / 1_000_000,
            "per_person_yuan": fen / fen_per_yuan / people,
            "per_household_yuan": fen / fen_per_yuan / households,
        }
        for name, fen in sums.items()
    ]
    return pd.DataFrame(rows)


def funds_per_poor_by_level(poverty: pd.DataFrame, levels: pd.DataFrame) -> pd.DataFrame:
    """Funds per registered poor person and household (元) for each level of government.

    ``levels`` is :func:`fundanalysis.analysis.funding.funds_by_level` (exact 分 per level).
    """
    figures = poverty_figures(poverty)
    people = int(figures["registered_poor_people"])
    households = int(figures["registered_poor_households"])
    fen_per_yuan = FEN_PER_UNIT["元"]
    result = levels[["level", "level_en", "amount_wan"]].copy()
    result["per_person_yuan"] = levels["amount_fen"].astype(float) / fen_per_yuan / people
    result["per_household_yuan"] = levels["amount_fen"].astype(float) / fen_per_yuan / households
    return result


def people_per_household(poverty: pd.DataFrame) -> float:
    """Average registered poor people per registered poor household."""
    figures = poverty_figures(poverty)
    return int(figures["registered_poor_people"]) / int(figures["registered_poor_households"])
