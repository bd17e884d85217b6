"""Bad input: each case is either read correctly or refused naming its file, row and column.

Every case breaks one thing in a copy of the shipped data. Line numbers are counted by hand
from the files (the header is line 1): budget.csv line 3 is the year 2017, carryover.csv
line 2 is Luntai's first item.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import fundanalysis as fa
from fundanalysis.cli import main
from fundanalysis.data.errors import DataError


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems_of(directory: Path) -> list[fa.Problem]:
    with pytest.raises(DataError) as caught:
        fa.load_budget(directory)
    return caught.value.problems


def assert_refused(
    directory: Path, file: str, row: int | None, column: str | None, words: str
) -> None:
    problems = problems_of(directory)
    matching = [p for p in problems if p.file == file and p.row == row and p.column == column]
    assert matching, f"no problem at {file}:{row}:{column}; got {[p.render() for p in problems]}"
    assert any(words in p.message for p in matching), [p.message for p in matching]
    rendered = DataError(matching).render()
    assert file in rendered
    if row is not None:
        assert f"row {row}" in rendered
    if column is not None:
        assert column in rendered


# (file, text to replace, replacement, expected row, expected column, words in the message)
CELL_CASES = [
    ("budget.csv", "2016,1510,", '2016,"1,510",', 2, "amount", "if it separates thousands"),
    (
        "budget.csv",
        "2016,1510,",
        '2016,"1,510.0",',
        2,
        "amount",
        "thousands separator: write 1510.0",
    ),
    ("budget.csv", "2016,1510,", "2016,１５１０,", 2, "amount", "full-width"),
    ("carryover.csv", ",1.58,万元", ",1.5800001,万元", 2, "amount", "more than 6 decimals"),
    ("budget.csv", "2017,3100,元", "2017,3100.001,元", 3, "amount", "more than 2 decimals"),
    ("carryover.csv", ",1.58,万元", ",-1.58,万元", 2, "amount", "negative"),
    ("carryover.csv", ",1.58,万元", ",1.58万元,万元", 2, "amount", "unit column"),
    ("carryover.csv", ",1.58,万元", ",+1.58,万元", 2, "amount", "no sign: write 1.58"),
    ("carryover.csv", ",1.58,万元", ",,万元", 2, "amount", "must not be empty"),
    ("transfers.csv", ",9990,万元", ",9990,美元", 2, "unit", "not a unit of money"),
    ("carryover.csv", "轮台县,1,", "轮台,1,", 2, "place", "unknown value"),
    ("carryover.csv", "轮台县,1,", "轮台县 ,1,", 2, "place", "trailing spaces"),
    ("carryover.csv", "轮台县,1,", ",1,", 2, "place", "must not be empty"),
    ("carryover.csv", "轮台县,2,", "轮台县,1,", 3, "place", "the same as row 2"),
    ("carryover.csv", "轮台县,1,", "轮台县,one,", 2, "seq", "whole number"),
    ("budget.csv", "2017,", "2017.0,", 3, "year", "whole number"),
    ("budget.csv", "2016,", "1900,", 2, "year", "too small"),
    (
        "carryover.csv",
        ",2020-09-30,上述资金已于9月30日支付完毕,SE-4.1.1,阿克萨来乡月堂村扶贫创业基地",
        ",2020/09/30,上述资金已于9月30日支付完毕,SE-4.1.1,阿克萨来乡月堂村扶贫创业基地",
        2,
        "payment_date",
        "YYYY-MM-DD",
    ),
    ("transfers.csv", "2020-02-04", "2020-02-30", 6, "disbursed_on", "no such date"),
    ("transfers.csv", "2020-02-04", "", 6, "disbursed_on", "must not be empty"),
    ("carryover.csv", ",质量保证金,1,1.58,", ",质保金,1,1.58,", 2, "kind", "unknown value"),
    (
        "carryover.csv",
        ",质量保证金,1,1.58,",
        ",质量保证金,0,1.58,",
        2,
        "project_count",
        "too small",
    ),
    (
        "carryover.csv",
        ",万元,已支付,2020-09-30,上述资金已于9月30日支付完毕,SE-4.1.1,阿克萨来乡月堂村扶贫创业基地",
        ",万元,已付,2020-09-30,上述资金已于9月30日支付完毕,SE-4.1.1,阿克萨来乡月堂村扶贫创业基地",
        2,
        "payment_status",
        "not an allowed value",
    ),
    (
        "carryover.csv",
        "SE-4.1.1,阿克萨来乡月堂村扶贫创业基地",
        "SE-9.9,阿克萨来乡月堂村扶贫创业基地",
        2,
        "section_id",
        "unknown value",
    ),
    (
        "carryover.csv",
        "轮台县,1,中央财政专项扶贫资金,中央财政专项扶贫资金,",
        "轮台县,1,中央财政专项扶贫资金,中央资金,",
        2,
        "funding_source",
        "unknown value",
    ),
    (
        "allocations.csv",
        "绩效评价资金,库尔勒市,",
        "评价资金,库尔勒市,",
        2,
        "funds",
        "unknown value",
    ),
    (
        "transfers.csv",
        "1,中央提前下达财政专项扶贫资金,Central funds issued in advance,中央,扶贫发展资金",
        "1,中央提前下达财政专项扶贫资金,Central funds issued in advance,中枢,扶贫发展资金",
        2,
        "level",
        "unknown value",
    ),
    ("budget.csv", "2016,1510,", "2016,1000000000.000001,", 2, "amount", "too large"),
    (
        "carryover.csv",
        "阿克萨来乡月堂村温室大棚建设项目,",
        '"阿克萨来乡月堂村\n温室大棚建设项目",',
        3,
        "item",
        "line break",
    ),
    (
        "corrections.csv",
        "C1,budget,year=2017,unit,元,",
        "C1,budget,year=2017,unit,美元,",
        2,
        "printed",
        "does not match",
    ),
    (
        "corrections.csv",
        "C1,budget,year=2017,",
        "C1,budget,year=2027,",
        2,
        "filter",
        "exactly one row",
    ),
    (
        "corrections.csv",
        "C1,budget,year=2017,unit,",
        "C1,budget,year=2017,year,",
        2,
        "column",
        "cannot be corrected",
    ),
    ("corrections.csv", "C1,budget,", "C1,budgets,", 2, "table", "unknown table"),
    (
        "totals.csv",
        "transfers_batch_1,transfers,batch=1,",
        "transfers_batch_1,transfers,batch_no=1,",
        4,
        "filter",
        "no such column",
    ),
    (
        "totals.csv",
        "transfers_batch_1,transfers,",
        "transfers_batch_1,transfer,",
        4,
        "table",
        "unknown table",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "row", "column", "words"), CELL_CASES)
def test_bad_cell_is_refused_with_its_place(
    data_copy: Path, file, old, new, row, column, words
) -> None:
    replace_in(data_copy / file, old, new)
    assert_refused(data_copy, file, row, column, words)


def test_row_with_too_many_cells(data_copy: Path) -> None:
    replace_in(
        data_copy / "budget.csv",
        "2018,3800,万元,SE-1.1,2018 年 3800 万元",
        "2018,3800,万元,SE-1.1,2018 年 3800 万元,extra",
    )
    assert_refused(data_copy, "budget.csv", 4, None, "row has 6 cells")


def test_missing_column(data_copy: Path) -> None:
    lines = (data_copy / "budget.csv").read_text(encoding="utf-8").splitlines()
    (data_copy / "budget.csv").write_text(
        "\n".join(",".join(line.split(",")[:-1]) for line in lines) + "\n", encoding="utf-8"
    )
    assert_refused(data_copy, "budget.csv", 1, "printed", "column is missing")


def test_extra_column(data_copy: Path) -> None:
    replace_in(data_copy / "vocabulary.csv", "term_en,parent", "term_en,parent,note")
    assert_refused(data_copy, "vocabulary.csv", 1, "note", "unexpected column")


def test_duplicated_header(data_copy: Path) -> None:
    replace_in(data_copy / "vocabulary.csv", "term_en,parent", "term_en,term")
    assert_refused(data_copy, "vocabulary.csv", 1, "term", "column appears twice")


def test_empty_file(data_copy: Path) -> None:
    (data_copy / "poverty.csv").write_bytes(b"")
    assert_refused(data_copy, "poverty.csv", 1, None, "file is empty")


def test_header_only_means_not_reported(data_copy: Path) -> None:
    header = (data_copy / "supervision.csv").read_text(encoding="utf-8").splitlines()[0]
    (data_copy / "supervision.csv").write_text(header + "\n", encoding="utf-8")
    supervision = fa.load_supervision(data_copy)
    assert supervision.empty and "measure" in supervision.columns
    assert str(supervision["value_micro"].dtype) == "Int64"  # typed, though empty


def test_absent_file_means_not_reported_but_totals_over_it_are_errors(data_copy: Path) -> None:
    (data_copy / "projects.csv").unlink()
    # totals.csv line 50 states 551 implemented projects: its parts are gone
    assert_refused(data_copy, "totals.csv", 50, "filter", "selects no rows")


def test_gbk_file_is_refused_at_its_first_chinese_line(data_copy: Path) -> None:
    text = (data_copy / "budget.csv").read_text(encoding="utf-8")
    (data_copy / "budget.csv").write_bytes(text.encode("gbk"))
    assert_refused(data_copy, "budget.csv", 2, None, "GBK")


def test_every_problem_is_reported_at_once(data_copy: Path) -> None:
    replace_in(data_copy / "budget.csv", "2016,1510,", "2016,1510.0000001,")
    replace_in(data_copy / "carryover.csv", "轮台县,1,", "轮台,1,")
    files = {p.file for p in problems_of(data_copy)}
    assert files == {"budget.csv", "carryover.csv"}


def test_utf8_with_bom_reads_the_same(data_copy: Path) -> None:
    path = data_copy / "carryover.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    pd.testing.assert_frame_equal(fa.load_carryover(data_copy), fa.load_carryover())


def test_crlf_line_endings_read_the_same(data_copy: Path) -> None:
    path = data_copy / "carryover.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    pd.testing.assert_frame_equal(fa.load_carryover(data_copy), fa.load_carryover())


def test_blank_lines_are_skipped_and_line_numbers_kept(data_copy: Path) -> None:
    path = data_copy / "budget.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], "", lines[1], "", *lines[2:]]) + "\n", encoding="utf-8")
    assert len(fa.load_budget(data_copy)) == 5
    replace_in(path, "2017,3100,元", "2017,3100,美元")
    # 2017 moved from line 3 to line 5 with the two blank lines above it
    assert_refused(data_copy, "budget.csv", 5, "unit", "not a unit of money")


def test_text_is_kept_exactly_as_written(data_copy: Path) -> None:
    replace_in(
        data_copy / "carryover.csv",
        "Transport Bureau rural road,尾款,1,24.58",
        "Transport  Bureau, rural road,尾款,1,24.58",
    )
    # the comma makes an extra cell: refused, not silently merged or dropped
    assert_refused(data_copy, "carryover.csv", 5, None, "row has 16 cells")


def test_leaf_that_no_longer_matches_its_total_fails_validation(
    data_copy: Path, capsys, monkeypatch
) -> None:
    """Without the text, the total is named; with it, the leaf is a transcription slip (see
    tests/test_transcription.py), which is what this edit is."""
    monkeypatch.delenv("FUNDANALYSIS_SOURCES", raising=False)
    replace_in(data_copy / "carryover.csv", ",16.81,万元", ",16.82,万元")
    replace_in(data_copy / "carryover.csv", "项目管理费 16.81 万元", "项目管理费 16.82 万元")
    assert main(["validate", str(data_copy)]) == 1
    out = capsys.readouterr().out
    # totals.csv line 49 is carryover_ruoqiang_county_tail (65.756201, printed to the 分): its
    # items now sum 0.01 higher, more than the half-分 steps of 65.756201 and of its items
    # printed to 6 decimals, plus 0.005 for 16.82, can explain
    assert "totals.csv, 第 49 行 (row 49): 核对不成立且未登记于 findings.csv" in out
    assert "computed 65.766201" in out


# Kinds of bad input of issue 10: each refused once, at its place, with a message that is right.

YEAR_TYPOS = ["0201-12-06", "9999-12-31", "1600-01-01"]


@pytest.mark.parametrize("typo", YEAR_TYPOS)
def test_a_date_outside_any_report_is_refused_not_a_crash(data_copy: Path, typo: str) -> None:
    replace_in(data_copy / "transfers.csv", "2020-02-04", typo)
    assert_refused(data_copy, "transfers.csv", 6, "disbursed_on", "implausible year")


def test_one_bad_cell_is_one_problem(data_copy: Path) -> None:
    replace_in(
        data_copy / "carryover.csv", ",1.58,万元", ",1,58,万元".replace(",1,58,", ',"1,58",')
    )
    problems = problems_of(data_copy)
    assert len(problems) == 1, [p.render() for p in problems]
    (problem,) = problems
    assert (problem.row, problem.column) == (2, "amount")
    assert "write 1.58" in problem.message  # a decimal comma, not a thousands separator


@pytest.mark.parametrize(
    ("character", "shown"),
    [("\u200b", "\\u200b"), ("\x00", "\\u0000"), ("\t", "\\u0009"), ("\u00a0", "\\u00a0")],
)
def test_invisible_characters_are_refused_and_shown(
    data_copy: Path, character: str, shown: str
) -> None:
    replace_in(data_copy / "carryover.csv", "轮台县,1,", f"轮台{character}县,1,")
    problems = problems_of(data_copy)
    assert len(problems) == 1
    assert "invisible character" in problems[0].message
    assert shown in problems[0].render()


def test_an_invisible_character_in_a_header_is_shown(data_copy: Path) -> None:
    replace_in(data_copy / "budget.csv", "year,amount", "year,\u200bamount")
    rendered = DataError(problems_of(data_copy)).render()
    assert "'\\u200bamount'" in rendered


def test_a_quote_left_open_is_named_where_it_starts(data_copy: Path) -> None:
    replace_in(
        data_copy / "carryover.csv",
        ",Transport Bureau rural road,",
        ',"Transport Bureau rural road,',
    )
    problems = problems_of(data_copy)
    assert [(p.file, p.row) for p in problems] == [("carryover.csv", 5)]
    assert "quote" in problems[0].message


def test_a_cell_over_the_size_limit_is_one_problem(data_copy: Path) -> None:
    replace_in(
        data_copy / "carryover.csv", "Transport Bureau rural road", '"' + "x" * 200_000 + '"'
    )
    problems = problems_of(data_copy)
    assert [(p.file, p.row) for p in problems] == [("carryover.csv", 5)]
    assert "longer than" in problems[0].message


def test_a_figure_must_be_the_one_its_text_prints(data_copy: Path) -> None:
    # two amounts swapped between rows: the totals still add up, each row is refused
    path = data_copy / "carryover.csv"
    text = path.read_text(encoding="utf-8")
    text = (
        text.replace(",1.58,万元,", ",@,", 1)
        .replace(",2.64,万元,", ",1.58,万元,", 1)
        .replace(",@,", ",2.64,万元,", 1)
    )
    path.write_text(text, encoding="utf-8")
    problems = problems_of(data_copy)
    assert {(p.row, p.column) for p in problems} == {(2, "amount"), (3, "amount")}
    assert all("does not agree with its own printed text" in p.message for p in problems)


def test_a_date_must_be_the_one_its_text_prints(data_copy: Path) -> None:
    replace_in(
        data_copy / "transfers.csv",
        "2019-12-30,2019 年 12 月 30 日",
        "2019-11-30,2019 年 12 月 30 日",
    )
    assert_refused(data_copy, "transfers.csv", 5, "disbursed_on", "date as printed")


@pytest.mark.parametrize(
    ("old", "new", "column", "words"),
    [
        (",amount,107941,万元,SE-2.1", ",amount,107941,个,SE-2.1", "unit", "unit does not fit"),
        # 亿元 is money, but not what the sentence prints: the figure is refused against its text
        (",amount,107941,万元,SE-2.1", ",amount,10.7941,亿元,SE-2.1", "stated", "does not print"),
        (",project_count,551,个,", ",project_count,551.5,个,", "stated", "whole number"),
    ],
)
def test_a_total_whose_unit_or_count_cannot_be_right(
    data_copy: Path, old, new, column, words
) -> None:
    replace_in(data_copy / "totals.csv", old, new)
    line = 3 if "107941" in old else 50
    assert_refused(data_copy, "totals.csv", line, column, words)


def test_a_total_made_of_itself(data_copy: Path) -> None:
    replace_in(
        data_copy / "totals.csv",
        "totals,total_id=carryover_luntai_headline|",
        "totals,total_id=carryover_all_vs_counties|carryover_luntai_headline|",
    )
    assert_refused(data_copy, "totals.csv", 21, "filter", "made of itself")


def test_a_total_of_nothing(data_copy: Path) -> None:
    replace_in(
        data_copy / "totals.csv",
        "transfers_batch_1,transfers,batch=1,",
        "transfers_batch_1,transfers,batch=8,",
    )
    assert_refused(data_copy, "totals.csv", 4, "filter", "selects no rows")


def test_a_correction_citing_no_check(data_copy: Path) -> None:
    replace_in(data_copy / "corrections.csv", ",budget_2016_2020", ",budget_2016_2021")
    assert_refused(data_copy, "corrections.csv", 2, "evidence", "no such check")


def test_a_problem_in_a_correction_names_the_correction(data_copy: Path) -> None:
    replace_in(data_copy / "corrections.csv", "C1,budget,year=2017,", "C1,budget,year=2027,")
    (problem,) = [p for p in problems_of(data_copy) if p.file == "corrections.csv"]
    assert "correction C1" in problem.message


def test_a_missing_or_wrong_directory_is_one_problem(tmp_path: Path, capsys) -> None:
    for path in (tmp_path / "nowhere", tmp_path / "file.csv"):
        if path.name.endswith(".csv"):
            path.write_text("x", encoding="utf-8")
        with pytest.raises(DataError) as caught:
            fa.load_report(path)
        assert len(caught.value.problems) == 1


def test_an_unreadable_file_is_named(data_copy: Path, monkeypatch) -> None:
    import os

    original = os.open

    def refuse(path, *args, **kwargs):  # a data file is opened so as never to follow a link
        if Path(path).name == "budget.csv":
            raise PermissionError(13, "Permission denied")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert_refused(data_copy, "budget.csv", None, None, "cannot read the file: Permission denied")


def test_a_directory_where_a_table_should_be(data_copy: Path) -> None:
    (data_copy / "budget.csv").unlink()
    (data_copy / "budget.csv").mkdir()
    assert_refused(data_copy, "budget.csv", None, None, "not a file")


def test_the_command_with_its_output_closed_does_not_crash(data_copy: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "fundanalysis.cli", "validate", str(data_copy)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
        pass_fds=(),
        preexec_fn=lambda: __import__("os").close(1),
    )
    assert result.returncode in (0, 2)
    assert b"Traceback" not in result.stderr


def test_a_check_id_used_twice_across_files(data_copy: Path) -> None:
    path = data_copy / "crosschecks.csv"
    line = (
        path.read_text(encoding="utf-8")
        .splitlines()[1]
        .replace("cross_evaluated_vs_transfers", "budget_2016_2020", 1)
    )
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    assert_refused(data_copy, "crosschecks.csv", 18, "check_id", "check ids must be unique")


@pytest.mark.parametrize("texts", ['texts = "bazhou.md"', "texts = [1, 2]"])
def test_report_toml_of_the_wrong_shape(data_copy: Path, texts: str) -> None:
    path = data_copy / "report.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(texts + "\n" + text[: text.index("\n[[texts]]")] + "\n", encoding="utf-8")
    assert_refused(data_copy, "report.toml", None, "texts", "list of [[texts]] tables")


def test_a_cross_check_that_checks_nothing(data_copy: Path) -> None:
    replace_in(data_copy / "crosschecks.csv", "transfers[level!=自治州]", "evaluated_funds[]")
    assert_refused(data_copy, "crosschecks.csv", 2, "right", "both sides are the same")
    replace_in(
        data_copy / "crosschecks.csv",
        "evaluated_funds[fund_type=扶贫发展资金],",
        "evaluated_funds[fund_type=扶贫 发展资金],",
    )
    assert_refused(data_copy, "crosschecks.csv", 3, "left", "selects no rows")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "2019-01-01,2019年初,MC-1,2019年初我区建档立卡贫困人口478户1012人",
            "2019-06-30,2019年初,MC-1,2019年初我区建档立卡贫困人口478户1012人",
        ),
        (
            "2019-09-30,截至9月底,MC-1,动态调整后在册建档立卡人员469户982人",
            "2019-09-01,截至9月底,MC-1,动态调整后在册建档立卡人员469户982人",
        ),
        (
            "2019-01-01,2019年初,MC-1,2019年初我区建档立卡贫困人口478户1012人",
            ",2019年初,MC-1,2019年初我区建档立卡贫困人口478户1012人",
        ),
    ],
)
def test_dates_printed_as_periods(tmp_path: Path, old: str, new: str) -> None:
    import shutil

    from fundanalysis.data.paths import shipped_reports

    copy = tmp_path / "mc"
    shutil.copytree(shipped_reports()[1], copy)
    replace_in(copy / "poverty.csv", old, new)
    problems = problems_of(copy)
    assert [(p.file, p.column) for p in problems] == [("poverty.csv", "as_of")]


def test_a_date_printed_without_its_year_lies_near_the_report(data_copy: Path) -> None:
    replace_in(
        data_copy / "carryover.csv",
        "已支付,2020-09-30,上述资金已于9月30日支付完毕",
        "已支付,2021-09-30,上述资金已于9月30日支付完毕",
    )
    assert_refused(data_copy, "carryover.csv", 2, "payment_date", "year")


def test_a_finding_whose_checks_all_hold(data_copy: Path, capsys) -> None:
    replace_in(
        data_copy / "findings.csv",
        "F3,项目资金分项漏列债券资金,The breakdown of project funds leaves out the bond funds,projects_implemented_funds,",
        "F3,项目资金分项漏列债券资金,The breakdown of project funds leaves out the bond funds,transfers_2020,",
    )
    assert main(["validate", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert (
        "findings.csv, 第 3 行 (row 3), 列 column 'checks'" in out
        and "none of its checks fails" in out
    )


def test_piped_into_head_a_failing_validation_still_exits_1(data_copy: Path) -> None:
    import subprocess
    import sys

    replace_in(data_copy / "budget.csv", "2016,1510,", "2016,1510.0000001,")
    result = subprocess.run(
        f"{sys.executable} -m fundanalysis.cli validate {data_copy} | head -1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1 and b"Traceback" not in result.stderr


def test_a_row_with_an_unquoted_comma_says_to_quote_it(data_copy: Path) -> None:
    """Seven columns, nine cells: the hint names the cause (a comma inside a cell)."""
    path = data_copy / "allocations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] += ",甲,乙"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_refused(data_copy, "allocations.csv", 2, None, "must be quoted")


def test_the_cell_limit_is_ours_whatever_the_process_set(data_copy: Path) -> None:
    import csv

    before = csv.field_size_limit(10**9)  # as another library (frictionless) leaves it
    try:
        test_a_cell_over_the_size_limit_is_one_problem(data_copy)
    finally:
        csv.field_size_limit(before)
