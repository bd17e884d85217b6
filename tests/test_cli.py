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
    assert "[discrepancy] carryover_qiemo:" in out


def test_data_errors_exit_1(data_copy: Path, capsys) -> None:
    (data_copy / "budget.csv").write_text("year,amount\n", encoding="utf-8")
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
        env={"LC_ALL": "C", "PYTHONIOENCODING": ""},
        check=False,
    )
    assert result.returncode == 0
    assert "若羌县" in result.stdout.decode("utf-8")
