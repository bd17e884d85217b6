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
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import execute_notebooks
import site_sources

ROOT = Path(__file__).resolve().parents[1]
FONT_FAMILY = "Noto Sans SC Subset"
FONT_FILE = "NotoSansSC-subset.woff2"


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


BuildError = site_sources.BuildError
inside = site_sources.inside

#: A report id as it may name a folder of the site (report.toml's ``id``; validate refuses others).
REPORT_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


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


def execute_all(work: Path, data_dirs: list[Path], jobs: int) -> dict[str, Path]:
    """Execute every notebook against every report, into ``work/executed/<report>/``."""
    sources = sorted((ROOT / "notebooks").glob("*.ipynb"))
    targets = {d.name: inside(work, "executed", d.name) for d in data_dirs}
    if len(targets) < len(data_dirs):
        raise BuildError(
            "two data directories of the same name: give each report a folder of its own"
        )
    command = [sys.executable, str(ROOT / "tools" / "execute_notebooks.py"), "--jobs", str(jobs)]
    for data_dir in data_dirs:
        command += ["--report", f"{data_dir}={targets[data_dir.name]}"]
    run([*command, *map(str, sources)], env={**build_environment(), "PYTHONHASHSEED": "0"})
    return targets


def assemble(work: Path, data_dirs: list[Path], executed: dict[str, Path]) -> list[Path]:
    """Write the Sphinx source tree of each language; return them (Chinese first)."""
    import fundanalysis as fa

    reports = [fa.load_report(d) for d in data_dirs]
    for report in reports:  # validate has refused these already; the paths depend on it
        if not REPORT_ID.fullmatch(report.info.id):
            raise BuildError(f"report id {report.info.id!r} is not a slug ([a-z0-9-]+)")
    if len({report.info.id for report in reports}) < len(reports):
        raise BuildError("two reports have the same id in report.toml")
    trees = []
    for lang in site_sources.LANGUAGES:
        tree = inside(work, lang)
        shutil.rmtree(tree, ignore_errors=True)
        site_sources.copy_docs(tree)
        subjects = {}
        for report in reports:
            pages = executed[report.data_dir.name]
            titles = site_sources.page_titles(pages, lang)
            printed = site_sources.printed_pages(pages, report)
            subjects[report.info.id] = [titles[stem] for stem in printed]
        inside(tree, "index.md").write_text(
            site_sources.index_page(reports, lang, subjects), encoding="utf-8"
        )
        for report in reports:
            report_id = report.info.id
            name = report.info.short_name if lang == "zh" else report.info.short_name_en
            title = f"{name} {report.info.year}"
            site_sources.report_pages(
                executed[report.data_dir.name], inside(tree, report_id), lang, report, title
            )
            folder = inside(tree, "_static", "data", report_id)
            listed = site_sources.downloads(report, folder)
            listed += site_sources.notebook_downloads(executed[report.data_dir.name], folder)
            inside(tree, report_id, "data.md").write_text(
                site_sources.data_page(listed, report_id, lang, title, report), encoding="utf-8"
            )
        trees.append(tree)
    return trees


def subset_font(sites: list[Path]) -> None:
    """A WOFF2 subset of Noto Sans CJK SC holding every character the built pages can show.

    Cut after Sphinx has run, from the HTML and the scripts of every page (the theme's own words
    and the search messages included), and written into each site's _static/fonts/.
    """
    import noto_cjk_sans_otc
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    text = {chr(c) for c in range(0x20, 0x7F)} | set("“”‘’—…·、，。：；！？（）《》【】")
    for site in sites:
        for path in site.rglob("*"):
            if path.suffix in {".html", ".js", ".csv", ".txt"} and path.is_file():
                content = path.read_text(encoding="utf-8", errors="ignore")
                # scripts carry their strings escaped (translations.js): read them as shown
                escaped = re.findall(r"\\u([0-9a-fA-F]{4})", content)
                text |= set(content) | {chr(int(code, 16)) for code in escaped}
    collection = TTCollection(str(noto_cjk_sans_otc.FONT_PATH))
    index = next(
        i
        for i, font in enumerate(collection.fonts)
        if font["name"].getDebugName(1) == "Noto Sans CJK SC"
    )
    first = sites[0] / "_static" / "fonts"
    first.mkdir(parents=True, exist_ok=True)
    chars = first.parent.parent.parent / "font-characters.txt"
    chars.write_text("".join(sorted(c for c in text if c.isprintable())), encoding="utf-8")
    subset.main(
        [
            str(noto_cjk_sans_otc.FONT_PATH),
            f"--font-number={index}",
            f"--text-file={chars}",
            "--flavor=woff2",
            "--layout-features=*",
            f"--output-file={first / FONT_FILE}",
        ]
    )
    chars.unlink()
    for site in sites[1:]:
        (site / "_static" / "fonts").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(first / FONT_FILE, site / "_static" / "fonts" / FONT_FILE)


def build_environment() -> dict[str, str]:
    """The environment of the processes the build starts: the caller's, without our variables
    that change the output (``FUNDANALYSIS_LANG=en`` would publish English outputs on the
    Chinese site, hence no tables or charts); each step sets those it needs itself."""
    return execute_notebooks.own_environment()


def build(data_dirs: list[Path], out: Path, work: Path, jobs: int) -> None:
    """Every step of the build; the new site replaces ``out`` only at the very end."""
    from fundanalysis.cli import main as cli

    for data_dir in data_dirs:
        step(f"validating {data_dir}")
        if cli(["validate", str(data_dir)]) != 0:
            raise BuildError(f"{data_dir} does not validate; the site was not rebuilt")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    step(f"executing the notebooks afresh ({len(data_dirs)} report(s), {jobs} at a time)")
    executed = execute_all(work, data_dirs, jobs)
    step("assembling the pages of each language")
    trees = assemble(work, data_dirs, executed)
    step("rendering HTML with Sphinx")
    # Sphinx (and myst-nb's jupyter_execute/) write beside the new site, never into out/.
    stage = out.with_name(out.name + ".new")
    shutil.rmtree(stage, ignore_errors=True)
    html = stage / "html"
    sites = {}
    # English first: the Chinese pages take its sections' anchors (docs/conf.py)
    section_ids = stage / "section-ids.json"
    built = dict(zip(site_sources.LANGUAGES, trees, strict=True))
    for lang in sorted(built, key=lambda lang: lang != "en"):
        target = html if lang == "zh" else html / lang
        sphinx = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going"]
        doctrees = ["-d", str(stage / f"doctrees-{lang}")]
        run(
            [*sphinx, *doctrees, str(built[lang]), str(target)],
            env={
                **build_environment(),
                "FUNDANALYSIS_SITE_LANG": lang,
                "FUNDANALYSIS_SECTION_IDS": str(section_ids),
            },
        )
        sites[lang] = target
    step("subsetting the Chinese web font to the characters the pages show")
    subset_font([sites[lang] for lang in site_sources.LANGUAGES])
    (html / ".nojekyll").touch()
    swap_in(html, out)
    shutil.rmtree(stage, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        action="append",
        default=None,
        help="a report's data directory (repeatable; default: every shipped report)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "site-src")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    from fundanalysis.data.paths import shipped_reports

    data_dirs = [d.resolve() for d in (args.data or shipped_reports())]
    out = args.out.resolve()
    started = time.monotonic()
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        with exclusive(args.work.resolve().parent / ".site-build.lock"):
            build(data_dirs, out, args.work.resolve(), args.jobs)
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
