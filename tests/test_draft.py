"""``fundanalysis draft``: a data directory drafted from a report's text.

Two kinds of test. Hand-written ones draft a short text invented here (Chinese, a few
figures) and hold each drafted row against what the text plainly says. The comparison drafts
巴州 and 满城区 from their texts (skipped without ``FUNDANALYSIS_SOURCES``) and measures, per
table, the share of the shipped, hand-made rows the draft reproduces: same table, same value
and unit, same labels (every column but English forms, printed fragments and the section's
id) and the same section (by its title: the ids are names each transcriber chooses).
"""

from __future__ import annotations

import csv
import io
import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from test_scan_agrees import _text as _source

from fundanalysis.cli import main
from fundanalysis.data.specs import FIGURE_TABLES, SPECS
from fundanalysis.text.draft import draft_text
from fundanalysis.text.draft.fundnames import funds_name

ROOT = Path(__file__).resolve().parents[1]

INVENTED = """\
# 青山县2021年度财政专项扶贫资金绩效自评报告

## 一、资金投入

（一）本级预算安排情况。2019 年 100 万元、2020 年 120 万元，两年共安排专项资金 220 万元。

## 二、资金拨付

（一）拨付进度。2021 年我县到位扶贫资金共计 500 万元。其中：中央财政专项扶贫资金 300 万元，2021 年 3 月 1 日拨付下达各乡镇；省级财政专项扶贫资金 200 万元，2021 年 4 月 2 日拨付下达各乡镇。截至 9 月底，共支出扶贫资金 400 万元，资金报账率为 80%。

## 三、资金使用成效

（一）贫困人口。截至 2021 年初，全县建档立卡贫困人口 120 户 350 人。

（二）项目实施。2021 年确定实施扶贫项目 3 个（其中：中央 2 个，省级 1 个）。召开调度会议 4 次。

青山县扶贫开发办公室
"""


def _table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def invented():
    return draft_text(INVENTED, "qingshan-2021.md", "qingshan-2021")


def test_the_descriptor_holds_what_the_title_prints_and_nothing_else(invented) -> None:
    toml = invented.files["report.toml"]
    assert 'title = "青山县2021年度财政专项扶贫资金绩效自评报告"' in toml
    assert 'jurisdiction = "青山县"' in toml
    assert "year = 2021" in toml
    assert 'province = ""' in toml and 'title_en = ""' in toml
    assert 'file = "qingshan-2021.md"' in toml


def test_no_year_is_written_where_the_title_prints_none() -> None:
    drafted = draft_text(
        "# 青山县财政专项扶贫资金绩效自评报告\n\n一、投入\n\n共 5 万元。\n", "x.md"
    )
    assert "year =" not in drafted.files["report.toml"]
    assert "报告年度" in drafted.files["REVIEW.md"]


def test_a_list_the_scan_cannot_confirm_is_listed_for_review_not_declared() -> None:
    text = (
        "# 青山县2021年度财政专项扶贫资金绩效自评报告\n\n## 一、资金投入\n\n"
        "全年安排产业资金 10 万元，主要包括：种植项目 3 万元、养殖项目 4 万元等。\n\n青山县扶贫办\n"
    )
    drafted = draft_text(text, "q.md")
    assert _table(drafted.files["totals.csv"]) == []  # 主要…等: the list need not be whole
    assert "第 5 行 / line 5: 10 万元: 扫描未能确认的关系" in drafted.files["REVIEW.md"]
    assert "10 万元 = 3 万元 + 4 万元" in drafted.files["REVIEW.md"]


def test_a_document_number_and_date_on_lines_of_their_own_are_the_document_s() -> None:
    text = (
        "# 青山县扶贫开发办公室文件\n\n青扶发〔2021〕7号\n\n# 青山县2021年度财政专项扶贫资金绩效自评报告"
        "\n\n## 一、资金投入\n\n2021 年 5 万元。\n\n2021年10月8日\n"
    )
    (document,) = _table(draft_text(text, "q.md").files["documents.csv"])
    assert (document["reference"], document["section_id"]) == ("青扶发〔2021〕7号", "D1-0")
    assert document["issued_on"] == ""  # the date is printed at the end, not in the opening


def test_sections_come_from_the_headings(invented) -> None:
    sections = {
        r["section_id"]: (r["number"], r["title"]) for r in _table(invented.files["sections.csv"])
    }
    assert sections["D1-1.1"] == ("一、（一）", "本级预算安排情况")
    assert sections["D1-3.2"] == ("三、（二）", "项目实施")


