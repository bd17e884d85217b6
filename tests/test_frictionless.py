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


def test_the_zip_of_downloads_validates_once_unpacked(tmp_path):
    """The published descriptor beside the files it describes: Frictionless finds them all."""
    import importlib
    import sys
    import zipfile

    import fundanalysis as fa

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    try:
        downloads = importlib.import_module("site_sources").downloads
    finally:
        sys.path.pop(0)

    report = fa.load_report(shipped_reports()[0])
    listed = downloads(report, tmp_path / "out")
    archive = tmp_path / "out" / listed[1][0]
    assert archive.name == f"{report.info.id}-data.zip"
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        opened.extractall(tmp_path / "unpacked")
    assert f"{report.info.id}/datapackage.json" in names
    assert f"{report.info.id}/{report.info.id}.xlsx" in names
    assert _errors(tmp_path / "unpacked" / report.info.id / "datapackage.json") == []
    again = downloads(report, tmp_path / "again")
    assert (tmp_path / "again" / again[1][0]).read_bytes() == archive.read_bytes()
