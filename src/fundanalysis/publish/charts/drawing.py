"""What every chart shares: a figure outside pyplot, words in the chart's language, the
source line, horizontal and stacked bars."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data.money import wan_text
from fundanalysis.publish.charts.style import (
    NEUTRAL,
    add_source,
    fit,
)
from fundanalysis.publish.present import NOT_COMPUTABLE

THOUSANDS = FuncFormatter(lambda value, _: f"{value:,.0f}")


WAN = ("万元", "10,000 yuan")

#: Bars a chart of places shows at most: the largest, then one bar for all the others (the
#: table above the chart lists every place). Past a few dozen bars a chart is unreadable, and
#: a thousand would be a 100,000-pixel image.
MOST_BARS = 25


def share_text(share: float, lang: str, spec: str = ".0%") -> str:
    """A share for a chart's label or alt text; "无法计算 / not computable" where it is none
    (a part of a total of 0)."""
    if share is None or pd.isna(share) or math.isinf(float(share) * 100):
        return NOT_COMPUTABLE[lang]
    return format(share, spec)


def largest_and_rest(table: pd.DataFrame, lang: str, most: int = MOST_BARS) -> pd.DataFrame:
    """``table`` (one row a place) as it is up to ``most`` rows; else its ``most - 1`` largest
    rows by their sum, in their order, and one row summing the others."""
    if len(table) <= most:
        return table
    numeric = table.select_dtypes("number")
    keep = numeric.sum(axis=1).nlargest(most - 1).index
    rest = table.loc[~table.index.isin(keep)]
    label = pick_language(lang, f"其余 {len(rest)} 个地区", f"{len(rest)} other places")
    summed = pd.DataFrame([numeric.loc[rest.index].sum()], index=[label])
    for column in table.columns.difference(numeric.columns):
        summed[column] = label
    return pd.concat([table.loc[table.index.isin(keep)], summed[table.columns]])


def subplots(**figure_options):
    """A figure with one axes, outside pyplot: nothing global to close, no GUI backend."""
    fig = Figure(**figure_options)
    return fig, fig.subplots()


def pick_language(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def short_name(report: AuditedReport, lang: str) -> str:
    return report.info.short_name if lang == "zh" else report.info.short_name_en


def source_line(report: AuditedReport, lang: str, where: str) -> str:
    title = report.info.title if lang == "zh" else report.info.title_en
    return pick_language(lang, f"来源：{title}，{where}", f"Source: {title}, {where}")


def terms_of(frame: pd.DataFrame, column: str, lang: str) -> list[str]:
    source = f"{column}_en" if lang == "en" and f"{column}_en" in frame.columns else column
    return [str(v) for v in frame[source]]


def drawable(value) -> float:
    """A bar's length: the value, or 0 for one no arithmetic gives (NaN, inf, NA, None)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def hbars(labels, values, colors, title, xlabel, bar_labels, source, lang, height=None):
    fig, ax = subplots(figsize=(7.2, height or max(2.4, 0.55 * len(labels) + 1.4)))
    labels = [fit(label) for label in labels]
    # a value no arithmetic gives (NaN, inf) is drawn as no bar; its label says what it is
    values = [drawable(v) for v in values]
    bars = ax.barh(labels[::-1], values[::-1], color=colors[::-1])
    ax.bar_label(bars, labels=bar_labels[::-1], padding=4, fontsize=10)
    ax.set_title(fit(title, 80, 60), loc="left", wrap=True)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_formatter(THOUSANDS)
    ax.set_xlim(0, axis_end(max(values, default=0), 1.35))
    add_source(fig, source)
    return fig


def stacked_bars(ax, labels, table: pd.DataFrame, colors: dict, names: dict) -> pd.Series:
    """Bars of 万元 stacked by column, each labelled with its total as pages show money."""
    left = pd.Series(0.0, index=table.index)
    labels = [fit(label) for label in labels]
    for column in table.columns:
        ax.barh(
            labels[::-1],
            table[column].iloc[::-1],
            left=left.iloc[::-1],
            color=colors.get(column, NEUTRAL),
            label=fit(names.get(column, column)),
        )
        left += table[column]
    for position, total in enumerate(left.iloc[::-1]):
        ax.text(total, position, f" {wan_text(total)}", va="center", fontsize=9.5)
    return left


def axis_end(largest, room: float) -> float:
    """Where a value axis that starts at 0 ends: ``room`` times the largest value, so that its
    label fits beside it; 1 where every value is 0 or none can be drawn (matplotlib warns of an
    axis from 0 to 0)."""
    largest = float(largest) if pd.notna(largest) else 0.0
    return largest * room if largest > 0 and math.isfinite(largest) else 1.0
