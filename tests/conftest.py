"""Shared fixtures: the shipped data, a scratch copy of it to break, and the report's text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from fundanalysis.data.paths import default_data_dir
from fundanalysis.data.report import find_text, read_report_info, read_text

# The tests' own result cache, outside the user's and the project's: the many scratch copies
# they load would otherwise each leave an entry behind (see fundanalysis.store.cache).
os.environ["FUNDANALYSIS_CACHE"] = tempfile.mkdtemp(prefix="fundanalysis-test-cache-")

FIXTURES = Path(__file__).parent / "fixtures"
DEFAULT_DATA_DIR = default_data_dir()


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


@pytest.fixture
def scorecard_dir(tmp_path: Path, monkeypatch) -> Path:
    """A writable copy of the scorecard fixture, whose text travels in its own source/ folder
    (FUNDANALYSIS_SOURCES unset, so that only that text is found)."""
    monkeypatch.delenv("FUNDANALYSIS_SOURCES", raising=False)
    target = tmp_path / "scorecard"
    shutil.copytree(FIXTURES / "scorecard", target)
    return target


@pytest.fixture(scope="session")
def source_text() -> str:
    """The default report's text; the test skips, saying why, where it was not supplied."""
    (text,) = read_report_info(DEFAULT_DATA_DIR).texts
    found = find_text(DEFAULT_DATA_DIR, text)
    content = read_text(found)
    if content is None:
        pytest.skip(found.describe())
    return content


ROOT = Path(__file__).resolve().parents[1]


def build_site(root: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run the site build of the checkout at ``root`` with its default paths."""
    return subprocess.run(
        [sys.executable, str(root / "tools" / "build_site.py"), *extra],
        cwd=root,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def checkout_with_site(tmp_path_factory) -> Path:
    """A fresh git checkout of the working tree in which `make site`'s build has run once.

    Tracked and new (not ignored) files are copied and committed, so that ``git status``
    in the copy shows exactly what the build wrote outside the ignored paths.
    """
    copy = tmp_path_factory.mktemp("checkout") / "fundanalysis"
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=copy, check=True)
    subprocess.run([*git, "add", "-A"], cwd=copy, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "copy"], cwd=copy, check=True)
    result = build_site(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    return copy


@pytest.fixture
def report_copy(tmp_path: Path, monkeypatch) -> Path:
    """A writable copy of the first shipped report, with the report's text hidden."""
    from fundanalysis.data.paths import shipped_reports

    monkeypatch.setenv("FUNDANALYSIS_SOURCES", str(tmp_path / "no texts here"))
    target = tmp_path / "report"
    shutil.copytree(shipped_reports()[0], target)
    return target


def workbook_sheet(book, code: str):
    """The sheet of table or result ``code`` in a workbook and its columns' code names (the CSV
    headers), read from the workbook's own 字段说明 sheet: the data sheets' headers are words."""
    guide = list(book["字段说明"].iter_rows(min_row=2, values_only=True))
    rows = [row for row in guide if row[1] == code]
    assert rows, f"no sheet of {code} in the guide"
    return book[rows[0][0]], [row[2] for row in rows]
