"""Spending execution and stated rates: a rate from amounts printed coarser than the 万元
(0.003 亿元) is the range they allow, from amounts printed to the 万元 the exact figure as
before (README, "Rounding in comparisons and derived figures"); a stated rate over a base that
sums to 0 cannot be checked: not computable (无法计算), neither ok nor a discrepancy, no
finding and no error in the data, while a wrong rate over a base that is not 0 still fails.
Built on the hand-written two-county fixture, with spending and rates written here."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import fundanalysis as fa
from fundanalysis.analysis import audit, spending
from fundanalysis.cli import main
from fundanalysis.publish.present import table_html

SPENDING = "category,amount,unit,as_of,as_of_printed,section_id,printed\n"
INDICATORS = (
    "indicator_id,stated,unit,numerator,denominator,section_id,printed,description,"
    "description_en,explanation\n"
)
PROJECTS = "编制,中央,{category},,{amount},{unit},,,,{amount}{unit},T-1\n"


def _spending(directory: Path, rows: list[tuple[str, str, str]]) -> Path:
    """Spend in the two categories (added to the vocabulary), from section T-1."""
    with (directory / "vocabulary.csv").open("a", encoding="utf-8") as handle:
        handle.write("category,产业发展,industry,\ncategory,基础设施,infrastructure,\n")
    lines = [f"{c},{a},{u},,,T-1,{c}{a}{u}" for c, a, u in rows]
    (directory / "spending.csv").write_text(SPENDING + "\n".join(lines) + "\n", encoding="utf-8")
    return directory


def _planned(directory: Path, rows: list[tuple[str, str, str]]) -> None:
    """Projects planned (编制, the earliest stage: the funds execution is measured against)."""
    with (directory / "projects.csv").open("a", encoding="utf-8") as handle:
        for category, amount, unit in rows:
            handle.write(PROJECTS.format(category=category, amount=amount, unit=unit))


def _rate(directory: Path, stated: str, printed: str) -> None:
    """The report's spending rate: all spending over the funds under evaluation."""
    row = f"rate_1,{stated},%,spending[],evaluated_funds[],T-1,{printed},支出率,spending rate,\n"
    (directory / "indicators.csv").write_text(INDICATORS + row, encoding="utf-8")


def _zero_funds(directory: Path) -> None:
    """Every amount the funds' checks read printed as 0 万元, in its figure and its text."""
    for name in ("evaluated_funds.csv", "transfers.csv", "allocations.csv", "projects.csv"):
        path = directory / name
        lines = path.read_text(encoding="utf-8").splitlines()
        zeroed = [lines[0]] + [re.sub(r"(?<![\d.])\d+(,?\s*万元)", r"0\1", x) for x in lines[1:]]
        path.write_text("\n".join(zeroed) + "\n", encoding="utf-8")


def _shown(frame, columns, formats) -> str:
    return table_html(frame, columns, "zh", formats)[1]


def test_execution_from_amounts_in_yi_yuan_is_a_range(tiny_dir) -> None:
    # 0.003 亿元 is 25 to 35 万元; with 20 万元 that is 45 to 55 万元 of the 50 万元 of funds
    _spending(tiny_dir, [("产业发展", "0.003", "亿元"), ("基础设施", "20", "万元")])
    report = fa.load_report(tiny_dir)
    overall = spending.overall_execution(report).iloc[0]
    assert overall["execution"] == 1
    assert overall["execution_range"] == (Fraction(9, 10), Fraction(11, 10))
    text = _shown(spending.overall_execution(report), ["execution"], {"execution": "percent"})
    assert "90.00% 至 110.00%" in text


def test_execution_by_category_from_rounded_planned_funds_is_a_range(tiny_dir) -> None:
    _spending(tiny_dir, [("产业发展", "0.003", "亿元"), ("基础设施", "20", "万元")])
    _planned(tiny_dir, [("产业发展", "0.004", "亿元"), ("基础设施", "25", "万元")])
    report = fa.load_report(tiny_dir)
    table = spending.execution_by_category(report).set_index("category")
    # 25 to 35 万元 spent of 35 to 45 万元 planned; 20 of 25 万元, both printed to the 万元
    assert table.loc["产业发展", "execution_range"] == (Fraction(5, 9), Fraction(1))
    assert table.loc["基础设施", "execution_range"] is None
    assert table.loc["基础设施", "execution"] == 20 / 25  # as before: the exact inputs divided
    text = _shown(table.reset_index(), ["category", "execution"], {"execution": "percent"})
    assert "55.55% 至 100.00%" in text and "80.00%" in text
    assert "80.00% 至" not in text


def test_execution_from_amounts_in_wan_yuan_is_exact(tiny_dir) -> None:
    _spending(tiny_dir, [("产业发展", "27", "万元"), ("基础设施", "20", "万元")])
    report = fa.load_report(tiny_dir)
    overall = spending.overall_execution(report)
    assert overall.loc[0, "execution_range"] is None
    assert overall.loc[0, "execution"] == 47 / 50
    text = _shown(overall, ["execution"], {"execution": "percent"})
    assert "94.00%" in text and "至" not in text


