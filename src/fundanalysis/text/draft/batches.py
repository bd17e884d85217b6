"""The words of one transfer batch in a sentence that may list several: its clause and date.

A sentence may pass on several batches, each with its date, the date before the money
(2021年3月10日拨付下达第一批资金8000万元，2021年6月15日拨付下达第二批…) or after it
(第一批…8000万元于2021年3月10日拨付下达，第二批…). A batch's name, level and date are read
from its own clause (bounded by ，；。 outside brackets, and starting after the money before
it), never from a neighbour's. Where one batch stands alone between two semicolons, a date
printed after it in a clause of its own (…万元，全部为扶贫发展资金，2019年12月6日拨付下达各县市)
is still its date, as is a clause of a date alone right before it (2021年3月10日，拨付下达…).
A date something stood at (截至…) or a document's (…印发的《…》) is never a batch's; any other
date is not tied to the batch: it is left for a person to fill in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from fundanalysis.text.draft import words as w
from fundanalysis.text.scan import Figure

_CLAUSE_END = "，,；;。！？!?"
_SEGMENT_END = "；;。！？!?"
#: a date that is when something stood, not when money was passed on (截至2021年12月31日)
_AS_OF_BEFORE = re.compile(r"(截至|截止|截止到|至|到)\s*$")
#: a date that is a document's or a meeting's (2021年1月5日印发的《…》), not the batch's
_OTHER_AFTER = re.compile(r"^\s*(?:印发|下发|发布|出台|召开|制定|的?《|的?文件|的?通知)")
#: a clause that prints nothing but a date (2021年3月10日，拨付下达…)
_DATE_ONLY = re.compile(r"^(?:于|在)?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
#: the date and verb a batch's clause may open with, not part of the batch's name
_LEAD = re.compile(
    r"^(?:(?:于|在)?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,]?\s*)?"
    r"(?:拨付下达|下达|拨付)?(?:了)?\s*"
)


@dataclass
class BatchWords:
    """Where a batch's own words begin, what follows its money, and its date if tied to it."""

    start: int
    after_end: int
    date: tuple[int, int, date] | None  # start, end (offsets in the text) and the date
    dated: bool  # whether its segment prints any date at all


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at clause breaks outside brackets."""
    found, depth, left = [], 0, start
    for index in range(start, end):
        char = text[index]
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and char in _CLAUSE_END:
            found.append((left, index))
            left = index + 1
    found.append((left, end))
    return found


def _depth_zero(text: str, start: int, offsets: list[int]) -> set[int]:
    """The offsets (at or after ``start``) that stand outside brackets."""
    outside, depth, wanted = set(), 0, sorted(offsets)
    position = start
    for offset in wanted:
        for char in text[position:offset]:
            if char in "（(":
                depth += 1
            elif char in "）)":
                depth = max(0, depth - 1)
        position = offset
        if depth == 0:
            outside.add(offset)
    return outside


def batch_words(
    text: str, figures: list[Figure], batch: Figure, sentence: tuple[int, int]
) -> BatchWords:
    """The words and date of the batch whose money is ``batch``, in its ``sentence``."""
    low, high = sentence
    start = max((i + 1 for i in range(low, batch.start) if text[i] in _SEGMENT_END), default=low)
    end = next((i for i in range(batch.end, high) if text[i] in _SEGMENT_END), high)
    inside = [f for f in figures if f.unit.is_money and start <= f.start < end]
    outside = _depth_zero(text, start, [f.start for f in inside])
    money = [f for f in inside if f.start in outside]
    dates = [
        (start + a, start + b, when)
        for a, b, when in w.full_dates(text[start:end])
        if not _AS_OF_BEFORE.search(text[max(start, start + a - 4) : start + a])
        and not _OTHER_AFTER.match(text[start + b : start + b + 6])
    ]
    clauses = _clauses(text, start, end)

    def index_of(offset: int) -> int:
        return next(i for i, (a, b) in enumerate(clauses) if a <= offset <= b)

    own = index_of(batch.start)
    previous = [f.end for f in money if f.end <= batch.start and index_of(f.start) == own]
    words_start = max([clauses[own][0], *previous])
    while words_start < batch.start and text[words_start] in "、 \t\n":
        words_start += 1  # 第四批中央资金100万元、省级资金50万元: the second's words
    following = [f.start for f in money if f.start >= batch.end]
    after_end = min([end, *following])
    with_money = {index_of(f.start) for f in money}
    mine = [d for d in dates if index_of(d[0]) == own]
    tied = None
    if len(mine) == 1:
        tied = mine[0]
    elif not mine and with_money == {own} and len(dates) == 1 and dates[0][0] >= batch.end:
        tied = dates[0]  # the one batch of its segment, its date in a clause of its own after it
    elif not mine and own > 0 and (own - 1) not in with_money:
        a, b = clauses[own - 1]
        lead = [d for d in dates if index_of(d[0]) == own - 1]
        if len(lead) == 1 and _DATE_ONLY.match("".join(text[a:b].split())):
            tied = lead[0]  # 2021年3月10日，拨付下达第一批资金…
    return BatchWords(words_start, after_end, tied, bool(dates))


def batch_name(text: str, words_start: int, batch: Figure) -> str:
    """A batch's name: its own words before its money, less the date and verb they open with."""
    start = max(words_start, w.segment_start(text, batch.start, w.LIST_BREAKS))
    name = w.clean("".join(text[start : batch.start].splitlines()))
    return w.clean(_LEAD.sub("", name, count=1))


