"""Each form of prose the scan reads, on a short fixture written for it (tests/fixtures/scan).

Every expected figure and sum below is worked out by hand from the fixture's text.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from fundanalysis.text.scan import ScanResult, scan_file, scan_text

FIXTURES = Path(__file__).parent / "fixtures" / "scan"


def scan(name: str) -> ScanResult:
    return scan_file(FIXTURES / name)


def relation_of(result: ScanResult, total: str, kind: str = "sum"):
    """The relations whose total is printed as ``total`` (digits and unit, spaces ignored)."""
    found = [
        r for r in result.relations if r.kind == kind and r.total.printed.replace(" ", "") == total
    ]
    assert found, f"no {kind} relation with total {total}"
    return found


def parts_of(relation) -> list[str]:
    return [p.printed.replace(" ", "") for p in relation.parts]


def test_total_then_parts_with_a_part_in_another_unit():
    result = scan("total-then-parts.md")
    (relation,) = relation_of(result, "900万元")
    assert parts_of(relation) == ["250万元", "300元", "350万元"]
    # 250 + 0.03 + 350 = 600.03 万元 against 900 万元.
    assert relation.status == "fails"
    assert relation.gap == Decimal("299.97")
    (finding,) = result.findings
    assert finding.cause == "unit"
    assert finding.material
    assert "300 元" in finding.title and "300 元" in finding.title_en


def test_bracketed_breakdown_holds():
    result = scan("bracket.md")
    (relation,) = relation_of(result, "1200万元")
    assert parts_of(relation) == ["700万元", "450万元", "50万元"]
    assert relation.status == "holds"
    assert not result.findings


def test_parts_first_total_last_with_chinese_numerals():
    result = scan("parts-first.md")
    counts = {(f.value, f.unit.printed) for f in result.figures}
    assert (Decimal(1), "套") in counts  # 一套
    assert (Decimal(12), "间") in counts  # 十二间
    (relation,) = relation_of(result, "9.95万元")
    assert parts_of(relation) == ["6.75万元", "3.2万元"]
    assert relation.status == "holds"
    kinds = {(n.printed, n.kind) for n in result.numbers}
    assert ("三", "ordinal") in kinds  # 第三季度
    assert ("三", "list") in kinds  # the heading 三、


def test_one_paragraph_per_place():
    result = scan("places.md")
    totals = relation_of(result, "1000万元")
    assert [parts_of(r) for r in totals] == [["600万元", "400万元"]]
    assert relation_of(result, "600万元")[0].status == "holds"
    assert parts_of(relation_of(result, "400万元")[0]) == ["300万元", "100万元"]
    assert not result.failing


def test_breakdowns_inside_breakdowns():
    result = scan("nested.md")
    assert parts_of(relation_of(result, "100.5万元")[0]) == ["60.25万元", "40.25万元"]
    assert parts_of(relation_of(result, "60.25万元")[0]) == ["20.05万元", "40.2万元"]
    assert parts_of(relation_of(result, "20.05万元")[0]) == ["12.05万元", "8万元"]
    assert all(r.status == "holds" for r in result.relations)


def test_one_total_split_two_ways():
    result = scan("two-ways.md")
    splits = relation_of(result, "500万元")
    assert sorted(parts_of(r) for r in splits) == [
        ["300万元", "200万元"],
        ["320万元", "180万元"],
    ]
    assert all(r.status == "holds" for r in splits)


def test_remainder_and_rate():
    result = scan("difference-and-rate.md")
    (difference,) = relation_of(result, "80万元", kind="difference")
    assert parts_of(difference) == ["30万元", "50万元"]  # 80 − 30 = 50
    assert difference.status == "holds"
    (rate,) = relation_of(result, "96%", kind="rate")
    assert parts_of(rate) == ["384万元", "400万元"]  # 384 / 400 = 96 %
    assert rate.status == "holds"


def test_part_beside_its_whole_is_no_failing_sum():
    result = scan("part-beside-whole.md")
    parts = {
        (r.total.printed.replace(" ", ""), r.parts[0].printed.replace(" ", ""))
        for r in result.relations
    }
    assert parts == {("300户", "20户"), ("900人", "41人"), ("700万元", "450万元")}
    assert all(r.kind == "part" and r.status == "holds" for r in result.relations)
    assert not result.findings


def test_a_count_that_differs_from_the_items_listed():
    result = scan("counts.md")
    (relation,) = relation_of(result, "10个")
    assert parts_of(relation) == ["8个", "1个", "2个"]
    assert relation.gap == Decimal(-1)  # 8 + 1 + 2 = 11 against 10
    assert relation_of(result, "8个")[0].status == "holds"  # 5 + 3
    (finding,) = result.findings
    assert finding.cause == "count"
    assert "1 of 10" in finding.explanation_en


def test_a_gap_equal_to_a_figure_printed_elsewhere():
    result = scan("missing-part.md")
    first, second = relation_of(result, "800万元")
    assert first.status == "holds"  # 300 + 200 + 250 + 50
    assert second.status == "fails" and second.gap == Decimal(250)
    (finding,) = result.findings
    assert finding.cause == "missing-part"
    assert "地方政府债券资金 250 万元" in finding.explanation


def test_forms_that_must_raise_no_alarm():
    result = scan("no-alarm.md")
    assert not result.failing
    assert not result.findings
    possible = {r.total.printed.replace(" ", "") for r in result.possible}
    # Indicator levels, overlapping groups of people, a list said to be partial: uncertain.
    assert {"12个", "100人次", "900万元"} <= possible
    # Two groups that miss may be two notable groups of more: possible, with no cause told.
    assert "30个" in possible
    # Three parts short of their total by 100 万元, which the text prints nowhere: possible.
    assert "1000万元" in possible
    # Rates are not added up.
    assert not any(r.total.unit.printed == "%" for r in result.relations + result.possible)
    # "其中 2018 年…" with no whole before it in its sentence: no relation at all.
    assert not any(r.total.printed.startswith("250") for r in result.relations + result.possible)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("依据《关于下达2020年资金50万元的通知》拨付。", "title"),
        ("巴扶办发〔2020〕11号", "document"),
        ("第一批资金已到位。", "ordinal"),
        ("2020 年 10 月 15 日印发。", "date"),
    ],
)
def test_numbers_that_are_not_figures(text: str, kind: str):
    result = scan_text("说明：" + text)
    assert not result.figures
    assert kind in {n.kind for n in result.numbers}


def test_a_share_with_both_figures_named():
    # 50 / 80 = 62.5 %: printed 62.5 % holds; printed 70 % is 7.5 points off.
    holds = scan_text("用于到户的资金为50万元，占全部资金80万元的62.5%。")
    assert [(r.kind, r.status) for r in holds.relations] == [("rate", "holds")]
    fails = scan_text("用于到户的资金为50万元，占全部资金80万元的70%。")
    (relation,) = fails.relations
    assert relation.status == "fails" and relation.gap == Decimal("7.5")
    assert fails.findings[0].cause == "rate"


def test_a_list_of_two_kinds_of_figure():
    result = scan("two-kinds.md")
    (money,) = relation_of(result, "1000万元")
    assert parts_of(money) == ["800万元", "200万元"] and money.status == "holds"
    (count,) = relation_of(result, "20个")  # the whole further back: read, but uncertain
    assert parts_of(count) == ["15个", "5个"] and count.status == "holds"
    assert money.certain and not count.certain


def test_lines_of_places_after_a_total_without_a_colon():
    # 300 + 200 + 100 = 600: each line opens with a place, so the lines are the parts.
    text = "下达我市专项资金600万元，予以公告。\n甲县：专项资金300万元；\n乙区：专项资金200万元；\n丙镇：专项资金100万元。\n"
    (relation,) = scan_text(text).relations
    assert [p.value for p in relation.parts] == [300, 200, 100]
    assert relation.status == "holds" and relation.form == "places"
    # The same lines adding up to something else are not even a possible relation.
    wrong = scan_text(text.replace("600万元", "700万元"))
    assert not wrong.relations and not wrong.possible


def test_parts_named_respectively_and_a_list_on_the_lines_below():
    # 300 + 200 + 100 + 50 = 650.
    respectively = scan_text(
        "共安排资金650万元，中央、省、市、县级资金分别为300万元、200万元、100万元、50万元。"
    )
    (relation,) = respectively.relations
    assert [p.value for p in relation.parts] == [300, 200, 100, 50]
    assert relation.status == "holds" and not relation.certain
    # "分别" with no whole before it: nothing.
    assert not scan_text("甲县、乙县分别下达100万元、200万元。").relations
    # 600 + 300 + 100 = 1000, one numbered line each after "其中：".
    lines = "一、资金来源\n共下达资金1000万元，其中：\n1.中央资金600万元；\n2.省级资金300万元；\n3.县级资金100万元。\n二、资金使用\n"
    (listed,) = scan_text(lines).relations
    assert [p.value for p in listed.parts] == [600, 300, 100] and listed.status == "holds"


def test_a_change_on_the_year_before():
    # 800 + 200 = 1000; a change that does not agree with the two figures is not read at all.
    (relation,) = scan_text("2019年投入800万元，2020年投入1000万元，比上年增加200万元。").relations
    assert relation.kind == "difference" and relation.status == "holds"
    assert [p.value for p in relation.parts] == [800, 200]
    off = scan_text("2019年投入800万元，2020年投入1000万元，比上年增加300万元。")
    assert not off.relations and not off.possible


def test_wan_alone_is_money_only_where_the_clause_is_about_money():
    result = scan_text("产量10万斤，带动就业2万，投入资金5万。追加的4000万资金全部分配。")
    assert [(f.value, f.unit.printed) for f in result.figures] == [(5, "万"), (4000, "万")]
    # 300 + 200 = 500 万元, the total printed as "500万".
    (relation,) = scan_text("安排资金500万。其中，中央资金300万元、省级资金200万元。").relations
    assert relation.status == "holds" and relation.total.unit.printed == "万"


def test_a_score_beside_its_maximum_in_brackets_is_no_part():
    """ "资金投入18分（分值20分）": the bracket gives the indicator's maximum, not a part of 18."""
    result = scan_text(
        "综合得分92.5分。其中：资金投入18分（分值20分），资金拨付19分（满分20分），"
        "资金监管18.5分（分值20分），资金使用成效37分（分值40分）。",
        "scores.md",
    )
    assert not result.failing and not result.findings
    (total,) = [r for r in result.relations if r.kind == "sum"]
    assert (total.total.printed, total.status) == ("92.5分", "holds")
    assert all(r.kind == "sum" for r in result.relations)
