"""The report's own scorecard, checked: parts add up to their parent, no score above its
maximum, and the grade is the one the report's own thresholds give the overall score.

Nothing of an evaluation framework is assumed: a maximum, a threshold or a grade that the
report does not print is not checked (财农〔2017〕115号 and the provinces' versions differ, and
their weights are known here only where a report prints them). The grade is checked in
:mod:`fundanalysis.audit.grades`.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from fundanalysis.audit.checkrows import Side, check_row, notes_for, status_of
from fundanalysis.audit.grades import _grade_checks, _points, _scored, _source
from fundanalysis.data.crosstable import SCORECARD_CHECKS
from fundanalysis.data.money import decimals_of
from fundanalysis.data.units import MICRO

#: How a row of each kind counts towards its parent's score.
SIGN = {"指标": 1, "加分": 1, "扣分": -1, "总分": 1}


def _with_word(indicator: str, word: str) -> str:
    """An indicator's name with ``word`` after it, unless the name already ends so (综合得分
    is the score itself: 综合得分, not 综合得分得分)."""
    return indicator if indicator.endswith(word) else indicator + word


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
                f"{_with_word(parent.indicator, what)}等于各项之和",
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


def _bonus_cap(scores: pd.DataFrame, indicator_id: str) -> str | None:
    """What the bonuses (加分) under an indicator, at any depth, may add to its maximum: their
    maxima, or their scores where no maximum is printed; "" with no bonus, None where a bonus
    prints neither (then the cap is not known). A bonus under a part raises the part's score
    and so the whole's; what is under a bonus is within its own maximum."""
    found, below, seen = [], [indicator_id], {indicator_id}
    while below:  # down the tree, each indicator once (a cycle of parents ends here)
        children = scores[scores["parent_id"].isin(below) & ~scores["indicator_id"].isin(seen)]
        found.append(children[children["kind"] == "加分"])
        below = list(children.loc[children["kind"] != "加分", "indicator_id"])
        seen.update(children["indicator_id"])
    bonuses = pd.concat(found)
    added = []
    for maximum, score in zip(bonuses["max_score"], bonuses["score"], strict=True):
        if not (_scored(maximum) or _scored(score)):
            return None
        added.append(maximum if _scored(maximum) else score)
    return str(sum(Decimal(a) for a in added)) if added else ""


def _cap_checks(tables: dict[str, pd.DataFrame], scores: pd.DataFrame) -> list[dict]:
    """No score above the maximum printed beside it, raised by what its bonuses may add (a
    declared bonus takes a score above 满分; it has no share of the maximum itself)."""
    rows = []
    for row in scores.itertuples(index=False):
        if not (_scored(row.score) and _scored(row.max_score)):
            continue
        bonus = _bonus_cap(scores, row.indicator_id)
        if bonus is None:
            continue
        score = _points(row.score)
        cap = _points(row.max_score) + (_points(bonus) if bonus else 0)
        within = score <= cap
        stated, computed = Side(cap, cap, 0), Side(score, score, 0)
        if bonus:
            total = Decimal(row.max_score) + Decimal(bonus)
            notes = (
                f"得分 {row.score} 分，分值 {row.max_score} 分，另有加分至多 {bonus} 分，"
                f"合计上限 {total} 分。" + ("" if within else "得分超过分值与加分之和。"),
                f"Score {row.score} of at most {row.max_score} points plus at most {bonus} of "
                f"bonus ({total} in all)."
                + ("" if within else " The score exceeds its maximum with its bonus."),
            )
        else:
            notes = (
                f"得分 {row.score} 分，分值 {row.max_score} 分。"
                + ("" if within else "得分超过分值。"),
                f"Score {row.score} of at most {row.max_score} points."
                + ("" if within else " The score exceeds its maximum."),
            )
        rows.append(
            check_row(
                SCORECARD_CHECKS["cap"].format(row.indicator_id),
                "score",
                f"{_with_word(row.indicator, '得分')}不超过分值",
                f"{row.indicator_en}: score within its maximum",
                stated,
                computed,
                "ok" if within else "discrepancy",
                0,
                False,
                1,
                _source(tables, row),
                notes,
                "分",
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
