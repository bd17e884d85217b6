"""A report whose money is printed as 0 (a county that received nothing, a stage with no funds):
a 0 is shown as 0, a share or rate over it as not computable, and its charts draw without a
warning. Built on the hand-written two-county fixture with every amount set to 0."""

from __future__ import annotations

import csv
import io
import re
import warnings
from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.analysis import carryover, projects

#: The files of the fixture whose amounts are set to 0, and the column that holds them.
_ZEROED = {
    "allocations.csv": "amount",
    "evaluated_funds.csv": "amount",
    "projects.csv": "amount",
    "transfers.csv": "amount",
}


def _zeroed(directory: Path) -> Path:
    """The fixture with each amount of :data:`_ZEROED` set to 0, in its figure and its text."""
    for name, column in _ZEROED.items():
        path = directory / name
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        for row in rows:
            printed = "amount_printed" if "amount_printed" in row else "printed"
            row[printed] = re.sub(r"\d+(\s*万元)", r"0\1", row[printed])
            row[column] = "0"
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")
    return directory


@pytest.fixture
def zero_report(tiny_dir):
    return fa.load_report(_zeroed(tiny_dir))


def test_an_allocation_printed_as_0_is_0_and_the_rate_over_it_not_computable(zero_report):
    rates = carryover.carryover_rates(zero_report).set_index("place")
    assert rates.loc["甲县", "allocated_wan"] == 0
    assert not rates.loc["甲县", "carryover_rate_computable"]


def test_a_share_of_funds_over_a_stage_of_0_is_not_computable(zero_report):
    table = projects.projects_by_level(zero_report)
    row = table.iloc[0]
    assert row["funds_wan"] == 0 and not row["share_of_funds_computable"]
    assert row["share_of_projects"] == 1 and row["share_of_projects_computable"]


def test_the_pages_say_not_computable_and_give_no_wrong_reason(zero_report, capsys):
    from fundanalysis import views
    from fundanalysis.publish import charts

    charts.use_style()
    views.project_breakdowns(zero_report)
    views.carryover_rates(zero_report)
    shown = capsys.readouterr().out
    assert "无法计算" in shown
    assert "未载明金额" not in shown  # the amounts are printed: 0


@pytest.mark.parametrize(
    ("name", "arguments"),
    [
        ("carryover_by_place_chart", ()),
        ("allocations_chart", ("绩效评价资金",)),
        ("funds_by_level_chart", ()),
        ("batch_timeline_chart", ()),
        ("projects_breakdown_chart", ("level",)),
        ("poverty_chart", ()),
    ],
)
def test_charts_of_a_report_of_zeros_draw_without_a_warning(zero_report, name, arguments):
    from fundanalysis.publish import charts

    charts.use_style()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        drawn = getattr(charts, name)(zero_report, *arguments, "zh")
    assert drawn is not None
