"""Differences and rates the prose states: a remainder, a change on the year before, a share.

Each is read only where its figures stand in one sentence; all but a share whose two figures
are both printed (占…Y万元的R%) are uncertain readings, kept only where they agree.
"""

from __future__ import annotations

import re

from fundanalysis.text.scan import clauses as c
from fundanalysis.text.scan.context import Candidate, Context, of, same_dimension
from fundanalysis.text.scan.figures import Figure
from fundanalysis.text.scan.verdicts import FAILS, rate_status

_REMAINDER = re.compile(r"(其余|剩余|余下|尚余)[^，,；;。]{0,10}$")
_CHANGE = re.compile(r"(?:比上年|较上年|比去年|较去年|同比)(增加|增长|多|减少|下降|少)了?\s*$")
_RISE = ("增加", "增长", "多")
_RATE_WORD = re.compile(r"率|占比|比例|比重")
_NOT_A_SHARE = re.compile(
    r"增长|下降|提高|降低|增幅|满意|发生率|贫困发生|覆盖|达标|合格|完好|入学|参保|参合"
)
_SHARE = re.compile(r"[占佔][^，,；;。]{0,30}$")


def remainders(ctx: Context, nodes: list[c.Node]) -> None:
    """ "…已支付 22.6 万元，其余资金 535.13 万元": whole = taken + remainder."""
    top = c.figures_in(nodes)
    for index, rest in enumerate(top):
        if not _REMAINDER.search(ctx.prefix(rest, 12)):
            continue
        same = of(top[:index], rest)
        if len(same) < 2:
            continue
        whole, taken = same[0], same[-1]
        candidate = ctx.add("difference", whole, [taken, rest], "remainder", certain=False)
        if candidate.status == FAILS:
            ctx.remove(candidate)  # another figure may be the whole: nothing is stated


def changes(ctx: Context, nodes: list[c.Node]) -> None:
    """ "2019年投入800万元，2020年投入1000万元，比上年增加200万元": later = earlier + change.

    Only where the sentence prints both years' figures before the change, and only where they
    agree: the earlier figure may be printed nowhere near, so a change that does not agree
    with the two figures before it is no finding.
    """
    top = c.figures_in(nodes)
    for index, change in enumerate(top):
        word = _CHANGE.search(ctx.prefix(change, 10))
        if not word:
            continue
        same = of(top[:index], change)
        if len(same) < 2:
            continue
        earlier, later = same[-2], same[-1]
        if word.group(1) in _RISE:
            candidate = ctx.add("difference", later, [earlier, change], "change", certain=False)
        else:
            candidate = ctx.add("difference", earlier, [later, change], "change", certain=False)
        if candidate.status == FAILS:
            ctx.remove(candidate)


def rates(ctx: Context, nodes: list[c.Node]) -> None:
    """A share stated with its figures: "…X万元，占…Y万元的R%" or "…率为R%"."""
    top = c.figures_in(nodes)
    for index, rate in enumerate(top):
        if rate.unit.dimension != "%":
            continue
        prefix = ctx.prefix(rate, 40)
        if _NOT_A_SHARE.search(prefix[-10:]):
            continue
        earlier = [f for f in top[:index] if f.unit.dimension not in ("%", "百分点")]
        if _SHARE.search(prefix) and len(earlier) >= 2 and _share(ctx, top, rate, earlier):
            continue
        if not _RATE_WORD.search(prefix[-12:]):
            continue
        counted = _counted(prefix)
        for numerator in reversed(earlier):
            if counted is not None and numerator.unit.is_money != (counted == "money"):
                continue  # 完工率 counts projects: no ratio of two sums of money
            denominators = [
                f
                for f in ctx_totals(ctx)
                if same_dimension(f, numerator) and f.start < numerator.start and f.value > 0
            ]
            for denominator in reversed(denominators):
                if rate_status(rate, numerator, denominator)[0] != FAILS:
                    _add_rate(ctx, rate, numerator, denominator, certain=False)
                    return


#: What a rate's name says it counts: money (资金支出率, 投资完成率) or things (完工率, 项目
#: 验收率, 覆盖户数比例); money words first, so that 项目资金支出率 is of money.
_MONEY_RATE = re.compile(r"资金|支出|拨付|报账|执行|到位|预算|投资|金额|经费|结转|结余|款")
_COUNT_RATE = re.compile(r"项目|完工|完成|竣工|验收|开工|户|人|村|个数|数量")


def _counted(prefix: str) -> str | None:
    """ "money", "count", or None (the name does not say) for the rate printed after ``prefix``."""
    name = re.split(r"[，,；;。：:、（(）)\s]", prefix)[-1]
    if _MONEY_RATE.search(name):
        return "money"
    if _COUNT_RATE.search(name):
        return "count"
    return None


#: Between a share's figure and its 占: nothing but a comma ("600万元，占…"); anything else may
#: name another subject ("已支付占…", "2020年投入占…").
_RIGHT_BEFORE_SHARE = re.compile(r"[\s，,]*")
_CHANGE_BEFORE = re.compile(r"比上年|较上年|比去年|较去年|同比|增加|减少|增长|下降|多|少")


def _share(ctx: Context, top: list[Figure], rate: Figure, earlier: list[Figure]) -> bool:
    """ "X万元，占…Y万元的R%": R = X ÷ Y, certain only where X stands right before the 占, is
    not a change on the year before, and the 占 states one rate; else the reading that holds,
    if one does, as an uncertain one. Whether a share was read (found or refused)."""
    word = max(ctx.text.rfind(ch, 0, rate.start) for ch in "占佔")
    denominators = [f for f in earlier if f.start > word]
    numerators = [f for f in earlier if f.end <= word]
    if not denominators or not numerators:
        return False
    rates_stated = [f for f in top if f.unit.dimension == "%" and f.start > word]
    several = len(rates_stated) > 1 and "；" not in ctx.text[word : rates_stated[1].start]
    numerator, denominator = numerators[-1], denominators[-1]
    if (
        not several
        and same_dimension(numerator, denominator)
        and _RIGHT_BEFORE_SHARE.fullmatch(ctx.text[numerator.end : word])
        and not _CHANGE_BEFORE.search(ctx.prefix(numerator, 6))
    ):
        _add_rate(ctx, rate, numerator, denominator, certain=True)
        return True
    # 分别占…60%和40%, "已支付占…": the part the share is of is not certain; a reading that
    # holds is kept, none is a finding
    for numerator in reversed(numerators):
        for denominator in reversed(denominators):
            if (
                same_dimension(numerator, denominator)
                and denominator.value > 0
                and rate_status(rate, numerator, denominator)[0] != FAILS
            ):
                _add_rate(ctx, rate, numerator, denominator, certain=False)
                return True
    return True


def ctx_totals(ctx: Context) -> list[Figure]:
    """Figures already found as totals of a sum (the denominators a rate is likely to name)."""
    seen = {
        total: found[0].total
        for total, found in ctx.sums.items()
        if any(candidate.status != FAILS for candidate in found)
    }
    return sorted(seen.values(), key=lambda f: f.start)


def _add_rate(ctx: Context, rate: Figure, numerator: Figure, denominator: Figure, certain: bool):
    status, gap = rate_status(rate, numerator, denominator)
    figures = (rate, numerator, denominator)
    certain = certain and not ctx.tentative and not any(f.approximate for f in figures)
    ctx.found.append(
        Candidate("rate", rate, (numerator, denominator), status, gap, "rate", certain)
    )
