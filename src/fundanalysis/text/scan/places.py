"""Lists over several paragraphs: one per place after "…情况如下：", or lines before "以上…合计".

After "分县市（单位）情况如下：" the total is the sentence's own total (the head of its list, or
the figure marked 共/总额); each following paragraph that opens with a place and its figure is
one part, until a heading or a paragraph of another shape. Before "以上资金合计 X" each line
just above with one figure of the kind is a part ("1.省级资金47万元", "2.市级资金66.5万元").
Both are uncertain readings: they become relations only where they add up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fundanalysis.text.scan.context import Context
from fundanalysis.text.scan.figures import Figure
from fundanalysis.text.scan.sections import Sections

# "…情况如下：" or "…共1000万元，其中：" with its list on the lines that follow.
_INTRODUCES = re.compile(r"(如下|其中)\s*[：:]\s*$")
# A place opening its line, then a colon or its figure ("巴州区：", "且末县 20500 万元").
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,12}?(县|区|市|乡|镇|村|州|旗|街道|盟)(?=\s*[：:0-9０-９])")
_ABOVE = re.compile(r"(以上|上述)[^，,；;。]{0,8}(合计|共计|总计|共)[^，,；;。]{0,6}$")
_ABOVE_REACH = 2 + 8 + 2 + 6  # the longest text _ABOVE can match
_TOTAL_MARK = re.compile(r"(共计|合计|总计|总额|共)[^，,；;。]{0,12}$")
# How far into its paragraph a place's figure may stand ("且末县 20500 万元").
_REACH = 30


def per_place(
    ctx: Context,
    spans: Sequence[tuple[int, int]],
    figures_of: Sequence[Sequence[Figure]],
    sections: Sections,
) -> None:
    """Add the relation of each "…如下：" sentence to the paragraphs that follow it."""
    for index, (start, end) in enumerate(spans):
        _lines_above(ctx, spans, figures_of, index)
        if not figures_of[index]:
            continue
        # Without "如下：" the lines below must each open with a place ("巴州区：…2405万元；").
        named = not _INTRODUCES.search(ctx.text[start:end])
        if named and _PLACE.match(ctx.text, start):
            continue  # a place's own line is a part of the list, not the total of the rest
        total = _sentence_total(ctx, figures_of[index])
        parts: list[Figure] = []
        for following in range(index + 1, len(spans)):  # no copies: the list ends soon
            p_start, figures = spans[following][0], figures_of[following]
            line_start = ctx.text.rfind("\n", 0, p_start) + 1
            if ctx.text[line_start:p_start].strip():
                break
            same = [f for f in figures if f.unit.dimension == total.unit.dimension]
            if not same or same[0].start - p_start > _REACH:
                break  # a heading, or a paragraph of another shape: the list has ended
            if named and not _PLACE.match(ctx.text, p_start):
                break
            parts.append(same[0])
        if len(parts) >= 2:
            # Uncertain: a place may be left out of the paragraphs, or one named twice.
            candidate = ctx.add("sum", total, parts, "places", certain=False)
            if named and candidate.status == "fails":
                ctx.remove(candidate)  # lines of places after any total: a guess only


def _sentence_total(ctx: Context, figures: Sequence[Figure]) -> Figure:
    """The sentence's total: the head of a list found in it, else the marked or first figure."""
    ids = {f.id for f in figures}
    inside = [x for i in ids for x in ctx.sums.get(i, ())]
    parts = {p.id for x in inside for p in x.parts}
    outermost = [x.total for x in inside if x.total.id not in parts]
    if outermost:
        return min(outermost, key=lambda f: f.start)
    marked = [f for f in figures if _TOTAL_MARK.search(ctx.prefix(f))]
    return marked[0] if marked else figures[0]


def _lines_above(
    ctx: Context,
    spans: Sequence[tuple[int, int]],
    figures_of: Sequence[Sequence[Figure]],
    index: int,
) -> None:
    """ "以上资金合计 X": the lines just above, one figure each, are its parts."""
    start = spans[index][0]
    # the mark ends just before its figure and is at most _ABOVE_REACH long: look only there,
    # so that a sentence of thousands of figures is read once, not once per figure
    totals = [
        f
        for f in figures_of[index]
        if _ABOVE.search(ctx.text, max(start, f.start - _ABOVE_REACH), f.start)
    ]
    if not totals:
        return
    total = totals[0]
    if any(f.start < total.start for f in figures_of[index]):
        return  # parts in the same sentence: read as parts first, total last
    parts: list[Figure] = []
    for back in range(index - 1, -1, -1):
        same = [f for f in figures_of[back] if f.unit.dimension == total.unit.dimension]
        line_start = ctx.text.rfind("\n", 0, spans[back][0]) + 1
        if len(same) != 1 or ctx.text[line_start : spans[back][0]].strip():
            break
        parts.insert(0, same[0])
    if len(parts) >= 2:
        ctx.add("sum", total, parts, "lines-above", certain=False)
