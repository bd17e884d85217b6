"""Shared fixtures: the shipped data, a scratch copy of it to break, and the source text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fundanalysis.paths import DEFAULT_DATA_DIR, SOURCE_DOCUMENT

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data directory."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    """A writable copy of the hand-written two-county fixture directory."""
    target = tmp_path / "tiny"
    shutil.copytree(FIXTURES / "tiny", target)
    return target


@pytest.fixture(scope="session")
def source_text() -> str:
    if not SOURCE_DOCUMENT.is_file():
        pytest.skip(f"source document not found at {SOURCE_DOCUMENT} (CI and sessions have it)")
    return SOURCE_DOCUMENT.read_text(encoding="utf-8")
