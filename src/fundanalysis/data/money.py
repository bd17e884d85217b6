"""Exact money: text as printed → integer 分 (fen), and back.

The report prints amounts in 万元 (10,000 yuan) with up to 6 decimals, in 元, or in 亿元 (10,000
万元) with up to 10; 0.000001 万元 is
exactly 0.01 元, one 分. Every amount is therefore held exactly as an integer number of 分
(``amount_fen``); the float ``amount_wan`` next to it exists only so that ordinary pandas
(describe, plotting, division) works. Sums that are compared or published use ``amount_fen``.
Parsing never goes through float and refuses any text it would have to change to read.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

FEN_PER_UNIT = {"亿元": 10_000_000_000, "万元": 1_000_000, "元": 100}
FEN_PER_WAN = FEN_PER_UNIT["万元"]
MAX_WAN_DECIMALS = 6

_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_FULL_WIDTH = re.compile(r"[０-９．，－]")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


class AmountError(ValueError):
    """The text is not a plain non-negative decimal number that converts to 分 exactly."""


def parse_decimal(text: str) -> Decimal:
    """Read a plain decimal number written with ASCII digits, e.g. ``"142.922302"``.

    Refused, each with its own reason: empty cells, surrounding spaces, full-width digits,
    thousands separators, signs, units or any other character.
    """
    if text == "":
        raise AmountError("金额为空 / amount is empty")
    if text != text.strip():
        raise AmountError("金额前后有空格 / amount has leading or trailing spaces")
    if _FULL_WIDTH.search(text):
        raise AmountError("金额含全角字符，请用半角数字 / full-width characters; use ASCII digits")
    if "," in text:
        if re.fullmatch(r"[0-9]{1,3},[0-9]{3}", text):  # 4,551: a thousand and more, or 4.551?
            thousands, decimal = text.replace(",", ""), text.replace(",", ".")
            raise AmountError(
                f"逗号有歧义：千位分隔应写 {thousands}，小数点应写 {decimal} / an ambiguous comma: "
                f"write {thousands} if it separates thousands, {decimal} if it is a decimal point"
            )
        if _THOUSANDS.fullmatch(text):
            fixed = text.replace(",", "")
            raise AmountError(
                f"金额含千位分隔符，应写 {fixed} / thousands separator: write {fixed}"
            )
        if text.count(",") == 1 and "." not in text:
            fixed = text.replace(",", ".")
            raise AmountError(
                f"逗号不是小数点，应写 {fixed} / a comma is not a decimal point: write {fixed}"
            )
        raise AmountError("逗号位置不对，不是数字 / commas in the wrong places: not a number")
    if text.startswith("-"):
        raise AmountError("金额为负 / amount is negative; amounts are never below zero")
    if text.startswith("+"):
        raise AmountError(f"请去掉正号，写 {text[1:]} / no sign: write {text[1:]}")
    if not _PLAIN_NUMBER.fullmatch(text):
        raise AmountError(
            "不是数字，单位请写在 unit 列 / not a plain number; put the unit in the unit column"
        )
    return Decimal(text)


def to_fen(value: Decimal, unit: str) -> int:
    """Convert an exact decimal in ``unit`` (亿元, 万元 or 元) to integer 分, refusing any
    rounding."""
    try:
        per_unit = FEN_PER_UNIT[unit]
    except KeyError:
        raise AmountError(
            f"未知单位 / unknown unit {unit!r}; expected one of {', '.join(FEN_PER_UNIT)}"
        ) from None
    fen = value * per_unit
    if fen != fen.to_integral_value():
        limit = len(str(per_unit)) - 1  # 亿元 to 10 decimals, 万元 to 6, 元 to 2: to the 分
        raise AmountError(
            f"小数位过多，超过 {limit} 位会丢失精度 / more than {limit} decimals for {unit}: "
            "reading it would lose precision"
        )
    return int(fen)


def parse_amount(text: str, unit: str) -> int:
    """Read an amount as printed with its unit into integer 分."""
    return to_fen(parse_decimal(text), unit)


INT64_MAX = 2**63 - 1
TOO_LARGE = "金额过大，无法精确保存 / amount too large to hold exactly (over 9.2e12 万元)"

#: Digits of the integer part read with int64 arithmetic; longer ones take the exact scalar path.
_FAST_INTEGER_DIGITS = 12


#: Columns shorter than this are read cell by cell: for a few rows, pandas' vectorised string
#: operations cost more than they save.
VECTORISE_FROM = 500


def amounts_to_fen(
    texts: pd.Series, units: pd.Series, vectorise_from: int = VECTORISE_FROM
) -> tuple[pd.Series, pd.Series]:
    """Vectorised :func:`parse_amount` over a column: (分 as Int64, per-row error message).

    Well-formed amounts are converted with integer arithmetic on their digit strings (never
    float); any other row goes through :func:`parse_amount` itself, so both paths agree by
    construction and every refusal carries the scalar function's message. Rows whose text is
    missing come back as <NA> with no message.
    """
    fen = pd.Series(pd.NA, index=texts.index, dtype="Int64")
    errors = pd.Series("", index=texts.index, dtype=object)
    present = texts.notna() & (texts != "")
    if len(texts) < max(vectorise_from, 1):
        return _amounts_one_by_one(texts, units, present, fen, errors)
    import pyarrow as pa
    import pyarrow.compute as pc

    # one pass of Arrow's regular expressions: plain number or not, and its two parts
    number = pc.extract_regex(
        pa.array(texts.where(present, "0").astype("str")),
        r"^(?P<whole>[0-9]+)(?:\.(?P<fraction>[0-9]+))?$",
    )
    plain = pc.is_valid(number).to_numpy(zero_copy_only=False)
    whole = pc.if_else(plain, pc.struct_field(number, "whole"), "0")
    fraction = pc.if_else(plain, pc.struct_field(number, "fraction"), "")
    fraction = pc.utf8_rtrim(fraction, characters="0")
    unit = units.astype("str")
    is_wan, is_yuan = (unit == "万元").fillna(False), (unit == "元").fillna(False)
    allowed = np.select([is_wan, is_yuan], [MAX_WAN_DECIMALS, 2], -1)
    fast = (
        present.to_numpy(dtype=bool)
        & plain
        & (allowed >= 0)
        & (pc.utf8_length(fraction).to_numpy() <= allowed)
        & (pc.utf8_length(whole).to_numpy() <= _FAST_INTEGER_DIGITS)
    )
    if fast.any():
        # the fraction written out to the 分: 1.5 万元 → 500000, 1.5 元 → 50
        padded = pc.if_else(
            allowed == MAX_WAN_DECIMALS,
            pc.utf8_rpad(fraction, MAX_WAN_DECIMALS, padding="0"),
            pc.utf8_rpad(fraction, 2, padding="0"),
        )
        scale = np.where(is_wan.to_numpy(dtype=bool), FEN_PER_UNIT["万元"], FEN_PER_UNIT["元"])
        rows = pa.array(fast)
        value = (
            pc.cast(whole.filter(rows), pa.int64()).to_numpy() * scale[fast]
            + pc.cast(padded.filter(rows), pa.int64()).to_numpy()
        )
        fen[fast] = pd.array(value, dtype="Int64")
    fast = pd.Series(fast, index=texts.index)
    return _amounts_one_by_one(texts, units, present & ~fast, fen, errors)


def exact_sum(values: pd.Series) -> int:
    """The exact sum of an integer column (missing cells skipped): numpy's sum where no partial
    sum can pass int64, Python's integers where one could."""
    if len(values) < VECTORISE_FROM:  # a few rows: Python's integers, without pandas' overhead
        return sum(int(value) for value in values.dropna().tolist())
    present = values.dropna()
    if present.empty:
        return 0
    largest = int(present.abs().max())
    if largest * len(present) < 2**63:
        return int(present.sum())
    return sum(int(value) for value in present.tolist())


