"""Analysis functions behind the notebooks, against values worked out by hand from the reports.

Figures are from 巴州 2020 (self-evaluation SE, fund-use report FU) and 满城区 2019 (MC),
each with the section that prints it; hand arithmetic is written out beside the assertion.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import fundanalysis as fa
from fundanalysis.analysis import (
    audit,
    carryover,
    claims,
    funding,
    overview,
    poverty,
    projects,
    spending,
)
from fundanalysis.analysis.results import NotReported
from fundanalysis.data.paths import shipped_reports
from fundanalysis.publish.present import percent, table_html

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


@pytest.fixture(scope="module")
def bazhou() -> fa.Report:
    return fa.load_report()


@pytest.fixture(scope="module")
def mancheng() -> fa.Report:
    return fa.load_report(shipped_reports()[1])


@pytest.fixture(scope="module")
def minimal() -> fa.Report:
    return fa.load_report(MINIMAL)


def test_budget_growth_corrected_and_as_printed(bazhou) -> None:
    growth = funding.budget_growth(bazhou).set_index("year")
    assert growth.loc[2018, "growth"] == pytest.approx((3800 - 3100) / 3100)  # SE 一、（一）
    assert growth.loc[2017, "as_printed_wan"] == 0.31  # 3100 元
    assert bool(growth.loc[2017, "rose"]) and not bool(growth.loc[2017, "rose_as_printed"])
    assert growth.loc[2017, "as_printed"] == "3100 元"  # as the report prints it, no separator
    assert funding.compound_annual_growth(bazhou) == pytest.approx((3900 / 1510) ** 0.25 - 1)


def test_growth_is_undefined_with_one_year_and_absent_without_a_budget(mancheng, minimal) -> None:
    assert isinstance(funding.budget_growth(mancheng), NotReported)
    assert funding.compound_annual_growth(mancheng) is None


def test_funds_by_level_as_printed(bazhou, mancheng) -> None:
    levels = funding.funds_by_level(bazhou).set_index("level")["amount_fen"]
    # SE 二、（一）: central 9990 + 3124 + 37 + 9547; the reward batch 3686 stays 中央、自治区
    assert levels["中央"] == 22698 * 10**6
    assert levels["中央、自治区"] == 3686 * 10**6
    assert int(levels.sum()) == 107941 * 10**6
    # MC 二: 365 + 20 + 570, from the funds under evaluation (no transfers printed)
    assert funding.funds_by_level(mancheng).set_index("level")["amount_fen"].to_dict() == {
        "省级": 365 * 10**6,
        "市级": 20 * 10**6,
        "区级": 570 * 10**6,
    }


def test_batch_timeline(bazhou) -> None:
    timeline = funding.batch_timeline(bazhou).set_index("batch")
    assert timeline.loc[2, "days_since_previous"] == 24  # 6 → 30 December 2019
    assert timeline.loc[7, "cumulative_wan"] == 107941


def test_allocation_matrix(bazhou) -> None:
    assert funding.allocation_funds(bazhou) == ["绩效评价资金", "州本级资金"]
    matrix = funding.allocation_matrix(bazhou, "绩效评价资金").set_index("place")
    assert matrix.loc["合计", "total"] == 104041  # FU 一、（二）1.
    assert matrix.loc["轮台县", "地方政府债券资金"] == 6200
    largest = funding.largest_fund_type_share(bazhou, "绩效评价资金").set_index("place")
    assert largest.loc["博湖县", "fund_type"] == "地方政府债券资金"
    assert largest.loc["博湖县", "share"] == pytest.approx(17300 / 19891)


def test_spending_and_execution(mancheng, bazhou) -> None:
    execution = spending.execution_by_category(mancheng).set_index("category")
    # MC 二: industry spent 792.94 of 314.76 + 513.04 planned
    assert execution.loc["产业项目", "planned_wan"] == pytest.approx(827.80)
    assert execution.loc["产业项目", "execution"] == pytest.approx(792.94 / 827.80)
    assert execution.loc["对口帮扶", "execution"] == 1
    overall = spending.overall_execution(mancheng).iloc[0]
    assert overall["execution"] == pytest.approx(920.14 / 955)
    rate = spending.stated_rates(mancheng).iloc[0]
    assert (rate["stated"], rate["status_en"]) == (Decimal("96.35"), "rounding")  # 96.3497…
    assert rate["status"] == "四舍五入"
    assert isinstance(spending.spending_by_category(bazhou), NotReported)


def test_carryover_breakdowns(bazhou) -> None:
    by_place = carryover.carryover_by_place(bazhou).set_index("place")
    assert by_place.loc["若羌县", "amount_fen"] == 142_922_302  # SE 四、（一）4.
    assert by_place.loc["轮台县", "items"] == 13
    kinds = carryover.carryover_by_kind(bazhou).set_index("kind")["amount_fen"]
    assert kinds["结余"] == 2_890_000  # 0.95 + 1.94
    rates = carryover.carryover_rates(bazhou).set_index("place")
    # Luntai: 691.53 carried over; 11289 evaluated + 873 own funds allocated
    assert rates.loc["轮台县", "carryover_rate"] == pytest.approx(691.53 / (11289 + 873))


def test_poverty_reduction_needs_two_dates(bazhou, mancheng) -> None:
    assert isinstance(poverty.poverty_changes(bazhou), NotReported)
    changes = poverty.poverty_changes(mancheng).set_index("measure_en")
    # MC 一: 402 poor people remaining at the start of 2019, 385 at the end of September
    assert changes.loc["poor people not yet out of poverty", "change"] == 385 - 402
    assert changes.loc["registered poor households", "change"] == 469 - 478
    per = poverty.people_per_household(mancheng).set_index("as_of")["people_per_household"]
    assert per[pd.Timestamp("2019-01-01")] == pytest.approx(1012 / 478)


def test_funds_per_poor_person(bazhou) -> None:
    per = poverty.funds_per_poor(bazhou).set_index("level")
    # 107941 万元 over 69733 registered poor people, in yuan
    assert per.loc["合计", "per_person_yuan"] == pytest.approx(107941 * 10_000 / 69733)
    assert per.loc["合计", "per_household_yuan"] == pytest.approx(107941 * 10_000 / 24450)


def test_projects(bazhou, mancheng) -> None:
    funnel = projects.project_funnel(bazhou).set_index("stage")
    assert funnel.loc["实施", "projects"] == 551 and funnel.loc["储备", "projects"] == 646
    by_level = projects.projects_by_level(bazhou).set_index("level")
    assert by_level.loc["中央", "funds_per_project_wan"] == pytest.approx(23984 / 273)
    assert pd.isna(by_level.loc["地方政府债券", "funds_wan"])  # printed without funds
    by_category = projects.projects_by_category(mancheng).set_index("category")
    assert by_category.loc["光伏发电", "project_count"] == 49
    assert by_category.loc["光伏发电", "funds_per_project_wan"] == pytest.approx(314.76 / 49)


def test_claim_verdicts(bazhou, mancheng) -> None:
    verdicts = claims.claims(bazhou).set_index("claim_id")["verdict_code"]
    assert verdicts["budget_rose_every_year"] == claims.HOLDS_CORRECTED
    assert verdicts["five_day_rule"] == claims.UNVERIFIABLE
    assert verdicts["carryover_kinds"] == claims.FAILS
    assert verdicts["projects_funds"] == claims.FAILS
    # 9 places get funds, 8 counties and 库尔勒市, a county-level city: "非贫困县 9 个" counts
    # them as Chinese administration counts 县（市、区） (SE 四、（三）)
    assert verdicts["counties_with_tasks"] == claims.HOLDS
    counted = claims.claims(bazhou).set_index("claim_id").loc["counties_with_tasks"]
    assert (
        counted["evidence"].startswith("数据中共有 9 个县级单位")
        and "库尔勒市" in counted["evidence"]
    )
    assert "Korla City" in counted["evidence_en"]
    # 1441.16 万元 equals the four county totals, and the items within rounding: it holds
    assert verdicts["carryover_headline"] == claims.HOLDS
    other = claims.claims(mancheng).set_index("claim_id")["verdict_code"]
    assert other["projects_count"] == claims.FAILS
    assert other["reimbursement_rate"] == claims.HOLDS


def test_a_claim_is_judged_by_every_check_of_its_figure(bazhou, mancheng) -> None:
    """No claim holds while another check of the figure it cites fails (two tables, one verdict)."""
    for report in (bazhou, mancheng):
        totals = report.tables["totals"]
        status = report.checks.set_index("check")["status"].astype(str)
        judged = claims.claims(report).set_index("claim_id")
        for claim in report.tables["claims"].itertuples():
            same = totals[
                (totals["section_id"] == claim.section_id) & (totals["printed"] == claim.printed)
            ]
            if not claim.test.startswith("check:") or same.empty:
                continue
            if (status[same["total_id"]] == "discrepancy").any():
                assert judged.loc[claim.claim_id, "verdict_code"] == claims.FAILS, claim.claim_id


def test_headlines_and_audit(bazhou) -> None:
    headline = overview.headline_figures(bazhou).set_index("figure_en")
    # pages show 万元 to two decimals in both languages, with the figure to the 分 beside it
    carry = headline.loc["carry-over (sum of items)"]
    assert (carry["value"], carry["value_exact"]) == ("1,441.17 万元", "1,441.168302 万元")
    assert carry["value_exact_en"] == "1,441.168302 × 10,000 yuan"
    received = headline.loc["funds received and passed on"]
    assert (received["value_en"], received["value_exact_en"]) == ("107,941.00 × 10,000 yuan", "")
    summary = audit.status_summary(bazhou).set_index("status_code")["checks"]
    assert summary.sum() == len(bazhou.checks) == 66
    coverage = audit.figure_coverage(bazhou).set_index("section_id")
    for section in ("SE-4.1.2", "SE-4.1.3", "SE-4.1.4", "SE-4.2"):
        assert coverage.loc[section, "covered"] == coverage.loc[section, "numbers_printed"]


def test_a_report_with_three_tables_gives_results_or_says_what_is_missing(minimal) -> None:
    assert funding.funds_by_level(minimal).set_index("level")["amount_fen"].sum() == 120_500_000
    for result in (
        funding.budget_growth(minimal),
        funding.batch_timeline(minimal),
        carryover.carryover_by_place(minimal),
        projects.project_funnel(minimal),
        claims.claims(minimal),
    ):
        assert isinstance(result, NotReported)
    assert "does not print" in carryover.carryover_by_place(minimal).sentence("en")
    assert overview.headline_figures(minimal)["figure_en"].tolist()[0] == "funds under evaluation"


def test_tables_for_readers() -> None:
    frame = pd.DataFrame(
        {
            "level": ["中央"],
            "level_en": ["central"],
            "amount_wan": [1441.16],
            "share": [0.5],
            "x": [None],
        }
    )
    html, text = table_html(
        frame,
        ["level", "amount_wan", "share", "x"],
        "en",
        {"amount_wan": "money", "share": "percent"},
    )
    assert "central" in html and "中央" not in html
    assert '<td class="num" data-label="amount (10,000 yuan)">1,441.16</td>' in html
    assert ">50.00%</td>" in html
    assert '<td class="short" data-label="x">—</td>' in html  # empty shown as a dash
    short, _ = table_html(frame, ["level", "amount_wan", "share"], "en", {"amount_wan": "money"})
    assert "fa-cards" not in short  # three short columns fit a phone: it stays a table
    assert "fa-table-note" not in html  # nothing rounded: no note
    wide = pd.DataFrame({f"c{i}": ["一段较长的文字说明，在手机上放不下"] for i in range(4)})
    assert 'class="fa-table fa-cards"' in table_html(wide, list(wide.columns), "zh")[0]
    assert "level of government" in text
    assert percent(0.000018) == "0.0018%" and percent(0.5) == "50.00%"
    assert percent(0.9634973822) == "96.35%"  # as the report prints its rate


def test_money_is_shown_to_two_decimals_with_its_figure_to_the_fen_as_its_title() -> None:
    frame = pd.DataFrame({"amount_wan": [142.922302, 3100.0, 40.376], "n": [1, 2, 3]})
    html, text = table_html(frame, ["amount_wan", "n"], "zh", {"amount_wan": "money"})
    cells = re.findall(r"<td ([^>]*)>([^<]*)</td>", html)
    amounts = [(attributes, shown) for attributes, shown in cells if "万元" in attributes]
    assert [shown for _, shown in amounts] == ["142.92", "3,100.00", "40.38"]
    assert 'title="142.922302 万元"' in amounts[0][0] and "rounded" in amounts[0][0]
    assert "title=" not in amounts[1][0]  # 3,100.00 is the figure: nothing to add
    assert 'title="40.376 万元"' in amounts[2][0]
    assert "四舍五入" in html and "fa-table-note" in html
    assert text.splitlines()[1].split("\t")[0] == "142.92"
    english, _ = table_html(frame, ["amount_wan"], "en", {"amount_wan": "money"})
    assert 'title="142.922302 × 10,000 yuan"' in english and "to two decimals" in english


def test_a_check_is_shown_in_its_own_unit_with_its_exact_figure_as_title() -> None:
    from fundanalysis.publish.views.common import checks_for_reading

    checks = pd.DataFrame(
        {
            "stated": [Decimal("1441.16"), Decimal("1.2345"), Decimal("52")],
            "computed": [Decimal("1441.168302"), Decimal("1.2345"), Decimal("53")],
            "difference": [Decimal("0.008302"), Decimal("0"), Decimal("1")],
            "unit": ["万元", "亿元", "个"],
        }
    )
    shown = checks_for_reading(checks)
    assert list(shown["computed"]) == ["1,441.17", "1.23", "53"]
    assert list(shown["computed_exact"]) == ["1,441.168302 万元", "1.2345 亿元", ""]
    assert shown.loc[1, "computed_exact_en"] == "1.2345 × 100 million yuan"
    assert shown.loc[0, "stated_exact"] == ""  # 1,441.16 is the figure itself
