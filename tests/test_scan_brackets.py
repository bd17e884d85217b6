"""What a bracket, a deduction and a rate's name say, on short texts written for these tests.

A bracket after a figure is that figure's breakdown only where it reads as one: an inclusion
word (含、其中、包括 …) or a list of named figures. A bracket that names another figure of the
same thing (调整前, 原), money outside it (另行核算, 不含), a figure per item (户均) or a maximum
(分值, 最高) makes no part; a score in brackets beside an indicator's name is its maximum. A part
printed as a deduction (扣3分) is subtracted; where the list does not add up that way either,
the relation is only possible (the deduction may be the reason for a part's score), never a
finding. A rate named for things counted (完工率) is no ratio of two sums of money.

Every expected figure below is worked out by hand from the text.
"""

from __future__ import annotations

from decimal import Decimal

from fundanalysis.text.scan import ScanResult, scan_text
from fundanalysis.text.scan.render import formula, parts_side, text_report


def _scan(text: str) -> ScanResult:
    return scan_text("# 测试县扶贫资金绩效自评报告\n\n## 一、情况\n\n" + text + "\n")


def _shown(result: ScanResult, which: str = "relations") -> list[str]:
    return [
        f"{r.kind} {r.status} "
        + formula(r.kind, r.total.printed.strip(), [p.printed.strip() for p in r.parts])
        for r in getattr(result, which)
    ]


# --- deductions ---------------------------------------------------------------------------


def test_a_deduction_is_subtracted_and_printed_with_its_sign():
    result = _scan(
        "本年度绩效自评总得分87分。其中：资金到位25分，资金使用22分，项目管理20分，"
        "项目效益25分，因资金闲置扣5分。"
    )
    # 25 + 22 + 20 + 25 − 5 = 87
    assert _shown(result) == ["sum holds 87分 = 25分 + 22分 + 20分 + 25分 − 5分"]
    assert result.findings == []
    assert "− 5分" in text_report(result)
    # the stored scans' parts column is written by the same function
    assert parts_side("sum", ["25分", "−5分"]) == "25分 − 5分"


def test_other_deduction_words():
    for word in ("扣除", "扣减", "减"):
        result = _scan(f"自评得分78分。其中：产出指标40分，效益指标40分，{word}2分。")
        assert _shown(result) == ["sum holds 78分 = 40分 + 40分 − 2分"], word
        assert result.findings == []


def test_a_bonus_adds():
    result = _scan("综合得分83分。其中：决策指标30分，过程指标25分，产出指标26分，加分2分。")
    assert _shown(result) == ["sum holds 83分 = 30分 + 25分 + 26分 + 2分"]


def test_a_deduction_list_that_is_wrong_either_way_is_only_possible():
    # 30 + 30 + 30 − 4 = 86 and 30 + 30 + 30 + 4 = 94, printed 80: a slip, or the deduction is
    # the reason for one part's score. Decided: possible, no finding.
    result = _scan("综合得分80分。其中：指标甲30分，指标乙30分，指标丙30分，扣4分。")
    assert result.relations == [] and result.findings == []
    assert _shown(result, "possible") == ["sum fails 80分 = 30分 + 30分 + 30分 − 4分"]


def test_a_score_list_without_deduction_still_fails():
    result = _scan("综合得分80分。其中：指标甲30分，指标乙30分，指标丙30分。")
    assert _shown(result) == ["sum fails 80分 = 30分 + 30分 + 30分"]
    assert len(result.findings) == 1


# --- a bracketed maximum before a score ---------------------------------------------------


def test_a_bracketed_maximum_beside_an_indicator_is_no_part():
    result = _scan(
        "我县自评得分88分。其中：产出数量指标（30分）得27分，产出质量指标（30分）得26分，"
        "效益指标（40分）得35分。"
    )
    assert _shown(result) == ["sum holds 88分 = 27分 + 26分 + 35分"]
    assert result.findings == [] and result.possible == []


def test_a_maximum_in_brackets_after_the_score():
    result = _scan("另因工作突出加3分（加分项最高5分）。")
    assert result.relations == [] and result.findings == []


# --- a bracketed figure that is not a part ------------------------------------------------


