"""Small helpers shared by the analysis modules."""

from __future__ import annotations

import pandas as pd

from fundanalysis.money import FEN_PER_WAN


def exact_sum(frame: pd.DataFrame, by: str | list[str], order: list | None = None) -> pd.DataFrame:
    """Sum ``amount_fen`` by ``by``; add ``amount_wan`` and each group's share of the whole."""
    grouped = frame.groupby(by, sort=False, observed=True)["amount_fen"].sum().astype("Int64")
    result = grouped.reset_index()
    if order is not None:
        key = by if isinstance(by, str) else by[0]
        rank = {value: position for position, value in enumerate(order)}
        result = result.sort_values(key, key=lambda s: s.map(rank)).reset_index(drop=True)
    result["amount_wan"] = result["amount_fen"].astype(float) / FEN_PER_WAN
    result["share"] = result["amount_fen"].astype(float) / float(result["amount_fen"].sum())
    return result


def wan(fen: int) -> float:
    """万元 as a float, for charts and ratios."""
    return fen / FEN_PER_WAN
