"""The cache cannot run code or lie: nothing unpickled that this user's key did not sign, and
no cache directory or file that another user owns or may write to."""

from __future__ import annotations

import hashlib
import importlib
import os
import pickle
import stat
from pathlib import Path

import pandas as pd
import pytest

from fundanalysis.data import tables
from fundanalysis.store import cache
from fundanalysis.store.environment import SettingError

reconcile = importlib.import_module("fundanalysis.audit.reconcile")


@pytest.fixture
def cache_root(tmp_path: Path, monkeypatch) -> Path:
    """A cache and a configuration directory (for the key) of this test's own."""
    root = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(root))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(cache, "_KEYS", {})
    monkeypatch.setattr(tables, "_CACHE", {})
    monkeypatch.setattr(reconcile, "_RESULTS", {})
    return root


def _forget() -> None:
    tables._CACHE.clear()
    reconcile._RESULTS.clear()


class Planted:
    """Unpickling this runs ``touch`` on a file: evidence that a planted pickle ran code."""

    def __init__(self, evidence: Path):
        self.evidence = evidence

    def __reduce__(self):
        return (Path.touch, (self.evidence,))


def _plant(entry: Path, digest: str, payload: object, key: bytes | None) -> None:
    """Write ``payload`` as a well-formed entry signed with ``key`` (None: the old SHA-256)."""
    head = pickle.dumps(payload, protocol=5)
    if key is None:
        check = hashlib.sha256(head).digest()
    else:
        check = cache._signer(key, entry, digest)
        check.update(head)
        check = check.digest()
    entry.write_bytes(
        cache.MAGIC + digest.encode() + b"\n" + head + cache._TRAILER.pack(len(head), 0, check)
    )


def _entry_and_digest(tiny_dir: Path) -> tuple[Path, str]:
    tables.load_report_tables(tiny_dir)
    (entry,) = [p for p in cache.cache_dir().iterdir() if p.name.endswith("-tables.pickle")]
    return entry, cache.content_digest(tiny_dir.resolve(), tables.INPUT_FILES)


@pytest.mark.parametrize("signed_with", [None, b"k" * 32], ids=["sha256-only", "another-key"])
def test_a_planted_pickle_under_the_right_digest_is_never_unpickled(
    tiny_dir, cache_root, tmp_path, signed_with
):
    entry, digest = _entry_and_digest(tiny_dir)
    evidence = tmp_path / "code ran"
    _plant(entry, digest, Planted(evidence), signed_with)
    _forget()
    loaded = tables.load_report_tables(tiny_dir)
    assert not evidence.exists()
    assert len(loaded.tables["allocations"]) == 4  # computed afresh, the true answer


def test_a_forged_result_under_the_right_digest_is_not_served(tiny_dir, cache_root):
    entry, digest = _entry_and_digest(tiny_dir)
    true = tables.load_report_tables(tiny_dir)
    forged = true.tables["allocations"].copy()
    forged["amount_fen"] = forged["amount_fen"] * 10
    lie = tables.Loaded(true.info, {**true.tables, "allocations": forged}, true.lines, digest)
    _plant(entry, digest, lie, b"f" * 32)  # signed, but not with this user's key
    _forget()
    served = tables.load_report_tables(tiny_dir).tables["allocations"]
    pd.testing.assert_frame_equal(served, true.tables["allocations"])


def test_a_genuine_entry_still_serves(tiny_dir, cache_root, monkeypatch):
    tables.load_report_tables(tiny_dir)
    _forget()

    def refuse(*_args):
        raise AssertionError("computed again although a signed entry is stored")

    monkeypatch.setattr(tables, "_build", refuse)
    assert len(tables.load_report_tables(tiny_dir).tables["allocations"]) == 4


def test_the_key_is_the_users_own_and_private(tiny_dir, cache_root, tmp_path):
    tables.load_report_tables(tiny_dir)
    key = tmp_path / "config" / "fundanalysis" / cache.KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert len(key.read_bytes()) == 32
    assert stat.S_IMODE(cache_root.stat().st_mode) == 0o700


def test_a_key_others_can_read_turns_the_cache_off(tiny_dir, cache_root, tmp_path):
    tables.load_report_tables(tiny_dir)
    key = tmp_path / "config" / "fundanalysis" / cache.KEY_FILE
    key.chmod(0o644)
    cache._KEYS.clear()
    _forget()
    for entry in cache_root.iterdir():
        entry.unlink()
    tables.load_report_tables(tiny_dir)
    assert list(cache_root.iterdir()) == []  # nothing signed with a key others could read


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_cache_directory_others_may_write_to_is_never_read_nor_written(
    tiny_dir, cache_root, tmp_path, mode
):
    entry, digest = _entry_and_digest(tiny_dir)
    evidence = tmp_path / "code ran"
    key = cache._key()
    _plant(entry, digest, Planted(evidence), key)  # even signed: the directory is not safe
    cache_root.chmod(mode)
    _forget()
    tables.load_report_tables(tiny_dir)
    assert not evidence.exists()
    assert [p.name for p in cache_root.iterdir()] == [entry.name]


def test_a_cache_file_others_may_write_to_is_never_read(tiny_dir, cache_root, tmp_path):
    entry, digest = _entry_and_digest(tiny_dir)
    evidence = tmp_path / "code ran"
    _plant(entry, digest, Planted(evidence), cache._key())
    entry.chmod(0o666)
    _forget()
    tables.load_report_tables(tiny_dir)
    assert not evidence.exists()


def test_a_cache_directory_of_another_user_is_never_read(
    tiny_dir, cache_root, tmp_path, monkeypatch
):
    entry, digest = _entry_and_digest(tiny_dir)
    evidence = tmp_path / "code ran"
    _plant(entry, digest, Planted(evidence), cache._key())
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)  # as if the files were another's
    monkeypatch.setattr(cache, "_KEYS", {})
    _forget()
    assert len(tables.load_report_tables(tiny_dir).tables["allocations"]) == 4
    assert not evidence.exists()


def test_a_symbolic_link_as_an_entry_is_not_followed(tiny_dir, cache_root, tmp_path):
    entry, digest = _entry_and_digest(tiny_dir)
    elsewhere = tmp_path / "elsewhere.pickle"
    evidence = tmp_path / "code ran"
    _plant(elsewhere, digest, Planted(evidence), None)
    entry.unlink()
    entry.symlink_to(elsewhere)
    _forget()
    tables.load_report_tables(tiny_dir)
    assert not evidence.exists()


def test_a_cache_setting_of_no_such_user_is_the_environments_problem(monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "~nosuchuser-fundanalysis/x")
    with pytest.raises(SettingError, match="nosuchuser"):
        cache.cache_dir()


def test_a_cache_setting_that_is_not_utf8_is_the_environments_problem(monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, os.fsdecode(b"/tmp/\xff"))
    with pytest.raises(SettingError, match="UTF-8"):
        cache.cache_dir()
