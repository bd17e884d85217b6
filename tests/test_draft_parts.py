"""``fundanalysis draft`` keeps a whole and its parts apart, and a part in its own table.

Short texts written here, of the kind a self-evaluation report prints: a carry-over broken
down into its items (质保金, 尾款) beside what was spent, the date money stood at (截至…), a
planned count of projects beside what was completed and the completed broken down, an amount
included in a batch (（含…）), a batch dated to the month only, and a completion rate that the
scan pairs with money. Each case has a negative twin that must draft as before.
"""

from __future__ import annotations

import csv
import io

from fundanalysis.text.draft import draft_text

HEAD = "# 青石县2021年度财政专项扶贫资金绩效自评报告\n\n"
FUNDS = "## 一、资金情况\n\n2021年共收到财政专项扶贫资金5000万元，其中中央资金3000万元，省级资金2000万元。\n\n"


def _draft(body: str):
    return draft_text(HEAD + body + "\n", "qingshi-2021.md", "qingshi-2021")


def _rows(draft, table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(draft.files[f"{table}.csv"])))


def _review(draft) -> str:
    return draft.files["REVIEW.md"]


# -- 1. items under 结转 are carry-over, never spending -------------------------------------


CARRIED = (
    FUNDS + "## 二、资金结转\n\n截至2021年11月30日，已支出4740万元，结转资金260万元，"
    "其中：工程质保金160万元，项目尾款100万元。"
)


def test_items_under_a_carry_over_are_carry_over_rows_with_the_whole_their_total() -> None:
    draft = _draft(CARRIED)
    carried = _rows(draft, "carryover")
    assert [(r["item"], r["kind"], r["amount"]) for r in carried] == [
        ("工程质保金", "质量保证金", "160"),
        ("项目尾款", "尾款", "100"),
    ]
    assert all(r["place"] == "" for r in carried)  # no place printed: left for a person
    assert "结转地点未能读出" in _review(draft)
    assert [(r["category"], r["amount"]) for r in _rows(draft, "spending")] == [("已支出", "4740")]
    totals = {r["stated"]: r for r in _rows(draft, "totals")}
    assert totals["260"]["table"] == "carryover"
    assert all(r["table"] != "spending" for r in totals.values())


def test_a_carry_over_item_of_a_place_its_own_words_name_takes_that_place() -> None:
    draft = _draft(
        "## 一、结转结余\n\n截至2021年12月31日，全县结转资金共计130万元。"
        "其中：东坪区结转80万元，为项目质保金；西岭区结转50万元，为工程尾款。"
    )
    carried = _rows(draft, "carryover")
    assert [(r["place"], r["item"], r["kind"], r["amount"]) for r in carried] == [
        ("东坪区", "", "质量保证金", "80"),
        ("西岭区", "", "尾款", "50"),
    ]
    assert "the item is not named" in _review(draft)


def test_a_plain_spending_breakdown_is_still_spending() -> None:
    draft = _draft(
        FUNDS + "## 二、资金支出\n\n全年支出4740万元，其中产业发展2740万元，基础设施2000万元。"
    )
    assert [(r["category"], r["amount"]) for r in _rows(draft, "spending")] == [
        ("产业发展", "2740"),
        ("基础设施", "2000"),
    ]
    assert _rows(draft, "carryover") == []


# -- 2. 截至… is the as-of date, not a category ----------------------------------------------


def test_a_printed_as_of_date_fills_as_of_and_leaves_the_category() -> None:
    draft = _draft(CARRIED)
    (spent,) = _rows(draft, "spending")
    assert (spent["as_of"], spent["as_of_printed"]) == ("2021-11-30", "截至2021年11月30日")


def test_as_of_a_year_end_without_its_year_is_left_for_review() -> None:
    draft = _draft(FUNDS + "## 二、资金支出\n\n截至年底资金支出4800万元，资金支出率96%。")
    (spent,) = _rows(draft, "spending")
    assert spent["category"] == "资金支出"
    assert (spent["as_of"], spent["as_of_printed"]) == ("", "")
    assert "“截至年底”：未印年份" in _review(draft)


def test_spending_with_no_as_of_words_has_no_as_of() -> None:
    draft = _draft(FUNDS + "## 二、资金支出\n\n资金支出4800万元。")
    (spent,) = _rows(draft, "spending")
    assert (spent["category"], spent["as_of"]) == ("资金支出", "")
    assert "截至日期未填" not in _review(draft)


# -- 3. a planned count is not 实施; the completed count and its parts ----------------------


