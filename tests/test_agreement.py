"""Whether each figure is the one its own text prints: the all-rows-at-once path for long tables
finds exactly what the row-by-row reference finds."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from fundanalysis.data.agreement import disagreements
from fundanalysis.data.loaders import load_table
from fundanalysis.data.specs import SPECS

CARRYOVER = load_table("carryover")

#: Ways to break (or keep) one row's agreement with its text.
EDITS = {
    "as is": lambda row: row,
    "swapped digit": lambda row: {**row, "amount": row["amount"][::-1]},
    "inside a longer number": lambda row: {
        **row,
        "printed": f"项目{row['project_count']}个，结转资金1{row['amount']}{row['unit_as_printed']}",
    },
    "space before the unit": lambda row: {
        **row,
        "printed": row["printed"].replace(f"{row['amount']}万元", f"{row['amount']} 万元"),
    },
    "figure first": lambda row: {**row, "printed": f"{row['amount']}万元，{row['printed']}"},
    "no amount": lambda row: {**row, "amount": None},
    "no text": lambda row: {**row, "printed": None},
    "other unit printed": lambda row: {**row, "unit_as_printed": "元"},
    "count changed": lambda row: {  # a row that prints no count gets one its text lacks
        **row,
        "project_count": 1 if pd.isna(row["project_count"]) else row["project_count"] + 1,
    },
}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(sorted(EDITS)), min_size=1, max_size=len(CARRYOVER)))
def test_all_rows_at_once_finds_what_row_by_row_finds(edits) -> None:
    rows = [
        EDITS[edit](row) for edit, row in zip(edits, CARRYOVER.to_dict("records"), strict=False)
    ]
    frame = pd.DataFrame(rows, columns=CARRYOVER.columns).astype(CARRYOVER.dtypes.to_dict())
    frame.index = range(2, 2 + len(frame))
    spec = SPECS["carryover"]
    at_once = disagreements(spec, frame, 2020, vectorise_from=0)
    one_by_one = disagreements(spec, frame, 2020, vectorise_from=10**9)
    assert sorted(map(repr, at_once)) == sorted(map(repr, one_by_one))


def _edited(edit: str) -> pd.DataFrame:
    rows = [EDITS[edit](row) for row in CARRYOVER.to_dict("records")]
    frame = pd.DataFrame(rows, columns=CARRYOVER.columns).astype(CARRYOVER.dtypes.to_dict())
    frame.index = range(2, 2 + len(frame))
    return frame


def test_a_figure_inside_a_longer_number_is_refused_on_both_paths() -> None:
    frame = _edited("inside a longer number")
    for vectorise_from in (0, 10**9):
        problems = disagreements(SPECS["carryover"], frame, 2020, vectorise_from=vectorise_from)
        assert [(p.row, p.column) for p in problems] == [(line, "amount") for line in frame.index]


def test_a_space_before_the_unit_is_accepted_on_both_paths() -> None:
    frame = _edited("space before the unit")
    for vectorise_from in (0, 10**9):
        assert disagreements(SPECS["carryover"], frame, 2020, vectorise_from=vectorise_from) == []
