"""Tables for people: numbers as text with separators, percentages, no float noise.

Notebooks and the site show these; the analysis tables keep their numeric columns.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def formatted(
    frame: pd.DataFrame,
    money: Iterable[str] = (),
    percent: Iterable[str] = (),
    decimals: int = 2,
    exact: Iterable[str] = (),
) -> pd.DataFrame:
    """A copy of ``frame`` with money columns as ``1,441.16``, percent columns as ``12.3%``.

    ``exact`` columns hold Decimals (reconciliation results) and are shown with every
    decimal they have, nothing rounded away.
    """
    shown = frame.copy()
    for column in money:
        shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:,.{decimals}f}")
    for column in percent:
        shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:.1%}")
    for column in exact:
        shown[column] = shown[column].map(lambda v: f"{v:,f}")
    return shown
