"""Every rate the scan reads (资金报账率为96.35%) as an ``indicators.csv`` row.

The scan pairs a printed percentage with the figures it divides; each becomes an expression
over the drafted tables: the total drafted for it (``spending[]``), or the one row that holds
it. A rate whose figures are in no table is listed for review.
"""

from __future__ import annotations

import re

from fundanalysis.text.draft import words as w
from fundanalysis.text.draft.placing import Placed, line_of
from fundanalysis.text.draft.totals import Total, find_filter
from fundanalysis.text.scan import Figure, ScanResult

#: a rate of projects done (完工率, 完成率, 竣工率): counts over counts, never money
_COUNTED = re.compile(r"完工率|完成率|竣工率|完工比例|完成比例")
#: … unless its words name money (资金支出完成率: money over money)
_MONEY_WORDS = re.compile(r"资金|支出|预算|投资|拨付|报账|金额")


def _expression(figure: Figure, totals: list[Total], placed: Placed) -> str | None:
    for total in totals:
        if total.figure.id == figure.id and total.cells["table"] != "totals":
            column = total.cells["measure"]
            name = (
                total.cells["table"] if column == "amount" else f"{total.cells['table']}.{column}"
            )
            return f"{name}[{total.cells['filter']}]"
    for row in placed.rows:
        column = row.measures.get(figure.id)
        if column is None:
            continue
        rows = [r for r in placed.rows if r.table == row.table]
        conditions = find_filter(rows, [row])
        if conditions is None:
            return None
        name = row.table if column == "amount" else f"{row.table}.{column}"
        return f"{name}[{conditions}]"
    return None


def draft_rates(
    scan: ScanResult, totals: list[Total], placed: Placed, section_of
) -> tuple[list[dict[str, str]], list[tuple[int, str]]]:
    """The indicators rows, and the rates that could not be declared (with their lines)."""
    rows, review = [], []
    for relation in scan.relations:
        if relation.kind != "rate" or relation.total.unit.stored != "%":
            continue
        rate = relation.total
        named = w.clean(w.clause_text(scan.text, rate.start, rate.end))
        if (
            _COUNTED.search(named)
            and not _MONEY_WORDS.search(named)
            and any(p.unit.is_money for p in relation.parts)
        ):
            review.append(
                (
                    line_of(scan.text, rate.start),
                    f"{rate.printed.strip()}: 完工率/完成率是项目数之比，扫描配对的是金额，未声明；"
                    "如需，请以项目数声明（projects.project_count[…]）/ a completion rate is "
                    "counts over counts, the scan paired money: not declared; declare it over "
                    "project counts if wanted",
                )
            )
            continue
        sides = [_expression(part, totals, placed) for part in relation.parts]
        if len(sides) != 2 or None in sides:
            review.append(
                (
                    line_of(scan.text, rate.start),
                    f"{rate.printed.strip()}: 比率的分子或分母不在表中，未声明 / a rate whose "
                    "numerator or denominator is in no table: not declared",
                )
            )
            continue
        printed = w.clause_text(scan.text, rate.start, rate.end)
        rows.append(
            {
                "indicator_id": f"rate_{len(rows) + 1}",
                "stated": rate.value_text,
                "unit": "%",
                "numerator": sides[0],
                "denominator": sides[1],
                "section_id": section_of(rate.start),
                "printed": printed,
                "description": w.clean(printed.removesuffix(rate.printed.strip())) or printed,
                "description_en": "",
                "explanation": "",
            }
        )
    return rows, review
