"""A spending item's category from the project row that prints the same money by the same name.

Reports list the year's projects by category with their money (教育扶持项目1个，雨露计划投资
7.2万元) and then what was spent by item (雨露计划7.2万元): the item is that project's money,
and its category the one the report gives it there. Only a single project row of the same
amount whose money is printed under the item's name gives it; otherwise the label stays as
printed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fundanalysis.text.draft.placing import Row

_AMOUNT_AT_END = re.compile(r"[\d.,，]+\s*(?:亿元|万元|元)$")


def _money_name(project: Row) -> str:
    """The words a project row's money is printed under (雨露计划投资7.2万元 → 雨露计划投资)."""
    return _AMOUNT_AT_END.sub("", project.cells.get("amount_printed", "")).strip()


def categories_from_projects(rows: list[Row]) -> None:
    """Give each spending row the category of the one project row that prints its money."""
    projects = [
        r
        for r in rows
        if r.table == "projects" and r.cells.get("category") and r.cells.get("amount")
    ]
    for row in rows:
        label = row.cells.get("category", "")
        if row.table != "spending" or not label:
            continue
        amount = Decimal(row.cells["amount"])
        fits = [
            p
            for p in projects
            if Decimal(p.cells["amount"]) == amount
            and p.cells["unit"] == row.cells["unit"]
            and _money_name(p).startswith(label)
        ]
        if len(fits) != 1 or fits[0].cells["category"] == label:
            continue
        category = fits[0].cells["category"]
        row.cells["category"] = category
        row.notes = [
            f"类别“{category}”取自以“{label}”印出同一笔资金的项目行（第 {fits[0].line} 行）/ "
            "category of the project row that prints the same money under this name: check"
        ]
