"""The committed descriptors pass Frictionless, the reference validator of Data Packages, and a
damaged copy does not (Frictionless 5 reads Table Schema 1: the `uniqueKeys` of Table Schema 2
are declared for readers that know them, and fundanalysis validate enforces them itself)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fundanalysis.data.paths import shipped_reports

frictionless = pytest.importorskip("frictionless")


def _errors(descriptor: Path) -> list[str]:
    report = frictionless.validate(str(descriptor))
    return [f"{task.name}: {error.type}" for task in report.tasks for error in task.errors] + [
        error.type for error in report.errors
    ]


@pytest.mark.parametrize("directory", shipped_reports(), ids=lambda d: d.name)
def test_the_shipped_descriptor_is_valid_for_frictionless(directory):
    assert _errors(directory / "datapackage.json") == []


def test_a_repeated_primary_key_fails_frictionless(tmp_path):
    copy = tmp_path / "report"
    shutil.copytree(shipped_reports()[0], copy)
    sections = copy / "sections.csv"
    lines = sections.read_text(encoding="utf-8").splitlines()
    sections.write_text("\n".join([*lines, lines[-1]]) + "\n", encoding="utf-8")
    assert "sections: primary-key" in _errors(copy / "datapackage.json")
