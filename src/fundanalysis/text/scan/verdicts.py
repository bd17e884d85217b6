"""Verdicts in exact decimal arithmetic, with the rounding rule of XBRL Calculations 1.1.

Each printed figure stands for the interval its last digit allows: ``40.38`` 万元 is anything in
[40.375, 40.385]. A sum is ``holds`` when the printed figures add up exactly, ``rounding``
when they do not but the total's interval meets the interval of the sum of the parts (the sum
of their intervals), and ``fails`` otherwise. Counts of discrete things are exact: their
interval is the point itself. Amounts in different money units are converted exactly into the
total's unit first.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext

from fundanalysis.text.scan.figures import Figure

HOLDS, ROUNDING, FAILS = "holds", "rounding", "fails"


def in_unit(figure: Figure, target: Figure) -> Decimal:
    """The figure's value expressed exactly in the unit of ``target`` (same dimension)."""
    with localcontext() as context:
        context.prec = 60
        return figure.value * figure.unit.scale / target.unit.scale


def half_width(figure: Figure, target: Figure) -> Decimal:
    """Half the step of the figure's last printed digit, in the unit of ``target``."""
    if figure.unit.exact:
        return Decimal(0)
    with localcontext() as context:
        context.prec = 60
        return Decimal(5).scaleb(-(figure.decimals + 1)) * figure.unit.scale / target.unit.scale


def sum_status(total: Figure, parts: Sequence[Figure]) -> tuple[str, Decimal]:
    """Verdict of ``total = Σ parts`` and its gap (total − Σ parts) in the total's unit."""
    with localcontext() as context:
        context.prec = 60
        computed = sum((in_unit(p, total) for p in parts), Decimal(0))
        gap = total.value - computed
        if gap == 0:
            return HOLDS, _plain(gap)
        spread = half_width(total, total) + sum((half_width(p, total) for p in parts), Decimal(0))
        return (ROUNDING if abs(gap) <= spread else FAILS), _plain(gap)


def shortest_cut(total: Figure, parts: Sequence[Figure]) -> int | None:
    """The first ``cut`` (1 ≤ cut < len(parts) − 1) for which ``total = Σ parts[cut:]`` does
    not fail, or None: the verdicts of every tail at once, from sums taken from the end, so a
    list of thousands of figures costs one pass instead of one sum per tail."""
    with localcontext() as context:
        context.prec = 60
        values = [in_unit(p, total) for p in parts]
        halves = [half_width(p, total) for p in parts]
        own = half_width(total, total)
        verdicts: list[bool] = [False] * len(parts)
        value = spread = Decimal(0)
        for at in range(len(parts) - 1, 0, -1):
            value += values[at]
            spread += halves[at]
            gap = total.value - value
            verdicts[at] = gap == 0 or abs(gap) <= own + spread
        return next((cut for cut in range(1, len(parts) - 1) if verdicts[cut]), None)


def part_status(whole: Figure, part: Figure) -> tuple[str, Decimal]:
    """Verdict of ``part ≤ whole``; the gap is whole − part (negative when it fails)."""
    with localcontext() as context:
        context.prec = 60
        gap = whole.value - in_unit(part, whole)
        if gap >= 0:
            return HOLDS, _plain(gap)
        spread = half_width(whole, whole) + half_width(part, whole)
        return (ROUNDING if -gap <= spread else FAILS), _plain(gap)


def rate_status(rate: Figure, numerator: Figure, denominator: Figure) -> tuple[str, Decimal]:
    """Verdict of ``rate % = numerator / denominator × 100``; gap = printed − computed rate.

    ``holds`` when the computed rate is the printed one; ``rounding`` when it rounds (half up)
    to it at its printed decimals (920.14 / 955 = 96.3497… % printed 96.35 %), or when the
    intervals of the three figures still meet: the rule of the data's checks, so that one
    rate has one verdict wherever it is shown.
    """
    with localcontext() as context:
        context.prec = 60
        if denominator.value == 0:
            return FAILS, rate.value
        n, d = in_unit(numerator, denominator), denominator.value
        computed = n * 100 / d
        step = Decimal(1).scaleb(-rate.decimals)
        gap = rate.value - computed
        shown_gap = _plain(gap.quantize(Decimal(1).scaleb(-(rate.decimals + 2))))
        if computed == rate.value:
            return HOLDS, shown_gap
        if computed.quantize(step, rounding="ROUND_HALF_UP") == rate.value:
            return ROUNDING, shown_gap
        n_half, d_half = half_width(numerator, denominator), half_width(denominator, denominator)
        r_half = half_width(rate, rate)
        low = (n - n_half) * 100 / (d + d_half)
        high = (n + n_half) * 100 / (d - d_half) if d > d_half else computed
        meets = low <= rate.value + r_half and high >= rate.value - r_half
        return (ROUNDING if meets else FAILS), shown_gap


def _plain(value: Decimal) -> Decimal:
    """A gap without spurious trailing zeros or exponent (0E-6 → 0, 3099.6900 → 3099.69)."""
    if value == 0:
        return Decimal(0)
    normal = value.normalize()
    return normal if normal.as_tuple().exponent <= 0 else normal.quantize(Decimal(1))
