"""The chart of the audit: how many checks hold, round, are corrected or fail."""

from __future__ import annotations

from fundanalysis.analysis.audit import status_summary
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.publish.charts.drawing import (
    hbars,
    pick_language,
    terms_of,
)
from fundanalysis.publish.charts.style import (
    STATUS_COLORS,
)
from fundanalysis.publish.present import Chart


def reconciliation_chart(report: AuditedReport, lang: str) -> Chart:
    """Number of checks per reconciliation status."""
    summary = status_summary(report)
    values = summary["checks"].tolist()
    fig = hbars(
        terms_of(summary, "status", lang),
        values,
        [STATUS_COLORS[s] for s in summary["status_code"]],
        pick_language(lang, "核对结果", "Checks by result"),
        pick_language(lang, "核对项数", "checks"),
        [str(v) for v in values],
        pick_language(lang, "来源：fundanalysis 核对", "Source: fundanalysis checks"),
        lang,
    )
    alt = pick_language(
        lang,
        "横向柱状图：核对结果，"
        + "，".join(f"{s} {c} 项" for s, c in zip(summary["status"], values, strict=True))
        + "。",
        "Bar chart of checks by result: "
        + ", ".join(f"{s} {c}" for s, c in zip(summary["status_en"], values, strict=True))
        + ".",
    )
    return Chart(fig, alt)
