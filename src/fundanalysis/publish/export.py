"""A report's data for the tools readers use: spreadsheet-safe CSV and one Excel workbook.

Each table is offered twice: as printed (the data directory's own file) and corrected (every
correction applied, amounts converted to 万元 as numbers, totals and all-level rows marked).
Text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) is written so
that it stays text: an apostrophe in CSV (the OWASP advice), a string cell in Excel. Numbers
(ints, floats, Decimals, numpy numbers) are numbers, written as they are: ``-70000`` is a
difference, not a formula, and stays a number a spreadsheet can sum. A text longer than a cell
of Excel holds (32,767 characters) is cut there with a note at the cut and a list of every cut
cell on a sheet of its own, never silently. What is not computable (a share of 0) is said so.
"""

from __future__ import annotations

import csv
import io
import math
import numbers
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data.money import fen_to_wan
from fundanalysis.data.specs import SPECS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Columns of a loaded table that only the library needs.
INTERNAL = {"amount_fen", "amount_as_printed_fen", "amount_wan", "value_micro", "value_number"}


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def csv_safe(value: object) -> str:
    """A cell for a CSV file that a spreadsheet will not execute.

    Only text is neutralised: a number (``-70000``) is written as the number it is.
    """
    if isinstance(value, list | tuple):
        value = ";".join(map(str, value))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if _is_number(value):
        if (isinstance(value, float | np.floating) and not math.isfinite(value)) or (
            isinstance(value, Decimal) and not value.is_finite()
        ):
            return ""  # not a figure: never written as inf or nan
        if isinstance(value, Decimal):
            return format(value, "f")  # 20950, never 2.095E+4
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_safe(h) for h in header])
    writer.writerows([[csv_safe(cell) for cell in row] for row in rows])
    return buffer.getvalue()


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    """UTF-8 with a byte-order mark, so that Excel on Chinese Windows reads it right."""
    path.write_text(csv_text(header, rows), encoding="utf-8-sig")


def row_kind(name: str, frame: pd.DataFrame) -> pd.Series:
    """``total`` for a stated total, ``all levels`` for a project row not broken down, else ``item``."""
    if name == "totals":
        return pd.Series("total", index=frame.index)
    if name == "projects":
        whole = frame["level"].isna() & frame["category"].isna()
        return whole.map({True: "all levels", False: "item"})
    return pd.Series("item", index=frame.index)


def corrected(report: AuditedReport, name: str) -> pd.DataFrame:
    """Table ``name`` with corrections applied and amounts as exact 万元 (Decimal), for export."""
    frame = report.tables[name].copy()
    for column, kind in SPECS[name].columns.items():
        if kind.rstrip("?") == "amount":
            frame[column] = [None if pd.isna(v) else Decimal(v) for v in frame[column]]
    if "amount_fen" in frame.columns:
        frame["amount_wan_corrected"] = [
            None if pd.isna(v) else fen_to_wan(int(v)) for v in frame["amount_fen"]
        ]
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    frame["row_kind"] = row_kind(name, frame)
    return frame.drop(columns=[c for c in INTERNAL if c in frame.columns])


def tables_present(report: AuditedReport) -> list[str]:
    return [name for name in SPECS if report.has(name)]


def _cell(value: object) -> object:
    if isinstance(value, list | tuple):
        return ";".join(map(str, value))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None  # inf is no figure: the cell stays empty
    return value


def write_workbook(report: AuditedReport, path: Path) -> Path:
    """One Excel workbook of the report (see :mod:`fundanalysis.publish.workbook`)."""
    from fundanalysis.publish.workbook import write_workbook as write

    return write(report, path)
