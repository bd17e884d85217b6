"""Each figure agrees with the text it cites: the strongest check the data allows without the report.

A row's amount must be printed in its own ``printed`` fragment, followed by the unit as printed
(``1.58万元``); a count by its unit (``28 个``); a date's year, month and day wherever the
printed date names them (``2019 年 12 月 6 日``, ``10 月中旬``). Two amounts swapped between rows,
a typo in a figure or a date moved by a month are refused at their cell, whatever the totals say.
"""

from __future__ import annotations

import re
from decimal import Decimal

import numpy as np
import pandas as pd

from fundanalysis.data.errors import Problem
from fundanalysis.data.numerals import (
    GROUP_SEPARATORS,
    continues_a_number,
    number_before,
    numbers_before,
)
from fundanalysis.data.specs import TableSpec
from fundanalysis.data.vocabulary import PRINTED_FORMS

#: (figure column, fragment column) pairs checked per table; the unit comes from the row.
FIGURES = {
    "budget": [("amount", "printed"), ("year", "printed")],
    "transfers": [("amount", "printed")],
    "evaluated_funds": [("amount", "printed")],
    "allocations": [("amount", "printed")],
    "carryover": [("amount", "printed"), ("project_count", "printed")],
    "spending": [("amount", "printed")],
    "poverty": [("value", "printed")],
    "projects": [("project_count", "count_printed"), ("amount", "amount_printed")],
    "supervision": [("value", "printed")],
    "outputs": [("value", "printed")],
    "scores": [("score", "score_printed"), ("max_score", "max_score_printed")],
    "grades": [("min_score", "min_score_printed"), ("max_score", "max_score_printed")],
    "totals": [("stated", "printed")],
    "indicators": [("stated", "printed")],
}

DATES = {
    "documents": ("issued_on", "issued_on_printed"),
    "transfers": ("disbursed_on", "disbursed_on_printed"),
    "carryover": ("payment_date", "payment_printed"),
    "spending": ("as_of", "as_of_printed"),
    "poverty": ("as_of", "as_of_printed"),
    "projects": ("as_of", "as_of_printed"),
    "totals": ("as_of", "as_of_printed"),
}

COUNT_WORDS = {
    "project_count": "个",
    "year": "年",
    "score": "分",
    "max_score": "分",
    "min_score": "分",
}


def _printed_units(frame: pd.DataFrame, column: str) -> str | pd.Series:
    """The unit each row's figure is printed with: the count word of a count column, or each
    row's own unit as printed."""
    if column in COUNT_WORDS:
        return COUNT_WORDS[column]
    return frame["unit_as_printed" if "unit_as_printed" in frame.columns else "unit"]


def _units(frame: pd.DataFrame, column: str) -> list[str]:
    """:func:`_printed_units` as one text per row, for the row-by-row path."""
    units = _printed_units(frame, column)
    return [units] * len(frame) if isinstance(units, str) else [str(u) for u in units]


#: Tables this long check the common case (the figure, then its unit, printed as written)
#: with numpy's string functions, all rows at once.
VECTORISE_FROM = 10_000


def _strings(values: pd.Series) -> np.ndarray:
    """A column as numpy strings ('' where missing); few distinct values are converted once."""
    from numpy.dtypes import StringDType

    if values.iloc[:1000].nunique() < 100:  # a unit, say: convert each distinct value once
        codes, uniques = pd.factorize(values)
        words = np.array([str(u) for u in uniques] + [""], dtype=StringDType())
        return words[np.where(codes < 0, len(uniques), codes)]
    return values.astype("string").fillna("").to_numpy(dtype=StringDType())


def _plainly_printed(
    frame: pd.DataFrame, column: str, fragment_column: str, fragments: np.ndarray
) -> np.ndarray:
    """Rows whose fragment prints the figure followed at once by its unit, not inside a longer
    number: the test of the row-by-row path's first step, for every row in one pass."""
    from numpy.dtypes import StringDType

    present = (frame[column].notna() & frame[fragment_column].notna()).to_numpy()
    units = _printed_units(frame, column)
    if not isinstance(units, str):
        units = _strings(units)
    at = np.strings.find(fragments, np.strings.add(_strings(frame[column]), units))
    before = np.strings.slice(fragments, np.maximum(at - 1, 0), np.maximum(at, 0))
    # a digit group separator before it (4 800万元) sends the row to the exact path
    inside_a_number = np.isin(
        before, np.array(list("0123456789.亿,\t\u3000" + GROUP_SEPARATORS), dtype=StringDType())
    )
    return present & (at >= 0) & ((at == 0) | ~inside_a_number)


def _prints_a_figure(fragment: str, unit: str, column: str) -> bool:
    """Whether a fragment prints a number followed by the unit (for an empty cell beside it)."""
    if column == "year":
        return False
    return re.search(rf"(?<![0-9.])[0-9]+(?:\.[0-9]+)?\s*{re.escape(unit)}", fragment) is not None


_SPACES = " \t\u3000"


