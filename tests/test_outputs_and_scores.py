"""Outputs (产出指标) and the report's own scorecard: typed, exact, checked.

The fixture ``tests/fixtures/scorecard`` is an invented county report of the 2017 kind, text
and data written by hand (its text is in its own ``source/`` folder). Every expectation below
is worked out by hand from that text.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.analysis import outputs, scores
from fundanalysis.data import units
from fundanalysis.data.errors import DataError

FIXTURE = Path(__file__).parent / "fixtures" / "scorecard"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(directory: Path) -> list:
    with pytest.raises(DataError) as error:
        fa.load_report(directory)
    return error.value.problems


def test_units_convert_exactly_within_a_kind():
    assert units.to_micro(Decimal("12.35"), "千米") == units.to_micro(Decimal("12350"), "米")
    assert units.to_micro(Decimal("2"), "公顷") == units.to_micro(Decimal("30"), "亩")
    assert units.UNITS["盏"].kind == units.UNITS["个"].kind == "count"
    assert units.UNITS["亩"].kind != units.UNITS["平方米"].kind  # 1 亩 = 2000/3 平方米


def test_an_unknown_unit_is_refused_with_the_known_ones_listed():
    with pytest.raises(units.UnitError) as error:
        units.unit_of("亩地")
    assert "亩地" in str(error.value) and "千米" in str(error.value) and "盏" in str(error.value)


def test_every_printed_output_is_a_typed_row():
    table = fa.load_report(FIXTURE).tables["outputs"]
    assert len(table) == 9
    roads = table[(table["item"] == "硬化村庄道路") & (table["unit"] == "千米")].iloc[0]
    assert roads["value"] == "12.35" and roads["kind"] == "length"
    assert roads["value_micro"] == 12_350 * 1_000_000  # 12.35 km is 12,350 m
    lamps = table[table["unit"] == "盏"].iloc[0]
    assert (lamps["value"], lamps["kind"], lamps["value_number"]) == ("120", "count", 120.0)


def test_a_total_in_metres_of_parts_in_kilometres_holds():
    """12.35 千米 of road and 8.6 千米 of pipe are the 20950 米 the text states."""
    checks = fa.load_report(FIXTURE).checks.set_index("check")
    row = checks.loc["roads_and_pipes"]
    assert row["status"] == "ok"
    assert (row["stated"], row["computed"], row["unit"]) == (Decimal(20950), Decimal(20950), "米")


@pytest.mark.parametrize(
    ("stated", "status"),
    [
        # 12.35 千米 + 8.6 千米 stand for 20,895 to 21,005 米: 20,900 is inside, 20,800 is not
        ("20900", "rounding"),
        ("20800", "discrepancy"),
    ],
)
def test_a_total_of_outputs_is_read_by_the_intervals_of_its_printed_parts(
    scorecard_dir, stated, status
):
    _replace(scorecard_dir / "totals.csv", "20950,米", f"{stated},米")
    _replace(scorecard_dir / "source" / "scorecard-2017.md", "合计20950米", f"合计{stated}米")
    _replace(scorecard_dir / "totals.csv", "合计20950米", f"合计{stated}米")
    checks = fa.reconcile(scorecard_dir).set_index("check")
    assert checks.loc["roads_and_pipes", "status"] == status
    assert checks.loc["roads_and_pipes", "difference"] == 20950 - Decimal(stated)  # parts − total
    assert checks.loc["roads_and_pipes", "tolerance"] == Decimal("55.5")


def test_a_coarser_total_of_outputs_may_round(scorecard_dir):
    """21.0 千米 stands for 20.95 to 21.05 千米: the parts' 20.95 千米 is within it."""
    _replace(
        scorecard_dir / "totals.csv",
        "20950,米,S-3,全年硬化道路和铺设管网合计20950米",
        "21.0,千米,S-3,合计约21.0千米",
    )
    checks = fa.reconcile(scorecard_dir).set_index("check")
    assert checks.loc["roads_and_pipes", "status"] == "rounding"


def test_a_total_never_adds_two_kinds_of_unit(scorecard_dir):
    _replace(scorecard_dir / "totals.csv", "outputs,kind=length,", "outputs,category=基础设施,")
    problems = _problems(scorecard_dir)
    assert any(p.file == "totals.csv" and "kind" in p.message for p in problems)


def test_an_output_in_an_unknown_unit_is_refused_at_its_cell(scorecard_dir):
    _replace(scorecard_dir / "outputs.csv", "350,亩,", "350,亩地,")
    (problem,) = [p for p in _problems(scorecard_dir) if p.file == "outputs.csv"]
    assert (problem.row, problem.column, problem.value) == (9, "unit", "亩地")


