"""Load a data directory: read → correct → parse → derive → validate, every problem reported.

``load_tables`` is the single entry point; the public ``load_*`` functions in
:mod:`fundanalysis.loaders` pick one table out of it. Results are cached per directory and
refreshed when any of its files changes, so loading in every notebook cell costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from fundanalysis import schemas
from fundanalysis import vocabulary as vocab
from fundanalysis.csvfile import read_text_table
from fundanalysis.errors import DataError, Problem
from fundanalysis.money import FEN_PER_WAN, amounts_to_fen
from fundanalysis.parsing import parse_columns


@dataclass(frozen=True)
class TableSpec:
    """How one CSV file of the data directory is read."""

    name: str
    title: str
    columns: dict[str, str]
    schema: type[schemas.Table]
    correctable: tuple[str, ...] = ()
    vocabularies: dict[str, dict[str, str]] = field(default_factory=dict)
    may_be_empty: bool = False

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def has_money(self) -> bool:
        return "amount" in self.columns


_MONEY = {"amount": "amount", "unit": "text"}
_CITED = {"section_id": "text", "printed": "text"}

SPECS: dict[str, TableSpec] = {
    spec.name: spec
    for spec in [
        TableSpec(
            "documents",
            "The two documents of the source",
            {
                "document": "text",
                "title": "text",
                "title_en": "text",
                "issuer": "text",
                "issuer_en": "text",
                "reference": "text?",
                "issued_on": "date?",
                "issued_on_printed": "text?",
                "section_id": "text",
                "printed": "text?",
            },
            schemas.Documents,
        ),
        TableSpec(
            "sections",
            "Sections of the source, located by the text they start and end at",
            {
                "section_id": "text",
                "document": "text",
                "number": "text?",
                "title": "text",
                "title_en": "text",
                "start_anchor": "text",
                "end_anchor": "text",
            },
            schemas.Sections,
        ),
        TableSpec(
            "counties",
            "County-level units and their English names",
            {"county": "text", "county_en": "text"},
            schemas.Counties,
        ),
        TableSpec(
            "funding_sources",
            "Funding-source labels of the carry-over section, with their level of government",
            {"funding_source": "text", "funding_source_en": "text", "level": "text"},
            schemas.FundingSources,
        ),
        TableSpec(
            "budget",
            "Prefecture budget for poverty alleviation by year",
            {"year": "int", **_MONEY, **_CITED},
            schemas.Budget,
            correctable=("unit",),
        ),
        TableSpec(
            "transfers",
            "2020 transfer batches passed on to the counties",
            {
                "batch": "int",
                "batch_name": "text",
                "batch_name_en": "text",
                "level": "text",
                "fund_type": "text",
                **_MONEY,
                "disbursed_on": "date",
                "disbursed_on_printed": "text",
                **_CITED,
            },
            schemas.Transfers,
            correctable=("unit",),
            vocabularies={"level": vocab.LEVELS, "fund_type": vocab.FUND_TYPES},
        ),
        TableSpec(
            "evaluated_funds",
            "Funds covered by the 2020 performance evaluation, by level and fund type",
            {"level": "text", "fund_type": "text", **_MONEY, **_CITED},
            schemas.EvaluatedFunds,
            correctable=("unit",),
            vocabularies={"level": vocab.LEVELS, "fund_type": vocab.FUND_TYPES},
        ),
        TableSpec(
            "allocations",
            "Allocations to the county-level units by fund type",
            {"funds": "text", "county": "text", "fund_type": "text", **_MONEY, **_CITED},
            schemas.Allocations,
            correctable=("unit",),
            vocabularies={"funds": vocab.ALLOCATION_FUNDS, "fund_type": vocab.FUND_TYPES},
        ),
        TableSpec(
            "carryover",
            "Carry-over (结转结余) as leaf items, one row per project line",
            {
                "county": "text",
                "seq": "int",
                "funding_group": "text",
                "funding_source": "text",
                "item": "text",
                "item_en": "text",
                "kind": "text",
                "project_count": "int?",
                **_MONEY,
                "payment_status": "text",
                "payment_date": "date?",
                "payment_printed": "text?",
                **_CITED,
            },
            schemas.Carryover,
            correctable=("unit", "item"),
            vocabularies={"kind": vocab.CARRYOVER_KINDS, "payment_status": vocab.PAYMENT_STATUSES},
        ),
        TableSpec(
            "poverty",
            "Registered poor population, villages and counties",
            {
                "measure": "text",
                "value": "int",
                "unit": "text",
                "as_of": "date?",
                "as_of_printed": "text?",
                **_CITED,
            },
            schemas.Poverty,
        ),
        TableSpec(
            "projects",
            "Projects by stage and funding level, with their funds",
            {
                "stage": "text",
                "level": "text",
                "project_count": "int",
                "amount": "amount?",
                "unit": "text",
                "as_of": "date?",
                "as_of_printed": "text?",
                "count_printed": "text",
                "amount_printed": "text?",
                "section_id": "text",
            },
            schemas.Projects,
            correctable=("unit",),
            vocabularies={"stage": vocab.PROJECT_STAGES, "level": vocab.LEVELS},
        ),
        TableSpec(
            "supervision",
            "Supervision counts: meetings, policy documents, fund categories monitored",
            {
                "section_id": "text",
                "measure": "text",
                "value": "int",
                "unit": "text",
                "period": "text?",
                "printed": "text",
            },
            schemas.Supervision,
        ),
        TableSpec(
            "totals",
            "Every total the report states, with the rows that make it up",
            {
                "total_id": "text",
                "table": "text",
                "filter": "text?",
                "measure": "text",
                "stated": "amount",
                "unit": "text",
                **_CITED,
                "as_of": "date?",
                "as_of_printed": "text?",
                "description": "text",
                "description_en": "text",
                "explanation": "text?",
            },
            schemas.Totals,
            correctable=("unit",),
        ),
        TableSpec(
            "corrections",
            "Corrections of evidently wrong printed values, with reasons",
            {
                "correction_id": "text",
                "table": "text",
                "filter": "text",
                "column": "text",
                "printed": "text",
                "corrected": "text",
                "reason": "text",
                "evidence": "text?",
            },
            schemas.Corrections,
            may_be_empty=True,
        ),
    ]
}


def parse_filter(text: str) -> list[tuple[str, str]]:
    """Read ``"county=轮台县;seq=11"`` into conditions; an empty filter selects every row."""
    if not text:
        return []
    conditions = []
    for part in text.split(";"):
        column, sep, value = part.partition("=")
        if not sep or not column:
            raise ValueError(f"条件应写成 列=值 / condition {part!r} is not column=value")
        conditions.append((column, value))
    return conditions


def matching_rows(frame: pd.DataFrame, conditions: Iterable[tuple[str, str]]) -> pd.Series:
    """Rows whose cells, written as text, equal every condition's value (``a|b``: either)."""
    mask = pd.Series(True, index=frame.index)
    for column, value in conditions:
        if column not in frame.columns:
            raise KeyError(column)
        mask &= as_text(frame[column]).isin(value.split("|"))
    return mask


