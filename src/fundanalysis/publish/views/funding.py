"""The funding and disbursement page: own budget, transfer batches, allocations, spending."""

from __future__ import annotations

from fundanalysis.analysis import (
    funding,
    spending,
)
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.publish import charts, pagetext
from fundanalysis.publish.present import (
    percent,
    range_text,
    show_chart,
    show_missing,
    show_table,
    show_text,
)
from fundanalysis.publish.views.common import MONEY, report_claims


def budget(report: AuditedReport) -> None:
    growth = funding.budget_growth(report)
    show_table(
        growth,
        ["year", "amount_wan", "as_printed", "change_wan", "growth", "corrections"],
        {"amount_wan": MONEY, "change_wan": MONEY, "growth": "percent"},
        headers={"corrections": ("更正", "corrections"), "as_printed": ("原文", "as printed")},
    )
    if isinstance(growth, NotReported):
        return
    rate = funding.compound_annual_growth(report)
    if rate is None:
        show_text(
            "年数不足或首年为零，无法计算年均增长率。",
            "Too few years, or a first year of zero: no compound growth rate.",
        )
    else:
        first, last = int(growth["year"].min()), int(growth["year"].max())
        interval = funding.compound_growth_range(report)
        if interval is None:
            show_text(
                f"{first}–{last} 年年均增长率（按更正后的金额）：{percent(rate)}。",
                f"Compound annual growth {first}–{last} (corrected amounts): {percent(rate)}.",
            )
        else:  # a first or last year printed coarser than the 万元: the range its rounding allows
            zh, en = (range_text(*interval, "percent", lang) for lang in ("zh", "en"))
            show_text(
                f"{first}–{last} 年年均增长率（按更正后的金额）：{zh}（首末年数字经四舍五入，只能给出范围）。",
                f"Compound annual growth {first}–{last} (corrected amounts): {en} (the first or "
                "last year's figure is rounded: only a range can be given).",
            )
    show_chart(charts.budget_chart, report)


def batches(report: AuditedReport) -> None:
    timeline = funding.batch_timeline(report)
    if not isinstance(timeline, NotReported):
        show_text(
            "表中日期为各批资金下达下一级的日期；数据不含资金文件的收到日期，因此无法据此核对下达时限。",
            "Dates are those on which each batch was passed on to the next level down. The data "
            "hold no date on which an allocation document arrived, so no deadline can be checked "
            "from them.",
        )
    show_table(
        timeline,
        [
            "batch",
            "batch_name",
            "level",
            "amount_wan",
            "disbursed_on",
            "days_since_previous",
            "cumulative_wan",
        ],
        {
            "amount_wan": MONEY,
            "cumulative_wan": MONEY,
            "disbursed_on": "date",
            "days_since_previous": "count",
        },
    )
    show_chart(charts.batch_timeline_chart, report)


def allocations(report: AuditedReport) -> None:
    kinds = funding.allocation_funds(report)
    if not kinds:
        show_missing(NotReported("分地区的资金分配", "allocations to places"))
        return
    fund_types = report.terms("fund_type")
    for funds in kinds:
        matrix = funding.allocation_matrix(report, funds)
        types = [c for c in matrix.columns if c not in ("place", "place_en")]
        headers = {
            t: (t or "未分类型", fund_types.get(t, "no fund type") if t else "no fund type")
            for t in types
        }
        headers["total"] = ("合计", "total")
        name = report.terms("funds").get(funds, funds)
        show_text(
            pagetext.sentence("<strong>{}</strong>", funds),
            pagetext.sentence("<strong>{}</strong>", name),
        )
        shown = types if len(types) > 2 else ["total"]  # one fund type: its column is the total
        show_table(matrix, ["place", *shown], {t: MONEY for t in shown}, headers=headers)
        show_chart(charts.allocations_chart, report, funds)
        if len(types) > 2:
            show_table(
                funding.largest_fund_type_share(report, funds),
                ["place", "fund_type", "share", "amount_wan"],
                {"share": "percent", "amount_wan": MONEY},
                headers={
                    "fund_type": ("最大的资金类型", "largest fund type"),
                    "share": ("其占比", "its share"),
                    "amount_wan": ("地区合计（万元）", "the place's total (10,000 yuan)"),
                },
            )


def spending_and_execution(report: AuditedReport) -> None:
    if not report.has("spending"):
        show_missing(NotReported("资金支出情况", "what was spent"))
        return
    dates = spending.spending_dates_note(report)
    if dates is not None:
        show_text(*dates)
    show_table(
        spending.execution_by_category(report),
        ["category", "spent_wan", "planned_wan", "execution"],
        {"spent_wan": MONEY, "planned_wan": MONEY, "execution": "percent"},
    )
    show_chart(charts.spending_chart, report)
    show_table(
        spending.overall_execution(report),
        ["spent_wan", "funds_wan", "execution"],
        {"spent_wan": MONEY, "funds_wan": MONEY, "execution": "percent"},
    )
    rates = spending.stated_rates(report)
    if not isinstance(rates, NotReported):
        show_table(
            rates,
            ["description", "status", "stated", "computed", "unit", "note"],
            {"stated": "exact", "computed": "exact"},
        )
    report_claims(report, "spending")
