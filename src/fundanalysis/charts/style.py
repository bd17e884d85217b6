"""The chart style: a CJK font brought in through pip, fixed colours, source lines, labels."""

from __future__ import annotations

from functools import cache

import matplotlib as mpl
from matplotlib import font_manager
from matplotlib.figure import Figure

#: Noto Sans CJK (SIL OFL) ships in the ``noto-cjk-sans-otc`` wheel; no system font is used.
FONT_FAMILY = "Noto Sans CJK SC"

#: One colour per level of government, the same in every chart (Okabe-Ito, colour-blind safe).
LEVEL_COLORS = {
    "中央": "#0072B2",
    "自治区": "#009E73",
    "自治州": "#D55E00",
    "地方政府债券": "#E69F00",
    "县级": "#999999",
    "中央、自治区": "#56B4E9",
    "中央、自治区、自治州": "#CC79A7",
    "合计": "#404040",
}

FUND_TYPE_COLORS = {
    "扶贫发展资金": "#0072B2",
    "少数民族发展资金": "#56B4E9",
    "国有贫困农场扶贫资金": "#009E73",
    "地方政府债券资金": LEVEL_COLORS["地方政府债券"],
    "奖励资金": "#CC79A7",
}

KIND_COLORS = {
    "质量保证金": "#0072B2",
    "尾款": "#E69F00",
    "结余": "#009E73",
    "尾款或支付失败": "#D55E00",
}

SELF_EVALUATION = "巴州 2020 年度财政专项扶贫资金绩效自评报告 (self-evaluation)"
FUND_USE = "资金管理使用情况报告 (fund-use report)"


@cache
def register_font() -> str:
    """Add the bundled Noto Sans CJK collection to matplotlib; return the family used."""
    import noto_cjk_sans_otc

    font_manager.fontManager.addfont(str(noto_cjk_sans_otc.FONT_PATH))
    return FONT_FAMILY


def use_style() -> None:
    """Apply the house style to matplotlib (fonts, sizes, a sharp PNG, no top/right spines)."""
    family = register_font()
    mpl.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [family, "DejaVu Sans"],
            "axes.unicode_minus": False,
            "figure.dpi": 110,
            "savefig.dpi": 110,
            "figure.figsize": (8.5, 4.8),
            "figure.constrained_layout.use": True,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 12,
            "axes.titleweight": "normal",
            "axes.labelsize": 10,
            "xtick.labelsize": 9,
            "ytick.labelsize": 9,
            "legend.fontsize": 9,
            "legend.frameon": False,
            "svg.hashsalt": "fundanalysis",
        }
    )


def bilingual(zh: str, en: str) -> str:
    """A label with the Chinese name above the English one."""
    return f"{zh}\n{en}" if en else zh


def add_source(fig: Figure, source: str) -> None:
    """Write the source line under the chart."""
    fig.get_layout_engine().set(rect=(0, 0.06, 1, 0.94))
    fig.text(0.01, 0.012, f"来源 Source: {source}", fontsize=7.5, color="#555555", ha="left")
