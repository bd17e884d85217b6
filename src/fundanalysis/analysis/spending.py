"""Spending (支出) by category, execution against the funds planned, and the stated rates."""

from __future__ import annotations

import pandas as pd

from fundanalysis.analysis._common import compared_halves, exact_sum, with_english
from fundanalysis.analysis.audit import all_checks
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.intervals import is_exact, ratio, span
from fundanalysis.data.money import FEN_PER_WAN


def spending_at_one_date(report: AuditedReport) -> pd.DataFrame:
    """The spending rows of one date, the report's latest: spending printed at two dates
    (截至6月30日 … ；截至12月31日 …) is the same money counted twice, so the earlier rows
    are left out, and so are rows of no date beside dated ones (their date is not known).
    Where every row has one date, or none, every row."""
    spending = report.tables["spending"]
    dates = spending["as_of"]
    if dates.nunique(dropna=False) <= 1 or dates.isna().all():
        return spending
    return spending[dates == dates.max()]


def spending_dates_note(report: AuditedReport) -> tuple[str, str] | None:
    """A sentence where the spending shown leaves rows of other dates out; None otherwise."""
    spending = report.tables["spending"]
    kept = spending_at_one_date(report)
    if len(kept) == len(spending):
        return None
    latest = pd.Timestamp(kept["as_of"].iloc[0]).date().isoformat()
    left = len(spending) - len(kept)
    return (
        f"支出按本报告所列最近日期（{latest}）计；其他日期或未注明日期的 {left} 行支出未计入，"
        "以免同一笔资金重复计算。",
        f"Spending is taken at the latest date the report prints ({latest}); {left} row(s) of "
        "other dates, or of no date, are left out, so that no money is counted twice.",
    )


def spending_by_category(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Money spent per category in the report's order of categories, with shares (at one
    date: :func:`spending_at_one_date`)."""
    spending = spending_at_one_date(report)
    if spending.empty:
        return NotReported("资金支出情况", "what was spent")
    categories = report.terms("category")
    result = exact_sum(spending, "category", order=list(categories))
    return with_english(result, "category", categories)


def _descendants(report: AuditedReport, category: str) -> set[str]:
    words = report.tables["vocabulary"]
    rows = words[words["vocabulary"] == "category"]
    children = rows.groupby("parent")["term"].apply(list).to_dict()
    found, todo = {category}, [category]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def planning_stage(report: AuditedReport) -> str | None:
    """The earliest project stage whose rows print funds by category: the money planned."""
    projects = report.tables["projects"]
    with_money = projects[projects["amount_fen"].notna() & projects["category"].notna()]
    for stage in vocab.PROJECT_STAGES:
        if (with_money["stage"] == stage).any():
            return stage
    return None


def _execution_range(spent: pd.DataFrame, planned: pd.DataFrame):
    """The interval of ``spent / planned`` where an amount of either is printed coarser than
    the 万元 (3.4 亿元 stands for 3.35 to 3.45 亿元); None where every amount is as printed,
    or where the planned funds may be 0 (no rate can be given)."""
    top = span(int(spent["amount_fen"].sum()), sum(compared_halves(spent)))
    bottom = span(int(planned["amount_fen"].sum()), sum(compared_halves(planned)))
    return None if is_exact(top, bottom) else ratio(top, bottom)


def execution_by_category(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Spent against planned per category: the planned funds of its projects and sub-categories.

    Planned is the project funds of the :func:`planning_stage` in the category or below it in
    the vocabulary's hierarchy; where the report prints no such funds, execution is empty.
    Where an amount is printed coarser than the 万元, ``execution_range`` holds the interval
    of rates the amounts' intervals allow (None where every amount is as printed).
    """
    spent = spending_by_category(report)
    if isinstance(spent, NotReported):
        return spent
    stage = planning_stage(report)
    projects = report.tables["projects"]
    planned_rows = projects[projects["stage"] == stage] if stage else projects.iloc[0:0]
    spending = spending_at_one_date(report)
    rows = []
    for item in spent.itertuples():
        within = planned_rows[planned_rows["category"].isin(_descendants(report, item.category))]
        planned = int(within["amount_fen"].sum()) if not within.empty else None
        own = spending[spending["category"] == item.category]
        rows.append(
            {
                "category": item.category,
                "category_en": item.category_en,
                "spent_wan": int(item.amount_fen) / FEN_PER_WAN,
                "planned_wan": None if planned is None else planned / FEN_PER_WAN,
                "execution": None if not planned else int(item.amount_fen) / planned,
                "execution_range": None if not planned else _execution_range(own, within),
                "execution_computable": planned != 0,
            }
        )
    return pd.DataFrame(rows)


def overall_execution(report: AuditedReport) -> pd.DataFrame | NotReported:
    """All spending against all funds under evaluation (the reimbursement rate, 报账率, computed);
    ``execution_range`` as in :func:`execution_by_category`."""
    spending, funds = spending_at_one_date(report), report.tables["evaluated_funds"]
    if spending.empty or funds.empty:
        return NotReported("支出与资金总额", "both spending and the funds it is spent from")
    spent, total = int(spending["amount_fen"].sum()), int(funds["amount_fen"].sum())
    return pd.DataFrame(
        [
            {
                "spent_wan": spent / FEN_PER_WAN,
                "funds_wan": total / FEN_PER_WAN,
                "execution": spent / total if total else None,
                "execution_range": _execution_range(spending, funds) if total else None,
                "execution_computable": bool(total),
            }
        ]
    )


def stated_rates(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Every ratio the report states, against what its own figures give."""
    checks = all_checks(report)  # statuses in the reader's words, as on the audit page
    rates = checks[checks["kind"] == "ratio"]
    if rates.empty:
        return NotReported("比率（如报账率）", "any rate (such as a reimbursement rate)")
    columns = ["check", "description", "description_en", "stated", "computed", "unit"]
    columns += ["unit_en", "status", "status_en", "note", "note_en"]
    return rates[columns].reset_index(drop=True)
