"""``fundanalysis validate [DATA_DIR]``: load, validate and reconcile a data directory.

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
    return parser


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
        return _validate(directory)
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
