"""What the seventh adversary round left and the eighth found, written from our own inputs:
counts printed in 万人 and 万户, measured totals read by the intervals of their printed figures,
the last section running to the end of its text, a drafted row whose key is taken, shares in the
workbook, and Markdown read as it renders."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

import fundanalysis as fa
from fundanalysis.cli import main
from fundanalysis.publish.workbook import percent_format
from fundanalysis.text.scan import read_text, scan_text
from tests.test_fifth_round import _append
from tests.test_fourth_round import _problems, _replace


def _poverty(tiny_dir, value: str, unit: str, printed: str) -> None:
    _replace(
        tiny_dir / "poverty.csv",
        "registered_poor_people,300,人,2020-01-01,2020年初,T-1,300人",
        f"registered_poor_people,{value},{unit},2020-01-01,2020年初,T-1,{printed}",
    )


def test_a_count_printed_in_wan_is_held_in_its_own_unit(tiny_dir) -> None:
    _poverty(tiny_dir, "3.5", "万人", "贫困人口3.5万人")
    poverty = fa.load_report(tiny_dir).tables["poverty"]
    assert int(poverty["value_micro"].iloc[0]) == 35_000 * 1_000_000


@pytest.mark.parametrize(
    ("value", "unit", "column"),
    [("3.6", "万人", "value"), ("3.5", "万户", "unit"), ("0.00005", "万人", "value")],
)
def test_a_count_in_wan_that_the_text_does_not_print_is_refused(tiny_dir, value, unit, column):
    _poverty(tiny_dir, value, unit, "贫困人口3.5万人")
    assert ("poverty.csv", 2, column) in _problems(tiny_dir)


def test_the_draft_writes_counts_in_wan_as_printed(tmp_path) -> None:
    text = tmp_path / "r.md"
    text.write_text(
        "# 甲县2020年财政专项扶贫资金绩效自评报告\n\n一、基本情况\n\n全县建档立卡贫困人口1.2万户3.5万人。\n",
        encoding="utf-8",
    )
    assert main(["draft", str(text), str(tmp_path / "d")]) == 0
    poverty = pd.read_csv(tmp_path / "d" / "poverty.csv", dtype=str)
    rows = set(zip(poverty["measure"], poverty["value"], poverty["unit"], strict=True))
    assert rows == {
        ("registered_poor_households", "1.2", "万户"),
        ("registered_poor_people", "3.5", "万人"),
    }


def _people_total(tiny_dir, stated: str, unit: str, parts: list[tuple[str, str, str]]) -> dict:
    """A total of people over ``parts`` (value, unit, printed) as poverty rows of one measure
    the data directory declares, and its check."""
    _append(tiny_dir / "vocabulary.csv", "poverty_measure,贫困学生,Poor pupils,")
    for value, part_unit, printed in parts:
        _append(
            tiny_dir / "poverty.csv",
            f"贫困学生,{value},{part_unit},2020-01-{len(printed):02d},2020年1月{len(printed)}日,T-1,{printed}",
        )
    _append(
        tiny_dir / "totals.csv",
        f"pupils,poverty,measure=贫困学生,value,{stated},{unit},T-1,共{stated}{unit},,,学生,Pupils,",
    )
    checks = fa.reconcile(tiny_dir)
    return checks[checks["check"] == "pupils"].iloc[0].to_dict()


def test_a_gap_in_people_is_shown_in_people(tiny_dir) -> None:
    check = _people_total(
        tiny_dir, "301", "人", [("100", "人", "甲100人"), ("200", "人", "乙乙200人")]
    )
    # whole people printed to the person are exact: no rounding to allow
    assert check["status"] == "discrepancy"
    assert "差 1 人" in check["note"] and "1 people" in check["note_en"]


def test_counts_in_wan_stand_for_the_interval_their_last_digit_allows(tiny_dir) -> None:
    # 2.1万 + 1.5万 = 3.6万; but 2.05万–2.15万 plus 1.45万–1.55万 reaches 3.5万's 3.45万–3.55万
    check = _people_total(
        tiny_dir, "3.5", "万人", [("2.1", "万人", "甲2.1万人"), ("1.5", "万人", "乙乙1.5万人")]
    )
    assert check["status"] == "rounding"
    assert check["tolerance"] == Decimal("0.15")


@pytest.mark.parametrize(
    ("share", "threshold", "shown"),
    [
        (0.0099999, 0.01, "0.00000%"),  # 0.99999 %, not 1.00 % against a threshold of 1 %
        (0.0099949, 0.01, "0.000%"),  # 0.999 %
        (0.01, 0.01, "0.00%"),  # at the threshold: 1.00 % is right
        (0.25, 0.01, "0.00%"),
        (0.000001, None, "0.0000%"),  # a gap is never shown as 0.00 %
        (0.0, None, "0.00%"),
    ],
)
def test_a_share_in_the_workbook_never_shows_as_reaching_its_threshold(share, threshold, shown):
    assert percent_format(share, threshold) == shown


def test_the_last_section_runs_to_the_end_of_the_text(tmp_path, monkeypatch) -> None:
    text = tmp_path / "r.md"
    text.write_text(
        "# 甲县2020年财政专项扶贫资金绩效自评报告\n\n一、资金\n\n共下达资金100万元。\n\n"
        "二、项目\n\n共实施项目120个，其中产业项目100个，基础设施项目20个。\n",
        encoding="utf-8",
    )
    assert main(["draft", str(text), str(tmp_path / "d")]) == 0
    sections = pd.read_csv(tmp_path / "d" / "sections.csv", dtype=str, keep_default_na=False)
    assert sections["end_anchor"].iloc[-1] == ""
    monkeypatch.setenv("FUNDANALYSIS_SOURCES", str(tmp_path))
    bodies = _section_bodies(tmp_path / "d", text)
    assert bodies[sections["section_id"].iloc[-1]].endswith("基础设施项目20个。")


def _section_bodies(directory, text) -> dict[str, str]:
    from fundanalysis.text.provenance import section_bodies

    sections = pd.read_csv(directory / "sections.csv", dtype=str, keep_default_na=False)
    lines = {s: n for n, s in enumerate(sections["section_id"], 2)}
    bodies, problems = section_bodies(text.read_text(encoding="utf-8"), sections, lines)
    assert problems == []
    return bodies


def test_only_the_last_section_may_have_no_end_anchor() -> None:
    from fundanalysis.text.provenance import section_bodies

    sections = pd.DataFrame(
        {"section_id": ["A", "B"], "start_anchor": ["一、", "二、"], "end_anchor": ["", ""]}
    )
    _, problems = section_bodies("一、资金100万元。二、项目3个。", sections, {"A": 2, "B": 3})
    assert [(p.file, p.row, p.column) for p in problems] == [("sections.csv", 2, "end_anchor")]


def test_the_draft_lists_a_row_whose_key_another_row_holds(tmp_path) -> None:
    text = tmp_path / "r.md"
    text.write_text(
        "# 甲县2020年财政专项扶贫资金绩效自评报告\n\n一、资金情况\n\n"
        "2020年我县财政专项扶贫资金共1000万元，其中中央资金600万元，省级资金300万元，中央资金100万元。\n",
        encoding="utf-8",
    )
    assert main(["draft", str(text), str(tmp_path / "d")]) == 0
    funds = pd.read_csv(tmp_path / "d" / "evaluated_funds.csv", dtype=str)
    assert not funds.duplicated(["level"]).any()
    review = (tmp_path / "d" / "REVIEW.md").read_text(encoding="utf-8")
    assert "100万元: evaluated_funds.csv 中已有同键的一行" in review


SHOWN = "共1000万元，其中中央资金600万元，省级资金400万元"


@pytest.mark.parametrize(
    "markdown",
    [
        f"{SHOWN}[见附件](http://example.cn/a?县级资金500万元)。",
        f'{SHOWN}[见附件](附件.pdf "县级资金500万元")。',
        f'{SHOWN}。\n\n[1]: http://example.cn/ "县级资金500万元"',
        f"{SHOWN}![县级资金500万元](a.png)。",
        f'{SHOWN}<span style="display:none">，县级资金500万元</span>。',
        f"{SHOWN}<span hidden>，县级资金<b>500</b>万元</span>。",
        f"{SHOWN}<div popover>，县级资金500万元</div>。",
        f'{SHOWN}<div style="display:none"><div>，</div>县级资金500万元</div>。',
        f'{SHOWN}<span title="县级资金500万元">。</span>',
    ],
)
def test_markdown_is_read_as_it_renders(tmp_path, markdown) -> None:
    path = tmp_path / "r.md"
    path.write_text(f"# 甲县\n\n一、资金\n\n{markdown}\n", encoding="utf-8")
    result = scan_text(read_text(path))
    assert [(r.kind, r.status) for r in result.relations] == [("sum", "holds")]


def test_markdown_link_text_and_code_are_read_as_shown(tmp_path) -> None:
    path = tmp_path / "r.md"
    path.write_text(
        "# 甲县\n\n一、资金\n\n共1000万元，其中[中央资金600万元](a.md)，省级资金400万元。\n\n"
        "代码 `[x](500万元)` 照印。\n",
        encoding="utf-8",
    )
    text = read_text(path)
    assert "其中中央资金600万元，" in text and "`[x](500万元)`" in text
    assert text.count("\n") == path.read_text(encoding="utf-8").count("\n")


def _relations(sentence: str) -> list[tuple[str, str, bool]]:
    result = scan_text(f"# 甲县\n\n一、资金\n\n{sentence}\n", "t.md")
    return [(r.kind, r.status, r.certain) for r in result.relations]


def _findings(sentence: str) -> int:
    return len(scan_text(f"# 甲县\n\n一、资金\n\n{sentence}\n", "t.md").findings)


@pytest.mark.parametrize(
    "sentence",
    [
        # two shares after one 占: each of its own part, in order
        "扶贫资金700万元、整合资金300万元，分别占全部资金1000万元的70%和30%。",
        "产业资金500万元，道路资金200万元，各占总投入1000万元的50%、20%。",
        # the part the share is of is named after the comma, not the nearest figure
        "已拨付资金720万元，未拨付80万元，已拨付部分占下达资金800万元的90%。",
        "总投入1000万元，其中中央资金700万元，省级资金300万元，中央资金占总投入1000万元的70%。",
        # the figure before the 占 is a change on the year before, not the part
        "教育资金400万元，较上年增加50万元，占全年资金800万元的50%。",
    ],
)
def test_a_share_whose_part_is_not_the_nearest_figure_is_no_finding(sentence) -> None:
    assert _findings(sentence) == 0
    assert ("rate", "fails", True) not in _relations(sentence)


def test_a_share_stated_wrong_right_after_its_part_is_still_a_finding() -> None:
    assert ("rate", "fails", True) in _relations("中央资金600万元，占总资金1000万元的50%。")


@pytest.mark.parametrize("opener", ["含", "用于", "其中"])
def test_a_parts_own_breakdown_is_not_a_part_of_the_list(opener) -> None:
    sentence = (
        f"共投入900万元，其中中央资金500万元，{opener}产业发展300万元、基础设施200万元，"
        "省级资金400万元。"
    )
    relations = _relations(sentence)
    assert ("sum", "holds", True) in relations or ("sum", "holds", False) in relations
    assert _findings(sentence) == 0
    totals = [
        (r.total.value, [p.value for p in r.parts])
        for r in scan_text(f"# 甲县\n\n一、资金\n\n{sentence}\n", "t.md").relations
    ]
    assert (Decimal(900), [Decimal(500), Decimal(400)]) in totals
    assert (Decimal(500), [Decimal(300), Decimal(200)]) in totals


def test_a_rate_over_parts_that_print_no_figure_says_so(tiny_dir) -> None:
    _append(tiny_dir / "projects.csv", "实施,自治州,,3,,万元,,,3个,,T-1")
    (tiny_dir / "indicators.csv").write_text(
        "indicator_id,stated,unit,numerator,denominator,section_id,printed,description,"
        "description_en,explanation\n"
        "share,100,%,projects[],evaluated_funds[],T-1,项目资金占100%,项目资金占比,Project share,\n",
        encoding="utf-8",
    )
    checks = fa.reconcile(tiny_dir).set_index("check")
    assert "分子中 1 个部分报告未载明数值" in checks.loc["share", "note"]
    assert "1 part(s) of the numerator print no figure" in checks.loc["share", "note_en"]


def test_people_per_household_is_not_shown_as_money(monkeypatch) -> None:
    from fundanalysis.data.paths import shipped_reports
    from fundanalysis.publish import present
    from fundanalysis.publish.views import outcomes

    shown: list[dict] = []
    monkeypatch.setattr(present, "_display", lambda bundle, lang: shown.append(bundle))
    monkeypatch.setattr(outcomes, "show_chart", lambda *args, **kwargs: None)
    outcomes.poverty_reduction(fa.load_report(shipped_reports()[1]))
    (table,) = [b for b in shown if "户均人口" in b.get("text/html", "")]
    assert "万元" not in table["text/html"] and "金额" not in table["text/html"]
    assert "2.12" in table["text/plain"]  # MC 一: 1012 people in 478 households


def test_carryover_projects_stated_are_never_a_zero_for_counts_not_printed(tiny_dir) -> None:
    from fundanalysis.analysis import carryover

    # 甲县's road item prints no count; 乙县's two items print none
    _replace(tiny_dir / "carryover.csv", ",尾款,2,2.002,", ",尾款,,2.002,")
    _replace(tiny_dir / "carryover.csv", "道路项目2个2.002万元", "道路项目2.002万元")
    by_place = carryover.carryover_by_place(fa.load_report(tiny_dir)).set_index("place")
    assert by_place.loc["甲县", "projects_stated"] == 1
    assert by_place.loc["甲县", "items_stating_no_count"] == 1
    assert pd.isna(by_place.loc["乙县", "projects_stated"])  # not 0
    assert by_place.loc["乙县", "items_stating_no_count"] == 2


def test_no_share_of_projects_where_a_row_of_the_stage_prints_no_count(tiny_dir) -> None:
    from fundanalysis.analysis import projects

    _append(tiny_dir / "projects.csv", "实施,县级,,,30,万元,,,,30万元,T-1")
    by_level = projects.projects_by_level(fa.load_report(tiny_dir)).set_index("level")
    assert by_level["share_of_projects"].isna().all()  # not 100 % beside the unprinted count
    assert by_level.loc["中央", "share_of_funds"] == pytest.approx(50 / 80)


def test_a_count_total_with_a_part_that_prints_no_count_says_so(tiny_dir) -> None:
    _append(tiny_dir / "projects.csv", "实施,县级,,,30,万元,,,,30万元,T-1")
    checks = fa.reconcile(tiny_dir).set_index("check")
    assert checks.loc["projects_count", "status"] == "ok"
    assert "1 个部分报告未载明数值" in checks.loc["projects_count", "note"]
    assert "1 part(s) print no figure" in checks.loc["projects_count", "note_en"]


def test_the_funds_under_evaluation_are_named_above_their_table(tiny_dir, monkeypatch) -> None:
    from fundanalysis.publish import present
    from fundanalysis.publish.views import overview

    shown: list[str] = []
    monkeypatch.setattr(
        present, "_display", lambda bundle, lang: shown.append(bundle["text/plain"])
    )
    monkeypatch.setattr(overview, "show_chart", lambda *args, **kwargs: None)
    report = fa.load_report(tiny_dir)
    overview.funds_by_level(report)
    overview.evaluated_funds(report)
    zh = [text for text in shown if "资金" in text]
    # tiny's year's funds come from its transfers; the second table is another total's shares
    assert zh[0].startswith("当年下达的资金，按级次")
    lead = next(
        i for i, text in enumerate(zh) if text.startswith("纳入绩效评价的资金，按级次与类型")
    )
    assert "扶贫发展资金" in zh[lead + 1]  # the lead sits right above its table
