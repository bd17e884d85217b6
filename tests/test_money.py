"""Exact parsing of amounts: never through float, refusing anything it would have to change."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fundanalysis.data.money import (
    INT64_MAX,
    TOO_LARGE,
    AmountError,
    fen_to_wan,
    format_wan,
    parse_amount,
    parse_decimal,
)


@pytest.mark.parametrize(
    ("text", "unit", "fen"),
    [
        ("142.922302", "万元", 142_922_302),
        ("5.39946", "万元", 5_399_460),
        ("38", "万元", 38_000_000),
        ("0.285", "万元", 285_000),
        ("3100", "元", 310_000),
        ("0.01", "元", 1),
        ("000.5", "万元", 500_000),
    ],
)
def test_amounts_read_exactly(text: str, unit: str, fen: int) -> None:
    assert parse_amount(text, unit) == fen


@pytest.mark.parametrize(
    ("text", "unit", "reason"),
    [
        ("1,441.16", "万元", "thousands separator"),
        ("１５１０", "万元", "full-width"),
        ("0.1234567", "万元", "more than 6 decimals"),
        ("0.001", "元", "more than 2 decimals"),
        ("-7.36", "万元", "negative"),
        ("1.58万元", "万元", "not a plain number"),
        (" 1.58", "万元", "spaces"),
        ("1.58 ", "万元", "spaces"),
        ("", "万元", "empty"),
        ("1e3", "万元", "not a plain number"),
        ("1.", "万元", "not a plain number"),
        ("NaN", "万元", "not a plain number"),
        ("12", "美元", "unknown unit"),
    ],
)
def test_lossy_or_ambiguous_amounts_are_refused(text: str, unit: str, reason: str) -> None:
    with pytest.raises(AmountError, match=reason):
        parse_amount(text, unit)


def test_format_shows_only_printed_decimals() -> None:
    assert format_wan(1_441_160_000) == "1,441.16 万元"
    assert format_wan(16_160_000_000) == "16,160 万元"
    assert fen_to_wan(142_922_302) == Decimal("142.922302")


@given(st.decimals(min_value=0, max_value=10**9, places=6, allow_nan=False, allow_infinity=False))
def test_any_amount_with_six_decimals_round_trips(value: Decimal) -> None:
    text = f"{value:f}"
    fen = parse_amount(text, "万元")
    assert fen_to_wan(fen) == value
    assert parse_decimal(f"{fen_to_wan(fen):f}") == value


AMOUNT_TEXT = st.text(alphabet="0123456789.,-+ 万元１", min_size=0, max_size=14)


@given(st.lists(st.tuples(AMOUNT_TEXT, st.sampled_from(["万元", "元", "美元"])), max_size=12))
def test_vectorised_amounts_agree_with_the_scalar_parser(cells) -> None:
    import pandas as pd

    from fundanalysis.data.money import amounts_to_fen

    texts = pd.Series([t for t, _ in cells], dtype=object)
    units = pd.Series([u for _, u in cells], dtype=object)
    fen, errors = amounts_to_fen(texts, units)
    for index, (text, unit) in enumerate(cells):
        if text == "":
            assert pd.isna(fen[index]) and errors[index] == ""
            continue
        try:
            expected = parse_amount(text, unit)
        except AmountError as error:
            assert pd.isna(fen[index]) and errors[index] == str(error)
        else:
            if expected > INT64_MAX:
                assert pd.isna(fen[index]) and errors[index] == TOO_LARGE
            else:
                assert fen[index] == expected and errors[index] == ""


@given(st.decimals(min_value=0, max_value=10**12, places=6, allow_nan=False, allow_infinity=False))
def test_vectorised_path_is_exact_for_large_amounts(value: Decimal) -> None:
    import pandas as pd

    from fundanalysis.data.money import amounts_to_fen

    fen, _ = amounts_to_fen(pd.Series([f"{value:f}"]), pd.Series(["万元"]))
    assert fen[0] == parse_amount(f"{value:f}", "万元")


@given(st.lists(st.tuples(AMOUNT_TEXT, st.sampled_from(["万元", "元", "美元"])), max_size=12))
def test_both_paths_give_the_same_result(cells) -> None:
    import pandas as pd

    from fundanalysis.data.money import amounts_to_fen

    texts = pd.Series([t for t, _ in cells], dtype=object)
    units = pd.Series([u for _, u in cells], dtype=object)
    vector_fen, vector_errors = amounts_to_fen(texts, units, vectorise_from=0)
    scalar_fen, scalar_errors = amounts_to_fen(texts, units, vectorise_from=10**9)
    pd.testing.assert_series_equal(vector_fen, scalar_fen)
    pd.testing.assert_series_equal(vector_errors, scalar_errors)


def test_sums_past_int64_stay_exact() -> None:
    from fundanalysis.data.money import exact_sum

    big = 4 * 10**18  # each fits int64; any two of them do not
    values = pd.Series([big, big, big, None, 7], dtype="Int64")
    assert exact_sum(values) == 3 * big + 7
    assert exact_sum(pd.Series([1, None, 2], dtype="Int64")) == 3
    assert exact_sum(pd.Series([], dtype="Int64")) == 0


def test_most_decimals_is_the_same_on_both_paths() -> None:
    from fundanalysis.data.money import VECTORISE_FROM, decimals_of, max_decimals

    texts = ["12", "1.5", "0.000001", "300.25"] * VECTORISE_FROM
    expected = max(decimals_of(text) for text in texts)
    assert expected == 6
    assert max_decimals(pd.Series(texts, dtype="str")) == expected
    assert max_decimals(pd.Series(texts[:3], dtype="str")) == expected
    assert max_decimals(pd.Series(["7"] * VECTORISE_FROM, dtype="str")) == 0


def test_amounts_in_arrow_chunks_are_read_like_any_others() -> None:
    """Large files come from Arrow's reader in chunks; the conversion must not care."""
    import numpy as np
    import pyarrow as pa

    from fundanalysis.data.money import amounts_to_fen

    chunks = pa.chunked_array([["1.5", "2", None], ["3.250000", "x", "0.01"]])
    texts = pd.Series(
        chunks.to_pandas(types_mapper=lambda t: pd.StringDtype("pyarrow", na_value=np.nan))
    )
    units = pd.Series(["万元", "元", "万元", "万元", "万元", "元"], dtype="str")
    fen, errors = amounts_to_fen(texts, units, vectorise_from=0)
    assert fen.tolist() == [1_500_000, 200, pd.NA, 3_250_000, pd.NA, 1]
    assert [bool(e) for e in errors] == [False, False, False, False, True, False]
