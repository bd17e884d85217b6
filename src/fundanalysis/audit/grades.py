"""The grade printed on an overall score, against the grade bands the report itself prints.

A band holds between its bounds as printed. As the Civil Code reads such words (民法典 第一千二百
五十九条), 以上 and 以下 include the number and 超过 and 不满 do not; 至 is read as including it,
and so are ≥ and ≤, while the signs > and < exclude the number they bound (总分<90分, 90>总分).
A bound not printed is open. Only what the prose allows no other reading of fails:

- a score on a bound two bands both include, as printed, may take either grade;
- a score in a gap the bands leave that is no wider than one unit of their printed precision
  (80分至89分为良 and 90分以上为优 leave 89.5 between them: whole points, one point apart) may
  take the grade of either band beside the gap, since the text does not say which of them it
  belongs to (readers of such bands cut 89.5 down to 良; one who rounds it reads 优);
- a grade whose band the report does not print is checked only as far as the bands printed
  go: the score must fall in none of them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

import pandas as pd

from fundanalysis.audit.checkrows import source_of, verdict_row
from fundanalysis.data.crosstable import SCORECARD_CHECKS
from fundanalysis.data.money import decimals_of
from fundanalysis.data.units import MICRO
from fundanalysis.data.vocabulary import GRADES_EN

#: Words and signs before a number that exclude it, by the end of the band it bounds: 超过90分
#: and 总分>90 are above 90 only, 不满60分 and 总分<60 below 60 only (≥, ≤, ＞＝ include it).
_ABOVE_ONLY = ("超过", "高于", "大于", "多于", ">", "＞")
_BELOW_ONLY = ("不满", "不足", "低于", "小于", "少于", "未满", "未达到", "未达", "<", "＜")
#: Signs after a number that exclude it: 80<总分 is above 80 only, 90>总分 below 90 only.
_ABOVE_AFTER = ("<", "＜")
_BELOW_AFTER = (">", "＞")


def _points(text: str) -> int:
    """Points as printed, in millionths of a point (exact)."""
    return int(Decimal(text) * MICRO)


def _scored(text: object) -> bool:
    return isinstance(text, str) and text != ""


def _excluded(printed: object, bound: object, low: bool) -> bool:
    """Whether a printed bound excludes its number: a word or sign just before it that does
    (超过90分, 总分<90分), a sign just after it that does (80分<总分), or 不含 just after it
    naming the bound (90分以上（不含90分）, （不含本数）). ``low``: the bound is the band's lower
    one."""
    if not isinstance(printed, str) or not _scored(bound):
        return False
    number = re.escape(str(bound))
    before_words, after_signs = (_ABOVE_ONLY, _ABOVE_AFTER) if low else (_BELOW_ONLY, _BELOW_AFTER)
    before = rf"(?:{'|'.join(map(re.escape, before_words))})\s*{number}(?![0-9.])"
    after = (
        rf"(?<![0-9.]){number}\s*分?\s*(?:(?:{'|'.join(map(re.escape, after_signs))})(?![=＝])"
        # 不含 excludes the bound only where it names it: （不含90分）, （不含本数）, （不含）, not
        # （不含加分）, which leaves the bonus out of the score and the bound in the band
        rf"|(?:以上|以下)?\s*[（(]?\s*不含\s*(?:{number}(?![0-9.])|本数|本分数|[）)]))"
    )
    return re.search(before, printed) is not None or re.search(after, printed) is not None


class _Band(NamedTuple):
    """A grade's band of scores as printed: its bounds (None: not printed) as figures and as
    exact points, and whether each excludes its number."""

    low: int | None
    low_text: str
    low_excluded: bool
    high: int | None
    high_text: str
    high_excluded: bool
    grade: str
    grade_en: str


def _band(low, low_printed, high, high_printed, grade, grade_en) -> _Band:
    return _Band(
        _points(low) if _scored(low) else None,
        low if _scored(low) else "",
        _excluded(low_printed, low, True),
        _points(high) if _scored(high) else None,
        high if _scored(high) else "",
        _excluded(high_printed, high, False),
        grade,
        grade_en,
    )


def _within(score: int, band: _Band) -> bool:
    if band.low is not None and (score <= band.low if band.low_excluded else score < band.low):
        return False
    if band.high is None:
        return True
    return score < band.high if band.high_excluded else score <= band.high


def _gap(score: int, ladder: list[_Band]) -> tuple[_Band, _Band, Decimal] | None:
    """The bands on either side of a score that falls between them, with one unit of their
    bounds' printed precision, where the gap they leave is no wider than that unit."""
    below = [b for b in ladder if b.high is not None and b.high <= score]
    above = [b for b in ladder if b.low is not None and b.low >= score]
    if not below or not above:
        return None
    lower = max(below, key=lambda b: b.high)
    upper = min(above, key=lambda b: b.low)
    unit = Decimal(1).scaleb(-max(decimals_of(lower.high_text), decimals_of(upper.low_text)))
    if upper.low - lower.high > unit * MICRO:
        return None
    return lower, upper, unit


