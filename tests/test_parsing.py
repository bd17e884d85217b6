"""The vectorised parsing path gives exactly what the cell-by-cell reference path gives."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from fundanalysis.parsing import parse_columns

CELL = st.one_of(
    st.sampled_from(
        [
            "",
            " 12",
            "12 ",
            "0012",
            "2020-09-30",
            "2020-02-30",
            "2020/09/30",
            "1.58",
            "1,441.16",
            "-3",
            "１２",
            "a\nb",
            "a\u200bb",
            "1\t2",
            "轮台县",
            "9" * 19,
        ]
    ),
    st.text(alphabet="0123456789-./ 轮", max_size=12),
)
KINDS = {
    "t": "text",
    "t_opt": "text?",
    "i": "int",
    "i_opt": "int?",
    "a": "amount",
    "d": "date",
    "d_opt": "date?",
}


@given(st.lists(st.tuples(*[CELL] * len(KINDS)), min_size=1, max_size=8))
def test_vectorised_parsing_equals_cell_by_cell(rows) -> None:
    raw = pd.DataFrame(rows, columns=list(KINDS), index=range(2, 2 + len(rows)), dtype=object)
    fast, fast_problems = parse_columns(raw, KINDS, "x.csv", vectorise_from=0)
    slow, slow_problems = parse_columns(raw, KINDS, "x.csv", vectorise_from=10**9)
    pd.testing.assert_frame_equal(fast, slow)
    assert sorted(map(repr, fast_problems)) == sorted(map(repr, slow_problems))
