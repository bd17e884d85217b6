"""Charts of funding and disbursement: budget by year, funds by level, transfer batches,
allocations by place, spending."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from fundanalysis.analysis import funding, spending
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data.labels import pick
from fundanalysis.data.money import wan_text as wan
from fundanalysis.publish.charts.drawing import (
    THOUSANDS,
    WAN,
    axis_end,
    hbars,
    largest_and_rest,
    pick_language,
    share_text,
    short_name,
    source_line,
    stacked_bars,
    subplots,
    terms_of,
)
from fundanalysis.publish.charts.style import (
    NEUTRAL,
    add_source,
    colors_for,
    fit,
)
from fundanalysis.publish.present import Chart, range_text


def budget_chart(report: AuditedReport, lang: str) -> Chart | NotReported:
    """The own budget by year (万元), with any corrected year marked."""
    growth = funding.budget_growth(report)
    if isinstance(growth, NotReported):
        return growth
    fig, ax = subplots()
    colors = ["#E69F00" if c else "#0072B2" for c in growth["corrections"]]
    bars = ax.bar(growth["year"].astype(str), growth["amount_wan"], color=colors, width=0.6)
    ax.bar_label(bars, labels=[f"{wan(v)}" for v in growth["amount_wan"]], padding=3, fontsize=10)
    for row in growth[growth["corrections"] != ""].itertuples():
        ax.annotate(
            pick_language(
                lang,
                f"原文 {row.as_printed}\n已更正（{row.corrections}）",
                f"printed {row.as_printed}\ncorrected ({row.corrections})",
            ),
            xy=(str(row.year), row.amount_wan),
            xytext=(0, 30),
            textcoords="offset points",
            ha="center",
            fontsize=9,
            arrowprops={"arrowstyle": "->", "color": "#555555"},
        )
    name = short_name(report, lang)
    first, last = int(growth["year"].min()), int(growth["year"].max())
    ax.set_title(
        fit(
            pick_language(
                lang,
                f"{name}本级扶贫预算，{first}–{last} 年",
                f"{name}: own poverty budget, {first}–{last}",
            ),
            80,
            60,
        ),
        loc="left",
        wrap=True,
    )
    ax.set_ylabel(pick(WAN, lang))
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_ylim(0, axis_end(growth["amount_wan"].max(), 1.35))
    add_source(fig, source_line(report, lang, pick_language(lang, "本级预算", "own budget")))
    latest = growth.iloc[-1]
    alt = pick_language(
        lang,
        f"柱状图：{name}{first}–{last} 年本级扶贫预算，{last} 年为 {wan(latest['amount_wan'])} 万元。",
        f"Bar chart of {name}'s own poverty budget {first}–{last}; {wan(latest['amount_wan'])} × 10,000 yuan in {last}.",
    )
    return Chart(fig, alt)


def funds_by_level_chart(report: AuditedReport, lang: str) -> Chart | NotReported:
    """The year's funds by level of government (万元), with shares."""
    levels = funding.funds_by_level(report)
    if isinstance(levels, NotReported):
        return levels
    colors = colors_for(list(report.terms("level")))
    labels = terms_of(levels, "level", lang)
    values = levels["amount_wan"].tolist()
    fig = hbars(
        labels,
        values,
        [colors.get(lv, NEUTRAL) for lv in levels["level"]],
        pick_language(
            lang,
            f"{report.info.year} 年资金（按财政级次）",
            f"{report.info.year} funds by level of government",
        ),
        pick(WAN, lang),
        [
            f"{wan(a)}  ({share_text(s, lang)})"
            for a, s in zip(values, levels["share"], strict=True)
        ],
        source_line(report, lang, pick_language(lang, "资金拨付", "funds and transfers")),
        lang,
    )
    top = levels.iloc[levels["amount_wan"].idxmax()]
    alt = pick_language(
        lang,
        f"横向柱状图：按财政级次的资金；最大为{top['level']} {wan(top['amount_wan'])} 万元（{share_text(top['share'], lang)}）。",
        f"Bar chart of the year's funds by level; the largest is {top['level_en']}, {wan(top['amount_wan'])} × 10,000 yuan ({share_text(top['share'], lang)}).",
    )
    return Chart(fig, alt)


#: A date axis in Chinese: 2020年, 3月, 15日 (matplotlib's own words are English month names).
_DATE_WORDS = {
    "zh": {
        "formats": ["%Y年", "%-m月", "%-d日", "%H:%M", "%H:%M", "%S.%f"],
        "zero_formats": ["", "%Y年", "%-m月", "%-m月%-d日", "%H:%M", "%H:%M"],
        "offset_formats": ["", "%Y年", "%Y年%-m月", "%Y年%-m月%-d日", "%Y年%-m月%-d日", ""],
    }
}


