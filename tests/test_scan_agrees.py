"""Curated and automatic audits agree: the data directories' declared totals against the scan.

For each shipped report, two lists: every total its ``totals.csv`` declares that the scan does
not find among its relations, and every failing scan relation that no declared total or
cross-check covers. Both must be empty, or each entry explained below with its reason.

The data directories are read with the csv module only (no other part of fundanalysis): a
declared total is ``stated`` (the amount as printed), its ``unit``, and ``printed``, the
fragment of the text it is printed in. The text is found in $FUNDANALYSIS_SOURCES.
"""

from __future__ import annotations

import csv
import os
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from fundanalysis.text.scan import ScanResult, scan_text
from fundanalysis.text.scan.figures import Figure

DATA = Path(__file__).resolve().parents[1] / "data"

# Declared totals the scan finds with another verdict than the curated check, and why. Both
# use one rule (XBRL Calculations 1.1: every printed figure is the interval its last digit
# allows), so they differ only where they add different parts (none at present).
OTHER_VERDICT: dict[str, dict[str, str]] = {"bazhou-2020": {}, "mancheng-2019": {}}

# Declared totals that stand in no relation of the scan, and why (none at present).
NOT_A_RELATION: dict[str, dict[str, str]] = {"bazhou-2020": {}, "mancheng-2019": {}}

# Failing scan relations no declared check covers, and why (none at present).
UNCOVERED: dict[str, dict[str, str]] = {"bazhou-2020": {}, "mancheng-2019": {}}


def _text(name: str) -> str:
    for directory in os.environ.get("FUNDANALYSIS_SOURCES", "").split(os.pathsep):
        path = Path(directory) / name
        if directory and path.is_file():
            return path.read_text(encoding="utf-8")
    pytest.skip(f"{name} not found: set FUNDANALYSIS_SOURCES to the directory of the texts")


def _rows(report: str, table: str) -> list[dict[str, str]]:
    with (DATA / report / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _scan(report: str) -> ScanResult:
    info = tomllib.loads((DATA / report / "report.toml").read_text(encoding="utf-8"))
    name = info["texts"][0]["file"]
    return scan_text(_text(name), name)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _figures_printed_as(result: ScanResult, total: dict[str, str]) -> list[Figure]:
    """The scan's figures that are this declared total: its amount inside its fragment."""
    value = Decimal(total["stated"])
    fragment = _squeezed(total["printed"])
    found = []
    for figure in result.figures:
        if figure.value != value or figure.unit.printed != total["unit"]:
            continue
        around = _squeezed(result.text[max(0, figure.start - 60) : figure.end + 10])
        if fragment in around:
            found.append(figure)
    return found


def _verdict(result: ScanResult, figures: list[Figure]) -> str | None:
    """The scan's verdict on these figures as a total (None when they are only parts)."""
    ids = {f.id for f in figures}
    statuses = {r.status for r in result.relations if r.total.id in ids and r.kind == "sum"}
    for status in ("holds", "rounding", "fails"):
        if status in statuses:
            return status
    return None


def _in_a_relation(result: ScanResult, figures: list[Figure]) -> bool:
    ids = {f.id for f in figures}
    return any(r.total.id in ids or ids & {p.id for p in r.parts} for r in result.relations)


REPORTS = ["bazhou-2020", "mancheng-2019"]


@pytest.mark.parametrize("report", REPORTS)
def test_every_declared_total_is_among_the_relations(report: str):
    result = _scan(report)
    curated_fails = {
        check for row in _rows(report, "findings") for check in row["checks"].split(";") if check
    }
    missing, disagreeing = [], []
    for total in _rows(report, "totals"):
        figures = _figures_printed_as(result, total)
        if not figures or not _in_a_relation(result, figures):
            missing.append(total["total_id"])
            continue
        verdict = _verdict(result, figures)
        if verdict is None:
            continue  # a single item restated, or a part: checked as a part of its whole
        curated = "fails" if total["total_id"] in curated_fails else "agrees"
        scanned = "fails" if verdict == "fails" else "agrees"
        if curated != scanned:
            disagreeing.append(total["total_id"])
    # Each list is exactly what is explained above: nothing unexplained, no stale reason.
    assert sorted(missing) == sorted(NOT_A_RELATION[report])
    assert sorted(disagreeing) == sorted(OTHER_VERDICT[report])


@pytest.mark.parametrize("report", REPORTS)
def test_every_failing_relation_is_covered_by_a_declared_check(report: str):
    result = _scan(report)
    declared = [
        (Decimal(row["stated"]), row["unit"], row["total_id"]) for row in _rows(report, "totals")
    ]
    curated_fails = {
        check for row in _rows(report, "findings") for check in row["checks"].split(";") if check
    }
    uncovered = []
    for relation in result.failing:
        total = relation.total
        covering = [
            total_id
            for value, unit, total_id in declared
            if value == total.value and unit == total.unit.printed and total_id in curated_fails
        ]
        if not covering:
            uncovered.append(relation.total.printed)
    assert sorted(uncovered) == sorted(UNCOVERED[report])


def test_the_three_figure_findings_and_no_other():
    findings = {report: _scan(report).findings for report in REPORTS}
    causes = {report: sorted(f.cause for f in found) for report, found in findings.items()}
    assert causes == {"bazhou-2020": ["missing-part", "unit"], "mancheng-2019": ["count"]}
    unit, missing = sorted(findings["bazhou-2020"], key=lambda f: f.cause, reverse=True)
    assert "3100 元" in unit.title  # the 2017 budget, printed in 元 among 万元
    assert "70000 万元" in missing.explanation and "地方政府债券" in missing.explanation
    (count,) = findings["mancheng-2019"]
    assert "52" in count.title and "53" in count.title
    assert "1 of 52" in count.explanation_en
