"""A cell one layer refuses is never passed on to the next: each is named at its own cell, and
none ends in "unexpected error" (kept for the library's own faults)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.data.paths import shipped_reports

REPORTS = {d.name: d for d in shipped_reports()}

CELLS = [
    ("bazhou-2020", "totals", "stated"),
    ("mancheng-2019", "totals", "stated"),
    ("mancheng-2019", "claims", "test"),
    ("bazhou-2020", "crosschecks", "left"),
    ("mancheng-2019", "crosschecks", "right"),
    ("mancheng-2019", "indicators", "numerator"),
    ("mancheng-2019", "indicators", "denominator"),
    ("mancheng-2019", "indicators", "stated"),
]
VALUES = ["", "1,58", " 12", "\u200b12", "nan", "inf", "-1"]


@pytest.mark.parametrize("value", VALUES, ids=repr)
@pytest.mark.parametrize(("report", "table", "column"), CELLS, ids="-".join)
def test_a_refused_cell_is_named_and_goes_no_further(tmp_path, report, table, column, value):
    copy = tmp_path / report
    shutil.copytree(REPORTS[report], copy)
    path = copy / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    with pytest.raises(fa.DataError) as refused:
        fa.load_all(copy)
        fa.reconcile(copy)
    rendered = refused.value.render()
    assert "unexpected error" not in rendered, rendered
    assert (f"{table}.csv", 2, column) in [
        (p.file, p.row, p.column) for p in refused.value.problems
    ]


def test_the_library_own_fault_is_still_reported_as_unexpected(tiny_dir: Path, monkeypatch):
    from fundanalysis.data import tables

    def bug(*_args, **_kwargs):
        raise TypeError("a bug of ours")

    monkeypatch.setattr(tables, "_CACHE", {})
    monkeypatch.setattr(tables, "_load_or_build", bug)
    with pytest.raises(fa.DataError, match="unexpected error while reading: TypeError"):
        fa.load_all(tiny_dir)
