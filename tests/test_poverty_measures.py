"""Poverty measures are open where reports differ: rates in %, natural villages, any date, and a
measure the report names itself (declared in vocabulary.csv); a unit of the wrong kind, a
fractional count and an undeclared measure are refused at their cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import fundanalysis as fa
from fundanalysis.analysis import poverty
from fundanalysis.data.errors import DataError

HEADER = "measure,value,unit,as_of,as_of_printed,section_id,printed\n"


def _write(directory: Path, rows: str, terms: str = "") -> None:
    (directory / "poverty.csv").write_text(HEADER + rows, encoding="utf-8")
    if terms:
        with (directory / "vocabulary.csv").open("a", encoding="utf-8") as handle:
            handle.write(terms)


def _problems(directory: Path) -> list[tuple[int | None, str | None]]:
    with pytest.raises(DataError) as caught:
        fa.load_report(directory)
    return [(p.row, p.column) for p in caught.value.problems if p.file == "poverty.csv"]


def test_a_rate_natural_villages_and_a_declared_measure_are_read_exactly(tiny_dir):
    _write(
        tiny_dir,
        "registered_poor_people,300,人,2020-01-01,2020年初,T-1,300人\n"
        "poverty_incidence,2.35,%,2019-01-01,2019年初,T-1,贫困发生率2.35%\n"
        "poverty_incidence,0.4,%,2020-01-01,2020年初,T-1,贫困发生率降至0.4%\n"
        "natural_villages,17,个,,,T-1,覆盖17个自然村\n"
        "易地扶贫搬迁人口,45,人,,,T-2,易地扶贫搬迁45人\n",
        "poverty_measure,易地扶贫搬迁人口,people relocated from inhospitable areas,\n",
    )
    counts = poverty.poverty_counts(fa.load_report(tiny_dir)).set_index("measure_code")
    rate = counts.loc["poverty_incidence"].sort_values("as_of")
    assert list(rate["value"]) == [Decimal("2.35"), Decimal("0.4")] and set(rate["kind"]) == {
        "rate"
    }
    assert counts.loc["natural_villages", "measure"] == "自然村"
    declared = counts.loc["易地扶贫搬迁人口"]
    assert (declared["measure"], declared["measure_en"]) == (
        "易地扶贫搬迁人口",
        "people relocated from inhospitable areas",
    )
    assert list(counts.index)[-1] == "易地扶贫搬迁人口"  # the report's own after the library's
    change = poverty.poverty_changes(fa.load_report(tiny_dir)).set_index("measure")
    assert change.loc["贫困发生率", "change"] == Decimal("-1.95")  # percentage points, exact
    assert pd.isna(change.loc["贫困发生率", "change_share"])  # a rate's change has no share


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("registered_poor_people,300,户,2020-01-01,2020年初,T-1,300户", "unit"),
        ("registered_poor_households,12.5,户,2020-01-01,2020年初,T-1,12.5户", "value"),
        ("poverty_incidence,2,个,2020-01-01,2020年初,T-1,2个", "unit"),
        ("易地扶贫搬迁人口,45,人,,,T-2,易地扶贫搬迁45人", "measure"),  # not declared
        ("registered_poor_people,300,人次,2020-01-01,2020年初,T-1,300人次", "unit"),
        ("registered_poor_people,300,名,2020-01-01,2020年初,T-1,300名", "unit"),  # no such unit
        ("registered_poor_people,99999999999999999999,人,,,T-1,99999999999999999999人", "value"),
    ],
)
def test_a_measure_in_the_wrong_form_is_refused_at_its_cell(tiny_dir, row, column):
    _write(tiny_dir, row + "\n")
    assert _problems(tiny_dir) == [(2, column)]


def test_the_message_for_an_unknown_measure_lists_the_known_ones(tiny_dir):
    _write(tiny_dir, "贫困户数,45,户,,,T-2,45户\n")
    with pytest.raises(DataError) as caught:
        fa.load_report(tiny_dir)
    message = next(p.message for p in caught.value.problems if p.column == "measure")
    assert "natural_villages" in message and "poverty_measure" in message
