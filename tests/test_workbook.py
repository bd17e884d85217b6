"""The workbook for Excel users: Chinese sheets and headers with English beneath, every column
explained, numbers with their formats, dates as dates, filters, and where each figure comes from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from conftest import workbook_sheet

import fundanalysis as fa
from fundanalysis.data.paths import shipped_reports
from fundanalysis.publish import export


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> openpyxl.Workbook:
    report = fa.load_report(shipped_reports()[0])
    path = tmp_path_factory.mktemp("book") / "report.xlsx"
    return openpyxl.load_workbook(export.write_workbook(report, path))


def _column(sheet, header: list[str], name: str) -> list:
    at = header.index(name) + 1
    return [sheet.cell(row=r, column=at) for r in range(3, sheet.max_row + 1)]


def test_sheets_and_headers_are_chinese_with_english_beneath(book):
    assert book.sheetnames[0] == "说明" and book.sheetnames[-1] == "字段说明"
    for name in book.sheetnames[1:-1]:
        assert not any(c.isascii() and c.isalpha() for c in name), name
        sheet = book[name]
        chinese = [c.value for c in sheet[1]]
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in value) for value in chinese), (
            name,
            chinese,
        )
        assert all(isinstance(c.value, str) and c.value for c in sheet[2])


def test_every_column_is_explained_with_its_csv_name(book):
    guide = list(book["字段说明"].iter_rows(min_row=2, values_only=True))
    for name in book.sheetnames[1:-1]:
        listed = [row for row in guide if row[0] == name]
        assert len(listed) == book[name].max_column, name
    budget = [row for row in guide if row[1] == "budget"]
    assert ("year", "年度", "year") in [row[2:5] for row in budget]


def test_amounts_counts_shares_and_dates_have_their_formats(book):
    budget, header = workbook_sheet(book, "budget")
    corrected = _column(budget, header, "amount_wan_corrected")
    assert {c.number_format for c in corrected} == {"#,##0.00####"}
    assert {c.number_format for c in _column(budget, header, "year")} == {"0"}
    transfers, header = workbook_sheet(book, "transfers")
    dates = [c for c in _column(transfers, header, "disbursed_on") if c.value is not None]
    assert dates and all(isinstance(c.value, dt.datetime) for c in dates)
    assert {c.number_format for c in dates} == {"yyyy-mm-dd"}
    findings, header = workbook_sheet(book, "findings-register")
    shares = [c for c in _column(findings, header, "materiality") if c.value is not None]
    assert shares and {c.number_format for c in shares} == {"0.00%"}


def test_every_data_sheet_has_a_filter_and_frozen_headers(book):
    for name in book.sheetnames[1:]:
        sheet = book[name]
        assert sheet.auto_filter.ref, name
        assert sheet.freeze_panes in ("A3", "A2"), name


def test_the_first_sheet_says_where_figures_come_from(book):
    cells = [str(c.value) for row in book["说明"].iter_rows() for c in row if c.value]
    text = "\n".join(cells)
    assert "巴扶办发〔2020〕11号" in text  # the report's own number, to ask for it by
    assert "SHA-256" in text and "「原文」列" in text


def test_columns_are_as_wide_as_their_chinese_content(book):
    sheet, header = workbook_sheet(book, "documents")
    at = header.index("issuer") + 1
    widths = [d.width for d in sheet.column_dimensions.values() if d.min <= at <= d.max]
    assert widths and widths[0] >= 40  # 巴音郭楞蒙古自治州扶贫开发办公室…


def test_the_shipped_workbook_opens_in_libreoffice(tmp_path: Path):
    """Where LibreOffice is installed, it converts the workbook (it reads what Excel reads)."""
    import shutil
    import subprocess

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed here (apt-get install libreoffice-calc)")
    report = fa.load_report(shipped_reports()[0])
    path = export.write_workbook(report, tmp_path / "report.xlsx")
    # every sheet to UTF-8 CSV, as LibreOffice shows its cells (formatted): 76 is UTF-8, -1 all sheets
    options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    subprocess.run(
        [office, "--headless", "--convert-to", options, "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=300,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    budget = (tmp_path / "report-本级预算.csv").read_text(encoding="utf-8").splitlines()
    assert budget[0].startswith("年度,金额,单位") and budget[1].startswith("year,amount,unit")
    assert any(line.startswith('2017,"3,100.00",万元') for line in budget)
    findings = (tmp_path / "report-发现清单.csv").read_text(encoding="utf-8")
    assert "19.18%" in findings  # F1's materiality, shown as a percentage
