"""The data audit: reconciliation summary, corrections, and how much of the report the data covers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from fundanalysis.provenance import checked_coverage
from fundanalysis.reconcile import STATUSES


def status_summary(checks: pd.DataFrame) -> pd.DataFrame:
    """Number of checks per status, in a fixed order."""
    counts = checks["status"].value_counts().reindex(list(STATUSES), fill_value=0)
    return counts.rename("checks").rename_axis("status").reset_index()


def findings(checks: pd.DataFrame) -> pd.DataFrame:
    """Every check that is not plainly ok, with its figures, source and explanation."""
    columns = ["check", "status", "stated", "computed", "difference", "unit", "source", "note"]
    return checks.loc[checks["status"] != "ok", columns].reset_index(drop=True)


def figure_coverage(data_dir: Path, sections: pd.DataFrame) -> pd.DataFrame:
    """For each cited section: how many numbers it prints and how many a cited figure captures.

    The result is the one stored in the data directory; when the report's text is supplied it
    is re-verified first (see :func:`fundanalysis.provenance.checked_coverage`), so it reads
    the same with or without the text.
    """
    stored = checked_coverage(data_dir)
    if stored is None:
        return pd.DataFrame(
            columns=["section_id", "title", "numbers_printed", "covered", "not_covered"]
        )
    titles = sections.set_index("section_id")["title"]
    table = stored.drop(columns="text_sha256")
    table.insert(1, "title", table["section_id"].map(titles))
    return table


def coverage_note(data_dir: Path) -> str:
    """One line saying which text the stored coverage was verified against."""
    stored = checked_coverage(data_dir)
    if stored is None or stored.empty:
        return (
            "本报告未存储覆盖率核对结果 / No coverage against the text is stored for this report."
        )
    digests = ", ".join(sorted({d[:12] for d in stored["text_sha256"]}))
    return (
        f"核对所用原文 SHA-256 {digests}…；每次提供原文时重新核对 / Verified against the text "
        f"with SHA-256 {digests}…; re-verified whenever the text is supplied."
    )
