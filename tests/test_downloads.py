"""Numbers stay numbers in the downloads; text never runs as a formula; nothing is cut silently."""

from __future__ import annotations

import csv
import time
from decimal import Decimal
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from conftest import workbook_sheet

import fundanalysis as fa
from fundanalysis.publish import export


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (-70000, "-70000"),
        (Decimal("-70000"), "-70000"),
        (Decimal("-0.01"), "-0.01"),
        (np.int64(-5), "-5"),
        (-1.5, "-1.5"),
        (float("inf"), ""),
        (float("nan"), ""),
        (Decimal("Infinity"), ""),
        (Decimal("NaN"), ""),
        (np.float64("-inf"), ""),
        (None, ""),
        (True, "True"),
    ],
)
def test_a_number_is_written_as_the_number_it_is(value, written) -> None:
    assert export.csv_safe(value) == written


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("-70000", "'-70000"),  # text that a spreadsheet would read as a formula's start
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("甲县", "甲县"),
        ("1-2", "1-2"),
    ],
)
def test_text_that_would_run_is_neutralised(text, written) -> None:
    assert export.csv_safe(text) == written


def test_a_negative_difference_in_checks_csv_reads_back_as_a_number(tmp_path: Path) -> None:
    path = tmp_path / "checks.csv"
    export.write_csv(path, ["check", "difference", "note"], [["c1", Decimal("-70000"), "-差额"]])
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1] == ["c1", "-70000", "'-差额"]


def _long_explanation(tiny_dir: Path, length: int) -> str:
    text = "甲" * length
    path = tiny_dir / "findings.csv"
    content = path.read_text(encoding="utf-8")
    old = "合计与明细精度相同，不能以四舍五入解释。"
    assert old in content
    path.write_text(content.replace(old, text), encoding="utf-8")
    return text


def test_a_cell_longer_than_excel_holds_is_cut_with_a_word_and_listed(tiny_dir, tmp_path):
    _long_explanation(tiny_dir, 40_000)
    report = fa.load_report(tiny_dir)
    book = openpyxl.load_workbook(export.write_workbook(report, tmp_path / "t.xlsx"))
    sheet, header = workbook_sheet(book, "findings-register")
    cell = sheet.cell(row=3, column=header.index("explanation") + 1).value
    assert len(cell) <= 32_767
    assert cell.startswith("甲" * 1000)
    assert "40,000" in cell and "cut" in cell
    notes = book["截断"]
    listed = [[c.value for c in row] for row in notes.iter_rows(min_row=3)]
    assert [
        sheet.title,
        f"{openpyxl.utils.get_column_letter(header.index('explanation') + 1)}3",
        40_000,
    ] in listed


def test_a_cell_that_fits_is_not_touched(tiny_dir, tmp_path):
    text = _long_explanation(tiny_dir, 32_767)
    report = fa.load_report(tiny_dir)
    book = openpyxl.load_workbook(export.write_workbook(report, tmp_path / "t.xlsx"))
    sheet, header = workbook_sheet(book, "findings-register")
    assert sheet.cell(row=3, column=header.index("explanation") + 1).value == text
    # the About sheet joins title and explanation in one cell: that one is over, and listed
    listed = [[c.value for c in row] for row in book["截断"].iter_rows(min_row=3)]
    assert [row[0] for row in listed] == ["说明"]


def test_no_cut_sheet_when_every_cell_fits(tiny_dir, tmp_path):
    report = fa.load_report(tiny_dir)
    book = openpyxl.load_workbook(export.write_workbook(report, tmp_path / "t.xlsx"))
    assert "截断" not in book.sheetnames


def test_negative_differences_are_numbers_in_the_workbook(data_copy, tmp_path):
    report = fa.load_report(data_copy)
    book = openpyxl.load_workbook(export.write_workbook(report, tmp_path / "b.xlsx"))
    sheet, header = workbook_sheet(book, "checks")
    column = header.index("difference") + 1
    values = [sheet.cell(row=r, column=column).value for r in range(3, sheet.max_row + 1)]
    negative = [v for v in values if isinstance(v, int | float) and v < 0]
    assert negative, "the shipped report has gaps below the stated figure"
    assert not [v for v in values if isinstance(v, str)]


def test_the_same_data_gives_the_same_workbook_bytes(tiny_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    report = fa.load_report(tiny_dir)
    first = export.write_workbook(report, tmp_path / "a.xlsx").read_bytes()
    time.sleep(1.1)  # a clock in the file would differ by now
    assert export.write_workbook(report, tmp_path / "b.xlsx").read_bytes() == first


def test_the_workbook_records_the_build_s_source_date(tiny_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    book = openpyxl.load_workbook(
        export.write_workbook(fa.load_report(tiny_dir), tmp_path / "c.xlsx")
    )
    assert book.properties.created.isoformat().startswith("2023-11-14T22:13:20")
