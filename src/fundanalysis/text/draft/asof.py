"""The date money stood at (截至2020年12月31日，累计支出…), read from the words before it.

截至/截止 and the date after it are the as-of date of the figures that follow in the same
sentence, never part of their label. A full date is that date, a year's end (2020年底) its
31 December, a day or a month's end without a year (截至12月底) that day of the report's year
(as counts are read). A year's end without a year (截至年底) is not read: it is left for a
person, with its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fundanalysis.text.draft import words as w

_DATE = (
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{4}\s*年\s*(?:底|末)"
    r"|\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末)"
    r"|(?:本|今|当)?年\s*(?:底|末|度末)"
)
_STOOD = re.compile(rf"(?:截至|截止到|截止|截至到)\s*(?:{_DATE})(?:止|为止)?")
_ENDS = "。！？!?\n；;"


@dataclass(frozen=True)
class AsOf:
    """The as-of date (ISO, empty where not read), its printed words and why it is unsure."""

    day: str
    printed: str
    unsure: str = ""


def as_of_before(text: str, start: int, year: int | None) -> AsOf | None:
    """The last 截至… printed before ``start`` in its sentence, or None."""
    low = start
    while low > 0 and text[low - 1] not in _ENDS:
        low -= 1
    found = list(_STOOD.finditer(text, low, start))
    if not found:
        return None
    printed = found[-1].group()
    full = w.full_date(printed)
    if full is not None:
        return AsOf(full.isoformat(), printed)
    end = re.search(r"(\d{4})\s*年\s*(?:底|末)", printed)
    if end:
        return AsOf(f"{end[1]}-12-31", printed)
    if re.search(r"\d\s*月", printed):
        day = w.day_in_year(printed, year)
        if day is not None:
            return AsOf(
                day.isoformat(),
                printed,
                "as_of 未印年份，按报告年度推定 / year taken as the report's",
            )
    return AsOf(
        "",
        "",
        f"“{printed}”：未印年份，截至日期未填 / as of a date printed without its year: left empty",
    )


def without_as_of(label: str) -> str:
    """A label less the 截至… words it opens with (截至年底资金支出 → 资金支出)."""
    return _STOOD.sub("", label, count=1).lstrip("，, ") if _STOOD.match(label) else label
