"""``fundanalysis scan TEXT…``: audit report texts with no declared check.

Exit 0 when nothing fails, 1 when there is a finding, 2 when an input cannot be used (the
largest over all inputs). Several files are scanned by several processes; results are printed
one per input, in the order given. Messages go to stderr; never a traceback.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

from fundanalysis.text.scan.readers import InputError
from fundanalysis.text.scan.render import json_line, safe, text_report
from fundanalysis.text.scan.scanner import scan_file

Outcome = tuple[str, str, int]  # what to print on stdout, on stderr, and the exit code


def _scan_one(job: tuple[str, bool, Decimal]) -> Outcome:
    path, as_json, materiality = job
    try:
        result = scan_file(path, materiality)
    except InputError as error:
        return "", f"fundanalysis scan: {safe(str(error))}\n", 2
    except RecursionError:
        return "", f"fundanalysis scan: {safe(Path(path).name)}: 结构过深 / nested too deeply\n", 2
    except Exception as error:
        name = safe(Path(path).name)
        return (
            "",
            f"fundanalysis scan: {name}: 内部错误 / internal error ({type(error).__name__})\n",
            2,
        )
    output = json_line(result) if as_json else text_report(result)
    return output, "", 1 if result.findings else 0


def _share(text: str) -> Decimal:
    """A materiality threshold: a decimal share between 0 and 1, read exactly."""
    try:
        value = Decimal(text)
    except ArithmeticError:
        raise argparse.ArgumentTypeError(f"not a decimal number: {text!r}") from None
    if not value.is_finite() or not Decimal(0) < value <= Decimal(1):  # NaN compares as an error
        raise argparse.ArgumentTypeError("a share between 0 and 1, e.g. 0.01 for 1 %")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fundanalysis scan",
        description="审计报告文本中的每个数字与其所述关系 / audit every figure and stated relation "
        "of report texts (.txt .md .html .docx .pdf)",
    )
    parser.add_argument("texts", nargs="+", metavar="TEXT", help="report files to scan")
    parser.add_argument("--json", action="store_true", help="one JSON object per file per line")
    parser.add_argument(
        "--materiality",
        type=_share,
        default=Decimal("0.01"),
        metavar="SHARE",
        help="share of a money total from which a gap is material (default 0.01, i.e. 1 %%)",
    )
    parser.add_argument(
        "--jobs", type=int, default=0, metavar="N", help="processes (default: one per CPU)"
    )
    return parser


def _outcomes(
    paths: list[str], as_json: bool, jobs: int, materiality: Decimal
) -> Iterator[Outcome]:
    work = [(path, as_json, materiality) for path in paths]
    workers = min(len(work), jobs or os.cpu_count() or 1)
    if workers <= 1:
        yield from map(_scan_one, work)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(work) // (workers * 8))
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        yield from pool.map(_scan_one, work, chunksize=chunk)


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit code (0 clean, 1 findings, 2 unusable input)."""
    for stream in (sys.stdout, sys.stderr):
        # Chinese output on a terminal or pipe whose locale is not UTF-8: never an encode error.
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    try:
        arguments = _parser().parse_args(argv)
    except SystemExit as stop:  # argparse has printed its usage message
        return 2 if stop.code else 0
    code = 0
    try:
        outcomes = _outcomes(arguments.texts, arguments.json, arguments.jobs, arguments.materiality)
        for output, errors, status in outcomes:
            if errors:
                sys.stderr.write(errors)
            if output:
                sys.stdout.write(output)
            code = max(code, status)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (… | head): stop quietly, as command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return code
    except KeyboardInterrupt:
        return 130
    return code
