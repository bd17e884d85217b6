"""Chart functions: each takes a report and a language and returns a finished :class:`Chart`.

Words come from :mod:`fundanalysis.labels` and the report's vocabulary, so the Chinese and the
English chart say the same thing; each chart carries an alt text that says what it shows and
its key figure. Where the report prints nothing to draw, the function returns NotReported.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, PercentFormatter

from fundanalysis import vocabulary as vocab
from fundanalysis.analysis import carryover, funding, poverty, projects, spending
from fundanalysis.analysis.audit import status_summary
from fundanalysis.charts.style import NEUTRAL, PAYMENT_COLORS, STATUS_COLORS, add_source, colors_for
from fundanalysis.labels import pick
from fundanalysis.loaders import Report
from fundanalysis.present import Chart, NotReported

THOUSANDS = FuncFormatter(lambda value, _: f"{value:,.0f}")
WAN = ("万元", "10,000 yuan (万元)")


def _subplots(**figure_options):
    """A figure with one axes, outside pyplot: nothing global to close, no GUI backend."""
    fig = Figure(**figure_options)
    return fig, fig.subplots()


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _name(report: Report, lang: str) -> str:
    return report.info.short_name if lang == "zh" else report.info.short_name_en


def _source(report: Report, lang: str, where: str) -> str:
    title = report.info.title if lang == "zh" else report.info.title_en
    return _t(lang, f"来源：{title}，{where}", f"Source: {title}, {where}")


def _term(frame: pd.DataFrame, column: str, lang: str) -> list[str]:
    source = f"{column}_en" if lang == "en" and f"{column}_en" in frame.columns else column
    return [str(v) for v in frame[source]]


def _hbars(labels, values, colors, title, xlabel, bar_labels, source, lang, height=None):
    fig, ax = _subplots(figsize=(7.2, height or max(2.4, 0.55 * len(labels) + 1.4)))
    bars = ax.barh(labels[::-1], values[::-1], color=colors[::-1])
    ax.bar_label(bars, labels=bar_labels[::-1], padding=4, fontsize=10)
    ax.set_title(title, loc="left", wrap=True)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_formatter(THOUSANDS)
    top = max(values) if len(values) and max(values) > 0 else 1
    ax.set_xlim(0, top * 1.35)
    add_source(fig, source)
    return fig


def budget_chart(report: Report, lang: str) -> Chart | NotReported:
    """The own budget by year (万元), with any corrected year marked."""
    growth = funding.budget_growth(report)
    if isinstance(growth, NotReported):
        return growth
    fig, ax = _subplots()
    colors = ["#E69F00" if c else "#0072B2" for c in growth["corrections"]]
    bars = ax.bar(growth["year"].astype(str), growth["amount_wan"], color=colors, width=0.6)
    ax.bar_label(bars, labels=[f"{v:,.0f}" for v in growth["amount_wan"]], padding=3, fontsize=10)
    for row in growth[growth["corrections"] != ""].itertuples():
        ax.annotate(
            _t(
                lang,
                f"原文 {row.as_printed_wan:g} 万元\n已更正（{row.corrections}）",
                f"printed {row.as_printed_wan:g} 万元\ncorrected ({row.corrections})",
            ),
            xy=(str(row.year), row.amount_wan),
            xytext=(0, 30),
            textcoords="offset points",
            ha="center",
            fontsize=9,
            arrowprops={"arrowstyle": "->", "color": "#555555"},
        )
    name = _name(report, lang)
    first, last = int(growth["year"].min()), int(growth["year"].max())
    ax.set_title(
        _t(
            lang,
            f"{name}本级扶贫预算，{first}–{last} 年",
            f"{name}: own poverty budget, {first}–{last}",
        ),
        loc="left",
        wrap=True,
    )
    ax.set_ylabel(pick(WAN, lang))
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_ylim(0, growth["amount_wan"].max() * 1.35)
    add_source(fig, _source(report, lang, _t(lang, "本级预算", "own budget")))
    latest = growth.iloc[-1]
    alt = _t(
        lang,
        f"柱状图：{name}{first}–{last} 年本级扶贫预算，{last} 年为 {latest['amount_wan']:,.0f} 万元。",
        f"Bar chart of {name}'s own poverty budget {first}–{last}; {latest['amount_wan']:,.0f} 万元 in {last}.",
    )
    return Chart(fig, alt)


def funds_by_level_chart(report: Report, lang: str) -> Chart | NotReported:
    """The year's funds by level of government (万元), with shares."""
    levels = funding.funds_by_level(report)
    if isinstance(levels, NotReported):
        return levels
    colors = colors_for(list(report.terms("level")))
    labels = _term(levels, "level", lang)
    values = levels["amount_wan"].tolist()
    fig = _hbars(
        labels,
        values,
        [colors.get(lv, NEUTRAL) for lv in levels["level"]],
        _t(
            lang,
            f"{report.info.year} 年资金（按财政级次）",
            f"{report.info.year} funds by level of government",
        ),
        pick(WAN, lang),
        [f"{a:,.0f}  ({s:.0%})" for a, s in zip(values, levels["share"], strict=True)],
        _source(report, lang, _t(lang, "资金拨付", "funds and transfers")),
        lang,
    )
    top = levels.iloc[levels["amount_wan"].idxmax()]
    alt = _t(
        lang,
        f"横向柱状图：按财政级次的资金；最大为{top['level']} {top['amount_wan']:,.0f} 万元（{top['share']:.0%}）。",
        f"Bar chart of the year's funds by level; the largest is {top['level_en']}, {top['amount_wan']:,.0f} 万元 ({top['share']:.0%}).",
    )
    return Chart(fig, alt)


