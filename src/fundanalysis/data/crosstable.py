"""Problems no single table shows: duplicate keys, filter-and-sum expressions that name what
is not there, cycles of totals, and references from one table to another.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from fundanalysis.data import units
from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.claimtests import check_claim_test
from fundanalysis.data.errors import Problem
from fundanalysis.data.expressions import (
    ExpressionError,
    matching_rows,
    parse_filter,
    parse_parts,
    parse_sum,
)
from fundanalysis.data.specs import TableSpec
from fundanalysis.data.terms import check_filter, measure_column, quantity


def duplicate_keys(spec: TableSpec, frame: pd.DataFrame) -> list[Problem]:
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


#: For each table, the lines with a cell that parsing refused (it is empty in the typed
#: frame): the checks here skip those rows, so that a refused cell is never read by the next
#: layer as if it were a value; its problem is reported already.
Refused = dict[str, set[int]]


def expression_problems(
    tables: dict[str, pd.DataFrame], lines: dict[str, list], refused: Refused | None = None
) -> list[Problem]:
    """Every declared total, ratio and cross-check must name tables and columns that exist.

    Rows of ``refused`` are skipped: their problem is reported already.
    """
    refused = refused or {}
    problems = []

    def check_terms(file: str, line: int, column: str, text: str, parts: bool) -> set[str]:
        """The kinds of quantity the expression adds (money, counts, measures): none if invalid."""
        kinds: set[str] = set()
        try:
            parsed = parse_parts(text) if parts else [("", parse_sum(text))]
            for part in parsed:
                terms = part.terms if parts else part[1]
                for term in terms:
                    measure_column(tables, term.table, term.measure)
                    check_filter(tables, term.table, term.filter)
                    selected = matching_rows(tables[term.table], term.conditions)
                    if not selected.any():
                        raise ExpressionError(
                            f"{term.table}[{term.filter}] 未选中任何行 / selects no rows of {term.table}.csv"
                        )
                    kinds.update(_kinds(tables[term.table], term, selected))
        except ExpressionError as error:
            problems.append(Problem(file, line, column, text, f"表达式无效 / invalid: {error}"))
            return set()
        return kinds

    def mixed(file: str, line: int, column: str, text: str, *sides: set[str]) -> None:
        if len(set().union(*sides)) > 1:  # 50 万元 is not 50,000,000 of anything counted
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    text,
                    "金额、计数与计量不能相加或相比 / it adds or "
                    f"compares quantities of different kinds: {', '.join(sorted(set().union(*sides)))}",
                )
            )

    totals = tables["totals"]
    for line, total in zip(lines["totals"], totals.itertuples(), strict=True):
        if line in refused.get("totals", ()):
            continue
        filter_text = total.filter if isinstance(total.filter, str) else ""
        try:
            measure = measure_column(tables, total.table, total.measure)
        except ExpressionError as error:
            column = "table" if total.table not in tables else "measure"
            value = total.table if column == "table" else total.measure
            problems.append(Problem("totals.csv", line, column, value, str(error)))
            continue
        parts = tables[total.table].iloc[0:0]
        try:
            check_filter(tables, total.table, filter_text)
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
        measured = measure == "value_micro"
        if not money and not measured and "." in total.stated:
            problems.append(
                Problem(
                    "totals.csv",
                    line,
                    "stated",
                    total.stated,
                    "计数应为整数 / a count is a whole number",
                )
            )
        if measured:
            problems += _measured_total_problems(total, line, parts)
            continue
        unit_ok = total.unit in vocab.MONEY_UNITS if money else total.unit in vocab.COUNT_UNITS
        if not unit_ok:
            expected = " or ".join(vocab.MONEY_UNITS) if money else "a count unit such as 个"
            problems.append(
                Problem(
                    "totals.csv",
                    line,
                    "unit",
                    total.unit,
                    f"单位与所加总的列不符 / unit does not fit the column summed: expected {expected}",
                )
            )
    problems += _total_cycles(totals, lines["totals"], refused.get("totals", set()))
    for line, row in zip(lines["indicators"], tables["indicators"].itertuples(), strict=True):
        if line in refused.get("indicators", ()):
            continue
        above = check_terms("indicators.csv", line, "numerator", row.numerator, parts=False)
        below = check_terms("indicators.csv", line, "denominator", row.denominator, parts=False)
        if row.unit == "%":  # a percentage is of like over like
            mixed("indicators.csv", line, "denominator", row.denominator, above, below)
    for line, row in zip(lines["crosschecks"], tables["crosschecks"].itertuples(), strict=True):
        if line in refused.get("crosschecks", ()):
            continue
        left = check_terms("crosschecks.csv", line, "left", row.left, parts=False)
        right = check_terms("crosschecks.csv", line, "right", row.right, parts=True)
        mixed("crosschecks.csv", line, "right", row.right, left, right)
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


def _measured_total_problems(total, line: int, parts: pd.DataFrame) -> list[Problem]:
    """A total of measured quantities: a known unit, of the one kind all its parts are of."""
    try:
        kind = units.unit_of(total.unit).kind
    except units.UnitError as error:
        return [Problem("totals.csv", line, "unit", total.unit, str(error))]
    try:  # held exactly, as a part's value is (to a millionth, within the largest value)
        units.to_micro(Decimal(total.stated), total.unit)
    except (units.UnitError, ArithmeticError) as error:
        return [Problem("totals.csv", line, "stated", total.stated, str(error))]
    kinds = set(parts["kind"]) - {""}
    if kinds and kinds != {kind}:
        return [
            Problem(
                "totals.csv",
                line,
                "filter",
                total.filter if isinstance(total.filter, str) else "",
                f"所选各部分的单位类别 ({', '.join(sorted(kinds))}) 与合计的单位 {total.unit} "
                f"({kind}) 不同 / the parts it selects are of another kind than the total's "
                f"unit: a sum never mixes kinds",
            )
        ]
    return []


def _total_cycles(totals: pd.DataFrame, lines: list[int], refused: set[int]) -> list[Problem]:
    """A total made of totals must not include itself, directly or through others."""
    line_of = dict(zip(totals["total_id"], lines, strict=True))
    parts: dict[str, list[str]] = {}
    for line, total in zip(lines, totals.itertuples(), strict=True):
        if total.table != "totals" or line in refused or not isinstance(total.total_id, str):
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


def reference_problems(
    tables: dict[str, pd.DataFrame], lines: dict[str, list], refused: Refused | None = None
) -> list[Problem]:
    """Ids that one declaration gives of another must exist (rows of ``refused`` skipped)."""
    refused = refused or {}
    problems = []
    owners: dict[str, tuple[str, int]] = {}
    for file, table, key in (
        ("totals.csv", "totals", "total_id"),
        ("indicators.csv", "indicators", "indicator_id"),
        ("crosschecks.csv", "crosschecks", "check_id"),
    ):
        for line, check in zip(lines[table], tables[table][key], strict=True):
            if not isinstance(check, str):
                continue  # refused already: no id to own
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
    check_ids = set(owners) | set(scorecard_checks(tables, lines))
    correction_ids = set(tables["corrections"]["correction_id"])
    evidence = tables["corrections"]["evidence"]
    for line, value in zip(lines["corrections"], evidence, strict=True):
        if line in refused.get("corrections", ()):
            continue
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
        if line in refused.get("findings", ()):
            continue
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
        if line in refused.get("claims", ()):
            continue
        try:
            check_claim_test(tables, row.test, check_ids, getattr(row, "printed", ""))
        except ExpressionError as error:
            problems.append(Problem("claims.csv", line, "test", row.test, str(error)))
    return problems


def _kinds(frame: pd.DataFrame, term, selected: pd.Series) -> set[str]:
    """The kinds of quantity a term adds: money, counts, or for a measured table the kinds of
    its selected rows' units (households and people, or 亩 and 公顷 alike as land area)."""
    kind = quantity(term.table, term.measure)
    if kind != "measured":
        return {kind}
    # each row's kind as the loader derived it from its unit (kind_en); an unknown unit by name
    rows = frame.loc[selected & frame["unit"].notna(), ["kind_en", "unit"]]
    return {named or str(unit) for named, unit in rows.itertuples(index=False)}


