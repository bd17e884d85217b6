"""Analysis functions behind the notebooks, against values worked out by hand from the report."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest
from conftest import DEFAULT_DATA_DIR

import fundanalysis as fa
from fundanalysis.analysis import audit, carryover, claims, funding, overview, poverty, projects
from fundanalysis.present import formatted
from fundanalysis.reconcile import implied_reward_split


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return fa.load_all()


@pytest.fixture(scope="module")
def checks() -> pd.DataFrame:
    return fa.reconcile()


def test_budget_growth_corrected_and_as_printed(tables) -> None:
    growth = funding.budget_growth(tables["budget"]).set_index("year")
    assert growth.loc[2018, "growth"] == pytest.approx((3800 - 3100) / 3100)
    assert growth.loc[2017, "as_printed_wan"] == 0.31
    assert bool(growth.loc[2017, "rose"]) and not bool(growth.loc[2017, "rose_as_printed"])
    assert funding.compound_annual_growth(tables["budget"]) == pytest.approx(
        (3900 / 1510) ** 0.25 - 1
    )


def test_funds_by_level_split_the_reward_batch(tables) -> None:
    levels = funding.funds_by_level(tables["transfers"], implied_reward_split()).set_index("level")
    assert levels["amount_fen"].to_dict() == {
        "中央": 23984 * 10**6,
        "自治区": 10057 * 10**6,
        "自治州": 3900 * 10**6,
        "地方政府债券": 70000 * 10**6,
    }
    assert levels["share"].sum() == pytest.approx(1)


def test_batch_timeline(tables) -> None:
    timeline = funding.batch_timeline(tables["transfers"]).set_index("batch")
    assert timeline.loc[2, "days_since_previous"] == 24  # 6 → 30 December 2019
    assert timeline.loc[7, "cumulative_wan"] == 107941


def test_allocation_matrix_and_bond_share(tables) -> None:
    matrix = funding.allocation_matrix(tables["allocations"], tables["counties"], "绩效评价资金")
    assert matrix.loc["合计 total", "合计 total"] == 104041
    assert matrix.loc["轮台县 Luntai County", "地方政府债券资金"] == 6200
    shares = funding.bond_share_by_county(tables["allocations"], tables["counties"])
    assert shares.loc["博湖县", "bond_share"] == pytest.approx(17300 / 19891)


def test_carryover_breakdowns(tables) -> None:
    carry = tables["carryover"]
    kinds = carryover.carryover_by_kind(carry).set_index("kind")
    assert kinds.loc["结余", "amount_fen"] == int((Decimal("0.95") + Decimal("1.94")) * 10**6)
    schedule = carryover.payment_schedule(carry)
    paid = schedule[schedule["payment_status"] == "已支付"]["amount_wan"].sum()
    assert paid == pytest.approx(1.58 + 2.64 + 3.14 + 24.58 + 101.86 + 22.6)
    rates = carryover.carryover_rates(carry, tables["allocations"], tables["counties"]).set_index(
        "county"
    )
    assert rates.loc["轮台县", "of_evaluated"] == pytest.approx((7.36 + 126.44) / 11289)
    assert rates.loc["轮台县", "of_all_prefecture_level"] == pytest.approx(
        (7.36 + 126.44) / (11289 + 873)
    )


def test_poverty_intensities(tables) -> None:
    per = poverty.funds_per_poor(tables["poverty"], tables["transfers"], tables["evaluated_funds"])
    evaluated = per[per["funds"].str.startswith("evaluated funds 纳入")].iloc[0]
    assert evaluated["per_person_yuan"] == pytest.approx(104041 * 10**4 / 69733)
    assert poverty.people_per_household(tables["poverty"]) == pytest.approx(69733 / 24450)
    levels = funding.funds_by_level(tables["transfers"], implied_reward_split())
    by_level = poverty.funds_per_poor_by_level(tables["poverty"], levels).set_index("level")
    assert by_level.loc["中央", "per_household_yuan"] == pytest.approx(23984 * 10**4 / 24450)


def test_projects(tables) -> None:
    funnel = projects.project_funnel(tables["projects"]).set_index("stage")
    assert funnel.loc["实施", "of_pool"] == pytest.approx(551 / 646)
    by_level = projects.implemented_by_level(
        tables["projects"], tables["evaluated_funds"]
    ).set_index("level")
    assert by_level.loc["地方政府债券", "funds_per_project_wan"] == pytest.approx(70000 / 25)
    assert by_level.loc["地方政府债券", "funds_source"] == "evaluated_funds (derived)"
    assert by_level.loc["中央", "funds_source"] == "printed"


def test_claim_verdicts(tables, checks) -> None:
    verdicts = pd.concat(
        [
            claims.funding_claims(tables, checks),
            claims.carryover_claims(tables, checks),
            claims.poverty_claims(tables),
            claims.project_claims(tables, checks),
        ]
    ).set_index("claim_en")["verdict"]
    assert (
        verdicts["The prefecture raised its poverty budget every year 2016-2020"]
        == claims.HOLDS_CORRECTED
    )
    assert (
        verdicts["Every batch was passed on within 5 days of the allocation document"]
        == claims.UNVERIFIABLE
    )
    assert verdicts["All of it is quality deposits and tail payments"] == claims.FAILS
    assert verdicts["124029.13 万元 of funds, by level"] == claims.FAILS
    assert verdicts["551 projects, by level"] == claims.HOLDS


def test_headlines_and_audit(tables, checks) -> None:
    headline = overview.headline_figures(tables).set_index("notebook")
    assert "1,441.168302 万元" in set(headline["value"])
    summary = audit.status_summary(checks).set_index("status")["checks"]
    assert summary.sum() == len(checks)
    coverage = audit.figure_coverage(DEFAULT_DATA_DIR, tables["sections"]).set_index("section_id")
    for section in ("SE-4.1.2", "SE-4.1.3", "SE-4.1.4", "SE-4.2"):
        assert coverage.loc[section, "covered"] == coverage.loc[section, "numbers_printed"]


def test_formatted_shows_exact_decimals() -> None:
    frame = pd.DataFrame({"m": [1441.16], "p": [0.5], "x": [Decimal("142.922302")]})
    shown = formatted(frame, money=["m"], percent=["p"], exact=["x"]).iloc[0]
    assert (shown["m"], shown["p"], shown["x"]) == ("1,441.16", "50.0%", "142.922302")
