"""Build the offline HTML site: execute the notebooks afresh, then render them with Sphinx.

    python tools/build_site.py [--data DIR] [--out site] [--work build/site-src] [--jobs 2]

The notebooks in notebooks/ are never touched: copies are executed in the work folder against
the chosen data directory. The site bundles everything it shows (a subset of Noto Sans CJK SC
as a web font, the CSV downloads); it makes no request outside itself.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
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
    subprocess.run([*command, *map(str, sources)], check=True, env=env)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="data directory (default: data/)")
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "site-src")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    data_dir = (args.data or ROOT / "data").resolve()
    started = time.monotonic()

    step(f"validating {data_dir}")
    from fundanalysis.cli import main as cli

    if cli(["validate", str(data_dir)]) != 0:
        return 1
    step("copying the site sources")
    shutil.rmtree(args.work, ignore_errors=True)
    shutil.copytree(ROOT / "docs", args.work, ignore=shutil.ignore_patterns("*.in"))
    step(f"executing the notebooks afresh ({args.jobs} at a time)")
    execute_notebooks(args.work, data_dir, args.jobs)
    step("writing the CSV downloads")
    write_downloads(args.work, data_dir)
    step("subsetting the Chinese web font")
    subset_font(args.work)
    step("rendering HTML with Sphinx")
    shutil.rmtree(args.out, ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-q",
            "-W",
            "--keep-going",
            str(args.work),
            str(args.out),
        ],
        check=True,
    )
    (args.out / ".nojekyll").touch()
    step(f"done in {time.monotonic() - started:.0f} s: open {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
