"""Benchmarks: our commands against their floors, measured side by side, as ratios.

    python tools/bench.py [--runs N] [--scale 10000,100000,1000000] [--only P1,P2,P3,V1,D1,scale]

Prints medians of several runs (interleaved, ours then baseline, so drift hits both) and their
ratio, with the machine's core count. Numbers, not a verdict: no target is asserted here.
Each figure is measured twice: with the result cache emptied before every run ("cold": a first
run, or CI's) and with it filled by an untimed run ("warm": every run after the first).
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


TIME = shutil.which("time") and Path("/usr/bin/time")


def run(
    command: list[str],
    env: dict | None = None,
    cwd: Path | None = None,
    allow_failure: bool = False,
) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in MiB of one child process.

    The memory is measured by GNU time when it is there: a child forked from this (large)
    process would otherwise be charged with this process's memory. ``allow_failure``: a
    validator that reports problems exits non-zero; that is a result, not a failed benchmark.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = (
            [str(TIME), "-f", "%M", "-o", rss.name, *command] if TIME and TIME.exists() else command
        )
        started = time.perf_counter()
        process = subprocess.Popen(
            wrapped, env=env or ENV, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0 and not allow_failure:
            raise SystemExit(f"benchmark command failed: {' '.join(command)}")
        measured = rss.read().strip().splitlines()
        kib = int(measured[-1]) if measured and measured[-1].isdigit() else usage.ru_maxrss
    return elapsed, kib // 1024


#: How our command meets the result cache (src/fundanalysis/cache.py): "cold" empties it
#: before every run, as on a first run or in CI; "warm" runs once untimed to fill it, as every
#: run after the first finds it.
CACHE_STATES = ("cold", "warm")


def compare(
    name: str,
    ours: list[str],
    floor: list[str],
    runs: int,
    target: str,
    cache: str = "warm",
    **kwargs,
) -> dict:
    cache_dir = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    base_env = kwargs.pop("env", None) or ENV
    ours_env = {**base_env, "FUNDANALYSIS_CACHE": str(cache_dir)}
    # The yardstick does the work plainly: where it runs our code (P3's nbconvert), uncached.
    floor_env = {**base_env, "FUNDANALYSIS_CACHE": "off"}
    mine, base, mine_mem, base_mem = [], [], [], []
    if cache == "warm":
        run(ours, env=ours_env, **kwargs)
    for _ in range(runs):
        if cache == "cold":
            shutil.rmtree(cache_dir, ignore_errors=True)
        seconds, memory = run(ours, env=ours_env, **kwargs)
        mine.append(seconds)
        mine_mem.append(memory)
        seconds, memory = run(floor, env=floor_env, **kwargs)
        base.append(seconds)
        base_mem.append(memory)
    shutil.rmtree(cache_dir, ignore_errors=True)
    return summary(f"{name} [{cache}]", (mine, mine_mem), (base, base_mem), target)


def summary(name: str, ours: tuple[list, list], floor: tuple[list, list], target: str) -> dict:
    """The medians of our runs and the yardstick's, their ratio and peak memory, printed."""
    row = {
        "figure": name,
        "ours_s": statistics.median(ours[0]),
        "floor_s": statistics.median(floor[0]),
        "ours_mib": max(ours[1]),
        "floor_mib": max(floor[1]),
        "target": target,
    }
    row["ratio"] = row["ours_s"] / row["floor_s"]
    print(
        f"{name:<44} ours {row['ours_s']:8.2f} s  floor {row['floor_s']:8.2f} s  "
        f"ratio {row['ratio']:5.2f}  memory {row['ours_mib']} / {row['floor_mib']} MiB  "
        f"(target {target})",
        flush=True,
    )
    return row


def startup(runs: int) -> dict:
    ours = [PY, "-c", "import fundanalysis as fa; fa.load_all(); fa.reconcile()"]
    floor = [PY, "-c", "import pandas, pandera.pandas"]
    return [
        compare("P1 start-up: load+validate+reconcile", ours, floor, runs, "≤ 1.25", cache=state)
        for state in CACHE_STATES
    ]


