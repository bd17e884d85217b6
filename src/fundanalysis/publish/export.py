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


def _creation_time():
    """The workbook's creation time: ``SOURCE_DATE_EPOCH`` where the build sets it (the
    reproducible-builds convention), otherwise 1980-01-01, the earliest a zip file records."""
    import datetime as dt
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(tzinfo=None)
    return dt.datetime(1980, 1, 1)


def write_workbook(report: AuditedReport, path: Path) -> Path:
    """One workbook: a first sheet on units, sources, corrections and findings; a sheet per table.

    Numbers are stored as numbers (amounts in 万元), text as text, never as a formula.
    """
    import xlsxwriter
    from xlsxwriter.utility import xl_rowcol_to_cell

    info = report.info
    workbook = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False}
    )
    # the same data gives the same bytes: no clock in the file (see :func:`_creation_time`)
    workbook.set_properties(
        {"title": info.title, "subject": info.title_en, "created": _creation_time()}
    )
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    about = workbook.add_worksheet("说明 About")
    lines: list[list[object]] = [
        ["报告 Report", info.title, info.title_en],
        ["地区 Jurisdiction", info.jurisdiction, info.jurisdiction_en],
        ["年度 Year", info.year, ""],
        ["来源 Source", "; ".join(t.published_at for t in info.texts if t.published_at) or "—", ""],
        [
            "单位 Units",
            "金额为万元（1 万元 = 10,000 元）；原文单位见 unit_as_printed 列",
            "Amounts in 万元 (10,000 yuan); the unit as printed is in unit_as_printed",
        ],
        [
            "两种形式 Two forms",
            "amount 列为原文；amount_wan_corrected 为更正后的万元数",
            "amount is as printed; amount_wan_corrected is the amount in 万元 after corrections",
        ],
        [
            "行类型 row_kind",
            "total = 报告所述合计；all levels = 未分级次的项目数；item = 明细",
            "total = a total the report states; all levels = a project count not broken down; item = a part",
        ],
        [],
        ["表 Sheet", "内容", "Contents"],
    ]
    lines += [[name, SPECS[name].title, SPECS[name].title_en] for name in tables_present(report)]
    corrections = report.tables["corrections"]
    if not corrections.empty:
        lines += [[], ["更正 Corrections", "", ""]]
        lines += [
            [
                c.correction_id,
                f"{c.table}: {c.filter} · {c.column}: {c.printed} → {c.corrected}",
                c.reason,
            ]
            for c in corrections.itertuples()
        ]
    findings = report.findings
    if not findings.empty:
        lines += [[], ["发现 Findings", "", ""]]
        for f in findings.itertuples():
            size = _finding_size(f.amount, f.unit, f.materiality)
            lines.append(
                [
                    f.finding,
                    f"{f.title}：{f.explanation}",
                    f"{f.title_en}: {f.explanation_en} {size}".strip(),
                ]
            )
    cut: list[tuple[str, int, int, int]] = []
    for row, values in enumerate(lines):
        for column, value in enumerate(values):
            _write(about, row, column, value, bold if column == 0 else wrap, cut)
    about.set_column(0, 0, 22)
    about.set_column(1, 2, 70)
    sheets = [(name, corrected(report, name)) for name in tables_present(report)]
    sheets += [("checks", report.checks), ("findings-register", report.findings)]
    for name, frame in sheets:
        sheet = workbook.add_worksheet(name[:31])
        for column, header in enumerate(frame.columns):
            sheet.write_string(0, column, str(header), bold)
        for row, values in enumerate(frame.itertuples(index=False), start=1):
            for column, value in enumerate(values):
                _write(sheet, row, column, _cell(value), None, cut)
        sheet.freeze_panes(1, 0)
    if cut:
        notes = workbook.add_worksheet("截断 Cut")
        notes.write_string(0, 0, CUT_SHEET_NOTE, bold)
        for column, header in enumerate(["表 sheet", "单元格 cell", "原长 characters"]):
            notes.write_string(1, column, header, bold)
        for row, (sheet_name, at_row, at_column, length) in enumerate(cut, start=2):
            notes.write_string(row, 0, sheet_name)
            notes.write_string(row, 1, xl_rowcol_to_cell(at_row, at_column))
            notes.write_number(row, 2, length)
    workbook.close()
    return path


#: What Excel holds in one cell, at most.
EXCEL_CELL_LIMIT = 32_767
CUT_MARK = "…［截断：原文共 {length:,} 字符 / cut: {length:,} characters in full; see the CSV］"
CUT_SHEET_NOTE = (
    "以下单元格超过 Excel 单元格上限（32,767 字符）而被截断；完整内容见同名 CSV 文件 / "
    "These cells are longer than an Excel cell holds (32,767 characters) and are cut; the CSV "
    "files hold them in full"
)


def _finding_size(amount: object, unit: str, materiality: object) -> str:
    """A finding's gap and its share of the figure it touches, or that the share is not
    computable (a figure stated as 0)."""
    if amount is None or (not isinstance(amount, str) and pd.isna(amount)):
        return ""
    if materiality is None or pd.isna(materiality):
        return f"{amount} {unit} (无法计算 not computable: the figure it touches is 0)"
    return f"{amount} {unit} ({materiality:.2%})"


def _write(sheet, row: int, column: int, value: object, cell_format, cut: list) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value, cell_format)
    elif _is_number(value):
        sheet.write_number(row, column, float(value), cell_format)
    else:
        text = str(value)
        if len(text) > EXCEL_CELL_LIMIT:
            mark = CUT_MARK.format(length=len(text))
            text = text[: EXCEL_CELL_LIMIT - len(mark)] + mark
            cut.append((sheet.get_name(), row, column, len(str(value))))
        sheet.write_string(row, column, text, cell_format)