def test_years_are_the_budget_and_their_sum_a_total(invented) -> None:
    budget = _table(invented.files["budget.csv"])
    assert [(r["year"], r["amount"], r["unit"], r["section_id"]) for r in budget] == [
        ("2019", "100", "万元", "D1-1.1"),
        ("2020", "120", "万元", "D1-1.1"),
    ]
    totals = _table(invented.files["totals.csv"])
    assert ("budget", "", "220") in {(t["table"], t["filter"], t["stated"]) for t in totals}


def test_batches_passed_on_with_a_date_are_transfers(invented) -> None:
    rows = _table(invented.files["transfers.csv"])
    assert [(r["batch"], r["level"], r["amount"], r["disbursed_on"]) for r in rows] == [
        ("1", "中央", "300", "2021-03-01"),
        ("2", "省级", "200", "2021-04-02"),
    ]
    assert rows[0]["batch_name"] == "中央财政专项扶贫资金"
    assert rows[0]["disbursed_on_printed"] == "2021 年 3 月 1 日"
    totals = _table(invented.files["totals.csv"])
    assert ("transfers", "", "500") in {(t["table"], t["filter"], t["stated"]) for t in totals}


def test_a_rate_divides_the_tables_of_the_figures_it_names(invented) -> None:
    (rate,) = _table(invented.files["indicators.csv"])
    assert (rate["stated"], rate["unit"]) == ("80", "%")
    assert (rate["numerator"], rate["denominator"]) == ("spending[]", "transfers[]")
    (spent,) = _table(invented.files["spending.csv"])
    assert (spent["amount"], spent["printed"]) == ("400", "共支出扶贫资金 400 万元")


def test_households_and_people_are_poverty_counts_at_their_date(invented) -> None:
    rows = _table(invented.files["poverty.csv"])
    assert [(r["measure"], r["value"], r["as_of"]) for r in rows] == [
        ("registered_poor_households", "120", "2021-01-01"),
        ("registered_poor_people", "350", "2021-01-01"),
    ]


def test_projects_by_level_and_their_count_total(invented) -> None:
    rows = _table(invented.files["projects.csv"])
    assert [(r["stage"], r["level"], r["project_count"]) for r in rows] == [
        ("实施", "中央", "2"),
        ("实施", "省级", "1"),
    ]
    totals = _table(invented.files["totals.csv"])
    # the two rows are every project row: the fewest conditions that select them are none
    assert ("projects", "", "project_count", "3") in {
        (t["table"], t["filter"], t["measure"], t["stated"]) for t in totals
    }


def test_a_count_of_meetings_is_supervision_and_english_is_left_to_fill(invented) -> None:
    rows = _table(invented.files["supervision.csv"])
    assert [(r["measure"], r["value"], r["unit"]) for r in rows] == [("召开调度会议", "4", "次")]
    vocabulary = _table(invented.files["vocabulary.csv"])
    assert {r["term"] for r in vocabulary} >= {"中央", "省级"}
    assert all(r["term_en"] == "" for r in vocabulary)
    assert "vocabulary.csv" in invented.files["REVIEW.md"]


def test_every_drafted_fragment_is_printed_in_the_text(invented) -> None:
    flat = "".join(INVENTED.splitlines())
    for name in FIGURE_TABLES:
        for row in _table(invented.files[f"{name}.csv"]):
            for column, cell in row.items():
                if cell and (column == "printed" or column.endswith("_printed")):
                    assert cell in flat, (name, column, cell)


CARRIED_OVER = """\
# 青山州2021年度财政专项扶贫资金绩效自评报告

## 一、资金使用成效

（一）年度资金结转结余情况。截至9月25日，全州结转资金 10 万元。

### 1.东山县结转结余情况。

县级财政专项扶贫资金结转 10 万元，主要为项目尾款和因账号错误未支付成功的结转资金，包括道路项目 1 个，结转资金 2 万元、饮水项目 1 个，结转资金 2 万元、管理费 1 个，结转资金 6 万元，截止 9 月 30 日道路项目尾款 2 万元已支付完毕，其余资金 8 万元计划于 10 月底支付完毕。

青山州扶贫开发办公室
"""