#: The checks of a scorecard (:mod:`fundanalysis.audit.scorecard`), named after its indicator:
#: the parts' scores and maximums add up, a score within its maximum, the grade in its band.
#: One name pattern per check, which :mod:`fundanalysis.audit.scorecard` names its checks by.
SCORECARD_CHECKS = {
    "score": "score_score_{}",
    "max_score": "score_max_score_{}",
    "cap": "score_cap_{}",
    "grade": "score_grade_{}",
}


def scorecard_checks(tables: dict[str, pd.DataFrame], lines: dict[str, list]) -> dict[str, int]:
    """Every check a scorecard may give, by name, with the line of scores.csv it is about:
    a finding registers a failing one as it registers a failing total."""
    named = {}
    for line, indicator in zip(lines["scores"], tables["scores"]["indicator_id"], strict=True):
        if isinstance(indicator, str):
            named |= {pattern.format(indicator): line for pattern in SCORECARD_CHECKS.values()}
    return named


def score_tree_problems(tables: dict[str, pd.DataFrame], lines: dict[str, list]) -> list[Problem]:
    """Each indicator's parent is another indicator of the scorecard, and no chain of parents
    comes back to where it started: the scorecard is a tree under its overall score."""
    scores = tables["scores"]
    parent_of = {
        i: p
        for i, p in zip(scores["indicator_id"], scores["parent_id"], strict=True)
        if isinstance(p, str) and p
    }
    problems = []
    for line, indicator in zip(lines["scores"], scores["indicator_id"], strict=True):
        parent = parent_of.get(indicator)
        if parent is None:
            continue
        if parent not in set(scores["indicator_id"]):
            problems.append(
                Problem(
                    "scores.csv",
                    line,
                    "parent_id",
                    parent,
                    "不是本表的指标 / names no indicator of scores.csv",
                )
            )
            continue
        seen, step = {indicator}, parent
        while step is not None and step not in seen:
            seen.add(step)
            step = parent_of.get(step)
        if step == indicator:
            problems.append(
                Problem(
                    "scores.csv",
                    line,
                    "parent_id",
                    parent,
                    "上级指标循环回到本指标 / its chain of parents comes back to this indicator",
                )
            )
    return problems
