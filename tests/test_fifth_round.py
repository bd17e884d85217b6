"""What a fifth adversary round found in the checks, written here from our own inputs: a
finding is sized by a check it makes fail; a correction that brings a total within rounding is
a correction; a rate follows the scan's rule of intervals and is weighed in percentage points;
a count claim reads its number as reports print it; measured quantities add in their own units
and kinds; a full score falls in the top grade; a measured total's figure is checked at its
cell."""

from __future__ import annotations

import shutil

import pytest

import fundanalysis as fa
from fundanalysis.analysis.claims import claims
from fundanalysis.analysis.keyfindings import key_findings
from fundanalysis.audit.scorecard import _grade_checks
from fundanalysis.cli import main
from fundanalysis.data.paths import shipped_reports
from fundanalysis.data.tables import load_report_tables
from tests.test_fourth_round import _problems, _replace


def _append(path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def test_a_finding_that_lists_a_check_that_holds_is_refused(tiny_dir, capsys) -> None:
    # carry_a holds (rounding); a finding sized by it would publish carry_a's gap as its own
    _replace(
        tiny_dir / "findings.csv",
        "County B's total is above its items,carry_b,",
        "County B's total is above its items,carry_a;carry_b,",
    )
    assert main(["validate", str(tiny_dir)]) == 1
    out = capsys.readouterr().out
    assert "findings.csv, 第 2 行 (row 2), 列 column 'checks'" in out and "carry_a" in out
    # and the library, asked without validating, sizes it by the check that fails
    finding = fa.load_report(tiny_dir).findings.set_index("finding").loc["F1"]
    assert (
        finding["amount"]
        == fa.reconcile(tiny_dir).set_index("check").loc["carry_b", "stated"]
        - fa.reconcile(tiny_dir).set_index("check").loc["carry_b", "computed"]
    )


def test_a_total_brought_within_rounding_by_a_correction_is_corrected(tiny_dir, capsys) -> None:
    # 100 元 read as 100 万元 (C1) makes the parts 220 万元 against 220.3 printed: within what
    # rounding explains (220.3 ± 0.05, 100 ± 0.5, 120 ± 0.5); as printed they are 120.01 万元
    _replace(
        tiny_dir / "totals.csv",
        "budget_all,budget,,amount,220,万元,T-1,共220万元",
        "budget_all,budget,,amount,220.3,万元,T-1,共220.3万元",
    )
    assert main(["validate", str(tiny_dir)]) == 0, capsys.readouterr().out  # F2 still holds it
    check = fa.reconcile(tiny_dir).set_index("check").loc["budget_all"]
    assert check["status"] == "corrected"


def _mancheng(tmp_path):
    target = tmp_path / "mc"
    shutil.copytree(shipped_reports()[1], target)
    return target


def test_a_rate_finding_is_weighed_in_percentage_points_not_as_a_count(tmp_path) -> None:
    target = _mancheng(tmp_path)
    _replace(target / "indicators.csv", "reimbursement_rate,96.35,", "reimbursement_rate,96.7,")
    _replace(target / "indicators.csv", "资金报账率为96.35%", "资金报账率为96.7%")
    _append(
        target / "findings.csv",
        "F3,报账率与支出不符,The reimbursement rate disagrees with spending,reimbursement_rate,,"
        "所述比率超出四舍五入可解释的范围。,The rate is beyond what rounding explains.,,,,",
    )
    report = fa.load_report(target)
    finding = report.findings.set_index("finding").loc["F3"]
    assert finding["basis"] == "rate"
    # 96.7 − 96.349738… = 0.35026 points, 0.36 % of the rate printed: below the 1 % threshold
    assert not finding["material"]
    sentence = next(f for f in key_findings(report) if f.finding == "F3")
    assert "个百分点" in sentence.sentence and "percentage points" in sentence.sentence_en
    assert "中的" not in sentence.sentence  # not "96.7 %中的 0.35 %", as a count would be shown
    assert all("之和" not in zh for zh, _ in sentence.computation)  # a rate is not a sum


@pytest.mark.parametrize("printed", ["分配到两个县", "分配到２个县", "分配到2个县"])
def test_a_count_claim_reads_its_number_as_printed(tiny_dir, printed) -> None:
    _append(
        tiny_dir / "claims.csv",
        f"two,funding,资金分配到{printed[3:]},Funds go to two counties,"
        f"count:allocations.place[funds=绩效评价资金],,,T-1,{printed}",
    )
    verdicts = claims(fa.load_report(tiny_dir)).set_index("claim_id")
    assert verdicts.loc["two", "verdict_en"] == "holds"


def test_a_count_claim_printing_no_number_is_refused(tiny_dir) -> None:
    _append(
        tiny_dir / "claims.csv",
        "some,funding,资金分配到各县,Funds go to the counties,"
        "count:allocations.place[funds=绩效评价资金],,,T-1,分配到各县",
    )
    assert ("claims.csv", 4, "test") in _problems(tiny_dir)


def _measured(tiny_dir, planned: str, done: str) -> None:
    _append(
        tiny_dir / "poverty.csv",
        f"land_planned,15,{planned},2020-01-01,2020年初,T-1,计划15{planned}",
    )
    _append(tiny_dir / "poverty.csv", f"land_done,15,{done},2020-01-01,2020年初,T-1,完成15{done}")
    _append(tiny_dir / "vocabulary.csv", "poverty_measure,land_planned,land planned,")
    _append(tiny_dir / "vocabulary.csv", "poverty_measure,land_done,land done,")
    _append(
        tiny_dir / "crosschecks.csv",
        "cx_land,完成 = 计划,done = planned,poverty.value[measure=land_done],"
        "poverty.value[measure=land_planned],",
    )


def test_a_cross_check_of_measured_quantities_adds_them_in_their_units(tiny_dir) -> None:
    _measured(tiny_dir, "公顷", "亩")  # 15 公顷 is 225 亩
    _append(
        tiny_dir / "findings.csv",
        "F3,面积不符,The areas differ,cx_land,,两者不等。,They differ.,,,,",
    )
    check = fa.reconcile(tiny_dir).set_index("check").loc["cx_land"]
    assert check["status"] == "discrepancy"
    assert check["unit"] in ("亩", "公顷")


def test_a_cross_check_of_households_against_people_is_refused(tiny_dir) -> None:
    _measured(tiny_dir, "户", "人")
    assert ("crosschecks.csv", 4, "right") in _problems(tiny_dir)


def test_a_full_score_falls_in_the_top_grade_when_its_upper_bound_is_printed(tmp_path) -> None:
    target = tmp_path / "sc"
    shutil.copytree("tests/fixtures/scorecard", target)
    tables = dict(load_report_tables(target).tables)
    grades = tables["grades"].copy()
    top = grades["grade"] == "优"
    grades.loc[top, "max_score"] = "100"
    grades.loc[top, "max_score_printed"] = "总分90分至100分为优"
    tables["grades"] = grades
    scores = tables["scores"].copy()
    scores.loc[scores["kind"] == "总分", "score"] = "100"
    (row,) = _grade_checks(tables, scores)
    assert row["status"] == "ok"


@pytest.mark.parametrize("stated", ["300.0000001", "99999999999999"])
def test_a_measured_total_the_library_cannot_hold_is_named_at_its_cell(tiny_dir, stated) -> None:
    _append(
        tiny_dir / "totals.csv",
        f"pov,poverty,,value,{stated},人,T-1,{stated}人,,,贫困人口,Poor people,",
    )
    assert ("totals.csv", 7, "stated") in _problems(tiny_dir)


def test_a_part_printed_to_seven_zero_decimals_is_checked_not_crashed(tiny_dir) -> None:
    _replace(tiny_dir / "poverty.csv", ",300,人,", ",300.0000000,人,")
    _replace(tiny_dir / "poverty.csv", ",300人", ",300.0000000人")
    _append(
        tiny_dir / "totals.csv",
        "pov,poverty,measure=registered_poor_people,value,300,人,T-1,300人,,,贫困人口,Poor people,",
    )
    assert fa.reconcile(tiny_dir).set_index("check").loc["pov", "status"] == "ok"
