"""A table file named another case or with an extension added (``Poverty.CSV``,
``poverty.csv.txt``, as Excel and Windows write them) is refused at its name: ignored, the
report would seem to print no such figures, and a case-insensitive system would read it."""

from __future__ import annotations

from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.cli import main
from fundanalysis.data import tables
from fundanalysis.data.errors import Problem


def _refused(directory: Path) -> list[Problem]:
    with pytest.raises(fa.DataError) as refused:
        tables.load_report_tables(directory)
    return refused.value.problems


@pytest.mark.parametrize(
    "name", ["Poverty.csv", "poverty.CSV", "poverty.csv.txt", "POVERTY.CSV.TXT", "poverty.csv "]
)
def test_a_misnamed_table_is_refused_at_its_name(tiny_dir, capsys, name):
    (tiny_dir / "poverty.csv").rename(tiny_dir / name)
    assert main(["validate", str(tiny_dir)]) == 1
    assert f"{name}: 文件名应为 poverty.csv" in capsys.readouterr().out
    (problem,) = _refused(tiny_dir)
    assert (problem.file, problem.row, problem.column) == (name, None, None)
    assert "must be named poverty.csv" in problem.message


def test_a_case_variant_beside_the_right_file_is_refused_as_a_clash(tiny_dir):
    (tiny_dir / "Supervision.csv").write_bytes((tiny_dir / "supervision.csv").read_bytes())
    (problem,) = _refused(tiny_dir)
    assert problem.file == "Supervision.csv" and "case-insensitive" in problem.message


def test_a_misnamed_descriptor_is_named_too(tiny_dir):
    (tiny_dir / "report.toml").rename(tiny_dir / "Report.toml")
    assert "Report.toml" in {problem.file for problem in _refused(tiny_dir)}


def test_other_files_stay_the_users_own(tiny_dir):
    (tiny_dir / "notes.csv").write_text("note\nkept\n", encoding="utf-8")
    (tiny_dir / "poverty.csv.bak").write_bytes((tiny_dir / "poverty.csv").read_bytes())
    (tiny_dir / "poverty_old.CSV").write_text("x\n", encoding="utf-8")
    loaded = tables.load_report_tables(tiny_dir)
    assert not loaded.tables["poverty"].empty


def test_a_misnamed_file_added_after_a_valid_load_is_not_hidden_by_the_caches(tiny_dir):
    tables.load_report_tables(tiny_dir)
    stray = tiny_dir / "Poverty.CSV"
    stray.write_bytes((tiny_dir / "poverty.csv").read_bytes())
    assert _refused(tiny_dir)[0].file == "Poverty.CSV"  # within the process
    tables._CACHE.clear()
    assert _refused(tiny_dir)[0].file == "Poverty.CSV"  # from the stored result
    stray.unlink()
    assert not tables.load_report_tables(tiny_dir).tables["poverty"].empty
