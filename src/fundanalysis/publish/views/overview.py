"""The overview page: what the report is, its headline figures, its funds by level, its own
score, and what checking found."""

from __future__ import annotations

from fundanalysis.analysis import (
    audit,
    funding,
    overview,
    scores,
)
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.publish import charts, pagetext
from fundanalysis.publish.present import (
    show_chart,
    show_table,
    show_text,
)
from fundanalysis.publish.views.common import (
    CHECK_FORMATS,
    MONEY,
    checks_for_reading,
    claims_if_any,
)


def about(report: AuditedReport) -> None:
    show_text(*pagetext.about(report))


def headlines(report: AuditedReport) -> None:
    show_table(overview.headline_figures(report), ["figure", "value"])
    claims_if_any(report, "overview")


def findings_summary(report: AuditedReport) -> None:
    register = audit.findings_register(report)
    if register.empty:
        show_text("核对未发现问题。", "Checking found no inconsistency.")
        return
    show_text(*pagetext.findings(register))
    show_table(
        register,
        ["finding", "title", "amount_shown", "materiality_shown", "material"],
        {"materiality_shown": "figure"},
        headers={"amount_shown": ("差额", "gap"), "materiality_shown": ("重要性", "materiality")},
    )


def funds_by_level(report: AuditedReport) -> None:
    if funding.funds_table(report) == "transfers":  # say which money: two tables follow
        show_text("当年下达的资金，按级次：", "The year's funds passed on, by level:")
    elif funding.funds_table(report) == "evaluated_funds":
        show_text("纳入绩效评价的资金，按级次：", "The funds under evaluation, by level:")
    show_table(
        funding.funds_by_level(report),
        ["level", "amount_wan", "share"],
        {"amount_wan": MONEY, "share": "percent"},
    )
    show_chart(charts.funds_by_level_chart, report)


def evaluated_funds(report: AuditedReport) -> None:
    table = funding.funds_by_level_and_type(report)
    if isinstance(table, NotReported) or table["fund_type"].isna().all():
        return  # nothing beyond the levels above
    if funding.funds_table(report) == "transfers":
        show_text(
            "纳入绩效评价的资金，按级次与类型；占比为其合计中的份额，合计可与上表不同：",
            "The funds under evaluation, by level and fund type; shares are of their own total, "
            "which may differ from the table above:",
        )
    else:
        show_text("按级次与类型：", "By level and fund type:")
    show_table(
        table,
        ["level", "fund_type", "amount_wan", "share"],
        {"amount_wan": MONEY, "share": "percent"},
    )


def scorecard(report: AuditedReport) -> None:
    """The report's own scores, each indicator under its parent, and the grades it states."""
    columns = ["indicator", "kind", "max_score", "score", "grade"]
    show_table(scores.scorecard(report), columns, {"max_score": "exact", "score": "exact"})
    if report.has("scores"):
        show_table(
            scores.grade_ladder(report),
            ["grade", "min_score", "max_score", "printed"],
            {"min_score": "exact", "max_score": "exact"},
            headers={
                "min_score": ("分数自", "from"),
                "max_score": ("至", "up to"),
                "printed": ("原文", "as printed"),
            },
        )
        checked, failing = audit.score_checks(report)
        if failing.empty:
            show_text(*audit.score_checks_sentence(checked))
        else:
            show_table(
                checks_for_reading(failing),
                ["description", "status", "stated", "computed", "unit", "note"],
                CHECK_FORMATS,
            )
    claims_if_any(report, "scores")
