"""What a seventh adversary round found, written here from our own inputs: Chinese numerals
with 亿 read at their size; 1亿2000万元 is 12000 万元, never 2000; a count claim reads the
number it counts and the kind of place after it."""

from __future__ import annotations

import pytest

import fundanalysis as fa
from fundanalysis.analysis.claims import claims
from fundanalysis.data.claimtests import claimed_count
from fundanalysis.data.numerals import numbers_before, parse_chinese
from fundanalysis.text.scan import scan_text
from tests.test_fifth_round import _append
from tests.test_read_alike import _refused


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("一亿二千万", 120_000_000),
        ("一亿一千五百万", 115_000_000),
        ("两亿", 200_000_000),
        ("一亿零五百", 100_000_500),
        ("三千五百万", 35_000_000),
        ("一万亿", 10**12),
    ],
)
def test_a_chinese_numeral_with_yi_is_read_at_its_size(printed, value) -> None:
    assert parse_chinese(printed) == value


@pytest.mark.parametrize(
    ("amount", "unit", "printed", "refused"),
    [
        ("12000", "万元", "中央资金1亿2000万元", False),
        ("2000", "万元", "中央资金1亿2000万元", True),  # the tail of 1亿2000万 is not a figure
        ("12000", "万元", "中央资金一亿二千万元", False),
        ("100002000", "万元", "中央资金一亿二千万元", True),
        ("2000", "万元", "中央资金共1亿元，其中2000万元", False),
    ],
)
def test_a_figure_with_yi_agrees_at_its_size(amount, unit, printed, refused) -> None:
    assert _refused(amount, unit, printed) is refused


def test_the_scan_reads_yi_and_wan_together() -> None:
    result = scan_text("全年共安排资金1亿2000万元，其中中央资金1亿元，省级资金2000万元。", "t.md")
    assert [r.status for r in result.relations] == ["holds"]
    assert numbers_before("共1亿2000万元", "万元") == [(12000, 0)]


@pytest.mark.parametrize(
    ("printed", "count", "kind"),
    [
        ("两个县于2020年", 2, "县"),  # not 2020
        ("两个县，惠及2.5万人", 2, "县"),  # not 5
        ("全州2个县", 2, "县"),  # the kind counted is 县, not the 州 before the number
        ("我县2个乡", 2, "乡"),
        ("有扶贫任务的非贫困县 9 个", 9, "县"),
        ("实施项目12个", 12, ""),
    ],
)
def test_a_count_claim_reads_the_number_it_counts(printed, count, kind) -> None:
    assert claimed_count(printed) == (count, kind)


def test_a_count_of_counties_printed_after_the_prefecture_holds(tiny_dir) -> None:
    _append(
        tiny_dir / "claims.csv",
        "two,funding,全州2个县获得资金,Two counties of the prefecture get funds,"
        "count:allocations.place[funds=绩效评价资金],,,T-1,全州2个县",
    )
    verdicts = claims(fa.load_report(tiny_dir)).set_index("claim_id")
    assert verdicts.loc["two", "verdict_en"] == "holds"


@pytest.mark.parametrize(
    "sentence",
    [
        "共1000万元，其中中央资金600万元，省级资金300万元，县级资金100万元，中央资金中发展资金500万元。",
        "结转资金200万元，其中甲乡120万元、乙乡80万元，甲乡结转中质量保证金20万元。",
        "共1000万元，其中中央资金600万元，省级资金300万元，县级资金100万元，另有社会捐赠50万元。",
        "共安排资金1000万元，其中产业项目600万元、基础设施400万元，上年结转资金30万元一并使用。",
        "共实施项目3个，其中道路项目2个，饮水项目1个，道路项目中硬化道路1个。",
    ],
)
def test_a_list_ends_before_a_figure_inside_a_part_or_besides_it(sentence) -> None:
    result = scan_text(f"# 某县报告\n\n一、资金情况\n\n{sentence}\n", "t.md")
    assert result.findings == []
    assert [r.status for r in result.relations][:1] == ["holds"]


def test_a_list_that_does_not_add_up_before_such_a_figure_is_not_made_certain() -> None:
    sentence = (
        "共1000万元，其中中央资金600万元，省级资金300万元，县级资金50万元，另有社会捐赠50万元。"
    )
    result = scan_text(f"# 某县报告\n\n一、资金情况\n\n{sentence}\n", "t.md")
    assert result.findings == []  # 950 of 1000 as listed: possible, never a finding
