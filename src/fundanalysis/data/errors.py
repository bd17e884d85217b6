"""Problems found in a data directory, reported the way a person fixes them: file, row, column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell, row or file.

    ``row`` is the line number in the CSV file as a spreadsheet or text editor shows it
    (the header is line 1), or ``None`` when the problem concerns the whole file.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def render(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", 第 {self.row} 行 (row {self.row})"
        if self.column is not None:
            where += f", 列 column {visible(self.column)}"
        shown = "" if self.value is None else f" [值 value: {visible(self.value)}]"
        return f"{where}: {self.message}{shown}"


#: Characters Python counts as printable that show as nothing (Hangul fillers, braille blank).
INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def visible(text: str) -> str:
    """Text in quotes with every invisible or control character written as an escape (\\u200b)."""
    shown = "".join(
        c
        if c.isprintable() and c not in "\u00a0\u3000" and c not in INVISIBLE
        else f"\\u{ord(c):04x}"
        for c in text
    )
    return f"'{shown}'"


class DataError(ValueError):
    """Raised when a data directory cannot be loaded as it is; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(
            problems, key=lambda p: (p.file, p.row or 0, p.column or "", p.message)
        )
        super().__init__(self.render())

    def render(self) -> str:
        count = len(self.problems)
        lines = [f"数据有 {count} 处问题 / {count} data problem(s):"]
        lines += [f"  - {p.render()}" for p in self.problems]
        return "\n".join(lines)


def unexpected(where: str, error: Exception) -> DataError:
    """A DataError for a failure no check foresaw, so that callers still get only DataError.

    It names the directory and the error; it should never happen, and a test fails if it does
    for the damage the test suite tries.
    """
    message = (
        f"读取时出现意外错误 / unexpected error while reading: {type(error).__name__}: {error}"
    )
    return DataError([Problem(where, None, None, None, message)])
