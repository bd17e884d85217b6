"""What a term of a sum names: a table of the report, a column its CSV file has, the rows its
filter selects, and the kind of quantity it adds (money, a count, a measured quantity).

A term names a figure as the CSV files give it (``amount``, ``value``, a count), never the
columns in which the loader holds it exactly (``amount_fen``, ``value_micro``), which are
not what the report prints.
"""

from __future__ import annotations

import pandas as pd

from fundanalysis.data.expressions import ExpressionError, parse_filter
from fundanalysis.data.specs import SPECS, summed_column

#: How the loader holds a figure exactly; a term names the figure (``amount``, ``value``).
_HELD = ("_fen", "_micro")


def _not_held(table: str, column: str) -> None:
    if column.endswith(_HELD):
        raise ExpressionError(
            f"{column!r} 是程序内部的列，请用 {table}.csv 的列 / {column!r} is how the library "
            f"holds a figure: name a column of {table}.csv (amount, value, …)"
        )


def quantity(table: str, measure: str) -> str:
    """The kind of quantity a term adds: money, a measured quantity, or a count."""
    column = summed_column(table, measure)
    return {"amount_fen": "money", "value_micro": "measured"}.get(column, "count")


def measure_column(tables: dict[str, pd.DataFrame], table: str, measure: str) -> str:
    """The column a term sums: ``amount`` means the exact 分; other measures are counts."""
    if table not in tables:
        raise ExpressionError(
            f"未知的表 / unknown table {table!r}; expected one of {sorted(SPECS)}"
        )
    _not_held(table, measure)
    column = summed_column(table, measure)
    columns = tables[table].columns
    if column not in columns:
        raise ExpressionError(f"{table}.csv 中没有可求和的列 / no column {measure!r} to sum")
    if not pd.api.types.is_integer_dtype(tables[table][column]):
        raise ExpressionError(f"{table}.csv 的列 {measure!r} 不是数值 / is not a number to sum")
    return column


def check_filter(tables: dict[str, pd.DataFrame], table: str, filter_text: str) -> None:
    for condition in parse_filter(filter_text):
        _not_held(table, condition.column)
        if condition.column not in tables[table].columns:
            raise ExpressionError(
                f"{table}.csv 中没有列 {condition.column!r} / no such column in {table}.csv"
            )
