"""Load a data directory: read → correct → parse → derive → validate, every problem reported.

``load_tables`` is the single entry point; the public ``load_*`` functions in
:mod:`fundanalysis.data.loaders` pick one table out of it. Results are cached per directory and
refreshed when any of its files changes, so loading in every notebook cell costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from fundanalysis.data.agreement import disagreements
from fundanalysis.data.corrections import apply_corrections
from fundanalysis.data.crosstable import duplicate_keys, expression_problems, reference_problems
from fundanalysis.data.csvfile import read_text_table
from fundanalysis.data.derive import (
    DERIVED_FROM,
    derive_terms,
    measured_columns,
    money_columns,
    unknown_terms,
    vocabulary_problems,
)
from fundanalysis.data.errors import DataError, Problem, unexpected
from fundanalysis.data.parsing import parse_columns
from fundanalysis.data.report import DESCRIPTOR, ReportInfo, read_report_info
from fundanalysis.data.specs import SPECS, TableSpec
from fundanalysis.store import cache

if TYPE_CHECKING:
    from pandera.errors import SchemaErrors

__all__ = ["SPECS", "Loaded", "load_report_tables", "load_tables", "source_lines"]


def _schema_problems(error: SchemaErrors, spec: TableSpec, raw: pd.DataFrame) -> list[Problem]:
    """pandera's failure cases, each at the cell of the file it comes from, shown as written.

    Uniqueness is checked separately (one problem per duplicated row); failures of English
    columns taken from the vocabulary are the vocabulary's problem, reported there.
    """
    problems = []
    for case in error.failure_cases.itertuples(index=False):
        check = str(case.check)
        column = None if pd.isna(case.column) else str(case.column)
        if "uniqueness" in check or (
            column and column.endswith("_en") and column not in spec.columns
        ):
            continue
        line = None if pd.isna(case.index) else int(case.index)
        if column in DERIVED_FROM:
            column = (
                spec.amount_column if DERIVED_FROM[column] == "amount" else DERIVED_FROM[column]
            )
        if column not in spec.columns and spec.name == "carryover" and column == "level":
            column = "funding_source"
        value = None if pd.isna(case.failure_case) else str(case.failure_case)
        if line is not None and column in raw.columns and line in raw.index:
            value = raw.at[line, column]
        if check.startswith("isin"):
            message = f"不在允许的取值中 / not an allowed value: {check[5:-1]}"
        elif check == "not_nullable":
            message = "不能为空 / must not be empty"
        elif check.startswith("greater_than_or_equal_to"):
            message = f"数值过小 / value too small: must be {check.replace('greater_than_or_equal_to', '≥ ')}"
        elif check.startswith("less_than_or_equal_to"):
            message = f"数值过大 / value too large: must be {check.replace('less_than_or_equal_to', '≤ ')}"
        else:
            message = f"不符合规则 / fails check {check}"
        problems.append(Problem(spec.file, line, column, value, message))
    return problems


@dataclass(frozen=True)
class Loaded:
    """A data directory, loaded: its descriptor, its tables and each row's CSV line.

    ``digest`` names the bytes it was loaded from (see :mod:`fundanalysis.store.cache`).
    """

    info: ReportInfo
    tables: dict[str, pd.DataFrame]
    lines: dict[str, list[int]]
    digest: str = ""


def _empty(spec: TableSpec) -> pd.DataFrame:
    frame = pd.DataFrame({column: pd.Series(dtype=object) for column in spec.columns})
    frame.index.name = "line"
    return frame


def _build(data_dir: Path) -> Loaded:
    from pandera.errors import SchemaErrors  # here: a load from the cache needs no pandera

    if not data_dir.is_dir():
        what = (
            "不是目录 / not a directory" if data_dir.exists() else "目录不存在 / no such directory"
        )
        raise DataError([Problem(str(data_dir), None, None, None, what)])
    problems: list[Problem] = []
    try:
        info = read_report_info(data_dir)
    except DataError as error:
        problems += error.problems
        info = None
    raw: dict[str, pd.DataFrame] = {}
    for spec in SPECS.values():
        path = data_dir / spec.file
        if not path.exists() and not path.is_symlink():
            raw[spec.name] = _empty(spec)
            continue
        if not path.is_file():
            problems.append(
                Problem(spec.file, None, None, None, "不是文件 / not a file (a directory?)")
            )
            continue
        try:
            raw[spec.name] = read_text_table(path, list(spec.columns))
        except DataError as error:
            problems += error.problems
    if problems:
        raise DataError(problems)

    # pandas copies on write: the text as printed stays as read while corrections change raw
    printed = {name: frame.copy(deep=False) for name, frame in raw.items()}
    applied, problems = apply_corrections(raw, raw["corrections"])

    tables: dict[str, pd.DataFrame] = {}
    bad_cells: dict[str, set[tuple[int, str]]] = {}
    for spec in SPECS.values():
        frame, found = parse_columns(raw[spec.name], spec.columns, spec.file)
        problems += found
        bad_cells[spec.name] = {(p.row, p.column) for p in found}
        for column in spec.correctable:
            frame[f"{column}_as_printed"] = printed[spec.name][column].astype("str")
        if spec.name != "corrections":
            frame["corrections"] = applied[spec.name].astype("str")
        if spec.amount_column:
            found = money_columns(spec, frame, printed[spec.name], bad_cells[spec.name])
            problems += found
            bad_cells[spec.name] |= {(p.row, p.column) for p in found}
        if spec.measured:
            found = measured_columns(spec, frame, bad_cells[spec.name])
            problems += found
            bad_cells[spec.name] |= {(p.row, p.column) for p in found}
        tables[spec.name] = frame

    words = tables["vocabulary"]
    terms = {
        name: dict(zip(rows["term"], rows["term_en"], strict=True))
        for name, rows in words.groupby("vocabulary", sort=False)
    }
    problems += vocabulary_problems(tables, terms)
    problems += derive_terms(tables, terms)
    sections = set(tables["sections"]["section_id"])
    for spec in SPECS.values():
        if spec.cites:
            problems += unknown_terms(
                tables[spec.name], "section_id", sections, spec.file, "章节 (sections.csv)"
            )
    if not tables["documents"].empty:
        problems += unknown_terms(
            tables["sections"],
            "document",
            set(tables["documents"]["document"]),
            "sections.csv",
            "文件 (documents.csv)",
        )
    lines = {name: [int(line) for line in frame.index] for name, frame in tables.items()}
    problems += expression_problems(tables, lines)
    problems += reference_problems(tables, lines)

    for spec in SPECS.values():
        frame = tables[spec.name]
        bad_lines = {line for line, _ in bad_cells[spec.name]}
        dropped = [line for line in bad_lines if line in frame.index]
        clean = frame.drop(index=dropped) if dropped else frame
        if clean.empty:  # nothing to check: the columns were typed when the table was read
            continue
        problems += duplicate_keys(spec, clean)
        try:
            spec.schema.validate(clean, lazy=True)
        except SchemaErrors as error:
            problems += _schema_problems(error, spec, raw[spec.name])
    # Last, on rows with no other problem: does each figure say what its own text prints?
    refused = {(p.file, p.row) for p in problems}
    for spec in SPECS.values():
        frame = tables[spec.name]
        refused_here = {line for file, line in refused if file == spec.file}
        whole = frame.drop(index=list(refused_here & set(frame.index))) if refused_here else frame
        problems += disagreements(spec, whole, info.year if info else None)
    if problems:
        raise DataError(_one_per_cell(problems))
    tables = {name: frame.reset_index(drop=True) for name, frame in tables.items()}
    assert info is not None
    return Loaded(info, tables, lines)


def _one_per_cell(problems: list[Problem]) -> list[Problem]:
    """The first problem found for each cell: later rules only repeat what an earlier one said."""
    seen, kept = set(), []
    for problem in problems:
        key = (problem.file, problem.row, problem.column)
        if problem.row is not None and key in seen:
            continue
        seen.add(key)
        kept.append(problem)
    return kept


_CACHE: dict[Path, tuple[tuple, Loaded]] = {}


#: The files a load reads: what its result is stored under in the cache.
INPUT_FILES = (DESCRIPTOR, *(spec.file for spec in SPECS.values()))


def _fingerprint(data_dir: Path) -> tuple:
    stats = []
    for file in INPUT_FILES:
        path = data_dir / file
        try:
            stat = path.stat()
        except OSError:
            stats.append((file, None, None))
            continue
        stats.append((file, stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


def load_report_tables(data_dir: Path) -> Loaded:
    """The loaded data directory, validated; raises :class:`DataError` listing all problems.

    Within a process, a directory is loaded again only when one of its files changes; between
    processes, a validated result is reused from :mod:`fundanalysis.store.cache` while its bytes, and
    this library, are the same.
    """
    key = data_dir.resolve()
    fingerprint = _fingerprint(key)
    cached = _CACHE.get(key)
    if cached is None or cached[0] != fingerprint:
        try:
            _CACHE[key] = (fingerprint, _load_or_build(key))
        except DataError:
            raise
        except Exception as error:
            raise unexpected(str(data_dir), error) from error
    return _CACHE[key][1]


def _load_or_build(directory: Path) -> Loaded:
    if not directory.is_dir() or cache.cache_dir() is None:
        return _build(directory)
    digest = cache.content_digest(directory, INPUT_FILES)
    stored = cache.read(directory, "tables", digest)
    if isinstance(stored, Loaded):
        return stored
    loaded = _build(directory)
    # Stored only if the files hold the same bytes after the load as before it, so that the
    # digest names the bytes that were validated (a time stamp can be set back; bytes cannot).
    if cache.content_digest(directory, INPUT_FILES) == digest:
        loaded = replace(loaded, digest=digest)
        cache.write(directory, "tables", digest, loaded)
    return loaded


def load_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Every table of ``data_dir``, validated; raises :class:`DataError` listing all problems."""
    return load_report_tables(data_dir).tables


def source_lines(data_dir: Path) -> dict[str, list[int]]:
    """For each table, the CSV line number of each row of the loaded frame (for messages)."""
    return load_report_tables(data_dir).lines
