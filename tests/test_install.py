"""A plain (non-editable) install works from any directory, with the shipped reports inside.

Builds the wheel, installs it into a throw-away virtual environment and uses it from a
directory outside the repository. The dependencies come from the project's own environment
(a path entry, so nothing is downloaded); fundanalysis itself must come from the wheel.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A virtual environment with the project installed from its wheel; returns its bin dir."""
    tmp = tmp_path_factory.mktemp("install")
    wheels = tmp / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("fundanalysis-*.whl")
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    site = Path(
        sysconfig.get_path("purelib", vars={"base": str(env_dir), "platbase": str(env_dir)})
    )
    # The project's dependencies, without its editable install (a bare path runs no .pth).
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return env_dir / "bin"


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """``command`` as a user with a home of their own (``cwd``) and nothing else set."""
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(cwd)},
    )


def test_the_library_and_its_data_load_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    script = (
        "import fundanalysis as fa, pathlib\n"
        "print(pathlib.Path(fa.__file__).parent)\n"
        "tables = fa.load_all(); checks = fa.reconcile()\n"
        "print(len(tables['carryover']), len(checks))\n"
    )
    result = run([str(installed / "python"), "-c", script], tmp_path)
    assert result.returncode == 0, result.stderr
    package, counts = result.stdout.splitlines()
    assert Path(package).is_relative_to(installed.parent), (
        "fundanalysis did not come from the wheel"
    )
    assert counts == "47 66"  # 47 carry-over leaf items; 66 checks (data/bazhou-2020)
    # the results are kept in the user's cache directory, and only there
    stored = sorted(
        p.name.split("-", 1)[1] for p in (tmp_path / ".cache" / "fundanalysis").iterdir()
    )
    assert stored == ["checks.pickle", "tables.pickle"]


def test_the_command_validates_the_shipped_report(installed: Path, tmp_path: Path) -> None:
    result = run([str(installed / "fundanalysis"), "validate"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "reports/bazhou-2020" in result.stdout
    assert "data valid (exit 0)" in result.stdout
