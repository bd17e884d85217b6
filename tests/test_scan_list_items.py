"""A numbered list's items are not headings, and the list ends at its last item or at the blank
line after it; headings numbered 1. 2. that have a body, or a title without a figure, stay
headings."""

from __future__ import annotations

import pytest

from fundanalysis.text.scan import scan_text
from fundanalysis.text.scan.sections import Sections, headings

LIST = "安排资金500万元，其中：\n1. 种植业250万元；\n2. 养殖业150万元；\n3. 乡村道路100万元。\n"
AFTER = "\n中央资金60万元、省级资金40万元，共计100万元。\n"


def test_the_items_of_a_numbered_list_are_not_headings():
    text = f"# 甲县报告\n\n## 一、资金\n\n{LIST}{AFTER}\n共投入资金30万元，其中中央资金20万元，省级资金10万元。\n"
    assert [h.title for h in headings(text)] == ["甲县报告", "一、资金"]
    sections = Sections(text)
    assert sections.at(text.index("共投入")) == "甲县报告 / 一、资金"
    result = scan_text(text)
    assert {r.total.section for r in result.relations} == {"甲县报告 / 一、资金"}


def test_the_list_is_its_sentence_and_the_paragraph_after_it_a_sentence_of_its_own():
    result = scan_text(f"## 一、资金\n\n{LIST}{AFTER}")
    sums = sorted(
        (str(r.total.value), r.status, [str(p.value) for p in r.parts]) for r in result.relations
    )
    assert sums == [("100", "holds", ["60", "40"]), ("500", "holds", ["250", "150", "100"])]
    assert not result.possible


@pytest.mark.parametrize("end", ["。", "；"])
def test_a_blank_line_ends_a_list_whatever_its_last_item_ends_in(end):
    text = f"## 一、资金\n\n{LIST.replace('100万元。', '100万元' + end)}{AFTER}"
    result = scan_text(text)
    assert ("500", "holds") in {(str(r.total.value), r.status) for r in result.relations}
    assert ("100", "holds") in {(str(r.total.value), r.status) for r in result.relations}
    assert not [x for x in result.possible if x.total.value == 500]


@pytest.mark.parametrize(
    ("lines", "numbered"),
    [
        # a heading with its body under it, numbered 1. 2.
        (
            "1.及时下达上级资金。纳入评价的资金总额1000万元。\n\n2. 本级资金投入情况。共安排300万元。\n",
            2,
        ),
        # titles without a figure, one right under the other
        ("1.轮台县结转结余情况。\n2.尉犁县结转结余情况。\n", 2),
        # Markdown headings
        ("##### 1.轮台县2020年结转100万元。\n## 2.尉犁县2020年结转200万元。\n", 2),
        # one numbered line with a figure: no list
        ("1. 2020年资金投入情况；\n全年投入资金100万元。\n", 1),
        # numbers not from 1, or out of order
        ("2. 产业发展600万元；\n3. 基础设施300万元；\n", 2),
        ("1. 产业发展600万元；\n3. 基础设施300万元；\n", 2),
        # a blank line between the lines
        ("1. 产业发展600万元；\n\n2. 基础设施300万元；\n", 2),
    ],
)
def test_numbered_headings_stay_headings(lines, numbered):
    text = f"# 报告\n\n## 一、资金\n\n{lines}"
    assert len([h for h in headings(text) if h.level == 3]) == numbered


def test_a_numbered_heading_still_files_the_relations_under_it():
    text = (
        "## 四、成效\n\n（一）结转情况\n\n1.轮台县结转结余情况。\n\n"
        "结转资金30万元，其中中央资金20万元，省级资金10万元。\n"
    )
    (relation,) = scan_text(text).relations
    assert relation.status == "holds"
    assert relation.total.section == "四、成效 / （一）结转情况 / 1.轮台县结转结余情况"


def test_parenthesised_numbers_make_a_list_too():
    text = "## 一、资金\n\n安排资金50万元，其中：\n（1）种植业30万元；\n（2）养殖业20万元。\n"
    assert [h.title for h in headings(text)] == ["一、资金"]
    (relation,) = scan_text(text).relations
    assert relation.status == "holds" and relation.total.section == "一、资金"
