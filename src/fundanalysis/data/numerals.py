"""Numbers as reports print them: ASCII or full-width digits, decimals, Chinese numerals.

Every value is an exact ``Decimal`` together with the number of decimals it was printed with,
because the rounding rule (see ``verdicts``) reads a printed figure as the interval its last
digit allows: ``40.38`` stands for anything in [40.375, 40.385].
"""

from __future__ import annotations

import re
from decimal import Decimal

# Full-width digits and decimal point, as OCR and some editors leave them.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10**4, "亿": 10**8}
CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "".join(_SMALL_UNITS) + "".join(_LARGE_UNITS)

_WHITESPACE = re.compile(r"\s+")


def parse_digits(printed: str) -> tuple[Decimal, int]:
    """Value and printed decimals of a digit string (spaces, line breaks, separators allowed).

    ``"107,941"`` → (107941, 0); ``"２６．７４１"`` → (26.741, 3); ``"1079\\n41"`` → (107941, 0).
    """
    cleaned = _WHITESPACE.sub("", printed).translate(_FULL_WIDTH).replace(",", "")
    whole, _, fraction = cleaned.partition(".")
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        raise ValueError(f"not a number: {printed!r}")
    return Decimal(cleaned), len(fraction)


def parse_chinese(printed: str) -> int:
    """Value of a Chinese numeral: 十二 → 12, 一百零五 → 105, 两 → 2, 三千五百 → 3500.

    Raises ``ValueError`` on anything that is not a well-formed numeral.
    """
    if not printed or any(ch not in CHINESE_NUMERAL_CHARS for ch in printed):
        raise ValueError(f"not a Chinese numeral: {printed!r}")
    if printed[0] in _LARGE_UNITS:  # 万元, 亿元: a unit with no number before it
        raise ValueError(f"not a Chinese numeral: {printed!r}")
    high = 0  # the 亿 part, done
    middle = 0  # the 万 part below 亿, done
    section = 0  # the part below the current 万/亿
    digit: int | None = None
    for ch in printed:
        if ch in CHINESE_DIGITS:
            if digit is not None and digit != 0 and CHINESE_DIGITS[ch] != 0:
                # Two digits in a row (一二) is a list of digits, not a numeral we read.
                raise ValueError(f"not a Chinese numeral: {printed!r}")
            digit = CHINESE_DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch == "万":  # 一亿二千万: the 万 counts only what follows the 亿
            middle = (middle + section + (digit or 0)) * 10**4
            section, digit = 0, None
        else:  # 亿: everything before it
            high = (high + middle + section + (digit or 0)) * 10**8
            middle, section, digit = 0, 0, None
    return high + middle + section + (digit or 0)


_DIGIT_CLASS = "0-9０-９"
#: Separators PDF and OCR extraction leave between digit groups of three besides the ASCII
#: comma ("4 800万元", "12，345.6万元"), as the scan reads them (one kind throughout a number).
GROUP_SEPARATORS = " \u00a0\u2009\u202f，"
# A number ending where a unit begins: digits with thousands separators or a decimal part (ASCII
# or full-width), or a Chinese numeral, as the scan's figures read them.
_NUMBER_BEFORE = re.compile(
    rf"(?:[{_DIGIT_CLASS}]{{1,3}}(?:,[{_DIGIT_CLASS}]{{3}})+"
    rf"|(?<![{_DIGIT_CLASS}.．])[{_DIGIT_CLASS}]{{1,3}}(?P<sep>[{GROUP_SEPARATORS}])[{_DIGIT_CLASS}]{{3}}"
    rf"(?:(?P=sep)[{_DIGIT_CLASS}]{{3}})*(?![{_DIGIT_CLASS}])"
    rf"|[{_DIGIT_CLASS}]+)(?:[.．][{_DIGIT_CLASS}]+)?"
    rf"[ \t\u3000]*$|[{CHINESE_NUMERAL_CHARS}]+[ \t\u3000]*$"
)
_INSIDE_A_NUMBER = frozenset("0123456789０１２３４５６７８９.．,亿")
_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９.．")
_BETWEEN_GROUPS = frozenset(" \t\u3000," + GROUP_SEPARATORS)


def continues_a_number(fragment: str, at: int) -> bool:
    """Whether what starts at ``at`` would continue the number printed before it: a digit, a
    decimal point or 亿 right before it, or digits and a group separator before a group of
    three digits (``4 800``: the 800; not ``项目1 1个``, where 1 is no group of a number)."""
    if at <= 0:
        return False
    before = fragment[at - 1]
    if before in _DIGIT_CHARS or before == "亿":
        return True
    if _GROUP_OF_THREE.match(fragment, at) is None:
        return False
    while at > 0 and fragment[at - 1] in _BETWEEN_GROUPS:
        at -= 1
    return at > 0 and before in _BETWEEN_GROUPS and fragment[at - 1] in _DIGIT_CHARS


#: Three digits and no more: the only group a separator may set apart inside a number.
_GROUP_OF_THREE = re.compile(r"[0-9０-９]{3}(?![0-9０-９])")


_LEAD_YI = re.compile(r"([0-9０-９]+(?:[.．][0-9０-９]+)?)亿$")


def number_before(fragment: str, at: int) -> tuple[Decimal, int] | None:
    """Value and printed decimals of the number that ends at ``at`` (spaces before it allowed).

    Read as the scan reads figures: ``1,000``, ``１００．５`` and ``一百``. A number that is the
    tail of a longer run of digits (``1234,000``) is not read.
    """
    window = fragment[max(0, at - 40) : at]
    match = _NUMBER_BEFORE.search(window)
    if match is None:
        return None
    start = at - len(window) + match.start()
    printed = match.group().rstrip(" \t\u3000")
    chinese = printed[0] in CHINESE_NUMERAL_CHARS
    lead = None
    if not chinese and start > 0 and fragment[start - 1] == "亿":
        # 1亿2000万元 is 12000 万元: the 亿 before the number belongs to it
        lead = _LEAD_YI.search(fragment[max(0, start - 24) : start])
        if lead is None or not fragment.startswith("万", at):
            return None
        start -= len(lead.group())
    inside = _INSIDE_A_NUMBER | (set(CHINESE_NUMERAL_CHARS) if chinese else set())
    if start > 0 and fragment[start - 1] in inside:
        return None
    if not chinese and continues_a_number(fragment, start):
        return None  # 800 of 4 800, 000 of 9，000: the last group of a number is not that number
    try:
        if chinese and fragment.startswith("万", at):  # 一亿二千万元: the 万 ends the numeral
            return Decimal(parse_chinese(printed + "万")) / 10**4, 0
        if chinese:
            return Decimal(parse_chinese(printed)), 0
        value, decimals = parse_digits(printed)
        if lead is not None:
            value += parse_digits(lead.group(1))[0] * 10**4
        return value, decimals
    except ValueError:
        return None


def numbers_before(fragment: str, word: str) -> list[tuple[Decimal, int]]:
    """Each number printed just before ``word`` in ``fragment``: before ``万元``, 一百万元 reads
    一百 → 100; before ``元``, 一百万 → 1000000."""
    found = []
    at = fragment.find(word)
    while at >= 0:
        number = number_before(fragment, at)
        if number is not None:
            found.append(number)
        at = fragment.find(word, at + 1)
    return found


def decimal_string(value: Decimal) -> str:
    """A Decimal as plain digits (no exponent), keeping the trailing zeros it carries."""
    text = format(value, "f")
    return text
