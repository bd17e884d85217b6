"""What the tenth adversary round found, written from our own inputs: a count printed in 万人
in the headlines, a budget change across a year not printed, a rate brought down to a bare 0,
poverty counts at two dates in two units, allocations the report does not print, the parts of
a ratio, and a rounded rate with one verdict wherever it is shown."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

import fundanalysis as fa
from fundanalysis.analysis import funding, overview, poverty
from fundanalysis.text.scan import scan_text
from tests.test_fifth_round import _append
from tests.test_fourth_round import _replace

_PEOPLE = "registered_poor_people,300,人,2020-01-01,2020年初,T-1,300人"


def test_a_count_in_wan_is_a_headline_as_printed(tiny_dir) -> None:
    _replace(
        tiny_dir / "poverty.csv",
        _PEOPLE,
        _PEOPLE.replace("300,人", "3.5,万人").replace(",300人", ",3.5万人"),
    )
    headlines = overview.headline_figures(fa.load_report(tiny_dir))
    texts = " ".join(map(str, headlines.to_numpy().ravel()))
    assert "3.5 万人" in texts and "3.5 × 10,000 people" in texts


def test_no_change_on_the_year_before_across_a_year_not_printed(tiny_dir) -> None:
    _replace(
        tiny_dir / "budget.csv", "2019,100,元,T-1,2019 年 100 元", "2018,100,元,T-1,2018 年 100 元"
    )
    _replace(tiny_dir / "corrections.csv", "year=2019", "year=2018")
    growth = funding.budget_growth(fa.load_report(tiny_dir)).set_index("year")
    assert pd.isna(growth.loc[2020, "change_wan"]) and pd.isna(growth.loc[2020, "growth"])


def test_a_change_on_the_year_before_is_still_given(tiny_dir) -> None:
    growth = funding.budget_growth(fa.load_report(tiny_dir)).set_index("year")
    assert growth.loc[2020, "change_wan"] == 20  # 2019's 100 元 is corrected to 100 万元


@pytest.mark.parametrize(
    ("printed", "accepted"),
    [
        ("贫困发生率由0.8%降至0", True),
        ("贫困发生率由0.8%降为零", True),
        ("贫困发生率由0.8%降至0.5%", False),  # 0 is not printed
        ("贫困发生率降至0", False),  # no rate in % before it: 0 of what is not said
        ("贫困发生率由0.8%降至0户", False),
    ],
)
def test_a_rate_brought_down_to_a_bare_zero_agrees(tiny_dir, printed, accepted) -> None:
    from tests.test_fourth_round import _problems

    _append(tiny_dir / "poverty.csv", f"poverty_incidence,0,%,2020-12-31,2020年底,T-1,{printed}")
    if accepted:
        fa.load_report(tiny_dir).checks  # noqa: B018 (loads without a problem)
    else:
        assert ("poverty.csv", 3, "value") in _problems(tiny_dir)


def test_a_poverty_count_at_two_dates_in_two_units_is_a_change(tiny_dir) -> None:
    _replace(
        tiny_dir / "poverty.csv",
        _PEOPLE,
        _PEOPLE.replace("300,人", "3,万人").replace(",300人", ",3万人"),
    )
    _append(
        tiny_dir / "poverty.csv",
        "registered_poor_people,1000,人,2020-12-31,2020年底,T-1,1000人",
    )
    (change,) = poverty.poverty_changes(fa.load_report(tiny_dir)).itertuples()
    assert change.first.startswith("3 万人") and change.last.startswith("1,000 人")
    assert change.change == -29000  # in the last count's unit, 人


def test_an_allocation_the_report_does_not_print_is_no_zero(tiny_dir) -> None:
    _append(tiny_dir / "vocabulary.csv", "fund_type,少数民族发展资金,minority fund,")
    _append(
        tiny_dir / "allocations.csv",
        "绩效评价资金,甲县,少数民族发展资金,30,万元,T-1,甲县少数民族发展资金30万元",
    )
    report = fa.load_report(tiny_dir)
    matrix = funding.allocation_matrix(report, "绩效评价资金").set_index("place")
    assert pd.isna(matrix.loc["乙县", "少数民族发展资金"])  # 乙县 prints none: not 0.00
    assert matrix.loc["乙县", "total"] == 20 and matrix.loc["合计", "total"] == 80
    largest = funding.largest_fund_type_share(report, "绩效评价资金").set_index("place")
    assert largest.loc["甲县", "fund_type"] == "扶贫发展资金、少数民族发展资金"  # a tie names both


def test_the_parts_of_a_ratio_are_its_numerators_and_its_denominators() -> None:
    from fundanalysis.data.paths import shipped_reports

    checks = fa.reconcile(shipped_reports()[1]).set_index("check")
    # 满城区: spending of 4 categories over funds of 3 levels
    assert checks.loc["reimbursement_rate", "parts"] == 4 + 3


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("已支出资金920.14万元，占安排资金955万元的96.35%。", "rounding"),  # 96.3497… %
        ("已支出资金384万元，占安排资金400万元的96%。", "holds"),  # exactly 96 %
    ],
)
def test_a_scanned_rate_has_the_verdict_the_checks_give_it(sentence, status) -> None:
    rates = [
        r for r in scan_text(f"# 甲县\n\n一、资金\n\n{sentence}\n").relations if r.kind == "rate"
    ]
    assert [r.status for r in rates] == [status]
    assert rates[0].total.value in (Decimal("96.35"), Decimal(96))


@pytest.mark.parametrize(
    ("file", "said"),
    [
        ("coverage.csv", "out of date"),
        ("scan.csv", "out of date"),
    ],
)
def test_validate_refuses_stored_results_that_are_not_the_texts(
    scorecard_dir, capsys, file, said
) -> None:
    """With the text present, the coverage and the scan the pages show must be the text's own:
    validate says so before a page would fail on them."""
    from fundanalysis.cli import main

    path = scorecard_dir / file  # its header only: no row of what the text gives
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert main(["validate", str(scorecard_dir)]) == 1
    out = capsys.readouterr().out
    assert f"{file}: " in out and said in out and "unexpected" not in out


def test_validate_accepts_stored_results_that_are_the_texts(scorecard_dir, capsys) -> None:
    from fundanalysis.cli import main

    assert main(["validate", str(scorecard_dir)]) == 0
    assert "checked against the text" in capsys.readouterr().out


@pytest.mark.parametrize("file", ["coverage.csv", "scan.csv"])
def test_validate_says_stored_results_not_yet_written(scorecard_dir, capsys, file) -> None:
    """A fresh draft has no coverage yet: validate passes and says what to run before the site."""
    from fundanalysis.cli import main

    (scorecard_dir / file).unlink()
    assert main(["validate", str(scorecard_dir)]) == 0
    out = capsys.readouterr().out
    assert f"{file} not written yet: run `fundanalysis coverage --write`" in out
