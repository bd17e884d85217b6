"""A transcription slip is the transcriber's, never the report's: with the text, it is caught
at its cell, and no finding can hide it; without the text, validate says it did not check.

The scorecard fixture carries its (invented) text in its own ``source/`` folder, so these tests
run with or without FUNDANALYSIS_SOURCES.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fundanalysis.cli import main
from fundanalysis.text.transcription import PREFIX, transcription_problems


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_fixture_agrees_with_its_text(scorecard_dir):
    assert transcription_problems(scorecard_dir) == []


def test_swapped_digits_in_amount_and_printed_are_a_slip_at_their_cell(scorecard_dir, capsys):
    """1200 typed as 1020 in both columns: the row agrees with itself, the total fails, and
    only the text can tell whose error it is."""
    _edit(
        scorecard_dir / "evaluated_funds.csv",
        "中央,,1200,万元,S-1,中央资金1200万元",
        "中央,,1020,万元,S-1,中央资金1020万元",
    )
    (problem,) = transcription_problems(scorecard_dir)
    assert (problem.file, problem.row, problem.column) == ("evaluated_funds.csv", 2, "printed")
    assert problem.message.startswith(PREFIX)
    assert main(["validate", str(scorecard_dir)]) == 1
    out = capsys.readouterr().out
    assert "transcription slips" in out
    assert "not in findings.csv" not in out  # never the suggestion to register a finding


def test_no_finding_can_hide_a_slip(scorecard_dir, capsys):
    _edit(
        scorecard_dir / "evaluated_funds.csv",
        "中央,,1200,万元,S-1,中央资金1200万元",
        "中央,,1020,万元,S-1,中央资金1020万元",
    )
    (scorecard_dir / "findings.csv").write_text(
        "finding_id,title,title_en,checks,correction_ids,explanation,explanation_en,"
        "correct,correct_en,quote_section,quote\n"
        "F1,合计不符,The total does not add up,funds_2017,,各级之和少 180 万元,The levels fall 180 short"
        ",,,,\n",
        encoding="utf-8",
    )
    assert main(["validate", str(scorecard_dir)]) == 1
    assert "evaluated_funds.csv" in capsys.readouterr().out


def test_two_rows_with_their_levels_swapped_are_both_caught(scorecard_dir):
    path = scorecard_dir / "evaluated_funds.csv"
    _edit(path, "中央,,1200,万元,S-1,中央资金1200万元", "省级,,1200,万元,S-1,中央资金1200万元")
    _edit(path, "省级,,400,万元,S-1,省级资金400万元", "中央,,400,万元,S-1,省级资金400万元")
    problems = transcription_problems(scorecard_dir)
    assert [(p.row, p.column, p.value) for p in problems] == [
        (2, "level", "省级"),
        (3, "level", "中央"),
    ]
    assert "中央" in problems[0].message


def test_a_fragment_naming_no_term_says_nothing_of_the_label(scorecard_dir):
    """A fragment that names no level cannot contradict a level: nothing is guessed."""
    path = scorecard_dir / "evaluated_funds.csv"
    _edit(path, "市级,,100,万元,S-1,市级资金100万元", "市级,,100,万元,S-1,100万元")
    assert transcription_problems(scorecard_dir) == []


def test_without_the_text_validate_says_it_did_not_check(scorecard_dir, capsys):
    shutil.rmtree(scorecard_dir / "source")
    assert transcription_problems(scorecard_dir) is None
    assert main(["validate", str(scorecard_dir)]) == 0
    assert "not checked against the text" in capsys.readouterr().out
