"""The scan beside the declared checks: stored with the data, re-verified with the text."""

from __future__ import annotations

import shutil

import pytest

from fundanalysis.audit.scanned import SCAN_FILE, checked_scan, scan_table, stored_scan
from fundanalysis.data.errors import DataError


def test_the_stored_scan_is_what_the_text_gives(scorecard_dir):
    table = checked_scan(scorecard_dir)
    # the fixture's text states 1860 = 1200 + 400 + 100 + 160 and 24 = 15 + 6 + 3
    sums = table[table["kind"] == "sum"].set_index("total")
    assert sums.loc["1860万元", "status"] == "holds"
    assert sums.loc["1860万元", "declared"] == "funds_2017"
    assert sums.loc["24个", "parts"] == "15个 + 6个 + 3个"


def test_a_stale_scan_is_refused_where_the_text_is_present(scorecard_dir):
    path = scorecard_dir / SCAN_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(",holds,", ",fails,", 1), "utf-8")
    with pytest.raises(DataError) as error:
        checked_scan(scorecard_dir)
    assert "coverage --write" in str(error.value)


def test_without_the_text_the_stored_scan_is_shown_as_stored(scorecard_dir):
    shutil.rmtree(scorecard_dir / "source")
    assert scan_table(scorecard_dir) is None
    assert checked_scan(scorecard_dir).equals(stored_scan(scorecard_dir))


def test_a_damaged_scan_file_is_a_problem_not_a_crash(scorecard_dir):
    (scorecard_dir / SCAN_FILE).write_text("relation,section\nr1,x\n", encoding="utf-8")
    shutil.rmtree(scorecard_dir / "source")
    with pytest.raises(DataError) as error:
        checked_scan(scorecard_dir)
    assert SCAN_FILE in str(error.value)
