"""Every figure a text prints: value and unit as printed, where it stands, and what it is not.

A figure is a number followed by a unit (万元, 个, %, 亩 …). Numbers that are not figures are
told apart and kept, with what they are: years (2020 年, 〔2020〕), dates (9 月 30 日),
document numbers (11号), ordinals (第一批, 第10页), numbers in titles (《…》) and slogans
(“六个精准”), and numbers with no unit.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from fundanalysis.data.numerals import (
    CHINESE_NUMERAL_CHARS,
    GROUP_SEPARATORS,
    decimal_string,
    parse_chinese,
    parse_digits,
)
from fundanalysis.text.scan.sections import Sections
from fundanalysis.text.scan.units import NOT_A_UNIT_AFTER, UNIT_NAMES, UNITS, Unit

_D = "0-9０-９"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
# Digits with thousands separators, a decimal part, and the line break or spaces that OCR and
# page breaks leave inside a number ("1079\n41").
_UNIT = "|".join(re.escape(name) for name in UNIT_NAMES)
# Digits grouped by threes with a space (ASCII, no-break, thin) or a full-width comma, the same
# one throughout, and a unit after them ("4 800万元", "12，345.6万元"): see _grouping_certain.
_GROUPED = (
    rf"(?<![{_D}.．])[{_D}]{{1,3}}(?P<sep>[{GROUP_SEPARATORS}])[{_D}]{{3}}"
    rf"(?:(?P=sep)[{_D}]{{3}})*(?![{_D}])(?:[.．][{_D}]+)?(?=[ \t\u3000]*(?:{_UNIT}))"
)
_DIGITS = (
    rf"[{_D}]{{1,3}}(?:,[{_D}]{{3}})+(?:[.．][{_D}]+)?|{_GROUPED}"
    rf"|[{_D}]+(?:[ \t]*\n\s*[{_D}]+)?(?:[.．][{_D}]+)?"
)
#: More digits than any figure of a report (the largest, 亿元 to the 分, has about 15): a longer
#: run of digits is not read as a figure, and the scan's decimal arithmetic stays exact.
MAX_DIGITS = 20

_FIGURE = re.compile(
    rf"(?P<number>{_DIGITS}|[{CHINESE_NUMERAL_CHARS}]+)(?P<approx>余|多)?"
    rf"(?P<space>[ \t\u3000]*\n?[ \t\u3000]*)(?P<unit>{_UNIT})?"
)
# Figures that are not additive amounts: about (约), at least (超过), or per item (各, 每户,
# 人均): such a figure never makes a relation certain.
_APPROX_BEFORE = re.compile(
    r"(约|近|超过|逾|大约|将近|不足|不到|超|各|每[户人个亩]?|[人户年]均|平均)\s*$"
)
_APPROX_AFTER = re.compile(r"^\s*(余|多|以上|以下|左右|上下)")
_YEAR_AFTER = re.compile(r"^\s*年")
_DATE_AFTER = re.compile(r"^\s*(月|日|号)")
_ORDINAL_BEFORE = re.compile(r"第\s*$")
_RANGE_BEFORE = re.compile(rf"[{_D}]\s*[-－~～至到]\s*$")
_RANGE_AFTER = re.compile(rf"\s*[-－~～至到]\s*[{_D}]")  # matched at a position
# 万 alone is 万元 when money follows it or its clause ends ("4000万资金", "19204.096万。").
_BARE_WAN = re.compile(r"[。，,；;、）)]")
_MONEY_WORDS = re.compile(
    r"资金|投资|投入|经费|预算|拨付|支出|安排|下达|金额|补助|央省|省级|市级|县级"
)
_LEAD_YI = re.compile(rf"([{_D}]+(?:[.．][{_D}]+)?)亿$")
_WORD_BEFORE = re.compile(r"[每这那哪某任唯统同之单逐万亿一]$")
# 1e5, 2.5E+3: a number in exponent notation, whose last digits are no figure of their own.
_EXPONENT_BEFORE = re.compile(rf"[{_D}.．][eE][+-]?$")
_MANTISSA = re.compile(rf"[{_D}]+(?:[.．][{_D}]+)?[eE][+-]?$")
# Digits and a separator right before a figure: the figure may be the last group of a number.
_DIGITS_BEFORE = re.compile(rf"[{_D}.．][ \t\u3000,{GROUP_SEPARATORS}]+$")
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: What a number is that the scan refuses as a figure although a unit follows it: digits whose
#: grouping is not certain, an overlong run, a number in exponent notation. ``draft`` lists each
#: in REVIEW.md rather than reading a wrong figure from it.
UNREAD = {
    "grouping": "数字分组不明，未读作数据 / digit grouping uncertain, not read as a figure",
    "overlong": "数字位数过多，未读作数据 / too many digits, not read as a figure",
    "exponent": "科学计数法，未读作数据 / exponent notation, not read as a figure",
}


@dataclass(frozen=True)
class Figure:
    """A printed figure. ``value`` is in the printed unit; offsets index the scanned text."""

    id: str
    value: Decimal
    unit: Unit
    decimals: int
    start: int
    end: int
    printed: str
    section: str
    clause: str
    label: str
    approximate: bool = False

    @property
    def value_text(self) -> str:
        return decimal_string(self.value)


@dataclass(frozen=True)
class Number:
    """A number that is not a figure, and what it is (year, date, document, ordinal, …)."""

    kind: str
    printed: str
    start: int
    end: int


class _Enclosed:
    """Where a text has brackets of one kind closed within ``reach`` characters: 〔2020〕, 《…》.

    Found once per text (a regex over the whole text), then asked per number by bisection.
    """

    def __init__(self, text: str, opening: str, closing: str, reach: int) -> None:
        both = re.escape(opening + closing)
        pattern = f"[{re.escape(opening)}][^{both}]{{0,{reach}}}[{re.escape(closing)}]"
        spans = [m.span() for m in re.finditer(pattern, text)]
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]

    def __contains__(self, position: int) -> bool:
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index] - 1


_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n（(）)、]")
#: Words around a figure's label that are not the label (其中, 共计 …): the drafter strips them too.
LABEL_NOISE = re.compile(r"^(其中|包括|含|共计|合计|总计|共|为|是)+[：:，,\s]*|[：:，,\s]+$")


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause around a figure and the label before it in that clause."""
    left = start
    while left > 0 and not _CLAUSE_BREAK.match(text[left - 1]):
        left -= 1
    right = end
    while right < len(text) and not _CLAUSE_BREAK.match(text[right]):
        right += 1
    label = LABEL_NOISE.sub("", text[left:start].strip()).strip()
    return " ".join(text[left:right].split()), " ".join(label.split())[-30:]


