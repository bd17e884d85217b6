"""The command: JSON of the issue's shape, exit codes, several files in order, and speed.

The scan must not need pandas, pandera or matplotlib: a subprocess imports the command and
scans a file, then reports which of them ``sys.modules`` holds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fundanalysis.text.scan.command import main

SRC = Path(__file__).resolve().parents[1] / "src"
FIXTURES = Path(__file__).parent / "fixtures" / "scan"
HEAVY = ("pandas", "pandera", "matplotlib")


def test_json_has_the_issue_shape(capsys):
    assert main(["--json", str(FIXTURES / "counts.md")]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    result = json.loads(line)
    assert set(result) == {"figures", "relations", "findings"}
    figure = result["figures"][0]
    assert set(figure) == {"id", "value", "unit", "start", "end", "printed", "section"}
    text = (FIXTURES / "counts.md").read_text(encoding="utf-8")
    for f in result["figures"]:
        assert text[f["start"] : f["end"]] == f["printed"]
    by_id = {f["id"]: f for f in result["figures"]}
    relation = next(r for r in result["relations"] if r["status"] == "fails")
    assert set(relation) == {"id", "kind", "total", "parts", "status", "gap"}
    assert by_id[relation["total"]]["value"] == "10"
    assert [by_id[p]["value"] for p in relation["parts"]] == ["8", "1", "2"]
    assert relation["kind"] == "sum" and relation["gap"] == "-1"
    (finding,) = result["findings"]
    assert set(finding) == {
        "id",
        "relations",
        "material",
        "title",
        "title_en",
        "explanation",
        "explanation_en",
    }
    assert finding["relations"] == [relation["id"]] and finding["material"] is True


def test_exit_0_when_nothing_fails(capsys):
    assert main([str(FIXTURES / "bracket.md")]) == 0
    out = capsys.readouterr().out
    assert "✓ 成立 holds" in out and "1200 万元 = 700 万元 + 450 万元 + 50 万元" in out


def test_several_files_one_result_each_in_order(capsys, tmp_path: Path):
    names = ["bracket.md", "counts.md", "parts-first.md", "missing-part.md"]
    paths = [str(FIXTURES / name) for name in names]
    bad = tmp_path / "empty.md"
    bad.write_text("", encoding="utf-8")
    code = main(["--json", "--jobs", "2", *paths, str(bad)])
    captured = capsys.readouterr()
    assert code == 2  # an unusable input outranks the findings
    lines = captured.out.splitlines()
    assert len(lines) == len(names)
    failing = [any(r["status"] == "fails" for r in json.loads(line)["relations"]) for line in lines]
    assert failing == [False, True, False, True]
    assert "empty.md" in captured.err


def test_terminal_output_cannot_carry_control_characters(tmp_path: Path, capsys):
    path = tmp_path / "evil\x1b[31m.md"
    path.write_text(
        "共下达资金\x1b[2J500万元，其中：中央资金300万元，省级资金200万元。", encoding="utf-8"
    )
    main([str(path)])
    assert "\x1b" not in capsys.readouterr().out


def _scan_in_a_process(path: Path, bypass_package_init: bool) -> list[str]:
    """Modules of HEAVY a process imported while scanning."""
    prelude = ""
    if bypass_package_init:
        # fundanalysis/__init__.py loads the data layer (pandas) for the notebooks' API;
        # the scan's own modules are measured apart from it.
        prelude = (
            "import types; package = types.ModuleType('fundanalysis'); "
            f"package.__path__ = [{str(SRC / 'fundanalysis')!r}]; "
            "sys.modules['fundanalysis'] = package; "
        )
    code = (
        "import sys; " + prelude + "from fundanalysis.text.scan.command import main; "
        f"main([{str(path)!r}]); "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1].replace("'", '"'))


def test_the_scan_imports_no_pandas_pandera_or_matplotlib():
    # how fast it starts is measured by `make bench` (tools/bench_scan.py), not asserted here
    assert _scan_in_a_process(FIXTURES / "nested.md", bypass_package_init=True) == []


def test_the_whole_command_imports_no_pandas():
    """Through the package's face and the CLI, as a user runs it."""
    assert _scan_in_a_process(FIXTURES / "nested.md", bypass_package_init=False) == []


def test_materiality_threshold_can_be_told(capsys):
    # The gap of total-then-parts.md is 299.97 of 900 万元 (33 %): material at 1 %, not at 50 %.
    path = str(FIXTURES / "total-then-parts.md")
    main(["--json", path])
    assert json.loads(capsys.readouterr().out)["findings"][0]["material"] is True
    main(["--json", "--materiality", "0.5", path])
    assert json.loads(capsys.readouterr().out)["findings"][0]["material"] is False
    assert main(["--materiality", "lots", path]) == 2
