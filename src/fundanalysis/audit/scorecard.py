"""The report's own scorecard, checked: parts add up to their parent, no score above its
maximum, and the grade is the one the report's own thresholds give the overall score.

Nothing of an evaluation framework is assumed: a maximum, a threshold or a grade that the
report does not print is not checked (财农〔2017〕115号 and the provinces' versions differ, and
their weights are known here only where a report prints them).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

import pandas as pd

from fundanalysis.audit.checkrows import (
    Side,
    check_row,
    notes_for,
    source_of,
    status_of,
    verdict_row,
)
from fundanalysis.data.crosstable import SCORECARD_CHECKS
from fundanalysis.data.money import decimals_of
from fundanalysis.data.units import MICRO

#: How a row of each kind counts towards its parent's score.
SIGN = {"指标": 1, "加分": 1, "扣分": -1, "总分": 1}


def _points(text: str) -> int:
    """Points as printed, in millionths of a point (exact)."""
    return int(Decimal(text) * MICRO)


def _scored(text: object) -> bool:
    return isinstance(text, str) and text != ""


def _source(tables: dict[str, pd.DataFrame], row) -> str:
    printed = row.score_printed if _scored(row.score_printed) else row.max_score_printed
    return source_of(tables, row.section_id, printed if isinstance(printed, str) else "")


def _sum_checks(tables: dict[str, pd.DataFrame], scores: pd.DataFrame, column: str) -> list[dict]:
    """Each parent's ``column`` (score or max_score) against the signed sum of its children's."""
    rows = []
    for parent in scores.itertuples(index=False):
        children = scores[scores["parent_id"] == parent.indicator_id]
        if column == "max_score":
            children = children[children["kind"] == "指标"]  # bonuses have no share of the maximum
        if children.empty or not _scored(getattr(parent, column)):
            continue
        if not all(_scored(v) for v in children[column]):
            continue  # a part not printed: the sum cannot be checked
        value = sum(
            SIGN[k] * _points(v) for k, v in zip(children["kind"], children[column], strict=True)
        )
        finest = max(decimals_of(v) for v in children[column])
        stated_text = getattr(parent, column)
        stated = Side(_points(stated_text), _points(stated_text), decimals_of(stated_text))
        computed = Side(value, value, finest)
        status, tolerance = status_of(stated, computed, MICRO)
        what, what_en = ("得分", "score") if column == "score" else ("分值", "maximum")
        rows.append(
            check_row(
                SCORECARD_CHECKS[column].format(parent.indicator_id),
                "score",
                f"{parent.indicator}{what}等于各项之和",
                f"{parent.indicator_en}: {what_en} equals the sum of its parts",
                stated,
                computed,
                status,
                tolerance,
                False,
                len(children),
                _source(tables, parent),
                notes_for(status, stated, computed, tolerance, False, "分"),
                "分",
            )
        )
    return rows


def _cap_checks(tables: dict[str, pd.DataFrame], scores: pd.DataFrame) -> list[dict]:
    """No score above the maximum printed beside it."""
    rows = []
    for row in scores.itertuples(index=False):
        if not (_scored(row.score) and _scored(row.max_score)):
            continue
        score, cap = _points(row.score), _points(row.max_score)
        within = score <= cap
        stated, computed = Side(cap, cap, 0), Side(score, score, 0)
        shown = f"{row.score} 分", f"{row.max_score} 分"
        rows.append(
            check_row(
                SCORECARD_CHECKS["cap"].format(row.indicator_id),
                "score",
                f"{row.indicator}得分不超过分值",
                f"{row.indicator_en}: score within its maximum",
                stated,
                computed,
                "ok" if within else "discrepancy",
                0,
                False,
                1,
                _source(tables, row),
                (
                    f"得分 {shown[0]}，分值 {shown[1]}。" + ("" if within else "得分超过分值。"),
                    f"Score {row.score} of at most {row.max_score} points."
                    + ("" if within else " The score exceeds its maximum."),
                ),
                "分",
            )
        )
    return rows


#: Words that exclude the bound they stand before: 超过90分 is above 90, 不满60分 below 60.
_ABOVE_ONLY = ("超过", "高于", "大于", "多于")
_BELOW_ONLY = ("不满", "不足", "低于", "小于", "少于", "未满", "未达到", "未达")


def _excluded(printed: object, bound: object, words: tuple[str, ...]) -> bool:
    """Whether a printed bound excludes its number: a word of ``words`` just before it, or
    不含 just after it (90分以上（不含90分）)."""
    if not isinstance(printed, str) or not _scored(bound):
        return False
    number = re.escape(str(bound))
    before = rf"(?:{'|'.join(words)})\s*{number}(?![0-9.])"
    after = rf"(?<![0-9.]){number}\s*分?\s*(?:以上|以下)?\s*[（(]?\s*不含"
    return re.search(before, printed) is not None or re.search(after, printed) is not None


class _Band(NamedTuple):
    """A grade's band of scores as printed: its bounds and whether each excludes its number."""

    low: int
    low_excluded: bool
    high: int | None
    high_excluded: bool
    grade: str
    grade_en: str


