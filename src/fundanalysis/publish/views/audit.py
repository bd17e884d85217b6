"""The data-audit page: the findings register, every check, the corrections and the coverage."""

from __future__ import annotations

from fundanalysis.analysis import (
    audit,
)
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.publish import charts
from fundanalysis.publish.present import (
    percent,
    show_chart,
    show_missing,
    show_table,
    show_text,
)
from fundanalysis.publish.views.common import CHECK_FORMATS, checks_for_reading


def findings_register(report: AuditedReport) -> None:
    register = audit.findings_register(report)
    if register.empty:
        show_text("核对未发现问题。", "Checking found no inconsistency.")
        return
    show_table(
        register,
        ["finding", "title", "explanation", "amount_shown", "materiality_shown", "material"],
        {"materiality_shown": "figure"},
        headers={"amount_shown": ("差额", "gap"), "materiality_shown": ("重要性", "materiality")},
    )
    threshold = percent(report.info.materiality)
    zh = f"金额差额达到所涉数字的 {threshold} 即视为重大"
    en = f"A gap of money is material when it is {threshold} or more of the figure it touches"
    if register["counted"].any():
        zh += "；数目（个、户、人等）之差不按比例衡量，凡不符即为重大"
        en += "; a gap in a count (projects, households, people) is not weighed as a share: any is"
        en += " material"
    if register["graded"].any():
        zh += "；评价等级与报告所列等级标准不符，不论得分差多少，均为重大"
        en += "; a grade the report's own bands do not give is material, whatever the points"
    show_text(zh + "。", en + ".")


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
        checks_for_reading(failing),
        ["description", "status", "stated", "computed", "difference", "unit", "note", "finding"],
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
    """Every check, each row anchored ``check-<id>`` (the findings' evidence links to it)."""
    checks = audit.all_checks(report)
    show_table(
        checks_for_reading(checks),
        ["description", "status", "stated", "computed", "difference", "unit"],
        CHECK_FORMATS,
        row_ids=[f"check-{c}" for c in checks["check"]],
    )


def coverage(report: AuditedReport) -> None:
    table = audit.figure_coverage(report)
    show_text(*audit.coverage_note(table, audit.text_supplied(report)))
    if table.empty:
        return
    show_table(
        table,
        ["title", "numbers_printed", "covered", "not_covered"],
        {"numbers_printed": "count", "covered": "count"},
        headers={"title": ("章节", "section")},
    )


def scan_beside_declared(report: AuditedReport) -> None:
    """What the scan reads in the text on its own, beside the totals and rates the transcriber declared."""
    table = audit.scan_beside_declared(report)
    if isinstance(table, NotReported):
        show_missing(table)
        return
    show_text(*audit.scan_summary(table))
    show_table(table, ["section", "kind", "total", "parts", "verdict", "gap", "declared"])
