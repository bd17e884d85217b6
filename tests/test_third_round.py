"""What a third adversary round found, each case written here from our own inputs: a finding
says nothing the data does not hold and has its English; a page is decoded as a browser
decodes it; a sentence of many figures is read once; a draft writes only cells it can read."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

import fundanalysis as fa
from fundanalysis.cli import main
from fundanalysis.data.errors import DataError
from fundanalysis.text.scan import read_text, scan_text
from fundanalysis.text.scan.figures import extract
from fundanalysis.text.scan.sections import Sections
from fundanalysis.text.scan.verdicts import FAILS, shortest_cut, sum_status


def _edit_finding(data_dir, finding: str, **cells: str) -> None:
    path = data_dir / "findings.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert finding in set(table["finding_id"])
    for column, value in cells.items():
        table.loc[table["finding_id"] == finding, column] = value
    table.to_csv(path, index=False)


def _problems(data_dir) -> set[tuple[str, int, str]]:
    with pytest.raises(DataError) as caught:
        fa.load_report(data_dir).findings  # noqa: B018 (the findings are checked when built)
    return {(p.file, p.row, p.column) for p in caught.value.problems}


def test_a_clause_of_what_is_right_without_its_english_is_refused(data_copy):
    _edit_finding(data_copy, "F3", correct_en="")
    assert ("findings.csv", 3, "correct_en") in _problems(data_copy)


def test_a_quote_without_its_section_is_refused(data_copy):
    _edit_finding(data_copy, "F4", quote="阿克苏来乡")
    assert ("findings.csv", 4, "quote_section") in _problems(data_copy)


def test_a_clause_naming_a_figure_no_table_holds_is_refused(data_copy, capsys):
    # 3100 万元 is what the report means; 3200 万元 is in no table and comes from no check
    _edit_finding(
        data_copy,
        "F1",
        correct="2017 年应为 3200 万元",
        correct_en="2017 should read 3200 万元",
    )
    assert main(["validate", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "'correct'" in out and "'correct_en'" in out and "3200" in out
    assert "internal error" not in out


def test_a_clause_with_the_figures_of_its_checks_is_accepted(data_copy, capsys):
    # 54029.13 万元 is not printed anywhere: it is the sum the check computes of the parts
    _edit_finding(
        data_copy,
        "F3",
        correct="所列各级资金之和为 54029.13 万元",
        correct_en="the levels printed add up to 54029.13 万元",
    )
    assert main(["validate", str(data_copy)]) == 0, capsys.readouterr().out


PAGE = "<p>共下达资金 100 万元，其中中央 60 万元、自治区 40 万元。</p>"


@pytest.mark.parametrize("declared", ["utf-16", "UTF-16LE", "utf-16be"])
def test_a_page_declaring_utf16_over_ascii_bytes_is_read_as_utf8(tmp_path, declared):
    path = tmp_path / "page.html"
    head = f'<html><head><meta charset="{declared}"></head><body>'
    path.write_bytes((head + PAGE + "</body></html>").encode("utf-8"))
    assert "共下达资金 100 万元" in read_text(path)


@pytest.mark.parametrize("declared", ["utf-7", "hz", "utf-32"])
def test_a_page_declaring_a_charset_browsers_do_not_read_is_refused_by_name(tmp_path, declared):
    from fundanalysis.text.scan.readers import InputError

    path = tmp_path / "page.html"
    head = f'<html><head><meta charset="{declared}"></head><body>'
    path.write_bytes((head + PAGE + "</body></html>").encode("utf-8"))
    with pytest.raises(InputError, match=declared):
        read_text(path)


def test_a_page_in_gbk_is_still_read_in_its_declared_charset(tmp_path):
    path = tmp_path / "page.html"
    head = '<html><head><meta charset="gb2312"></head><body>'
    path.write_bytes((head + PAGE + "</body></html>").encode("gb2312"))
    assert "共下达资金 100 万元" in read_text(path)


def _figures(text: str):
    return extract(text, Sections(text))[0]


@pytest.mark.parametrize(
    "values",
    [
        ["9", "1", "2", "3", "4"],  # 2 + 3 + 4, from the second part
        ["5", "7", "8", "2", "3"],  # 2 + 3 is the last pair: no cut leaves fewer than two
        ["10", "1", "2", "3"],  # no tail adds up
        ["1.5", "3", "0.7", "0.8"],  # 0.7 + 0.8, from the second part
        ["4.0", "9", "1.96", "2.04"],  # the same, at two decimals
    ],
)
def test_the_shortest_tail_is_the_one_a_sum_per_tail_finds(values):
    figures = _figures("，".join(f"{v} 万元" for v in values))
    total, parts = figures[0], figures[1:]
    by_each = next(
        (cut for cut in range(1, len(parts) - 1) if sum_status(total, parts[cut:])[0] != FAILS),
        None,
    )
    assert shortest_cut(total, parts) == by_each


def test_a_tail_that_only_rounds_to_the_total_is_found():
    figures = _figures("1.6 万元，9 万元，0.83 万元，0.82 万元")
    assert sum_status(figures[0], figures[2:])[0] == "rounding"
    assert shortest_cut(figures[0], figures[1:]) == 1


def test_a_list_whose_parts_come_first_is_still_read_with_many_figures():
    items = "，".join(f"甲{i}村 {i} 万元" for i in range(1, 401))
    result = scan_text(f"# 甲县\n\n一、投入\n\n{items}，合计 {sum(range(1, 401))} 万元。\n")
    (relation,) = [r for r in result.relations if r.kind == "sum"]
    assert relation.status == "holds" and len(relation.parts) == 400
    assert relation.total.value == Decimal(sum(range(1, 401)))


def test_lines_above_their_total_are_still_read():
    text = "# 甲县\n\n一、投入\n\n甲村 3 万元\n\n乙村 4 万元\n\n以上资金合计 7 万元。\n"
    sums = [r for r in scan_text(text).relations if r.kind == "sum"]
    assert [(r.total.value, len(r.parts)) for r in sums] == [(Decimal(7), 2)]


@pytest.mark.parametrize(
    "ending",
    ["中央", "甲", "  附件：无  ", "共下达资金 100 万元"],
)
def test_a_draft_writes_an_end_anchor_its_own_validate_can_read(tmp_path, ending):
    from fundanalysis.data.parsing import is_text_cell

    text = tmp_path / "r.txt"
    text.write_text(
        "# 甲县2020年财政专项扶贫资金绩效自评报告\n\n一、资金\n\n"
        f"共下达资金 100 万元，其中中央 60 万元、自治区 40 万元。\n{ending}\n",
        encoding="utf-8",
    )
    assert main(["draft", str(text), str(tmp_path / "d")]) == 0
    sections = pd.read_csv(tmp_path / "d" / "sections.csv", dtype=str, keep_default_na=False)
    for anchor in sections["end_anchor"].iloc[:-1]:
        assert is_text_cell(anchor)
    # the last section has no end anchor: it runs to the end of the text, whatever that is
    assert sections["end_anchor"].iloc[-1] == ""
