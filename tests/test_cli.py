"""`fundanalysis validate`: readable Chinese, exit 0 clean, 1 on data errors, 2 on usage errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fundanalysis.cli import main


def test_shipped_data_is_clean(capsys) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "数据有效" in out
    assert "\\u" not in out
    assert "[F3] 项目资金分项漏列债券资金" in out
    assert "发现 / findings: 3, 重大 material 2" in out


def test_every_shipped_report_and_the_fixtures_validate(capsys) -> None:
    from fundanalysis.data.paths import shipped_reports

    fixtures = Path(__file__).parent / "fixtures"
    for directory in [*shipped_reports(), fixtures / "tiny", fixtures / "minimal"]:
        assert main(["validate", str(directory)]) == 0, capsys.readouterr().out


def test_new_writes_a_documented_directory_that_names_what_to_fill_in(
    tmp_path: Path, capsys
) -> None:
    target = tmp_path / "county-2020"
    assert main(["new", str(target)]) == 0
    assert (target / "README.md").read_text(encoding="utf-8").count("### `") >= 15
    assert (target / "spending.csv").read_text(
        encoding="utf-8"
    ) == "category,amount,unit,as_of,as_of_printed,section_id,printed\n"
    assert main(["validate", str(target)]) == 1
    out = capsys.readouterr().out
    assert "report.title" in out
    assert "report.year" in out  # no year is guessed: the person fills it in
    assert main(["new", str(target)]) == 2  # not over an existing one


def test_data_errors_exit_1(data_copy: Path, capsys) -> None:
    (data_copy / "budget.csv").write_text("year,amount\n", encoding="utf-8")  # columns missing
    assert main(["validate", str(data_copy)]) == 1
    assert "budget.csv" in capsys.readouterr().out


def test_usage_errors_exit_2(tmp_path: Path, capsys) -> None:
    assert main(["validate", str(tmp_path / "nowhere")]) == 2
    assert main(["frobnicate"]) == 2
    assert main([]) == 2
    capsys.readouterr()


def test_console_script_prints_chinese_under_a_plain_locale() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "fundanalysis.cli", "validate"],
        capture_output=True,
        env={"LC_ALL": "C", "PYTHONIOENCODING": "", "FUNDANALYSIS_CACHE": "off"},
        check=False,
    )
    assert result.returncode == 0
    assert "巴州财政专项扶贫资金" in result.stdout.decode("utf-8")