def test_planned_and_completed_projects_and_the_parts_of_the_completed() -> None:
    draft = _draft(
        "## 一、项目实施\n\n2021年计划实施项目60个，实际完成项目58个，2个项目调整。"
        "其中种植养殖项目30个、道路建设项目28个。"
    )
    rows = [
        (r["stage"], r["category"], r["project_count"])
        for r in _rows(draft, "projects")
        if r["stage"]  # 2个项目调整 has no stage to read: a row REVIEW.md lists
    ]
    assert ("实施", "", "60") not in rows
    assert rows == [("编制", "", "60"), ("完工", "种植养殖", "30"), ("完工", "道路建设", "28")]
    (total,) = _rows(draft, "totals")
    assert (total["stated"], total["filter"]) == ("58", "stage=完工")
    assert "计划…" in _review(draft)


def test_a_whole_of_implemented_projects_is_a_total_not_a_row() -> None:
    draft = _draft(
        "## 一、项目实施\n\n2021年实施项目60个，其中种植养殖项目32个、道路建设项目28个。"
    )
    rows = [(r["stage"], r["category"], r["project_count"]) for r in _rows(draft, "projects")]
    assert rows == [("实施", "种植养殖", "32"), ("实施", "道路建设", "28")]
    (total,) = _rows(draft, "totals")
    assert (total["table"], total["stated"]) == ("projects", "60")


# -- 4. an included amount is part of its batch; a month-only date; a level is no fund type -


BATCHES = (
    "## 一、资金拨付\n\n第一批扶贫发展资金900万元，2021年2月1日拨付下达。"
    "第二批中央资金1800万元（含少数民族发展资金400万元），2021年5月10日拨付下达。"
    "第三批省级资金400万元，2021年7月1日拨付下达。"
)


def test_a_bracketed_included_amount_is_no_batch_of_its_own() -> None:
    draft = _draft(BATCHES)
    rows = _rows(draft, "transfers")
    assert [(r["batch"], r["batch_name"], r["amount"]) for r in rows] == [
        ("1", "第一批扶贫发展资金", "900"),
        ("2", "第二批中央资金", "1800"),
        ("3", "第三批省级资金", "400"),  # a batch with its own amount is still a batch
    ]
    assert not any("含" in r["batch_name"] for r in rows)
    assert "part of batch 2" in _review(draft)


def test_an_amount_after_其中_is_part_of_its_batch_too() -> None:
    draft = _draft(
        "## 一、资金拨付\n\n第二批中央资金1800万元，其中少数民族发展资金400万元，2021年5月10日拨付下达。"
    )
    assert [r["amount"] for r in _rows(draft, "transfers")] == ["1800"]
    assert "part of batch 1" in _review(draft)


def test_a_level_in_a_batch_name_is_no_fund_type_but_a_fund_is() -> None:
    rows = {r["batch"]: r for r in _rows(_draft(BATCHES), "transfers")}
    assert (rows["2"]["level"], rows["2"]["fund_type"]) == ("中央", "")
    assert (rows["3"]["level"], rows["3"]["fund_type"]) == ("省级", "")
    assert rows["1"]["fund_type"] == "扶贫发展资金"


def test_a_batch_passed_on_in_a_month_is_a_transfer_without_a_day() -> None:
    draft = _draft(
        "## 一、资金拨付\n\n2021年到位资金共计6000万元。其中：中央财政专项扶贫资金4000万元，"
        "2021年1月15日拨付下达各乡镇；县级资金2000万元，2021年4月拨付下达各乡镇。"
    )
    rows = {r["amount"]: r for r in _rows(draft, "transfers")}
    assert rows["4000"]["disbursed_on"] == "2021-01-15"
    assert (rows["2000"]["level"], rows["2000"]["disbursed_on"]) == ("县级", "")
    assert _rows(draft, "evaluated_funds") == []
    assert "只印到月（2021年4月）" in _review(draft)


def test_funds_received_with_no_passing_on_stay_funds_under_evaluation() -> None:
    levels = [r["level"] for r in _rows(_draft(FUNDS), "evaluated_funds")]
    assert levels == ["中央", "省级"]


# -- 5. a completion rate is counts over counts ---------------------------------------------


RATES = (
    FUNDS + "## 二、项目情况\n\n2021年实施项目30个，总投资5000万元；已完工30个，完工率100%。"
    "全年支出4500万元，资金支出率90%。"
)


def test_a_completion_rate_is_not_declared_over_money() -> None:
    draft = _draft(RATES)
    indicators = _rows(draft, "indicators")
    # the scan pairs a 完工率 with counts, never money, so no money indicator is drafted for it
    assert all(r["stated"] != "100" for r in indicators)
    assert all("evaluated_funds" not in r["denominator"] or r["stated"] == "90" for r in indicators)


def test_a_spending_rate_is_still_declared_over_money() -> None:
    indicators = _rows(_draft(RATES), "indicators")
    assert [(r["stated"], r["numerator"], r["denominator"]) for r in indicators] == [
        ("90", "spending[]", "evaluated_funds[]")
    ]
