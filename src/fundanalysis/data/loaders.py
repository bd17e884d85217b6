"""Public loaders: a whole report, or one validated table of it, from any data directory.

Without a directory they read the default report (``FUNDANALYSIS_DATA`` or the first shipped
one). Every loader returns copies: changing a returned frame never changes the next load.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from fundanalysis.data.paths import data_dir as resolve_data_dir
from fundanalysis.data.report import ReportInfo
from fundanalysis.data.tables import load_report_tables

PathLike = str | os.PathLike[str] | None


@dataclass(frozen=True)
class Report:
    """One report: its descriptor and its validated tables."""

    data_dir: Path
    info: ReportInfo
    tables: dict[str, pd.DataFrame] = field(repr=False)

    def has(self, name: str) -> bool:
        """Whether the report prints any figure of table ``name`` (absent means not reported)."""
        return not self.tables[name].empty

    def terms(self, vocabulary: str) -> dict[str, str]:
        """The report's terms of one vocabulary, in its order, with their English forms."""
        words = self.tables["vocabulary"]
        rows = words[words["vocabulary"] == vocabulary]
        return dict(zip(rows["term"], rows["term_en"], strict=True))


def read_report(data_dir: PathLike = None) -> Report:
    """The report of ``data_dir`` (default: the default report), validated, without its checks.

    :func:`fundanalysis.audit.audited.load_report` adds the checks and findings; the data layer
    knows nothing of them.
    """
    directory = resolve_data_dir(data_dir)
    loaded = load_report_tables(directory)
    tables = {name: frame.copy(deep=False) for name, frame in loaded.tables.items()}
    return Report(directory.resolve(), loaded.info, tables)


def load_table(name: str, data_dir: PathLike = None) -> pd.DataFrame:
    """A copy of table ``name`` (the CSV file's stem) of ``data_dir``, validated."""
    return load_report_tables(resolve_data_dir(data_dir)).tables[name].copy(deep=False)


def load_all(data_dir: PathLike = None) -> dict[str, pd.DataFrame]:
    """Every table of ``data_dir`` by name, validated (copies); absent tables are empty."""
    tables = load_report_tables(resolve_data_dir(data_dir)).tables
    return {name: frame.copy(deep=False) for name, frame in tables.items()}


def load_budget(data_dir: PathLike = None) -> pd.DataFrame:
    """The jurisdiction's own poverty budget by year (``year``, ``amount_fen``, ``amount_wan``)."""
    return load_table("budget", data_dir)


def load_transfers(data_dir: PathLike = None) -> pd.DataFrame:
    """Transfer batches: ``batch``, ``level``, ``fund_type``, ``amount_wan``, ``disbursed_on``."""
    return load_table("transfers", data_dir)


def load_evaluated_funds(data_dir: PathLike = None) -> pd.DataFrame:
    """Funds covered by the performance evaluation, by ``level`` and ``fund_type``."""
    return load_table("evaluated_funds", data_dir)


def load_allocations(data_dir: PathLike = None) -> pd.DataFrame:
    """Allocations to places: ``funds``, ``place``, ``fund_type``, ``amount_wan``."""
    return load_table("allocations", data_dir)


def load_carryover(data_dir: PathLike = None) -> pd.DataFrame:
    """Carry-over leaf items: ``place``, ``funding_source``, ``item``, ``kind``, ``amount_wan``, ..."""
    return load_table("carryover", data_dir)


def load_spending(data_dir: PathLike = None) -> pd.DataFrame:
    """Money spent by ``category``, with the date it is counted to."""
    return load_table("spending", data_dir)


def load_poverty(data_dir: PathLike = None) -> pd.DataFrame:
    """Poverty counts: ``measure``, ``value``, ``unit``, ``as_of`` (one row per measure and date)."""
    return load_table("poverty", data_dir)


def load_projects(data_dir: PathLike = None) -> pd.DataFrame:
    """Projects by ``stage``, ``level`` and ``category``: ``project_count``, ``amount_wan``."""
    return load_table("projects", data_dir)


def load_supervision(data_dir: PathLike = None) -> pd.DataFrame:
    """Supervision counts (meetings, policy measures, fund categories)."""
    return load_table("supervision", data_dir)


def load_totals(data_dir: PathLike = None) -> pd.DataFrame:
    """Every total the report states, with the filter that selects its parts."""
    return load_table("totals", data_dir)


def load_corrections(data_dir: PathLike = None) -> pd.DataFrame:
    """Corrections of evidently wrong printed values."""
    return load_table("corrections", data_dir)


def load_sections(data_dir: PathLike = None) -> pd.DataFrame:
    """Sections of the report's text that the tables cite."""
    return load_table("sections", data_dir)


def load_vocabulary(data_dir: PathLike = None) -> pd.DataFrame:
    """The report's own terms: ``vocabulary``, ``term``, ``term_en``, ``parent``."""
    return load_table("vocabulary", data_dir)
