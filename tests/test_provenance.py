"""Every figure cites the section that prints it, and the citation holds in the report's text.

Tests that need the text skip, saying why, where it was not supplied (FUNDANALYSIS_SOURCES);
CI supplies it. The rest check each figure against its own printed fragment.
"""

from __future__ import annotations

import re

import pandas as pd
from conftest import DEFAULT_DATA_DIR

from fundanalysis.data.loaders import load_table
from fundanalysis.data.tables import SPECS, load_tables, source_lines
from fundanalysis.text import provenance

NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def cited() -> list:
    return provenance.cited_fragments(load_tables(DEFAULT_DATA_DIR), source_lines(DEFAULT_DATA_DIR))


def test_every_printed_fragment_occurs_in_its_section(source_text: str) -> None:
    sections = load_table("sections")
    lines = dict(
        zip(sections["section_id"], source_lines(DEFAULT_DATA_DIR)["sections"], strict=True)
    )
    bodies, problems = provenance.section_bodies(source_text, sections, lines)
    assert problems == []
    assert set(bodies) == set(sections["section_id"])
    assert provenance.missing_fragments(cited(), bodies) == []


def test_stored_coverage_is_what_the_text_gives(source_text: str) -> None:
    result = provenance.verify(DEFAULT_DATA_DIR)
    assert result.complete and result.problems == []
    stored = provenance.stored_coverage(DEFAULT_DATA_DIR)
    assert provenance.render_coverage(stored) == provenance.render_coverage(result.coverage)


def test_a_fragment_not_in_its_section_is_named(source_text: str) -> None:
    sections = load_table("sections")
    lines = dict(
        zip(sections["section_id"], source_lines(DEFAULT_DATA_DIR)["sections"], strict=True)
    )
    bodies, _ = provenance.section_bodies(source_text, sections, lines)
    wrong = provenance.Fragment("budget", 3, "printed", "SE-1.1", "2017 年 3100 万元")
    (problem,) = provenance.missing_fragments([wrong], bodies)
    assert (problem.file, problem.row, problem.column) == ("budget.csv", 3, "printed")


def test_the_citation_covers_every_table_with_figures() -> None:
    cited_tables = {fragment.table for fragment in cited()}
    assert cited_tables >= {
        "budget",
        "transfers",
        "evaluated_funds",
        "allocations",
        "carryover",
        "poverty",
        "projects",
        "supervision",
        "totals",
        "documents",
    }


def test_amounts_equal_the_number_they_print() -> None:
    for name in ("budget", "transfers", "evaluated_funds", "allocations", "carryover"):
        frame = load_table(name)
        for row in frame.itertuples():
            numbers = NUMBER.findall(row.printed)
            assert row.amount == numbers[-1] or row.amount in numbers, (name, row.printed)
            assert row.unit_as_printed in row.printed, (name, row.printed)


def test_stated_totals_equal_the_number_they_print() -> None:
    for row in load_table("totals").itertuples():
        assert row.stated in NUMBER.findall(row.printed), row.total_id
        assert row.unit_as_printed in row.printed, row.total_id


def test_counts_equal_the_number_they_print() -> None:
    for name in ("poverty", "supervision"):
        for row in load_table(name).itertuples():
            assert str(row.value) in NUMBER.findall(row.printed), (name, row.printed)
    projects = load_table("projects")
    for row in projects.itertuples():
        assert str(row.project_count) in NUMBER.findall(row.count_printed)
        if isinstance(row.amount_printed, str):
            assert row.amount in NUMBER.findall(row.amount_printed)
    carry = load_table("carryover").dropna(subset=["project_count"])
    for row in carry.itertuples():
        assert re.search(rf"(?<![0-9.]){row.project_count} ?个", row.printed), row.printed


def test_dates_agree_with_the_dates_as_printed() -> None:
    def month_day(text: str) -> tuple[int, int]:
        month, day = re.search(r"([0-9]+) ?月 ?([0-9]+) ?日", text).groups()
        return int(month), int(day)

    for row in load_table("transfers").itertuples():
        assert month_day(row.disbursed_on_printed) == (row.disbursed_on.month, row.disbursed_on.day)
        assert str(row.disbursed_on.year) in row.disbursed_on_printed
    for row in load_table("carryover").dropna(subset=["payment_date"]).itertuples():
        if "中旬" in row.payment_printed:  # 中旬 = the 11th to the 20th; the latest day is kept
            assert row.payment_date.day == 20
            assert f"{row.payment_date.month} 月中旬" in row.payment_printed
        else:
            assert month_day(row.payment_printed) == (row.payment_date.month, row.payment_date.day)


def test_every_section_is_cited_by_some_row() -> None:
    cited = set()
    for name in SPECS:
        frame = load_table(name)
        if "section_id" in frame.columns and name != "sections":
            cited |= set(frame["section_id"])
    assert set(load_table("sections")["section_id"]) == cited


def test_a_findings_quote_is_held_against_its_section() -> None:
    findings = pd.DataFrame(
        {"finding_id": ["F1", "F2"], "quote_section": ["S1", ""], "quote": ["下达 5 万元", ""]}
    )
    (fragment,) = provenance.cited_fragments({"findings": findings}, {"findings": [2, 3]})
    assert fragment == provenance.Fragment("findings", 2, "quote", "S1", "下达 5 万元")
    (problem,) = provenance.missing_fragments([fragment], {"S1": "共下达 6 万元。"})
    assert (problem.file, problem.row, problem.column) == ("findings.csv", 2, "quote")
    assert provenance.missing_fragments([fragment], {"S1": "共下达 5 万元。"}) == []