def test_a_group_of_two_kinds_gives_its_items_both_unless_a_phrase_names_the_item() -> None:
    drafted = draft_text(CARRIED_OVER, "q.md")
    rows = _table(drafted.files["carryover.csv"])
    assert [(r["item"], r["kind"], r["payment_status"]) for r in rows] == [
        ("道路项目", "尾款", "已支付"),  # the phrase names this item and its amount
        ("饮水项目", "尾款或支付失败", "计划支付"),  # the same amount, another item: 其余
        ("管理费", "尾款或支付失败", "计划支付"),
    ]
    assert "未印本项属哪一类" in drafted.files["REVIEW.md"]
    # an amount no other item of the list carries needs no name to be the item's
    unnamed = CARRIED_OVER.replace("道路项目尾款 2 万元", "尾款 6 万元").replace(
        "其余资金 8", "其余资金 4"
    )
    rows = _table(draft_text(unnamed, "q.md").files["carryover.csv"])
    assert [(r["kind"], r["payment_status"]) for r in rows] == [
        ("尾款或支付失败", "计划支付"),
        ("尾款或支付失败", "计划支付"),
        ("尾款", "已支付"),
    ]


ALLOCATED = """\
# 青山州2021年度财政专项扶贫资金绩效自评报告

## 一、资金拨付

（一）资金拨付进度。2021 年到位扶贫资金共计 1000 万元。其中：中央财政专项扶贫资金 500 万元（扶贫发展资金 400 万元，少数民族发展资金 100 万元），2021 年 3 月 1 日拨付下达各县市；省级财政专项扶贫资金 100 万元，全部为扶贫发展资金，2021 年 3 月 5 日拨付下达各县市；第一批地方政府债券资金 400 万元，用于支持脱贫攻坚项目，2021 年 4 月 2 日拨付下达各县市。

## 二、资金分配

（一）分配情况。

1.上级资金。纳入 2021 年度财政专项扶贫资金绩效评价的资金总额 1000 万元，其中：中央财政专项资金 500 万元（其中：扶贫发展 400 万元、少数民族发展资金 100 万元），省级财政专项资金 100 万元（均为扶贫发展），地方政府债券资金用于支持脱贫攻坚 400 万元；分县市情况如下：

东山县 600 万元，其中扶贫发展资金 300 万元，少数民族发展资金 100 万元，债券资金用于脱贫攻坚 200 万元；

西山县 400 万元，其中扶贫发展资金 200 万元，债券资金用于脱贫攻坚 200 万元；

2.本级财政专项扶贫资金投入情况。2021 年州财政预算对专项扶贫发展项目的投入，共安排专项资金 60 万元(其中：东山县 20 万元、西山县 40 万元)。

青山州扶贫开发办公室
"""


def test_allocations_name_their_money_and_each_fund_takes_the_report_s_spelling() -> None:
    drafted = draft_text(ALLOCATED, "q.md")
    rows = _table(drafted.files["allocations.csv"])
    assert [(r["funds"], r["place"], r["fund_type"], r["amount"]) for r in rows] == [
        ("绩效评价资金", "东山县", "扶贫发展资金", "300"),  # 纳入…绩效评价的资金总额
        ("绩效评价资金", "东山县", "少数民族发展资金", "100"),
        ("绩效评价资金", "东山县", "地方政府债券资金", "200"),  # 债券资金用于脱贫攻坚
        ("绩效评价资金", "西山县", "扶贫发展资金", "200"),
        ("绩效评价资金", "西山县", "地方政府债券资金", "200"),
        ("州本级资金", "东山县", "扶贫发展资金", "20"),  # 本级; 州财政预算; 专项扶贫发展项目
        ("州本级资金", "西山县", "扶贫发展资金", "40"),
    ]
    assert rows[2]["printed"] == "债券资金用于脱贫攻坚 200 万元"  # the fragment stays as printed
    evaluated = _table(drafted.files["evaluated_funds.csv"])
    assert [(r["level"], r["fund_type"]) for r in evaluated] == [
        ("中央", "扶贫发展资金"),  # 扶贫发展, without 资金
        ("中央", "少数民族发展资金"),
        ("省级", "扶贫发展资金"),  # （均为扶贫发展）
        ("地方政府债券", "地方政府债券资金"),  # a level that is also a fund's name
    ]
    review = drafted.files["REVIEW.md"]
    assert "资金类型“债券资金用于脱贫攻坚”按同一资金在报告中的写法记为“地方政府债券资金”" in review
    assert "资金口径“州本级资金”按总额的标签" in review


def test_own_funds_are_named_after_the_level_printed_before_them() -> None:
    assert funds_name("自治区财政安排专项资金", "本级财政投入情况")[0] == "自治区本级资金"
    assert funds_name("县本级安排专项资金", "资金投入情况")[0] == "县本级资金"
    assert funds_name("共安排专项资金", "本级财政投入情况")[0] == "本级资金"  # no level printed
    assert funds_name("州财政安排专项资金", "资金投入情况")[0] == "州财政安排专项资金"  # no 本级