def batch_timeline_chart(report: Report, lang: str) -> Chart | NotReported:
    """The transfer batches on a time axis, one row each, dot area by amount (万元)."""
    timeline = funding.batch_timeline(report)
    if isinstance(timeline, NotReported):
        return timeline
    colors = colors_for(list(report.terms("level")))
    fig, ax = _subplots(figsize=(7.2, 0.75 * len(timeline) + 1.8))
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
            f"{item.amount_wan:,.0f} 万元 · {item.disbursed_on:%Y-%m-%d}",
            xy=(item.disbursed_on, row),
            xytext=(14, 0),
            textcoords="offset points",
            va="center",
            fontsize=9.5,
        )
    names = _term(timeline, "batch_name", lang)
    ax.set_yticks(
        rows, [f"{b}. {n}" for b, n in zip(timeline["batch"], names, strict=True)], fontsize=9.5
    )
    ax.set_title(
        _t(lang, "各批资金下达日期", "When each batch was passed on"), loc="left", wrap=True
    )
    locator = mdates.AutoDateLocator(minticks=3, maxticks=5)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    span = timeline["disbursed_on"].max() - timeline["disbursed_on"].min()
    # the labels beside the last dots reach past the axis; the saved image keeps them whole
    ax.set_xlim(
        timeline["disbursed_on"].min() - pd.Timedelta(days=10),
        timeline["disbursed_on"].max() + max(span * 0.15, pd.Timedelta(days=10)),
    )
    ax.set_ylim(-0.7, len(timeline) - 0.3)
    add_source(fig, _source(report, lang, _t(lang, "资金拨付进度", "disbursement")))
    first, last = timeline["disbursed_on"].min(), timeline["disbursed_on"].max()
    alt = _t(
        lang,
        f"时间轴：{len(timeline)} 批资金于 {first:%Y-%m-%d} 至 {last:%Y-%m-%d} 下达，合计 {timeline['cumulative_wan'].iloc[-1]:,.0f} 万元。",
        f"Timeline of {len(timeline)} batches passed on between {first:%Y-%m-%d} and {last:%Y-%m-%d}, {timeline['cumulative_wan'].iloc[-1]:,.0f} 万元 in all.",
    )
    return Chart(fig, alt)


def _stacked(
    ax, labels, table: pd.DataFrame, colors: dict, names: dict, decimals: int
) -> pd.Series:
    left = pd.Series(0.0, index=table.index)
    for column in table.columns:
        ax.barh(
            labels[::-1],
            table[column].iloc[::-1],
            left=left.iloc[::-1],
            color=colors.get(column, NEUTRAL),
            label=names.get(column, column),
        )
        left += table[column]
    for position, total in enumerate(left.iloc[::-1]):
        ax.text(total, position, f" {total:,.{decimals}f}", va="center", fontsize=9.5)
    return left


