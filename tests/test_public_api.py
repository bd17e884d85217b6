"""The public face stays as the README shows it: every name it uses exists, and its example runs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.data.paths import default_data_dir, shipped_reports_dir

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)


def test_the_readme_shows_python():
    assert PYTHON_BLOCKS, "the README's Python example was not found"


@pytest.mark.parametrize("name", sorted(set(re.findall(r"\bfa\.(\w+)", "".join(PYTHON_BLOCKS)))))
def test_every_name_the_readme_uses_is_public(name):
    assert name in fa.__all__
    assert callable(getattr(fa, name))


def test_the_readme_example_runs_from_the_project_root(monkeypatch, tmp_path):
    """Run where the example assumes: a project root with data/, and the user's "my/report"."""
    shutil.copytree(shipped_reports_dir(), tmp_path / "data")
    shutil.copytree(default_data_dir(), tmp_path / "my" / "report")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FUNDANALYSIS_DATA", raising=False)
    for block in PYTHON_BLOCKS:
        exec(compile(block, "README.md", "exec"), {})


def test_everything_public_is_importable():
    for name in fa.__all__:
        assert getattr(fa, name) is not None
    assert isinstance(fa.load_report(), fa.Report)
    assert {"checks", "findings"} <= set(dir(fa.load_report()))


def test_the_notebooks_imports_still_work():
    """Each notebook opens with these two lines; they must keep working for analysts' copies."""
    from fundanalysis import views
    from fundanalysis.notebook import setup

    assert callable(views.headlines) and callable(setup)
    with pytest.raises(AttributeError):
        fa.no_such_name  # noqa: B018


def test_the_commands_the_readme_names_exist(capsys):
    from fundanalysis.cli import main

    commands = set(re.findall(r"`(?:\.venv/bin/)?fundanalysis (\w+)", README))
    assert {"validate", "new", "coverage"} <= commands
    for command in sorted(commands):
        assert main([command, "--help"]) == 0, command
    capsys.readouterr()