def _printed_with_unit(figure: str, unit: str, fragment: str) -> bool:
    """Whether ``fragment`` prints ``figure`` then ``unit`` (spaces between allowed) as a whole number.

    Plain string search, no regular expression: it runs once per row of tables of any size.
    """
    start = fragment.find(figure)
    while start >= 0:
        end = start + len(figure)
        while end < len(fragment) and fragment[end] in _SPACES:
            end += 1
        # 1亿2000万元 is not 2000, nor 4 800万元 800
        if fragment.startswith(unit, end) and not continues_a_number(fragment, start):
            return True
        start = fragment.find(figure, start + 1)
    return False


# 万 alone means 万元 where its clause ends or money follows ("4000万资金"), as the scan reads it.
_BARE_WAN_THEN = re.compile(r"$|[\s。，,；;、：:）)]|资金|投资|经费|补助")


# "贫困发生率由0.8%降至0": a rate brought down to nothing is printed bare, its % said once before.
_BARE_RATE = re.compile(
    r"(?:降至|降为|降到|下降至|下降到|减至|减少至|减少到)\s*(?P<number>[0-9]+(?:\.[0-9]+)?|零)"
    r"(?=$|[\s。，,；;、）)])"
)


def _bare_rate(figure: str, fragment: str) -> bool:
    """Whether ``fragment`` prints the rate ``figure`` bare after a rate in %, as in 由0.8%降至0."""
    for match in _BARE_RATE.finditer(fragment):
        before = fragment[: match.start()]
        number = "0" if match["number"] == "零" else match["number"]
        if ("%" in before or "％" in before) and number == figure:
            return True
    return False


def _read_as_printed(figure: str, unit: str, fragment: str) -> bool:
    """Whether ``fragment`` prints ``figure`` before ``unit`` as the scan reads numbers: with
    thousands separators, in full-width digits or in Chinese numerals, and with the unit in any
    spelling of :data:`PRINTED_FORMS`; the decimals printed must be the figure's own."""
    try:
        wanted = (Decimal(figure), len(figure.partition(".")[2]))
    except ArithmeticError:
        return False
    if not wanted[0].is_finite():
        return False
    if unit == "%" and _bare_rate(figure, fragment):
        return True
    for word in (unit, *PRINTED_FORMS.get(unit, ())):
        if word == "万":
            bare = (
                number_before(fragment, m.start())
                for m in re.finditer("万", fragment)
                if _BARE_WAN_THEN.match(fragment, m.end())
            )
            if wanted in bare:
                return True
        elif wanted in numbers_before(fragment, word):
            return True
    return False


#: A range printed with its unit once, after its second number: 80至89分, 80-89分, 80～89分;
#: the first number may carry the unit too (80分至89分) or 含 (80（含）至89分).
_RANGE = re.compile(
    r"(?<![0-9.])(?P<start>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>分)?\s*(?:[（(]\s*含\s*[）)])?\s*"
    r"(?:至|到|-|－|~|～|—|–|——)\s*(?P<end>[0-9]+(?:\.[0-9]+)?)(?![0-9.])\s*分"
)

#: Grade bounds a printed range gives, by the end of the range each one is.
RANGE_ENDS = {("grades", "min_score"): "start", ("grades", "max_score"): "end"}
#: The other end of a range than the one a bound must be, as a refusal names it.
ENDS_ZH = {"start": "上限", "end": "下限"}
ENDS_EN = {"start": "upper", "end": "lower"}


def _range_reading(figure: str, end: str, fragment: str) -> bool | None:
    """What the ranges of points a fragment prints say of a bound: True where ``figure`` is
    the ``end`` ("start" or "end") of one (80 in 80至89分, read as 80分), False where it is
    printed only as the other end of ranges (89 as the lower bound of 80至89分), None where
    the ranges say nothing of it."""
    ranges = [m for m in _RANGE.finditer(fragment) if Decimal(m["start"]) < Decimal(m["end"])]
    if any(m[end] == figure for m in ranges):
        return True
    other = "end" if end == "start" else "start"
    spans = [m.span(other) for m in ranges if m[other] == figure]
    if not spans:
        return None
    anywhere = [
        m.span() for m in re.finditer(rf"(?<![0-9.]){re.escape(figure)}(?![0-9.])", fragment)
    ]
    return None if any(span not in spans for span in anywhere) else False


