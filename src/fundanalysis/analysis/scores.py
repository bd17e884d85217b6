"""The report's own scorecard: each indicator's maximum and score, and the overall grade."""

from __future__ import annotations

import pandas as pd

from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data.vocabulary import GRADES_EN

MISSING = NotReported("自评得分", "a self-evaluation score")


def overall_score(report: AuditedReport) -> tuple[str, str, str, str] | None:
    """(score, grade, grade in English, indicator) of the overall score, where printed."""
    scores = report.tables["scores"]
    overall = scores[(scores["kind"] == "总分") & scores["score"].notna()]
    if overall.empty:
        return None
    row = overall.iloc[0]
    grade = row["grade"] if isinstance(row["grade"], str) else ""
    grades = report.tables["grades"]
    # a grade whose band is not printed has no English of the report's: the common one
    english = GRADES_EN | dict(zip(grades["grade"], grades["grade_en"], strict=True))
    return str(row["score"]), grade, english.get(grade, grade), str(row["indicator"])


def scorecard(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Each row of the scorecard, the overall score first and each indicator under its parent."""
    scores = report.tables["scores"]
    if scores.empty:
        return MISSING
    children: dict[str, list[int]] = {}
    roots = []
    for position, parent in enumerate(scores["parent_id"]):
        if isinstance(parent, str) and parent in set(scores["indicator_id"]):
            children.setdefault(parent, []).append(position)
        else:
            roots.append(position)
    order: list[tuple[int, int]] = []

    def visit(position: int, depth: int) -> None:
        order.append((position, depth))
        for child in children.get(scores["indicator_id"].iloc[position], []):
            visit(child, depth + 1)

    for root in roots:
        visit(root, 0)
    # rows whose parents never reach a root (a cycle) are shown too, never dropped
    seen = {position for position, _ in order}
    for position in range(len(scores)):
        if position not in seen:
            order.append((position, 0))
    rows = scores.iloc[[p for p, _ in order]].reset_index(drop=True)
    indent = pd.Series(["　" * d for _, d in order])
    frame = pd.DataFrame(
        {
            "indicator": indent + rows["indicator"],
            "indicator_en": indent + rows["indicator_en"],
            "kind": rows["kind"],
            "kind_en": rows["kind_en"],
            "max_score": rows["max_score"],
            "score": rows["score"],
            "grade": rows["grade"],
        }
    )
    grades = report.tables["grades"]
    # a grade whose band is not printed has no English of the report's: the common one
    english = GRADES_EN | dict(zip(grades["grade"], grades["grade_en"], strict=True))
    frame["grade_en"] = frame["grade"].map(lambda g: english.get(g, g) if isinstance(g, str) else g)
    return frame


def grade_ladder(report: AuditedReport) -> pd.DataFrame | NotReported:
    """The grades the report states, from the highest threshold down, each with its band as
    printed (whether a bound belongs to the band is in those words: 以上, 小于, 不含 …)."""
    grades = report.tables["grades"]
    if grades.empty:
        return NotReported("评价等级标准", "the thresholds of its grades")
    ladder = grades[["grade", "grade_en", "min_score", "max_score"]].reset_index(drop=True)
    printed = []
    for low, high in zip(grades["min_score_printed"], grades["max_score_printed"], strict=True):
        said = [p for p in (low, high) if isinstance(p, str) and p]
        printed.append("；".join(dict.fromkeys(said)))  # one phrase printing both bounds: once
    ladder["printed"] = printed
    return ladder