def test_a_short_name_two_funds_fit_and_words_naming_two_funds_are_left_as_printed() -> None:
    text = (
        "# 青山州2021年度财政专项扶贫资金绩效自评报告\n\n## 一、资金分配\n\n（一）分配情况。\n\n"
        "1.上级资金。安排各县市扶贫资金 450 万元，分县市情况如下：\n\n"
        "东山县 150 万元，其中扶贫发展资金 50 万元，发展资金 100 万元；\n\n"
        "西山县 150 万元，其中扶贫发展资金 50 万元，少数民族发展资金 100 万元；\n\n"
        "南山县 150 万元，其中中央扶贫发展资金 50 万元，少数民族发展资金 100 万元；\n\n"
        "2.县级资金。安排扶贫发展资金和少数民族发展资金 60 万元(其中：东山县 20 万元、西山县 40 万元)。"
        "\n\n青山州扶贫开发办公室\n"
    )
    rows = _table(draft_text(text, "q.md").files["allocations.csv"])
    assert [(r["funds"], r["fund_type"]) for r in rows] == [
        ("安排各县市扶贫资金", "扶贫发展资金"),  # neither 绩效评价 nor 本级: the total's label
        ("安排各县市扶贫资金", "发展资金"),  # 扶贫发展资金 or 少数民族发展资金: not told
        ("安排各县市扶贫资金", "扶贫发展资金"),
        ("安排各县市扶贫资金", "少数民族发展资金"),
        ("安排各县市扶贫资金", "中央扶贫发展资金"),  # the fund at a level, not a fuller name
        ("安排各县市扶贫资金", "少数民族发展资金"),
        ("安排扶贫发展资金和少数民族发展资金", ""),  # two funds named: which is not told
        ("安排扶贫发展资金和少数民族发展资金", ""),
    ]


def test_a_project_row_takes_the_level_its_money_names_over_the_places_its_count_names() -> None:
    text = (
        "# 青山州2021年度财政专项扶贫资金绩效自评报告\n\n## 一、资金使用成效\n\n（一）精准使用情况。"
        "2021 年全州实施项目 5 个，其中：中央 3 个、县市 2 个；项目资金总额 50 万元，其中：中央资金 30 万元、"
        "县级及其他资金 20 万元。\n\n青山州扶贫开发办公室\n"
    )
    drafted = draft_text(text, "q.md")
    rows = _table(drafted.files["projects.csv"])
    assert [(r["level"], r["project_count"], r["amount"], r["count_printed"]) for r in rows] == [
        ("中央", "3", "30", "中央 3 个"),
        ("县级", "2", "20", "县市 2 个"),  # 县市 are the county level's places
    ]
    assert "级次记为资金所印的“县级”" in drafted.files["REVIEW.md"]


def test_spending_takes_the_category_of_the_project_that_prints_the_same_money() -> None:
    text = (
        "# 青山县2021年度财政专项扶贫资金绩效自评报告\n\n## 一、资金使用情况\n\n"
        "2021年共编制项目2个（教育扶持项目1个，雨露计划投资5万元；金融类项目1个，"
        "扶贫小额信贷风险补偿金3万元）。截至目前，共支出扶贫资金13万元（其中产业扶贫5万元，"
        "雨露计划5万元，扶贫小额信贷风险补偿金3万元）。\n\n青山县扶贫开发办公室\n"
    )
    drafted = draft_text(text, "q.md")
    rows = _table(drafted.files["spending.csv"])
    assert [(r["category"], r["amount"], r["printed"]) for r in rows] == [
        ("产业扶贫", "5", "产业扶贫5万元"),  # the same amount, but no project prints it so
        ("教育扶持", "5", "雨露计划5万元"),  # 教育扶持项目1个，雨露计划投资5万元
        ("金融类", "3", "扶贫小额信贷风险补偿金3万元"),
    ]
    assert "类别“教育扶持”取自以“雨露计划”印出同一笔资金的项目行" in drafted.files["REVIEW.md"]