def allocations_chart(report: Report, funds: str, lang: str) -> Chart | NotReported:
    """Places as stacked horizontal bars by fund type (万元), for one kind of funds."""
    matrix = funding.allocation_matrix(report, funds)
    if isinstance(matrix, NotReported):
        return matrix
    body = matrix[matrix["place"] != "合计"].set_index("place")
    types = [c for c in body.columns if c not in ("place_en", "total")]
    fund_types = report.terms("fund_type")
    names = {
        t: (t if lang == "zh" else fund_types.get(t, t)) or _t(lang, "未分类型", "no fund type")
        for t in types
    }
    fig, ax = _subplots(figsize=(7.2, 0.5 * len(body) + 2.2))
    labels = list(body.index) if lang == "zh" else list(body["place_en"])
    totals = _stacked(ax, labels, body[types], colors_for([*list(fund_types), ""]), names, 0)
    funds_name = funds if lang == "zh" else report.terms("funds").get(funds, funds)
    ax.set_title(
        _t(lang, f"分地区分配：{funds_name}", f"Allocations by place: {funds_name}"),
        loc="left",
        wrap=True,
    )
    ax.set_xlabel(pick(WAN, lang))
    ax.xaxis.set_major_formatter(THOUSANDS)
    ax.set_xlim(0, totals.max() * 1.2)
    if len(types) > 1:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
    add_source(fig, _source(report, lang, _t(lang, "资金分配", "allocations")))
    top = totals.idxmax()
    top_name = top if lang == "zh" else body.loc[top, "place_en"]
    alt = _t(
        lang,
        f"堆积柱状图：{len(body)} 个地区的{funds_name}，按资金类型；最多为{top_name} {totals.max():,.0f} 万元。",
        f"Stacked bar chart of {funds_name} for {len(body)} places by fund type; the most goes to {top_name}, {totals.max():,.0f} 万元.",
    )
    return Chart(fig, alt)


def spending_chart(report: Report, lang: str) -> Chart | NotReported:
    """Spending by category (万元), labelled with the execution rate where planned funds are printed."""
    table = spending.execution_by_category(report)
    if isinstance(table, NotReported):
        return table
    colors = colors_for(list(report.terms("category")))
    labels = _term(table, "category", lang)
    values = table["spent_wan"].tolist()
    bar_labels = [
        f"{v:,.2f}" + ("" if pd.isna(e) else _t(lang, f"（执行 {e:.1%}）", f" ({e:.1%} executed)"))
        for v, e in zip(values, table["execution"], strict=True)
    ]
    fig = _hbars(
        labels,
        values,
        [colors.get(c, NEUTRAL) for c in table["category"]],
        _t(lang, "资金支出（按类别）", "Spending by category"),
        pick(WAN, lang),
        bar_labels,
        _source(report, lang, _t(lang, "资金支出", "spending")),
        lang,
    )
    alt = _t(
        lang,
        f"横向柱状图：{len(table)} 个类别的支出，合计 {sum(values):,.2f} 万元。",
        f"Bar chart of spending in {len(table)} categories, {sum(values):,.2f} 万元 in all.",
    )
    return Chart(fig, alt)


def carryover_by_place_chart(report: Report, lang: str) -> Chart | NotReported:
    """Carry-over per place stacked by the level of its funding source (万元)."""
    carry = report.tables["carryover"]
    if carry.empty:
        return carryover.MISSING
    places, levels = report.terms("place"), report.terms("level")
    table = carry.assign(amount_wan=carry["amount_fen"].astype(float) / 1_000_000).pivot_table(
        index="place", columns="level", values="amount_wan", aggfunc="sum", fill_value=0
    )
    table = table.reindex([p for p in places if p in table.index])
    table = table[[lv for lv in levels if lv in table.columns]]
    names = {lv: (lv if lang == "zh" else levels[lv]) for lv in table.columns}
    fig, ax = _subplots(figsize=(7.2, 0.55 * len(table) + 2.4))
    labels = list(table.index) if lang == "zh" else [places[p] for p in table.index]
    totals = _stacked(ax, labels, table, colors_for(list(levels)), names, 2)
    ax.set_title(
        _t(lang, "结转结余（按地区、资金级次）", "Carry-over by place and level"),
        loc="left",
        wrap=True,
    )
    ax.set_xlabel(pick(WAN, lang))
    ax.set_xlim(0, totals.max() * 1.25)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2)
    add_source(fig, _source(report, lang, _t(lang, "结转结余", "carry-over")))
    top = totals.idxmax()
    alt = _t(
        lang,
        f"堆积柱状图：{len(table)} 个地区的结转，按资金级次；最多为{top} {totals.max():,.2f} 万元。",
        f"Stacked bar chart of carry-over in {len(table)} places by level; the most is {places.get(top, top)}, {totals.max():,.2f} 万元.",
    )
    return Chart(fig, alt)


