"""What each section of a notebook shows: the analysis, laid out for readers, in both languages.

One function per notebook section, so that the notebooks hold narrative and one call each; the
analysis functions return data (see :mod:`fundanalysis.analysis`), these only choose the columns,
their formats and the charts, and say in one line whatever the report does not print. Where a
whole page's subject is missing, its first section says so and the others stay silent.
"""

from __future__ import annotations

from fundanalysis.analysis import (
    audit,
    carryover,
    claims,
    funding,
    overview,
    poverty,
    projects,
    spending,
)
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.publish import charts, pagetext
from fundanalysis.publish.present import (
    percent,
    show_chart,
    show_missing,
    show_table,
    show_text,
)

MONEY = "money"
CHECK_FORMATS = {"stated": "exact", "computed": "exact", "difference": "exact"}


def about(report: AuditedReport) -> None:
    show_text(*pagetext.about(report))


def headlines(report: AuditedReport) -> None:
    show_table(overview.headline_figures(report), ["figure", "value"])


def findings_summary(report: AuditedReport) -> None:
    register = audit.findings_register(report)
    if register.empty:
        show_text("核对未发现问题。", "Checking found no inconsistency.")
        return
    show_text(*pagetext.findings(register))
    show_table(
        register,
        ["finding", "title", "amount_shown", "materiality", "material"],
        {"materiality": "percent"},
        headers={"amount_shown": ("差额", "gap")},
    )


def funds_by_level(report: AuditedReport) -> None:
    show_table(
        funding.funds_by_level(report),
        ["level", "amount_wan", "share"],
        {"amount_wan": MONEY, "share": "percent"},
        decimals=0,
    )
    show_chart(charts.funds_by_level_chart, report)


def evaluated_funds(report: AuditedReport) -> None:
    table = funding.funds_by_level_and_type(report)
    if isinstance(table, NotReported) or table["fund_type"].isna().all():
        return  # nothing beyond the levels above
    show_table(
        table,
        ["level", "fund_type", "amount_wan", "share"],
        {"amount_wan": MONEY, "share": "percent"},
    )


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
        show_text(
            f"{first}–{last} 年年均增长率（按更正后的金额）：{percent(rate)}。",
            f"Compound annual growth {first}–{last} (corrected amounts): {percent(rate)}.",
        )
    show_chart(charts.budget_chart, report)


def batches(report: AuditedReport) -> None:
    show_table(
        funding.batch_timeline(report),
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
        decimals=0,
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
        show_table(
            matrix, ["place", *shown], {t: MONEY for t in shown}, decimals=0, headers=headers
        )
        show_chart(charts.allocations_chart, report, funds)
        if len(types) > 2:
            show_table(
                funding.largest_fund_type_share(report, funds),
                ["place", "fund_type", "share", "amount_wan"],
                {"share": "percent", "amount_wan": MONEY},
                decimals=0,
                headers={
                    "fund_type": ("最大的资金类型", "largest fund type"),
                    "share": ("其占比", "its share"),
                },
            )


def spending_and_execution(report: AuditedReport) -> None:
    if not report.has("spending"):
        show_missing(NotReported("资金支出情况", "what was spent"))
        return
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
            ["description", "status", "stated", "computed", "note"],
            {"stated": "exact", "computed": "exact"},
        )
    report_claims(report, "spending")


def report_claims(report: AuditedReport, topic: str) -> None:
    show_table(claims.claims(report, topic), ["claim", "verdict", "evidence", "explanation"])


def checks_of(report: AuditedReport, table: str) -> None:
    """The report's own totals over one table that do not simply hold."""
    checks = audit.all_checks(report)
    totals = report.tables["totals"]
    ids = set(totals.loc[totals["table"] == table, "total_id"])
    chosen = checks[checks["check"].isin(ids) & (checks["status_en"] != "ok")]
    if chosen.empty:
        if ids:
            show_text("所述合计均与明细一致。", "Every stated total equals the sum of its parts.")
        return
    show_table(
        chosen,
        ["description", "status", "stated", "computed", "difference", "finding"],
        CHECK_FORMATS,
    )


def carryover_overview(report: AuditedReport) -> None:
    show_table(
        carryover.carryover_by_place(report),
        ["place", "amount_wan", "share", "items", "projects_stated"],
        {"amount_wan": MONEY, "share": "percent", "items": "count", "projects_stated": "count"},
        decimals=6,
    )
    checks_of(report, "carryover")
    show_chart(charts.carryover_by_place_chart, report)


def carryover_sources(report: AuditedReport) -> None:
    if not report.has("carryover"):
        return  # the page's first section has said the report does not print it
    formats = {"amount_wan": MONEY, "share": "percent", "items": "count"}
    show_table(
        carryover.carryover_by_level(report), ["level", "amount_wan", "share", "items"], formats
    )
    show_table(
        carryover.carryover_by_kind(report), ["kind", "amount_wan", "share", "items"], formats
    )
    show_chart(charts.carryover_kind_chart, report)


