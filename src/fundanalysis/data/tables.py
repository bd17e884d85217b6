"""Load a data directory: read → correct → parse → derive → validate, every problem reported.

``load_tables`` is the single entry point; the public ``load_*`` functions in
:mod:`fundanalysis.loaders` pick one table out of it. Results are cached per directory and
refreshed when any of its files changes, so loading in every notebook cell costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from fundanalysis import cache
from fundanalysis import vocabulary as vocab
from fundanalysis.agreement import disagreements
from fundanalysis.csvfile import arrow_text, read_text_table
from fundanalysis.errors import DataError, Problem, unexpected
from fundanalysis.expressions import (
    ExpressionError,
    matching_rows,
    parse_filter,
    parse_parts,
    parse_sum,
)
from fundanalysis.money import FEN_PER_WAN, amounts_to_fen
from fundanalysis.parsing import PARSERS, CellError, parse_columns
from fundanalysis.report import DESCRIPTOR, ReportInfo, read_report_info
from fundanalysis.specs import SPECS, TableSpec

if TYPE_CHECKING:
    from pandera.errors import SchemaErrors

__all__ = ["SPECS", "Loaded", "load_report_tables", "load_tables", "source_lines"]


def _apply_corrections(
    raw: dict[str, pd.DataFrame], corrections: pd.DataFrame
) -> tuple[dict[str, pd.Series], list[Problem]]:
    """Apply corrections to the raw text, in place; return the ids applied per row."""
    applied = {name: pd.Series("", index=frame.index, dtype=object) for name, frame in raw.items()}
    problems: list[Problem] = []
    for line, correction in corrections.iterrows():
        label = f"更正 {correction['correction_id']} / correction {correction['correction_id']}: "

        def problem(
            column: str, message: str, value: str | None = None, line=line, label=label
        ) -> None:
            problems.append(Problem("corrections.csv", int(line), column, value, label + message))

        name = correction["table"]
        if name not in raw:
            problem("table", f"未知的表 / unknown table; expected one of {sorted(SPECS)}", name)
            continue
        frame = raw[name]
        spec = SPECS[name]
        if correction["column"] not in spec.correctable:
            problem(
                "column",
                f"此列不能更正 / column cannot be corrected; correctable: {list(spec.correctable)}",
                correction["column"],
            )
            continue
        try:
            mask = matching_rows(frame, parse_filter(correction["filter"]))
        except ExpressionError as error:
            problem("filter", f"条件无效 / invalid filter: {error}", correction["filter"])
            continue
        if mask.sum() != 1:
            problem(
                "filter",
                f"应恰好匹配 1 行，实际 {int(mask.sum())} 行 / must match exactly one row of "
                f"{spec.file}, matches {int(mask.sum())}",
                correction["filter"],
            )
            continue
        target = mask[mask].index[0]
        current = frame.at[target, correction["column"]]
        if current != correction["printed"]:
            problem(
                "printed",
                f"与 {spec.file} 第 {target} 行的值 {current!r} 不符 / does not match the data",
                correction["printed"],
            )
            continue
        kind = spec.columns[correction["column"]].rstrip("?")
        try:
            PARSERS[kind](correction["corrected"])
            if correction["column"] == "unit" and correction["corrected"] not in vocab.MONEY_UNITS:
                raise CellError(
                    f"不是金额单位 / not a unit of money; expected {list(vocab.MONEY_UNITS)}"
                )
        except CellError as error:
            problem(
                "corrected",
                f"更正后的值无效 / the corrected value is invalid: {error}",
                correction["corrected"],
            )
            continue
        frame.at[target, correction["column"]] = correction["corrected"]
        previous = applied[name].at[target]
        applied[name].at[target] = f"{previous} {correction['correction_id']}".strip()
    return applied, problems


def _money_columns(
    spec: TableSpec, frame: pd.DataFrame, printed: pd.DataFrame, bad: set[tuple[int, str]]
) -> list[Problem]:
    """Add amount_fen (corrected), amount_as_printed_fen and amount_wan; amounts read exactly.

    Cells already refused (``bad``) are not read again, so each bad cell is reported once.
    """
    column = spec.amount_column
    problems: list[Problem] = []
    if spec.name != "totals":  # a stated total may count; every other amount is money
        units = frame["unit"]
        wrong = units.notna() & ~units.isin(list(vocab.MONEY_UNITS))
        for line in frame.index[wrong]:
            if (line, "unit") not in bad:
                problems.append(
                    Problem(
                        spec.file,
                        int(line),
                        "unit",
                        units[line],
                        f"不是金额单位 / not a unit of money; expected {list(vocab.MONEY_UNITS)}",
                    )
                )
                bad = bad | {(line, "unit")}
    refused = frame.index.isin([line for line, name in bad if name in (column, "unit")])
    unchanged = frame[column].equals(printed[column]) and frame["unit"].equals(printed["unit"])
    for target, source in (("amount_fen", frame), ("amount_as_printed_fen", printed)):
        if target == "amount_as_printed_fen" and unchanged:  # no correction touched the money
            frame[target] = frame["amount_fen"]
            continue
        # Totals of counts carry no money unit: nothing to convert for them.
        is_money = source["unit"].isin(list(vocab.MONEY_UNITS)) & ~refused
        texts = source[column].where(is_money, None)
        fen, errors = amounts_to_fen(texts, source["unit"])
        frame[target] = fen
        for line in errors.index[errors != ""]:
            problem = Problem(spec.file, int(line), column, source.at[line, column], errors[line])
            if problem not in problems:
                problems.append(problem)
    frame["amount_wan"] = (frame["amount_fen"].astype("Float64") / FEN_PER_WAN).astype(float)
    return problems


#: Columns the loaders add, and the column of the file each is made from.
DERIVED_FROM = {
    "amount_fen": "amount",
    "amount_as_printed_fen": "amount",
    "amount_wan": "amount",
    "unit_as_printed": "unit",
    "item_as_printed": "item",
}


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


def _duplicate_keys(spec: TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """One problem per row whose key another row above it already has."""
    schema = spec.schema.to_schema()
    keys = (
        list(schema.unique)
        if schema.unique
        else [c for c in spec.columns if schema.columns[c].unique]
    )
    problems = []
    for key in [keys] if schema.unique else [[k] for k in keys]:
        present = [k for k in key if k in frame.columns]
        if not present or frame.empty:
            continue
        repeated = frame.duplicated(subset=present, keep="first")
        if not repeated.any():
            continue
        first_line = {}
        for line, values in zip(
            frame.index, frame[present].itertuples(index=False, name=None), strict=True
        ):
            found = tuple(None if pd.isna(v) else v for v in values)
            first_seen = first_line.setdefault(found, int(line))
            if repeated[line]:
                shown = "；".join("" if v is None else str(v) for v in found)
                problems.append(
                    Problem(
                        spec.file,
                        int(line),
                        present[0],
                        shown,
                        f"重复的键 / duplicate key ({', '.join(present)}): the same as row {first_seen}",
                    )
                )
    return problems


def _unknown(frame: pd.DataFrame, column: str, allowed: set, file: str, what: str) -> list[Problem]:
    values = frame[column]
    unknown = values.notna() & (values != "") & ~values.isin(allowed)
    return [
        Problem(file, int(line), column, value, f"未知的{what} / unknown value: not in {what}")
        for line, value in values[unknown].items()
    ]


def _measure_column(tables: dict[str, pd.DataFrame], table: str, measure: str) -> str:
    """The column a term sums: ``amount`` means the exact 分; other measures are counts."""
    if table not in tables:
        raise ExpressionError(
            f"未知的表 / unknown table {table!r}; expected one of {sorted(SPECS)}"
        )
    column = "amount_fen" if measure == "amount" else measure
    columns = tables[table].columns
    if column not in columns:
        raise ExpressionError(f"{table}.csv 中没有可求和的列 / no column {measure!r} to sum")
    if not pd.api.types.is_integer_dtype(tables[table][column]):
        raise ExpressionError(f"{table}.csv 的列 {measure!r} 不是数值 / is not a number to sum")
    return column


def _check_filter(tables: dict[str, pd.DataFrame], table: str, filter_text: str) -> None:
    for condition in parse_filter(filter_text):
        if condition.column not in tables[table].columns:
            raise ExpressionError(
                f"{table}.csv 中没有列 {condition.column!r} / no such column in {table}.csv"
            )


def _expression_problems(tables: dict[str, pd.DataFrame], lines: dict[str, list]) -> list[Problem]:
    """Every declared total, ratio and cross-check must name tables and columns that exist."""
    problems = []

    def check_terms(file: str, line: int, column: str, text: str, parts: bool) -> None:
        try:
            parsed = parse_parts(text) if parts else [("", parse_sum(text))]
            for part in parsed:
                terms = part.terms if parts else part[1]
                for term in terms:
                    _measure_column(tables, term.table, term.measure)
                    _check_filter(tables, term.table, term.filter)
                    if not matching_rows(tables[term.table], term.conditions).any():
                        raise ExpressionError(
                            f"{term.table}[{term.filter}] 未选中任何行 / selects no rows of {term.table}.csv"
                        )
        except ExpressionError as error:
            problems.append(Problem(file, line, column, text, f"表达式无效 / invalid: {error}"))

    totals = tables["totals"]
    for line, total in zip(lines["totals"], totals.itertuples(), strict=True):
        filter_text = total.filter if isinstance(total.filter, str) else ""
        try:
            measure = _measure_column(tables, total.table, total.measure)
        except ExpressionError as error:
            column = "table" if total.table not in tables else "measure"
            value = total.table if column == "table" else total.measure
            problems.append(Problem("totals.csv", line, column, value, str(error)))
            continue
        parts = tables[total.table].iloc[0:0]
        try:
            _check_filter(tables, total.table, filter_text)
        except ExpressionError as error:
            problems.append(Problem("totals.csv", line, "filter", filter_text, str(error)))
        else:
            parts = tables[total.table][
                matching_rows(tables[total.table], parse_filter(filter_text))
            ]
            if parts.empty:
                problems.append(
                    Problem(
                        "totals.csv",
                        line,
                        "filter",
                        filter_text,
                        f"筛选条件未选中 {total.table}.csv 的任何行 / the filter selects no rows of "
                        f"{total.table}.csv: a total needs its parts",
                    )
                )
        money = measure == "amount_fen"
        if money and len(parts) and parts["amount_fen"].isna().all():
            problems.append(
                Problem(
                    "totals.csv",
                    line,
                    "filter",
                    filter_text,
                    "所选各部分均未印金额 / none of the parts it selects prints an amount",
                )
            )
        if total.table == "totals" and len(parts):
            kinds = {"money" if u in vocab.MONEY_UNITS else "count" for u in parts["unit"]}
            if kinds != {"money" if money else "count"}:
                problems.append(
                    Problem(
                        "totals.csv",
                        line,
                        "filter",
                        filter_text,
                        "所选合计的单位与本合计不同 / it adds totals of another kind (money and counts)",
                    )
                )
        if not money and "." in total.stated:
            problems.append(
                Problem(
                    "totals.csv",
                    line,
                    "stated",
                    total.stated,
                    "计数应为整数 / a count is a whole number",
                )
            )
        unit_ok = total.unit in vocab.MONEY_UNITS if money else total.unit in vocab.COUNT_UNITS
        if not unit_ok:
            expected = "万元 or 元" if money else "a count unit such as 个"
            problems.append(
                Problem(
                    "totals.csv",
                    line,
                    "unit",
                    total.unit,
                    f"单位与所加总的列不符 / unit does not fit the column summed: expected {expected}",
                )
            )
    problems += _total_cycles(totals, lines["totals"])
    for line, row in zip(lines["indicators"], tables["indicators"].itertuples(), strict=True):
        check_terms("indicators.csv", line, "numerator", row.numerator, parts=False)
        check_terms("indicators.csv", line, "denominator", row.denominator, parts=False)
    for line, row in zip(lines["crosschecks"], tables["crosschecks"].itertuples(), strict=True):
        check_terms("crosschecks.csv", line, "left", row.left, parts=False)
        check_terms("crosschecks.csv", line, "right", row.right, parts=True)
        if row.left.replace(" ", "") == row.right.replace(" ", ""):
            problems.append(
                Problem(
                    "crosschecks.csv",
                    line,
                    "right",
                    row.right,
                    "两边相同，核对不了任何东西 / both sides are the same: it checks nothing",
                )
            )
    return problems


def _total_cycles(totals: pd.DataFrame, lines: list[int]) -> list[Problem]:
    """A total made of totals must not include itself, directly or through others."""
    line_of = dict(zip(totals["total_id"], lines, strict=True))
    parts: dict[str, list[str]] = {}
    for total in totals.itertuples():
        if total.table != "totals":
            continue
        try:
            mask = matching_rows(
                totals, parse_filter(total.filter if isinstance(total.filter, str) else "")
            )
        except ExpressionError:
            continue
        parts[total.total_id] = list(totals.loc[mask, "total_id"])
    problems = []
    for start in parts:
        seen, todo = set(), [(start, [start])]
        while todo:
            node, path = todo.pop()
            for child in parts.get(node, []):
                if child == start:
                    problems.append(
                        Problem(
                            "totals.csv",
                            line_of[start],
                            "filter",
                            " → ".join([*path, child]),
                            "合计包含其自身 / the total is made of itself (a cycle of totals)",
                        )
                    )
                    todo = []
                    break
                if child not in seen:
                    seen.add(child)
                    todo.append((child, [*path, child]))
    return problems


def _reference_problems(tables: dict[str, pd.DataFrame], lines: dict[str, list]) -> list[Problem]:
    """Ids that one declaration gives of another must exist."""
    problems = []
    owners: dict[str, tuple[str, int]] = {}
    for file, table, key in (
        ("totals.csv", "totals", "total_id"),
        ("indicators.csv", "indicators", "indicator_id"),
        ("crosschecks.csv", "crosschecks", "check_id"),
    ):
        for line, check in zip(lines[table], tables[table][key], strict=True):
            if check in owners and owners[check][0] != file:
                first_file, first_line = owners[check]
                problems.append(
                    Problem(
                        file,
                        line,
                        key,
                        check,
                        f"与 {first_file} 第 {first_line} 行同名；核对名须唯一 / the same id as {first_file} row {first_line}: check ids must be unique",
                    )
                )
            owners.setdefault(check, (file, line))
    check_ids = set(owners)
    correction_ids = set(tables["corrections"]["correction_id"])
    evidence = tables["corrections"]["evidence"]
    for line, value in zip(lines["corrections"], evidence, strict=True):
        if isinstance(value, str) and value not in check_ids:
            problems.append(
                Problem(
                    "corrections.csv",
                    line,
                    "evidence",
                    value,
                    "没有这个核对 / no such check in totals.csv, crosschecks.csv or indicators.csv",
                )
            )
    findings = tables["findings"]
    for line, row in zip(lines["findings"], findings.itertuples(), strict=True):
        for column, known, what in (
            ("checks", check_ids, "check"),
            ("correction_ids", correction_ids, "correction"),
        ):
            value = getattr(row, column)
            if not isinstance(value, str):
                continue
            for item in value.split(";"):
                if item not in known:
                    problems.append(
                        Problem(
                            "findings.csv",
                            line,
                            column,
                            value,
                            f"没有这个{what} / no such {what}: {item!r}",
                        )
                    )
    claims = tables["claims"]
    for line, row in zip(lines["claims"], claims.itertuples(), strict=True):
        try:
            _check_claim_test(tables, row.test, check_ids)
        except ExpressionError as error:
            problems.append(Problem("claims.csv", line, "test", row.test, str(error)))
    return problems


def _check_claim_test(tables: dict[str, pd.DataFrame], test: str, check_ids: set) -> None:
    kind, _, argument = test.partition(":")
    if kind == "unverifiable" and not argument:
        return
    if kind == "check":
        for item in argument.split(","):
            if item not in check_ids:
                raise ExpressionError(f"没有这个核对 / no such check: {item!r}")
        return
    if kind == "increasing":
        table, _, column = argument.partition(".")
        _measure_column(tables, table, column or "amount")
        if "year" not in tables[table].columns:
            raise ExpressionError(f"{table}.csv 没有 year 列 / has no year to order by")
        return
    if kind in ("all", "count"):
        terms = parse_sum(argument)
        if len(terms) != 1 or terms[0].sign != 1:
            raise ExpressionError(f"{kind}: 只能有一项 / takes one table[filter]")
        (term,) = terms
        if kind == "all" and term.measure != "amount":
            raise ExpressionError("all: 不带列名 / takes TABLE[filter], without a column")
        if term.table not in tables:
            raise ExpressionError(f"未知的表 / unknown table {term.table!r}")
        if kind == "count" and term.measure not in tables[term.table].columns:
            raise ExpressionError(f"{term.table}.csv 中没有列 / no column {term.measure!r}")
        _check_filter(tables, term.table, term.filter)
        return
    raise ExpressionError(
        "检验方式应为 check:ID、increasing:TABLE、all:TABLE[filter]、count:TABLE.COLUMN[filter] "
        "或 unverifiable / test must be check:ID, increasing:TABLE, all:TABLE[filter], "
        "count:TABLE.COLUMN[filter] or unverifiable"
    )


def _vocabulary_problems(
    tables: dict[str, pd.DataFrame], terms: dict[str, dict[str, str]]
) -> list[Problem]:
    problems = []
    words = tables["vocabulary"]
    for name, (_, _, parent_vocabulary) in vocab.REPORT_VOCABULARIES.items():
        rows = words[words["vocabulary"] == name]
        if parent_vocabulary is None:
            bad = rows[rows["parent"].notna() & (rows["parent"] != "")]
            problems += [
                Problem(
                    "vocabulary.csv",
                    int(line),
                    "parent",
                    value,
                    f"{name} 的词没有上级 / terms of {name} have no parent",
                )
                for line, value in bad["parent"].items()
            ]
        else:
            problems += _unknown(
                rows,
                "parent",
                set(terms.get(parent_vocabulary, {})),
                "vocabulary.csv",
                f"{parent_vocabulary} 词表 (vocabulary.csv)",
            )
    return problems


#: Tables this long take the Arrow paths below.
LARGE = 10_000


def _lookup(values: pd.Series, mapping: dict) -> pd.Series:
    """Each value's entry in ``mapping`` as text, '' where it has none (or is missing)."""
    codes, uniques = pd.factorize(values)  # a few distinct terms among many rows
    looked_up = [mapping.get(u, "") for u in uniques] + [""]
    if len(values) < LARGE:
        return pd.Series(np.array(looked_up, dtype=object)[codes], index=values.index, dtype="str")
    import pyarrow as pa  # a million Python strings into Arrow cost more than one take

    positions = np.where(codes < 0, len(looked_up) - 1, codes)
    taken = pa.array(looked_up, type=pa.large_string()).take(pa.array(positions))
    terms = arrow_text(pa.table({"term": taken}))["term"]
    return pd.Series(terms.array, index=values.index, dtype="str")


