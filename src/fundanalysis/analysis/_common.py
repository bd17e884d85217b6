"""Small helpers shared by the analysis modules."""

from __future__ import annotations

import pandas as pd

from fundanalysis.data.money import FEN_PER_WAN


def exact_sum(frame: pd.DataFrame, by: str | list[str], order: list | None = None) -> pd.DataFrame:
    """Sum ``amount_fen`` by ``by``; add ``amount_wan`` and each group's share of the whole.

    Against a whole of 0 the shares are not computable: NaN, with ``share_computable`` False.
    """
    grouped = frame.groupby(by, sort=False, observed=True, dropna=False)["amount_fen"].sum()
    result = grouped.astype("Int64").reset_index()
    if order is not None:
        key = by if isinstance(by, str) else by[0]
        rank = {value: position for position, value in enumerate(order)}
        result = result.sort_values(key, key=lambda s: s.map(rank), kind="stable")
        result = result.reset_index(drop=True)
    result["amount_wan"] = result["amount_fen"].astype(float) / FEN_PER_WAN
    whole = float(result["amount_fen"].sum())
    result["share"], result["share_computable"] = share(result["amount_fen"], whole)
    return result


def share(part: pd.Series, whole: float | pd.Series) -> tuple[pd.Series, pd.Series]:
    """``part / whole`` as floats, and where it is computable: NaN, flagged False, where the
    whole is 0 (see :data:`fundanalysis.analysis.results.NOT_COMPUTABLE`), never inf or nan
    presented as a figure."""
    whole = pd.Series(whole, index=part.index, dtype=float)
    computable = whole != 0
    values = part.astype(float).div(whole.where(computable))
    return values, computable


def with_english(frame: pd.DataFrame, column: str, terms: dict[str, str]) -> pd.DataFrame:
    """Add ``{column}_en`` from a report vocabulary, right after ``column``."""
    if f"{column}_en" not in frame.columns:
        frame.insert(frame.columns.get_loc(column) + 1, f"{column}_en", frame[column].map(terms))
    return frame


def wan(fen: int) -> float:
    """万元 as a float, for charts and ratios."""
    return fen / FEN_PER_WAN
