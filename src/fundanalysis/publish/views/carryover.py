"""The carry-over page: what is carried over, from which sources, item by item, and when it is paid."""

from __future__ import annotations

from fundanalysis.analysis import (
    carryover,
)
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.publish import charts
from fundanalysis.publish.present import (
    show_chart,
    show_table,
)
from fundanalysis.publish.views.common import MONEY, checks_of


def carryover_overview(report: AuditedReport) -> None:
    by_place = carryover.carryover_by_place(report)
    columns = ["place", "amount_wan", "share", "items", "projects_stated"]
    if not isinstance(by_place, NotReported) and by_place["items_stating_no_count"].any():
        columns.append("items_stating_no_count")  # the projects stated are of the other items
    show_table(
        by_place,
        columns,
        {
            "amount_wan": MONEY,
            "share": "percent",
            "items": "count",
            "projects_stated": "count",
            "items_stating_no_count": "count",
        },
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
            "corrections",  # a name the report misprints is shown corrected: say so
        ],
        {"amount_wan": MONEY, "project_count": "count"},
    )


def payments(report: AuditedReport) -> None:
    if not report.has("carryover"):
        return
    show_table(
        carryover.payment_schedule(report),
        ["payment_status", "payment_date", "place", "items", "amount_wan"],
        {"amount_wan": MONEY, "items": "count"},
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
