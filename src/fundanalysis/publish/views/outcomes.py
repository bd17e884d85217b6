"""The poverty-reduction and project-completion pages: counts, funds per person, stages, outputs."""

from __future__ import annotations

from fundanalysis.analysis import (
    outputs,
    poverty,
    projects,
)
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.publish import charts
from fundanalysis.publish.present import (
    show_chart,
    show_table,
    show_text,
)
from fundanalysis.publish.views.common import MONEY, checks_of


def poverty_counts(report: AuditedReport) -> None:
    show_table(
        poverty.poverty_counts(report),
        ["measure", "value", "unit", "as_of", "printed"],
        {"value": "exact", "as_of": "date"},
    )


def poverty_reduction(report: AuditedReport) -> None:
    if not report.has("poverty"):
        return
    show_table(
        poverty.poverty_changes(report),
        ["measure", "first", "last", "change", "change_share"],
        {"change": "exact", "change_share": "percent"},
    )
    show_chart(charts.poverty_chart, report)
    per_household = poverty.people_per_household(report)
    if not isinstance(per_household, NotReported):
        show_table(
            per_household,
            ["as_of", "people_per_household"],
            {"as_of": "date", "people_per_household": "average"},
        )


def funds_per_poor(report: AuditedReport) -> None:
    if not report.has("poverty"):
        return
    show_table(
        poverty.funds_per_poor(report),
        ["level", "amount_wan", "per_person_yuan", "per_household_yuan"],
        {"amount_wan": MONEY, "per_person_yuan": "yuan", "per_household_yuan": "yuan"},
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
        unknown = table["share_of_projects"].isna() & table["share_of_projects_computable"]
        if (unknown & table["project_count"].notna()).any():
            show_text(
                "某一阶段有项目未载明数目时，该阶段项目总数未知，不计项目数占比。",
                "Where some rows of a stage print no count of projects, the stage's projects are "
                "not known and no share of them is given.",
            )
        unknown = table["share_of_funds"].isna() & table["share_of_funds_computable"]
        if (unknown & table["funds_wan"].notna()).any():
            show_text(
                "某一阶段有项目未载明金额时，该阶段资金总数未知，不计资金占比。",
                "Where some projects of a stage print no amount, the stage's funds are not known "
                "and no share of them is given.",
            )
        show_chart(charts.projects_breakdown_chart, report, by)
    checks_of(report, "projects")


def project_outputs(report: AuditedReport) -> None:
    """The outputs the report prints, value and unit exactly as printed, and a chart by category."""
    columns = ["category", "item", "value", "unit", "place"]
    show_table(outputs.outputs_table(report), columns, {"value": "exact"})
    show_chart(charts.outputs_chart, report)
    checks_of(report, "outputs")
