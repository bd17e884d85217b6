"""Findings: each failing relation once, with its gap, its materiality and its likely cause.

The cause is named only where the text itself tells it: a part printed in another unit than
the parts beside it, where their unit makes the sum hold; a gap equal to another figure the
report prints (a part left out of the list); a count that differs from the items listed.
Money (and other amounts) are material when the gap is at least 1 % of the total; a count is
reported as what it is ("1 of 52"), and any wrong count is material.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

from fundanalysis.text.scan.figures import Figure
from fundanalysis.text.scan.units import UNITS
from fundanalysis.text.scan.verdicts import FAILS, in_unit, sum_status

if TYPE_CHECKING:
    from fundanalysis.text.scan.context import Relation

MATERIALITY = Decimal("0.01")


@dataclass(frozen=True)
class Finding:
    """One inconsistency, in Chinese and English, and the relations it comes from."""

    id: str
    relations: tuple[str, ...]
    material: bool
    title: str
    title_en: str
    explanation: str
    explanation_en: str
    cause: str


def _fmt(value: Decimal) -> str:
    text = format(value.normalize(), "f") if value != 0 else "0"
    return text


def _listed(parts: Sequence[Figure]) -> str:
    return "、".join(p.printed.replace("\n", "").replace(" ", "") for p in parts)


def unit_slip(relation: Relation) -> Figure | None:
    """The one part whose value, read in its siblings' unit, makes the sum hold."""
    units = Counter(p.unit.stored for p in relation.parts)
    usual, count = units.most_common(1)[0]
    if count < 2:
        return None
    for part in relation.parts:
        if part.unit.stored == usual:
            continue
        reread = replace(part, unit=UNITS[usual])
        parts = [reread if p is part else p for p in relation.parts]
        if sum_status(relation.total, parts)[0] != FAILS:
            return part
    return None


# Two-character terms too common in these reports to tie one figure to another.
_GENERIC = frozenset(
    [
        "资金",
        "扶贫",
        "财政",
        "专项",
        "项目",
        "万元",
        "用于",
        "支持",
        "中央",
        "省级",
        "市级",
        "县级",
        "区级",
        "自治",
        "治区",
        "治州",
        "级资",
        "金用",
        "发展",
        "扶持",
        "脱贫",
        "攻坚",
        "其他",
        "及其",
        "级及",
        "其中",
        "安排",
        "下达",
        "投入",
        "涉及",
        "合计",
        "共计",
    ]
)


def _terms(text: str) -> set[str]:
    """The two-character terms of a text's Chinese words, generic ones left out."""
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    return {run[i : i + 2] for run in runs for i in range(len(run) - 1)} - _GENERIC


def _sentence(text: str, figure: Figure) -> str:
    start = max(text.rfind(ch, 0, figure.start) for ch in "。\n") + 1
    ends = [i for i in (text.find(ch, figure.end) for ch in "。\n") if i >= 0]
    return text[start : min(ends, default=len(text))]


def printed_elsewhere(relation: Relation, figures: Sequence[Figure], text: str) -> Figure | None:
    """A figure printed elsewhere that is the gap exactly, and that the total's sentence names.

    A gap of 200 万元 equal to some other 200 万元 proves nothing; it is the likely missing part
    when the words printed with it (地方政府债券) stand in the total's own sentence, though in
    none of the listed parts (巴州: the project count names 地方政府债券, its money does not).
    """
    if relation.gap <= 0:
        return None
    used = {relation.total.id, *(p.id for p in relation.parts)}
    around = _terms(_sentence(text, relation.total)) - _terms(
        " ".join(p.label for p in relation.parts)
    )
    for figure in figures:
        if figure.id in used or figure.approximate:
            continue
        if figure.unit.dimension != relation.total.unit.dimension:
            continue
        if in_unit(figure, relation.total) != relation.gap:
            continue
        if len(_terms(figure.label) & around) >= 2:
            return figure
    return None


def _share(gap: Decimal, total: Decimal) -> Decimal:
    with localcontext() as context:
        context.prec = 30
        return abs(gap) / total if total else Decimal(1)


def _where(figure: Figure) -> tuple[str, str]:
    section = figure.section.rsplit(" / ", 1)[-1] or "正文"
    return f"“{section}”一节", f"the section “{section}”"