def _fill_for_a_person(directory: Path) -> None:
    """What REVIEW.md asks a person to fill in: English forms, issuers, a source's level."""
    toml = directory / "report.toml"
    lines = toml.read_text(encoding="utf-8").splitlines()
    toml.write_text(
        "\n".join(
            line.replace('= ""', '= "(filled)"') if line.split(" ")[0].endswith("_en") else line
            for line in lines
        )
        + "\n",
        encoding="utf-8",
    )
    levels = [
        r["term"]
        for r in _table((directory / "vocabulary.csv").read_text(encoding="utf-8"))
        if r["vocabulary"] == "level"
    ]
    for path in directory.glob("*.csv"):
        rows = _table(path.read_text(encoding="utf-8"))
        if not rows:
            continue
        for row in rows:
            for column in row:
                chinese = row.get(column.removesuffix("_en"), "(no such column)")
                if (column.endswith("_en") and chinese) or column == "issuer":
                    row[column] = row[column] or "(filled)"  # the English of what is there
            if row.get("vocabulary") == "funding_source" and not row["parent"]:
                row["parent"] = levels[0]
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def drafted(tmp_path: Path, monkeypatch, name: str, text: str, target: str) -> Path:
    """``text`` saved as ``name`` (the text validate finds, by FUNDANALYSIS_SOURCES) and
    drafted into ``tmp_path/target``."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("FUNDANALYSIS_SOURCES", str(tmp_path))
    assert main(["draft", str(tmp_path / name), str(tmp_path / target)]) == 0
    return tmp_path / target


def test_the_draft_validates_once_a_person_fills_what_it_lists(
    tmp_path, capsys, monkeypatch
) -> None:
    target = drafted(tmp_path, monkeypatch, "qingshan-2021.md", INVENTED, "qingshan-2021")
    assert main(["validate", str(target)]) == 1  # English forms are still empty
    assert "title_en" in capsys.readouterr().out
    _fill_for_a_person(target)
    assert main(["validate", str(target)]) == 0, capsys.readouterr().out


def test_drafting_again_keeps_what_a_person_changed(tmp_path, capsys) -> None:
    text = tmp_path / "qingshan-2021.md"
    text.write_text(INVENTED, encoding="utf-8")
    target = tmp_path / "qingshan-2021"
    assert main(["draft", str(text), str(target)]) == 0
    budget = target / "budget.csv"
    edited = budget.read_text(encoding="utf-8").replace("2019,100,万元", "2019,100.0,万元")
    budget.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    text.write_text(INVENTED.replace("350 人", "351 人"), encoding="utf-8")
    assert main(["draft", str(text), str(target)]) == 0
    out = capsys.readouterr().out
    assert budget.read_text(encoding="utf-8") == edited  # the person's edit stays
    assert "yours/budget.csv" in out and "-2019,100.0,万元" in out  # what the draft would change
    assert "351" in (target / "poverty.csv").read_text(encoding="utf-8")  # the drafter's own file
    assert "+registered_poor_people,351" in out
    (target / "grades.csv").unlink()  # a person's choice too: the table is not wanted
    assert main(["draft", str(text), str(target)]) == 0
    assert not (target / "grades.csv").exists()
    assert "grades.csv" in capsys.readouterr().out


def test_a_directory_that_was_not_drafted_is_refused(tmp_path, capsys) -> None:
    text = tmp_path / "t.md"
    text.write_text(INVENTED, encoding="utf-8")
    hand_made = tmp_path / "hand-made"
    hand_made.mkdir()
    (hand_made / "budget.csv").write_text("year\n", encoding="utf-8")
    assert main(["draft", str(text), str(hand_made)]) == 2
    assert "no .draft/" in capsys.readouterr().err
    assert (hand_made / "budget.csv").read_text(encoding="utf-8") == "year\n"
    assert main(["draft", str(tmp_path / "absent.md"), str(tmp_path / "x")]) == 2
    assert "absent.md" in capsys.readouterr().err


# -- the comparison with the shipped, hand-made directories -----------------------------------

_NUMERIC = {"amount", "value", "max_score", "score", "min_score"}


def _titles(rows: list[dict[str, str]]) -> dict[str, str]:
    return {r["section_id"]: "".join(r["title"].split()) for r in rows}


def _key(table: str, row: dict[str, str], titles: dict[str, str]) -> tuple:
    """What a row says: every column but English, printed fragments and the section's id."""
    cells = []
    for column in SPECS[table].columns:
        if column.endswith("_en") or column == "printed" or column.endswith("_printed"):
            continue
        value = row.get(column, "")
        if column == "section_id":
            value = titles.get(value, value)
        elif column in _NUMERIC and value:
            value = str(Decimal(value).normalize())
        cells.append((column, value))
    return tuple(cells)


