"""`fundanalysis new` refuses names it cannot write; environment problems exit 2 with their own
message, never as data errors; the command never shows a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from fundanalysis.cli import main


def _run(*args: str | bytes, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fundanalysis.cli", *args],
        capture_output=True,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    "name", [b"county-\xff-2020", b'a"b', b"a\\b", b"a\x07b", b"tab\there"], ids=repr
)
def test_new_refuses_a_name_it_cannot_write_and_writes_nothing(tmp_path: Path, name: bytes):
    target = os.fsencode(tmp_path) + b"/" + name
    result = _run(b"new", target)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert "cannot be a report's name" in result.stderr.decode("utf-8", "replace")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("name", ["县-2020", "county 2020", "a'b", "a#b"])
def test_new_writes_valid_toml_for_any_other_name(tmp_path: Path, name: str):
    assert main(["new", str(tmp_path / name)]) == 0
    with (tmp_path / name / "report.toml").open("rb") as handle:
        assert tomllib.load(handle)["report"]["id"] == name


def test_a_data_path_that_is_not_utf8_is_an_environment_problem(tmp_path: Path):
    target = os.fsencode(tmp_path) + b"/\xff"
    os.mkdir(target)
    result = _run(b"validate", target)
    assert result.returncode == 2
    err = result.stderr.decode("utf-8", "replace")
    assert "not UTF-8" in err and "\\xff" in err
    assert "Traceback" not in err and "data problem" not in result.stdout.decode()


def test_fundanalysis_data_not_utf8_is_an_environment_problem():
    result = _run("validate", env={"FUNDANALYSIS_DATA": os.fsdecode(b"/tmp/\xfe")})
    assert result.returncode == 2
    assert b"FUNDANALYSIS_DATA" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["validate", "coverage"])
def test_a_cache_of_no_such_user_is_an_environment_problem(command):
    result = _run(command, env={"FUNDANALYSIS_CACHE": "~nosuchuser-fundanalysis/x"})
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "FUNDANALYSIS_CACHE" in err and "nosuchuser-fundanalysis" in err
    assert "Traceback" not in err
    assert "数据有" not in result.stdout.decode()  # not reported as a data error
    assert not Path("~nosuchuser-fundanalysis").exists()


def test_fundanalysis_sources_not_utf8_is_an_environment_problem():
    result = _run("coverage", env={"FUNDANALYSIS_SOURCES": os.fsdecode(b"/tmp/\xfd")})
    assert result.returncode == 2
    assert b"FUNDANALYSIS_SOURCES" in result.stderr and b"Traceback" not in result.stderr


def test_a_fault_of_the_program_is_said_as_such_without_a_traceback(monkeypatch, capsys):
    import fundanalysis.cli as cli

    def broken(*_args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(cli, "_validate", broken)
    assert main(["validate"]) == 3
    err = capsys.readouterr().err
    assert "internal error" in err and "ZeroDivisionError" in err and "Traceback" not in err
