"""Reconciliation: statuses worked out by hand on the tiny fixture, then the report's findings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import fundanalysis as fa

TINY = Path(__file__).parent / "fixtures" / "tiny"


@pytest.fixture(scope="module")
def tiny() -> pd.DataFrame:
    return fa.reconcile(TINY).set_index("check")


@pytest.fixture(scope="module")
def real() -> pd.DataFrame:
    return fa.reconcile().set_index("check")


def test_contract_columns(tiny: pd.DataFrame) -> None:
    for column in (
        "description",
        "description_en",
        "stated",
        "computed",
        "difference",
        "status",
        "source",
        "note",
        "note_en",
        "finding",
    ):
        assert column in tiny.columns


def test_unit_slip_is_corrected_not_hidden(tiny: pd.DataFrame) -> None:
    # 2019: 100 元 = 0.01 万元 as printed; 0.01 + 120 = 120.01 against the stated 220
    row = tiny.loc["budget_all"]
    assert row["status"] == "corrected"
    assert row["computed_as_printed"] == Decimal("120.01")
    assert row["computed"] == row["stated"] == Decimal("220")


def test_coarser_total_within_half_a_unit_is_rounding(tiny: pd.DataFrame) -> None:
    # 1.004 + 2.002 = 3.006, printed 3.01: 0.004 ≤ 0.005 (3.01) + 0.0005 + 0.0005 (the items)
    row = tiny.loc["carry_a"]
    assert (row["status"], row["computed"], row["tolerance"]) == (
        "rounding",
        Decimal("3.006"),
        Decimal("0.006"),
    )


def test_a_gap_rounding_cannot_reach_is_a_discrepancy(tiny: pd.DataFrame) -> None:
    # 1.11 + 2.22 = 3.33, printed 3.36: 0.03 > 0.005 × 3, the half-steps of all three figures
    row = tiny.loc["carry_b"]
    assert (row["status"], row["tolerance"]) == ("discrepancy", Decimal("0.015"))
    assert row["difference"] == Decimal("-0.03")
    assert row["finding"] == "F1"


def test_a_gap_the_parts_rounding_reaches_is_rounding() -> None:
    from fundanalysis.audit.checkrows import Side, status_of

    # 1.11 + 2.22 printed, 3.34 stated: the parts may be 1.114 + 2.224 = 3.338, printed 3.34
    stated, computed = Side(334, 334, 2, None), Side(333, 333, 2, 1)
    assert status_of(stated, computed, 100) == ("rounding", 1)
    assert status_of(Side(335, 335, 2, None), computed, 100)[0] == "discrepancy"


def test_counts_are_checked_too(tiny: pd.DataFrame) -> None:
    assert tiny.loc["projects_count", "status"] == "ok"


def test_cross_checks_are_declared_in_the_data(tiny: pd.DataFrame) -> None:
    # evaluated 50 = transfers 50 + 120 less the prefecture's 120
    assert tiny.loc["cross_evaluated_vs_transfers", "status"] == "ok"
    # labelled parts: 120 = 70 (甲县) + 50 (乙县), each part shown with its value
    row = tiny.loc["cross_split"]
    assert (row["status"], row["computed"]) == ("ok", Decimal("120"))
    assert "甲 70 万元" in row["note"] and "乙 50 万元" in row["note"]
    assert set(tiny.index) == {
        "budget_all",
        "carry_a",
        "carry_b",
        "carry_all",
        "projects_count",
        "cross_evaluated_vs_transfers",
        "cross_split",
    }


def test_no_float_anywhere_in_results(real: pd.DataFrame) -> None:
    for column in ("stated", "computed", "difference"):
        assert all(isinstance(v, Decimal) for v in real[column])


# Expected outcomes below are worked out by hand from the report's printed figures.


def test_report_budget_2017_unit_slip(real: pd.DataFrame) -> None:
    # 一、（一）: 1510 + 3100 + 3800 + 3850 + 3900 = 16160 only if 2017 is 3100 万元, not 元
    row = real.loc["budget_2016_2020"]
    assert row["status"] == "corrected"
    assert row["computed_as_printed"] == Decimal("1510") + Decimal("0.31") + 3800 + 3850 + 3900


def test_report_qiemo_total_is_within_the_rounding_of_its_items(real: pd.DataFrame) -> None:
    # its 12 items add up to 566.34, printed 566.33; ten are printed to two decimals (±0.005)
    # and 5.2 and 6.2 to one (±0.05): 0.01 ≤ 0.005 + 10 × 0.005 + 2 × 0.05 = 0.155
    row = real.loc["carryover_qiemo"]
    assert (row["status"], row["tolerance"]) == ("rounding", Decimal("0.155"))
    assert row["computed"] == Decimal("566.34")
    assert row["finding"] == ""


def test_report_yuli_and_ruoqiang_headlines_are_rounding(real: pd.DataFrame) -> None:
    # 26.741 + 1.215 + 12.42 = 40.376 → 40.38; 142.922302 → 142.92
    assert real.loc["carryover_yuli", "status"] == "rounding"
    assert real.loc["carryover_ruoqiang_headline", "status"] == "rounding"
    assert real.loc["carryover_ruoqiang", "status"] == "ok"


def test_report_headline_against_counties_and_leaves(real: pd.DataFrame) -> None:
    # 691.53 + 40.38 + 566.33 + 142.92 = 1441.16 exactly; the leaves, 1441.168302, are within
    # what the rounding of the items printed to one or two decimals can explain
    assert real.loc["carryover_all_vs_counties", "status"] == "ok"
    assert real.loc["carryover_all", "status"] == "rounding"


def test_report_project_funds_omit_the_bonds(real: pd.DataFrame) -> None:
    # 23984 + 10057 + 3900 + 16088.13 = 54029.13; 124029.13 − 54029.13 = 70000 = the bonds
    row = real.loc["projects_implemented_funds"]
    assert (row["status"], row["computed"]) == ("discrepancy", Decimal("54029.13"))
    assert real.loc["cross_projects_funds_gap_is_bonds", "stated"] == Decimal("70000")
    assert real.loc["cross_projects_funds_gap_is_bonds", "status"] == "ok"


def test_report_has_no_other_findings(real: pd.DataFrame) -> None:
    not_ok = set(real.index[real["status"] != "ok"])
    assert not_ok == {
        "budget_2016_2020",
        "carryover_all",
        "carryover_yuli_headline",
        "carryover_qiemo_headline",
        "carryover_ruoqiang_headline",
        "carryover_yuli",
        "carryover_qiemo",
        "projects_implemented_funds",
    }
    failing = real[real["status"].isin(["corrected", "discrepancy"])]
    assert (failing["finding"] != "").all()


def test_reward_batch_split_is_derived_from_both_documents(real: pd.DataFrame) -> None:
    # central: 23984 − 13151 − 9547 = 1286; region: 10057 − 7657 = 2400; 1286 + 2400 = 3686
    row = real.loc["cross_reward_batch_split"]
    assert row["status"] == "ok" and row["computed"] == Decimal("3686")
    assert "中央 1286 万元" in row["note"] and "自治区 2400 万元" in row["note"]


def test_findings_register_counts_each_slip_once_with_its_materiality() -> None:
    register = fa.findings().set_index("finding")
    # F4, a misprinted name, has no amount and is not material; Qiemo's 0.01 is rounding, no
    # finding (F2 was withdrawn when the checks took the scan's rule)
    assert list(register.index) == ["F1", "F3", "F4"]
    assert register.loc["F4", "amount"] is None and not register.loc["F4", "material"]
    # F1: 16160 − 13060.31 = 3099.69 of 16160 (19 %); F3: 70000 of 124029.13 (56 %)
    assert register.loc["F1", "amount"] == Decimal("3099.69") and register.loc["F1", "material"]
    assert register.loc["F3", "materiality"] == pytest.approx(70000 / 124029.13)
    assert register["material"].sum() == 2


def test_second_report_count_slip_and_rate(tmp_path) -> None:
    from fundanalysis.data.paths import shipped_reports

    checks = fa.reconcile(shipped_reports()[1]).set_index("check")
    # MC 二: 49 + 1 + 1 + 1 + 1 = 53 projects listed, 52 stated
    assert checks.loc["projects_2019_count", "computed"] == 53
    assert checks.loc["projects_2019_count", "status"] == "discrepancy"
    # 920.14 / 955 = 96.3497… %, printed 96.35 %
    assert checks.loc["reimbursement_rate", "status"] == "rounding"
    # 955 − 920.14 = 34.86 = 827.80 − 792.94
    assert checks.loc["unspent_is_industry", "computed"] == Decimal("34.86")


def _mancheng_rate_printed(tmp_path, rate: str):
    import shutil

    from fundanalysis.data.paths import shipped_reports

    shutil.copytree(shipped_reports()[1], tmp_path / "mc")
    path = tmp_path / "mc" / "indicators.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("96.35", rate),  # the figure and its print
        encoding="utf-8",
    )
    return fa.reconcile(tmp_path / "mc").set_index("check").loc["reimbursement_rate"]


# 满城区's rate is spending (792.94 + 7.2 + 20 + 100 万元) over funds (365 + 20 + 570 万元). As
# printed, the spending stands for 920.14 ± 1.055 万元 (half a unit of each part's last digit)
# and the funds for 955 ± 1.5: the rate can be anything from 919.085 / 956.5 = 96.088 % to
# 921.195 / 953.5 = 96.612 %, and a rate printed to one decimal stands for ± 0.05 more.
@pytest.mark.parametrize("rate", ["96.4", "96.1", "96.6"])
def test_a_ratio_within_the_intervals_of_its_printed_figures_is_rounding(tmp_path, rate):
    assert _mancheng_rate_printed(tmp_path, rate)["status"] == "rounding"


@pytest.mark.parametrize("rate", ["96.7", "96.0", "96.03"])
def test_a_ratio_off_by_more_than_rounding_is_a_discrepancy(tmp_path, rate) -> None:
    assert _mancheng_rate_printed(tmp_path, rate)["status"] == "discrepancy"


def test_a_count_gap_is_weighed_by_its_own_rule_not_the_money_threshold(tmp_path) -> None:
    """满城区 states 52 projects and lists 53: 1 of 52, material because counts are exact,
    whatever the money threshold; raised to 50 %, the threshold changes nothing for it."""
    import shutil

    from fundanalysis.data.paths import shipped_reports

    target = tmp_path / "mancheng"
    shutil.copytree(shipped_reports()[1], target)
    toml = target / "report.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("year = 2019", "year = 2019\nmateriality = 0.5"),
        encoding="utf-8",
    )
    assert fa.load_report(target).info.materiality == 0.5
    register = fa.findings(target).set_index("finding")
    assert register.loc["F1", "basis"] == "count"
    assert (register.loc["F1", "amount"], register.loc["F1", "of_stated"]) == (1, 52)
    assert bool(register.loc["F1", "material"]) is True
