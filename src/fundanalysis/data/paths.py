"""Where the data lives: the one place that knows where shipped reports and their texts are.

A report is a data directory. The shipped ones travel inside the package (a wheel holds them as
``fundanalysis/reports/``); in a source checkout they are the repository's ``data/``. The first
report listed in ``catalog.toml`` is the default, read when no directory is given.
"""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from pathlib import Path

from fundanalysis.store.environment import setting, utf8_text

CATALOG = "catalog.toml"

#: Environment variables a user sets to point the library elsewhere.
DATA_ENV = "FUNDANALYSIS_DATA"
SOURCES_ENV = "FUNDANALYSIS_SOURCES"


def shipped_reports_dir() -> Path:
    """The directory holding the shipped reports and their catalog."""
    packaged = Path(str(resources.files("fundanalysis"))) / "reports"
    if (packaged / CATALOG).is_file():
        return packaged
    # A source checkout (editable install): src/fundanalysis/data → the repository's data/.
    return Path(__file__).resolve().parents[3] / "data"


def shipped_reports() -> list[Path]:
    """Every shipped report's data directory, in the catalog's order (the default first)."""
    root = shipped_reports_dir()
    with (root / CATALOG).open("rb") as handle:
        names = tomllib.load(handle)["reports"]
    return [root / name for name in names]


def default_data_dir() -> Path:
    """The default report: the first of the catalog."""
    return shipped_reports()[0]


def data_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The data directory to read: ``path`` if given, else $FUNDANALYSIS_DATA, else the default.

    A path that is not UTF-8 text raises :class:`~fundanalysis.store.environment.SettingError`:
    every message and page names the directory, and none could.
    """
    if path is not None:
        return Path(utf8_text("data directory", os.fsdecode(path)))
    configured = setting(DATA_ENV)
    return Path(configured) if configured else default_data_dir()


def source_dirs(data_directory: Path) -> list[Path]:
    """Directories searched for a report's text: $FUNDANALYSIS_SOURCES, then its own source/."""
    configured = setting(SOURCES_ENV) or ""
    found = [Path(part) for part in configured.split(os.pathsep) if part]
    return [*found, data_directory / "source"]
