"""Each figure agrees with the text it cites: the strongest check the data allows without the report.

A row's amount must be printed in its own ``printed`` fragment, followed by the unit as printed
(``1.58万元``); a count by its unit (``28 个``); a date's year, month and day wherever the
printed date names them (``2019 年 12 月 6 日``, ``10 月中旬``). Two amounts swapped between rows,
a typo in a figure or a date moved by a month are refused at their cell, whatever the totals say.
"""

from __future__ import annotations

import re

import pandas as pd

from fundanalysis.errors import Problem
from fundanalysis.specs import TableSpec

#: (figure column, fragment column) pairs checked per table; the unit comes from the row.
FIGURES = {
    "budget": [("amount", "printed")],
    "transfers": [("amount", "printed")],
    "evaluated_funds": [("amount", "printed")],
    "allocations": [("amount", "printed")],
    "carryover": [("amount", "printed"), ("project_count", "printed")],
    "spending": [("amount", "printed")],
    "poverty": [("value", "printed")],
    "projects": [("project_count", "count_printed"), ("amount", "amount_printed")],
    "supervision": [("value", "printed")],
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

COUNT_WORDS = {"project_count": "个"}


def _unit(frame: pd.DataFrame, column: str, line) -> str:
    if column == "project_count":
        return COUNT_WORDS[column]
    if "unit_as_printed" in frame.columns:
        return str(frame.at[line, "unit_as_printed"])
    return str(frame.at[line, "unit"])


def _figure_text(value) -> str:
    return str(int(value)) if isinstance(value, int) or hasattr(value, "__index__") else str(value)


def _printed_with_unit(figure: str, unit: str, fragment: str) -> bool:
    pattern = rf"(?<![0-9.]){re.escape(figure)}\s*{re.escape(unit)}"
    return re.search(pattern, fragment) is not None


def _date_parts(text: str) -> dict[str, int]:
    parts = {}
    iso = re.search(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", text)
    if iso:
        return {"year": int(iso[1]), "month": int(iso[2]), "day": int(iso[3])}
    for name, pattern in (
        ("year", r"([0-9]{4})\s*年"),
        ("month", r"([0-9]{1,2})\s*月"),
        ("day", r"([0-9]{1,2})\s*日"),
    ):
        found = re.search(pattern, text)
        if found:
            parts[name] = int(found[1])
    return parts


def disagreements(
    spec: TableSpec, frame: pd.DataFrame, skip: set[tuple[int, str]]
) -> list[Problem]:
    """Cells whose figure is not the one their own fragment prints; ``skip``: cells already refused."""
    problems = []
    for column, fragment_column in FIGURES.get(spec.name, []):
        for line, value, fragment in zip(
            frame.index, frame[column], frame[fragment_column], strict=True
        ):
            if (
                (line, column) in skip
                or pd.isna(value)
                or not isinstance(fragment, str)
                or not fragment
            ):
                continue
            unit = _unit(frame, column, line)
            figure = _figure_text(value)
            if not _printed_with_unit(figure, unit, fragment):
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
        for line, value, fragment in zip(
            frame.index, frame[column], frame[fragment_column], strict=True
        ):
            if (line, column) in skip or pd.isna(value) or not isinstance(fragment, str):
                continue
            printed = _date_parts(fragment)
            actual = {"year": value.year, "month": value.month, "day": value.day}
            wrong = [name for name, number in printed.items() if actual[name] != number]
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
