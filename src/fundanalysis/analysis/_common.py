"""Small helpers shared by the analysis modules."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd

from fundanalysis.data.intervals import compared_half_fen
from fundanalysis.data.money import FEN_PER_WAN


def exact_sum(frame: pd.DataFrame, by: str | list[str], order: list | None = None) -> pd.DataFrame:
    """Sum ``amount_fen`` by ``by``; add ``amount_wan`` and each group's share of the whole.

    Against a whole of 0 the shares are not computable: NaN, with ``share_computable`` False.
    Where an amount is printed coarser than the 万元 (0.8 亿元), ``share_range`` holds the
    interval of shares the amounts' intervals allow (None where every amount is as printed).
    """
    frame = frame.assign(half_fen=compared_halves(frame))
    groups = frame.groupby(by, sort=False, observed=True, dropna=False)
    grouped = groups["amount_fen"].sum()
    halves = groups["half_fen"].sum()
    result = grouped.astype("Int64").reset_index()
    result["half_fen"] = halves.to_numpy()
    if order is not None:
        key = by if isinstance(by, str) else by[0]
        rank = {value: position for position, value in enumerate(order)}
        result = result.sort_values(key, key=lambda s: s.map(rank), kind="stable")
        result = result.reset_index(drop=True)
    result["amount_wan"] = result["amount_fen"].astype(float) / FEN_PER_WAN
    whole = float(result["amount_fen"].sum())
    result["share"], result["share_computable"] = share(result["amount_fen"], whole)
    result["share_range"] = share_ranges(result["amount_fen"], result["half_fen"])
    return result.drop(columns="half_fen")


def compared_halves(frame: pd.DataFrame) -> list[int]:
    """Each row's amount's half-step where it is printed coarser than the 万元, in 分 (0 where
    the amount is taken as printed, or missing)."""
    if "amount" not in frame.columns or "unit" not in frame.columns:
        return [0] * len(frame)
    return [
        compared_half_fen(t, u) if not pd.isna(f) else 0
        for t, u, f in zip(frame["amount"], frame["unit"], frame["amount_fen"], strict=True)
    ]


def share_ranges(parts: pd.Series, halves: pd.Series) -> list:
    """Each part's share of the parts' sum as an interval (Fractions), the parts being the
    intervals ``part ± half``: the lowest share has the part at its bottom and the others at
    their top, the highest the reverse. None where no part is rounded, or the whole may be 0."""
    values = [0 if pd.isna(v) else int(v) for v in parts]
    spread = [int(h) for h in halves]
    whole, whole_half = sum(values), sum(spread)
    if not whole_half:
        return [None] * len(values)
    result = []
    for value, half in zip(values, spread, strict=True):
        others_half = whole_half - half
        lowest = whole - half + others_half  # the whole with this part low, the others high
        highest = whole + half - others_half
        if lowest <= 0 or highest <= 0:
            result.append(None)
            continue
        low = Fraction(max(value - half, 0), lowest)
        high = min(Fraction(value + half, highest), Fraction(1))
        result.append(None if low == high else (low, high))  # the only part is 100 %, exactly
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
