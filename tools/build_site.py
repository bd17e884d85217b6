"""Build the offline HTML site: execute the notebooks afresh, then render them with Sphinx.

    python tools/build_site.py [--data DIR] [--out site] [--work build/site-src] [--jobs 2]

The notebooks in notebooks/ are never touched: copies are executed in the work folder against
the chosen data directory. The site bundles everything it shows (a subset of Noto Sans CJK SC
as a web font, the CSV downloads); it makes no request outside itself.

The site is built beside the published one and swapped in only when complete: an interrupted
or failed build leaves the previous site as it was. Ctrl-C or SIGTERM stops every process the
build started; a second build started while one runs stops at once and says so.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FONT_FAMILY = "Noto Sans SC Subset"
FONT_FILE = "NotoSansSC-subset.woff2"
INDEX_TOCTREE = """```{toctree}
:hidden:
:maxdepth: 1

01-funding-and-disbursement
02-carry-over
03-poverty-reduction
04-project-completion
05-data-audit
data
```"""


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


class BuildError(Exception):
    """The build cannot go on; the message says why."""


class Interrupted(Exception):
    """Ctrl-C or SIGTERM."""


def _interrupt(signum, frame) -> None:
    raise Interrupted(signal.Signals(signum).name)


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    """Run a step in its own process group, so that stopping the build stops all of it."""
    child = subprocess.Popen(command, env=env, start_new_session=True)
    try:
        code = child.wait()
    except BaseException:
        _stop(child)
        raise
    if code != 0:
        raise BuildError(
            f"{Path(command[1]).name if len(command) > 1 else command[0]} failed (exit {code})"
        )


def _stop(child: subprocess.Popen) -> None:
    """Stop a step's whole process group: its workers and their kernels too.

    SIGTERM first, so that the step can stop its kernels; then SIGKILL for whatever is left in
    the group (pool workers outlive their parent otherwise). The group is the step's own.
    """
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(child.pid, sig)
        except ProcessLookupError:
            break
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            continue
        time.sleep(0.2)
    child.wait()


@contextmanager
def exclusive(lock_path: Path) -> Iterator[None]:
    """Hold the build lock, or stop at once if another build holds it."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BuildError(
                f"另一个网站构建正在进行 / another site build is running ({holder}); "
                "wait for it to finish, then run make site again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()


def swap_in(built: Path, out: Path) -> None:
    """Replace ``out`` by the complete site ``built``; the old one is removed only afterwards."""
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    # No interruption between the two renames: there is always a complete site at ``out``
    # or, for that instant only, at ``old``.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        if out.exists():
            out.rename(old)
        built.rename(out)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    shutil.rmtree(old, ignore_errors=True)


