"""A text's documents and sections, as ``documents.csv`` and ``sections.csv`` rows.

The headings are the scan's (:mod:`fundanalysis.text.scan.sections`). A document starts at an
unnumbered heading that is followed by a numbered one before any other unnumbered heading (a
report's title, then its 一、 … ); unnumbered headings in a row, as a letterhead and a cover
letter print them, make one section. A section's id is its document and the numbers of its
headings (``D1-4.1.2`` for 四、（一）2.), ``D1-0`` for what precedes the first numbered
heading.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from fundanalysis.data.numerals import parse_chinese
from fundanalysis.data.parsing import is_text_cell
from fundanalysis.text.scan.sections import NUMBERING, Heading, headings

_DIGITS = re.compile(r"[0-9０-９]+|[一二三四五六七八九十]+")
_MARKUP = re.compile(r"^[#\s*_]+|[*_\s]+$")


@dataclass(frozen=True)
class Section:
    """One section: its id, document, numbering as printed, title, and where it starts."""

    section_id: str
    document: str
    number: str
    title: str
    start: int
    start_anchor: str
    end_anchor: str = ""


@dataclass(frozen=True)
class Outline:
    """The documents (id → title) and sections of a text, and the section of each offset."""

    documents: dict[str, str]
    sections: list[Section]
    unsure: list[tuple[int, str]]

    def at(self, offset: int) -> Section:
        starts = [s.start for s in self.sections]
        return self.sections[max(0, bisect.bisect_right(starts, offset) - 1)]


def _ordinal(numbering: str) -> str:
    found = _DIGITS.search(numbering.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if found is None:
        return "0"
    digits = found.group()
    return digits if digits.isdigit() else str(parse_chinese(digits))


def _split_number(title: str) -> tuple[str, str]:
    """The numbering of a heading's title and the rest, without Markdown emphasis."""
    bare = _MARKUP.sub("", title).strip()
    match = next((m for p, _ in NUMBERING if (m := p.match(bare))), None)
    if match is None:
        return "", bare
    return "".join(match.group().split()), _MARKUP.sub("", bare[match.end() :]).strip()


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)].rstrip()


def _anchor(text: str, start: int, title: str) -> str | None:
    """The shortest start of the heading's line that occurs once in the text."""
    line = _line_at(text, start)
    for length in range(min(len(line), max(4, len(title) + 6)), len(line) + 1):
        candidate = line[:length].strip()
        if candidate and is_text_cell(candidate) and text.count(candidate) == 1:
            return candidate
    return None


def _starts_document(found: list[Heading], index: int) -> bool:
    following = found[index + 1 : index + 2]
    return bool(following and following[0].level)


def outline(text: str) -> Outline:
    """The documents and sections of ``text``, and the headings it could not anchor. Each
    section ends where the next starts; the last runs to the end of the text."""
    found = headings(text)
    documents: dict[str, str] = {}
    sections: list[Section] = []
    unsure: list[tuple[int, str]] = []
    document = "D1"
    stack: list[tuple[int, str, str]] = []  # (level, printed number, ordinal)
    previous_level: int | None = None
    for index, heading in enumerate(found):
        if heading.level == 0:
            if _starts_document(found, index) and (documents or sections):
                document = f"D{len(documents) + 1}"
            if _starts_document(found, index):
                documents.setdefault(document, _split_number(heading.title)[1])
            if previous_level == 0 and sections and sections[-1].document == document:
                continue  # a letterhead, then a title: one section
            stack = []
        else:
            stack = [s for s in stack if s[0] < heading.level]
        number, title = _split_number(heading.title)
        if heading.level:
            stack.append((heading.level, number, _ordinal(number)))
        previous_level = heading.level
        section_id = f"{document}-" + (".".join(s[2] for s in stack) if stack else "0")
        if any(s.section_id == section_id for s in sections):
            unsure.append((heading.start, f"章节编号重复 / section number repeated: {section_id}"))
            section_id += f"-{index}"
        anchor = _anchor(text, heading.start, heading.title)
        if anchor is None:
            unsure.append((heading.start, f"标题在原文中不唯一 / heading not unique: {title}"))
            continue
        sections.append(
            Section(
                section_id,
                document,
                "".join(s[1] for s in stack),
                title or number,
                heading.start,
                anchor,
            )
        )
    if not sections or (sections[0].start > 0 and text[: sections[0].start].strip()):
        first = next(i for i, c in enumerate(text) if not c.isspace()) if text.strip() else 0
        anchor = _anchor(text, first, _line_at(text, first)[:20]) or ""
        sections.insert(
            0, Section("D1-0", "D1", "", _line_at(text, first).strip()[:60], first, anchor)
        )
        if anchor == "":
            unsure.append((first, "正文开头不唯一 / the text's first line is not unique"))
    documents.setdefault("D1", sections[0].title if sections else "")
    ended = [
        Section(**{**s.__dict__, "end_anchor": nxt.start_anchor})
        for s, nxt in itertools.pairwise(sections)
    ]
    if sections:
        # the last section runs to the end of the text: no anchor, so none cuts its last words
        ended.append(Section(**{**sections[-1].__dict__, "end_anchor": ""}))
    return Outline(documents, ended, unsure)