def test_the_scorecard_holds_as_printed():
    """18 + 19 + 18.5 + 37 = 92.5; every score within its maximum; 92.5 ≥ 90 is 优."""
    checks = fa.load_report(FIXTURE).checks
    scored = checks[checks["kind"].isin(["score", "grade"])].set_index("check")
    assert set(scored["status"]) == {"ok"}
    assert scored.loc["score_score_overall", "computed"] == Decimal("92.5")
    assert "score_grade_overall" in scored.index
    assert len(scored) == 1 + 4 + 1  # the sum, four maxima, the grade


def test_a_score_that_does_not_add_up_fails(scorecard_dir):
    _replace(
        scorecard_dir / "scores.csv",
        "资金监管,supervision of funds,指标,20,18.5",
        "资金监管,supervision of funds,指标,20,19.5",
    )
    _replace(scorecard_dir / "scores.csv", "资金监管18.5分", "资金监管19.5分")
    checks = fa.reconcile(scorecard_dir).set_index("check")
    assert checks.loc["score_score_overall", "status"] == "discrepancy"
    assert checks.loc["score_score_overall", "difference"] == Decimal(1)


def test_a_score_above_its_maximum_fails(scorecard_dir):
    _replace(
        scorecard_dir / "scores.csv",
        "资金投入,funds put in,指标,20,18",
        "资金投入,funds put in,指标,20,21",
    )
    _replace(scorecard_dir / "scores.csv", "资金投入18分", "资金投入21分")
    checks = fa.reconcile(scorecard_dir).set_index("check")
    assert checks.loc["score_cap_input", "status"] == "discrepancy"


def test_a_grade_against_the_reports_own_thresholds_fails(scorecard_dir):
    _replace(
        scorecard_dir / "scores.csv",
        "92.5,优,,自评综合得分92.5分，评价等级为优",
        "92.5,良,,自评综合得分92.5分，评价等级为良",
    )
    checks = fa.reconcile(scorecard_dir).set_index("check")
    assert checks.loc["score_grade_overall", "status"] == "discrepancy"
    assert "优" in checks.loc["score_grade_overall", "note"]


def test_no_grade_is_checked_without_thresholds(scorecard_dir):
    (scorecard_dir / "grades.csv").unlink()
    checks = fa.reconcile(scorecard_dir)
    assert "score_grade_overall" not in set(checks["check"])


def test_the_headline_shows_the_score_and_grade():
    from fundanalysis.analysis import overview

    headlines = overview.headline_figures(fa.load_report(FIXTURE)).set_index("figure_en")
    assert headlines.loc["self-evaluated score (grade)", "value"] == "92.5 分（优）"
    assert headlines.loc["self-evaluated score (grade)", "value_en"] == "92.5 points (excellent)"


def test_the_analyses_of_outputs_and_scores():
    report = fa.load_report(FIXTURE)
    by_category = outputs.outputs_by_category(report).set_index("category")
    # 基础设施: toilets, lamps, roads (two units, one item), pipes, tanks (two units): 5 items
    assert by_category.loc["基础设施", "outputs"] == 5
    assert by_category.loc["产业", "outputs"] == 2
    card = scores.scorecard(report)
    assert card["indicator"].iloc[0] == "综合得分"
    assert card["indicator"].iloc[1].startswith("　")  # indented under the overall score
    assert scores.overall_score(report) == ("92.5", "优", "excellent", "综合得分")


def test_a_report_without_outputs_or_scores_says_so():
    report = fa.load_report()
    assert isinstance(outputs.outputs_table(report), fa.analysis.results.NotReported)
    assert isinstance(scores.scorecard(report), fa.analysis.results.NotReported)


def test_a_grade_outside_every_band_the_report_states_fails(scorecard_dir):
    """优 from 95, 良 from 80 up to 90: 92.5 is in no band, so no grade given to it holds."""
    _replace(
        scorecard_dir / "grades.csv",
        "优,excellent,90,总分90分以上为优",
        "优,excellent,95,总分95分以上为优",
    )
    _replace(scorecard_dir / "source" / "scorecard-2017.md", "总分90分以上为优", "总分95分以上为优")
    _replace(scorecard_dir / "sections.csv", "某某县财政局", "某某县财政局")
    _replace(
        scorecard_dir / "scores.csv",
        "92.5,优,,自评综合得分92.5分，评价等级为优",
        "92.5,良,,自评综合得分92.5分，评价等级为良",
    )
    checks = fa.reconcile(scorecard_dir).set_index("check")
    assert checks.loc["score_grade_overall", "status"] == "discrepancy"
    assert "none of the bands" in checks.loc["score_grade_overall", "note_en"]


def test_a_scorecard_whose_parents_form_a_circle_is_refused(scorecard_dir):
    with (scorecard_dir / "scores.csv").open("a", encoding="utf-8") as handle:
        handle.write("y,z,自评,self y,指标,,,,,,S-4\nz,y,自评,self z,指标,,,,,,S-4\n")
    problems = _problems(scorecard_dir)
    assert {(p.file, p.column) for p in problems} >= {("scores.csv", "parent_id")}
    assert any("comes back" in p.message for p in problems)
