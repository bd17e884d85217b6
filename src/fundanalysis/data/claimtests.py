"""How a claim of the report is tested (``claims.csv``, column ``test``), checked against the
tables before any verdict is given: check:ID, increasing:TABLE, all:TABLE[filter],
count:TABLE.COLUMN[filter] or unverifiable. A test that cannot fail is refused: the page
would call the claim true on no evidence.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd

from fundanalysis.data.expressions import ExpressionError, parse_sum
from fundanalysis.data.numerals import CHINESE_NUMERAL_CHARS, parse_chinese, parse_digits
from fundanalysis.data.terms import check_filter, measure_column

# The number a count claim prints, its last: digits of either width, or a Chinese numeral right
# before a measure word or a kind of place (两个县, 八县市, 九个); and the character before it.
_CLAIMED = re.compile(
    rf"(?:(\S)\s*)?([0-9０-９]+|[{CHINESE_NUMERAL_CHARS}]+(?=\s*[个家所项县乡镇村区市户人名处类]))"
    r"\s*[^\s0-9０-９]*$"
)


def claimed_count(printed: str) -> tuple[int, str] | None:
    """The count a claim prints (its last number) and the character just before it (the kind
    of place in 非贫困县 9 个), or None where it prints none: "两个县" → (2, "")."""
    found = _CLAIMED.search(printed)
    if found is None:
        return None
    number = found.group(2)
    try:
        if number[0] in CHINESE_NUMERAL_CHARS:
            value = Decimal(parse_chinese(number))
        else:
            value = parse_digits(number)[0]
    except ValueError:
        return None
    return int(value), found.group(1) or ""


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