def execute_notebooks(work: Path, data_dir: Path, jobs: int) -> None:
    """Execute copies of the notebooks into ``work``; the overview becomes the index page."""
    sources = sorted((ROOT / "notebooks").glob("*.ipynb"))
    env = {**os.environ, "FUNDANALYSIS_DATA": str(data_dir), "PYTHONHASHSEED": "0"}
    command = [
        sys.executable,
        str(ROOT / "tools" / "execute_notebooks.py"),
        "--into",
        str(work),
        "--jobs",
        str(jobs),
    ]
    run([*command, *map(str, sources)], env=env)
    overview = work / "00-overview.ipynb"
    notebook = json.loads(overview.read_text(encoding="utf-8"))
    notebook["cells"].append(
        {"cell_type": "markdown", "id": "site-toctree", "metadata": {}, "source": INDEX_TOCTREE}
    )
    (work / "index.ipynb").write_text(
        json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    overview.unlink()


def write_downloads(work: Path, data_dir: Path) -> None:
    """Copy the data tables and write the reconciliation as CSV; list them on data.md."""
    import fundanalysis as fa
    from fundanalysis.tables import SPECS

    target = work / "_static" / "data"
    target.mkdir(parents=True, exist_ok=True)
    rows = []
    for spec in SPECS.values():
        shutil.copyfile(data_dir / spec.file, target / spec.file)
        rows.append(f"| [{spec.file}](path:_static/data/{spec.file}) | {spec.title} |")
    checks = fa.reconcile(data_dir)
    checks.to_csv(target / "reconciliation.csv", index=False, encoding="utf-8-sig")
    rows.append(
        "| [reconciliation.csv](path:_static/data/reconciliation.csv) | every stated total against its parts |"
    )
    package = data_dir / "datapackage.json"
    if package.is_file():
        shutil.copyfile(package, target / "datapackage.json")
        rows.append(
            "| [datapackage.json](path:_static/data/datapackage.json) | Frictionless description of every table |"
        )
    header = (ROOT / "docs" / "data.md.in").read_text(encoding="utf-8")
    (work / "data.md").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")


def subset_font(work: Path) -> None:
    """A WOFF2 subset of Noto Sans CJK SC holding every character the pages use."""
    import noto_cjk_sans_otc
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    text = set()
    for path in work.rglob("*"):
        if path.suffix in {".ipynb", ".md", ".csv", ".py"} and path.is_file():
            text |= set(path.read_text(encoding="utf-8", errors="ignore"))
    text |= {chr(c) for c in range(0x20, 0x7F)}
    collection = TTCollection(str(noto_cjk_sans_otc.FONT_PATH))
    index = next(
        i
        for i, font in enumerate(collection.fonts)
        if font["name"].getDebugName(1) == "Noto Sans CJK SC"
    )
    fonts = work / "_static" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    chars = fonts / "characters.txt"
    chars.write_text("".join(sorted(text)), encoding="utf-8")
    subset.main(
        [
            str(noto_cjk_sans_otc.FONT_PATH),
            f"--font-number={index}",
            f"--text-file={chars}",
            "--flavor=woff2",
            "--layout-features=*",
            f"--output-file={fonts / FONT_FILE}",
        ]
    )
    chars.unlink()
    (work / "_static" / "fonts.css").write_text(
        "@font-face {\n"
        f'  font-family: "{FONT_FAMILY}";\n'
        f'  src: url("fonts/{FONT_FILE}") format("woff2");\n'
        "  font-display: block;\n}\n",
        encoding="utf-8",
    )


def build(data_dir: Path, out: Path, work: Path, jobs: int) -> None:
    """Every step of the build; the new site replaces ``out`` only at the very end."""
    step(f"validating {data_dir}")
    from fundanalysis.cli import main as cli

    if cli(["validate", str(data_dir)]) != 0:
        raise BuildError(f"{data_dir} does not validate; the site was not rebuilt")
    step("copying the site sources")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(ROOT / "docs", work, ignore=shutil.ignore_patterns("*.in"))
    step(f"executing the notebooks afresh ({jobs} at a time)")
    execute_notebooks(work, data_dir, jobs)
    step("writing the CSV downloads")
    write_downloads(work, data_dir)
    step("subsetting the Chinese web font")
    subset_font(work)
    step("rendering HTML with Sphinx")
    # Sphinx (and myst-nb's jupyter_execute/) write beside the new site, never into out/.
    stage = out.with_name(out.name + ".new")
    shutil.rmtree(stage, ignore_errors=True)
    html = stage / "html"
    run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-q",
            "-W",
            "--keep-going",
            str(work),
            str(html),
        ]
    )
    (html / ".nojekyll").touch()
    swap_in(html, out)
    shutil.rmtree(stage, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="data directory (default: data/)")
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "site-src")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    from fundanalysis.paths import data_dir as resolve_data_dir

    data_dir = resolve_data_dir(args.data).resolve()
    out = args.out.resolve()
    started = time.monotonic()
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        with exclusive(args.work.resolve().parent / ".site-build.lock"):
            build(data_dir, out, args.work.resolve(), args.jobs)
    except BuildError as error:
        print(f"make site: {error}", file=sys.stderr)
        return 1
    except Interrupted as reason:
        print(f"make site: stopped ({reason}); the previous site is unchanged", file=sys.stderr)
        return 130
    step(f"done in {time.monotonic() - started:.0f} s: open {out / 'index.html'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