def carryover_kind_chart(report: Report, lang: str) -> Chart | NotReported:
    """Carry-over by kind (万元) with shares."""
    kinds = carryover.carryover_by_kind(report)
    if isinstance(kinds, NotReported):
        return kinds
    colors = colors_for(list(report.terms("carryover_kind")))
    values = kinds["amount_wan"].tolist()
    fig = _hbars(
        _term(kinds, "kind", lang),
        values,
        [colors.get(k, NEUTRAL) for k in kinds["kind"]],
        _t(lang, "结转结余（按类别）", "Carry-over by kind"),
        pick(WAN, lang),
        [f"{a:,.2f}  ({s:.0%})" for a, s in zip(values, kinds["share"], strict=True)],
        _source(report, lang, _t(lang, "结转结余", "carry-over")),
        lang,
    )
    top = kinds.iloc[kinds["amount_wan"].idxmax()]
    alt = _t(
        lang,
        f"横向柱状图：结转按类别；最大为{top['kind']} {top['amount_wan']:,.2f} 万元（{top['share']:.0%}）。",
        f"Bar chart of carry-over by kind; the largest is {top['kind_en']}, {top['amount_wan']:,.2f} 万元 ({top['share']:.0%}).",
    )
    return Chart(fig, alt)


def payment_schedule_chart(report: Report, lang: str) -> Chart | NotReported:
    """Carry-over paid, planned (by date) and without a stated date (万元)."""
    schedule = carryover.payment_schedule(report)
    if isinstance(schedule, NotReported):
        return schedule
    grouped = (
        schedule.groupby(["payment_status", "payment_status_en", "payment_date"], sort=False)[
            "amount_wan"
        ]
        .sum()
        .reset_index()
    )
    labels = [
        f"{s if lang == 'zh' else e}" + ("" if d == "—" else f"\n{d}")
        for s, e, d in grouped[["payment_status", "payment_status_en", "payment_date"]].itertuples(
            index=False
        )
    ]
    values = grouped["amount_wan"].tolist()
    fig = _hbars(
        labels,
        values,
        [PAYMENT_COLORS.get(s, NEUTRAL) for s in grouped["payment_status"]],
        _t(lang, "结转资金的支付安排", "Carry-over: paid and planned"),
        pick(WAN, lang),
        [f"{v:,.2f}" for v in values],
        _source(report, lang, _t(lang, "结转结余", "carry-over")),
        lang,
    )
    paid = grouped.loc[grouped["payment_status"] == "已支付", "amount_wan"].sum()
    alt = _t(
        lang,
        f"横向柱状图：结转资金按支付状态与日期；已支付 {paid:,.2f} 万元。",
        f"Bar chart of carry-over by payment status and date; {paid:,.2f} 万元 paid.",
    )
    return Chart(fig, alt)


def poverty_chart(report: Report, lang: str) -> Chart | NotReported:
    """Each poverty count printed at two or more dates, one bar per date: the reduction."""
    counts = poverty.poverty_counts(report)
    if isinstance(counts, NotReported):
        return counts
    counts = counts.dropna(subset=["as_of"])
    dated = counts.groupby("measure_code")["as_of"].nunique()
    counts = counts[counts["measure_code"].isin(dated[dated >= 2].index)]
    if counts.empty:
        return NotReported("同一指标在两个日期的贫困人口数", "a poverty count at two dates")
    measures = list(dict.fromkeys(counts["measure_code"]))
    dates = sorted(set(counts["as_of"]))
    fig, ax = _subplots(figsize=(7.2, 0.5 * len(measures) * len(dates) + 1.8))
    height = 0.8 / len(dates)
    shades = ["#56B4E9", "#0072B2", "#003f63", "#999999"]
    for i, date in enumerate(dates):
        values = [
            counts.loc[(counts["measure_code"] == m) & (counts["as_of"] == date), "value"].sum()
            if ((counts["measure_code"] == m) & (counts["as_of"] == date)).any()
            else 0
            for m in measures
        ]
        positions = [
            len(measures) - 1 - j + (len(dates) - 1 - i) * height - 0.4 + height / 2
            for j in range(len(measures))
        ]
        bars = ax.barh(
            positions,
            values,
            height=height * 0.95,
            color=shades[i % len(shades)],
            label=f"{date:%Y-%m-%d}",
        )
        ax.bar_label(
            bars, labels=[f"{int(v):,}" if v else "" for v in values], padding=3, fontsize=9
        )
    names = [vocab.POVERTY_MEASURES[m][0 if lang == "zh" else 1] for m in measures]
    ax.set_yticks([len(measures) - 1 - j for j in range(len(measures))], names)
    ax.xaxis.set_major_formatter(THOUSANDS)
    ax.set_xlim(0, counts["value"].max() * 1.25)
    ax.set_title(_t(lang, "贫困人口（按日期）", "Poverty counts by date"), loc="left", wrap=True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(dates))
    add_source(fig, _source(report, lang, _t(lang, "贫困人口", "poverty")))
    alt = _t(
        lang,
        f"横向柱状图：{len(measures)} 项贫困人口指标在 {len(dates)} 个日期的数值。",
        f"Bar chart of {len(measures)} poverty counts at {len(dates)} dates.",
    )
    return Chart(fig, alt)


