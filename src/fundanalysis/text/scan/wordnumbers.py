"""The list numbers Word draws before numbered paragraphs ("一、", "（二）", "1."), which are
not in the paragraph's text but in ``numbering.xml`` (ECMA-376 §17.9).

A paragraph is numbered by its own ``w:numPr`` or its style's (through ``w:basedOn``); the
number is its level's ``w:lvlText`` with each ``%n`` replaced by level n's counter in that
level's format. Counters run per list (``w:num``) and level, start at the level's (or an
override's) ``w:start``, and a level restarts when a level above it is numbered. Bullets and
formats not known here draw nothing (what a bullet shows is a glyph, not text of the report).
"""

from __future__ import annotations

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _val(element, default: str | None = None) -> str | None:
    return default if element is None else element.get(f"{_W}val", default)


def _counted(n: int, digits: str = _DIGITS, ten: str = "十") -> str:
    """``n`` in Chinese counting (一, 十, 十一, 二十一, 一百零五); decimal from 10 000 on."""
    if not 0 < n < 10_000:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20 and digits is _DIGITS:
        return ten + (digits[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, ten)):
        figure, n = divmod(n, unit)
        if figure:
            out += ("" if not zero else digits[0]) + digits[figure] + name
            zero = False
        elif out:
            zero = True
    return out + ((digits[0] if zero else "") + digits[n] if n else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"),
        strict=True,
    ):
        count, n = divmod(n, value)
        out += letters * count
    return out


def formatted(n: int, fmt: str) -> str | None:
    """A counter in a ``w:numFmt``; None for a format this reader does not draw."""
    if fmt in ("decimal", "ordinal", "cardinalText", "ordinalText"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth":
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if fmt == "decimalEnclosedCircle":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting"):
        return _counted(n)
    if fmt in ("taiwaneseCounting", "taiwaneseCountingThousand"):
        return _counted(n)
    if fmt == "ideographDigital":  # digit by digit: 一〇五
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return _counted(n, _LEGAL, "拾")
    if fmt in ("ideographTraditional", "ideographZodiac"):
        return _STEMS[(n - 1) % 10] if n >= 1 else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n >= 1 else str(n)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    return None


class Numbering:
    """The list numbers of one document, drawn paragraph by paragraph in document order."""

    def __init__(self, document, styles_by_id: dict) -> None:
        self.styles = styles_by_id
        try:
            root = document.part.numbering_part.element
        except (AttributeError, KeyError, NotImplementedError):
            root = None
        self.abstract = {}
        self.lists: dict[str, tuple[str, dict]] = {}
        if root is not None:
            for abstract in root.findall(f"{_W}abstractNum"):
                self.abstract[abstract.get(f"{_W}abstractNumId")] = abstract
            for num in root.findall(f"{_W}num"):
                starts = {
                    o.get(f"{_W}ilvl"): int(_val(o.find(f"{_W}startOverride"), "1") or 1)
                    for o in num.findall(f"{_W}lvlOverride")
                    if o.find(f"{_W}startOverride") is not None
                    and (_val(o.find(f"{_W}startOverride")) or "").isdigit()
                }
                self.lists[num.get(f"{_W}numId")] = (_val(num.find(f"{_W}abstractNumId")), starts)
        self.counters: dict[str, dict[int, int]] = {}

    def _numbered(self, paragraph) -> tuple[str | None, str | None, str | None]:
        """The list, level and style of a paragraph's numbering: its own, else its style's."""
        numbered = paragraph.find(f"{_W}pPr/{_W}numPr")
        num_id = _val(None if numbered is None else numbered.find(f"{_W}numId"))
        level = _val(None if numbered is None else numbered.find(f"{_W}ilvl"))
        named = paragraph.find(f"{_W}pPr/{_W}pStyle")
        style_id = _val(named)
        current, seen = style_id, set()
        while (num_id is None or level is None) and current in self.styles:
            if current in seen:
                break
            seen.add(current)
            style = self.styles[current]
            in_style = style.find(f"{_W}pPr/{_W}numPr")
            if in_style is not None:
                num_id = num_id or _val(in_style.find(f"{_W}numId"))
                level = level or _val(in_style.find(f"{_W}ilvl"))
            current = _val(style.find(f"{_W}basedOn"))
        return num_id, level, style_id

    def number(self, paragraph) -> str:
        """The number Word draws before ``paragraph`` ('' for none), with what follows it."""
        num_id, level_id, style_id = self._numbered(paragraph)
        if num_id is None or num_id == "0" or num_id not in self.lists:
            return ""
        abstract_id, starts = self.lists[num_id]
        abstract = self.abstract.get(abstract_id)
        if abstract is None:
            return ""
        levels = {lvl.get(f"{_W}ilvl"): lvl for lvl in abstract.findall(f"{_W}lvl")}
        if level_id is None:  # a style's numbering: the level that names the style, else 0
            linked = [k for k, v in levels.items() if _val(v.find(f"{_W}pStyle")) == style_id]
            level_id = linked[0] if linked else "0"
        if not (level_id or "").isdigit() or level_id not in levels:
            return ""
        depth = int(level_id)

        def start(k: int) -> int:
            if str(k) in starts:
                return starts[str(k)]
            given = _val(levels.get(str(k), abstract).find(f"{_W}start"), "1") or "1"
            return int(given) if given.isdigit() else 1

        counters = self.counters.setdefault(num_id, {})
        counters[depth] = counters[depth] + 1 if depth in counters else start(depth)
        for deeper in [k for k in counters if k > depth]:
            del counters[deeper]  # a level restarts under a new number above it
        lvl = levels[level_id]
        if _val(lvl.find(f"{_W}numFmt")) == "bullet":
            return ""
        text = _val(lvl.find(f"{_W}lvlText"), "") or ""
        legal = lvl.find(f"{_W}isLgl") is not None
        for k in range(9):
            if f"%{k + 1}" not in text:
                continue
            at = levels.get(str(k))
            fmt = (
                "decimal"
                if legal and k != depth
                else _val(None if at is None else at.find(f"{_W}numFmt"), "decimal")
            )
            shown = formatted(counters.get(k, start(k)), fmt or "decimal")
            if shown is None:
                return ""
            text = text.replace(f"%{k + 1}", shown)
        if not text:
            return ""
        suffix = _val(lvl.find(f"{_W}suff"), "tab")
        return text + ("" if suffix == "nothing" else " ")