def max_decimals(texts: pd.Series) -> int:
    """The most decimals any of ``texts`` is printed with (see :func:`decimals_of`)."""
    if len(texts) < VECTORISE_FROM:
        return max((decimals_of(text) for text in texts), default=0)
    text = texts.astype("str")
    point = text.str.find(".")
    return int((text.str.len() - point - 1).where(point >= 0, 0).max())


def _amounts_one_by_one(
    texts: pd.Series, units: pd.Series, rows: pd.Series, fen: pd.Series, errors: pd.Series
) -> tuple[pd.Series, pd.Series]:
    """The exact scalar path, for the rows selected by ``rows``."""
    for index in texts.index[rows]:
        try:
            value = parse_amount(texts[index], units[index])
        except AmountError as error:
            errors[index] = str(error)
            continue
        if value > INT64_MAX:
            errors[index] = TOO_LARGE
        else:
            fen[index] = value
    return fen, errors


def fen_to_wan(fen: int) -> Decimal:
    """Exact value in 万元 of an integer number of 分, without trailing zeros."""
    value = Decimal(fen).scaleb(-MAX_WAN_DECIMALS)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def format_wan(fen: int) -> str:
    """Render 分 as 万元 text with thousands separators and only the decimals it has."""
    value = fen_to_wan(fen)
    text = f"{value:,f}"
    return f"{text} 万元"


def decimals_of(text: str) -> int:
    """Number of decimals a figure was printed with (``"40.38"`` → 2, ``"38"`` → 0)."""
    return len(text.partition(".")[2])


#: Pages show 万元 at two decimals (to the 100 元); downloads keep every figure exact.
PAGE_DECIMALS = 2
#: 万元 after a figure in English: the unit of the tables ("amount (10,000 yuan)").
WAN_IN_ENGLISH = "× 10,000 yuan"


def wan_for_reading(wan: Decimal | float) -> tuple[str, str | None]:
    """An amount in 万元 as pages show it (two decimals, thousands separated), and its figure
    to the 分 where the two decimals round it (None where they do not).

    A float (an analysis' ``*_wan`` column, from exact 分) is read by its shortest repr, which
    gives back the decimal it was made from.
    """
    exact = wan if isinstance(wan, Decimal) else Decimal(repr(float(wan)))
    shown = exact.quantize(Decimal(1).scaleb(-PAGE_DECIMALS), rounding=ROUND_HALF_UP) + 0  # no -0
    if shown == exact:
        return f"{shown:,.{PAGE_DECIMALS}f}", None
    to_fen = exact.quantize(Decimal(1).scaleb(-MAX_WAN_DECIMALS), rounding=ROUND_HALF_UP)
    return f"{shown:,.{PAGE_DECIMALS}f}", f"{to_fen.normalize():,f}"


def wan_text(wan: Decimal | float) -> str:
    """An amount in 万元 as pages show it: two decimals, thousands separated."""
    return wan_for_reading(wan)[0]


def share_text(share: float, threshold: float | None = None) -> str:
    """A finding's share of the figure it touches, as a percentage to two decimals, never
    rounded up onto the materiality ``threshold`` it is below (0.9951 % against 1 % is 0.99 %,
    not 1.00 %), and a share too small for two decimals "< 0.01 %" (never 0.00 % for a gap,
    nor 2e-05 %)."""
    percent = Decimal(repr(float(share))) * 100
    shown = percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if (
        threshold is not None
        and share < threshold
        and shown >= Decimal(repr(float(threshold))) * 100
    ):
        shown = percent.quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    if share > 0 and shown == 0:
        return "< 0.01 %"
    return f"{shown} %"