def as_text(values: pd.Series) -> pd.Series:
    """A column as the text a filter compares with: dates as YYYY-MM-DD, missing as ''."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.strftime("%Y-%m-%d").fillna("")
    return values.astype("string").fillna("").astype(object)


def _apply_corrections(
    raw: dict[str, pd.DataFrame], corrections: pd.DataFrame
) -> tuple[dict[str, pd.Series], list[Problem]]:
    """Apply corrections to the raw text, in place; return the ids applied per row."""
    applied = {name: pd.Series("", index=frame.index, dtype=object) for name, frame in raw.items()}
    problems: list[Problem] = []
    for line, correction in corrections.iterrows():

        def problem(column: str, message: str, value: str | None = None, line=line) -> None:
            problems.append(Problem("corrections.csv", int(line), column, value, message))

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
        except (ValueError, KeyError) as error:
            problem("filter", f"条件无效 / invalid filter: {error}", correction["filter"])
            continue
        if mask.sum() != 1:
            problem(
                "filter",
                f"应恰好匹配 1 行，实际 {int(mask.sum())} 行 / must match exactly one row, "
                f"matches {int(mask.sum())}",
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
        frame.at[target, correction["column"]] = correction["corrected"]
        previous = applied[name].at[target]
        applied[name].at[target] = f"{previous} {correction['correction_id']}".strip()
    return applied, problems


def _money_columns(spec: TableSpec, frame: pd.DataFrame, printed: pd.DataFrame) -> list[Problem]:
    """Add amount_fen (corrected), amount_as_printed_fen and amount_wan; amounts read exactly."""
    column = "stated" if spec.name == "totals" else "amount"
    problems: list[Problem] = []
    for target, source in (("amount_fen", frame), ("amount_as_printed_fen", printed)):
        # Totals of counts carry no money unit: nothing to convert for them.
        is_money = source["unit"].isin(list(vocab.MONEY_UNITS))
        texts = source[column].where(is_money, None)
        fen, errors = amounts_to_fen(texts, source["unit"])
        frame[target] = fen
        for line in errors.index[errors != ""]:
            problem = Problem(spec.file, int(line), column, source.at[line, column], errors[line])
            if problem not in problems:
                problems.append(problem)
    frame["amount_wan"] = (frame["amount_fen"].astype("Float64") / FEN_PER_WAN).astype(float)
    return problems


def _schema_problems(error: pa.errors.SchemaErrors, file: str) -> list[Problem]:
    problems = []
    for case in error.failure_cases.itertuples(index=False):
        line = None if pd.isna(case.index) else int(case.index)
        value = None if pd.isna(case.failure_case) else str(case.failure_case)
        check = str(case.check)
        if "uniqueness" in check:
            message = "重复的键 / duplicate key: another row has the same key"
        elif check.startswith("isin"):
            message = f"不在允许的取值中 / not an allowed value: {check[5:-1]}"
        elif check == "not_nullable":
            message = "不能为空 / must not be empty"
        elif check.startswith("greater_than_or_equal_to"):
            message = f"数值过小 / value too small: must be {check.replace('greater_than_or_equal_to', '≥ ')}"
        elif check.startswith("less_than_or_equal_to"):
            message = f"数值过大 / value too large: must be {check.replace('less_than_or_equal_to', '≤ ')}"
        else:
            message = f"不符合规则 / fails check {check}"
        problems.append(
            Problem(file, line, None if pd.isna(case.column) else str(case.column), value, message)
        )
    return problems


def _foreign_key(
    frame: pd.DataFrame, column: str, allowed: pd.Series, file: str, what: str
) -> list[Problem]:
    values = frame[column]
    unknown = values.notna() & ~values.isin(set(allowed))
    return [
        Problem(file, int(line), column, value, f"未知的{what} / unknown value: not in {what}")
        for line, value in values[unknown].items()
    ]


def _total_filter_problems(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Each stated total must name columns that exist in the table holding its parts."""
    problems = []
    for line, total in tables["totals"].iterrows():
        if total["table"] not in tables:
            continue
        columns = tables[total["table"]].columns
        filter_text = total["filter"] if isinstance(total["filter"], str) else ""
        try:
            conditions = parse_filter(filter_text)
        except ValueError as error:
            problems.append(Problem("totals.csv", int(line), "filter", filter_text, str(error)))
            continue
        for column, _ in conditions:
            if column not in columns:
                problems.append(
                    Problem(
                        "totals.csv",
                        int(line),
                        "filter",
                        filter_text,
                        f"{total['table']}.csv 中没有列 {column!r} / no such column in {total['table']}.csv",
                    )
                )
        measure = "amount_fen" if total["measure"] == "amount" else total["measure"]
        if measure not in columns:
            problems.append(
                Problem(
                    "totals.csv",
                    int(line),
                    "measure",
                    total["measure"],
                    f"{total['table']}.csv 中没有此列 / no such column to sum",
                )
            )
    return problems


