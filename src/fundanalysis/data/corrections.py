"""Corrections: a data directory's declared fixes of printed text, applied before parsing.

The printed text stays as it was (the loaders keep it beside the corrected value); each
correction names its table, row, column, the text it replaces and the text it puts there.
"""

from __future__ import annotations

import pandas as pd

from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.errors import Problem
from fundanalysis.data.expressions import (
    ExpressionError,
    matching_rows,
    parse_filter,
)
from fundanalysis.data.parsing import PARSERS, CellError
from fundanalysis.data.specs import SPECS


def apply_corrections(
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