def notebooks(runs: int) -> dict:
    sources = sorted((ROOT / "notebooks").glob("*.ipynb"))
    empty_dir = Path(tempfile.mkdtemp(prefix="bench-empty-"))
    template = nbformat.read(sources[0], as_version=4)
    # One cell doing nothing: nbval collects no test from a notebook without cells.
    empty = nbformat.v4.new_notebook(
        metadata=template.metadata, cells=[nbformat.v4.new_code_cell("pass")]
    )
    for index in range(len(sources)):
        nbformat.write(empty, empty_dir / f"empty-{index}.ipynb")
    common = [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env"]
    parallel = ["-n", "2", "--dist", "loadfile"]
    ours = [
        *common,
        *parallel,
        "--nbval-sanitize-with",
        str(ROOT / "notebooks" / "sanitize.cfg"),
        *map(str, sources),
    ]
    floor = [*common, *map(str, sorted(empty_dir.glob("*.ipynb")))]
    try:
        return [
            compare(
                f"P2 nbval, {len(sources)} notebooks",
                ours,
                floor,
                runs,
                "≤ 1.5",
                cache=state,
                cwd=ROOT,
            )
            for state in CACHE_STATES
        ]
    finally:
        shutil.rmtree(empty_dir)


def site(runs: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="bench-site-"))
    sources = sorted((ROOT / "notebooks").glob("*.ipynb"))
    ours = [
        PY,
        str(ROOT / "tools" / "build_site.py"),
        "--out",
        str(work / "site"),
        "--work",
        str(work / "src"),
    ]
    # The same work done plainly: every notebook of every shipped report, one after another.
    from fundanalysis.data.paths import shipped_reports

    convert = " ".join(
        f"FUNDANALYSIS_DATA={shlex.quote(str(d))} {shlex.quote(PY)} -m jupyter nbconvert --execute "
        f"--to html --output-dir {shlex.quote(str(work / 'nbconvert' / d.name))} "
        + " ".join(shlex.quote(str(p)) for p in sources)
        + " &&"
        for d in shipped_reports()
    )
    floor = ["sh", "-c", convert + " true"]
    try:
        return [
            compare(
                "P3 site: make site vs nbconvert",
                ours,
                floor,
                runs,
                "≤ 1.0 (stretch 0.7)",
                cache=state,
            )
            for state in CACHE_STATES
        ]
    finally:
        shutil.rmtree(work)


