"""``fundanalysis draft`` reads a whole split into batches, a batch's sources, a one-part 其中
and a place printed after its verb, without a row a reviewer would not notice.

Short texts written here, of the kind a self-evaluation report prints: money 分N批 passed on
and then its batches (第一批…第二批…), a batch and the sources its money came from (其中：本级…,
债券…), a county whose carry-over is all one fund (其中 with one part equal to the whole), the
words a carry-over is paid or to be paid with (已于…支付, 将于…支付), and a place after the verb
that gives it money (分配到…县). Each case has a negative twin that must draft as before.
"""

from __future__ import annotations

import csv
import io

from fundanalysis.text.draft import draft_text

HEAD = "# 青石州2021年度财政专项扶贫资金绩效自评报告\n\n"


def _draft(body: str):
    return draft_text(HEAD + body + "\n", "qingshi-2021.md", "qingshi-2021")


def _rows(draft, table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(draft.files[f"{table}.csv"])))


def _review(draft) -> str:
    return draft.files["REVIEW.md"]


def _batches(draft) -> list[tuple[str, str, str, str]]:
    return [
        (r["batch"], r["level"], r["amount"], r["disbursed_on"]) for r in _rows(draft, "transfers")
    ]


# -- 1. a whole 分N批 passed on is the total of its batches, never a batch ------------------

SPLIT = (
    "## 一、资金拨付\n\n市级资金900万元分三批拨付下达：第一批400万元，2021年2月1日拨付下达；"
    "第二批300万元，2021年4月8日拨付下达；第三批200万元，2021年7月2日拨付下达。\n\n"
    "省级资金150万元，已于2021年3月9日拨付下达。"
)


def test_a_whole_split_into_batches_is_their_total_and_they_take_its_level() -> None:
    draft = _draft(SPLIT)
    assert _batches(draft) == [
        ("1", "市级", "400", "2021-02-01"),
        ("2", "市级", "300", "2021-04-08"),
        ("3", "市级", "200", "2021-07-02"),
        ("4", "省级", "150", "2021-03-09"),
    ]
    (total,) = [t for t in _rows(draft, "totals") if t["stated"] == "900"]
    assert total["table"] == "transfers"
    chosen = [r for r in _rows(draft, "transfers") if _selects(total["filter"], r)]
    assert [r["batch"] for r in chosen] == ["1", "2", "3"]
    assert _rows(draft, "findings") == []
    assert "级次取自分批前的总额" in _review(draft)


def _selects(conditions: str, row: dict[str, str]) -> bool:
    pairs = [c.split("=", 1) for c in conditions.split(";") if c]
    return all(row[column] in values.split("|") for column, values in pairs)


def test_a_split_whose_batches_are_not_all_listed_is_left_for_review() -> None:
    text = SPLIT.replace("分三批", "分四批")
    draft = _draft(text)
    assert [b[2] for b in _batches(draft)] == ["400", "300", "200", "150"]  # no 900 batch
    assert not [t for t in _rows(draft, "totals") if t["stated"] == "900"]
    assert "分批拨付的总额" in _review(draft)


def test_a_plain_list_of_batches_still_drafts_each_batch() -> None:
    draft = _draft(
        "## 一、资金拨付\n\n2021年2月1日拨付下达第一批中央资金400万元，"
        "2021年4月8日拨付下达第二批中央资金300万元。"
    )
    assert _batches(draft) == [
        ("1", "中央", "400", "2021-02-01"),
        ("2", "中央", "300", "2021-04-08"),
    ]
    assert not [t for t in _rows(draft, "totals") if t["table"] == "transfers"]


# -- 2. the amounts 其中 lists after a batch's date are its sources, the batch is the row ----

SOURCES = (
    "## 一、资金拨付\n\n县级资金600万元，2021年5月10日拨付下达，其中：本级财政安排400万元，"
    "债券资金200万元。"
)


def test_the_sources_of_a_batch_are_not_batches_and_the_batch_is_a_row() -> None:
    draft = _draft(SOURCES)
    assert _batches(draft) == [("1", "县级", "600", "2021-05-10")]
    assert "资金来源的明细，不是一批" in _review(draft)
    assert not [t for t in _rows(draft, "totals") if t["table"] == "transfers"]


def test_fund_types_bracketed_in_a_batch_under_a_total_still_share_its_number() -> None:
    draft = _draft(
        "## 一、资金拨付\n\n2021年到位扶贫资金1500万元，已全部拨付下达各县。其中：中央提前下达资金"
        "1000万元（扶贫发展资金600万元、少数民族发展资金400万元），2021年1月5日拨付下达各县；"
        "省级资金500万元，2021年3月1日拨付下达各县。"
    )
    rows = _rows(draft, "transfers")
    assert [(r["batch"], r["fund_type"], r["amount"]) for r in rows] == [
        ("1", "扶贫发展资金", "600"),
        ("1", "少数民族发展资金", "400"),
        ("2", "", "500"),
    ]
    assert {r["disbursed_on"] for r in rows[:2]} == {"2021-01-05"}


