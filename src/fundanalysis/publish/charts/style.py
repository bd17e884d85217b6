"""The chart style: a CJK font brought in through pip, colours by vocabulary order, source lines."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

import matplotlib as mpl
from matplotlib import font_manager

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Noto Sans CJK (SIL OFL) ships in the ``noto-cjk-sans-otc`` wheel; no system font is used.
FONT_FAMILY = "Noto Sans CJK SC"

#: Okabe-Ito, colour-blind safe; terms take them in their vocabulary's order.
PALETTE = [
    "#0072B2",
    "#009E73",
    "#D55E00",
    "#E69F00",
    "#56B4E9",
    "#CC79A7",
    "#F0E442",
    "#999999",
    "#404040",
]

STATUS_COLORS = {
    "ok": "#009E73",
    "rounding": "#56B4E9",
    "corrected": "#E69F00",
    "discrepancy": "#D55E00",
    "not_computable": "#999999",
}
PAYMENT_COLORS = {"已支付": "#009E73", "计划支付": "#E69F00", "未说明": "#999999"}
NEUTRAL = "#404040"


def colors_for(terms: list[str]) -> dict[str, str]:
    """One colour per term, by its position in the vocabulary (stable across charts)."""
    return {term: PALETTE[i % len(PALETTE)] for i, term in enumerate(terms)}


@cache
def register_font() -> str:
    """Add the bundled Noto Sans CJK collection to matplotlib; return the family used."""
    import noto_cjk_sans_otc

    font_manager.fontManager.addfont(str(noto_cjk_sans_otc.FONT_PATH))
    return FONT_FAMILY


def use_style() -> None:
    """Apply the house style to matplotlib (fonts, sizes, no top/right spines)."""
    family = register_font()
    mpl.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [family, "DejaVu Sans"],
            "axes.unicode_minus": False,
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.figsize": (7.2, 4.4),
            "figure.constrained_layout.use": True,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 13,
            "axes.titleweight": "normal",
            "axes.labelsize": 11,
            "xtick.labelsize": 10.5,
            "ytick.labelsize": 10.5,
            "legend.fontsize": 10,
            "legend.frameon": False,
            "svg.hashsalt": "fundanalysis",
            # Labels are the report's words: a "$" in them is a dollar, never mathtext.
            "text.parse_math": False,
        }
    )


def add_source(fig: Figure, source: str) -> None:
    """Write the source line under the chart."""
    fig.get_layout_engine().set(rect=(0, 0.07, 1, 0.93))
    fig.text(0.01, 0.015, fit(source, 160, 100), fontsize=9, color="#555555", ha="left", wrap=True)


def width(text: str) -> int:
    """How many columns ``text`` takes: two for a wide (CJK) character, one for others."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, limit: int = 60, line: int = 40, lines: int = 3) -> str:
    """A label of the report's that fits a chart: as it is up to ``limit`` columns, else
    broken into lines of about ``line`` columns (at spaces where there are some), at most
    ``lines`` of them, the rest cut with "…" (the table beside the chart shows it whole).

    Without this a label of 40-odd characters leaves the axes no room (constrained layout
    gives up) and a title without spaces runs off the figure.
    """
    text = str(text)
    if "\n" in text:  # our own second line (a date): each line on its own
        return "\n".join(fit(part, limit, line, lines) for part in text.split("\n"))
    if width(text) <= limit:
        return text
    out, current = [], ""
    for word in re.findall(r"\S+\s*|\s+", " ".join(text.split())):
        for char in [word] if width(word) <= line else word:
            if current and width(current + char.rstrip()) > line:
                out.append(current.rstrip())
                current = ""
            current += char
    out.append(current.rstrip())
    if len(out) > lines:
        out = [*out[: lines - 1], out[lines - 1][: max(1, line // 2 - 1)] + "…"]
    return "\n".join(out)
