"""Every figure cites the section that prints it, and the citation holds in the source text.

The source is OCR'd: a page break can fall inside a sentence, leaving a line break. Matching
therefore joins the lines of a section; nothing else about the text is changed.
"""

from __future__ import annotations

import re

from fundanalysis.loaders import load_table
from fundanalysis.tables import SPECS

NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def section_texts(source: str) -> dict[str, str]:
    sections = load_table("sections")
    texts = {}
    for row in sections.itertuples():
        assert source.count(row.start_anchor) == 1, f"start anchor of {row.section_id} not unique"
        start = source.index(row.start_anchor)
        end = source.index(row.end_anchor, start + 1)
        texts[row.section_id] = "".join(source[start:end].splitlines())
    return texts


def cited_fragments() -> list[tuple[str, int, str, str]]:
    """(table, row, section_id, fragment) for every printed fragment of every table."""
    fragments = []
    for name, spec in SPECS.items():
        frame = load_table(name)
        columns = [c for c in spec.columns if c.endswith("printed") or c == "period"]
        columns += [c for c in frame.columns if c.endswith("_as_printed") and c not in columns]
        if "section_id" not in frame.columns:
            continue
        for index, row in frame.iterrows():
            for column in columns:
                value = row[column]
                if isinstance(value, str) and value and column != "unit_as_printed":
                    fragments.append((name, index, row["section_id"], value))
    return fragments


def test_every_printed_fragment_occurs_in_its_section(source_text: str) -> None:
    texts = section_texts(source_text)
    missing = [f for f in cited_fragments() if f[3] not in texts[f[2]]]
    assert missing == []


def test_the_citation_covers_every_table_with_figures() -> None:
    cited = {table for table, *_ in cited_fragments()}
    assert cited >= {
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
