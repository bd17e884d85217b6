"""Public loaders: one validated table each, read from the shipped data or any data directory."""

from __future__ import annotations

import os

import pandas as pd

from fundanalysis.paths import data_dir as resolve_data_dir
from fundanalysis.tables import load_tables

PathLike = str | os.PathLike[str] | None


def load_table(name: str, data_dir: PathLike = None) -> pd.DataFrame:
    """A copy of table ``name`` (the CSV file's stem) of ``data_dir``, validated."""
    return load_tables(resolve_data_dir(data_dir))[name].copy()


def load_all(data_dir: PathLike = None) -> dict[str, pd.DataFrame]:
    """Every table of ``data_dir`` by name, validated (copies)."""
    return {name: frame.copy() for name, frame in load_tables(resolve_data_dir(data_dir)).items()}


def load_budget(data_dir: PathLike = None) -> pd.DataFrame:
    """Prefecture budget for poverty alleviation by year (万元): ``year``, ``amount_wan``, ..."""
    return load_table("budget", data_dir)


def load_transfers(data_dir: PathLike = None) -> pd.DataFrame:
    """2020 transfer batches: ``batch``, ``level``, ``fund_type``, ``amount_wan``, ``disbursed_on``."""
    return load_table("transfers", data_dir)


def load_evaluated_funds(data_dir: PathLike = None) -> pd.DataFrame:
    """Funds covered by the performance evaluation, by ``level`` and ``fund_type``."""
    return load_table("evaluated_funds", data_dir)


def load_allocations(data_dir: PathLike = None) -> pd.DataFrame:
    """Allocations to counties: ``funds``, ``county``, ``fund_type``, ``amount_wan``."""
    return load_table("allocations", data_dir)


def load_carryover(data_dir: PathLike = None) -> pd.DataFrame:
    """Carry-over leaf items: ``county``, ``funding_source``, ``item``, ``kind``, ``amount_wan``, ..."""
    return load_table("carryover", data_dir)


def load_poverty(data_dir: PathLike = None) -> pd.DataFrame:
    """Poverty figures: ``measure``, ``value``, ``unit``, ``as_of``."""
    return load_table("poverty", data_dir)


def load_projects(data_dir: PathLike = None) -> pd.DataFrame:
    """Projects by ``stage`` and ``level``: ``project_count``, ``amount_wan``, ``as_of``."""
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
    """Sections of the source document that the tables cite."""
    return load_table("sections", data_dir)


def load_counties(data_dir: PathLike = None) -> pd.DataFrame:
    """County-level units in the report's order, with English names."""
    return load_table("counties", data_dir)