# -- 3. a 其中 with one part equal to its whole is a subtotal, not a leaf ---------------------

OVERVIEW = (
    "## 一、结转结余情况\n\n截至2021年12月31日，全州结转财政专项扶贫资金90万元。其中：东山县结转"
    "财政专项扶贫资金60万元，西岭县结转财政专项扶贫资金30万元。\n\n"
)
ONE_GROUP = (
    "### 1.东山县结转结余情况。\n\n结转扶贫资金60万元，其中：中央财政专项扶贫资金结转60万元，"
    "主要为项目质保金，河口村道路项目1个，结转资金35万元，石门村水渠项目1个，结转资金25万元，"
    "上述资金将于2022年6月支付。\n\n"
)
WEST = (
    "### 2.西岭县结转结余情况。\n\n结转项目工程尾款30万元，其中：县级配套资金结转30万元"
    "（南坡村大棚项目1个，金额10万元；北坡村圈舍项目1个，金额20万元），已于2022年1月15日支付。"
)


def test_a_county_with_one_funding_group_drafts_its_items_only_and_no_finding() -> None:
    draft = _draft(OVERVIEW + ONE_GROUP + WEST)
    rows = _rows(draft, "carryover")
    assert [(r["place"], r["funding_group"], r["amount"]) for r in rows] == [
        ("东山县", "中央财政专项扶贫资金", "35"),
        ("东山县", "中央财政专项扶贫资金", "25"),
        ("西岭县", "县级配套资金", "10"),
        ("西岭县", "县级配套资金", "20"),
    ]
    assert _rows(draft, "findings") == []
    assert [(r["payment_status"], r["payment_date"]) for r in rows] == [
        ("计划支付", "2022-06-30"),
        ("计划支付", "2022-06-30"),
        ("已支付", "2022-01-15"),
        ("已支付", "2022-01-15"),
    ]
    assert "按该月末日填写" in _review(draft)
    assert "扫描未能确认的关系" not in _review(draft)


def test_a_county_with_two_funding_groups_still_drafts_its_subtotals_as_before() -> None:
    two = (
        "### 1.东山县结转结余情况。\n\n结转扶贫资金60万元，其中：中央财政专项扶贫资金结转20万元，"
        "主要为项目质保金，河口村道路项目1个，结转资金12万元，石门村水渠项目1个，结转资金8万元，"
        "上述资金已于9月30日支付完毕；县级财政专项扶贫资金结转40万元，主要为项目尾款，"
        "河口村桥梁项目1个，结转资金30万元，石门村涵洞项目1个，结转资金10万元。\n\n"
    )
    draft = _draft(OVERVIEW + two + WEST)
    rows = [r for r in _rows(draft, "carryover") if r["place"] == "东山县"]
    assert [(r["funding_group"], r["amount"], r["payment_date"]) for r in rows] == [
        ("中央财政专项扶贫资金", "12", "2021-09-30"),
        ("中央财政专项扶贫资金", "8", "2021-09-30"),
        ("县级财政专项扶贫资金", "30", ""),
        ("县级财政专项扶贫资金", "10", ""),
    ]
    assert _rows(draft, "findings") == []


def test_rows_that_would_double_count_get_no_total_and_no_finding() -> None:
    # the items do not add up to the one part (35 + 24): the 其中 is left as the scan read it,
    # and no total is declared over rows one of which holds the others
    uneven = ONE_GROUP.replace("结转资金25万元", "结转资金24万元")
    draft = _draft(OVERVIEW + uneven + WEST)
    assert _rows(draft, "findings") == []
    assert "合计会重复计算，未声明" in _review(draft)
    assert not [t for t in _rows(draft, "totals") if t["filter"] == "place=东山县"]


# -- 4. a place is its name, not the verb that gives it money -------------------------------


def test_a_place_after_the_verb_that_gives_it_money_is_the_place_alone() -> None:
    draft = _draft(
        "## 一、资金分配\n\n2021年纳入绩效评价的资金共计2000万元，分配到东山县1200万元、"
        "下达给西岭县800万元。"
    )
    places = [r["place"] for r in _rows(draft, "allocations")]
    assert places == ["东山县", "西岭县"]


def test_a_place_whose_name_starts_like_a_verb_keeps_its_name() -> None:
    draft = _draft("## 一、资金分配\n\n2021年共分配资金2000万元，分宜县1200万元、西岭县800万元。")
    places = [r["place"] for r in _rows(draft, "allocations")]
    assert "分宜县" in places


def test_the_words_before_the_verb_are_no_part_of_the_place_either() -> None:
    draft = _draft(
        "## 一、资金分配\n\n2021年共安排资金2000万元，将资金分配到东山县1200万元、资金下达给西岭县800万元。"
    )
    places = [r["place"] for r in _rows(draft, "allocations")]
    assert places == ["东山县", "西岭县"]
