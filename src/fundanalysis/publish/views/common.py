"""What several pages share: number formats, the report's claims on a topic, the checks of a table."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from fundanalysis.analysis import (
    audit,
    claims,
)
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data.money import WAN_IN_ENGLISH, wan_for_reading
from fundanalysis.data.vocabulary import MONEY_UNITS
from fundanalysis.publish.present import (
    show_table,
    show_text,
)

MONEY = "money"


CHECK_FORMATS = {"stated": "figure", "computed": "figure", "difference": "figure"}


def checks_for_reading(checks: pd.DataFrame) -> pd.DataFrame:
    """Checks with their figures as pages show them: money in 万元 to two decimals, the figure
    to the 分 as the title of a rounded cell (``x_exact``); counts and rates exactly."""
    shown = checks.copy()
    money = shown["unit"].isin(list(MONEY_UNITS))
    for column in ("stated", "computed", "difference"):
        texts, exact, exact_en = [], [], []
        for value, is_money in zip(shown[column], money, strict=True):
            if pd.isna(value):
                texts.append(None)
                exact.append("")
                exact_en.append("")
                continue
            if is_money:
                text, full = wan_for_reading(Decimal(str(value)))
            else:
                text, full = f"{Decimal(str(value)):,f}", None
            texts.append(text)
            exact.append(f"{full} 万元" if full else "")
            exact_en.append(f"{full} {WAN_IN_ENGLISH}" if full else "")
        shown[column], shown[f"{column}_exact"], shown[f"{column}_exact_en"] = (
            texts,
            exact,
            exact_en,
        )
    return shown


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
