"""The workbook formats a stated total or a check by its row's unit: a count of 个 as a count
(2, not 2.00), money as money, a measure with the decimals it has."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import workbook_sheet

import fundanalysis as fa
from fundanalysis.publish import export
from fundanalysis.publish.workbook import COUNT, MONEY, unit_format

FIGURES = {"totals": ["stated"], "checks": ["stated", "computed", "difference", "tolerance"]}


@pytest.fixture
def book(tiny_dir, tmp_path) -> openpyxl.Workbook:
    report = fa.load_report(tiny_dir)
    return openpyxl.load_workbook(export.write_workbook(report, tmp_path / "tiny.xlsx"))


def _rows(book, code: str, key: str) -> dict[str, dict[str, openpyxl.cell.Cell]]:
    sheet, header = workbook_sheet(book, code)
    return {
        row[header.index(key)].value: dict(zip(header, row, strict=True))
        for row in sheet.iter_rows(min_row=3)
    }


@pytest.mark.parametrize(("code", "key"), [("totals", "total_id"), ("checks", "check")])
def test_a_count_total_is_a_count_and_money_stays_money(book, code, key):
    rows = _rows(book, code, key)
    count = rows["projects_count"]
    assert count["unit"].value == "个"
    for column in FIGURES[code]:
        assert count[column].value == pytest.approx(2 if column in ("stated", "computed") else 0)
        assert count[column].number_format == COUNT == "#,##0", column
    money = [row for row in rows.values() if row["unit"].value == "万元"]
    assert money
    for row in money:
        for column in FIGURES[code]:
            assert row[column].number_format == MONEY, (row[key].value, column)
    # the sum in 万元 is money whatever the row: the count row has none
    if code == "totals":
        assert count["amount_wan_corrected"].value is None
        assert {row["amount_wan_corrected"].number_format for row in money} == {MONEY}


def test_a_measure_or_a_rate_shows_the_decimals_it_has():
    from decimal import Decimal

    assert unit_format(Decimal("3.5"), "米") == "#,##0.0"
    assert unit_format(Decimal("12.35"), "千米") == "#,##0.00"
    assert unit_format(Decimal("0.125"), "%") == "#,##0.000"
    assert unit_format(Decimal("40"), "亩") == COUNT
    assert unit_format(Decimal("1.5"), "万人") == "#,##0.0"
    assert unit_format(Decimal("2"), "万元") == MONEY
    assert unit_format(Decimal("2"), "") is None and unit_format(None, "个") is None
