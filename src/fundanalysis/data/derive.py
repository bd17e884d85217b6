"""Columns the loaders derive from what a file holds: exact money, and the English of terms.

Amounts become exact 分 (corrected and as printed) and float 万元; every vocabulary column is
checked against the report's terms (or the library's) and gains its English column.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from fundanalysis.data import units
from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.csvfile import arrow_text
from fundanalysis.data.errors import Problem
from fundanalysis.data.money import FEN_PER_WAN, amounts_to_fen, parse_decimal
from fundanalysis.data.specs import SPECS, TableSpec


def money_columns(
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


def unknown_terms(
    frame: pd.DataFrame, column: str, allowed: set, file: str, what: str
) -> list[Problem]:
    values = frame[column]
    unknown = values.notna() & (values != "") & ~values.isin(allowed)
    return [
        Problem(file, int(line), column, value, f"未知的{what} / unknown value: not in {what}")
        for line, value in values[unknown].items()
    ]


#: Vocabularies whose every term has a parent: a funding source's level is its carry-over's.
_PARENT_REQUIRED = {"funding_source"}


def without_parent(tables: dict[str, pd.DataFrame], name: str) -> set[str]:
    """The terms of ``name`` whose parent is empty (reported at vocabulary.csv, not again at
    every row that names them)."""
    words = tables["vocabulary"]
    rows = words[words["vocabulary"] == name]
    return set(rows["term"][rows["parent"].isna() | (rows["parent"] == "")])


def vocabulary_problems(
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
            if name in _PARENT_REQUIRED:
                empty = rows["parent"].isna() | (rows["parent"] == "")
                problems += [
                    Problem(
                        "vocabulary.csv",
                        int(line),
                        "parent",
                        "",
                        f"{name}“{term}”的上级（{parent_vocabulary}）未填写 / the {parent_vocabulary} "
                        f"of {name} {term!r} is not given",
                    )
                    for line, term in rows["term"][empty].items()
                ]
            problems += unknown_terms(
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


def derive_terms(
    tables: dict[str, pd.DataFrame], terms: dict[str, dict[str, str]]
) -> list[Problem]:
    """Check every vocabulary column against its terms and add its English column."""
    problems = []
    for spec in SPECS.values():
        frame = tables[spec.name]
        for column, name in spec.report_terms.items():
            problems += unknown_terms(
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


def measured_columns(
    spec: TableSpec, frame: pd.DataFrame, bad: set[tuple[int, str]]
) -> list[Problem]:
    """Add unit_en, kind, kind_en, value_micro (exact) and value_number (float) to a table of
    measured quantities; an unknown unit or a value finer than a millionth is refused at its cell.

    Cells already refused (``bad``) are not read again, so each bad cell is reported once.
    """
    problems: list[Problem] = []
    micro: list[int | None] = []
    for line, value, word in zip(frame.index, frame["value"], frame["unit"], strict=True):
        if (line, "value") in bad or (line, "unit") in bad or pd.isna(value) or pd.isna(word):
            micro.append(None)
            continue
        try:
            micro.append(units.to_micro(parse_decimal(value), word))
        except units.UnitError as error:
            column = "unit" if word not in units.UNITS else "value"
            problems.append(
                Problem(spec.file, int(line), column, frame.at[line, column], str(error))
            )
            micro.append(None)
    known = frame["unit"].map(units.UNITS)
    frame["unit_en"] = known.map(lambda u: u.english if isinstance(u, units.Unit) else "").astype(
        "str"
    )
    frame["kind"] = known.map(lambda u: u.kind if isinstance(u, units.Unit) else "").astype("str")
    frame["kind_en"] = frame["kind"].map(lambda k: units.KINDS[k][1] if k else "").astype("str")
    frame["value_micro"] = pd.array(micro, dtype="Int64")
    per_base = [u.per_base * units.MICRO if isinstance(u, units.Unit) else 1 for u in known]
    frame["value_number"] = (
        frame["value_micro"].astype("Float64") / pd.Series(per_base, index=frame.index, dtype=float)
    ).astype(float)
    return problems


#: The library's poverty measures by their Chinese and English names.
_LIBRARY_NAMES = {name: code for code, names in vocab.POVERTY_MEASURES.items() for name in names}


def poverty_measures(poverty: pd.DataFrame, terms: dict[str, dict[str, str]]) -> list[Problem]:
    """Name every poverty measure in both languages, from the library's own measures or the
    report's ``poverty_measure`` vocabulary; refuse one that is neither, and a library measure
    in a unit of another kind (people counted in 户), a fractional count or a rate above 100 %."""
    declared = terms.get("poverty_measure", {})
    problems: list[Problem] = []

    def refuse(line: int, column: str, message: str) -> None:
        problems.append(
            Problem("poverty.csv", int(line), column, poverty.at[line, column], message)
        )

    names, names_en = [], []
    for line, measure, kind in zip(poverty.index, poverty["measure"], poverty["kind"], strict=True):
        if measure in vocab.POVERTY_MEASURES:
            zh, en = vocab.POVERTY_MEASURES[measure]
            expected = vocab.POVERTY_MEASURE_KINDS[measure]
            if kind and kind != expected:
                unit = poverty.at[line, "unit"]
                refuse(
                    line,
                    "unit",
                    f"{zh}以{units.KINDS[expected][0]}计，不能用「{unit}」 / {en} is counted "
                    f"in {units.KINDS[expected][1]} ({units.KINDS[expected][2]}), not {unit}",
                )
        elif isinstance(measure, str) and measure in _LIBRARY_NAMES:
            zh = en = measure
            code = _LIBRARY_NAMES[measure]
            refuse(
                line,
                "measure",
                f"这是本库指标 {code} 的名称，请写 {code} / the name of the library's measure "
                f"{code}: write {code}, so that its unit is checked",
            )
        elif isinstance(measure, str) and measure in declared:
            zh, en = measure, declared[measure]
        else:
            zh = en = "" if not isinstance(measure, str) else measure
            if isinstance(measure, str):
                refuse(
                    line,
                    "measure",
                    "未知的贫困指标：既不是本库的指标，也不在 vocabulary.csv 的 poverty_measure 词表中 "
                    "/ unknown measure: neither one of the library's "
                    f"({', '.join(vocab.POVERTY_MEASURES)}) nor a term of the poverty_measure "
                    "vocabulary in vocabulary.csv",
                )
        names.append(zh)
        names_en.append(en)
    for line, kind, micro in zip(
        poverty.index, poverty["kind"], poverty["value_micro"], strict=True
    ):
        if kind == "rate" and pd.notna(micro) and micro > 100 * units.MICRO:
            refuse(line, "value", "比率不能超过 100% / a share of a population is at most 100 %")
        elif kind in ("households", "people", "count") and pd.notna(micro) and micro % units.MICRO:
            refuse(
                line,
                "value",
                "户数、人数和个数应为整数 / a count of households, people or things is whole",
            )
    poverty["measure_name"] = pd.Series(names, index=poverty.index, dtype="str")
    poverty["measure_en"] = pd.Series(names_en, index=poverty.index, dtype="str")
    return problems
