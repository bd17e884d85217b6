"""A list after 其中 ends at a figure of another kind than its parts: a use of the money (支出,
结转, 支付 …) after parts that name its sources is no further source. Where that end is not
certain the relation is possible at most, never a finding; a real slip in the sources stays one.
"""

from __future__ import annotations

import pytest

from fundanalysis.text.scan import scan_text


def _scan(sentence: str):
    return scan_text(f"# 乙县自评报告\n\n## 一、资金情况\n\n{sentence}\n")


def _read(relations):
    return {
        (r.kind, str(r.total.value), tuple(str(p.value) for p in r.parts), r.status)
        for r in relations
    }


SOURCES = "本县共筹集资金900万元，其中中央财政资金600万元，市级资金300万元"
HOLDS = ("sum", "900", ("600", "300"), "holds")


@pytest.mark.parametrize(
    "after",
    [
        "，使用450万元",
        "，支出450万元",
        "，当年累计支出450万元",
        "，已支出450万元",
        "，结转450万元",
        "，结余0万元",
        "，支付450万元",
        "，拨付450万元",
        "，收回120万元",
        "，安排项目资金800万元",
        "；支出450万元",
        "；已拨付450万元",
    ],
)
def test_a_use_after_a_list_of_sources_is_no_part(after):
    result = _scan(f"{SOURCES}{after}。")
    assert HOLDS in _read(result.relations)
    assert not result.findings
    assert not [x for x in result.possible if x.kind == "sum"]


@pytest.mark.parametrize("word", ["支出率", "执行率", "资金支出率"])
def test_the_rate_of_the_use_is_checked_against_the_whole(word):
    result = _scan(f"{SOURCES}，全年支出450万元，{word}50%。")
    read = _read(result.relations)
    assert HOLDS in read
    assert ("rate", "50", ("450", "900"), "holds") in read
    assert not result.findings


@pytest.mark.parametrize("end", ["，", "；"])
def test_a_rate_after_a_semicolon_keeps_every_source(end):
    text = f"共筹集资金900万元，其中：中央资金500万元，省级资金100万元{end}县级资金300万元；"
    result = _scan(f"{text}支出450万元，支出率50%。")
    read = _read(result.relations)
    assert ("rate", "50", ("450", "900"), "holds") in read
    assert not result.findings
    # no sum that skips a real source and takes in the spending
    for relation in result.relations + result.possible:
        values = [str(p.value) for p in relation.parts]
        assert "450" not in values or relation.kind == "rate"


def test_a_slip_in_the_sources_is_still_a_finding():
    result = _scan("本县共筹集资金900万元，其中中央资金500万元，省级资金300万元，县级资金200万元。")
    assert ("sum", "900", ("500", "300", "200"), "fails") in _read(result.relations)
    assert result.findings


def test_a_slip_in_the_sources_before_a_use_is_still_a_finding():
    text = "本县共筹集资金900万元，其中中央资金500万元，省级资金300万元，县级资金200万元，"
    result = _scan(f"{text}支出450万元。")
    assert ("sum", "900", ("500", "300", "200"), "fails") in _read(result.relations)
    assert result.findings


def test_a_list_that_ends_at_an_uncertain_use_is_no_finding():
    # 安排 may name a source: the end of the list is not certain, nothing fails for certain
    text = "本县共筹集资金900万元，其中中央资金500万元，省级资金200万元，县级资金100万元，"
    result = _scan(f"{text}安排项目资金450万元。")
    assert not result.findings


def test_a_list_of_uses_still_sums():
    text = "全年共支出资金900万元，其中产业支出500万元，基础设施支出300万元，教育支出100万元。"
    result = _scan(text)
    assert ("sum", "900", ("500", "300", "100"), "holds") in _read(result.relations)


def test_a_list_of_uses_with_a_slip_still_fails():
    text = "全年共支出资金900万元，其中产业支出500万元，基础设施支出300万元，教育支出150万元。"
    result = _scan(text)
    assert ("sum", "900", ("500", "300", "150"), "fails") in _read(result.relations)
    assert result.findings


def test_a_use_whole_split_into_payments_still_sums():
    text = "全年共支出900万元，其中支付工程款500万元，支付材料款400万元。"
    assert ("sum", "900", ("500", "400"), "holds") in _read(_scan(text).relations)