def _not_a_figure(
    text: str, match: re.Match[str], chinese: bool, enclosures: tuple[_Enclosed, ...]
) -> str | None:
    """What a number is when it is not a figure (None when it is one)."""
    start, end = match.span("number")
    before, after = text[max(0, start - 6) : start], text[end : end + 6]
    if sum(c.isdigit() for c in match["number"]) > MAX_DIGITS:
        return "overlong"  # no report prints such a figure; exact sums of it would need more
    if not chinese and _EXPONENT_BEFORE.search(before):
        return "exponent"
    if _ORDINAL_BEFORE.search(before):
        return "ordinal"
    if not chinese and _YEAR_AFTER.match(after) and len(match["number"].strip()) == 4:
        return "year"
    if _DATE_AFTER.match(after):
        return "date"
    if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(text, end):
        return "range"
    if start in enclosures[0]:
        return "document"
    if start in enclosures[1]:
        return "title"
    if chinese and (start in enclosures[2] or _WORD_BEFORE.search(before)):
        return "phrase"
    if match["unit"] is None:
        return "list" if re.match(r"^\s*[.．、]", after) else "number"
    unit = match["unit"]
    following = text[match.end() : match.end() + 1]
    if unit == "万" and not (
        text.startswith("资金", match.end())
        or (
            _BARE_WAN.match(text, match.end()) and _MONEY_WORDS.search(_clause(text, start, end)[1])
        )
    ):
        return "number"  # 10万斤, 带动就业2万: not money
    if following and following in NOT_A_UNIT_AFTER.get(unit, ""):
        return "number"
    if chinese and following and following in CHINESE_NUMERAL_CHARS:
        return "phrase"  # 一户一策, 一村一品: a slogan, not a count
    if not chinese and not _grouping_certain(text, match):
        return "grouping"
    return None


