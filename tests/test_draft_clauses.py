"""``fundanalysis draft`` reads each figure's own clause, not its neighbour's.

Short texts written here, each a sentence or two of the kind a self-evaluation report prints:
several transfer batches in one sentence (the date before or after the money), a change in the
poor population beside the register, a total count of projects beside the count at a stage,
and two figures that would fill one key. Each case has a negative twin that must draft as
before.
"""

from __future__ import annotations

import csv
import io

from fundanalysis.text.draft import draft_text

HEAD = "# 白河县2020年度财政专项扶贫资金绩效自评报告\n\n## 一、基本情况\n\n"


def _draft(body: str):
    return draft_text(HEAD + body + "\n", "baihe-2020.md", "baihe-2020")


def _rows(draft, table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(draft.files[f"{table}.csv"])))


def _review(draft) -> list[str]:
    return [message for _, message in draft.review]


# -- 1. a batch's date is its own clause's --------------------------------------------------


def test_each_batch_takes_the_date_printed_before_its_money_in_its_clause() -> None:
    draft = _draft(
        "2020年5月6日拨付下达中央财政专项扶贫资金1200万元，"
        "2020年8月19日拨付下达自治区财政专项扶贫资金650万元。"
    )
    rows = _rows(draft, "transfers")
    assert [(r["amount"], r["disbursed_on"]) for r in rows] == [
        ("1200", "2020-05-06"),
        ("650", "2020-08-19"),
    ]
    assert [r["disbursed_on_printed"] for r in rows] == ["2020年5月6日", "2020年8月19日"]


def test_each_batch_takes_the_date_printed_after_its_money_in_its_clause() -> None:
    draft = _draft(
        "第一批资金420万元于2020年2月3日拨付下达各乡镇，第二批资金380万元于2020年7月9日拨付下达各乡镇。"
    )
    rows = _rows(draft, "transfers")
    assert [(r["amount"], r["disbursed_on"]) for r in rows] == [
        ("420", "2020-02-03"),
        ("380", "2020-07-09"),
    ]


def test_dates_no_clause_ties_to_one_batch_are_left_empty_and_listed() -> None:
    draft = _draft(
        "拨付下达第一批资金420万元、第二批资金380万元，分别于2020年2月3日和2020年7月9日到账。"
    )
    rows = _rows(draft, "transfers")
    assert [r["disbursed_on"] for r in rows] == ["", ""]
    assert [r["disbursed_on_printed"] for r in rows] == ["", ""]
    assert sum("拨付日期" in m and "left empty" in m for m in _review(draft)) == 2


def test_a_lone_batch_keeps_a_date_printed_in_a_clause_of_its_own() -> None:
    draft = _draft("中央财政专项扶贫资金900万元，全部为扶贫发展资金，2020年3月2日拨付下达各县。")
    (row,) = _rows(draft, "transfers")
    assert (row["amount"], row["disbursed_on"], row["fund_type"]) == (
        "900",
        "2020-03-02",
        "扶贫发展资金",
    )
    assert not any("拨付日期" in m for m in _review(draft))


def test_a_date_the_money_stood_at_is_no_date_passed_on() -> None:
    draft = _draft("截至2020年12月31日，已拨付下达资金1500万元。")
    assert _rows(draft, "transfers") == []


def test_batches_split_into_fund_types_keep_their_batch_date() -> None:
    draft = _draft(
        "2020年到位资金共计1000万元，已全部拨付下达各县。其中：中央财政专项扶贫资金700万元"
        "（扶贫发展资金500万元，少数民族发展资金200万元），2020年4月1日拨付下达各县；"
        "自治区财政专项扶贫资金300万元，2020年5月2日拨付下达各县。"
    )
    rows = _rows(draft, "transfers")
    assert [(r["batch"], r["level"], r["amount"], r["disbursed_on"]) for r in rows] == [
        ("1", "中央", "500", "2020-04-01"),
        ("1", "中央", "200", "2020-04-01"),
        ("2", "自治区", "300", "2020-05-02"),
    ]


# -- 2. a change in the poor is not the register -------------------------------------------