def _derive_terms(
    tables: dict[str, pd.DataFrame], terms: dict[str, dict[str, str]]
) -> list[Problem]:
    """Check every vocabulary column against its terms and add its English column."""
    problems = []
    for spec in SPECS.values():
        frame = tables[spec.name]
        for column, name in spec.report_terms.items():
            problems += _unknown(
                frame, column, set(terms.get(name, {})), spec.file, f"{name} 词表 (vocabulary.csv)"
            )
            if (
                f"{column}_en" in spec.schema.to_schema().columns
                and f"{column}_en" not in spec.columns
            ):
                frame[f"{column}_en"] = _lookup(frame[column], terms.get(name, {}))
        for column, library in spec.library_terms.items():
            frame[f"{column}_en"] = _lookup(frame[column], library)
    carry = tables["carryover"]
    parents = tables["vocabulary"]
    sources = parents[parents["vocabulary"] == "funding_source"]
    carry["level"] = _lookup(
        carry["funding_source"], dict(zip(sources["term"], sources["parent"], strict=True))
    )
    carry["level_en"] = _lookup(carry["level"], terms.get("level", {}))
    return problems


@dataclass(frozen=True)
class Loaded:
    """A data directory, loaded: its descriptor, its tables and each row's CSV line.

    ``digest`` names the bytes it was loaded from (see :mod:`fundanalysis.cache`).
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
    applied, problems = _apply_corrections(raw, raw["corrections"])

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
            found = _money_columns(spec, frame, printed[spec.name], bad_cells[spec.name])
            problems += found
            bad_cells[spec.name] |= {(p.row, p.column) for p in found}
        tables[spec.name] = frame

    words = tables["vocabulary"]
    terms = {
        name: dict(zip(rows["term"], rows["term_en"], strict=True))
        for name, rows in words.groupby("vocabulary", sort=False)
    }
    problems += _vocabulary_problems(tables, terms)
    problems += _derive_terms(tables, terms)
    sections = set(tables["sections"]["section_id"])
    for spec in SPECS.values():
        if spec.cites:
            problems += _unknown(
                tables[spec.name], "section_id", sections, spec.file, "章节 (sections.csv)"
            )
    if not tables["documents"].empty:
        problems += _unknown(
            tables["sections"],
            "document",
            set(tables["documents"]["document"]),
            "sections.csv",
            "文件 (documents.csv)",
        )
    lines = {name: [int(line) for line in frame.index] for name, frame in tables.items()}
    problems += _expression_problems(tables, lines)
    problems += _reference_problems(tables, lines)

    for spec in SPECS.values():
        frame = tables[spec.name]
        bad_lines = {line for line, _ in bad_cells[spec.name]}
        dropped = [line for line in bad_lines if line in frame.index]
        clean = frame.drop(index=dropped) if dropped else frame
        if clean.empty:  # nothing to check: the columns were typed when the table was read
            continue
        problems += _duplicate_keys(spec, clean)
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
    processes, a validated result is reused from :mod:`fundanalysis.cache` while its bytes, and
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
