"""scan.csv is read and validated like a table: every bad cell at its line and column, a
relation naming no declared total refused, and a scan made of another text said to be unverified."""

from __future__ import annotations

from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.analysis import audit
from fundanalysis.cli import main
from fundanalysis.data.stored import scan_problems

HEADER = "relation,section,kind,status,total,parts,gap,declared,text_sha256\n"
SHA = "b" * 64
GOOD = f"r1,一、资金投入,sum,holds,30 万元,10 万元 + 20 万元,0,,{SHA}"


def _problems(directory: Path, body: str, totals: set[str] | None = None) -> list:
    (directory / "scan.csv").write_bytes((HEADER + body).encode("utf-8"))
    return scan_problems(directory, totals)[1]


def test_a_well_formed_row_passes(report_copy):
    assert _problems(report_copy, GOOD + "\n", set()) == []


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (GOOD.replace(",holds,", ",approved,"), "status"),
        (GOOD.replace(",sum,", ",total,"), "kind"),
        (GOOD.replace(",0,,", ",zero,,"), "gap"),
        (GOOD.replace(",0,,", ",1e3,,"), "gap"),
        (GOOD.replace(",0,,", ",-,,"), "gap"),
        (GOOD.replace(",0,,", ",,,"), "gap"),
        (GOOD.replace("r1,", "R-1,"), "relation"),
        (GOOD.replace("r1,", " r1,"), "relation"),
        (GOOD.replace(SHA, "not a checksum"), "text_sha256"),
        (GOOD.replace(SHA, "B" * 64), "text_sha256"),
        (GOOD.replace("一、资金投入", '"一、资金\n投入"'), "section"),
        (GOOD.replace(",0,,", ",0,no_such_total,"), "declared"),
    ],
)
def test_a_bad_cell_is_named_at_its_line_and_column(report_copy, row, column):
    problems = _problems(report_copy, row + "\n", {"some_total"})
    assert [(p.file, p.row, p.column) for p in problems] == [("scan.csv", 2, column)]


def test_two_rows_of_one_relation_are_refused(report_copy):
    problems = _problems(report_copy, f"{GOOD}\n{GOOD.replace('holds', 'fails')}\n", set())
    assert problems and all(p.file == "scan.csv" for p in problems)
    assert any("relation" in (p.column or p.message) for p in problems)


def test_validate_refuses_a_damaged_scan_and_names_it(report_copy, capsys):
    (report_copy / "scan.csv").write_text(HEADER + GOOD.replace("holds", "maybe") + "\n")
    assert main(["validate", str(report_copy)]) == 1
    out = capsys.readouterr()
    assert "scan.csv" in out.out + out.err and "status" in out.out + out.err


def test_a_scan_of_another_text_is_said_to_be_unverified(report_copy):
    stored = (report_copy / "scan.csv").read_text(encoding="utf-8")
    named = fa.load_report(report_copy).info.texts[0].sha256
    assert named in stored
    (report_copy / "scan.csv").write_text(stored.replace(named, SHA), encoding="utf-8")
    report = fa.load_report(report_copy)
    table = audit.scan_beside_declared(report)
    assert not table["verified"].any()
    zh, en = audit.scan_summary(table)
    assert "未经核实" in zh and en.startswith("Unverified") and SHA[:12] in en


def test_the_shipped_scan_is_verified_against_the_named_text(report_copy):
    table = audit.scan_beside_declared(fa.load_report(report_copy))
    assert table["verified"].all()
    assert "未经核实" not in audit.scan_summary(table)[0]
