"""Load a data directory: read → correct → parse → derive → validate, every problem reported.

``load_tables`` is the single entry point; the public ``load_*`` functions in
:mod:`fundanalysis.data.loaders` pick one table out of it. Results are cached per directory and
refreshed when any of its files changes, so loading in every notebook cell costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from fundanalysis.data.agreement import disagreements
from fundanalysis.data.corrections import apply_corrections
from fundanalysis.data.crosstable import (
    duplicate_keys,
    expression_problems,
    reference_problems,
    score_tree_problems,
)
from fundanalysis.data.csvfile import link_problem, misnamed, read_text_table
from fundanalysis.data.derive import (
    derive_terms,
    measured_columns,
    money_columns,
    poverty_measures,
    unknown_terms,
    vocabulary_problems,
    without_parent,
)
from fundanalysis.data.errors import DataError, Problem, unexpected
from fundanalysis.data.parsing import parse_columns
from fundanalysis.data.report import DESCRIPTOR, ReportInfo, read_report_info
from fundanalysis.data.specs import SPECS, TableSpec
from fundanalysis.data.stored import (
    COVERAGE_SPEC,
    SCAN_SPEC,
    coverage_problems,
    scan_problems,
    schema_problems,
)
from fundanalysis.store import cache
from fundanalysis.store.environment import SettingError

__all__ = ["SPECS", "Loaded", "load_report_tables", "load_tables", "source_lines"]


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
    problems: list[Problem] = misnamed(data_dir, INPUT_FILES)
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
        linked = link_problem(path)
        if linked is not None:
            problems.append(linked)
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
    # a funding source without a level is vocabulary.csv's problem, not each carry-over row's
    carry = tables["carryover"]
    unlevelled = carry.index[carry["funding_source"].isin(without_parent(tables, "funding_source"))]
    bad_cells["carryover"] |= {(int(line), "level") for line in unlevelled}
    problems += poverty_measures(tables["poverty"], terms)
    sections = set(tables["sections"]["section_id"])
    for spec in SPECS.values():
        if spec.cites:
            problems += unknown_terms(
                tables[spec.name], "section_id", sections, spec.file, "章节 (sections.csv)"
            )
    problems += unknown_terms(  # the section a finding quotes, where it quotes one
        tables["findings"], "quote_section", sections, "findings.csv", "章节 (sections.csv)"
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
    # a cell refused by parsing is empty in its frame: the checks below skip its row
    refused = {name: {line for line, _ in cells} for name, cells in bad_cells.items()}
    problems += expression_problems(tables, lines, refused)
    problems += reference_problems(tables, lines, refused)
    problems += score_tree_problems(tables, lines)

    for spec in SPECS.values():
        frame = tables[spec.name]
        bad_lines = {line for line, _ in bad_cells[spec.name]}
        dropped = [line for line in bad_lines if line in frame.index]
        clean = frame.drop(index=dropped) if dropped else frame
        if clean.empty:  # nothing to check: the columns were typed when the table was read
            continue
        problems += duplicate_keys(spec, clean)
        problems += _unpaired(spec, clean)
        try:
            spec.schema.validate(clean, lazy=True)
        except SchemaErrors as error:
            problems += schema_problems(error, spec, raw[spec.name])
    # The stored coverage of the text: a result, but read, and shown, like the tables
    problems += coverage_problems(data_dir, sections)[1]
    declared = set(tables["totals"]["total_id"].dropna())
    declared |= set(tables["indicators"]["indicator_id"].dropna())
    problems += scan_problems(data_dir, declared)[1]
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


def _unpaired(spec: TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """Rows that give one of two columns meant to go together (a clause without its English)."""
    problems = []
    for pair in spec.together:
        given = [frame[column].fillna("").astype(str).str.strip() != "" for column in pair]
        for column, lacking in ((pair[1], given[0] & ~given[1]), (pair[0], given[1] & ~given[0])):
            partner = pair[0] if column == pair[1] else pair[1]
            problems += [
                Problem(
                    spec.file,
                    int(line),
                    column,
                    "",
                    f"{partner} 已填写，{column} 也须填写 / {partner} is given, so {column} must be",
                )
                for line in frame.index[lacking]
            ]
    return problems


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
INPUT_FILES = (
    DESCRIPTOR,
    *(spec.file for spec in SPECS.values()),
    COVERAGE_SPEC.file,
    SCAN_SPEC.file,
)

#: A file whose status changed this recently may change again within the clock's resolution
#: without its time stamps showing it: its bytes are compared too (git's "racily clean" rule).
_RACY_NS = 3_000_000_000


def _inputs(data_dir: Path) -> tuple[str, ...]:
    """The files a load of ``data_dir`` reads, and those it refuses as misnamed (``Poverty.CSV``):
    one appearing after a valid load makes the load invalid."""
    return (*INPUT_FILES, *(problem.file for problem in misnamed(data_dir, INPUT_FILES)))


def _fingerprint(data_dir: Path) -> tuple:
    """Each input file's inode, size, modification and status-change times; and, for files
    changed in the last few seconds, a digest of their bytes.

    A file replaced by one of the same size and modification time (set back with ``touch``
    or ``os.utime``) has another inode or a later status-change time, which no user can set;
    one rewritten within the clock's resolution is caught by its bytes.
    """
    import hashlib
    import stat
    import time

    now = time.time_ns()
    stats = []
    for file in _inputs(data_dir):
        path = data_dir / file
        try:
            info = path.lstat()  # a link is never followed, its target never read
        except OSError:
            stats.append((file, None))
            continue
        entry = (file, info.st_ino, info.st_dev, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        fresh = now - max(info.st_mtime_ns, info.st_ctime_ns) < _RACY_NS
        if fresh and stat.S_ISREG(info.st_mode) and info.st_size < 2**26:  # never a pipe
            try:
                entry += (hashlib.sha256(path.read_bytes()).digest(),)
            except OSError:
                entry += (None,)
        stats.append(entry)
    return tuple(stats)


def load_report_tables(data_dir: Path) -> Loaded:
    """The loaded data directory, validated; raises :class:`DataError` listing all problems.

    Within a process, a directory is loaded again only when one of its files changes (see
    :func:`_fingerprint`); between processes, a validated result is reused from
    :mod:`fundanalysis.store.cache` while its bytes, and this library, are the same.
    """
    key = data_dir.resolve()
    fingerprint = _fingerprint(key)
    cached = _CACHE.get(key)
    if cached is not None and _same(key, cached[0], fingerprint):
        _CACHE[key] = (fingerprint, cached[1])  # no longer fresh: no digest needed next time
    else:
        try:
            _CACHE[key] = (fingerprint, _load_or_build(key))
        except (DataError, SettingError):  # the data's problem, or the environment's
            raise
        except Exception as error:
            raise unexpected(str(data_dir), error) from error
    return _CACHE[key][1]


def _same(data_dir: Path, before: tuple, now: tuple) -> bool:
    """The same files: equal status, and equal bytes wherever the earlier look took a digest
    (the file was fresh then: a change within the clock's resolution shows only in its bytes).
    """
    import hashlib
    import stat

    if len(before) != len(now):  # a misnamed file came or went
        return False
    for old, new in zip(before, now, strict=True):
        if old[:6] != new[:6]:
            return False
        if len(old) > 6:
            if len(new) > 6:
                digest = new[6]
            else:  # fresh then, not now: what it holds decides (a regular file, as it was)
                path = data_dir / old[0]
                try:
                    if not stat.S_ISREG(path.lstat().st_mode):
                        return False
                    digest = hashlib.sha256(path.read_bytes()).digest()
                except OSError:
                    return False
            if digest != old[6]:
                return False
    return True


def _load_or_build(directory: Path) -> Loaded:
    if not directory.is_dir() or cache.cache_dir() is None:
        return _build(directory)
    digest = cache.content_digest(directory, _inputs(directory))
    stored = cache.read(directory, "tables", digest)
    if isinstance(stored, Loaded):
        return stored
    loaded = _build(directory)
    # Stored only if the files hold the same bytes after the load as before it, so that the
    # digest names the bytes that were validated (a time stamp can be set back; bytes cannot).
    if cache.content_digest(directory, _inputs(directory)) == digest:
        loaded = replace(loaded, digest=digest)
        cache.write(directory, "tables", digest, loaded)
    return loaded


def load_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Every table of ``data_dir``, validated; raises :class:`DataError` listing all problems."""
    return load_report_tables(data_dir).tables


def source_lines(data_dir: Path) -> dict[str, list[int]]:
    """For each table, the CSV line number of each row of the loaded frame (for messages)."""
    return load_report_tables(data_dir).lines