def _date_parts(text: str) -> dict[str, object]:
    """What a printed date says of year, month and day; a day may be a range (中旬: 11-20)."""
    iso = re.search(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", text)
    if iso:
        return {"year": int(iso[1]), "month": int(iso[2]), "day": int(iso[3])}
    parts: dict[str, object] = {}
    for name, pattern in (
        ("year", r"([0-9]{4})\s*年"),
        ("month", r"([0-9]{1,2})\s*月"),
        ("day", r"([0-9]{1,2})\s*日"),
    ):
        found = re.search(pattern, text)
        if found:
            parts[name] = int(found[1])
    if re.search(r"年\s*初", text):
        parts.update(month=1, day=1)
    elif re.search(r"年\s*(底|末)", text):
        parts.update(month=12, day=31)
    elif "day" not in parts and "month" in parts:
        for words, days in (
            ("上旬", range(1, 11)),
            ("中旬", range(11, 21)),
            ("下旬", range(21, 32)),
            ("初", range(1, 11)),
        ):
            if re.search(rf"月\s*{words}", text):
                parts["day"] = days
        if re.search(r"月\s*(底|末)", text):
            parts["day"] = "last"
    return parts


def _implied_year(fragment: str, year: int) -> int:
    """The year of a date printed without one: the report's, or the one after or before it."""
    if re.search("明年|次年|下年", fragment):
        return year + 1
    if re.search("去年|上年", fragment):
        return year - 1
    return year


def _agrees(value, name: str, printed: object) -> bool:
    actual = getattr(value, name)
    if printed == "last":
        return value.is_month_end
    if isinstance(printed, range):
        return actual in printed
    return actual == printed


def disagreements(
    spec: TableSpec,
    frame: pd.DataFrame,
    year: int | None = None,
    vectorise_from: int = VECTORISE_FROM,
) -> list[Problem]:
    """Cells whose figure is not the one their own fragment prints (rows with no other problem).

    ``year`` is the report's year: a date printed without its year falls in it (or in the year
    after or before, where the text says 明年 or 去年).
    An empty cell beside a fragment that prints its figure is refused too.
    """
    problems = []
    fragments: dict[str, np.ndarray] = {}  # each fragment column converted once
    for column, fragment_column in FIGURES.get(spec.name, []):
        checked = frame
        if len(frame) >= vectorise_from:  # most rows agree at once; the rest are explained
            if fragment_column not in fragments:
                fragments[fragment_column] = _strings(frame[fragment_column])
            plain = _plainly_printed(frame, column, fragment_column, fragments[fragment_column])
            checked = frame[~plain]
        rows = zip(
            checked.index,
            checked[column].tolist(),
            checked[fragment_column].tolist(),
            _units(checked, column),
            strict=True,
        )
        ranged = RANGE_ENDS.get((spec.name, column))
        for line, value, fragment, unit in rows:
            if not isinstance(fragment, str) or not fragment:
                continue
            if ranged and isinstance(value, str) and value:
                reading = _range_reading(value, ranged, fragment)
                if reading is False:
                    problems.append(
                        Problem(
                            spec.file,
                            int(line),
                            column,
                            value,
                            f"原文「{fragment}」中 {value} 分是分数段的{ENDS_ZH[ranged]}，"
                            f"不是{ENDS_ZH['start' if ranged == 'end' else 'end']} / 「{fragment}」 "
                            f"prints {value} points as the {ENDS_EN[ranged]} end of a range",
                        )
                    )
                if reading is not None:
                    continue
            if isinstance(value, str | int) and not isinstance(value, bool):
                # the common case, at the speed of one substring search: 1.58万元 as printed
                at = fragment.find(f"{value}{unit}")
                if at >= 0 and not continues_a_number(fragment, at):
                    continue
            if value is None or value is pd.NA or (isinstance(value, float) and value != value):
                if _prints_a_figure(fragment, unit, column):
                    problems.append(
                        Problem(
                            spec.file,
                            int(line),
                            column,
                            "",
                            f"原文「{fragment}」印有此数，此处为空 / the text, 「{fragment}」, prints "
                            "this figure but the cell is empty",
                        )
                    )
                continue
            figure = str(value)
            if not _printed_with_unit(figure, unit, fragment) and not _read_as_printed(
                figure, unit, fragment
            ):
                problems.append(
                    Problem(
                        spec.file,
                        int(line),
                        column,
                        figure,
                        f"与本行所引原文不符：原文「{fragment}」中没有「{figure}{unit}」/ does not agree "
                        f"with its own printed text: 「{fragment}」 does not print {figure} {unit}",
                    )
                )
    if spec.name in DATES:
        column, fragment_column = DATES[spec.name]
        dated = frame[frame[fragment_column].notna()]  # a date printed nowhere has nothing to check
        for line, value, fragment in zip(
            dated.index, dated[column].tolist(), dated[fragment_column].tolist(), strict=True
        ):
            if not isinstance(fragment, str):
                continue
            printed = _date_parts(fragment)
            if pd.isna(value):
                if printed:
                    problems.append(
                        Problem(
                            spec.file,
                            int(line),
                            column,
                            "",
                            f"原文印有日期「{fragment}」，此处为空 / the text prints a date, 「{fragment}」, but the cell is empty",
                        )
                    )
                continue
            wrong = [name for name, number in printed.items() if not _agrees(value, name, number)]
            if (
                "year" not in printed
                and year is not None
                and value.year != _implied_year(fragment, year)
            ):
                wrong.append("year")
            if wrong:
                problems.append(
                    Problem(
                        spec.file,
                        int(line),
                        column,
                        value.strftime("%Y-%m-%d"),
                        f"与所印日期「{fragment}」不符（{'、'.join(wrong)}）/ does not agree with the "
                        f"date as printed, 「{fragment}」 ({', '.join(wrong)})",
                    )
                )
    return problems
