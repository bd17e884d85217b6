"""Turn a frame of CSV text into typed columns, explicitly, refusing anything lossy.

Each column of a table has a kind (text, integer, amount, date; optional or required).
A value that does not read exactly as its kind becomes a :class:`Problem` naming its file,
line and column; nothing is coerced, trimmed or rounded on the way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pandas as pd

from fundanalysis.errors import Problem
from fundanalysis.money import AmountError, parse_decimal

_INTEGER = re.compile(r"[0-9]+")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


class CellError(ValueError):
    """A cell that does not read as its column's kind."""


def _text(value: str) -> str:
    if value != value.strip():
        raise CellError("前后有空格 / leading or trailing spaces")
    if "\n" in value or "\r" in value:
        raise CellError("单元格内有换行 / line break inside the cell")
    return value


def _integer(value: str) -> int:
    _text(value)
    if not _INTEGER.fullmatch(value):
        raise CellError("不是非负整数 / not a whole number written with ASCII digits")
    return int(value)


def _amount(value: str) -> str:
    try:
        parse_decimal(value)
    except AmountError as error:
        raise CellError(str(error)) from None
    return value


def _date(value: str) -> pd.Timestamp:
    _text(value)
    match = _ISO_DATE.fullmatch(value)
    if not match:
        raise CellError("日期格式应为 YYYY-MM-DD / date must be written YYYY-MM-DD")
    try:
        return pd.Timestamp(date(*(int(part) for part in match.groups())))
    except ValueError:
        raise CellError("不存在的日期 / no such date") from None


PARSERS: dict[str, Callable[[str], object]] = {
    "text": _text,
    "int": _integer,
    "amount": _amount,
    "date": _date,
}

#: pandas dtype each kind of column ends up with.
DTYPES = {"text": "str", "int": "Int64", "amount": "str", "date": "datetime64[ns]"}


def parse_columns(
    raw: pd.DataFrame, kinds: dict[str, str], file: str
) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse every column of ``raw`` by its kind; a trailing ``?`` makes empty cells allowed."""
    problems: list[Problem] = []
    typed: dict[str, pd.Series] = {}
    for column, kind in kinds.items():
        optional = kind.endswith("?")
        parse = PARSERS[kind.rstrip("?")]
        values: list[object] = []
        for line, cell in raw[column].items():
            if cell == "":
                if not optional:
                    problems.append(
                        Problem(file, int(line), column, cell, "不能为空 / must not be empty")
                    )
                values.append(None)
                continue
            try:
                values.append(parse(cell))
            except CellError as error:
                problems.append(Problem(file, int(line), column, cell, str(error)))
                values.append(None)
        typed[column] = pd.Series(values, index=raw.index, dtype=object).astype(
            DTYPES[kind.rstrip("?")]
        )
    return pd.DataFrame(typed, index=raw.index), problems
