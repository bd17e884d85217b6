"""The data audit: reconciliation summary, corrections, and how much of the report the data covers."""

from __future__ import annotations

import re

import pandas as pd

from fundanalysis.paths import SOURCE_DOCUMENT
from fundanalysis.reconcile import STATUSES
from fundanalysis.tables import SPECS

NUMBER = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?")


def status_summary(checks: pd.DataFrame) -> pd.DataFrame:
    """Number of checks per status, in a fixed order."""
    counts = checks["status"].value_counts().reindex(list(STATUSES), fill_value=0)
    return counts.rename("checks").rename_axis("status").reset_index()


def findings(checks: pd.DataFrame) -> pd.DataFrame:
    """Every check that is not plainly ok, with its figures, source and explanation."""
    columns = ["check", "status", "stated", "computed", "difference", "unit", "source", "note"]
    return checks.loc[checks["status"] != "ok", columns].reset_index(drop=True)


def _fragments(tables: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """Printed fragments per section, from every table that cites one."""
    by_section: dict[str, list[str]] = {}
    for name in SPECS:
        frame = tables[name]
        if "section_id" not in frame.columns or name == "sections":
            continue
        text_columns = [
            c for c in frame.columns if c in ("printed", "period") or c.endswith("_printed")
        ]
        for row in frame[["section_id", *text_columns]].itertuples(index=False):
            for value in row[1:]:
                if isinstance(value, str) and value:
                    by_section.setdefault(row[0], []).append(value)
    return by_section


def figure_coverage(tables: dict[str, pd.DataFrame], source: str | None = None) -> pd.DataFrame:
    """For each cited section: how many numbers it prints and how many sit in a cited fragment.

    A number counts as covered when it occurs inside some fragment that the data cites for the
    same section. Returns one row per section, with the uncovered numbers listed.
    """
    text = source if source is not None else SOURCE_DOCUMENT.read_text(encoding="utf-8")
    fragments = _fragments(tables)
    rows = []
    for section in tables["sections"].itertuples():
        start = text.index(section.start_anchor)
        body = "".join(text[start : text.index(section.end_anchor, start + 1)].splitlines())
        body = body[len(section.start_anchor) :]
        numbers = NUMBER.findall(body)
        cited = [NUMBER.findall(f) for f in fragments.get(section.section_id, [])]
        pool = [n for found in cited for n in found]
        uncovered = []
        for number in numbers:
            if number in pool:
                pool.remove(number)
            else:
                uncovered.append(number)
        rows.append(
            {
                "section_id": section.section_id,
                "title": section.title,
                "numbers_printed": len(numbers),
                "covered": len(numbers) - len(uncovered),
                "not_covered": " ".join(uncovered),
            }
        )
    return pd.DataFrame(rows)
