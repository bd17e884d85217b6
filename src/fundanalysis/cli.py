"""``fundanalysis validate [DATA_DIR]``: load, validate and reconcile a data directory.

``fundanalysis coverage [DATA_DIR] [--write]``: check the data against the report's text, where
it is supplied, and list every number the text prints that no table captures.

Exit codes: 0 when the directory is clean, 1 on data errors (a file, row or cell that does not
validate, or a total that no longer matches its parts without an explanation), 2 on usage errors.
Discrepancies of the report that totals.csv explains are findings, printed but not errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fundanalysis.errors import DataError
from fundanalysis.paths import data_dir as resolve_data_dir
from fundanalysis.provenance import COVERAGE_FILE, render_coverage, stored_coverage, verify
from fundanalysis.reconcile import reconcile, unexplained_discrepancies
from fundanalysis.tables import SPECS, load_tables


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fundanalysis",
        description="Validate and reconcile a data directory laid out like data/ (see data/README.md).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="load, validate and reconcile every table")
    validate.add_argument("data_dir", nargs="?", help="data directory (default: the shipped data)")
    coverage = commands.add_parser(
        "coverage",
        help="list, by section, every number the report's text prints that no table captures",
    )
    coverage.add_argument("data_dir", nargs="?", help="data directory (default: the shipped data)")
    coverage.add_argument(
        "--write", action="store_true", help="store the result in the directory's coverage.csv"
    )
    return parser


def _coverage(directory: Path, write: bool) -> int:
    out = sys.stdout
    out.write(f"数据目录 / data directory: {directory}\n")
    try:
        result = verify(directory)
    except DataError as error:
        out.write(error.render() + "\n")
        out.write("结果 / result: 数据有误 / data errors (exit 1)\n")
        return 1
    for found in result.texts:
        out.write(f"  {found.describe()}\n")
    if result.problems:
        out.write(DataError(result.problems).render() + "\n")
        out.write("结果 / result: 数据与原文不符 / the data does not match the text (exit 1)\n")
        return 1
    if result.coverage is None:
        out.write(
            "结果 / result: 需要原文才能核对 / the text is needed to check coverage (exit 2)\n"
        )
        return 2
    for row in result.coverage.itertuples():
        out.write(
            f"  {row.section_id:<10} {row.covered:>3}/{row.numbers_printed:<3} "
            f"未采集 not captured: {row.not_covered or '—'}\n"
        )
    stored = stored_coverage(directory)
    current = stored is not None and render_coverage(stored) == render_coverage(result.coverage)
    if write and not current:
        (directory / COVERAGE_FILE).write_text(render_coverage(result.coverage), encoding="utf-8")
        out.write(f"已写入 / written: {directory / COVERAGE_FILE}\n")
    elif not current:
        out.write(
            f"结果 / result: {COVERAGE_FILE} 已过期，请加 --write / is out of date: "
            "run again with --write (exit 1)\n"
        )
        return 1
    out.write("结果 / result: 每个数据均在原文中找到 / every figure found in the text (exit 0)\n")
    return 0


def _validate(directory: Path) -> int:
    out = sys.stdout
    out.write(f"数据目录 / data directory: {directory}\n")
    try:
        tables = load_tables(directory)
    except DataError as error:
        out.write(error.render() + "\n")
        out.write("结果 / result: 数据有误 / data errors (exit 1)\n")
        return 1
    for name, spec in SPECS.items():
        out.write(f"  ✓ {spec.file:<22} {len(tables[name]):>4} 行 rows  {spec.title}\n")
    checks = reconcile(directory)
    unexplained = unexplained_discrepancies(checks, directory)
    counts = checks["status"].value_counts()
    out.write(
        "核对 / reconciliation: "
        + ", ".join(f"{status} {int(counts.get(status, 0))}" for status in counts.index)
        + f" (of {len(checks)})\n"
    )
    for row in checks[checks["status"] != "ok"].itertuples():
        out.write(
            f"  [{row.status}] {row.check}: 所述 stated {row.stated} {row.unit}, "
            f"计算 computed {row.computed} {row.unit}\n      {row.note}\n      出处 source: {row.source}\n"
        )
    if unexplained:
        out.write(DataError(unexplained).render() + "\n")
        out.write("结果 / result: 数据有误 / data errors (exit 1)\n")
        return 1
    out.write("结果 / result: 数据有效 / data valid (exit 0)\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``fundanalysis`` command."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    directory = resolve_data_dir(args.data_dir)
    if not directory.is_dir():
        sys.stderr.write(f"fundanalysis: 不是目录 / not a directory: {directory}\n")
        return 2
    try:
        if args.command == "coverage":
            return _coverage(directory, args.write)
        return _validate(directory)
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
