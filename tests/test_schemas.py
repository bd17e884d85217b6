"""Each pandera schema against a good frame and against deliberately bad ones."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest

from fundanalysis.data import schemas
from fundanalysis.data.loaders import load_table
from fundanalysis.data.paths import shipped_reports
from fundanalysis.data.specs import SPECS


@pytest.mark.parametrize("name", list(SPECS))
def test_loaded_table_passes_its_schema(name: str) -> None:
    SPECS[name].schema.validate(load_table(name), lazy=True)
    SPECS[name].schema.validate(load_table(name, shipped_reports()[1]), lazy=True)


def good_budget() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": pd.array([2019, 2020], dtype="Int64"),
            "amount": pd.array(["1", "2.5"], dtype="str"),
            "unit": pd.array(["万元", "万元"], dtype="str"),
            "unit_as_printed": pd.array(["万元", "万元"], dtype="str"),
            "amount_fen": pd.array([1_000_000, 2_500_000], dtype="Int64"),
            "amount_as_printed_fen": pd.array([1_000_000, 2_500_000], dtype="Int64"),
            "amount_wan": [1.0, 2.5],
            "section_id": pd.array(["X", "X"], dtype="str"),
            "printed": pd.array(["1 万元", "2.5 万元"], dtype="str"),
            "corrections": pd.array(["", ""], dtype="str"),
        }
    )


def test_good_budget_frame() -> None:
    schemas.Budget.validate(good_budget(), lazy=True)


@pytest.mark.parametrize(
    ("column", "values", "check"),
    [
        ("year", pd.array([2020, 2020], dtype="Int64"), "unique"),
        ("unit", pd.array(["万元", "美元"], dtype="str"), "isin"),
        ("amount_fen", pd.array([-1, 2_500_000], dtype="Int64"), "greater_than_or_equal_to"),
        ("amount_wan", pd.array(["1", "2.5"], dtype="str"), "dtype"),
        ("section_id", pd.array(["X", None], dtype="str"), "not_nullable"),
    ],
)
def test_bad_budget_frames_fail(column: str, values, check: str) -> None:
    frame = good_budget()
    frame[column] = values
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        schemas.Budget.validate(frame, lazy=True)
    assert caught.value.failure_cases["check"].astype(str).str.contains(check).any()


def test_strict_schema_refuses_an_undeclared_column() -> None:
    frame = good_budget().assign(extra=1)
    with pytest.raises(pa.errors.SchemaErrors):
        schemas.Budget.validate(frame, lazy=True)
