"""`fundanalysis validate` names a text that is supplied but is not the one transcribed (its
SHA-256 and the expected one), as `coverage` does, instead of calling it "not supplied"."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from fundanalysis.cli import main

TRANSCRIBED = "# 小县 2020 年财政专项扶贫资金绩效自评报告\n".encode()
EXPECTED = hashlib.sha256(TRANSCRIBED).hexdigest()
OTHER_EDITION = TRANSCRIBED + "一句已删去的话。\n".encode()


def _names_a_text(directory: Path) -> None:
    with (directory / "report.toml").open("a", encoding="utf-8") as toml:
        toml.write(f'\n[[texts]]\nfile = "tiny.md"\nsha256 = "{EXPECTED}"\ndocuments = ["SE"]\n')


def _says_it_is_a_different_text(out: str, path: Path) -> None:
    line = next(line for line in out.splitlines() if line.startswith("原文 / text:"))
    assert str(path) in line
    assert "is not the text the data was transcribed from" in line
    assert hashlib.sha256(OTHER_EDITION).hexdigest() in line and f"expected {EXPECTED}" in line
    assert "not checked against it" in line
    assert "not supplied" not in out and "未提供" not in out


@pytest.mark.parametrize("where", ["FUNDANALYSIS_SOURCES", "source/"])
def test_a_different_text_is_named_not_called_unsupplied(
    tiny_dir, tmp_path, monkeypatch, capsys, where
):
    _names_a_text(tiny_dir)
    folder = tmp_path / "texts" if where == "FUNDANALYSIS_SOURCES" else tiny_dir / "source"
    folder.mkdir()
    (folder / "tiny.md").write_bytes(OTHER_EDITION)
    if where == "FUNDANALYSIS_SOURCES":
        monkeypatch.setenv("FUNDANALYSIS_SOURCES", str(folder))
    else:
        monkeypatch.delenv("FUNDANALYSIS_SOURCES", raising=False)
    # the README has the build fail on a stale result of the right text, not on another text:
    # the data is valid, only not checked against this one
    assert main(["validate", str(tiny_dir)]) == 0
    validated = capsys.readouterr().out
    _says_it_is_a_different_text(validated, folder / "tiny.md")
    main(["coverage", str(tiny_dir)])
    covered = capsys.readouterr().out
    assert next(line for line in covered.splitlines() if str(folder) in line).strip() in validated


def test_a_text_not_found_is_still_called_unsupplied(tiny_dir, monkeypatch, capsys):
    _names_a_text(tiny_dir)
    monkeypatch.delenv("FUNDANALYSIS_SOURCES", raising=False)
    assert main(["validate", str(tiny_dir)]) == 0
    out = capsys.readouterr().out
    assert "not supplied: the data was not checked against the text" in out
    assert "is not the text the data was transcribed from" not in out
