"""Not computable is not a number: a share of 0, a rate over 0, a gap against a total of 0.

Each is missing (None or NaN) with a flag the pages show as 无法计算 / not computable; never
``inf``, ``nan`` printed as a figure, or "immaterial".
"""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd

import fundanalysis as fa
from fundanalysis.analysis import audit, poverty
from fundanalysis.analysis._common import exact_sum
from fundanalysis.cli import main
from fundanalysis.publish import export


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _zero_total(tiny_dir: Path) -> Path:
    """County A's carry-over stated as 0 万元 against items of 1.004 + 2.002 万元, as F3."""
    _replace(
        tiny_dir / "totals.csv",
        "carry_a,carryover,place=甲县,amount,3.01,万元,T-2,甲县3.01万元",
        "carry_a,carryover,place=甲县,amount,0,万元,T-2,甲县0万元",
    )
    with (tiny_dir / "findings.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "F3,甲县结转合计印为零,County A's total is printed as 0,carry_a,,印为 0。,Printed as 0.,,,,\n"
        )
    # the all-county total is the sum of the county totals only through its items: unchanged
    return tiny_dir


def test_a_gap_against_a_total_stated_as_zero_is_neither_material_nor_immaterial(tiny_dir):
    register = fa.findings(_zero_total(tiny_dir)).set_index("finding")
    f3 = register.loc["F3"]
    assert f3["amount"] == Decimal("3.006")  # the gap is known, in 万元
    assert f3["of_stated"] == 0
    assert f3["materiality"] is None or math.isnan(f3["materiality"])
    assert f3["material"] is pd.NA
    assert register.loc["F1", "material"] in (True, False)  # the others keep their verdict


def test_the_pages_say_not_computable_for_it(tiny_dir):
    report = fa.load_report(_zero_total(tiny_dir))
    shown = audit.findings_register(report).set_index("finding")
    assert shown.loc["F3", "material"] == "无法计算"
    assert shown.loc["F3", "material_en"] == "not computable"
    assert "非重大" not in shown.loc["F3", "material"]


def test_validate_says_not_computable_and_does_not_crash(tiny_dir, capsys):
    assert main(["validate", str(_zero_total(tiny_dir))]) == 0
    out = capsys.readouterr().out
    line = next(row for row in out.splitlines() if "[F3]" in row)
    assert "not computable" in line and "immaterial" not in line


def test_the_workbook_is_written_and_says_not_computable(tiny_dir, tmp_path):
    report = fa.load_report(_zero_total(tiny_dir))
    path = export.write_workbook(report, tmp_path / "tiny.xlsx")
    about = openpyxl.load_workbook(path)["说明"]
    cells = [str(c.value) for row in about.iter_rows() for c in row if c.value is not None]
    f3 = next(text for text in cells if text.startswith("County A's total is printed as 0"))
    assert "not computable" in f3 and "inf" not in f3 and "nan" not in f3


def test_shares_of_a_whole_of_zero_are_flagged_not_computable():
    frame = pd.DataFrame({"level": ["中央", "县"], "amount_fen": pd.array([0, 0], dtype="Int64")})
    result = exact_sum(frame, "level")
    assert result["share"].isna().all()
    assert not result["share_computable"].any()
    assert not any(math.isinf(v) for v in result["share"] if pd.notna(v))


def test_shares_of_a_whole_are_computable_and_exact():
    frame = pd.DataFrame({"level": ["中央", "县"], "amount_fen": pd.array([1, 3], dtype="Int64")})
    result = exact_sum(frame, "level")
    assert list(result["share"]) == [0.25, 0.75]
    assert result["share_computable"].all()


def test_funds_per_poor_person_with_no_people_is_not_computable(tiny_dir):
    _replace(
        tiny_dir / "poverty.csv", "registered_poor_people,300,人", "registered_poor_people,0,人"
    )
    _replace(tiny_dir / "poverty.csv", ",300人", ",0人")
    per = poverty.funds_per_poor(fa.load_report(tiny_dir))
    assert per["per_person_yuan"].isna().all()
    assert not per["per_person_yuan_computable"].any()


def test_funds_per_poor_person_with_people_is_a_figure(tiny_dir):
    per = poverty.funds_per_poor(fa.load_report(tiny_dir)).set_index("level")
    # the 2020 transfers: 50 + 120 万元 = 1,700,000 元 for 300 people
    assert per.loc["合计", "per_person_yuan"] == 1_700_000 / 300
    assert per["per_person_yuan_computable"].all()


def test_a_rate_over_zero_is_not_computed_as_a_number(tiny_dir):
    (tiny_dir / "indicators.csv").write_text(
        "indicator_id,stated,unit,numerator,denominator,section_id,printed,description,"
        "description_en,explanation\n"
        "rate,50,%,budget[],budget[]-budget[],T-1,50%,比率,a rate,\n",
        encoding="utf-8",
    )
    checks = fa.reconcile(tiny_dir).set_index("check")
    assert checks.loc["rate", "computed"] is None
    assert checks.loc["rate", "difference"] is None
    # and validate refuses it as the data's problem, at its line
    from fundanalysis.audit.findings import unregistered

    found = unregistered(fa.reconcile(tiny_dir), tiny_dir)
    assert [(p.file, p.row, p.column) for p in found] == [("indicators.csv", 2, "denominator")]


def test_a_value_flagged_not_computable_is_said_so_on_the_page():
    """A share over a whole of 0 is NaN beside share_computable False: the table says 无法计算,
    not "—" (which means the report leaves the cell empty)."""
    import pandas as pd

    from fundanalysis.publish.present import table_html

    frame = pd.DataFrame(
        {"level": ["中央", "省级"], "share": [float("nan"), 0.5], "share_computable": [False, True]}
    )
    html_zh, _ = table_html(frame, ["level", "share"], "zh", {"share": "percent"})
    html_en, _ = table_html(frame, ["level", "share"], "en", {"share": "percent"})
    assert "无法计算" in html_zh and "50.00%" in html_zh
    assert "not computable" in html_en
