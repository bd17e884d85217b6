"""What several pages share: number formats, the report's claims on a topic, the checks of a table."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from fundanalysis.analysis import (
    audit,
    claims,
)
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data import units
from fundanalysis.data.money import wan_for_reading
from fundanalysis.data.vocabulary import MONEY_UNITS
from fundanalysis.publish.present import (
    show_table,
    show_text,
)

MONEY = "money"


CHECK_FORMATS = {"stated": "figure", "computed": "figure", "difference": "figure"}


def checks_for_reading(checks: pd.DataFrame) -> pd.DataFrame:
    """Checks with their figures as pages show them: money to two decimals in the check's own
    unit, its exact figure as the title of a rounded cell (``x_exact``, ``x_exact_en``);
    counts and rates exactly."""
    shown = checks.copy()
    for column in ("stated", "computed", "difference"):
        cells = [
            _figure_for_reading(value, unit)
            for value, unit in zip(shown[column], shown["unit"], strict=True)
        ]
        shown[column] = [text for text, _, _ in cells]
        shown[f"{column}_exact"] = [zh for _, zh, _ in cells]
        shown[f"{column}_exact_en"] = [en for _, _, en in cells]
    return shown


def _figure_for_reading(value, unit: str) -> tuple[str | None, str, str]:
    """The figure as shown, and where two decimals round it, its exact figure in Chinese and
    in English."""
    if pd.isna(value):
        return None, "", ""
    if unit not in MONEY_UNITS:
        return f"{Decimal(str(value)):,f}", "", ""
    exact = Decimal(str(value))  # a check's figures are exact in its unit
    text, rounded = wan_for_reading(exact)
    if rounded is None:
        return text, "", ""
    full = f"{exact.normalize():,f}"
    return text, f"{full} {unit}", f"{full} {units.in_english(unit, after_a_figure=True)}"


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
        checks_for_reading(chosen),
        ["description", "status", "stated", "computed", "difference", "unit", "finding"],
        CHECK_FORMATS,
    )
