"""`make site` writes only to ignored paths, survives interruption and refuses to run twice.

Runs in a fresh git checkout of the working tree (see ``checkout_with_site``): the build there
uses its default paths, exactly as `make site` does in a clone.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import build_site


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_build_leaves_the_tree_clean(checkout_with_site: Path) -> None:
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=checkout_with_site,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert status == ""
    assert (checkout_with_site / "site" / "index.html").is_file()
    assert not (checkout_with_site / "jupyter_execute").exists()


def start_build(root: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(root / "tools" / "build_site.py")],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def group_is_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("stop_at", ["executing the notebooks", "rendering HTML"])
def test_ctrl_c_leaves_the_last_site_and_no_process(checkout_with_site: Path, stop_at: str) -> None:
    index = checkout_with_site / "site" / "index.html"
    before = digest(index)
    with start_build(checkout_with_site) as build:
        for line in build.stdout:
            if stop_at in line:
                break
        time.sleep(1.0)
        os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C does to the terminal's process group
        build.stdout.read()
        assert build.wait(timeout=60) == 130
    deadline = time.monotonic() + 10
    while not group_is_gone(build.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert group_is_gone(build.pid), "a process of the interrupted build is still running"
    assert digest(index) == before
    assert not (checkout_with_site / "site.new").exists()


def test_a_second_build_at_the_same_time_stops_with_a_message(checkout_with_site: Path) -> None:
    with start_build(checkout_with_site) as first:
        for line in first.stdout:
            if "executing the notebooks" in line:
                break
        second = build_site(checkout_with_site)
        os.killpg(first.pid, signal.SIGINT)
        first.stdout.read()
        first.wait(timeout=60)
    assert second.returncode == 1
    assert "another site build is running" in second.stderr
