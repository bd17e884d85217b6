"""The note of a "rose every year" claim says only what applies: the corrected figures only
where a correction touches them, and no amount below 0 for a figure printed as 0."""

from __future__ import annotations

from pathlib import Path

import fundanalysis as fa
from fundanalysis.analysis import claims
from fundanalysis.data.intervals import span


def _without(path: Path, first_cell: str) -> None:
    """The table without its row whose first cell is ``first_cell``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join(line for line in lines if not line.startswith(first_cell + ",")) + "\n",
        encoding="utf-8",
    )


def _budget(directory: Path, rows: str) -> dict:
    """The budget claim over ``rows``, the fixture's correction of 2019 and its total removed."""
    (directory / "budget.csv").write_text(
        "year,amount,unit,section_id,printed\n" + rows, encoding="utf-8"
    )
    _without(directory / "corrections.csv", "C1")
    _without(directory / "findings.csv", "F2")
    _without(directory / "totals.csv", "budget_all")
    table = claims.claims(fa.load_report(directory), "funding")
    return table[table["claim_id"] == "budget_up"].iloc[0].to_dict()


def test_no_corrected_years_are_named_where_no_correction_touches_the_figures(tiny_dir):
    claim = _budget(
        tiny_dir, "2019,100,万元,T-1,2019 年 100 万元\n2020,90,万元,T-1,2020 年 90 万元\n"
    )
    assert claim["verdict_code"] == "fails"
    assert "2020" in claim["evidence"] and "更正后" not in claim["evidence"]
    assert "corrected" not in claim["evidence_en"]


def test_the_corrected_years_are_named_where_a_correction_touches_them(tiny_dir):
    # the fixture's own correction: 2019's 100 元 is read as 100 万元 (a rise as printed too)
    claim = claims.claims(fa.load_report(tiny_dir), "funding")
    evidence = claim[claim["claim_id"] == "budget_up"].iloc[0]["evidence"]
    assert "按原文未增加的年份：无" in evidence and "更正后：无" in evidence


def test_a_figure_printed_as_0_stands_for_nothing_below_0():
    assert span(0, 5_000) == (0, 5_000)
    assert span(3, 5) == (0, 8)
    assert span(10, 5) == (5, 15)