def test_a_reduction_or_a_new_identification_is_not_the_registered_population() -> None:
    draft = _draft("当年减少建档立卡贫困人口860人，新识别贫困户42户。")
    assert _rows(draft, "poverty") == []
    review = _review(draft)
    assert any(m.startswith("860人: “减少”") for m in review)
    assert any(m.startswith("42户: “新识别”") for m in review)


def test_the_registered_population_still_drafts() -> None:
    draft = _draft("全县建档立卡贫困人口2300人。经动态调整后在册建档立卡贫困户700户。")
    rows = _rows(draft, "poverty")
    assert [(r["measure"], r["value"]) for r in rows] == [
        ("registered_poor_people", "2300"),
        ("registered_poor_households", "700"),
    ]


# -- 3. a project count's stage is its own clause's; rows competing for a key ---------------


def test_the_stage_after_a_total_count_is_the_second_counts() -> None:
    draft = _draft("项目完工率90%，全年40个项目中已竣工36个。")
    rows = _rows(draft, "projects")
    done = [r for r in rows if r["stage"] == "完工"]
    assert [r["project_count"] for r in done] == ["36"]
    assert all(r["stage"] == "" for r in rows if r["project_count"] == "40")


def test_a_count_printed_after_its_stage_still_takes_it() -> None:
    (row,) = _rows(_draft("全年共完工项目18个。"), "projects")
    assert (row["stage"], row["project_count"]) == ("完工", "18")


def test_two_different_figures_for_one_key_are_both_left_to_review() -> None:
    draft = _draft("截至6月底完工项目12个。截至年底完工项目15个。")
    assert _rows(draft, "projects") == []
    review = _review(draft)
    assert any(m.startswith("12个: projects.csv") and "neither written" in m for m in review)
    assert any(m.startswith("15个: projects.csv") and "neither written" in m for m in review)


def test_two_registered_counts_at_one_date_are_both_left_to_review() -> None:
    draft = _draft("全县建档立卡贫困人口2300人。另据统计建档立卡贫困人口2400人。")
    assert _rows(draft, "poverty") == []
    review = _review(draft)
    assert sum(m.startswith(("2300人: poverty.csv", "2400人: poverty.csv")) for m in review) == 2


def test_the_same_figure_printed_twice_keeps_one_row() -> None:
    draft = _draft("上半年完工项目12个。全年完工项目12个。")
    assert [r["project_count"] for r in _rows(draft, "projects")] == ["12"]
    assert any("not written" in m for m in _review(draft))


# -- 4. a batch's name and level are its own clause's --------------------------------------


def test_a_second_batch_is_named_from_its_own_clause() -> None:
    draft = _draft(
        "第一批中央财政专项扶贫资金600万元于2020年3月5日拨付下达各乡镇，"
        "第二批自治区财政专项扶贫资金450万元于2020年6月8日拨付下达各乡镇。"
    )
    rows = _rows(draft, "transfers")
    assert [(r["batch_name"], r["level"]) for r in rows] == [
        ("第一批中央财政专项扶贫资金", "中央"),
        ("第二批自治区财政专项扶贫资金", "自治区"),
    ]
    assert rows[1]["printed"] == "第二批自治区财政专项扶贫资金450万元"
    assert "，" not in rows[1]["fund_type"]


def test_a_batch_name_leaves_out_the_date_and_verb_it_opens_with() -> None:
    draft = _draft(
        "2020年4月20日拨付下达县级财政专项扶贫资金300万元，2020年9月1日拨付下达市级资金90万元。"
    )
    rows = _rows(draft, "transfers")
    assert [(r["batch_name"], r["level"]) for r in rows] == [
        ("县级财政专项扶贫资金", "县级"),
        ("市级资金", "市级"),
    ]


def test_a_lone_batch_named_at_the_sentence_start_keeps_its_name() -> None:
    draft = _draft("中央财政专项扶贫资金（奖励资金）260万元，2020年5月22日拨付下达各县。")
    (row,) = _rows(draft, "transfers")
    assert (row["batch_name"], row["level"], row["fund_type"]) == (
        "中央财政专项扶贫资金（奖励资金）",
        "中央",
        "奖励资金",
    )


def test_a_documents_date_is_no_batch_date() -> None:
    draft = _draft("依据2020年2月14日印发的分配方案，拨付下达扶贫资金730万元。")
    assert all(r["disbursed_on"] == "" for r in _rows(draft, "transfers"))
