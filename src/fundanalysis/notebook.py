"""One call that prepares a notebook: chart style, CJK font, and how pandas shows tables."""

from __future__ import annotations

import pandas as pd

from fundanalysis.charts.style import use_style


def setup() -> None:
    """Apply the house chart style and table display options (deterministic, readable)."""
    use_style()
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 160)
    pd.set_option("display.float_format", lambda value: f"{value:,.6g}")
