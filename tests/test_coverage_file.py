"""coverage.csv is read and validated like a table; a coverage found against another text is
said to be unverified."""

from __future__ import annotations

from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.analysis import audit
from fundanalysis.cli import main
from fundanalysis.data.stored import coverage_problems

HEADER = "section_id,numbers_printed,covered,not_covered,text_sha256\n"
SHA = "a" * 64


def _problems(directory: Path, body: str, encoding: str = "utf-8") -> list:
    (directory / "coverage.csv").write_bytes((HEADER + body).encode(encoding))
    return coverage_problems(directory, {"SE-0", "SE-1.1"})[1]


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (f"SE-0,abc,4,2020 2020 2020,{SHA}", "numbers_printed"),
        (f"SE-0,{'9' * 30},4,2020,{SHA}", "numbers_printed"),
        (f"SE-0,７,4,2020 2020 2020,{SHA}", "numbers_printed"),  # full-width digit
        (f"SE-0,7e0,4,2020 2020 2020,{SHA}", "numbers_printed"),
        (f"SE-0,,4,2020 2020 2020,{SHA}", "numbers_printed"),
        (f"SE-0,7,-4,2020,{SHA}", "covered"),
        (f"SE-0,7,9,,{SHA}", "covered"),  # more covered than printed
        (f"SE-0,7,4,2020,{SHA}", "not_covered"),  # lists 1 where 3 are missing
        (f"SE-0,7,4,2020 二〇 2020,{SHA}", "not_covered"),
        (f"SE-0,7,4,2020 2020 2020,{'a' * 100_000}", "text_sha256"),
        ("SE-0,7,4,2020 2020 2020,not a checksum", "text_sha256"),
        (f"SE-9,7,4,2020 2020 2020,{SHA}", "section_id"),  # no such section
        (f" SE-0,7,4,2020 2020 2020,{SHA}", "section_id"),
    ],
)
def test_a_bad_cell_is_named_at_its_line_and_column(report_copy, row, column):
    problems = _problems(report_copy, row + "\n")
    assert [(p.file, p.row, p.column) for p in problems] == [("coverage.csv", 2, column)]


def test_a_checksum_of_200000_characters_is_refused_at_its_line(report_copy):
    problems = _problems(report_copy, f"SE-0,7,4,2020 2020 2020,{'a' * 200_000}\n")
    assert [(p.row, p.column) for p in problems] == [(2, None)]
    assert "131,072" in problems[0].message


def test_a_duplicate_section_is_refused(report_copy):
    row = f"SE-1.1,13,13,,{SHA}\n"
    problems = _problems(report_copy, row + row)
    assert [(p.row, p.column) for p in problems] == [(3, "section_id")]
    assert "duplicate" in problems[0].message


def test_an_encoding_other_than_utf8_is_refused(report_copy):
    problems = _problems(report_copy, f"SE-0,7,4,二〇二〇,{SHA}\n", encoding="gb18030")
    assert problems and "UTF-8" in problems[0].message


def test_a_good_file_reads_as_numbers(report_copy):
    body = f"SE-0,7,4,2020 2020 2020,{SHA}\nSE-1.1,13,13,,{SHA}\n"
    (report_copy / "coverage.csv").write_text(HEADER + body, encoding="utf-8")
    table, problems = coverage_problems(report_copy, {"SE-0", "SE-1.1"})
    assert problems == []
    assert list(table["numbers_printed"]) == [7, 13]
    assert list(table["not_covered"]) == ["2020 2020 2020", ""]


def test_validate_refuses_a_damaged_coverage_file(report_copy, capsys):
    path = report_copy / "coverage.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[1].split(",")
    cells[1] = "１２"  # full-width
    lines[1] = ",".join(cells)
    path.write_text("".join(lines), encoding="utf-8")
    assert main(["validate", str(report_copy)]) == 1
    assert "coverage.csv, 第 2 行 (row 2), 列 column 'numbers_printed'" in capsys.readouterr().out


def test_a_coverage_of_another_text_is_said_to_be_unverified(report_copy):
    path = report_copy / "coverage.csv"
    named = fa.load_report(report_copy).info.texts[0].sha256
    path.write_text(path.read_text(encoding="utf-8").replace(named, SHA), encoding="utf-8")
    report = fa.load_report(report_copy)
    table = audit.figure_coverage(report)
    assert not table["verified"].any()
    zh, en = audit.coverage_note(table)
    assert "未经核实" in zh and en.startswith("Unverified")
    assert "word for word" not in en


def test_the_shipped_coverage_is_verified_and_said_so(report_copy):
    table = audit.figure_coverage(fa.load_report(report_copy))
    assert table["verified"].all()
    assert "word for word" in audit.coverage_note(table)[1]


def test_without_the_text_the_note_says_the_data_was_not_checked(report_copy):
    """A site built without the text never says the data was checked word for word."""
    table = audit.figure_coverage(fa.load_report(report_copy))
    zh, en = audit.coverage_note(table, supplied=False)
    assert "未与原文核对" in zh and "was not checked against it" in en
    assert "word for word" not in en
