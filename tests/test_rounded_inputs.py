"""Figures printed coarser than their table's unit (1.2 亿元, 1.8 万人) stand for intervals in
comparisons and derived figures (README, "Rounding in comparisons and derived figures"): equal
rounded figures do not make 逐年增加 false, exact ones still do; a figure derived from 万人 is
a range, never a figure to the 分; a change names its unit. Fixtures written by hand here."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.analysis import claims, funding, poverty
from fundanalysis.data import intervals
from fundanalysis.publish.present import table_html

BUDGET = "year,amount,unit,section_id,printed\n"
POVERTY = "measure,value,unit,as_of,as_of_printed,section_id,printed\n"


def _budget(directory: Path, rows: list[tuple[int, str, str]], total: str) -> None:
    """Write the tiny fixture's budget and its stated total, kept in step (the unit slip of
    2019, its correction and its finding removed)."""
    lines = [f"{y},{a},{u},T-1,{y} 年 {a} {u}" for y, a, u in rows]
    (directory / "budget.csv").write_text(BUDGET + "\n".join(lines) + "\n", encoding="utf-8")
    for name, key in (("corrections.csv", "C1,"), ("findings.csv", "F2,")):
        path = directory / name
        kept = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(key)
        ]
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    totals = directory / "totals.csv"
    text = totals.read_text(encoding="utf-8")
    totals.write_text(
        text.replace("budget_all,budget,,amount,220,万元,T-1,共220万元", total), encoding="utf-8"
    )


def _verdict(directory: Path) -> str:
    table = claims.claims(fa.load_report(directory)).set_index("claim_id")
    return table.loc["budget_up", "verdict_code"]


def test_equal_rounded_figures_do_not_make_a_rise_every_year_false(tiny_dir) -> None:
    # 1.2 亿元 and 1.2 亿元 may be 11,900 and 12,100 万元: a rise cannot be ruled out
    _budget(
        tiny_dir,
        [(2019, "1.1", "亿元"), (2020, "1.2", "亿元"), (2021, "1.2", "亿元")],
        "budget_all,budget,,amount,3.5,亿元,T-1,共3.5亿元",
    )
    assert _verdict(tiny_dir) == claims.ROUNDING
    row = claims.claims(fa.load_report(tiny_dir)).set_index("claim_id").loc["budget_up"]
    assert row["verdict"] != "不成立" and "11,500 至 12,500 万元" in row["evidence"]


def test_a_rounded_figure_equal_to_an_exact_one_is_rounding_too(tiny_dir) -> None:
    # 1.1 亿元 is 10,500 to 11,500 万元; 11000 万元 after it may be a rise
    _budget(
        tiny_dir,
        [(2019, "1.1", "亿元"), (2020, "11000", "万元")],
        "budget_all,budget,,amount,22000,万元,T-1,共22000万元",
    )
    assert _verdict(tiny_dir) == claims.ROUNDING


def test_exact_equal_figures_still_make_a_rise_every_year_false(tiny_dir) -> None:
    _budget(
        tiny_dir,
        [(2019, "11000", "万元"), (2020, "12000", "万元"), (2021, "12000", "万元")],
        "budget_all,budget,,amount,35000,万元,T-1,共35000万元",
    )
    assert _verdict(tiny_dir) == claims.FAILS


def test_rounded_figures_too_far_apart_keep_their_verdict(tiny_dir) -> None:
    # 1.5 亿元 (at least 14,500 万元) after 1.2 亿元 (at most 12,500): a rise, whatever the
    # rounding; 1.2 after 1.5: a fall, whatever the rounding
    _budget(
        tiny_dir,
        [(2019, "1.2", "亿元"), (2020, "1.5", "亿元")],
        "budget_all,budget,,amount,2.7,亿元,T-1,共2.7亿元",
    )
    assert _verdict(tiny_dir) == claims.HOLDS


def test_a_rise_between_touching_intervals_is_not_certain() -> None:
    # 1.1 亿元 tops at 11,500 万元 where 1.2 亿元 starts: both may be 11,500, no rise
    low, high = intervals.span(110, 5), intervals.span(120, 5)
    assert intervals.rise_status(low, high) == intervals.ROUNDING
    assert intervals.rise_status(high, low) == intervals.FAILS
    assert intervals.rise_status((100, 100), (100, 100)) == intervals.FAILS
    assert intervals.rise_status((100, 100), (101, 101)) == intervals.HOLDS


def test_an_amount_printed_to_the_wan_or_finer_is_compared_as_printed() -> None:
    assert intervals.compared_half_fen("12000", "万元") == 0
    assert intervals.compared_half_fen("3100", "元") == 0
    assert intervals.compared_half_fen("1.2345", "亿元") == 0  # to the 万元
    assert intervals.compared_half_fen("1.2", "亿元") == 500 * 1_000_000  # 500 万元 in 分


def test_budget_changes_from_rounded_figures_are_ranges(tiny_dir) -> None:
    _budget(
        tiny_dir,
        [(2019, "1.1", "亿元"), (2020, "1.2", "亿元"), (2021, "1.2", "亿元")],
        "budget_all,budget,,amount,3.5,亿元,T-1,共3.5亿元",
    )
    report = fa.load_report(tiny_dir)
    growth = funding.budget_growth(report).set_index("year")
    assert growth.loc[2021, "change_wan_range"] == (Decimal(-1000), Decimal(1000))
    assert growth.loc[2021, "growth_range"] == (Fraction(-2, 25), Fraction(2, 23))
    html, text = table_html(
        growth.reset_index(),
        ["year", "change_wan", "growth"],
        "zh",
        {"change_wan": "money", "growth": "percent"},
    )
    assert "-1,000.00 至 1,000.00" in text and "-8.00% 至 8.70%" in text
    assert "0.00%" not in text.splitlines()[-1].split("\t")[2]  # no exact 0.00 % change
    assert "区间" in html
    assert funding.compound_growth_range(report) is not None


def _people(directory: Path) -> None:
    (directory / "poverty.csv").write_text(
        POVERTY
        + "registered_poor_households,5000,户,2020-01-01,2020年初,T-1,5000户\n"
        + "registered_poor_people,1.8,万人,2020-01-01,2020年初,T-1,1.8万人\n"
        + "poor_people_remaining,1.2,万人,2020-01-01,2020年初,T-1,1.2万人\n"
        + "poor_people_remaining,0.3,万人,2020-12-31,2020年底,T-1,0.3万人\n"
        + "poverty_incidence,5.2,%,2020-01-01,2020年初,T-1,贫困发生率5.2%\n"
        + "poverty_incidence,2.0,%,2020-12-31,2020年底,T-1,贫困发生率2.0%\n",
        encoding="utf-8",
    )


def test_figures_derived_from_wan_people_are_not_given_false_precision(tiny_dir) -> None:
    _people(tiny_dir)
    report = fa.load_report(tiny_dir)
    per = poverty.people_per_household(report)
    assert per["people_per_household_range"].iloc[0] == (Fraction(7, 2), Fraction(37, 10))
    _, text = table_html(per, ["people_per_household"], "zh", {"people_per_household": "average"})
    assert "3.50 至 3.70" in text and "3.60" not in text
    funds = poverty.funds_per_poor(report)
    _, text = table_html(funds, ["per_person_yuan"], "en", {"per_person_yuan": "yuan"})
    # 50 万元 over 17,500 to 18,500 people: 27.02 to 28.58 yuan (ends outwards), never 27.78
    assert "27.02 to 28.58" in text and "27.78" not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_change_names_its_unit(tiny_dir, lang) -> None:
    _people(tiny_dir)
    changes = poverty.poverty_changes(fa.load_report(tiny_dir)).set_index("measure_en")
    _, text = table_html(
        changes.reset_index(),
        ["change", "change_share"],
        lang,
        {"change": "exact", "change_share": "percent"},
    )
    people, rate = text.splitlines()[1:]
    if lang == "zh":
        assert people.startswith("-1.0 至 -0.8 万人") and "-80.00% 至 -69.56%" in people
        assert rate.startswith("-3.3 至 -3.1 百分点")  # 5.2 % to 2.0 %, each ± 0.05
    else:
        assert people.startswith("-1.0 to -0.8 × 10,000 people")
        assert rate.startswith("-3.3 to -3.1 percentage points")


def test_exact_counts_keep_their_exact_figures(tiny_dir) -> None:
    (tiny_dir / "poverty.csv").write_text(
        POVERTY
        + "registered_poor_households,478,户,2019-01-01,2019年初,T-1,478户\n"
        + "registered_poor_households,469,户,2019-09-30,2019年9月底,T-1,469户\n"
        + "registered_poor_people,1012,人,2019-01-01,2019年初,T-1,1012人\n",
        encoding="utf-8",
    )
    report = fa.load_report(tiny_dir)
    per = poverty.people_per_household(report)
    assert per["people_per_household_range"].iloc[0] is None
    _, text = table_html(per, ["people_per_household"], "zh", {"people_per_household": "average"})
    assert "2.12" in text and "至" not in text
    changes = poverty.poverty_changes(report)
    _, text = table_html(changes, ["change", "change_share"], "zh", {"change": "exact"})
    assert text.splitlines()[1].startswith("-9 户")


def test_a_share_of_an_amount_printed_in_yi_is_a_range(tiny_dir) -> None:
    # 0.005 亿元 is 45 to 55 万元; beside 120 万元 it is 27.27 % to 31.43 % of the whole
    transfers = tiny_dir / "transfers.csv"
    text = transfers.read_text(encoding="utf-8")
    transfers.write_text(
        text.replace("扶贫发展资金,50,万元", "扶贫发展资金,0.005,亿元").replace(
            "中央资金50万元", "中央资金0.005亿元"
        ),
        encoding="utf-8",
    )
    levels = funding.funds_by_level(fa.load_report(tiny_dir))
    assert levels["share_range"].iloc[0] == (Fraction(45, 165), Fraction(55, 175))
    _, text = table_html(levels, ["level", "share"], "zh", {"share": "percent"})
    assert "27.27% 至 31.43%" in text and "29.41%" not in text


def test_shares_of_amounts_taken_as_printed_stay_exact(tiny_dir) -> None:
    levels = funding.funds_by_level(fa.load_report(tiny_dir))
    assert levels["share_range"].isna().all()
    _, text = table_html(levels, ["level", "share"], "zh", {"share": "percent"})
    assert "至" not in text


def test_a_carryover_rate_over_an_allocation_printed_in_yi_is_a_range(tiny_dir) -> None:
    from fundanalysis.analysis import carryover

    exact = carryover.carryover_rates(fa.load_report(tiny_dir)).set_index("place")
    assert exact["carryover_rate_range"].isna().all()
    allocations = tiny_dir / "allocations.csv"
    text = allocations.read_text(encoding="utf-8")
    allocations.write_text(
        text.replace(
            "甲县,扶贫发展资金,70,万元,T-1,甲县 70 万元",
            "甲县,扶贫发展资金,0.007,亿元,T-1,甲县 0.007 亿元",
        ),
        encoding="utf-8",
    )
    rates = carryover.carryover_rates(fa.load_report(tiny_dir)).set_index("place")
    low, high = rates.loc["甲县", "carryover_rate_range"]
    carried = Fraction(rates.loc["甲县", "carryover_wan"]).limit_denominator(10**6)
    assert (low, high) == (carried / 105, carried / 95)  # 30 万元 + 65 to 75 万元
    assert rates["carryover_rate_range"].isna().tolist() == [False, True]
