"""Reconciliation: statuses worked out by hand on the tiny fixture, then the report's findings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import fundanalysis as fa
from fundanalysis.reconcile import implied_reward_split

TINY = Path(__file__).parent / "fixtures" / "tiny"


@pytest.fixture(scope="module")
def tiny() -> pd.DataFrame:
    return fa.reconcile(TINY).set_index("check")


@pytest.fixture(scope="module")
def real() -> pd.DataFrame:
    return fa.reconcile().set_index("check")


def test_contract_columns(tiny: pd.DataFrame) -> None:
    for column in ("description", "stated", "computed", "difference", "status", "source", "note"):
        assert column in tiny.columns


def test_unit_slip_is_corrected_not_hidden(tiny: pd.DataFrame) -> None:
    # 2019: 100 元 = 0.01 万元 as printed; 0.01 + 120 = 120.01 against the stated 220
    row = tiny.loc["budget_all"]
    assert row["status"] == "corrected"
    assert row["computed_as_printed"] == Decimal("120.01")
    assert row["computed"] == row["stated"] == Decimal("220")


def test_coarser_total_within_half_a_unit_is_rounding(tiny: pd.DataFrame) -> None:
    # 1.004 + 2.002 = 3.006, printed 3.01: 0.004 ≤ 0.005
    row = tiny.loc["carry_a"]
    assert (row["status"], row["computed"], row["tolerance"]) == (
        "rounding",
        Decimal("3.006"),
        Decimal("0.005"),
    )


def test_same_precision_gap_is_a_discrepancy(tiny: pd.DataFrame) -> None:
    # 1.11 + 2.22 = 3.33, printed 3.34 with parts of the same precision
    row = tiny.loc["carry_b"]
    assert row["status"] == "discrepancy"
    assert row["difference"] == Decimal("-0.01")
    assert row["explained"]


def test_counts_are_checked_too(tiny: pd.DataFrame) -> None:
    assert tiny.loc["projects_count", "status"] == "ok"


def test_cross_checks_skip_money_the_directory_does_not_have(tiny: pd.DataFrame) -> None:
    assert "cross_reward_batch_split" not in tiny.index
    assert tiny.loc["cross_evaluated_vs_transfers", "status"] == "ok"


def test_no_float_anywhere_in_results(real: pd.DataFrame) -> None:
    for column in ("stated", "computed", "difference"):
        assert all(isinstance(v, Decimal) for v in real[column])


# Expected outcomes below are worked out by hand from the report's printed figures.


def test_report_budget_2017_unit_slip(real: pd.DataFrame) -> None:
    # 一、（一）: 1510 + 3100 + 3800 + 3850 + 3900 = 16160 only if 2017 is 3100 万元, not 元
    row = real.loc["budget_2016_2020"]
    assert row["status"] == "corrected"
    assert row["computed_as_printed"] == Decimal("1510") + Decimal("0.31") + 3800 + 3850 + 3900


def test_report_qiemo_total_is_off_by_a_hundred_yuan(real: pd.DataFrame) -> None:
    # 393.88 + 61.75 + 55.36 + 43.06 + 10.8 + 1.49 = 566.34, printed 566.33
    row = real.loc["carryover_qiemo"]
    assert row["status"] == "discrepancy"
    assert row["computed"] == Decimal("566.34")
    assert row["explained"]


def test_report_yuli_and_ruoqiang_headlines_are_rounding(real: pd.DataFrame) -> None:
    # 26.741 + 1.215 + 12.42 = 40.376 → 40.38; 142.922302 → 142.92
    assert real.loc["carryover_yuli", "status"] == "rounding"
    assert real.loc["carryover_ruoqiang_headline", "status"] == "rounding"
    assert real.loc["carryover_ruoqiang", "status"] == "ok"


def test_report_headline_against_counties_and_leaves(real: pd.DataFrame) -> None:
    # 691.53 + 40.38 + 566.33 + 142.92 = 1441.16 exactly; the leaves carry Qiemo's slip
    assert real.loc["carryover_all_vs_counties", "status"] == "ok"
    assert real.loc["carryover_all", "status"] == "discrepancy"


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
    assert real.loc[sorted(not_ok), "explained"].sum() >= 4


def test_reward_batch_split_is_derived_from_both_documents() -> None:
    # central: 23984 − 13151 − 9547 = 1286; region: 10057 − 7657 = 2400; 1286 + 2400 = 3686
    split = implied_reward_split().set_index("level")["amount_fen"]
    assert split["中央"] == (23984 - 13151 - 9547) * 1_000_000
    assert split["自治区"] == (10057 - 7657) * 1_000_000
