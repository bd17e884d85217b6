"""What several pages share: number formats, the report's claims on a topic, the checks of a table."""

from __future__ import annotations

from fundanalysis.analysis import (
    audit,
    claims,
)
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.publish.present import (
    show_table,
    show_text,
)

MONEY = "money"


CHECK_FORMATS = {"stated": "exact", "computed": "exact", "difference": "exact"}


def report_claims(report: AuditedReport, topic: str) -> None:
    show_table(claims.claims(report, topic), ["claim", "verdict", "evidence", "explanation"])


def claims_if_any(report: AuditedReport, topic: str) -> None:
    """The report's claims on ``topic``, and nothing at all where it makes none."""
    if (report.tables["claims"]["topic"] == topic).any():
        report_claims(report, topic)


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
        ["description", "status", "stated", "computed", "difference", "unit", "finding"],
        CHECK_FORMATS,
    )
