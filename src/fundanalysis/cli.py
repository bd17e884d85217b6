"""The ``fundanalysis`` command.

``fundanalysis validate [DIR]``: load, validate and reconcile a report's data directory.
``fundanalysis coverage [DIR] [--write]``: check the data against the report's text, where it is
supplied, and list by section every number the text prints that no table captures.
``fundanalysis new DIR``: write an empty, documented data directory for a new report.
``fundanalysis draft TEXT DIR``: draft a report's data directory from its text, keeping what a
person has edited since the last draft (see :mod:`fundanalysis.text.draft`).
``fundanalysis scan TEXT…``: audit report texts from their prose alone (see
:mod:`fundanalysis.text.scan.command`).

Exit codes: 0 clean, 1 data errors (a file, row or cell that does not validate, or a check that
fails without a finding that explains it), 2 usage and environment errors (a path or a setting
that cannot be used: not UTF-8, ``~user`` of no such user, a name ``new`` cannot write), 3 a
fault of this program (a bug: said as such, without a traceback). Findings the data directory
registers are printed but are not errors: they are what the report gets wrong.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

# Only what every command needs is imported here: the scan runs without pandas, and the other
# commands import the layers they use when they run.
from fundanalysis.data.errors import DataError
from fundanalysis.data.money import share_text
from fundanalysis.store.environment import SettingError, shown


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fundanalysis",
        description="Validate, check against its text, or start a report's data directory.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="load, validate and reconcile every table")
    validate.add_argument(
        "data_dir", nargs="?", help="data directory (default: the default report)"
    )
    coverage = commands.add_parser(
        "coverage",
        help="list, by section, every number the report's text prints that no table captures",
    )
    coverage.add_argument(
        "data_dir", nargs="?", help="data directory (default: the default report)"
    )
    coverage.add_argument(
        "--write", action="store_true", help="store the result in the directory's coverage.csv"
    )
    new = commands.add_parser("new", help="write an empty, documented data directory")
    new.add_argument("data_dir", help="the directory to create (must not exist or be empty)")
    draft = commands.add_parser(
        "draft", help="draft a report's data directory from its text, for a person to review"
    )
    draft.add_argument("text", help="the report's text (Markdown, text, HTML, Word or PDF)")
    draft.add_argument("data_dir", help="the directory to write (new, or drafted before)")
    commands.add_parser(
        "scan", help="audit report texts from their prose alone (fundanalysis scan -h)"
    )
    return parser


def _fail(out, error: DataError, what: str = "数据有误 / data errors") -> int:
    out.write(error.render() + "\n")
    out.write(f"结果 / result: {what} (exit 1)\n")
    return 1


def _validate(directory: Path, out) -> int:
    import pandas as pd

    from fundanalysis.audit.checkrows import NOT_COMPUTABLE, VERDICT_KINDS, verdict_clause
    from fundanalysis.audit.findings import findings, sizing_check, unregistered
    from fundanalysis.audit.reconcile import reconcile
    from fundanalysis.audit.scanned import stale_scan
    from fundanalysis.data.specs import SPECS
    from fundanalysis.data.stored import COVERAGE_FILE, SCAN_FILE
    from fundanalysis.data.tables import load_report_tables
    from fundanalysis.text.provenance import checked_coverage
    from fundanalysis.text.transcription import transcription_problems

    out.write(f"数据目录 / data directory: {directory}\n")
    try:
        loaded = load_report_tables(directory)
        checks = reconcile(directory)
        register = findings(directory)
    except DataError as error:
        return _fail(out, error)
    out.write(f"报告 / report: {loaded.info.title} · {loaded.info.title_en}\n")
    try:
        slips = transcription_problems(directory)
    except DataError as error:
        return _fail(out, error)
    unchecked = _unchecked_texts(directory, loaded.info.texts, out)
    if slips is None:
        if not unchecked:  # no text found at all; a text found but different is named above
            out.write(
                "原文 / text: 未提供，数据未与原文核对 / not supplied: the data was not checked "
                "against the text (set FUNDANALYSIS_SOURCES)\n"
            )
    elif slips:
        out.write(
            "与原文不符的转录：请改正数据，而非登记为报告的问题 / transcription slips: correct "
            "the data; they are not the report's errors and findings.csv cannot hold them\n"
        )
        return _fail(out, DataError(slips), "转录有误 / transcription errors")
    else:
        # with the text, the stored coverage and scan the pages show must be the text's own;
        # a draft has none yet, and the site is built only once they are written
        missing = [name for name in (COVERAGE_FILE, SCAN_FILE) if not (directory / name).exists()]
        try:
            if COVERAGE_FILE not in missing:
                checked_coverage(directory)
            stale = None if SCAN_FILE in missing else stale_scan(directory)
        except DataError as error:
            return _fail(out, error)
        if stale is not None:
            return _fail(out, DataError([stale]))
        if missing:
            out.write(
                f"尚未写入 {'、'.join(missing)}：发布前请运行 fundanalysis coverage --write / "
                f"{', '.join(missing)} not written yet: run `fundanalysis coverage --write` "
                "before the site is built\n"
            )
        zh, en = ("其余原文", "the other texts") if unchecked else ("原文", "the text")
        out.write(
            f"原文 / text: 每个片段与标签均与{zh}核对无误 / every fragment and label checked against {en}\n"
        )
    for name, spec in SPECS.items():
        rows = len(loaded.tables[name])
        shown = f"{rows:>4} 行 rows" if rows else "   — 未印 not reported"
        out.write(f"  {spec.file:<22} {shown}  {spec.title} · {spec.title_en}\n")
    counts = checks["status"].value_counts()
    out.write(
        "核对 / checks: "
        + ", ".join(
            f"{status} {int(counts.get(status, 0))}"
            for status in counts.index
            if status != NOT_COMPUTABLE or counts.get(status, 0)  # said only where there is one
        )
        + f" (of {len(checks)})\n"
    )
    material = int(register["material"].sum())
    out.write(f"发现 / findings: {len(register)}, 重大 material {material}\n")
    indexed = checks.set_index("check")
    for row in register.itertuples():
        if pd.isna(row.material):
            known = row.amount is not None and pd.notna(row.amount) and pd.notna(row.of_stated)
            size = (
                f"{row.amount} {row.unit} of {row.of_stated}"
                if known
                else "无法计算 not computable"
            )
            flag = "重要性无法计算 materiality not computable"
        elif row.basis in VERDICT_KINDS:  # a wrong grade: what was found, and material
            found = verdict_clause(indexed.loc[sizing_check(row.checks, indexed)])
            size = " / ".join(found)
            flag = "等级不符即为重大 a wrong grade is material"
        elif row.basis == "count":  # counts are exact: not weighed against the money threshold
            size = f"{row.of_stated} {row.unit}中的 {row.amount} {row.unit} / {row.amount} of {row.of_stated}"
            flag = (
                "数目不符即为重大 a wrong count is material"
                if row.material
                else "非重大 immaterial"
            )
        else:
            gap_unit = "个百分点 percentage points" if row.basis == "rate" else row.unit
            size = (
                f"{row.amount} {gap_unit}, {share_text(row.materiality, loaded.info.materiality)} of {row.of_stated}"
                if row.amount is not None and pd.notna(row.materiality)
                else "不涉及金额 no amount"
            )
            flag = "重大 material" if row.material else "非重大 immaterial"
        out.write(f"  [{row.finding}] {row.title} · {row.title_en} — {size} ({flag})\n")
        if row.checks:
            out.write(f"      核对 checks: {', '.join(row.checks)}\n")
    problems = unregistered(checks, directory)
    if problems:
        return _fail(out, DataError(problems))
    out.write("结果 / result: 数据有效 / data valid (exit 0)\n")
    return 0


def _unchecked_texts(directory: Path, texts, out) -> bool:
    """Name each text the data was not checked against, as ``coverage`` names it (found but
    different, SHA-256 and the one expected, or not supplied), so that a wrong edition is not
    taken for an unset FUNDANALYSIS_SOURCES. True when it named any; where no text was found
    at all it names none, and the one line that says none was supplied stands."""
    from fundanalysis.data.report import find_text

    found = [find_text(directory, text) for text in texts]
    unchecked = [item for item in found if not item.verified]
    if all(item.path is None for item in found):
        return False
    for item in unchecked:
        unread = "，数据未与其核对 / so the data was not checked against it" if item.path else ""
        out.write(f"原文 / text: {item.describe()}{unread}\n")
    return bool(unchecked)


def _coverage(directory: Path, write: bool, out) -> int:
    from fundanalysis.audit.scanned import SCAN_FILE, render_scan, scan_table, stored_scan
    from fundanalysis.text.provenance import COVERAGE_FILE, render_coverage, stored_coverage, verify

    out.write(f"数据目录 / data directory: {directory}\n")
    try:
        result = verify(directory)
    except DataError as error:
        return _fail(out, error)
    for found in result.texts:
        out.write(f"  {found.describe()}\n")
    if not result.texts:
        out.write("  report.toml 未列出原文 / report.toml names no text ([[texts]])\n")
    if result.problems:
        return _fail(
            out, DataError(result.problems), "数据与原文不符 / the data does not match the text"
        )
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
    scanned = scan_table(directory)
    assert scanned is not None  # every text is present and verified: coverage was computed
    previous = stored_scan(directory)
    outputs = {
        COVERAGE_FILE: (
            render_coverage(result.coverage),
            None if stored is None else render_coverage(stored),
        ),
        SCAN_FILE: (render_scan(scanned), None if previous is None else render_scan(previous)),
    }
    stale = [name for name, (new, old) in outputs.items() if new != old]
    if write:
        for name in stale:
            (directory / name).write_text(outputs[name][0], encoding="utf-8")
            out.write(f"已写入 / written: {directory / name}\n")
    elif stale:
        out.write(
            f"结果 / result: {'、'.join(stale)} 已过期，请加 --write / out of date: "
            "run again with --write (exit 1)\n"
        )
        return 1
    out.write("结果 / result: 每个数据均在原文中找到 / every figure found in the text (exit 0)\n")
    return 0


def _new(directory: Path, out, err) -> int:
    from fundanalysis.data.scaffold import unwritable_name, write_new_report

    refused = unwritable_name(directory.name)
    if refused:
        err.write(f"fundanalysis: 无法用作报告名 / cannot be a report's name: {refused}\n")
        return 2
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        err.write(
            f"fundanalysis: 已存在且非空 / exists and is not an empty directory: {directory}\n"
        )
        return 2
    written = write_new_report(directory)
    out.write(f"已创建 / created {directory} ({len(written)} files):\n")
    for path in written:
        out.write(f"  {path.name}\n")
    out.write(
        "下一步 / next: 填写 report.toml，再逐表转录；见 README.md / fill in report.toml, then the tables; see README.md\n"
    )
    return 0


def _draft(text: Path, directory: Path, out, err) -> int:
    from fundanalysis.data.scaffold import unwritable_name
    from fundanalysis.text.draft import NotADraft, draft_text, write_draft
    from fundanalysis.text.draft.writing import UnsafeDraft
    from fundanalysis.text.scan import InputError, read_text

    refused = unwritable_name(directory.name)
    if refused:
        err.write(f"fundanalysis: 无法用作报告名 / cannot be a report's name: {refused}\n")
        return 2
    if directory.exists() and not directory.is_dir():
        err.write(f"fundanalysis: 不是目录 / not a directory: {directory}\n")
        return 2
    try:
        content = read_text(text)
    except InputError as error:
        err.write(f"fundanalysis: {error}\n")
        return 2
    drafted = draft_text(content, text.name, directory.name, text.read_bytes())
    try:
        done = write_draft(drafted, directory)
    except NotADraft:
        err.write(
            "fundanalysis: 目录非空且不是草稿（无 .draft/），不写入 / the directory holds files "
            f"and was not drafted (no .draft/): nothing written: {directory}\n"
        )
        return 2
    except (UnsafeDraft, OSError) as error:
        err.write(f"fundanalysis: {error}\n")
        return 2
    out.write(f"草稿 / draft: {text} → {directory}\n")
    for name, rows in drafted.rows.items():
        if rows:
            out.write(f"  {name + '.csv':<22} {rows:>4} 行 rows\n")
    for diff in done.diffs:
        out.write(diff if diff.endswith("\n") else diff + "\n")
    out.write(
        f"已写 / written {len(done.written)}, 未变 / unchanged {len(done.unchanged)}, "
        f"保留人工修改 / kept as you edited them {len(done.kept)}"
        + (f": {', '.join(done.kept)}" if done.kept else "")
        + "\n"
    )
    out.write(
        f"待核 / to review: {len(drafted.review)} 项 items, 见 / see {directory / 'REVIEW.md'}\n"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``fundanalysis`` command.

    The report is written in full to a buffer first, so the exit code is known before any of it
    is printed: piped into ``head``, a failing validation still exits 1. ``scan`` is handed its
    arguments before anything else is imported: it needs none of pandas, pandera or matplotlib.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == ["scan"]:
        from fundanalysis.text.scan.command import main as scan

        return scan(arguments[1:])
    out, err = sys.stdout, sys.stderr
    if err is None:
        err = out
    if out is None:  # started with its output closed: say so where possible
        if err is not None:
            err.write("fundanalysis: 标准输出已关闭 / standard output is closed\n")
        return 2
    for stream in {id(out): out, id(err): err}.values():
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    buffer = io.StringIO()
    try:
        code = _run(args, buffer, err)
    except KeyboardInterrupt:
        err.write("fundanalysis: 已中断 / interrupted\n")
        return 130
    except Exception as error:  # our fault, not the data's: said so, without a traceback
        err.write(
            "fundanalysis: 程序内部错误（请报告）/ internal error, please report it: "
            f"{type(error).__name__}: {shown(str(error))}\n"
        )
        return 3
    try:
        out.write(buffer.getvalue())
        out.flush()
    except BrokenPipeError:  # e.g. piped into `head`: the code is already known
        pass
    except OSError as error:
        err.write(f"fundanalysis: {error.strerror or error}\n")
        return 2
    return code


def _run(args: argparse.Namespace, out, err) -> int:
    from fundanalysis.data.paths import data_dir as resolve_data_dir
    from fundanalysis.store.cache import cache_dir

    try:
        if args.command == "new":
            return _new(Path(args.data_dir), out, err)
        if args.command == "draft":
            return _draft(Path(args.text), Path(args.data_dir), out, err)
        directory = resolve_data_dir(args.data_dir)
        if args.command == "coverage" or args.command == "validate":
            cache_dir()  # a cache setting that cannot be used is said before any work
        if not directory.is_dir():
            what = (
                "不是目录 / not a directory"
                if directory.exists()
                else "目录不存在 / no such directory"
            )
            err.write(f"fundanalysis: {what}: {directory}\n")
            return 2
        if args.command == "coverage":
            return _coverage(directory, args.write, out)
        return _validate(directory, out)
    except SettingError as error:
        err.write(
            f"fundanalysis: 环境设置或路径无法使用 / a setting or path cannot be used: {error}\n"
        )
        return 2
    except OSError as error:
        where = shown(str(error.filename)) if error.filename else ""
        err.write(f"fundanalysis: {error.strerror or error}: {where}\n")
        return 2
    except DataError as error:
        return _fail(out, error)


if __name__ == "__main__":
    raise SystemExit(main())