def carryover_items(report: AuditedReport) -> None:
    if not report.has("carryover"):
        return
    show_table(
        carryover.leaf_items(report),
        [
            "item",
            "place",
            "amount_wan",
            "kind",
            "funding_source",
            "project_count",
            "payment_status",
        ],
        {"amount_wan": MONEY, "project_count": "count"},
        decimals=6,
    )


def payments(report: AuditedReport) -> None:
    if not report.has("carryover"):
        return
    show_table(
        carryover.payment_schedule(report),
        ["payment_status", "payment_date", "place", "items", "amount_wan"],
        {"amount_wan": MONEY, "items": "count"},
        decimals=6,
    )
    show_chart(charts.payment_schedule_chart, report)


def carryover_rates(report: AuditedReport) -> None:
    if not report.has("carryover"):
        return
    show_table(
        carryover.carryover_rates(report),
        ["place", "carryover_wan", "allocated_wan", "carryover_rate"],
        {"carryover_wan": MONEY, "allocated_wan": MONEY, "carryover_rate": "percent"},
    )


def poverty_counts(report: AuditedReport) -> None:
    show_table(
        poverty.poverty_counts(report),
        ["measure", "value", "unit", "as_of", "printed"],
        {"value": "count", "as_of": "date"},
    )


def poverty_reduction(report: AuditedReport) -> None:
    if not report.has("poverty"):
        return
    show_table(
        poverty.poverty_changes(report),
        ["measure", "first", "last", "change", "change_share"],
        {"change": "count", "change_share": "percent"},
    )
    show_chart(charts.poverty_chart, report)
    per_household = poverty.people_per_household(report)
    if not isinstance(per_household, NotReported):
        show_table(
            per_household,
            ["as_of", "people_per_household"],
            {"as_of": "date", "people_per_household": MONEY},
        )


def funds_per_poor(report: AuditedReport) -> None:
    if not report.has("poverty"):
        return
    show_table(
        poverty.funds_per_poor(report),
        ["level", "amount_wan", "per_person_yuan", "per_household_yuan"],
        {"amount_wan": MONEY, "per_person_yuan": MONEY, "per_household_yuan": MONEY},
        decimals=0,
    )


def project_stages(report: AuditedReport) -> None:
    show_table(
        projects.project_funnel(report),
        ["stage", "projects", "as_of", "of_first_stage"],
        {"projects": "count", "as_of": "date", "of_first_stage": "percent"},
    )
    show_chart(charts.project_funnel_chart, report)


def project_breakdowns(report: AuditedReport) -> None:
    if not report.has("projects"):
        return
    columns = [
        "project_count",
        "funds_wan",
        "funds_per_project_wan",
        "share_of_projects",
        "share_of_funds",
    ]
    formats = {
        "project_count": "count",
        "funds_wan": MONEY,
        "funds_per_project_wan": MONEY,
        "share_of_projects": "percent",
        "share_of_funds": "percent",
    }
    for by, table in (
        ("level", projects.projects_by_level(report)),
        ("category", projects.projects_by_category(report)),
    ):
        if isinstance(table, NotReported):
            continue  # this report breaks its projects down the other way
        show_table(table, ["stage", by, *columns], formats)
        show_chart(charts.projects_breakdown_chart, report, by)
    checks_of(report, "projects")


def findings_register(report: AuditedReport) -> None:
    register = audit.findings_register(report)
    if register.empty:
        show_text("核对未发现问题。", "Checking found no inconsistency.")
        return
    show_table(
        register,
        ["finding", "title", "explanation", "amount_shown", "materiality", "material"],
        {"materiality": "percent"},
        headers={"amount_shown": ("差额", "gap")},
    )
    threshold = percent(report.info.materiality)
    show_text(
        f"差额达到所涉数字的 {threshold} 即视为重大。",
        f"A finding is material when its gap is {threshold} or more of the figure it touches.",
    )


def check_results(report: AuditedReport) -> None:
    show_table(audit.status_summary(report), ["status", "checks"], {"checks": "count"})
    show_chart(charts.reconciliation_chart, report)


def failing_checks(report: AuditedReport) -> None:
    checks = audit.all_checks(report)
    failing = checks[checks["status_en"] != "ok"]
    if failing.empty:
        show_text("所有核对均一致。", "Every check holds exactly.")
        return
    show_table(
        failing,
        ["description", "status", "stated", "computed", "difference", "note", "finding"],
        CHECK_FORMATS,
    )


def corrections(report: AuditedReport) -> None:
    table = audit.corrections_for_readers(report)
    if table.empty:
        show_text("没有更正。", "No corrections.")
        return
    show_table(
        table,
        ["correction_id", "where", "printed", "corrected", "reason"],
        headers={"where": ("更正之处", "what is corrected"), "printed": ("原文", "as printed")},
    )


def every_check(report: AuditedReport) -> None:
    show_table(
        audit.all_checks(report),
        ["description", "status", "stated", "computed", "difference"],
        CHECK_FORMATS,
    )


def coverage(report: AuditedReport) -> None:
    table = audit.figure_coverage(report)
    show_text(*audit.coverage_note(table))
    if table.empty:
        return
    show_table(
        table,
        ["title", "numbers_printed", "covered", "not_covered"],
        {"numbers_printed": "count", "covered": "count"},
        headers={"title": ("章节", "section")},
    )
