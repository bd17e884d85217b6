"""Random damage to a shipped report: refused with DataError, or read with no other row changed.

hypothesis picks a report, a table of figures, a row, a column and a new cell (numbers in
every form, dates, Chinese, invisible and control characters, quotes, commas, line breaks),
writes the damaged copy and loads it. The library may accept a change that is still valid
data, but then nothing outside the changed row may differ; anything else must be a DataError
(and only that), from the loaders and from the checks alike, and one that names the data's
problem: "unexpected error while reading" is kept for faults of the library, and no damage
reaches it (a cell one layer refuses is never passed on to the next). The second test damages
the declarations (totals, ratios, cross-checks, claims, findings, corrections) the same way.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fundanalysis as fa
from fundanalysis.data.paths import shipped_reports
from fundanalysis.data.specs import FIGURE_TABLES, SPECS

#: What :func:`fundanalysis.data.errors.unexpected` says: for the library's faults only.
UNEXPECTED = "unexpected error while reading"

NASTY = [
    "",
    " ",
    "0",
    "-1",
    "1,58",
    "1,441.16",
    "１５１０",
    "1e3",
    "NaN",
    "inf",
    "9" * 30,
    "0.0000001",
    "2020-02-30",
    "0201-12-06",
    "9999-12-31",
    "1600-01-01",
    "2020/09/30",
    "万元",
    "元",
    "亿元",
    "中央",
    "合计",
    "轮台县",
    "\u200b",
    "a\u200bb",
    "\u00a0",
    "\ufeff中央",
    "\x00",
    "\t",
    "a\nb",
    '"',
    'a"b',
    "=HYPERLINK(1)",
    "<script>",
    "None",
    "null",
    "TRUE",
    "3.1415926535",
]

cells = st.one_of(
    st.sampled_from(NASTY),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=7).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
)


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _damage(data, tables: tuple[str, ...], *, compare: bool = True) -> None:
    source = data.draw(st.sampled_from(shipped_reports()), label="report")
    present = [
        t for t in tables if (source / f"{t}.csv").is_file() and len(read(source / f"{t}.csv")) > 1
    ]
    table = data.draw(st.sampled_from(present), label="table")
    rows = read(source / f"{table}.csv")
    position = data.draw(st.integers(min_value=1, max_value=len(rows) - 1), label="row")
    column = data.draw(st.integers(min_value=0, max_value=len(rows[0]) - 1), label="column")
    value = data.draw(cells, label="cell")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / source.name
        shutil.copytree(source, copy)
        rows[position][column] = value
        write(copy / f"{table}.csv", rows)
        try:
            damaged = fa.load_all(copy)
            fa.reconcile(copy)
            fa.findings(copy)
        except fa.DataError as error:
            assert error.problems and error.render()
            assert UNEXPECTED not in error.render(), error.render()
            return
    if not compare:
        return
    original = fa.load_all(source)
    for name, frame in original.items():
        changed = damaged[name]
        if name == table:  # the same rows in the same order; only the damaged one may differ
            assert len(changed) == len(frame)
            row = position - 1
            frame, changed = frame.drop(index=row), changed.drop(index=row)
        pd.testing.assert_frame_equal(frame, changed)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damage_is_refused_or_stays_in_its_row(data) -> None:
    _damage(data, FIGURE_TABLES)


DECLARATIONS = tuple(name for name in SPECS if name not in FIGURE_TABLES)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_declarations_are_refused_as_the_datas_problem(data) -> None:
    # accepted damage here may rightly change other tables (a vocabulary's English form is every
    # row's): only that it is refused as the data's problem, or accepted, is asserted
    _damage(data, DECLARATIONS, compare=False)
