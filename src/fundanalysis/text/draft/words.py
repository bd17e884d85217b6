"""What the drafter reads in the words around a figure: places, levels, dates, labels.

These are words of the kind of report (levels of government, the suffixes of place names,
the words for a quality deposit or a tail payment), not of one report.
"""

from __future__ import annotations

import re
from datetime import date

from fundanalysis.text.scan.figures import LABEL_NOISE, Figure
from fundanalysis.text.scan.sections import NUMBERING

# Levels of government as reports print them, longest first so 自治区 wins over 区.
LEVELS = (
    "地方政府债券",
    "自治区",
    "自治州",
    "中央",
    "省级",
    "市级",
    "县级",
    "区级",
    "州本级",
    "县市",
)
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:市|县|区|旗)")
CLAUSE_BREAKS = re.compile(r"[，,；;：:。！？!?（(）)、]|其中|包括")
_STRONG = re.compile(r"[；;：:。！？!?（(]|其中|包括")
_FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH_PART = re.compile(r"(\d{1,2})\s*月\s*(上旬|中旬|下旬|底|末)")
_PART_DAY = {"上旬": 10, "中旬": 20, "下旬": 28, "底": 0, "末": 0}
#: The words for a kind of carry-over and the kind each names (a payment that failed is carried
#: over until it is made again: 因账号错误未支付成功的结转资金).
KINDS = (
    ("质量保证金", "质量保证金"),
    ("质保金", "质量保证金"),
    ("尾款", "尾款"),
    ("结余", "结余"),
    ("未支付成功", "支付失败"),
    ("支付失败", "支付失败"),
)


def place_of(label: str) -> str | None:
    """The place a label starts with (库尔勒市, 轮台县), if the whole label is that place or
    the place is followed by what it holds."""
    match = _PLACE.match(label)
    return match.group() if match else None


#: the verb (and preposition) a place's money may be printed after (分配到甲县1200万元), and
#: with a preposition, the few words before it (将资金分配到甲县)
_VERBS = "(?:分配|下达|拨付|下拨|划拨|安排|切块)"
_LEAD_VERB = re.compile(rf"^(?:[^，,；;。：:]{{0,8}}?{_VERBS}(?:到|给|至)|{_VERBS})")


def without_lead_verb(label: str) -> str:
    """A label less the verb of passing money on it opens with (分配到甲县, 将资金分配到甲县 →
    甲县), where what is left is a place; else the label as it is (分宜县 stays 分宜县)."""
    rest = _LEAD_VERB.sub("", label, count=1)
    return rest if rest != label and place_of(rest) == rest else label


def levels_in(label: str) -> str | None:
    """The levels a label starts with, joined as printed ("中央、自治区"), or None."""
    found = []
    rest = label
    while True:
        for level in LEVELS:
            if rest.startswith(level):
                found.append(level)
                rest = rest[len(level) :]
                break
        else:
            break
        if rest[:1] in "、和及":
            rest = rest[1:]
        else:
            break
    return "、".join(found) if found else None


def clean(label: str) -> str:
    return " ".join(LABEL_NOISE.sub("", label.strip()).split())