def _build(data_dir: Path) -> tuple[dict[str, pd.DataFrame], dict[str, list[int]]]:
    problems: list[Problem] = []
    raw: dict[str, pd.DataFrame] = {}
    for spec in SPECS.values():
        try:
            raw[spec.name] = read_text_table(data_dir / spec.file, list(spec.columns))
        except DataError as error:
            problems += error.problems
            continue
        if raw[spec.name].empty and not spec.may_be_empty:
            problems.append(
                Problem(spec.file, None, None, None, "表中没有数据行 / table has no rows")
            )
    if problems:
        raise DataError(problems)

    printed = {name: frame.copy() for name, frame in raw.items()}
    applied, problems = _apply_corrections(raw, raw["corrections"])

    tables: dict[str, pd.DataFrame] = {}
    for spec in SPECS.values():
        frame, found = parse_columns(raw[spec.name], spec.columns, spec.file)
        problems += found
        for column in spec.correctable:
            frame[f"{column}_as_printed"] = printed[spec.name][column].astype("str")
        if spec.name != "corrections":
            frame["corrections"] = applied[spec.name].astype("str")
        if spec.has_money or spec.name == "totals":
            problems += _money_columns(spec, frame, printed[spec.name])
        for column, terms in spec.vocabularies.items():
            frame[f"{column}_en"] = frame[column].map(terms).fillna("").astype("str")
        tables[spec.name] = frame

    counties, sources, sections = tables["counties"], tables["funding_sources"], tables["sections"]
    for name in ("allocations", "carryover"):
        frame = tables[name]
        problems += _foreign_key(
            frame, "county", counties["county"], f"{name}.csv", "县市 (counties.csv)"
        )
        frame["county_en"] = (
            frame["county"]
            .map(dict(zip(counties["county"], counties["county_en"], strict=True)))
            .fillna("")
            .astype("str")
        )
    carry = tables["carryover"]
    for column in ("funding_source", "funding_group"):
        problems += _foreign_key(
            carry,
            column,
            sources["funding_source"],
            "carryover.csv",
            "资金来源 (funding_sources.csv)",
        )
    by_source = sources.set_index("funding_source")
    carry["funding_source_en"] = (
        carry["funding_source"].map(by_source["funding_source_en"]).fillna("").astype("str")
    )
    carry["level"] = carry["funding_source"].map(by_source["level"]).fillna("").astype("str")
    carry["level_en"] = carry["level"].map(vocab.LEVELS).fillna("").astype("str")
    for spec in SPECS.values():
        if "section_id" in spec.columns and spec.name != "sections":
            problems += _foreign_key(
                tables[spec.name],
                "section_id",
                sections["section_id"],
                spec.file,
                "章节 (sections.csv)",
            )
    problems += _foreign_key(
        tables["totals"], "table", pd.Series(list(SPECS)), "totals.csv", "表 (table)"
    )
    problems += _total_filter_problems(tables)

    for spec in SPECS.values():
        try:
            spec.schema.validate(tables[spec.name], lazy=True)
        except pa.errors.SchemaErrors as error:
            problems += _schema_problems(error, spec.file)
    if problems:
        raise DataError(problems)
    lines = {name: [int(line) for line in frame.index] for name, frame in tables.items()}
    return {name: frame.reset_index(drop=True) for name, frame in tables.items()}, lines


_CACHE: dict[Path, tuple[tuple, dict[str, pd.DataFrame], dict[str, list[int]]]] = {}


def _fingerprint(data_dir: Path) -> tuple:
    stats = []
    for spec in SPECS.values():
        path = data_dir / spec.file
        stat = path.stat() if path.exists() else None
        stats.append(
            (spec.file, stat.st_mtime_ns if stat else None, stat.st_size if stat else None)
        )
    return tuple(stats)


def _cached(data_dir: Path) -> tuple[tuple, dict[str, pd.DataFrame], dict[str, list[int]]]:
    key = data_dir.resolve()
    fingerprint = _fingerprint(key)
    cached = _CACHE.get(key)
    if cached is None or cached[0] != fingerprint:
        _CACHE[key] = (fingerprint, *_build(key))
    return _CACHE[key]


def load_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Every table of ``data_dir``, validated; raises :class:`DataError` listing all problems."""
    return _cached(data_dir)[1]


def source_lines(data_dir: Path) -> dict[str, list[int]]:
    """For each table, the CSV line number of each row of the loaded frame (for messages)."""
    return _cached(data_dir)[2]