def _within(score, band: _Band) -> bool:
    above = score > band.low if band.low_excluded else score >= band.low
    if band.high is None:
        return above
    return above and (score < band.high if band.high_excluded else score <= band.high)


def _named(grades: list[str], zh: bool, joint: str = "or") -> str:
    """Grades as a sentence names them: “优”或“良”, 'excellent' or 'good' (``joint`` "and":
    “优”、“良”, 'excellent' and 'good')."""
    if zh:
        return ("或" if joint == "or" else "、").join(f"“{g}”" for g in grades)
    return f" {joint} ".join(f"'{g}'" for g in grades)


def _grade_notes(points: str, given: tuple[str, str], earned: list[_Band]) -> tuple[bool, tuple]:
    """Whether the grade given holds, and the note saying what the bands give ``points``."""
    allowed = [b.grade for b in earned]
    allowed_en = [b.grade_en for b in earned]
    if not earned:  # no band the report states holds the score: no grade given can be right
        return False, (
            f"{points} 分不在报告所列任何等级的分数段内，报告评为“{given[0]}”。",
            f"{points} points fall in none of the bands the report states; it gives '{given[1]}'.",
        )
    holds = given[0] in allowed
    if len(earned) > 1:  # on a bound the bands share, as printed: each of their grades holds
        zh = (
            f"{points} 分在报告所列{_named(allowed, True, 'and')}各档共有的界点上，"
            f"按原文可评为{_named(allowed, True)}"
        )
        en = (
            f"{points} points sit on a bound shared by the report's bands for "
            f"{_named(allowed_en, False, 'and')}: as printed, they earn "
            f"{_named(allowed_en, False)}"
        )
    else:
        zh = f"{points} 分按报告所列等级标准应评为{_named(allowed, True)}"
        en = f"{points} points earn {_named(allowed_en, False)} by the report's own grade bands"
    if holds:
        return True, (
            f"{zh}；报告评为“{given[0]}”，一致。",
            f"{en}; the report gives '{given[1]}': they agree.",
        )
    return False, (f"{zh}，报告评为“{given[0]}”。", f"{en}; the report gives '{given[1]}'.")


def _grade_checks(tables: dict[str, pd.DataFrame], scores: pd.DataFrame) -> list[dict]:
    """The grade printed on the overall score against the thresholds the report prints: a
    verdict in words (kind ``grade``), since a wrong grade is no gap of points."""
    grades = tables["grades"]
    overall = scores[(scores["kind"] == "总分") & scores["grade"].notna() & scores["score"].notna()]
    if grades.empty or overall.empty:
        return []
    # a grade holds between its bounds as printed. As the Civil Code reads such words (民法典
    # 第一千二百五十九条), 以上 and 以下 include the number and 超过 and 不满 do not; 至 is read as
    # including it. A score on a bound two bands both include, as printed, may take either
    # grade: the prose allows both readings, so neither fails. A bound not printed is open.
    columns = [
        "min_score",
        "min_score_printed",
        "max_score",
        "max_score_printed",
        "grade",
        "grade_en",
    ]
    ladder = sorted(
        (
            _Band(
                _points(low) if _scored(low) else -1,
                _excluded(low_printed, low, _ABOVE_ONLY),
                _points(high) if _scored(high) else None,
                _excluded(high_printed, high, _BELOW_ONLY),
                g,
                e,
            )
            for low, low_printed, high, high_printed, g, e in grades[columns].itertuples(
                index=False
            )
        ),
        key=lambda band: band.low,
        reverse=True,
    )
    english = {band.grade: band.grade_en for band in ladder}
    rows = []
    for row in overall.itertuples(index=False):
        earned = [b for b in ladder if _within(_points(row.score), b)]
        given = (row.grade, english.get(row.grade, row.grade))
        holds, notes = _grade_notes(row.score, given, earned)
        rows.append(
            verdict_row(
                SCORECARD_CHECKS["grade"].format(row.indicator_id),
                "grade",
                f"{row.indicator} {row.score} 分的评价等级",
                f"{row.indicator_en}: the grade of {row.score} points",
                holds,
                _source(tables, row),
                notes,
            )
        )
    return rows


def scorecard_checks(tables: dict[str, pd.DataFrame]) -> list[dict]:
    """Every check the scorecard allows, in the shape of :func:`checkrows.check_row`."""
    scores = tables["scores"]
    if scores.empty:
        return []
    return (
        _sum_checks(tables, scores, "score")
        + _sum_checks(tables, scores, "max_score")
        + _cap_checks(tables, scores)
        + _grade_checks(tables, scores)
    )
