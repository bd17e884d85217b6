"""A sentence as a tree: figures, separators, the words that open a list, bracketed groups.

Relations are read off this tree: a bracket right after a figure is that figure's breakdown;
the parts of a list are the figures of its segments, split at ； when the list has segments of
its own and at ，、 otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from fundanalysis.text.scan.figures import Figure

OPEN, CLOSE = "（([【［", "）)]】］"
_SEPARATORS = {
    "，": "，",
    ",": "，",
    "\n": "，",
    "、": "、",
    "；": "；",
    ";": "；",
    "：": "：",
    ":": "：",
}
# Words that open a list of parts. 如下 only with its colon ("情况如下："); 分别 ("中央、省级
# 资金分别为300万元、200万元") lists the parts of a whole printed before it.
OPENERS = ("其中", "包括", "如下", "分别")
# A line break inside a sentence parts its clauses like a comma (lists printed one per line).
_TOKEN = re.compile(r"其中|包括|如下(?=\s*[：:])|分别(?:为|是)?|[，,、；;：:（(\[【［）)\]】］\n]")


@dataclass
class Fig:
    figure: Figure


@dataclass
class Sep:
    char: str
    pos: int


@dataclass
class Word:
    word: str
    pos: int


@dataclass
class Group:
    start: int
    end: int
    children: list[Node] = field(default_factory=list)


Node = Fig | Sep | Word | Group


def tree(text: str, start: int, end: int, figures: Sequence[Figure]) -> list[Node]:
    """The sentence ``text[start:end]`` as a list of nodes, brackets nested as groups."""
    events: list[tuple[int, Node | str]] = [(f.start, Fig(f)) for f in figures]
    spans = sorted((f.start, f.end) for f in figures)
    starts = [a for a, _ in spans]
    for match in _TOKEN.finditer(text, start, end):
        position = match.start()
        at = bisect_right(starts, position) - 1  # the last figure starting at or before it
        if at >= 0 and position < spans[at][1]:  # figures do not overlap
            continue
        token = match.group()
        if token in OPEN or token in CLOSE:
            events.append((position, token))
        elif token in _SEPARATORS:
            events.append((position, Sep(_SEPARATORS[token], position)))
        else:
            events.append((position, Word(token[:2], position)))
    events.sort(key=lambda event: event[0])
    root: list[Node] = []
    stack: list[Group] = []
    for position, event in events:
        if isinstance(event, str):
            if event in OPEN:
                group = Group(position, end)
                (stack[-1].children if stack else root).append(group)
                stack.append(group)
            elif stack:  # a closing bracket with no opening one is left out
                stack.pop().end = position + 1
            continue
        (stack[-1].children if stack else root).append(event)
    return root


def figures_in(nodes: Sequence[Node]) -> list[Figure]:
    """The figures at the top level of ``nodes`` (not inside brackets)."""
    return [node.figure for node in nodes if isinstance(node, Fig)]


def all_figures(nodes: Sequence[Node]) -> Iterator[Figure]:
    """Every figure of ``nodes``, brackets included, in order."""
    for node in nodes:
        if isinstance(node, Fig):
            yield node.figure
        elif isinstance(node, Group):
            yield from all_figures(node.children)


def split(nodes: Sequence[Node], chars: str) -> list[list[Node]]:
    """The top-level segments of ``nodes`` between separators in ``chars``."""
    segments: list[list[Node]] = [[]]
    for node in nodes:
        if isinstance(node, Sep) and node.char in chars:
            segments.append([])
        else:
            segments[-1].append(node)
    return [segment for segment in segments if segment]


def first_word(nodes: Sequence[Node], words: Sequence[str]) -> int | None:
    """Index of the first top-level Word among ``words``, or None."""
    for index, node in enumerate(nodes):
        if isinstance(node, Word) and node.word in words:
            return index
    return None


def span_of(nodes: Sequence[Node]) -> tuple[int, int] | None:
    """Offsets from the first to the last node (None when empty)."""

    def bounds(node: Node) -> tuple[int, int]:
        if isinstance(node, Fig):
            return node.figure.start, node.figure.end
        if isinstance(node, Group):
            return node.start, node.end
        return node.pos, node.pos + (len(node.word) if isinstance(node, Word) else 1)

    if not nodes:
        return None
    return bounds(nodes[0])[0], bounds(nodes[-1])[1]


def owner_of(nodes: Sequence[Node], index: int) -> Figure | None:
    """The figure a bracket at ``index`` belongs to: the one right before it (one ， allowed)."""
    commas = 0
    for node in reversed(nodes[:index]):
        if isinstance(node, Fig):
            return node.figure
        if isinstance(node, Sep) and node.char == "，" and commas == 0:
            commas += 1
            continue
        return None
    return None