def reproduced(report: str, text_name: str) -> dict[str, tuple[int, int]]:
    """Per table: (shipped rows the draft reproduces, shipped rows)."""
    shipped = ROOT / "data" / report
    drafted = draft_text(_source(text_name), text_name, report)
    ours = _titles(_table(drafted.files["sections.csv"]))
    theirs = _titles(_table((shipped / "sections.csv").read_text(encoding="utf-8")))
    shares = {}
    for table in FIGURE_TABLES:
        path = shipped / f"{table}.csv"
        rows = _table(path.read_text(encoding="utf-8")) if path.exists() else []
        if not rows:
            continue
        mine = [_key(table, r, ours) for r in _table(drafted.files[f"{table}.csv"])]
        drafted_keys = Counter(mine)
        found = 0
        for row in rows:
            key = _key(table, row, theirs)
            if drafted_keys[key] > 0:
                drafted_keys[key] -= 1
                found += 1
            else:
                print(f"  not reproduced: {table} {_nearest(key, mine)}")
        shares[table] = (found, len(rows))
    return shares


def _nearest(key: tuple, drafted: list[tuple]) -> str:
    """How the drafted row closest to a shipped one differs from it (shipped / drafted)."""
    shipped = dict(key)
    if not drafted:
        return "(no drafted row in this table)"
    closest = dict(min(drafted, key=lambda k: sum(dict(k)[c] != v for c, v in key)))
    return "; ".join(f"{c}: {v} / {closest[c]}" for c, v in shipped.items() if closest[c] != v)


def declared_totals_present(report: str, text_name: str) -> tuple[list[str], int]:
    """Shipped totals the draft does not declare (same table, stated figure, unit, section)."""
    shipped = ROOT / "data" / report
    drafted = draft_text(_source(text_name), text_name, report)
    ours = _titles(_table(drafted.files["sections.csv"]))
    theirs = _titles(_table((shipped / "sections.csv").read_text(encoding="utf-8")))

    def key(row, titles):
        return (
            row["table"],
            Decimal(row["stated"]).normalize(),
            row["unit"],
            titles[row["section_id"]],
        )

    present = Counter(key(r, ours) for r in _table(drafted.files["totals.csv"]))
    declared = _table((shipped / "totals.csv").read_text(encoding="utf-8"))
    missing = []
    for row in declared:
        if present[key(row, theirs)] > 0:
            present[key(row, theirs)] -= 1
        else:
            missing.append(row["total_id"])
    return missing, len(declared)


def _show(report: str, shares: dict[str, tuple[int, int]]) -> float:
    found = sum(f for f, _ in shares.values())
    total = sum(n for _, n in shares.values())
    print(f"\n{report}: {found}/{total} = {found / total:.0%} of the shipped rows reproduced")
    for table, (f, n) in shares.items():
        print(f"  {table:<16} {f:>3}/{n:<3} {f / n:.0%}")
    return found / total


REPORTS = {
    "bazhou-2020": "bazhou-2020-poverty-fund-self-evaluation.md",
    "mancheng-2019": "mancheng-2019-poverty-fund-self-evaluation.md",
}
# The shares measured when this test was last changed: a floor, so that a change that places
# fewer rows is seen. The target (80 % for 巴州) is the test below.
FLOORS = {"bazhou-2020": 0.94, "mancheng-2019": 0.90}


@pytest.mark.parametrize("report", REPORTS)
def test_the_draft_reproduces_the_shipped_rows(report: str) -> None:
    share = _show(report, reproduced(report, REPORTS[report]))
    assert share >= FLOORS[report]


def test_the_draft_of_bazhou_reproduces_four_fifths_of_its_rows() -> None:
    report = "bazhou-2020"
    assert _show(report, reproduced(report, REPORTS[report])) >= 0.80


@pytest.mark.parametrize("report", REPORTS)
def test_every_declared_total_is_in_the_draft(report: str) -> None:
    missing, declared = declared_totals_present(report, REPORTS[report])
    print(
        f"\n{report}: {declared - len(missing)}/{declared} declared totals drafted; missing: {missing}"
    )
    assert not missing


def test_a_draft_of_bazhou_validates_once_filled(tmp_path, capsys, monkeypatch) -> None:
    name = REPORTS["bazhou-2020"]
    target = drafted(tmp_path, monkeypatch, name, _source(name), "bazhou-draft")
    _fill_for_a_person(target)
    capsys.readouterr()
    assert main(["validate", str(target)]) == 0, capsys.readouterr().out
    shutil.rmtree(target)