def test_brackets_that_name_another_figure_make_no_part():
    result = _scan(
        "项目总预算900万元（调整前1100万元），已支付880万元。"
        "年度下达资金3000万元（上年结转资金600万元另行核算）。"
        "产业奖补资金150万元（带动贫困户300户，户均5000元）。"
        "培训经费40万元（原计划60万元）。"
        "安置资金700万元（不含省级配套资金900万元）。"
    )
    assert [r for r in result.relations if r.kind == "part"] == []
    assert result.findings == [] and result.possible == []


def test_a_bare_bracketed_figure_larger_than_its_whole_is_no_finding():
    result = _scan("危房改造资金120万元（维修加固项目150万元），已全部拨付。")
    assert result.findings == []
    assert result.relations == []
    assert _shown(result, "possible") == ["part fails 150万元 ≤ 120万元"]


def test_a_bare_bracketed_figure_within_its_whole_is_an_uncertain_part():
    result = _scan("危房改造资金120万元（维修加固项目80万元），已全部拨付。")
    (relation,) = result.relations
    assert relation.kind == "part" and relation.status == "holds" and not relation.certain


# --- negative twins: brackets that are breakdowns -----------------------------------------


def test_an_inclusion_bracket_is_a_certain_breakdown():
    result = _scan("全县共投入4000万元（其中中央资金2500万元、省级资金1500万元）。")
    (relation,) = result.relations
    assert _shown(result) == ["sum holds 4000万元 = 2500万元 + 1500万元"]
    assert relation.certain


def test_an_inclusion_bracket_of_last_years_money_is_a_part():
    result = _scan("本年可用资金800万元（含上年结转资金120万元），已支出760万元。")
    assert _shown(result) == ["part holds 120万元 ≤ 800万元"]
    assert result.relations[0].certain


def test_an_inclusion_bracket_with_a_part_larger_than_the_whole_fails():
    result = _scan("下达易地搬迁资金600万元（含中央预算内资金650万元）。")
    assert _shown(result) == ["part fails 650万元 ≤ 600万元"]
    (finding,) = result.findings
    assert finding.material


def test_a_bracketed_list_of_named_figures_is_a_certain_breakdown():
    result = _scan("县级配套资金310万元（产业项目200万元，基础设施项目110万元）。")
    (relation,) = result.relations
    assert relation.certain and relation.status == "holds"
    # parts above the total: a slip (one short of it may name only some parts: see scanner)
    wrong = _scan("县级配套资金310万元（产业项目200万元，基础设施项目80万元，培训40万元）。")
    assert _shown(wrong) == ["sum fails 310万元 = 200万元 + 80万元 + 40万元"]
    assert wrong.findings[0].relations == (wrong.relations[0].id,)
    assert wrong.relations[0].gap == Decimal(-10)


def test_a_bracket_right_after_its_figure_past_a_comma_is_still_its_breakdown():
    result = _scan("结转资金90万元，（项目结余资金60万元、质保金30万元）。")
    assert _shown(result) == ["sum holds 90万元 = 60万元 + 30万元"]


# --- a rate's name says what it counts ----------------------------------------------------


def test_a_completion_rate_is_not_paired_with_money():
    result = _scan(
        "全年下达资金3000万元，其中中央资金2000万元，省级资金1000万元。"
        "实施项目30个，总投资3000万元；已完工30个，完工率100%。"
    )
    assert [r for r in result.relations if r.kind == "rate"] == []


def test_a_money_rate_is_still_paired_with_money():
    result = _scan(
        "全年下达资金3000万元，其中中央资金2000万元，省级资金1000万元。"
        "截至年底已支出2700万元，资金支出率90%。"
    )
    (rate,) = [r for r in result.relations if r.kind == "rate"]
    assert rate.status == "holds"
    assert [p.printed for p in rate.parts] == ["2700万元", "3000万元"]


def test_a_completion_rate_of_counts_pairs_counts():
    result = _scan("共实施项目40个，其中产业项目25个，基础设施项目15个。已完工36个，完工率90%。")
    (rate,) = [r for r in result.relations if r.kind == "rate"]
    assert rate.status == "holds"
    assert [p.printed for p in rate.parts] == ["36个", "40个"]
