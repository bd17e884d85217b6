"""The small language in which a data directory declares its checks.

**Filters** select rows of one table: ``place=若羌县;kind=尾款`` (``;`` joins conditions,
``|`` separates alternatives, ``!=`` excludes); an empty filter selects every row.

**Sums** add and subtract the rows of tables: ``evaluated_funds[level=中央] - transfers[level=中央]``.
A term is ``table[filter]`` (its money) or ``table.column[filter]`` (another column summed, such
as ``projects.project_count[stage=实施]``); ``+`` and ``-`` join terms.

**Labelled parts** split one side of a cross-check into named sums shown with their values:
``中央: evaluated_funds[level=中央] - transfers[level=中央]; 自治区: …``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd


class ExpressionError(ValueError):
    """A filter or sum that cannot be read, with a message for the person who wrote it."""


@dataclass(frozen=True)
class Condition:
    column: str
    values: tuple[str, ...]
    negated: bool = False


def parse_filter(text: str) -> list[Condition]:
    """Read ``"place=轮台县;seq=11"`` into conditions; an empty filter selects every row."""
    if not text:
        return []
    conditions = []
    for part in text.split(";"):
        negated = "!=" in part
        column, sep, value = part.partition("!=" if negated else "=")
        if not sep or not column or column != column.strip():
            raise ExpressionError(f"条件应写成 列=值 / condition {part!r} is not column=value")
        conditions.append(Condition(column, tuple(value.split("|")), negated))
    return conditions


def as_text(values: pd.Series) -> pd.Series:
    """A column as the text a filter compares with: dates as YYYY-MM-DD, missing as ''."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.strftime("%Y-%m-%d").fillna("")
    return values.astype("string").fillna("").astype(object)


def matching_rows(frame: pd.DataFrame, conditions: Iterable[Condition]) -> pd.Series:
    """Rows whose cells, written as text, satisfy every condition."""
    mask = pd.Series(True, index=frame.index)
    for condition in conditions:
        if condition.column not in frame.columns:
            raise ExpressionError(f"没有列 / no column {condition.column!r}")
        hit = _matches(frame[condition.column], condition.values)
        mask &= ~hit if condition.negated else hit
    return mask


#: Below this many rows a filter is evaluated row by row.
SMALL = 2000


def _matches(column: pd.Series, values: tuple[str, ...]) -> pd.Series:
    """``as_text(column).isin(values)``, without writing a whole column as text where it can."""
    if pd.api.types.is_datetime64_any_dtype(column):
        return as_text(column).isin(values)
    if pd.api.types.is_integer_dtype(column):
        wanted = {int(v) for v in values if v.isascii() and v.isdigit() and str(int(v)) == v}
    else:
        wanted = set(values)
    if len(column) < SMALL:  # a few rows: plain Python is faster than a vectorised call
        empty = "" in values
        hits = [(v in wanted) if not pd.isna(v) else empty for v in column.tolist()]
        return pd.Series(hits, index=column.index, dtype=bool)
    hit = column.isin(list(wanted)).fillna(False).astype(bool)
    if "" in values:
        hit |= column.isna()
    return hit


@dataclass(frozen=True)
class Term:
    """One signed term of a sum: the rows of ``table`` that ``filter`` selects, column ``measure``."""

    sign: int
    table: str
    measure: str
    filter: str

    @property
    def conditions(self) -> list[Condition]:
        return parse_filter(self.filter)


@dataclass(frozen=True)
class Part:
    """A labelled sum; the label is empty where a side is one unnamed sum."""

    label: str
    terms: tuple[Term, ...]


_TERM = re.compile(r"\s*([+-])?\s*([a-z_]+)(?:\.([a-z_]+))?\[([^\[\]]*)\]\s*")


def parse_sum(text: str) -> tuple[Term, ...]:
    """Read ``a[f] - b.column[g] + …`` into signed terms."""
    terms = []
    position = 0
    while position < len(text):
        match = _TERM.match(text, position)
        if not match:
            raise ExpressionError(
                f"第 {position + 1} 个字符起无法读取 / cannot read from character {position + 1}: "
                f"{text[position:]!r}; terms are table[filter] or table.column[filter], joined by + or -"
            )
        sign, table, measure, filter_text = match.groups()
        if sign is None and terms:
            raise ExpressionError(f"项之间缺少 + 或 - / + or - missing before {table!r}")
        terms.append(Term(-1 if sign == "-" else 1, table, measure or "amount", filter_text))
        parse_filter(filter_text)
        position = match.end()
    if not terms:
        raise ExpressionError("表达式为空 / the expression is empty")
    return tuple(terms)


def parse_parts(text: str) -> tuple[Part, ...]:
    """Read ``label: sum; label: sum`` (or one unlabelled sum) into parts."""
    if ":" not in text.split("[", 1)[0]:
        return (Part("", parse_sum(text)),)
    parts = []
    depth = 0
    pieces, current = [], ""
    for char in text:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == ";" and depth == 0:
            pieces.append(current)
            current = ""
        else:
            current += char
    pieces.append(current)
    for piece in pieces:
        label, sep, body = piece.partition(":")
        if not sep or not label.strip():
            raise ExpressionError(
                f"应写成 名称: 表达式 / part {piece.strip()!r} is not 'label: sum'"
            )
        parts.append(Part(label.strip(), parse_sum(body)))
    return tuple(parts)