def _named(grades: list[str], zh: bool, joint: str = "or") -> str:
    """Grades as a sentence names them: “优”或“良”, 'excellent' or 'good' (``joint`` "and":
    “优”、“良”, 'excellent' and 'good')."""
    if zh:
        return ("或" if joint == "or" else "、").join(f"“{g}”" for g in grades)
    return f" {joint} ".join(f"'{g}'" for g in grades)


def _closing(zh: str, en: str, holds: bool, given: tuple[str, str]) -> tuple[bool, tuple]:
    if holds:
        return True, (
            f"{zh}；报告评为“{given[0]}”，一致。",
            f"{en}; the report gives '{given[1]}': they agree.",
        )
    return False, (f"{zh}，报告评为“{given[0]}”。", f"{en}; the report gives '{given[1]}'.")


def _grade_notes(
    points: str, given: tuple[str, str], earned: list[_Band], ladder: list[_Band]
) -> tuple[bool, tuple]:
    """Whether the grade given holds, and the note saying what the bands give ``points``."""
    if not earned and given[0] not in {b.grade for b in ladder}:
        # the grade's own band is not printed: the score need only be outside the others
        return True, (
            f"报告未列“{given[0]}”的分数段；{points} 分不在所列其他等级的分数段内，一致。",
            f"The report prints no band for '{given[1]}'; {points} points fall in none of the "
            "other bands it prints: they agree.",
        )
    if not earned:
        gap = _gap(_points(points), ladder)
        if gap is None:  # no band the report states holds the score: no grade given can be right
            return False, (
                f"{points} 分不在报告所列任何等级的分数段内，报告评为“{given[0]}”。",
                f"{points} points fall in none of the bands the report states; it gives "
                f"'{given[1]}'.",
            )
        lower, upper, unit = gap
        allowed = [lower.grade, upper.grade]
        allowed_en = [lower.grade_en, upper.grade_en]
        zh = (
            f"{points} 分落在报告所列“{lower.grade}”（至 {lower.high_text} 分）与“{upper.grade}”"
            f"（自 {upper.low_text} 分起）两档之间的空隙内；空隙不超过所印精度的一个单位"
            f"（{unit} 分），原文未说它属哪一档，按原文可评为{_named(allowed, True)}"
        )
        en = (
            f"{points} points fall in the gap the report's bands for '{lower.grade_en}' (to "
            f"{lower.high_text}) and '{upper.grade_en}' (from {upper.low_text}) leave, no wider "
            f"than one unit of their printed precision ({unit} point): the text does not say "
            f"which band it belongs to, so as printed they earn {_named(allowed_en, False)}"
        )
        return _closing(zh, en, given[0] in allowed, given)
    allowed = [b.grade for b in earned]
    allowed_en = [b.grade_en for b in earned]
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
    return _closing(zh, en, given[0] in allowed, given)


def _source(tables: dict[str, pd.DataFrame], row) -> str:
    printed = row.score_printed if _scored(row.score_printed) else row.max_score_printed
    return source_of(tables, row.section_id, printed if isinstance(printed, str) else "")


def _grade_checks(tables: dict[str, pd.DataFrame], scores: pd.DataFrame) -> list[dict]:
    """The grade printed on the overall score against the thresholds the report prints: a
    verdict in words (kind ``grade``), since a wrong grade is no gap of points."""
    grades = tables["grades"]
    overall = scores[(scores["kind"] == "总分") & scores["grade"].notna() & scores["score"].notna()]
    if grades.empty or overall.empty:
        return []
    columns = [
        "min_score",
        "min_score_printed",
        "max_score",
        "max_score_printed",
        "grade",
        "grade_en",
    ]
    ladder = sorted(
        (_band(*band) for band in grades[columns].itertuples(index=False)),
        key=lambda band: -1 if band.low is None else band.low,
        reverse=True,
    )
    english = {band.grade: band.grade_en for band in ladder}
    rows = []
    for row in overall.itertuples(index=False):
        earned = [b for b in ladder if _within(_points(row.score), b)]
        # a grade with no band printed has no English of the report's: the common one, if any
        given = (row.grade, english.get(row.grade, GRADES_EN.get(row.grade, row.grade)))
        holds, notes = _grade_notes(row.score, given, earned, ladder)
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