def _finding(
    relation: Relation, figures: Sequence[Figure], text: str, materiality: Decimal
) -> Finding:
    total, parts, gap = relation.total, relation.parts, relation.gap
    unit = total.unit.printed
    where, where_en = _where(total)
    listed = _listed(parts)
    computed = _fmt(total.value - gap)
    stated = f"“{total.clause}”"
    if relation.kind in ("sum", "difference") and total.unit.exact:
        more = -gap
        if more > 0:
            word, word_en = f"多 {_fmt(more)} {unit}", f"{_fmt(more)} more than"
        else:
            word, word_en = f"少 {_fmt(-more)} {unit}", f"{_fmt(-more)} fewer than"
        return Finding(
            "",
            (relation.id,),
            True,
            f"所述数目（{total.printed}）与所列各项之和（{computed} {unit}）不符",
            f"The stated count ({total.printed}) differs from the items listed ({computed} {unit})",
            f"{where}{stated}：所列各项（{listed}）之和为 {computed} {unit}，比所述 "
            f"{_fmt(total.value)} {unit}{word}（{_fmt(total.value)} {unit}中的 {_fmt(abs(gap))} {unit}）。",
            f"In {where_en}, {stated}: the items listed ({listed}) add up to {computed} {unit}, "
            f"{word_en} the {_fmt(total.value)} stated ({_fmt(abs(gap))} of {_fmt(total.value)}).",
            "count",
        )
    if relation.kind == "rate":
        numerator, denominator = parts
        computed_rate = _fmt(total.value - gap)
        return Finding(
            "",
            (relation.id,),
            abs(gap) >= 1,
            f"所述比率（{total.printed}）与所列金额不符",
            f"The stated rate ({total.printed}) does not follow from the figures it names",
            f"{where}：{numerator.printed} ÷ {denominator.printed} = {computed_rate}%，"
            f"所印为 {total.printed}，差 {_fmt(gap)} 个百分点。",
            f"In {where_en}: {numerator.printed} ÷ {denominator.printed} = {computed_rate}%, "
            f"printed as {total.printed}: {_fmt(gap)} percentage points apart.",
            "rate",
        )
    share = _share(gap, total.value)
    material = share >= materiality
    size = f"差 {_fmt(gap)} {unit}，占合计 {share:.2%}，{'重大' if material else '非重大'}"
    size_en = f"a gap of {_fmt(gap)} {unit}, {share:.2%} of the total, {'material' if material else 'immaterial'}"
    head = f"{where}{stated}：所列分项（{listed}）之和为 {computed} {unit}，{size}。"
    head_en = f"In {where_en}, {stated}: the parts listed ({listed}) add up to {computed} {unit}; {size_en}."
    slip = unit_slip(relation) if relation.kind == "sum" else None
    if slip is not None:
        usual = Counter(p.unit.stored for p in parts).most_common(1)[0][0]
        return Finding(
            "",
            (relation.id,),
            material,
            f"“{slip.clause}”的单位很可能误印为“{slip.unit.printed}”",
            f"“{slip.clause}”: the unit is most likely misprinted as {slip.unit.printed}",
            head
            + f"同列其他分项均以{usual}计；若“{slip.printed}”按{usual}读，分项之和与合计相符。",
            head_en + f" The other parts are in {usual}; read in {usual}, “{slip.printed}” makes "
            "the parts add up to the total.",
            "unit",
        )
    missing = printed_elsewhere(relation, figures, text) if relation.kind == "sum" else None
    if missing is not None:
        there, there_en = _where(missing)
        return Finding(
            "",
            (relation.id,),
            material,
            f"分项漏列一笔：差额恰为“{missing.clause}”",
            f"A part is left out of the breakdown: the gap equals “{missing.clause}”",
            head + f"差额 {_fmt(gap)} {unit} 恰等于报告在{there}所印“{missing.clause}”，"
            "很可能是这笔资金未列入分项。",
            head_en + f" The gap of {_fmt(gap)} {unit} is exactly “{missing.clause}”, which the "
            f"report prints in {there_en}: most likely that money is left out of the list.",
            "missing-part",
        )
    if relation.kind == "part":
        return Finding(
            "",
            (relation.id,),
            material,
            f"部分（{parts[0].printed}）大于整体（{total.printed}）",
            f"A part ({parts[0].printed}) exceeds its whole ({total.printed})",
            f"{where}{stated}：其中“{parts[0].clause}”大于整体，{size}。",
            f"In {where_en}, {stated}: the part “{parts[0].clause}” exceeds its whole; {size_en}.",
            "arithmetic",
        )
    return Finding(
        "",
        (relation.id,),
        material,
        f"所列分项之和与合计（{total.printed}）不符",
        f"The parts do not add up to the total ({total.printed})",
        head + "各数精度不能以四舍五入解释差额，很可能是计算或誊写笔误。",
        head_en + " Rounding at the printed precision cannot explain the gap: most likely a slip "
        "in the arithmetic or in copying.",
        "arithmetic",
    )


def findings_of(
    relations: Sequence[Relation],
    figures: Sequence[Figure],
    text: str,
    materiality: Decimal = MATERIALITY,
) -> list[Finding]:
    """One finding per failing relation, numbered F1, F2 … in the text's order."""
    found = [_finding(r, figures, text, materiality) for r in relations if r.status == FAILS]
    return [replace(f, id=f"F{i}") for i, f in enumerate(found, 1)]
