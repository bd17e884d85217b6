"""One call that prepares a notebook: the chart style with its CJK font, and the report to read."""

from __future__ import annotations

from fundanalysis.audit.audited import AuditedReport, load_report
from fundanalysis.data.loaders import PathLike
from fundanalysis.publish.charts.style import use_style
from fundanalysis.publish.pagetext import sentence
from fundanalysis.publish.present import show_text


def setup(data_dir: PathLike = None) -> AuditedReport:
    """Apply the house chart style, load the report (default: the default report), name it."""
    use_style()
    report = load_report(data_dir)
    info = report.info
    show_text(
        sentence("<strong>{}</strong> · {} · {} 年", info.title, info.jurisdiction, info.year),
        sentence("<strong>{}</strong> · {} · {}", info.title_en, info.jurisdiction_en, info.year),
    )
    return report
