"""What a printed figure stands for once rounding is allowed: the interval its last digit gives.

One rule, XBRL Calculations 1.1's: ``1.2 亿元`` is 11,500 to 12,500 万元 (both ends included, as
the checks include them), ``1.8 万人`` is 17,500 to 18,500 people. Sums of parts (the checks)
allow half of every printed digit. A figure compared with another (a rise every year) or
divided by another (people per household, funds per person) is taken as printed when it is
printed to the unit its table counts in or finer (one person, one household, one thing, 1 万元:
the figures the report's own tables carry), and as its interval only when it is printed
coarser (亿元 to 0.1, 万人, 万户, or a rate, always rounded at its last digit). So a table
whose inputs are printed to the 万元 and the person shows what it showed before, and one
derived from 1.8 万人 shows the interval 1.8 万人 allows, never a figure to the 分.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from fundanalysis.data import units
from fundanalysis.data.money import FEN_PER_UNIT, FEN_PER_WAN, decimals_of

#: Kinds counted in whole things: a count printed to the thing is exact.
WHOLE_KINDS = ("count", "households", "people", "person_times")

HOLDS, ROUNDING, FAILS = "holds", "rounding", "fails"


def _last_digit(printed: str, unit: str) -> int:
    """One unit of a printed figure's last digit, in millionths of its kind's base unit; 0 for
    a digit finer than a millionth (300.0000000 人: exact, with no rounding to allow)."""
    try:
        return units.to_micro(Decimal(1).scaleb(-decimals_of(printed)), unit)
    except units.UnitError:
        return 0


def half_step(printed: str, unit: str) -> int:
    """What rounding a printed measure may hide, in millionths of its base unit: half its last
    digit, or 0 for a count of whole things printed to the thing (300 人 is exact; 3.5 万人
    stands for 34,500 to 35,500)."""
    step = _last_digit(printed, unit)
    if units.UNITS[unit].kind in WHOLE_KINDS:
        return step // 2 if step > units.MICRO else 0
    return step // 2


def money_half_step(printed: str, unit: str) -> int:
    """Half the last printed digit of an amount, in 分 (what a sum of it may hide)."""
    return FEN_PER_UNIT[unit] // 10 ** decimals_of(printed) // 2


def compared_half_fen(printed: object, unit: object) -> int:
    """Half the last digit of an amount compared or divided, in 分: 0 where it is printed to the
    万元 or finer (taken as printed), half its digit where coarser (1.2 亿元: 500 万元)."""
    if not isinstance(printed, str) or unit not in FEN_PER_UNIT:
        return 0
    half = money_half_step(printed, unit)
    return half if 2 * half > FEN_PER_WAN else 0


def span(value: int, half: int) -> tuple[int, int]:
    """The interval a figure stands for: ``value`` ± ``half``, both ends included; a figure
    printed as 0 or more stands for nothing below 0 (0 亿元 is 0 to 5,000 万元)."""
    low = value - half
    return (max(low, 0) if value >= 0 else low), value + half


def rise_status(earlier: tuple[int, int], later: tuple[int, int]) -> str:
    """Whether the later figure is above the earlier one, figures being intervals: ``holds``
    where every value of the later is above every value of the earlier, ``fails`` where none
    is (the later's top at or below the earlier's bottom: at best the two are equal, not a
    rise), ``rounding`` where the intervals allow both. Exact figures (zero width) give
    today's plain comparison."""
    if later[0] > earlier[1]:
        return HOLDS
    if later[1] <= earlier[0]:
        return FAILS
    return ROUNDING


def difference(first: tuple[int, int], last: tuple[int, int]) -> tuple[int, int]:
    """The interval of ``last − first``."""
    return last[0] - first[1], last[1] - first[0]


def ratio(top: tuple[int, int], bottom: tuple[int, int]) -> tuple[Fraction, Fraction] | None:
    """The interval of ``top / bottom`` for non-negative figures, exactly; None where the
    bottom may be 0 (no ratio can be given)."""
    if bottom[0] <= 0:
        return None
    return Fraction(max(top[0], 0), bottom[1]), Fraction(top[1], bottom[0])


def relative_change(
    first: tuple[int, int], last: tuple[int, int]
) -> tuple[Fraction, Fraction] | None:
    """The interval of ``last / first − 1`` (a change as a share of the first figure)."""
    quotient = ratio(last, first)
    return None if quotient is None else (quotient[0] - 1, quotient[1] - 1)


def is_exact(*intervals: tuple) -> bool:
    """Whether every interval is a single value (the inputs were taken as printed)."""
    return all(low == high for low, high in intervals)
