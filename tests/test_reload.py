"""Within one process, a file replaced by one of the same size and modification time is read
again: the old figures are never served."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fundanalysis.data import tables

OLD = ",30,万元,T-1,甲县 30 万元"
NEW = ",31,万元,T-1,甲县 31 万元"  # the same length: the file keeps its size


@pytest.fixture(autouse=True)
def no_disk_cache(monkeypatch):
    monkeypatch.setenv("FUNDANALYSIS_CACHE", "off")
    monkeypatch.setattr(tables, "_CACHE", {})


def _rewrite(path: Path, how: str) -> None:
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert OLD in text
    changed = text.replace(OLD, NEW)
    if how == "replaced":  # a new file moved over the old one (as editors save)
        other = path.with_suffix(".new")
        other.write_text(changed, encoding="utf-8")
        os.replace(other, path)
    else:  # the same file written in place
        path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the time stamp set back
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


@pytest.mark.parametrize("how", ["replaced", "in place"])
def test_a_file_of_the_same_size_and_mtime_is_read_again(tiny_dir: Path, how: str):
    first = tables.load_report_tables(tiny_dir).tables["allocations"]
    assert first.loc[0, "amount_fen"] == 30_000_000
    _rewrite(tiny_dir / "allocations.csv", how)
    again = tables.load_report_tables(tiny_dir).tables["allocations"]
    assert again.loc[0, "amount_fen"] == 31_000_000


def test_a_file_changed_once_it_is_no_longer_fresh_is_still_seen(tiny_dir, monkeypatch):
    monkeypatch.setattr(tables, "_RACY_NS", 0)  # as if every file were old: no digest taken
    tables.load_report_tables(tiny_dir)
    _rewrite(tiny_dir / "allocations.csv", "replaced")  # a new inode shows it
    assert tables.load_report_tables(tiny_dir).tables["allocations"].loc[0, "amount_fen"] == (
        31_000_000
    )


def test_unchanged_files_are_not_loaded_again(tiny_dir, monkeypatch):
    loaded = tables.load_report_tables(tiny_dir)
    monkeypatch.setattr(tables, "_load_or_build", lambda *_: pytest.fail("loaded again"))
    assert tables.load_report_tables(tiny_dir) is loaded
