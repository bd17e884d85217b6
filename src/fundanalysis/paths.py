"""Where the data lives: the one place that names files under ``data/``."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

#: The shipped data directory; ``FUNDANALYSIS_DATA`` points the loaders elsewhere.
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"

#: The source document, outside the repository (read-only, shared with CI).
SOURCE_DOCUMENT = (
    PROJECT_ROOT.parent / "shared" / "source" / "bazhou-2020-poverty-fund-self-evaluation.md"
)


def data_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The data directory to read: ``path`` if given, else $FUNDANALYSIS_DATA, else the shipped one."""
    if path is not None:
        return Path(path)
    return Path(os.environ.get("FUNDANALYSIS_DATA", DEFAULT_DATA_DIR))