def batch_timeline_chart(report: AuditedReport, lang: str) -> Chart | NotReported:
    """The transfer batches on a time axis, one row each, dot area by amount (万元)."""
    timeline = funding.batch_timeline(report)
    if isinstance(timeline, NotReported):
        return timeline
    colors = colors_for(list(report.terms("level")))
    fig, ax = subplots(figsize=(7.2, 0.75 * len(timeline) + 1.8))
    rows = list(range(len(timeline)))[::-1]
    biggest = timeline["amount_wan"].max() or 1
    ax.scatter(
        timeline["disbursed_on"],
        rows,
        s=40 + 600 * timeline["amount_wan"] / biggest,
        color=[colors.get(lv, NEUTRAL) for lv in timeline["level"]],
        zorder=3,
    )
    for row, item in zip(rows, timeline.itertuples(), strict=True):
        ax.annotate(
            # two short lines, not one long one: the label fits beside its dot on a phone
            f"{wan(item.amount_wan)}\n{item.disbursed_on:%Y-%m-%d}",  # the title names the unit
            xy=(item.disbursed_on, row),
            xytext=(14, 0),
            textcoords="offset points",
            va="center",
            fontsize=9.5,
        )
    names = terms_of(timeline, "batch_name", lang)
    ax.set_yticks(
        rows,
        [fit(f"{b}. {n}") for b, n in zip(timeline["batch"], names, strict=True)],
        fontsize=9.5,
    )
    ax.set_title(
        pick_language(
            lang, "各批资金下达日期（万元）", "When each batch was passed on (10,000 yuan)"
        ),
        loc="left",
        wrap=True,
    )
    locator = mdates.AutoDateLocator(minticks=3, maxticks=5)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, **_DATE_WORDS.get(lang, {})))
    span = timeline["disbursed_on"].max() - timeline["disbursed_on"].min()
    # the labels beside the last dots reach past the axis; the saved image keeps them whole
    ax.set_xlim(
        timeline["disbursed_on"].min() - pd.Timedelta(days=10),
        timeline["disbursed_on"].max() + max(span * 0.15, pd.Timedelta(days=10)),
    )
    ax.set_ylim(-0.7, len(timeline) - 0.3)
    add_source(fig, source_line(report, lang, pick_language(lang, "资金拨付进度", "disbursement")))
    first, last = timeline["disbursed_on"].min(), timeline["disbursed_on"].max()
    alt = pick_language(
        lang,
        f"时间轴：{len(timeline)} 批资金于 {first:%Y-%m-%d} 至 {last:%Y-%m-%d} 下达，合计 {wan(timeline['cumulative_wan'].iloc[-1])} 万元。",
        f"Timeline of {len(timeline)} batches passed on between {first:%Y-%m-%d} and {last:%Y-%m-%d}, {wan(timeline['cumulative_wan'].iloc[-1])} × 10,000 yuan in all.",
    )
    return Chart(fig, alt)


def allocations_chart(report: AuditedReport, funds: str, lang: str) -> Chart | NotReported:
    """Places as stacked horizontal bars by fund type (万元), for one kind of funds."""
    matrix = funding.allocation_matrix(report, funds)
    if isinstance(matrix, NotReported):
        return matrix
    body = matrix[matrix["place"] != "合计"].set_index("place")
    types = [c for c in body.columns if c not in ("place_en", "total")]
    body[types] = body[types].fillna(0)  # money of a type the report does not print: no bar
    fund_types = report.terms("fund_type")
    names = {
        t: (t if lang == "zh" else fund_types.get(t, t))
        or pick_language(lang, "未分类型", "no fund type")
        for t in types
    }
    drawn = largest_and_rest(body, lang)
    fig, ax = subplots(figsize=(7.2, 0.5 * len(drawn) + 2.2))
    labels = list(drawn.index) if lang == "zh" else list(drawn["place_en"])
    totals = stacked_bars(ax, labels, drawn[types], colors_for([*list(fund_types), ""]), names)
    funds_name = funds if lang == "zh" else report.terms("funds").get(funds, funds)
    ax.set_title(
        fit(
            pick_language(lang, f"分地区分配：{funds_name}", f"Allocations by place: {funds_name}"),
            80,
            60,
        ),
        loc="left",
        wrap=True,
    )
    ax.set_xlabel(pick(WAN, lang))
    ax.xaxis.set_major_formatter(THOUSANDS)
    ax.set_xlim(0, axis_end(totals.max(), 1.2))
    if len(types) > 1:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
    add_source(fig, source_line(report, lang, pick_language(lang, "资金分配", "allocations")))
    top = body[types].sum(axis=1).idxmax()
    top_name = top if lang == "zh" else body.loc[top, "place_en"]
    most = body.loc[top, types].sum()
    alt = pick_language(
        lang,
        f"堆积柱状图：{len(body)} 个地区的{funds_name}，按资金类型；最多为{top_name} {wan(most)} 万元。",
        f"Stacked bar chart of {funds_name} for {len(body)} places by fund type; the most goes to {top_name}, {wan(most)} × 10,000 yuan.",
    )
    return Chart(fig, alt)


def spending_chart(report: AuditedReport, lang: str) -> Chart | NotReported:
    """Spending by category (万元), labelled with the execution rate where planned funds are printed."""
    table = spending.execution_by_category(report)
    if isinstance(table, NotReported):
        return table
    colors = colors_for(list(report.terms("category")))
    labels = terms_of(table, "category", lang)
    values = table["spent_wan"].tolist()
    # a rate from amounts printed coarser than the 万元 is the range they allow
    rates = [
        ""
        if pd.isna(e)
        else range_text(*r, "percent", lang)
        if isinstance(r, tuple)
        else share_text(e, lang, ".1%")
        for e, r in zip(table["execution"], table["execution_range"], strict=True)
    ]
    bar_labels = [
        f"{wan(v)}"
        + ("" if pd.isna(e) else pick_language(lang, f"（执行 {rate}）", f" ({rate} executed)"))
        for v, e, rate in zip(values, table["execution"], rates, strict=True)
    ]
    fig = hbars(
        labels,
        values,
        [colors.get(c, NEUTRAL) for c in table["category"]],
        pick_language(lang, "资金支出（按类别）", "Spending by category"),
        pick(WAN, lang),
        bar_labels,
        source_line(report, lang, pick_language(lang, "资金支出", "spending")),
        lang,
    )
    alt = pick_language(
        lang,
        f"横向柱状图：{len(table)} 个类别的支出，合计 {wan(sum(values))} 万元。",
        f"Bar chart of spending in {len(table)} categories, {wan(sum(values))} × 10,000 yuan in all.",
    )
    return Chart(fig, alt)
