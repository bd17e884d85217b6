"""Turn a frame of CSV text into typed columns, explicitly, refusing anything lossy.

Each column of a table has a kind (text, integer, amount, date; optional or required).
A value that does not read exactly as its kind becomes a :class:`Problem` naming its file,
line and column; nothing is coerced, trimmed or rounded on the way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

import pandas as pd

from fundanalysis.data.errors import INVISIBLE, Problem
from fundanalysis.data.money import VECTORISE_FROM, AmountError, parse_decimal

_INTEGER = re.compile(r"[0-9]+")

#: Characters that are certainly visible (ASCII, CJK ideographs and punctuation, full-width
#: forms, dashes and quotes): a cell made only of them needs no character-by-character check.
VISIBLE = "\x20-\x7e\u00b7\u2010-\u2027\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e"

#: A cell of visible characters that does not begin or end with a space: one pass of Arrow's
#: regular expressions instead of a strip, a comparison and a match.
_EDGE = "\x21-\x7e" + VISIBLE.removeprefix("\x20-\x7e")
_PLAINLY_VISIBLE = f"[{_EDGE}](?:[{VISIBLE}]*[{_EDGE}])?"

#: Dates of a poverty-fund report fall in these years; anything else is a typo (0201, 9999).
FIRST_YEAR, LAST_YEAR = 1949, 2100
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


class CellError(ValueError):
    """A cell that does not read as its column's kind."""


def _text(value: str) -> str:
    if value != value.strip():
        raise CellError("前后有空格 / leading or trailing spaces")
    if "\n" in value or "\r" in value:
        raise CellError("单元格内有换行 / line break inside the cell")
    if not value.isprintable() or any(c in INVISIBLE for c in value):
        char = next(c for c in value if not c.isprintable() or c in INVISIBLE)
        name = unicodedata.name(char, "control character").lower()
        raise CellError(
            f"含不可见字符 U+{ord(char):04X} / invisible character U+{ord(char):04X} ({name}) "
            "in the cell: delete it"
        )
    return value


def is_text_cell(value: str) -> bool:
    """Whether ``value`` may stand in a text cell as it is (what a writer of cells checks)."""
    try:
        _text(value)
    except CellError:
        return False
    return True


def _integer(value: str) -> int:
    _text(value)
    if not _INTEGER.fullmatch(value):
        raise CellError("不是非负整数 / not a whole number written with ASCII digits")
    if len(value) > 18:
        raise CellError("数值过大 / number too large (more than 18 digits)")
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
    year = int(match.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CellError(
            f"年份 {year} 不合理 / implausible year {year}: expected {FIRST_YEAR}–{LAST_YEAR}"
        )
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


#: Patterns of well-formed cells per kind; cells that match take the vectorised path, the
#: rest go through the kind's parser above, which is the reference and gives the message.
_WELL_FORMED = {
    "int": r"[0-9]{1,18}",
    "amount": r"[0-9]+(?:\.[0-9]+)?",
    "date": r"[0-9]{4}-[0-9]{2}-[0-9]{2}",
}


def _fast_values(kind: str, cells: pd.Series, ok: pd.Series) -> pd.Series:
    """Vectorised conversion of the well-formed cells of one column."""
    if kind == "int":  # at most 18 plain digits each: Arrow's integer cast is exact
        import pyarrow as pa

        return pd.Series(
            pd.array(pa.array(cells.where(ok, None)).cast(pa.int64()), dtype="Int64"),
            index=cells.index,
        )
    if kind == "date":
        # only plausible years reach the converter, which cannot hold 0201 or 9999
        years = pd.to_numeric(cells.str.slice(0, 4).where(ok), errors="coerce")
        ok = ok & years.between(FIRST_YEAR, LAST_YEAR)
        return pd.to_datetime(cells.where(ok), format="%Y-%m-%d", errors="coerce").astype(
            "datetime64[ns]"
        )
    if ok.all():  # every cell plainly text: nothing to blank out for the exact path
        return cells.astype("str")
    return cells.where(ok).astype("str")


def parse_columns(
    raw: pd.DataFrame, kinds: dict[str, str], file: str, vectorise_from: int = VECTORISE_FROM
) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse every column of ``raw`` by its kind; a trailing ``?`` makes empty cells allowed.

    Tables of ``vectorise_from`` rows or more take a vectorised path for well-formed cells;
    smaller ones, and every cell that is not well formed, go through the scalar parsers.
    """
    vectorise = len(raw) >= max(vectorise_from, 1)
    problems: list[Problem] = []
    typed: dict[str, pd.Series] = {}
    for column, kind in kinds.items():
        optional = kind.endswith("?")
        base = kind.rstrip("?")
        cells = raw[column]
        empty = cells == ""
        text = cells.astype("str")
        if vectorise:
            # cells of plainly visible characters, no space at either end (a well-formed number
            # or date is that already); anything else takes the exact path
            ok = ~empty & text.str.fullmatch(_WELL_FORMED.get(base, _PLAINLY_VISIBLE))
            values = _fast_values(base, text, ok)
            if base == "date":  # well-formed but impossible (2020-02-30) or implausible (0201)
                ok &= values.notna() & values.dt.year.between(FIRST_YEAR, LAST_YEAR)
        else:
            ok = pd.Series(False, index=raw.index)
            values = pd.Series(None, index=raw.index, dtype=object)
        if not optional:
            for line in raw.index[empty]:
                problems.append(
                    Problem(file, int(line), column, "", "不能为空 / must not be empty")
                )
        for line in raw.index[~ok & ~empty]:
            try:
                parsed = PARSERS[base](cells[line])
            except CellError as error:
                problems.append(Problem(file, int(line), column, cells[line], str(error)))
                values[line] = None
                continue
            values[line] = parsed
        typed[column] = values.astype(DTYPES[base])
    return pd.DataFrame(typed, index=raw.index), problems