def _without(path: Path, *markers: str) -> None:
    """Drop the lines of a CSV file that contain any of ``markers`` (the header stays)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [lines[0]] + [line for line in lines[1:] if not any(m in line for m in markers)]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")


def synthetic_directory(rows: int, target: Path) -> Path:
    """A copy of the default report whose carry-over has ``rows`` random leaf items (same schema).

    The checks, claims, findings and corrections that name the real carry-over are dropped and
    one total over the synthetic items is declared instead.
    """
    from fundanalysis.data.paths import default_data_dir

    shutil.copytree(default_data_dir(), target)
    generator = random.Random(rows)
    words = [
        line.split(",")
        for line in (target / "vocabulary.csv").read_text(encoding="utf-8").splitlines()[1:]
    ]
    counties = [w[1] for w in words if w[0] == "place"]
    sources = [w[1] for w in words if w[0] == "funding_source"]
    kinds = ["质量保证金", "尾款", "结余", "尾款或支付失败"]
    header = (target / "carryover.csv").read_text(encoding="utf-8").splitlines()[0]
    lines = [header]
    total = 0
    for seq in range(1, rows + 1):
        fen = generator.randrange(1, 10**9)
        total += fen
        amount = f"{fen // 10**6}.{fen % 10**6:06d}"
        source = generator.choice(sources)
        lines.append(
            f"{generator.choice(counties)},{seq},{source},{source},项目{seq},Project {seq},"
            f"{generator.choice(kinds)},1,{amount},万元,未说明,,,SE-4.1,项目{seq} 1个，结转资金{amount}万元"
        )
    (target / "carryover.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    totals = (target / "totals.csv").read_text(encoding="utf-8").splitlines()
    kept = [line for line in totals if ",carryover," not in line and ",totals," not in line]
    stated = f"{total // 10**6}.{total % 10**6:06d}"
    kept.append(
        f"synthetic_all,carryover,,amount,{stated},万元,SE-4.1,合计{stated}万元,,,合计,Synthetic total,"
    )
    (target / "totals.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    _without(target / "corrections.csv", ",carryover,")
    _without(target / "claims.csv", ",carryover,")
    _without(target / "findings.csv", "carryover_", ",C3,")
    (target / "coverage.csv").unlink()
    (target / "scan.csv").unlink(missing_ok=True)  # it names the carry-over totals dropped above
    return target


FRICTIONLESS = "frictionless==5.21.0"


def frictionless_env() -> Path:
    """Frictionless installed alone, as its users install it, under build/ (made once)."""
    env_dir = ROOT / "build" / "bench" / "frictionless"
    command = env_dir / "bin" / "frictionless"
    if not command.exists():
        print(f"  (installing {FRICTIONLESS} alone into {env_dir}, once)", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
        subprocess.run(
            [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", FRICTIONLESS],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    return command


def validate_vs_frictionless(sizes: list[int], runs: int) -> list[dict]:
    """V1: `fundanalysis validate` against `frictionless validate` of the same directory."""
    from fundanalysis.data.paths import default_data_dir
    from fundanalysis.publish import datapackage

    frictionless = str(frictionless_env())
    ours_cli = str(Path(PY).with_name("fundanalysis"))
    rows = []
    for size in [0, *sizes]:
        work = Path(tempfile.mkdtemp(prefix="bench-v1-"))
        try:
            directory = (
                default_data_dir() if size == 0 else synthetic_directory(size, work / "data")
            )
            if size:
                datapackage.write(directory)
            label = "shipped data" if size == 0 else f"{size:,} rows"
            for state in CACHE_STATES:
                row = compare(
                    f"V1 validate vs frictionless, {label}",
                    [ours_cli, "validate", str(directory)],
                    [frictionless, "validate", str(directory / "datapackage.json")],
                    runs if size < 10**5 else max(1, runs // 2),
                    "≤ 1.0" if size == 0 else "≤ 0.25, memory ≤ frictionless",
                    cache=state,
                    allow_failure=True,
                )
                print(
                    f"{'':<44} peak memory ours {row['ours_mib']} MiB, "
                    f"frictionless {row['floor_mib']} MiB",
                    flush=True,
                )
                rows.append(row)
        finally:
            shutil.rmtree(work)
    return rows


def scale(sizes: list[int], runs: int) -> list[dict]:
    rows = []
    for size in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"bench-scale-{size}-"))
        try:
            directory = synthetic_directory(size, work / "data")
            ours = [
                PY,
                "-c",
                f"import fundanalysis as fa; fa.load_carryover({str(directory)!r}); fa.reconcile({str(directory)!r})",
            ]
            floor = [
                PY,
                "-c",
                f"import pandas; pandas.read_csv({str(directory / 'carryover.csv')!r})",
            ]
            for state in CACHE_STATES:
                row = compare(
                    f"scale {size:>9,} rows",
                    ours,
                    floor,
                    max(1, runs if size < 10**6 else 1),
                    "≤ 3, memory ≤ 2",
                    cache=state,
                )
                row["rows"] = size
                print(
                    f"{'':<44} peak memory ours {row['ours_mib']} MiB, "
                    f"read_csv {row['floor_mib']} MiB",
                    flush=True,
                )
                rows.append(row)
        finally:
            shutil.rmtree(work)
    cold = [row for row in rows if row["figure"].endswith("[cold]")]
    if len(cold) > 1:
        first = cold[0]
        for row in cold[1:]:
            growth = (row["ours_s"] - first["ours_s"] * 0) / first["ours_s"]
            print(
                f"  time ×{growth:6.1f} for rows ×{row['rows'] / first['rows']:6.0f} "
                f"(per row: {row['ours_s'] / row['rows'] * 1e6:.1f} µs vs {first['ours_s'] / first['rows'] * 1e6:.1f} µs)"
            )
    return rows


DRAFT_TEXT = "bazhou-2020-poverty-fund-self-evaluation.md"


def draft(runs: int) -> dict | None:
    """D1: ``fundanalysis draft`` of 巴州 as a whole process, into a new directory each run,
    against ``fundanalysis scan`` of the same text (the drafter's own work is the difference)."""
    found = [
        Path(d) / DRAFT_TEXT
        for d in os.environ.get("FUNDANALYSIS_SOURCES", "").split(os.pathsep)
        if d and (Path(d) / DRAFT_TEXT).is_file()
    ]
    if not found:
        print(f"D1 draft: skipped, {DRAFT_TEXT} not found (set FUNDANALYSIS_SOURCES)", flush=True)
        return None
    text = str(found[0])
    work = Path(tempfile.mkdtemp(prefix="bench-draft-"))
    env = {**ENV, "FUNDANALYSIS_CACHE": "off"}
    command = [PY, "-m", "fundanalysis.cli"]
    mine, base, mine_mem, base_mem = [], [], [], []
    for number in range(runs):
        seconds, memory = run([*command, "draft", text, str(work / f"run-{number}")], env=env)
        mine.append(seconds)
        mine_mem.append(memory)
        # the scan finds figures, so it exits 1 on the report's findings: a result
        seconds, memory = run([*command, "scan", text], env=env, allow_failure=True)
        base.append(seconds)
        base_mem.append(memory)
    shutil.rmtree(work, ignore_errors=True)
    return summary("D1 draft of 巴州 vs scan of it", (mine, mine_mem), (base, base_mem), "none")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", default="10000,100000,1000000")
    parser.add_argument("--only", default="P1,P2,P3,V1,D1,scale")
    parser.add_argument("--v1-scale", default="100000")
    args = parser.parse_args(argv)
    chosen = set(args.only.split(","))
    print(
        f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; {time.strftime('%Y-%m-%d')}"
    )
    if "P1" in chosen:
        startup(args.runs)
    if "P2" in chosen:
        notebooks(max(1, args.runs // 2))
    if "P3" in chosen:
        site(max(1, args.runs // 2))
    if "V1" in chosen:
        validate_vs_frictionless(
            [int(s) for s in args.v1_scale.split(",") if s], max(1, args.runs // 2)
        )
    if "D1" in chosen:
        draft(args.runs)
    if "scale" in chosen:
        scale([int(s) for s in args.scale.split(",")], max(1, args.runs // 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