def _grouping_certain(text: str, match: re.Match[str]) -> bool:
    """Whether a figure's digits are certainly one number, grouped as printed.

    A figure right after another number and a separator ("1234 567万元", "3、2，200万元") may be
    that number's last group: it is not read. Digits grouped by spaces ("4 800万元") are one
    number after a label ("支出资金"); after nothing, a list or a colon they may be a list
    number and a figure ("1 200万元" in a table's row). A full-width comma is also the clause
    separator ("甲县1，200万元" may be a count and a figure), so it groups only where nothing
    else can be meant: a decimal part after the groups (12，345.6), more than one group
    (1，234，567) or a group that begins with 0 (9，000), which no figure does.
    """
    start = match.start("number")
    separator = match["sep"]
    if separator is None:
        return _DIGITS_BEFORE.search(text, max(0, start - 8), start) is None
    label = text[:start].rstrip(" \t\u3000\u00a0\u2009\u202f")[-1:]
    if not _IDEOGRAPH.match(label) or label in "第号":
        return False
    if separator != "，":
        return True
    number = match["number"].translate(_FULL_WIDTH_DIGITS)
    groups = number.partition(".")[0].partition("．")[0].split("，")[1:]
    return "." in number or len(groups) > 1 or any(g.startswith("0") for g in groups)


def extract(text: str, sections: Sections) -> tuple[list[Figure], list[Number]]:
    """Every figure of the text, in order, and every number that is not a figure."""
    figures: list[Figure] = []
    numbers: list[Number] = []
    enclosures = (
        _Enclosed(text, "〔[［【", "〕]］】", 80),
        _Enclosed(text, "《", "》", 80),
        _Enclosed(text, '“"「', '”"」', 12),
    )
    for match in _FIGURE.finditer(text):
        printed_number = match["number"]
        chinese = printed_number[0] in CHINESE_NUMERAL_CHARS
        kind = _not_a_figure(text, match, chinese, enclosures)
        if kind is not None:
            start, end = match.span("number")
            if kind == "exponent":  # the whole 1e5, not its 5
                mantissa = _MANTISSA.search(text, max(0, start - 24), start)
                start = mantissa.start() if mantissa else start
            if not chinese or kind != "number":
                numbers.append(Number(kind, text[start:end], start, end))
            continue
        try:
            if chinese:
                value, decimals = Decimal(parse_chinese(printed_number)), 0
            else:
                value, decimals = parse_digits(printed_number)
        except ValueError:
            continue
        start, end = match.start(), match.end()
        unit = UNITS[match["unit"]]
        lead = _LEAD_YI.search(text[max(0, start - 24) : start]) if not chinese else None
        if lead is not None and unit.is_money and unit.scale == 10**4:
            value += parse_digits(lead.group(1))[0] * 10**4  # 1亿2000万元 is 12000 万元
            start -= len(lead.group())
        clause, label = _clause(text, start, end)
        approximate = bool(
            match["approx"]
            or _APPROX_BEFORE.search(text[max(0, start - 4) : start])
            or _APPROX_AFTER.match(text[end : end + 3])
        )
        figures.append(
            Figure(
                id=f"f{len(figures) + 1}",
                value=value,
                unit=unit,
                decimals=decimals,
                start=start,
                end=end,
                printed=text[start:end],
                section=sections.at(start),
                clause=clause,
                label=label,
                approximate=approximate,
            )
        )
    return figures, numbers
