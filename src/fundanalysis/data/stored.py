"""Results stored in a data directory (``coverage.csv``, ``scan.csv``), read and validated like its tables.

``fundanalysis coverage --write`` stores, per section of the text, how many numbers it prints
and how many the tables capture, and the relations the scan reads in the text on its own, so
that readers without the text see the same result. Each is input like any other file: read as
text, every cell parsed by its kind, validated by its pandera schema
(:class:`fundanalysis.data.stored_schemas.Coverage`, :class:`~fundanalysis.data.stored_schemas.Scan`), and
held against itself and the tables it names, one problem per cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from fundanalysis.data.crosstable import duplicate_keys
from fundanalysis.data.csvfile import link_problem, read_text_table
from fundanalysis.data.errors import DataError, Problem
from fundanalysis.data.parsing import parse_columns
from fundanalysis.data.specs import TableSpec

if TYPE_CHECKING:
    from pandera.errors import SchemaErrors

#: ``coverage.csv``: not a table of the report but a stored result (written by
#: ``fundanalysis coverage --write``), read and validated like the tables so that what the data
#: audit shows of it is checked, whether or not the report's text is supplied.
COVERAGE_SPEC = TableSpec(
    "coverage",
    "原文数字覆盖率",
    "Numbers each section of the text prints, and how many the tables capture",
    {
        "section_id": "text",
        "numbers_printed": "int",
        "covered": "int",
        "not_covered": "text?",
        "text_sha256": "text",
    },
    "Coverage",
    models="fundanalysis.data.stored_schemas",
)


#: ``scan.csv``: the relations the scan reads in the text on its own (written by
#: ``fundanalysis coverage --write``), a stored result validated like ``coverage.csv``.
SCAN_SPEC = TableSpec(
    "scan",
    "原文自动扫描",
    "The relations the scan reads in the text on its own, and their verdicts",
    {
        "relation": "text",
        "section": "text",
        "kind": "text",
        "status": "text",
        "total": "text",
        "parts": "text?",
        "gap": "text",
        "declared": "text?",
        "text_sha256": "text",
    },
    "Scan",
    models="fundanalysis.data.stored_schemas",
)

COVERAGE_FILE = COVERAGE_SPEC.file
SCAN_FILE = SCAN_SPEC.file


def schema_problems(error: SchemaErrors, spec: TableSpec, raw: pd.DataFrame) -> list[Problem]:
    """pandera's failure cases, each at the cell of the file it comes from, shown as written."""
    from fundanalysis.data.derive import DERIVED_FROM

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
        elif check.startswith("str_matches"):
            message = f"格式不对 / not in the expected form: {spec.schema.to_schema().columns[column].description}"
        else:
            message = f"不符合规则 / fails check {check}"
        problems.append(Problem(spec.file, line, column, value, message))
    return problems


def _read_stored(
    data_dir: Path, spec: TableSpec
) -> tuple[pd.DataFrame, pd.DataFrame, list[Problem]] | None:
    """The stored result as typed, its cells as written, and its problems; None where the
    directory holds no such file."""
    from pandera.errors import SchemaErrors

    path = data_dir / spec.file
    if not path.exists() and not path.is_symlink():
        return None
    empty = pd.DataFrame(columns=list(spec.columns))
    linked = link_problem(path)
    if linked is not None:
        return empty, empty, [linked]
    if not path.is_file():
        return (
            empty,
            empty,
            [Problem(spec.file, None, None, None, "不是文件 / not a file (a directory?)")],
        )
    try:
        raw = read_text_table(path, list(spec.columns))
    except DataError as error:
        return empty, empty, error.problems
    frame, problems = parse_columns(raw, spec.columns, spec.file)
    bad = {p.row for p in problems}
    clean = frame.drop(index=[line for line in bad if line in frame.index])
    problems += duplicate_keys(spec, clean)
    if not clean.empty:
        try:
            spec.schema.validate(clean, lazy=True)
        except SchemaErrors as error:
            problems += schema_problems(error, spec, raw)
    return frame, raw, problems


def coverage_problems(
    data_dir: Path, sections: set[str] | None = None
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The stored coverage of ``data_dir`` (None where there is none) and its problems.

    ``sections``, where given, are the section ids of ``sections.csv``: each row must name one.
    """
    spec = COVERAGE_SPEC
    read = _read_stored(data_dir, spec)
    if read is None:
        return None, []
    frame, raw, problems = read
    refused = {p.row for p in problems}
    clean = frame.drop(index=[line for line in refused if line in frame.index])
    for line, row in clean.iterrows():
        if line in refused:
            continue
        if sections is not None and row["section_id"] not in sections:
            problems.append(
                Problem(
                    spec.file,
                    int(line),
                    "section_id",
                    row["section_id"],
                    "没有这个章节 / no such section in sections.csv",
                )
            )
        printed, covered = int(row["numbers_printed"]), int(row["covered"])
        missing = row["not_covered"].split(" ") if isinstance(row["not_covered"], str) else []
        if covered > printed:
            problems.append(
                Problem(
                    spec.file,
                    int(line),
                    "covered",
                    raw.at[line, "covered"],
                    f"多于所印数字 / more than the {printed} numbers printed",
                )
            )
        elif len(missing) != printed - covered:
            problems.append(
                Problem(
                    spec.file,
                    int(line),
                    "not_covered",
                    raw.at[line, "not_covered"],
                    f"应列出 {printed - covered} 个数字，实列 {len(missing)} 个 / should list "
                    f"{printed - covered} numbers (printed less covered), lists {len(missing)}",
                )
            )
    if problems:
        return None, problems
    table = frame.reset_index(drop=True)
    for column in ("numbers_printed", "covered"):
        table[column] = table[column].astype("int64")
    table["not_covered"] = table["not_covered"].fillna("").astype(object)
    for column in ("section_id", "text_sha256"):
        table[column] = table[column].astype(object)
    return table, []


def read_coverage(data_dir: Path, sections: set[str] | None = None) -> pd.DataFrame | None:
    """The stored coverage, validated; raises :class:`DataError` listing its problems."""
    table, problems = coverage_problems(data_dir, sections)
    if problems:
        raise DataError(problems)
    return table


def scan_problems(
    data_dir: Path, totals: set[str] | None = None
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The stored scan of ``data_dir`` (None where there is none) and its problems.

    ``totals``, where given, are the ids of ``totals.csv`` and ``indicators.csv``: a relation's
    ``declared`` must name one.
    """
    spec = SCAN_SPEC
    read = _read_stored(data_dir, spec)
    if read is None:
        return None, []
    frame, _, problems = read
    if totals is not None:
        refused = {p.row for p in problems}
        for line, declared in frame["declared"].items():
            if line not in refused and isinstance(declared, str) and declared not in totals:
                problems.append(
                    Problem(
                        spec.file,
                        int(line),
                        "declared",
                        declared,
                        "没有这个合计或指标 / no such total in totals.csv or indicator in indicators.csv",
                    )
                )
    if problems:
        return None, problems
    table = frame.reset_index(drop=True).fillna("").astype(object)
    return table, []


def read_scan(data_dir: Path, totals: set[str] | None = None) -> pd.DataFrame | None:
    """The stored scan, validated; raises :class:`DataError` listing its problems."""
    table, problems = scan_problems(data_dir, totals)
    if problems:
        raise DataError(problems)
    return table
