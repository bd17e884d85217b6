"""The vectorised parsing path gives exactly what the cell-by-cell reference path gives."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fundanalysis.data.parsing import parse_columns

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


@settings(deadline=None)  # a property, not a timing: a loaded machine must not fail it
@given(st.lists(st.tuples(*[CELL] * len(KINDS)), min_size=1, max_size=8))
def test_vectorised_parsing_equals_cell_by_cell(rows) -> None:
    raw = pd.DataFrame(rows, columns=list(KINDS), index=range(2, 2 + len(rows)), dtype=object)
    fast, fast_problems = parse_columns(raw, KINDS, "x.csv", vectorise_from=0)
    slow, slow_problems = parse_columns(raw, KINDS, "x.csv", vectorise_from=10**9)
    pd.testing.assert_frame_equal(fast, slow)
    assert sorted(map(repr, fast_problems)) == sorted(map(repr, slow_problems))


@pytest.mark.parametrize(
    ("blank_every", "newline", "last_newline"),
    [(97, "\r\n", True), (97, "\n", False), (None, "\r\n", True), (None, "\n", False)],
)
def test_arrow_reads_large_files_exactly_as_the_csv_module(
    tmp_path, monkeypatch, blank_every, newline, last_newline
) -> None:
    """The fast reader gives the same text, in the same rows, at the same line numbers."""
    from fundanalysis.data import csvfile

    lines = ["a,b,c"]
    for number in range(1, 3001):
        lines.append(f"{number},轮台县 {number},{number / 7:.6f}")
        if blank_every and number % blank_every == 0:
            lines.append("")  # blank lines are skipped and keep the numbering
    path = tmp_path / "big.csv"
    text = "\ufeff" + newline.join(lines) + (newline if last_newline else "")
    path.write_bytes(text.encode("utf-8"))
    monkeypatch.setattr(csvfile, "ARROW_FROM", 10**12)
    exact = csvfile.read_text_table(path, ["a", "b", "c"])
    assert csvfile._read_with_arrow(path.read_bytes(), ["a", "b", "c"]) is not None
    monkeypatch.setattr(csvfile, "ARROW_FROM", 0)
    fast = csvfile.read_text_table(path, ["a", "b", "c"])
    pd.testing.assert_frame_equal(fast, exact)
    assert fast.index[96:98].tolist() == ([98, 100] if blank_every else [98, 99])


def test_arrow_leaves_quotes_and_bad_rows_to_the_exact_reader(tmp_path) -> None:
    from fundanalysis.data import csvfile

    quoted = b'a,b\n1,"x,y"\n'
    ragged = b"a,b\n1,2,3\n"
    assert csvfile._read_with_arrow(quoted, ["a", "b"]) is None
    assert csvfile._read_with_arrow(ragged, ["a", "b"]) is None


def test_vocabulary_lookups_are_the_same_on_both_paths(monkeypatch) -> None:
    """Long columns look terms up by one Arrow take; short ones in Python: same result."""
    from fundanalysis.data import derive

    values = pd.Series(["甲县", "乙县", None, "丙县", "甲县"], dtype="str")
    mapping = {"甲县": "County A", "乙县": "County B"}
    short = derive._lookup(values, mapping)
    monkeypatch.setattr(derive, "LARGE", 0)
    long = derive._lookup(values, mapping)
    pd.testing.assert_series_equal(long, short)
    assert long.tolist() == ["County A", "County B", "", "", "County A"]
