"""What every reader does to a text once it is read: the characters shown, in the order shown.

- Invisible format characters (Unicode's default-ignorable code points: zero-width space,
  word joiner, byte-order mark, zero-width joiners, soft hyphen, variation selectors …) draw
  nothing, so they are dropped: "1\\u200b00万元" is 100万元 to a reader, and must be to the scan
  (and a fragment transcribed from what a reader sees is found in the text as read).
- Bidirectional controls. Chinese text and digits are left to right, so an embedding or
  isolate that is left to right changes nothing a reader sees, and its controls are dropped.
  A right-to-left override (U+202E … U+202C on one line; ``<bdo dir="rtl">``
  and CSS ``direction: rtl; unicode-bidi: bidi-override`` in a web page come here as the
  same characters) forces every character in it right to left: in a left-to-right line the
  run is shown as one piece, its characters reversed, and so it is read ("\\u202e12\\u202c万元" is
  21万元). Where the order shown is not certain (a right-to-left embedding or isolate, an
  override nested in another, or one not closed on its line: a web page or Markdown may show
  the next line on the same line) the text is refused if the run holds a digit, naming the line,
  rather than read in an order a reader may not see; otherwise its controls are dropped.

What Markdown shows and hides is read in :mod:`fundanalysis.text.scan.markdownfile`.
"""

from __future__ import annotations

import re

#: Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties), less the bidi controls,
#: which :func:`display_order` reads first.
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2065\u206a-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff]"
)
_LTR_CONTROLS = "\u200e\u202a\u202d\u2066"  # LRM, LRE, LRO, LRI
_MARKS = "\u200f\u061c"  # RLM, ALM
_RTL_OPENERS = "\u202b\u2067\u2068"  # RLE, RLI, FSI: the order they show is not certain
_RLO, _PDF, _PDI = "\u202e", "\u202c", "\u2069"
_BIDI = re.compile(f"[{_LTR_CONTROLS}{_MARKS}{_RTL_OPENERS}{_RLO}{_PDF}{_PDI}]")
_DIGIT = re.compile(r"[0-9\uff10-\uff19]")


class UncertainOrder(ValueError):
    """A line whose characters may be shown in another order than they are stored."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def without_ignorable(text: str) -> str:
    """``text`` without the format characters that draw nothing (see the module's docstring)."""
    return _IGNORABLE.sub("", text)


def display_order(text: str) -> str:
    """``text`` with its bidirectional controls resolved as a reader sees the characters (see
    the module's docstring); raises :class:`UncertainOrder` with the line where that is not
    certain."""
    if not _BIDI.search(text):
        return text
    lines = text.split("\n")
    return "\n".join(_line_order(line, number) for number, line in enumerate(lines, 1))


def _line_order(line: str, number: int) -> str:
    if not _BIDI.search(line):
        return line
    out: list[str] = []
    position = 0
    while (found := _BIDI.search(line, position)) is not None:
        out.append(line[position : found.start()])
        char = found.group()
        position = found.end()
        if char == _RLO:
            end = _BIDI.search(line, position)
            if end is not None and end.group() != _PDF:
                raise UncertainOrder(number)  # another control inside the override
            if end is None and _DIGIT.search(line, position):
                raise UncertainOrder(number)  # it may go on over the next line: not certain
            stop = len(line) if end is None else end.start()
            out.append(line[position:stop][::-1])
            position = len(line) if end is None else end.end()
        elif char in _MARKS:
            if _DIGIT.search(line[max(found.start() - 1, 0) : found.start() + 2]):
                raise UncertainOrder(number)  # a right-to-left mark beside a digit may move it
        elif char in _RTL_OPENERS and _DIGIT.search(line, position):
            raise UncertainOrder(number)  # a digit after it may be inside it, or nested in it
    out.append(line[position:])
    return "".join(out)
