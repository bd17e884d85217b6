"""The relations a report's prose states between its figures, each with its verdict.

Forms read (see the README): a total and the list after 其中/包括/如下; a figure and its
bracketed breakdown; parts first and the total after 共计/合计; one paragraph per place after
"…情况如下：" (``places``); breakdowns inside breakdowns; one total split two ways (one list
per ； segment); a single part beside its whole. Remainders, changes and rates are read in
``differences``.

A relation is *certain* when the prose leaves no other reading (one possible total, one figure
per listed part, no 主要/等 that admits parts unnamed, no overlapping groups of people). Only a
certain relation may fail; an uncertain one that does not add up is kept apart as *possible*.
An uncertain grouping whose figures add up exactly is a relation all the same: the arithmetic
itself is the evidence that the grouping is the one the prose means.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fundanalysis.text.scan import clauses as c
from fundanalysis.text.scan.context import Candidate, Context, of, same_dimension
from fundanalysis.text.scan.differences import changes, rates, remainders
from fundanalysis.text.scan.figures import Figure
from fundanalysis.text.scan.listends import MAYBE, SURE, list_end, second_list
from fundanalysis.text.scan.units import PEOPLE
from fundanalysis.text.scan.verdicts import FAILS, in_unit, shortest_cut, sum_status

_PARTIAL = re.compile(
    r"主要|部分|等(?=\s*[，,。；;）)、]|\s*$)|比上年|较上年|同比|增加|减少|增长|下降"
)
# A piece of a list that reports progress ("已支付完毕", "计划于…") is commentary, not a part.
# Not 未 or 计划 alone: "其中未脱贫229户" and "雨露计划7.2万元" are parts.
_COMMENTARY = re.compile(r"已|尚未|未支|未拨|未付|计划于|计划在|预计|截至|截止|其余|剩余")
_TOTAL_WORD = re.compile(r"(共计|合计|总计|共計|合計|總計|累计|共)[^，,；;。]{0,12}$")
_CERTAIN_TOTAL_WORD = re.compile(r"(共计|合计|总计|共計|合計|總計)[^，,；;。]{0,12}$")
_NOT_ADDITIVE = ("%", "百分点")


def _best_sum(
    ctx: Context, heads: Sequence[Figure], parts: list[Figure], form: str, certain: bool
) -> Candidate | None:
    """The sum of the first head that the parts add up to (or a prefix of them), else the first.

    Reading the list to its end comes first; a prefix that adds up exactly is the list that
    ends early (commentary after it: "…已支付完毕，其余资金…"); another head is a total
    further back. Each alternative reading makes the relation uncertain.
    """
    if not heads or not parts:
        return None
    if len(parts) == 1:
        if form == "respectively":
            return None  # "分别" names two parts or more: one is a misreading
        return ctx.add("part", heads[0], parts, form, certain and len(heads) == 1)
    if heads[0].unit.dimension in PEOPLE:
        certain = False
    for head in heads:
        status, _ = sum_status(head, parts)
        if status != FAILS:
            return ctx.add("sum", head, parts, form, certain)
        if certain:
            continue  # a list stated in full is read in full: no shorter reading
        for cut in range(len(parts) - 1, 1, -1):
            status, _ = sum_status(head, parts[:cut])
            if status != FAILS:
                return ctx.add("sum", head, parts[:cut], form, certain=False)
    # A part as large as the whole beside other parts is no partition: levels of a hierarchy
    # ("12个指标，其中一级指标3个，二级指标9个，三级指标12个"), or groups that overlap.
    whole = any(in_unit(p, heads[0]) >= heads[0].value for p in parts)
    # A list that falls short of its total may name only some parts, and two parts may be two
    # notable groups of more: either fails only with a cause the text tells (see scanner).
    certain = certain and len(heads) == 1 and not whole
    short = sum_status(heads[0], parts)[1] > 0
    return ctx.add("sum", heads[0], parts, form, certain, needs_cause=short or len(parts) < 3)


def _list_text(ctx: Context, nodes: Sequence[c.Node]) -> str:
    """The words of a list outside its brackets, with what follows its last figure ("…等")."""
    pieces = []
    for node in nodes:
        if isinstance(node, c.Fig):
            pieces.append(node.figure.label)
    span = c.span_of(nodes)
    if span:
        pieces.append(ctx.text[span[1] : span[1] + 2])
    return " ".join(pieces)


def breakdown(
    ctx: Context,
    heads: Sequence[Figure],
    nodes: list[c.Node],
    form: str,
    certain: bool,
    further: Sequence[Figure] = (),
):
    """The relations of a list of parts (``nodes``) and the heads it may belong to.

    ``further`` are figures further back, wholes for parts of a kind that no head is of
    ("共实施项目20个，总投资1000万元，其中产业项目15个，投资800万元…"): an uncertain reading.
    """
    while nodes and isinstance(nodes[0], c.Sep | c.Word):
        nodes = nodes[1:]
    if not nodes or not heads:
        return
    if _PARTIAL.search(_list_text(ctx, nodes)):
        certain = False
    segments = c.split(nodes, "；")
    with_figures = [s for s in segments if c.figures_in(s)]
    dimensions: dict[str, list[Figure]] = {}
    for head in heads:
        dimensions.setdefault(head.unit.dimension, []).append(head)
    strong = set(dimensions)
    for figure in further:
        if figure.unit.dimension not in strong:
            dimensions.setdefault(figure.unit.dimension, []).append(figure)
    for share in _NOT_ADDITIVE:
        dimensions.pop(share, None)  # rates and percentages do not add up to a total
    ended, end = list_end(heads[0], [c.figures_in(s)[0] for s in with_figures])
    if end in (SURE, MAYBE):  # "…省级资金300万元；支出400万元": the ； ends the list
        if end == SURE:
            for segment in with_figures[ended:]:
                scan_region(ctx, segment)
            with_figures = with_figures[:ended]
        else:
            certain = False
    if len(with_figures) >= 2:
        explained = [scan_segment(ctx, segment) for segment in with_figures]
        for dimension, dim_heads in dimensions.items():
            sure = certain and dimension in strong
            firsts = [of(c.figures_in(s), dim_heads[0])[:1] for s in with_figures]
            parts = [f[0] for f in firsts if f]
            if not parts:
                continue
            if len(parts) < 2 and dimension not in strong:
                continue
            if _two_ways(ctx, dim_heads[0], with_figures, form, sure):
                continue
            flat = [f for s in with_figures for f in of(c.figures_in(s), dim_heads[0])]
            if (
                sum_status(dim_heads[0], parts)[0] == FAILS
                and len(flat) > len(parts)
                and sum_status(dim_heads[0], flat)[0] != FAILS
            ):
                # "…251万元,农业产业项目3个,资金规模100万元": a ， where a ； was meant.
                ctx.add("sum", dim_heads[0], flat, form, sure)
                continue
            found = _best_sum(ctx, dim_heads, parts, form, sure and all(explained))
            if found is not None and found.status == FAILS and not all(explained):
                ctx.remove(found)  # a segment's further figures unread: the firsts are a guess
        return
    listed = with_figures[0] if with_figures else nodes
    cut = second_list(ctx, listed)
    second = [] if cut is None else listed[cut + 1 :]  # another breakdown: its own reading
    listed = listed if cut is None else listed[:cut]
    scan_region(ctx, listed)
    before = len(ctx.found)
    inner = _inner_breakdowns(ctx, listed, form)
    certain = certain and not inner  # 含…, 用于…: where the inner list ends is not certain
    pieces = c.split(listed, "，、")
    for dimension, dim_heads in dimensions.items():
        per_piece = [
            [f for f in of(c.figures_in(p), dim_heads[0]) if f.id not in inner] for p in pieces
        ]
        parts = [f for piece in per_piece for f in piece]
        ended, end = list_end(dim_heads[0], parts)
        if ended < len(parts):  # the list ends before a figure outside it or inside a part
            if end == SURE:
                parts = parts[:ended]
            elif end == MAYBE:
                certain = False  # where it ends is not certain: the whole list, then a prefix
            else:
                parts, certain = parts[:ended], False
        if not parts or (len(parts) < 2 and dimension not in strong):
            continue
        clean = all(len(p) <= 1 for p in per_piece) and not any(
            _COMMENTARY.search(f.label) for f in parts
        )
        _best_sum(ctx, dim_heads, parts, form, certain and clean and dimension in strong)
    if any(r.status == FAILS and r.total in heads for r in ctx.found[before:]):
        scan_region(ctx, second)  # a slip in the first list: a second one must not hide it
    elif second:
        breakdown(ctx, heads, second, form, certain=False)


# A clause that breaks down the part before it (中央资金600万元，含发展资金400万元、…).
_INNER = re.compile(r"\s*(?:其中|含有|含|包含|包括|用于|主要用于|具体为|具体用于)")


def _inner_breakdowns(ctx: Context, listed: list[c.Node], form: str) -> set[str]:
    """The figures of clauses that break down the part before them: each such clause is read
    as that part's own breakdown (an uncertain one: 含 may name only some of it), and its
    figures are not parts of the list. Returns their ids."""
    clauses: list[tuple[int, list[c.Node]]] = [(c.span_of(listed)[0] if listed else 0, [])]
    for node in listed:
        if isinstance(node, c.Sep) and node.char in "，,":
            clauses.append((node.pos + 1, []))
        else:
            clauses[-1][1].append(node)
    inner: set[str] = set()
    parent = None
    for start, clause in clauses:
        figures = c.figures_in(clause)
        if parent is not None and figures and _INNER.match(ctx.text, start):
            parts = of(figures, parent)
            if parts:
                _best_sum(ctx, [parent], parts, form, certain=False)
                inner.update(f.id for f in figures)
                continue
        parent = figures[-1] if len(figures) == 1 else None
    return inner


def _two_ways(ctx: Context, head: Figure, segments: list[list[c.Node]], form, certain) -> bool:
    """One total split two ways: each ； segment a complete list of its own that adds up."""
    lists = [of(c.figures_in(s), head) for s in segments]
    if any(len(parts) < 2 for parts in lists):
        return False
    if any(sum_status(head, parts)[0] == FAILS for parts in lists):
        return False
    for parts in lists:
        ctx.add("sum", head, parts, "two-ways", certain)
    return True


def scan_segment(ctx: Context, segment: list[c.Node]) -> bool:
    """Relations inside one ；segment of a list; whether its extra figures are accounted for.

    The segment's first figure is its part of the list; further figures of the same kind are
    that part's own breakdown, stated (其中, brackets) or implied by the items that follow.
    """
    before = len(ctx.found)
    scan_region(ctx, segment)
    top = c.figures_in(segment)
    if not top:
        return True
    head = top[0]
    extras = of(top[1:], head)
    if not extras:
        return True
    nested = [r for r in ctx.found[before:] if r.total is head or head in r.parts]
    if not nested and c.first_word(segment, c.OPENERS) is None and len(extras) >= 2:
        _best_sum(ctx, [head], extras, "implied", certain=False)
        nested = ctx.found[before:]
    return any(r.status != FAILS and r.total is head for r in nested)


#: Words that make a bracketed figure a figure to compare with, not a part of the one before
#: it: a scorecard's maximum (分值, 满分, 权重), a target or plan, or last year's figure.
_REFERENCE = re.compile(
    r"(?:分值|满分|权重|标准分|目标值?|计划数?|预期|预算数|上年|去年|上年同期|同期)(?:为|是)?"
)


#: A bracket that says its figures are inside the figure before it.
_INCLUSION = re.compile(r"\s*(?:其中|内含|含有|包含|包括|含|具体为|具体是|分别为|分别是)")
#: Words that make a bracket no breakdown of the figure before it. Money outside it (另行核算,
#: 不含) whatever the bracket says; without an inclusion word also another figure of the same
#: thing (调整前, 上年), a figure per item (户均, 人均), a change or a maximum (同比, 最高):
#: anywhere in the bracket, and 原, 计划 … as its first word.
_OUTSIDE = re.compile(r"另行|不含|未含|不包括|未包括|不计入|未计入|除外")
_NOT_INSIDE = re.compile(
    r"调整前|调整后|另外|户均|人均|每户|每人|平均|同比|较上年|比上年|较去年|比去年|上年|去年"
    r"|最高|最多|上限|不超过|分值|满分|权重"
)
_NOT_INSIDE_FIRST = re.compile(r"\s*(?:原|前期|此前|以前|目标|计划|预期|预计)")


def _bracket_owner(ctx: Context, nodes: list[c.Node], index: int) -> Figure | None:
    """The figure a bracket breaks down, or None: the figure right before it, unless a name
    stands between them after a comma ("…得18分，资金拨付指标（20分）": the bracket is the
    indicator's, its maximum, not a part of the 18分)."""
    owner = c.owner_of(nodes, index)
    if owner is None:
        return None
    between = ctx.text[owner.end : nodes[index].start]  # type: ignore[union-attr]
    if re.search(r"[，,]\s*\S", between):
        return None
    return owner


def _bracket(ctx: Context, owner: Figure | None, group: c.Group) -> None:
    """A bracket after a figure: its breakdown where it reads as one, else its own relations.

    With an inclusion word (含、其中、包括 …) the bracket is the figure's breakdown, a certain
    one. A bare list of named figures ("13151万元（扶贫发展资金9990万元，…）") is one too; but a
    single bare figure may be another figure of the same thing, so it is only an uncertain part,
    and a score in brackets beside another is its maximum, no part at all. A bracket that names
    another figure (调整前, 另行核算, 户均 …) is no breakdown.
    """
    children = list(group.children)
    inner = list(c.all_figures(children))
    words = ctx.text[group.start + 1 : group.end]
    included = bool(_INCLUSION.match(words))
    if len(inner) == 1 and _REFERENCE.fullmatch(inner[0].label.strip()):
        return  # "18分（分值20分）": a maximum, target or last year's figure, no part
    parts = of(inner, owner) if owner is not None else []
    other = not included and (_NOT_INSIDE.search(words) or _NOT_INSIDE_FIRST.match(words))
    if owner is None or not parts or other or _OUTSIDE.search(words):
        scan_region(ctx, children)
        return
    if len(parts) == 1 and not included and owner.unit.dimension == "分":
        scan_region(ctx, children)
        return
    breakdown(ctx, [owner], children, "bracket", certain=included or len(parts) > 1)


def scan_region(ctx: Context, nodes: list[c.Node], previous: Sequence[Figure] = ()) -> None:
    """Every relation stated in ``nodes`` (a sentence, a bracket's content, a segment)."""
    for index, node in enumerate(nodes):
        if isinstance(node, c.Group):
            _bracket(ctx, _bracket_owner(ctx, nodes, index), node)
    opener = c.first_word(nodes, c.OPENERS)
    if opener is not None:
        before = c.figures_in(nodes[:opener])
        # The whole is in the clause right before 其中 ("478户1012人，其中…"); failing that,
        # the nearest figure before it; a list that opens its sentence ("。其中：…") belongs
        # to the sentence before.
        clauses = c.split(nodes[:opener], "，、；：")
        adjacent = c.figures_in(clauses[-1]) if clauses else []
        heads = list(reversed(adjacent or before))
        further = [f for f in reversed(before) if f not in heads]
        if not heads and opener == 0:
            heads = list(reversed(previous))
        heads = _prefer_marked(ctx, heads)
        word = nodes[opener].word  # type: ignore[union-attr]
        form = "respectively" if word == "分别" else "list"
        breakdown(ctx, heads, nodes[opener + 1 :], form, word == "其中", further)
    else:
        _parts_first(ctx, nodes)
    remainders(ctx, nodes)
    changes(ctx, nodes)
    rates(ctx, nodes)


def _prefer_marked(ctx: Context, heads: list[Figure]) -> list[Figure]:
    """Heads nearest first, but per kind of unit the nearest marked as a total (共…) first."""
    marked = [h for h in heads if _TOTAL_WORD.search(ctx.prefix(h))]
    if not marked:
        return heads
    ordered = []
    for head in heads:
        first_marked = next((m for m in marked if same_dimension(m, head) or m is head), None)
        pick = first_marked if first_marked is not None else head
        if pick not in ordered:
            ordered.append(pick)
    return ordered + [h for h in heads if h not in ordered]


def _parts_first(ctx: Context, nodes: list[c.Node]) -> None:
    """Parts first, the total last: "…6.75万元；…3.2万元；共计9.95万元"."""
    top = c.figures_in(nodes)
    for index, total in enumerate(top):
        prefix = ctx.prefix(total)
        if index < 2 or not _TOTAL_WORD.search(prefix) or total.unit.dimension in _NOT_ADDITIVE:
            continue
        before = [n for n in nodes if not (isinstance(n, c.Fig) and n.figure.start >= total.start)]
        colon = max(
            (i for i, n in enumerate(before) if isinstance(n, c.Sep) and n.char == "："), default=-1
        )
        region = before[colon + 1 :]
        chars = "；" if any(isinstance(n, c.Sep) and n.char == "；" for n in region) else "，、；"
        pieces = [of(c.figures_in(p), total) for p in c.split(region, chars)]
        parts = [f for piece in pieces for f in piece[:1]]
        if len(parts) < 2:
            continue
        clean = all(len(p) <= 1 for p in pieces) and total.unit.dimension not in PEOPLE
        certain = clean and bool(_CERTAIN_TOTAL_WORD.search(prefix))
        status, _ = sum_status(total, parts)
        if status == FAILS and list_end(parts[0], [*parts, total])[1] in (SURE, MAYBE):
            continue  # "中央资金…，省级资金…，累计支出…": a use after sources, no total of them
        if status == FAILS:
            # The list may begin later than the sentence does: the shortest tail that adds up.
            cut = shortest_cut(total, parts)
            if cut is not None:
                ctx.add("sum", total, parts[cut:], "parts-first", certain=False)
            else:
                ctx.add("sum", total, parts, "parts-first", certain, needs_cause=len(parts) < 3)
        else:
            ctx.add("sum", total, parts, "parts-first", certain)