def test_a_carry_over_after_a_list_of_uses_is_no_finding():
    text = "全年共支出资金900万元，其中产业支出500万元，基础设施支出400万元，结转100万元。"
    result = _scan(text)
    assert ("sum", "900", ("500", "400"), "holds") in _read(result.relations)
    assert not result.findings


def test_a_last_part_that_is_a_source_is_still_in_the_list():
    text = "本县共筹集资金900万元，其中中央资金500万元，省级资金300万元，社会帮扶资金100万元。"
    result = _scan(text)
    assert ("sum", "900", ("500", "300", "100"), "holds") in _read(result.relations)
    text = "本县共筹集资金900万元，其中中央资金500万元，省级资金300万元，县本级安排资金100万元。"
    result = _scan(text)
    assert ("sum", "900", ("500", "300", "100"), "holds") in _read(result.relations)


# Moving the money on (下达, 分配到, 完成投资 …) is no further source either.
FLOWS = "本县共筹集资金900万元，其中中央资金500万元，省级资金300万元，县级资金100万元"
FLOWS_HOLD = ("sum", "900", ("500", "300", "100"), "holds")


@pytest.mark.parametrize(
    "after",
    [
        "，下达乡镇600万元",
        "，分配到乡镇600万元",
        "，拨付至乡镇600万元",
        "，完成投资600万元",
        "，实施项目600万元",
        "，落实到项目600万元",
        "，到位600万元",
        "，统筹使用600万元",
        "，形成资产600万元",
        "，发放补贴600万元",
        "，退回200万元",
        "，盘活200万元",
    ],
)
def test_a_move_of_the_money_after_its_sources_ends_the_list(after):
    result = _scan(f"{FLOWS}{after}。")
    assert FLOWS_HOLD in _read(result.relations)
    assert not result.findings


def test_a_slip_in_the_sources_before_a_move_of_the_money_is_still_a_finding():
    text = "本县共筹集资金900万元，其中中央资金500万元，省级资金300万元，县级资金200万元，"
    result = _scan(f"{text}下达乡镇600万元。")
    assert ("sum", "900", ("500", "300", "200"), "fails") in _read(result.relations)
    assert result.findings


@pytest.mark.parametrize(
    "uses, split",
    [
        ("，全部用于产业项目，其中种植业500万元，养殖业400万元", ("500", "400")),
        ("，按用途分，其中产业项目600万元，基础设施300万元", ("600", "300")),
        ("，分别用于产业发展500万元、基础设施400万元", ("500", "400")),
        ("，主要用于产业项目，其中种植业500万元，养殖业400万元", ("500", "400")),
    ],
)
def test_a_second_breakdown_by_use_is_a_list_of_its_own(uses, split):
    result = _scan(f"{FLOWS}{uses}。")
    relations = _read(result.relations)
    assert FLOWS_HOLD in relations
    assert ("sum", "900", split, "holds") in relations
    assert not result.findings


def test_a_slip_in_the_sources_before_a_breakdown_by_use_is_still_a_finding():
    text = "本县共筹集资金900万元，其中中央资金500万元，省级资金300万元，县级资金200万元，"
    result = _scan(f"{text}全部用于产业项目，其中种植业500万元，养殖业400万元。")
    assert ("sum", "900", ("500", "300", "200"), "fails") in _read(result.relations)
    assert len(result.findings) == 1


def test_a_spent_part_after_a_clause_about_the_whole_is_of_the_whole():
    result = _scan(f"{FLOWS}，全部用于产业项目建设，其中支出600万元。")
    relations = _read(result.relations)
    assert FLOWS_HOLD in relations
    assert ("part", "600", ("100",), "fails") not in relations
    assert not result.findings


def test_a_spent_part_larger_than_the_whole_after_a_clause_about_it_is_no_finding_of_a_part():
    text = "本县共筹集资金900万元，其中中央资金500万元，省级资金300万元，县级资金200万元，"
    result = _scan(f"{text}全部用于产业项目建设，其中支出600万元。")
    relations = _read(result.relations)
    assert ("sum", "900", ("500", "300", "200"), "fails") in relations
    assert ("part", "600", ("200",), "fails") not in relations
    assert len(result.findings) == 1
