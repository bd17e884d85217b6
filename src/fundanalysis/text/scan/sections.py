"""Headings and sentences of a report's text, found by how Chinese reports number them.

Headings are numbered 一、 （一） 1. （1）, or are Markdown ``#`` lines. The numbering, not the
``#`` count, gives the level: 巴州's text marks a 1. heading with two ``#`` or five. Lines
numbered 1. 2. 3. (or （1） （2）) one right under the other, each one clause that prints a
figure and ends in ； or 。 ("1. 产业发展600万元；"), are the items of a list, not headings: a
heading has a body under it, or a title without a figure ("1.轮台县结转结余情况。").

A sentence ends at 。！？ or at a line break that ends a paragraph. A line break after which
the sentence plainly goes on (no closing punctuation before it, as a page break or a PDF's line
wrap leaves) joins the two lines, so "全部为扶贫\\n\\n发展资金" is one clause. A list's items
go on the sentence that introduces them ("其中：") up to the item that ends in 。, or to the
blank line after the list: what follows is a sentence of its own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十"
# (pattern, level): the level a numbering style stands at.
NUMBERING = (
    (re.compile(rf"[{_CN}]+\s*[、．.]"), 1),
    (re.compile(rf"[（(]\s*[{_CN}]+\s*[）)]"), 2),
    (re.compile(r"[0-9０-９]{1,2}\s*[.．、](?![0-9０-９])"), 3),
    (re.compile(r"[（(]\s*[0-9０-９]{1,2}\s*[）)]"), 4),
)
_MARKDOWN = re.compile(r"#{1,6}\s*")
_EMPHASIS = re.compile(r"^[*_]+|[*_]+$")
_HEADING_END = re.compile(r"[。.：:]")
_TERMINAL = "。！？!?；;：:"
_BREAK = re.compile(r"[。！？!?\n]")
#: What follows a list item's number: one clause that prints a figure and ends in ； or 。.
_ITEM = re.compile(r"[^。！？!?\n]*[0-9０-９][^。！？!?\n]*[。；;]")


@dataclass(frozen=True)
class Heading:
    """A heading: where it starts, its level (0 for an unnumbered title) and its text."""

    start: int
    level: int
    title: str


def _numbering_level(line: str) -> int | None:
    for pattern, level in NUMBERING:
        if pattern.match(line):
            return level
    return None


def _heading_of(line: str) -> tuple[int, str] | None:
    """Level and title of a line that is a heading, else None."""
    stripped = line.strip()
    markdown = _MARKDOWN.match(stripped)
    body = _EMPHASIS.sub("", stripped[markdown.end() :] if markdown else stripped).strip()
    body = _EMPHASIS.sub("", body).strip()
    level = _numbering_level(body)
    if level is None:
        if not markdown or not body:
            return None
        level = 0
    end = _HEADING_END.search(body, 2)
    title = body[: end.start()] if end and end.start() <= 60 else body[:60]
    return level, title.strip()


def headings(text: str) -> list[Heading]:
    """Every heading line of the text, in order."""
    return _read_lines(text)[0]


def _item_of(line: str) -> tuple[int, int] | None:
    """The level and number of a line that may be a list item (see the module's note)."""
    body = _EMPHASIS.sub("", line.strip())
    for pattern, level in NUMBERING[2:]:
        number = pattern.match(body)
        if number and _ITEM.fullmatch(body, number.end()):
            return level, int(re.sub(r"\D", "", number[0]))
    return None


def _read_lines(text: str) -> tuple[list[Heading], set[int]]:
    """The headings of the text, and where the items of its numbered lists start."""
    lines = text.splitlines(keepends=True)
    items: set[int] = set()
    run: list[tuple[int, tuple[int, int]]] = []  # the lines of the list being read, numbered
    for index, line in enumerate([*lines, ""]):
        item = _item_of(line) if not _MARKDOWN.match(line.strip()) else None
        if run and item == (run[-1][1][0], run[-1][1][1] + 1):
            run.append((index, item))
            continue
        if len(run) >= 2:
            items.update(i for i, _ in run)
        run = [(index, item)] if item and item[1] == 1 else []
    found, starts = [], set()
    offset = 0
    for index, line in enumerate(lines):
        start = offset + len(line) - len(line.lstrip())
        heading = _heading_of(line) if index not in items else None
        if heading is not None:
            found.append(Heading(start, *heading))
        if index in items:
            starts.add(start)
        offset += len(line)
    return found, starts


class Sections:
    """The section path ("一、资金投入 / （一）…") that holds each offset of a text."""

    def __init__(self, text: str) -> None:
        self.headings, self._items = _read_lines(text)
        self._starts = [h.start for h in self.headings]
        self._paths: list[str] = []
        stack: list[Heading] = []
        for heading in self.headings:
            stack = [h for h in stack if h.level < heading.level] if heading.level else []
            stack.append(heading)
            self._paths.append(" / ".join(h.title for h in stack))

    def at(self, offset: int) -> str:
        """The section path at an offset ("" before the first heading)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self._paths[index] if index >= 0 else ""

    def is_heading_start(self, offset: int) -> bool:
        index = bisect.bisect_left(self._starts, offset)
        return index < len(self._starts) and self._starts[index] == offset

    def is_item_start(self, offset: int) -> bool:
        """Whether a numbered list's item starts at an offset (see the module's note)."""
        return offset in self._items


def sentences(text: str, sections: Sections) -> list[tuple[int, int]]:
    """Spans of the text's sentences, joined across line breaks where the sentence goes on."""
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    for match in _BREAK.finditer(text):
        position = match.start()
        if position < start:
            continue  # inside the white space after a paragraph's end
        if text[position] != "\n":
            spans.append((start, position + 1))
            start = position + 1
            continue
        before = text[start:position].rstrip()
        after = position + 1
        while after < length and text[after].isspace():
            after += 1
        ends = not before or before[-1] in _TERMINAL or after >= length
        if "\n" not in text[position + 1 : after] and sections.is_item_start(after):
            line = text.rfind("\n", 0, position) + 1
            line += len(text[line:position]) - len(text[line:position].lstrip())
            if before[-1:] in ("：", ":") or sections.is_item_start(line):
                continue  # the next item of a list goes on the sentence
        # A heading standing alone on its line ends there, as does the line before one.
        heading_line = sections.is_heading_start(start) or (
            after < length and sections.is_heading_start(after)
        )
        if ends or heading_line:
            spans.append((start, position))
            start = after
    if start < length:
        spans.append((start, length))
    return [(a, b) for a, b in spans if text[a:b].strip()]
