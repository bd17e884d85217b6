"""Chart functions: each takes an analysis table and returns a finished Figure."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, PercentFormatter

from fundanalysis import vocabulary as vocab
from fundanalysis.charts.style import (
    FUND_TYPE_COLORS,
    FUND_USE,
    KIND_COLORS,
    LEVEL_COLORS,
    SELF_EVALUATION,
    add_source,
    bilingual,
)

THOUSANDS = FuncFormatter(lambda value, _: f"{value:,.0f}")
WAN = "万元 (10,000 yuan)"


def budget_chart(growth: pd.DataFrame) -> Figure:
    """Prefecture budget by year (万元), with any corrected year marked."""
    fig, ax = plt.subplots()
    years = growth["year"].astype(str)
    bars = ax.bar(years, growth["amount_wan"], color=LEVEL_COLORS["自治州"], width=0.6)
    ax.bar_label(bars, labels=[f"{v:,.0f}" for v in growth["amount_wan"]], padding=3, fontsize=9)
    for row in growth[growth["corrections"] != ""].itertuples():
        ax.annotate(
            f"印为 printed {row.as_printed_wan:g} 万元\n更正 corrected ({row.corrections})",
            xy=(str(row.year), row.amount_wan),
            xytext=(-150, 45),
            textcoords="offset points",
            fontsize=8,
            arrowprops={"arrowstyle": "->", "color": "#555555"},
        )
    ax.set_title("州本级扶贫预算 Prefecture poverty budget, 2016–2020")
    ax.set_xlabel("年 year")
    ax.set_ylabel(WAN)
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_ylim(0, growth["amount_wan"].max() * 1.3)
    add_source(fig, f"{SELF_EVALUATION} 一、（一）")
    return fig


def _share_bars(
    table: pd.DataFrame,
    key: str,
    colors: dict[str, str],
    title: str,
    source: str,
    decimals: int,
    height: float,
) -> Figure:
    """Horizontal bars of ``amount_wan`` per ``key`` (with ``{key}_en``), labelled with shares."""
    fig, ax = plt.subplots(figsize=(8.5, height))
    ordered = table.iloc[::-1]
    labels = [bilingual(zh, en) for zh, en in zip(ordered[key], ordered[f"{key}_en"], strict=True)]
    bars = ax.barh(labels, ordered["amount_wan"], color=[colors[k] for k in ordered[key]])
    ax.bar_label(
        bars,
        labels=[
            f"{a:,.{decimals}f}  ({s:.1%})"
            for a, s in zip(ordered["amount_wan"], ordered["share"], strict=True)
        ],
        padding=4,
        fontsize=9,
    )
    ax.set_title(title)
    ax.set_xlabel(WAN)
    ax.xaxis.set_major_formatter(THOUSANDS)
    ax.set_xlim(0, table["amount_wan"].max() * 1.3)
    add_source(fig, source)
    return fig


def funds_by_level_chart(levels: pd.DataFrame) -> Figure:
    """2020 funds by level of government (万元), horizontal bars with shares."""
    return _share_bars(
        levels,
        "level",
        LEVEL_COLORS,
        "2020 年到位资金（按级次） 2020 funds by level of government",
        f"{SELF_EVALUATION} 二、（一）; reward batch split derived from {FUND_USE} 一、（二）1.",
        decimals=0,
        height=3.8,
    )


def batch_timeline_chart(timeline: pd.DataFrame) -> Figure:
    """The transfer batches on a time axis, one row each, dot area by amount (万元)."""
    fig, ax = plt.subplots(figsize=(9.5, 5.4))
    rows = list(range(len(timeline)))[::-1]
    ax.hlines(rows, timeline["disbursed_on"].min(), timeline["disbursed_on"], color="#dddddd", lw=1)
    ax.scatter(
        timeline["disbursed_on"],
        rows,
        s=timeline["amount_wan"] / 40 + 25,
        color=[LEVEL_COLORS[lv] for lv in timeline["level"]],
        zorder=3,
    )
    for row, item in zip(rows, timeline.itertuples(), strict=True):
        ax.annotate(
            f"{item.amount_wan:,.0f} 万元  {item.disbursed_on:%Y-%m-%d}",
            xy=(item.disbursed_on, row),
            xytext=(16, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
        )
    labels = [
        f"{b}. {zh}\n{en}"
        for b, zh, en in timeline[["batch", "batch_name", "batch_name_en"]].itertuples(index=False)
    ]
    ax.set_yticks(rows, labels, fontsize=8)
    handles = [
        plt.Line2D(
            [], [], marker="o", ls="", color=LEVEL_COLORS[lv], label=f"{lv} {vocab.LEVELS[lv]}"
        )
        for lv in dict.fromkeys(timeline["level"])
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3)
    ax.set_title("七批资金下达各县市的日期 The seven batches: date passed on to the counties")
    ax.set_xlabel("下达日期 date passed on")
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.set_xlim(
        timeline["disbursed_on"].min() - pd.Timedelta(days=12),
        timeline["disbursed_on"].max() + pd.Timedelta(days=80),
    )
    ax.set_ylim(-0.7, len(timeline) - 0.3)
    add_source(fig, f"{SELF_EVALUATION} 二、（一）")
    return fig


def _stacked_bars(
    ax,
    labels: list[str],
    table: pd.DataFrame,
    colors: dict[str, str],
    names: dict[str, str],
    decimals: int,
) -> pd.Series:
    """Stack the columns of ``table`` (rows top to bottom) as horizontal bars; label each total."""
    left = pd.Series(0.0, index=table.index)
    for column in table.columns:
        ax.barh(
            labels[::-1],
            table[column].iloc[::-1],
            left=left.iloc[::-1],
            color=colors[column],
            label=f"{column} {names[column]}",
        )
        left += table[column]
    for position, total in enumerate(left.iloc[::-1]):
        ax.text(total, position, f" {total:,.{decimals}f}", va="center", fontsize=8)
    return left


def allocations_chart(matrix: pd.DataFrame, title: str, source: str) -> Figure:
    """Counties as stacked horizontal bars by fund type (万元); expects allocation_matrix()."""
    body = matrix.drop(index="合计 total", columns="合计 total")
    fig, ax = plt.subplots(figsize=(9, 5.2))
    labels = [label.replace(" ", "\n", 1) for label in body.index]
    totals = _stacked_bars(ax, labels, body, FUND_TYPE_COLORS, vocab.FUND_TYPES, decimals=0)
    ax.set_title(title)
    ax.set_xlabel(WAN)
    ax.xaxis.set_major_formatter(THOUSANDS)
    ax.set_xlim(0, totals.max() * 1.15)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2)
    add_source(fig, source)
    return fig


def carryover_by_county_chart(carry: pd.DataFrame, counties: pd.DataFrame) -> Figure:
    """Carry-over per county stacked by level of the funding source (万元)."""
    table = carry.pivot_table(
        index="county", columns="level", values="amount_wan", aggfunc="sum", fill_value=0
    )
    table = table.reindex([c for c in counties["county"] if c in table.index])
    table = table[[lv for lv in LEVEL_COLORS if lv in table.columns]]
    names = dict(zip(counties["county"], counties["county_en"], strict=True))
    fig, ax = plt.subplots(figsize=(9, 5.2))
    labels = [bilingual(c, names[c]) for c in table.index]
    totals = _stacked_bars(ax, labels, table, LEVEL_COLORS, vocab.LEVELS, decimals=2)
    ax.set_title("结转结余（按县、资金级次） Carry-over by county and level, 25 Sep 2020")
    ax.set_xlabel(WAN)
    ax.set_xlim(0, totals.max() * 1.18)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3)
    add_source(fig, f"{SELF_EVALUATION} 四、（一）1.–4.")
    return fig


def carryover_kind_chart(kinds: pd.DataFrame) -> Figure:
    """Carry-over by kind (万元): quality deposits, tail payments, surplus, failed payments."""
    return _share_bars(
        kinds,
        "kind",
        KIND_COLORS,
        "结转结余（按类别） Carry-over by kind",
        f"{SELF_EVALUATION} 四、（一）1.–4.",
        decimals=2,
        height=3.6,
    )


def payment_schedule_chart(schedule: pd.DataFrame) -> Figure:
    """Carry-over paid, planned (by date) and without a stated date (万元)."""
    grouped = (
        schedule.groupby(["payment_status", "payment_status_en", "payment_date"], sort=False)[
            "amount_wan"
        ]
        .sum()
        .reset_index()
    )
    labels = [
        f"{s} {e}\n{d}" if d != "—" else f"{s} {e}"
        for s, e, d in grouped[["payment_status", "payment_status_en", "payment_date"]].itertuples(
            index=False
        )
    ]
    colors = {"已支付": "#009E73", "计划支付": "#E69F00", "未说明": "#999999"}
    fig, ax = plt.subplots(figsize=(8.5, 4.2))
    bars = ax.barh(
        labels[::-1],
        grouped["amount_wan"].iloc[::-1],
        color=[colors[s] for s in grouped["payment_status"].iloc[::-1]],
    )
    ax.bar_label(
        bars, labels=[f"{v:,.2f}" for v in grouped["amount_wan"].iloc[::-1]], padding=4, fontsize=9
    )
    ax.set_title("结转资金支付安排 Carry-over: paid by 30 Sep and planned")
    ax.set_xlabel(WAN)
    ax.set_xlim(0, grouped["amount_wan"].max() * 1.2)
    add_source(fig, f"{SELF_EVALUATION} 四、（一）1.–4.")
    return fig


def project_funnel_chart(funnel: pd.DataFrame) -> Figure:
    """Projects from pool to in use (count)."""
    fig, ax = plt.subplots(figsize=(8.5, 3.6))
    ordered = funnel.iloc[::-1]
    labels = [
        f"{s} {e}\n(as of {d})" if d != "not stated" else f"{s} {e}"
        for s, e, d in ordered[["stage", "stage_en", "as_of"]].itertuples(index=False)
    ]
    bars = ax.barh(labels, ordered["projects"], color=LEVEL_COLORS["合计"])
    ax.bar_label(
        bars,
        labels=[
            f"{p} ({r:.0%} of pool)"
            for p, r in zip(ordered["projects"], ordered["of_pool"], strict=True)
        ],
        padding=4,
        fontsize=9,
    )
    ax.set_title("项目：储备 → 实施 → 完工 → 投入使用  Projects: pool to in use")
    ax.set_xlabel("项目数 number of projects")
    ax.set_xlim(0, funnel["projects"].max() * 1.3)
    add_source(fig, f"{SELF_EVALUATION} 四、（五）")
    return fig


def projects_by_level_chart(by_level: pd.DataFrame) -> Figure:
    """Implemented projects per level: share of projects against share of funds."""
    fig, ax = plt.subplots(figsize=(8.5, 4.2))
    labels = [
        bilingual(lv, en) for lv, en in zip(by_level["level"], by_level["level_en"], strict=True)
    ]
    positions = range(len(by_level))
    width = 0.38
    ax.bar(
        [p - width / 2 for p in positions],
        by_level["share_of_projects"],
        width,
        color="#bbbbbb",
        label="项目数占比 share of projects",
    )
    ax.bar(
        [p + width / 2 for p in positions],
        by_level["share_of_funds"],
        width,
        color=[LEVEL_COLORS[lv] for lv in by_level["level"]],
        label="资金占比 share of funds",
    )
    for p, per in zip(positions, by_level["funds_per_project_wan"], strict=True):
        ax.text(
            p,
            max(by_level["share_of_projects"].iloc[p], by_level["share_of_funds"].iloc[p]) + 0.02,
            f"{per:,.0f} 万元/项\nper project",
            ha="center",
            fontsize=8,
        )
    ax.set_xticks(list(positions), labels)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylim(0, 0.85)
    ax.set_ylabel("占比 share")
    ax.set_title("实施项目：数量与资金（按级次） Implemented projects and their funds by level")
    ax.legend(loc="upper left")
    add_source(fig, f"{SELF_EVALUATION} 四、（五）; bond funds: {FUND_USE} 一、（二）1.")
    return fig


def reconciliation_chart(summary: pd.DataFrame) -> Figure:
    """Number of checks per reconciliation status."""
    colors = {
        "ok": "#009E73",
        "rounding": "#56B4E9",
        "corrected": "#E69F00",
        "discrepancy": "#D55E00",
    }
    fig, ax = plt.subplots(figsize=(7.5, 3.2))
    ordered = summary.iloc[::-1]
    bars = ax.barh(
        ordered["status"], ordered["checks"], color=[colors[s] for s in ordered["status"]]
    )
    ax.bar_label(bars, padding=4, fontsize=9)
    ax.set_title("核对结果 Reconciliation: checks by status")
    ax.set_xlabel("核对项数 number of checks")
    ax.set_xlim(0, summary["checks"].max() * 1.15)
    add_source(fig, "fundanalysis.reconcile() over both documents")
    return fig