def batch_printed(text: str, words_start: int, batch: Figure, figure: Figure) -> str:
    """The figure with its batch's own words before it, as printed."""
    start = max(words_start, w.segment_start(text, batch.start, w.LIST_BREAKS))
    return w.verbatim(text, start, figure.end)


#: a name that is a level of government and 资金 only (中央资金, 省级财政资金): a level, not a
#: fund type (地方政府债券资金 is a fund's name as well as a level, and stays one)
_LEVEL_ONLY = re.compile(
    r"^(?:中央|省级?|市级?|县级?|区级|自治区|自治州|州本级|州级)(?:财政)?资金$"
)
#: a date printed to the month only (2020年3月拨付下达), not the day
_MONTH_ONLY = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?!\s*\d{1,2}\s*日|\s*\d)")
_PASSED_ON = re.compile(r"拨付下达|下达各|拨付至|拨付到")


def level_only(name: str) -> bool:
    """Whether a fund type read from a batch's name is only a level's money (中央资金)."""
    return bool(_LEVEL_ONLY.match(name))


def month_only(
    text: str, figures: list[Figure], batch: Figure, sentence: tuple[int, int], after_end: int
) -> str | None:
    """The month-only date (2020年3月) the words after a batch's money print with a verb of
    passing on (…1000万元，2020年3月拨付下达各乡镇), or None. Only for the one amount of its
    segment (between semicolons): a month after a list of amounts is not tied to one."""
    low, high = sentence
    start = max((i + 1 for i in range(low, batch.start) if text[i] in _SEGMENT_END), default=low)
    end = next((i for i in range(batch.end, high) if text[i] in _SEGMENT_END), high)
    inside = [f for f in figures if f.unit.is_money and start <= f.start < end]
    if len(_depth_zero(text, start, [f.start for f in inside])) != 1:
        return None
    after = text[batch.end : after_end]
    month = _MONTH_ONLY.search(after)
    if month and _PASSED_ON.search(after[month.end() : month.end() + 8]):
        return month.group()
    return None


def passed_on(text: str, batch: Figure, after_end: int) -> bool:
    """Whether the words right after a batch's money, in its own segment, say it was passed on
    (…3000万元，收到后10日内拨付下达各乡镇), its date printed or not."""
    return bool(_PASSED_ON.search(text[batch.end : after_end]))


def included_in(text: str, relations, figure: Figure) -> Figure | None:
    """The amount before ``figure`` that it is part of, where its words say so: printed in a
    bracket or after 其中 right after that amount (2000万元（含少数民族发展资金500万元）)."""
    for relation in relations:
        if relation.kind != "part" or figure not in relation.parts:
            continue
        whole = relation.total
        if not whole.unit.is_money or whole.end > figure.start:
            continue
        between = "".join(text[whole.end : figure.start].split())
        if re.match(r"^[（(，,]?(?:其中|含|内含|包含|包括)[：:]?", between):
            return whole
    return None
