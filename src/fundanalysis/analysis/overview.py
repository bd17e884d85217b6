"""The report on one page: what it is, its headline figures, and what checking it found."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from fundanalysis.analysis.scores import overall_score
from fundanalysis.analysis.spending import spending_at_one_date
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data import units
from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.money import WAN_IN_ENGLISH, fen_to_wan, wan_for_reading


def money_text(fen: int) -> tuple[tuple[str, str], tuple[str, str]]:
    """An amount for readers, in 万元 in both languages as the tables give it: (Chinese,
    English) at two decimals, and (Chinese, English) to the 分 where two decimals round it."""
    shown, exact = wan_for_reading(fen_to_wan(fen))
    full = (f"{exact} 万元", f"{exact} {WAN_IN_ENGLISH}") if exact else ("", "")
    return (f"{shown} 万元", f"{shown} {WAN_IN_ENGLISH}"), full


def _count_text(value: str, unit: str) -> tuple[str, str]:
    """A count as printed, in its own unit: 1,012 人, or 3.5 万人 ("3.5 × 10,000 people")."""
    number = f"{Decimal(value):,f}"
    english = vocab.COUNT_UNITS.get(unit) or units.in_english(unit, after_a_figure=True)
    return f"{number} {unit}", f"{number} {english}"


def headline_figures(report: AuditedReport) -> pd.DataFrame:
    """The figures a reader looks for first, from whatever tables the report has.

    One row per figure: its name and value in both languages and the notebook that derives it.
    """
    t = report.tables
    rows: list[tuple[str, str, tuple[str, str], str, tuple[str, str]]] = []

    def add(zh: str, en: str, value, notebook: str) -> None:
        """``value``: (Chinese, English), or money_text's pair of them (shown, to the 分)."""
        shown, exact = value if isinstance(value[0], tuple) else (value, ("", ""))
        rows.append((zh, en, shown, notebook, exact))

    funding = "01-funding-and-disbursement"
    if report.has("transfers"):
        add(
            "到位资金",
            "funds received and passed on",
            money_text(int(t["transfers"]["amount_fen"].sum())),
            funding,
        )
        add(
            "拨付批次",
            "transfer batches",
            (
                f"{t['transfers']['batch'].nunique()} 批",
                f"{t['transfers']['batch'].nunique()} batches",
            ),
            funding,
        )
    if report.has("evaluated_funds"):
        add(
            "纳入绩效评价的资金",
            "funds under evaluation",
            money_text(int(t["evaluated_funds"]["amount_fen"].sum())),
            funding,
        )
    if report.has("budget"):
        latest = t["budget"].sort_values("year").iloc[-1]
        add(
            f"{int(latest['year'])} 年本级预算",
            f"own budget {int(latest['year'])}",
            money_text(int(latest["amount_fen"])),
            funding,
        )
    if report.has("spending"):
        spent = int(spending_at_one_date(report)["amount_fen"].sum())  # one date, not two
        add("支出", "spent", money_text(spent), funding)
    if report.has("carryover"):
        carry = t["carryover"]
        add(
            "结转结余（明细之和）",
            "carry-over (sum of items)",
            money_text(int(carry["amount_fen"].sum())),
            "02-carry-over",
        )
        places = carry["place"].nunique()
        add(
            "有结转的地区", "places with carry-over", (f"{places} 个", f"{places}"), "02-carry-over"
        )
    poverty = t["poverty"].sort_values("as_of")
    for measure in ("registered_poor_households", "registered_poor_people"):
        rows_of = poverty[poverty["measure"] == measure]
        if not rows_of.empty:
            first = rows_of.iloc[0]
            zh, en = vocab.POVERTY_MEASURES[measure]
            when = f"（{first['as_of']:%Y-%m-%d}）" if pd.notna(first["as_of"]) else ""
            when_en = f" ({first['as_of']:%Y-%m-%d})" if pd.notna(first["as_of"]) else ""
            add(
                zh + when,
                en + when_en,
                _count_text(first["value"], first["unit"]),
                "03-poverty-reduction",
            )
    projects = t["projects"].dropna(subset=["project_count"])
    for stage, stage_en in vocab.PROJECT_STAGES.items():
        count = projects.loc[projects["stage"] == stage, "project_count"]
        if not count.empty:
            add(
                f"项目（{stage}）",
                f"projects ({stage_en})",
                (f"{int(count.sum()):,} 个", f"{int(count.sum()):,}"),
                "04-project-completion",
            )
    score = overall_score(report)
    if score is not None:
        points, grade, grade_en, _ = score
        add(
            "自评综合得分（等级）",
            "self-evaluated score (grade)",
            (
                f"{points} 分（{grade}）" if grade else f"{points} 分",
                f"{points} points ({grade_en})" if grade else f"{points} points",
            ),
            "00-overview",
        )
    register = report.findings
    material = int(register["material"].sum())
    add(
        "发现的问题（其中重大）",
        "findings (of which material)",
        (f"{len(register)}（{material}）", f"{len(register)} ({material})"),
        "05-data-audit",
    )
    return pd.DataFrame(
        [
            {
                "figure": zh,
                "figure_en": en,
                "value": value[0],
                "value_en": value[1],
                "value_exact": exact[0],
                "value_exact_en": exact[1],
                "notebook": notebook,
            }
            for zh, en, value, notebook, exact in rows
        ]
    )