def test_the_spending_page_shows_the_range(tiny_dir, capsys) -> None:
    from fundanalysis import views
    from fundanalysis.publish import charts

    charts.use_style()
    _spending(tiny_dir, [("产业发展", "0.003", "亿元"), ("基础设施", "20", "万元")])
    views.spending_and_execution(fa.load_report(tiny_dir))
    shown = capsys.readouterr().out
    assert "90.00% 至 110.00%" in shown


def _zero_rate(directory: Path) -> Path:
    _zero_funds(directory)
    _spending(directory, [("产业发展", "0", "万元"), ("基础设施", "0", "万元")])
    _rate(directory, "0", "支出率0%")
    return directory


def test_a_rate_over_a_base_of_zero_is_not_computable(tiny_dir) -> None:
    checks = fa.reconcile(_zero_rate(tiny_dir)).set_index("check")
    row = checks.loc["rate_1"]
    assert row["status"] == "not_computable"
    assert row["computed"] is None and row["difference"] is None
    assert "无法计算" in row["note"] and "cannot be computed" in row["note_en"]
    assert row["finding"] == ""


def test_it_validates_with_no_data_error(tiny_dir, capsys) -> None:
    assert main(["validate", str(_zero_rate(tiny_dir))]) == 0
    out = capsys.readouterr().out
    assert "分母之和为零" not in out and "not_computable 1" in out


def test_its_page_says_not_computable(tiny_dir, capsys) -> None:
    from fundanalysis import views
    from fundanalysis.publish import charts

    charts.use_style()
    report = fa.load_report(_zero_rate(tiny_dir))
    views.spending_and_execution(report)
    views.check_results(report)
    views.failing_checks(report)
    shown = capsys.readouterr().out
    assert "分母为零，比率无法计算，无从核对。" in shown
    rates = spending.stated_rates(report)
    assert rates.loc[0, "status"] == "无法计算" and rates.loc[0, "status_en"] == "not computable"
    row = _shown(rates, ["description", "status", "stated", "computed"], {"stated": "exact"})
    assert "支出率\t无法计算\t0\t—" in row
    summary = audit.status_summary(report).set_index("status_code")
    assert summary.loc["not_computable", "checks"] == 1
    assert summary.loc["discrepancy", "checks"] == 1  # the fixture's own (F1), not the rate


def test_a_report_with_no_such_rate_counts_no_status_for_it(tiny_dir) -> None:
    summary = audit.status_summary(fa.load_report(tiny_dir))
    assert "not_computable" not in set(summary["status_code"])


def test_a_wrong_rate_over_a_base_that_is_not_zero_is_still_a_discrepancy(tiny_dir, capsys):
    _spending(tiny_dir, [("产业发展", "30", "万元"), ("基础设施", "20", "万元")])
    _rate(tiny_dir, "90", "支出率90%")  # 50 of 50 万元: 100 %
    row = fa.reconcile(tiny_dir).set_index("check").loc["rate_1"]
    assert row["status"] == "discrepancy"
    assert main(["validate", str(tiny_dir)]) == 1  # and no finding accounts for it
    assert "rate_1" in capsys.readouterr().out


def test_the_workbook_and_checks_csv_carry_it(tiny_dir, tmp_path) -> None:
    import openpyxl

    from fundanalysis.publish import datapackage, export

    report = fa.load_report(_zero_rate(tiny_dir))
    book = openpyxl.load_workbook(export.write_workbook(report, tmp_path / "tiny.xlsx"))
    cells = {str(c.value) for sheet in book for row in sheet.iter_rows() for c in row}
    assert "rate_1" in cells and not {"inf", "nan", "NaN"} & cells
    checks = fa.reconcile(tiny_dir)
    path = tmp_path / "checks.csv"
    export.write_csv(path, list(checks.columns), checks.values.tolist())
    row = next(
        line for line in path.read_text(encoding="utf-8-sig").splitlines() if "rate_1" in line
    )
    assert ",not_computable," in row
    schema = datapackage.result_schema(list(checks.columns), datapackage.CHECK_FIELDS)
    status = next(f for f in schema["fields"] if f["name"] == "status")
    assert "not_computable" in status["constraints"]["enum"]


def test_a_finding_registered_on_it_is_refused_as_needing_none(tiny_dir, capsys) -> None:
    directory = _zero_rate(tiny_dir)
    with (directory / "findings.csv").open("a", encoding="utf-8") as findings:
        findings.write(
            "F9,支出率无法计算,Rate over a base of 0,rate_1,,分母为零。,Base of 0.,,,,\n"
        )
    assert main(["validate", str(directory)]) == 1
    out = capsys.readouterr().out
    assert "None" not in out
    assert "不必登记为发现" in out and "none of its checks fails" not in out
