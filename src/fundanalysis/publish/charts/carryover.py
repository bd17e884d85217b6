"""Charts of carry-over: by place, by kind, and the payment schedule of what was carried over."""

from __future__ import annotations

from fundanalysis.analysis import carryover
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data.labels import pick
from fundanalysis.data.money import wan_text as wan
from fundanalysis.publish.charts.drawing import (
    WAN,
    axis_end,
    hbars,
    largest_and_rest,
    pick_language,
    share_text,
    source_line,
    stacked_bars,
    subplots,
    terms_of,
)
from fundanalysis.publish.charts.style import (
    NEUTRAL,
    PAYMENT_COLORS,
    add_source,
    colors_for,
)
from fundanalysis.publish.present import Chart


def carryover_by_place_chart(report: AuditedReport, lang: str) -> Chart | NotReported:
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
    drawn = largest_and_rest(table, lang)
    fig, ax = subplots(figsize=(7.2, 0.55 * len(drawn) + 2.4))
    labels = [p if lang == "zh" else places.get(p, p) for p in drawn.index]
    totals = stacked_bars(ax, labels, drawn, colors_for(list(levels)), names)
    ax.set_title(
        pick_language(lang, "结转结余（按地区、资金级次）", "Carry-over by place and level"),
        loc="left",
        wrap=True,
    )
    ax.set_xlabel(pick(WAN, lang))
    ax.set_xlim(0, axis_end(totals.max(), 1.25))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2)
    add_source(fig, source_line(report, lang, pick_language(lang, "结转结余", "carry-over")))
    per_place = table.sum(axis=1)
    top = per_place.idxmax()
    alt = pick_language(
        lang,
        f"堆积柱状图：{len(table)} 个地区的结转，按资金级次；最多为{top} {wan(per_place.max())} 万元。",
        f"Stacked bar chart of carry-over in {len(table)} places by level; the most is {places.get(top, top)}, {wan(per_place.max())} × 10,000 yuan.",
    )
    return Chart(fig, alt)


def carryover_kind_chart(report: AuditedReport, lang: str) -> Chart | NotReported:
    """Carry-over by kind (万元) with shares."""
    kinds = carryover.carryover_by_kind(report)
    if isinstance(kinds, NotReported):
        return kinds
    colors = colors_for(list(report.terms("carryover_kind")))
    values = kinds["amount_wan"].tolist()
    fig = hbars(
        terms_of(kinds, "kind", lang),
        values,
        [colors.get(k, NEUTRAL) for k in kinds["kind"]],
        pick_language(lang, "结转结余（按类别）", "Carry-over by kind"),
        pick(WAN, lang),
        [f"{wan(a)}  ({share_text(s, lang)})" for a, s in zip(values, kinds["share"], strict=True)],
        source_line(report, lang, pick_language(lang, "结转结余", "carry-over")),
        lang,
    )
    top = kinds.iloc[kinds["amount_wan"].idxmax()]
    alt = pick_language(
        lang,
        f"横向柱状图：结转按类别；最大为{top['kind']} {wan(top['amount_wan'])} 万元（{share_text(top['share'], lang)}）。",
        f"Bar chart of carry-over by kind; the largest is {top['kind_en']}, {wan(top['amount_wan'])} × 10,000 yuan ({share_text(top['share'], lang)}).",
    )
    return Chart(fig, alt)


def payment_schedule_chart(report: AuditedReport, lang: str) -> Chart | NotReported:
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
    fig = hbars(
        labels,
        values,
        [PAYMENT_COLORS.get(s, NEUTRAL) for s in grouped["payment_status"]],
        pick_language(lang, "结转资金的支付安排", "Carry-over: paid and planned"),
        pick(WAN, lang),
        [f"{wan(v)}" for v in values],
        source_line(report, lang, pick_language(lang, "结转结余", "carry-over")),
        lang,
    )
    paid = grouped.loc[grouped["payment_status"] == "已支付", "amount_wan"].sum()
    alt = pick_language(
        lang,
        f"横向柱状图：结转资金按支付状态与日期；已支付 {wan(paid)} 万元。",
        f"Bar chart of carry-over by payment status and date; {wan(paid)} × 10,000 yuan paid.",
    )
    return Chart(fig, alt)