def _ends_a_line(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` ends what precedes it: after a heading or closing
    punctuation, not inside a sentence that a page break or a wrapped line cut (少数民族\\n发展资金)."""
    end = newline  # the text before it, blank space stripped, without copying all of it
    while end > 0 and text[end - 1].isspace():
        end -= 1
    line = text[text.rfind("\n", 0, end) + 1 : end].strip()
    if not line or line[-1] in "。；;：:！？!?，,、":
        return True
    return line.startswith("#") or any(p.match(line.lstrip("*")) for p, _ in NUMBERING)


def segment_start(text: str, start: int, breaks: re.Pattern[str] = _STRONG, reach: int = 60) -> int:
    """Where the words before ``start`` begin: after the last break, without 其中, 为 …"""
    base = max(0, start - reach)
    window = text[base:start]
    cut = 0
    for match in breaks.finditer(window):
        cut = match.end()
    for match in re.finditer("\n", window):
        if match.start() >= cut and _ends_a_line(text, base + match.start()):
            cut = match.end()
    while cut < len(window):
        noise = LABEL_NOISE.match(window, cut)
        if noise is None or noise.end() == cut:
            break
        cut = noise.end()
    while cut < len(window) and window[cut].isspace():
        cut += 1
    return base + cut


def segment_before(text: str, start: int, breaks: re.Pattern[str] = _STRONG) -> str:
    """The words before ``start`` back to the last strong break (；：（ 其中 …)."""
    return clean("".join(text[segment_start(text, start, breaks) : start].splitlines()))


#: the breaks of a list of batches: a bracket inside a batch's name does not end it
LIST_BREAKS = re.compile(r"[；;：:。！？!?]|其中|包括")


def clause_before(text: str, start: int, reach: int = 60) -> str:
    """The words before ``start`` back to the last break of any kind (，、 included)."""
    window = text[max(0, start - reach) : start]
    cut = 0
    for match in CLAUSE_BREAKS.finditer(window):
        cut = match.end()
    return clean(window[cut:])


def full_date(printed: str) -> date | None:
    match = _FULL_DATE.search(printed)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def day_in_year(printed: str, year: int | None) -> date | None:
    """A date printed without its year (9月30日, 10 月中旬), in ``year``; None without one."""
    if year is None:
        return None
    match = _DAY.search(printed)
    try:
        if match:
            return date(year, int(match[1]), int(match[2]))
        match = _MONTH_PART.search(printed)
        if match:
            month, part = int(match[1]), _PART_DAY[match[2]]
            if part == 0:
                following = date(year + (month == 12), month % 12 + 1, 1)
                return date.fromordinal(following.toordinal() - 1)
            return date(year, month, part)
    except ValueError:
        return None
    return None


def full_dates(text: str) -> list[tuple[int, int, date]]:
    """Every full date (2019 年 12 月 6 日) of ``text``: start, end and the date."""
    found = []
    for match in _FULL_DATE.finditer(text):
        when = full_date(match.group())
        if when is not None:
            found.append((match.start(), match.end(), when))
    return found


def kind_in(words: str) -> str | None:
    for word, kind in KINDS:
        if word in words:
            return kind
    return None


_WHOLLY = re.compile(r"^[\s，,（(]*(?:全部|均)(?:为|是|系)([^，,；;。！？（()）\s]+)")


def wholly_of(after: str) -> str | None:
    """What all of an amount is, as the words right after it say (（均为扶贫发展）)."""
    match = _WHOLLY.match(after.split("\n\n")[0].replace("\n", ""))
    return match[1] if match else None


def kinds_in(words: str) -> list[str]:
    """Every kind of carry-over ``words`` name, in the order printed (尾款和…未支付成功的…)."""
    found: dict[str, int] = {}
    for word, kind in KINDS:
        at = words.find(word)
        if at >= 0:
            found[kind] = min(found.get(kind, at), at)
    return sorted(found, key=found.__getitem__)


_NAME_BREAKS = "，,；;：:。！？!?\n、"


def name_before(text: str, start: int, reach: int = 80, breaks: str = _NAME_BREAKS) -> str:
    """The name printed right before ``start``, a bracket inside it kept (人畜分离（二期）项目).

    It ends, going back, at a break outside brackets or at an opening bracket that no
    closing one inside the name matches.
    """
    depth = 0
    position = start
    limit = max(0, start - reach)
    while position > limit:
        char = text[position - 1]
        if char in "）)":
            depth += 1
        elif char in "（(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (char in breaks or (char == "、" and text[position - 2] == "元")):
            break  # 、 after an amount (…万元、水利局…) ends a list item
        position -= 1
    return clean("".join(text[position:start].split("\n")))


def verbatim(text: str, start: int, end: int) -> str:
    """``text[start:end]`` as a fragment is cited: its lines joined, no space at either end."""
    return "".join(text[start:end].splitlines()).strip()


def clause_text(text: str, start: int, end: int) -> str:
    """The figure at ``start:end`` with the words before it in its clause, as printed."""
    return verbatim(text, segment_start(text, start, CLAUSE_BREAKS), end)


def _printed(text: str, start: int, figure: Figure) -> str:
    return "".join(text[start : figure.end].splitlines()).strip()


def printed_from(text: str, figure: Figure, breaks=None) -> str:
    """The figure with the words before it back to its clause's start, as printed."""
    start = (
        segment_start(text, figure.start, breaks)
        if breaks
        else segment_start(text, figure.start, CLAUSE_BREAKS)
    )
    return _printed(text, start, figure)