def project_funnel_chart(report: Report, lang: str) -> Chart | NotReported:
    """Projects at each stage (count)."""
    funnel = projects.project_funnel(report)
    if isinstance(funnel, NotReported):
        return funnel
    values = funnel["projects"].tolist()
    labels = [
        (s if lang == "zh" else e) + ("" if pd.isna(d) else f"\n{d:%Y-%m-%d}")
        for s, e, d in funnel[["stage", "stage_en", "as_of"]].itertuples(index=False)
    ]
    fig = _hbars(
        labels,
        values,
        ["#0072B2"] * len(values),
        _t(lang, "项目：各阶段数量", "Projects at each stage"),
        _t(lang, "项目数", "projects"),
        [f"{p:,}" for p in values],
        _source(report, lang, _t(lang, "项目", "projects")),
        lang,
    )
    alt = _t(
        lang,
        "横向柱状图：各阶段项目数，"
        + "，".join(f"{s} {p:,} 个" for s, p in zip(funnel["stage"], values, strict=True))
        + "。",
        "Bar chart of projects by stage: "
        + ", ".join(f"{e} {p:,}" for e, p in zip(funnel["stage_en"], values, strict=True))
        + ".",
    )
    return Chart(fig, alt)


def projects_breakdown_chart(report: Report, by: str, lang: str) -> Chart | NotReported:
    """Projects of one stage by level or category: share of projects against share of funds."""
    table = (
        projects.projects_by_level(report)
        if by == "level"
        else projects.projects_by_category(report)
    )
    if isinstance(table, NotReported):
        return table
    stage = table["stage"].iloc[0]
    table = table[table["stage"] == stage].reset_index(drop=True)
    fig, ax = _subplots(figsize=(7.2, 0.7 * len(table) + 2.0))
    positions = list(range(len(table)))[::-1]
    ax.barh(
        [p + 0.2 for p in positions],
        table["share_of_projects"].fillna(0),
        0.38,
        color="#bbbbbb",
        label=_t(lang, "项目数占比", "share of projects"),
    )
    ax.barh(
        [p - 0.2 for p in positions],
        table["share_of_funds"].fillna(0),
        0.38,
        color="#0072B2",
        label=_t(lang, "资金占比", "share of funds"),
    )
    ax.set_yticks(positions, _term(table, by, lang))
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    stage_name = stage if lang == "zh" else vocab.PROJECT_STAGES[stage]
    what = _t(
        lang,
        {"level": "级次", "category": "类别"}[by],
        {"level": "level", "category": "category"}[by],
    )
    ax.set_title(
        _t(
            lang,
            f"{stage_name}项目：数量与资金（按{what}）",
            f"Projects ({stage_name}): count and funds by {what}",
        ),
        loc="left",
        wrap=True,
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)
    add_source(fig, _source(report, lang, _t(lang, "项目", "projects")))
    alt = _t(
        lang,
        f"横向柱状图：{stage_name}项目按{what}的项目数占比与资金占比，共 {len(table)} 项。",
        f"Bar chart of the share of projects and of funds by {what} ({stage_name}), {len(table)} rows.",
    )
    return Chart(fig, alt)


def reconciliation_chart(report: Report, lang: str) -> Chart:
    """Number of checks per reconciliation status."""
    summary = status_summary(report)
    values = summary["checks"].tolist()
    fig = _hbars(
        _term(summary, "status", lang),
        values,
        [STATUS_COLORS[s] for s in summary["status_code"]],
        _t(lang, "核对结果", "Checks by result"),
        _t(lang, "核对项数", "checks"),
        [str(v) for v in values],
        _t(lang, "来源：fundanalysis 核对", "Source: fundanalysis checks"),
        lang,
    )
    alt = _t(
        lang,
        "横向柱状图：核对结果，"
        + "，".join(f"{s} {c} 项" for s, c in zip(summary["status"], values, strict=True))
        + "。",
        "Bar chart of checks by result: "
        + ", ".join(f"{s} {c}" for s, c in zip(summary["status_en"], values, strict=True))
        + ".",
    )
    return Chart(fig, alt)
