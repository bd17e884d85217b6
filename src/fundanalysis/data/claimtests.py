"""How a claim of the report is tested (``claims.csv``, column ``test``), checked against the
tables before any verdict is given: check:ID, increasing:TABLE, all:TABLE[filter],
count:TABLE.COLUMN[filter] or unverifiable. A test that cannot fail is refused: the page
would call the claim true on no evidence.
"""

from __future__ import annotations

import re

import pandas as pd

from fundanalysis.data.expressions import ExpressionError, parse_sum
from fundanalysis.data.numerals import CHINESE_NUMERAL_CHARS, parse_chinese, parse_digits
from fundanalysis.data.terms import check_filter, measure_column

_NUMBER = rf"[0-9０-９]+|[{CHINESE_NUMERAL_CHARS}]+"
_PLACES = "县市区州盟旗乡镇村"
#: How a count claim prints its number, most telling first: before a kind of place (2个县,
#: 两个县, 八县市), after one (非贫困县 9 个), or before a measure word (9个, 12项).
_COUNTED = (
    re.compile(rf"({_NUMBER})\s*[个家所]?\s*([{_PLACES}])"),
    re.compile(rf"([{_PLACES}])\s*({_NUMBER})\s*个"),
    re.compile(rf"({_NUMBER})\s*[个家所项类户人名处座间]"),
)


def _read_count(number: str) -> int | None:
    try:
        if number[0] in CHINESE_NUMERAL_CHARS:
            return parse_chinese(number)
        value = parse_digits(number)[0]
    except ValueError:
        return None
    return int(value) if value == int(value) else None


def claimed_count(printed: str) -> tuple[int, str] | None:
    """The count a claim prints and the kind of place it counts ("" for things): "分配到两个
    县" → (2, "县"); "有扶贫任务的非贫困县 9 个" → (9, "县"); "实施项目12个" → (12, ""). A year
    or another figure of the clause (两个县于2020年, 惠及2.5万人) is not the count; None where
    no number is printed as a count."""
    for kind, pattern in enumerate(_COUNTED):
        for found in pattern.finditer(printed):
            number, place = (
                (found.group(1), found.group(2))
                if kind == 0
                else ((found.group(2), found.group(1)) if kind == 1 else (found.group(1), ""))
            )
            count = _read_count(number)
            if count is not None:
                return count, place
    return None


def check_claim_test(
    tables: dict[str, pd.DataFrame], test: str, check_ids: set, printed: object = ""
) -> None:
    """Raise :class:`ExpressionError` where ``test`` names what the tables lack, or is a
    test that could not fail (a rise over one year, "all" rows with no condition), or counts
    what the claim's ``printed`` text gives no number of."""
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
        measure_column(tables, table, column or "amount")
        if "year" not in tables[table].columns:
            raise ExpressionError(f"{table}.csv 没有 year 列 / has no year to order by")
        if column == "year" or tables[table]["year"].nunique() < 2:
            raise ExpressionError(  # a test that cannot fail: say unverifiable instead
                "须按年比较一个数值，且至少有两年 / it needs a figure compared over two years or "
                "more (else write unverifiable)"
            )
        return
    if kind in ("all", "count"):
        terms = parse_sum(argument)
        if len(terms) != 1 or terms[0].sign != 1:
            raise ExpressionError(f"{kind}: 只能有一项 / takes one table[filter]")
        (term,) = terms
        if kind == "all" and term.measure != "amount":
            raise ExpressionError("all: 不带列名 / takes TABLE[filter], without a column")
        if kind == "all" and not term.filter.strip():  # every row matches nothing asked
            raise ExpressionError("all: 须有筛选条件 / takes a filter that rows can fail")
        if term.table not in tables:
            raise ExpressionError(f"未知的表 / unknown table {term.table!r}")
        if kind == "count" and term.measure not in tables[term.table].columns:
            raise ExpressionError(f"{term.table}.csv 中没有列 / no column {term.measure!r}")
        if kind == "count" and isinstance(printed, str) and claimed_count(printed) is None:
            raise ExpressionError(
                f"count: 所引原文「{printed}」中读不出数目 / the claim's printed text gives no "
                "number to count against"
            )
        check_filter(tables, term.table, term.filter)
        return
    raise ExpressionError(
        "检验方式应为 check:ID、increasing:TABLE、all:TABLE[filter]、count:TABLE.COLUMN[filter] "
        "或 unverifiable / test must be check:ID, increasing:TABLE, all:TABLE[filter], "
        "count:TABLE.COLUMN[filter] or unverifiable"
    )
