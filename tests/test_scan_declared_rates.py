"""A rate the scan reads is linked to the indicator the transcriber declared for it, as a total
is linked to its declared total; a stored scan may name an indicator, and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fundanalysis.cli import main
from fundanalysis.data.paths import shipped_reports
from fundanalysis.data.stored import scan_problems

MANCHENG = shipped_reports()[1]


@pytest.fixture
def mancheng_copy(tmp_path: Path, monkeypatch) -> Path:
    """满城区's directory with its text hidden, so that its stored scan is read as stored."""
    monkeypatch.setenv("FUNDANALYSIS_SOURCES", str(tmp_path / "no texts here"))
    target = tmp_path / "mancheng"
    shutil.copytree(MANCHENG, target)
    return target


def _with_declared(directory: Path, relation: str, declared: str) -> None:
    """The stored scan with one relation's ``declared`` cell replaced."""
    path = directory / "scan.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith(relation + ","):
            cells = line.split(",")
            cells[-2] = declared
            lines[number] = ",".join(cells)
    path.write_text("".join(lines), encoding="utf-8")


def test_the_scanned_reimbursement_rate_is_the_declared_indicator():
    # 满城区 prints 资金报账率为96.35% once; indicators.csv declares it as reimbursement_rate
    rows = (MANCHENG / "scan.csv").read_text(encoding="utf-8").splitlines()
    (rate,) = [row for row in rows if ",rate," in row and "96.35%" in row]
    assert rate.split(",")[-2] == "reimbursement_rate"


def test_a_scan_naming_an_indicator_of_the_directory_is_valid(mancheng_copy):
    ids = {"reimbursement_rate", "funds_2019", "projects_2019_count"}
    ids |= {"industry_projects_count", "spending_total"}
    assert scan_problems(mancheng_copy, ids)[1] == []


def test_a_scan_naming_an_indicator_that_is_not_declared_is_refused(mancheng_copy, capsys):
    _with_declared(mancheng_copy, "r7", "payment_rate")
    assert main(["validate", str(mancheng_copy)]) == 1
    out = capsys.readouterr().out
    assert "scan.csv" in out and "payment_rate" in out and "indicators.csv" in out


def test_the_scan_table_names_the_indicator_it_corresponds_to(mancheng_copy):
    import fundanalysis as fa
    from fundanalysis.analysis import audit

    table = audit.scan_beside_declared(fa.load_report(mancheng_copy))
    rate = table[table["total"] == "96.35%"].iloc[0]
    assert "资金报账率" in rate["declared"] and "reimbursement rate" in rate["declared_en"]
    assert not audit.scan_summary(table)[1].endswith("are totals the transcriber declared.")


def _link(text: str, totals: list[tuple[str, str, str]]) -> dict[str, str]:
    """Each scanned total's printed figure → the declared total it is linked to."""
    import pandas as pd

    from fundanalysis.audit.scanned import _declared_at
    from fundanalysis.text.scan import scan_text

    table = pd.DataFrame(totals, columns=["total_id", "stated", "printed"]).assign(
        unit_as_printed="万元"
    )
    result = scan_text(text, "report.md")
    return {
        f"{r.total.printed}@{r.total.start}": _declared_at(
            r.total, result.text, [table], "".join(result.text.split())
        )
        for r in result.relations
    }


def test_two_equal_totals_in_one_paragraph_are_each_linked_to_their_own_fragment():
    text = (
        "# 一、资金\n\n"
        "本年到位扶贫资金4200万元，其中中央资金3000万元，省级资金1200万元。"
        "本年支出4200万元，其中产业项目2600万元，道路项目1600万元。\n"
    )
    links = _link(
        text,
        [
            ("arrived", "4200", "本年到位扶贫资金4200万元"),
            ("spent", "4200", "本年支出4200万元"),
        ],
    )
    assert sorted(links.values()) == ["arrived", "spent"]
    first, second = sorted(links, key=lambda k: int(k.split("@")[1]))
    assert (links[first], links[second]) == ("arrived", "spent")


def test_a_fragment_printed_near_but_not_at_the_figure_is_no_link():
    text = "# 一、资金\n\n本年支出4200万元，其中产业项目2600万元，道路项目1600万元。\n"
    assert set(_link(text, [("other", "4200", "另有4200万元")]).values()) == {""}


def test_a_fragment_printed_twice_names_neither_figure():
    text = (
        "# 一、资金\n\n"
        "到位资金1860万元，其中中央资金1000万元，省级资金860万元。"
        "支出1860万元，其中产业项目1200万元，道路项目660万元。\n"
    )
    assert set(_link(text, [("either", "1860", "1860万元")]).values()) == {""}
