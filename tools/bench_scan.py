"""Benchmark ``fundanalysis scan`` against ``grep -oE`` extracting the amounts of the same files.

Builds a folder of 1,000 report texts from the shipped texts' sentences, shuffled and
renumbered (into build/scan-bench/, an ignored path), then times, each as whole processes:
the scan of one report, the scan of the folder (several processes), and grep over the same
files. Prints the times and the ratios. The texts are read from $FUNDANALYSIS_SOURCES.

    FUNDANALYSIS_SOURCES=/path/to/report/texts python tools/bench_scan.py
"""

from __future__ import annotations

import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "scan-bench"
TEXTS = (
    "bazhou-2020-poverty-fund-self-evaluation.md",
    "mancheng-2019-poverty-fund-self-evaluation.md",
)
# ASCII digits only: a bracket range of full-width digits is an error in grep's C locale.
GREP = r"[0-9][0-9.,]*[[:space:]]*(万元|亿元|元)"
_SENTENCE = re.compile(r"[^。\n]+[。]?")
_HEADING = re.compile(r"^(#*\s*)([一二三四五六七八九十]+)、", re.MULTILINE)
_CN = "一二三四五六七八九十"


def _sources() -> list[str]:
    texts = []
    for name in TEXTS:
        for directory in os.environ.get("FUNDANALYSIS_SOURCES", "").split(os.pathsep):
            path = Path(directory) / name
            if directory and path.is_file():
                texts.append(path.read_text(encoding="utf-8"))
                break
    if not texts:
        print("bench_scan: skipped: set FUNDANALYSIS_SOURCES to the directory of the shipped texts")
        sys.exit(0)
    return texts


def _renumbered(text: str) -> str:
    """Headings 一、二、… numbered afresh in their new order."""
    counter = iter(range(1, 100))

    def number(match: re.Match[str]) -> str:
        n = next(counter)
        digits = _CN[n - 1] if n <= 10 else "十" + _CN[n - 11] if n < 20 else str(n)
        return f"{match[1]}{digits}、"

    return _HEADING.sub(number, text)


def _paragraphs(text: str) -> list[str]:
    """Paragraphs, a page break mid-sentence mended first, so that no sentence is cut."""
    mended = re.sub(r"([^。：:；;！？\n])\n\s*\n(?![#\s])", r"\1", text)
    return [p for p in mended.split("\n\n") if p.strip()]


def build(count: int = 1000, seed: int = 18) -> list[Path]:
    """``count`` texts of shuffled paragraphs and sentences, written to build/scan-bench/."""
    random.seed(seed)
    paragraphs = [p for text in _sources() for p in _paragraphs(text)]
    OUT.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        chosen = random.sample(paragraphs, k=min(len(paragraphs), random.randint(20, 60)))
        shuffled = []
        for paragraph in chosen:
            sentences = _SENTENCE.findall(paragraph)
            if random.random() < 0.3:
                random.shuffle(sentences)
            shuffled.append("".join(sentences))
        path = OUT / f"report-{index:04d}.md"
        path.write_text(_renumbered("\n\n".join(shuffled)) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def one_long_sentence(figures: int) -> Path:
    """A text whose one sentence lists ``figures`` amounts and then their printed total:
    the scan must read it in time linear in its figures, not once per figure."""
    items = "，".join(f"甲{i}村 {i} 万元" for i in range(figures))
    path = OUT / f"sentence-{figures}.md"
    path.write_text(f"# 甲县\n\n一、投入\n\n{items}，合计 5 万元。\n", encoding="utf-8")
    return path


def _time(command: list[str], repeat: int = 3) -> tuple[float, float]:
    """Best wall time and best CPU time (user + system) of ``repeat`` whole-process runs.

    CPU time is reported beside wall time because it does not grow when other work shares
    the machine.
    """
    best_wall = best_cpu = float("inf")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        if done.returncode not in (0, 1):  # 1: grep found nothing, or the scan a finding
            sys.exit(f"bench_scan: {command[0]} failed: {done.stderr.decode()[:300]}")
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu


def main() -> None:
    paths = build()
    one = next(
        Path(d) / TEXTS[0]
        for d in os.environ["FUNDANALYSIS_SOURCES"].split(os.pathsep)
        if (Path(d) / TEXTS[0]).is_file()
    )
    scan = [sys.executable, "-m", "fundanalysis.text.scan", "--json"]
    # The scan's modules alone, without fundanalysis/__init__.py (which loads pandas for the
    # notebooks' API until it is made lazy): what `fundanalysis scan` costs once it is.
    alone = [
        sys.executable,
        "-c",
        "import sys, types; p = types.ModuleType('fundanalysis'); "
        f"p.__path__ = [{str(ROOT / 'src' / 'fundanalysis')!r}]; sys.modules['fundanalysis'] = p; "
        "from fundanalysis.text.scan.command import main; sys.exit(main())",
        "--json",
    ]
    grep = ["grep", "-oE", GREP]
    files = [str(p) for p in paths]
    rows = [
        ("one report, scan (python -m, package as it is)", _time([*scan, str(one)])),
        ("one report, scan (its modules alone)", _time([*alone, str(one)])),
        ("one report, grep -oE amounts", _time([*grep, str(one)])),
        (f"{len(files)} texts, scan (its modules alone)", _time([*alone, *files], repeat=1)),
        (f"{len(files)} texts, grep -oE amounts", _time([*grep, *files], repeat=1)),
        ("one sentence of 1,600 figures, scan", _time([*alone, str(one_long_sentence(1600))])),
        ("one sentence of 6,400 figures, scan", _time([*alone, str(one_long_sentence(6400))])),
    ]
    print(f"{'':<50} {'wall':>9}    {'CPU':>9}")
    for label, (wall, cpu) in rows:
        print(f"{label:<50} {wall * 1000:9.1f} ms {cpu * 1000:9.1f} ms")
    print(f"ratio, one report (modules alone / grep), wall: {rows[1][1][0] / rows[2][1][0]:.0f}×")
    print(f"ratio, {len(files)} texts (scan / grep), wall: {rows[3][1][0] / rows[4][1][0]:.0f}×")
    print(
        f"ratio, 4 × the figures in one sentence, wall: {rows[6][1][0] / rows[5][1][0]:.1f}× "
        "(4× is linear)"
    )
    print(f"CPUs: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
