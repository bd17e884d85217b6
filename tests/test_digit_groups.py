"""Digits grouped by threes with a space or a full-width comma, as PDF and OCR extraction leave
them ("4 800万元", "12，345.6万元"): read as one number, or refused, never as their last group.

The full-width comma is also the clause separator, so a grouping it alone suggests is read only
where nothing else can be meant; an uncertain one is refused and listed for review.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pandas as pd
import pytest

from fundanalysis.data.agreement import disagreements
from fundanalysis.data.numerals import number_before
from fundanalysis.data.specs import SPECS
from fundanalysis.text.draft.drafting import draft_text
from fundanalysis.text.provenance import Fragment, coverage
from fundanalysis.text.scan import scan_text
from fundanalysis.text.scan.render import text_report

TEXT = """青河县2021年度财政专项扶贫资金绩效自评报告

一、资金情况

全年共支出资金6 300万元，其中产业项目资金4 100万元，道路建设资金2 200万元。

共下达资金23，456.7万元，其中：中央资金8，000万元，省级资金15，456.7万元。

全县脱贫人口2 400人，其中外出务工1 750人，公益岗位650人。
"""


def _figures(text: str) -> list[tuple[str, str]]:
    return [(f.value_text, f.label) for f in scan_text(text).figures]


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("安排资金4 800万元。", "4800", "安排资金"),
        ("安排资金4\u00a0800万元。", "4800", "安排资金"),
        ("安排资金4\u2009800万元。", "4800", "安排资金"),
        ("安排资金4\u202f800万元。", "4800", "安排资金"),
        ("安排资金4 800 万元。", "4800", "安排资金"),
        ("安排资金1 234 567元。", "1234567", "安排资金"),
        ("安排资金12，345.6万元。", "12345.6", "安排资金"),
        ("安排资金9，000万元。", "9000", "安排资金"),
        ("安排资金1，234，567元。", "1234567", "安排资金"),
        ("安排资金１２，３４５．６万元。", "12345.6", "安排资金"),
        ("安排资金4,800万元。", "4800", "安排资金"),
        ("受益农户1 200户。", "1200", "受益农户"),
    ],
)
def test_a_grouped_number_is_read_whole(text: str, value: str, label: str) -> None:
    assert _figures(text) == [(value, label)]


def test_the_sums_of_grouped_figures_hold() -> None:
    result = scan_text(TEXT)
    assert [f.value_text for f in result.figures] == [
        *("6300", "4100", "2200", "23456.7", "8000", "15456.7", "2400", "1750", "650")
    ]
    assert [(r.total.value_text, r.status) for r in result.relations] == [
        ("6300", "holds"),
        ("23456.7", "holds"),
        ("2400", "holds"),
    ]
    assert not any(f.label[-1:].isdigit() for f in result.figures)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # two figures of a list, each with its own unit, stay two
        ("共3个，200万元。", [("3", ""), ("200", "")]),
        ("贫困村12个，资金300万元。", [("12", "贫困村"), ("300", "资金")]),
        # after a clause break a space-grouped number may be a list number and a figure
        ("项目5个，1 200万元。", [("5", "项目")]),
        # an uncertain grouping is no figure at all: neither 200 nor 1200
        ("甲县1，200万元。", []),
        ("第3，200万元。", []),
        ("分别为3、5、2，200万元。", []),
        ("1 200万元用于产业。", []),
        ("（一）1 200万元用于产业。", []),
        ("编号1 200万元。", []),
        # not groups of three: the figure after another number is not read
        ("资金1234 567万元。", []),
        ("资金4 8000万元。", []),
        ("资金12.5 300万元。", []),
        ("资金3，20万元。", []),
    ],
)
def test_an_uncertain_grouping_is_never_read_as_its_last_group(text, figures) -> None:
    assert _figures(text) == figures


def test_exponent_notation_and_overlong_digits_are_no_figures_and_are_said() -> None:
    text = "共投入资金123456789012345678901234567万元，其中中央资金1e5万元，省级资金2.5E+3万元。"
    result = scan_text(text)
    assert result.figures == []
    unread = [(n.kind, n.printed) for n in result.numbers if n.kind in ("exponent", "overlong")]
    assert unread == [
        ("overlong", "123456789012345678901234567"),
        ("exponent", "1e5"),
        ("exponent", "2.5E+3"),
    ]
    shown = text_report(result)
    assert "「1e5」" in shown and "「123456789012345678901234567」" in shown


def _table(drafted, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(drafted.files[f"{name}.csv"])))


def test_draft_writes_the_whole_number_and_a_label_without_its_digits() -> None:
    drafted = draft_text(TEXT, "qinghe-2021.md")
    spending = _table(drafted, "spending")
    assert [(r["category"], r["amount"]) for r in spending] == [
        ("产业项目资金", "4100"),
        ("道路建设资金", "2200"),
    ]
    totals = {(r["table"], r["stated"]) for r in _table(drafted, "totals")}
    assert ("spending", "6300") in totals
    assert ("evaluated_funds", "23456.7") in totals
    funds = [(r["level"], r["amount"]) for r in _table(drafted, "evaluated_funds")]
    assert funds == [("中央", "8000"), ("省级", "15456.7")]
    for name in drafted.files:
        if name.endswith(".csv"):
            for row in _table(drafted, name.removesuffix(".csv")):
                for column in ("category", "term", "description", "batch_name"):
                    assert not row.get(column, "")[-1:].isdigit(), (name, row)


def test_draft_leaves_an_uncertain_grouping_to_review() -> None:
    text = TEXT.replace("道路建设资金2 200万元", "道路建设资金2 200万元，甲县1，200万元")
    drafted = draft_text(text, "qinghe-2021.md")
    amounts = {r["amount"] for name in ("spending", "allocations") for r in _table(drafted, name)}
    assert "200" not in amounts and "1200" not in amounts
    assert "「1，200」数字分组不明" in drafted.files["REVIEW.md"]


def _spending(amount: str, printed: str) -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            {
                "category": "支出资金",
                "amount": amount,
                "unit": "万元",
                "as_of": pd.NaT,
                "as_of_printed": None,
                "section_id": "S1",
                "printed": printed,
            }
        ]
    ).astype({"amount": "str", "as_of": "datetime64[ns]"})
    frame.index = [2]
    return frame


@pytest.mark.parametrize("vectorise_from", [0, 10**9])
@pytest.mark.parametrize(
    ("amount", "printed", "agrees"),
    [
        ("4800", "共支出资金4 800万元", True),
        ("800", "共支出资金4 800万元", False),
        ("4800", "共支出资金4\u00a0800万元", True),
        ("800", "共支出资金4\u2009800万元", False),
        ("12345.6", "共支出资金12，345.6万元", True),
        ("345.6", "共支出资金12，345.6万元", False),
        ("9000", "中央资金9，000万元", True),
        ("0", "中央资金9，000万元", False),
        ("000", "中央资金9，000万元", False),
        ("4800", "共支出资金4,800万元", True),
        ("800", "共支出资金4,800万元", False),
        ("200", "共3个，200万元", True),
        ("800", "共支出资金800万元", True),
        ("800", "项目3个,800万元", True),
        ("800", "项目3个， 800万元", True),
        ("800", "2019 年 800万元", True),
    ],
)
def test_agreement_reads_the_whole_printed_number(amount, printed, agrees, vectorise_from) -> None:
    problems = disagreements(SPECS["spending"], _spending(amount, printed), 2020, vectorise_from)
    assert (problems == []) is agrees, problems


def test_number_before_reads_a_grouped_number_whole() -> None:
    assert number_before("资金4 800万元", 7) == (Decimal("4800"), 0)
    assert number_before("资金12，345.6万元", 10) == (Decimal("12345.6"), 1)
    assert number_before("资金1234 567万元", 10) is None


def test_coverage_leaves_the_first_group_uncovered_when_only_the_last_is_cited() -> None:
    sections = pd.DataFrame([{"section_id": "S1", "start_anchor": "一、"}])
    body = {"S1": "一、共支出资金4 800万元。"}
    whole = [Fragment("spending", 2, "printed", "S1", "共支出资金4 800万元")]
    tail = [Fragment("spending", 2, "printed", "S1", "800万元")]
    assert coverage(whole, body, sections, "x").loc[0, "not_covered"] == ""
    assert coverage(tail, body, sections, "x").loc[0, "not_covered"] == "4"


def test_a_number_after_a_name_ending_in_a_digit_and_a_space_is_its_own():
    from fundanalysis.data.numerals import continues_a_number

    # 项目1 1个: the 1 after the space is no group of three, so no part of 项目1's number
    assert not continues_a_number("项目1 1个，结转资金100万元", 4)
    assert continues_a_number("共支出资金4 800万元", 7)
