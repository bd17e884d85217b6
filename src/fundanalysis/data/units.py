"""Units of what a report counts or measures (not money): each with its kind and exact size.

Outputs (产出指标) are printed in many units: 个, 盏, 座 of things built, 米 and 千米 of road or
pipe, 平方米 of floor, 亩 of land, 立方米 of water. A sum may only add figures of one kind, and
within a kind units convert exactly: every value is held as an integer number of millionths of
its kind's base unit (``value_micro``), as money is held in 分. 亩 and 平方米 are kept apart on
purpose: one 亩 is 2000/3 平方米, which no finite decimal writes, so they are two kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

#: Millionths of the base unit: the integer scale every measured value is held in.
MICRO = 1_000_000

#: Far above anything a report measures (10^12 of a base unit: 米, 人 …), inside int64.
MAX_MICRO = 10**12 * MICRO


@dataclass(frozen=True)
class Unit:
    """A unit: its English name, its kind, and how many base units of that kind it is."""

    english: str
    kind: str
    per_base: int = 1


#: Kinds of quantity: code → (Chinese, English, base unit).
KINDS: dict[str, tuple[str, str, str]] = {
    "count": ("件数", "count of things", "个"),
    "length": ("长度", "length", "米"),
    "area": ("面积", "area", "平方米"),
    "land": ("土地面积", "land area", "亩"),
    "volume": ("体积", "volume", "立方米"),
    "weight": ("重量", "weight", "公斤"),
    "power": ("功率", "power", "千瓦"),
    "households": ("户数", "households", "户"),
    "people": ("人数", "people", "人"),
    "person_times": ("人次", "person-times", "人次"),
    "times": ("次数", "times", "次"),
    "days": ("天数", "days", "日"),
    "rate": ("比率", "rate", "%"),
    "score": ("分数", "score", "分"),
}

#: Every unit the library knows, as printed.
UNITS: dict[str, Unit] = {
    # things counted by their measure word
    **{
        word: Unit(english, "count")
        for word, english in {
            "个": "items",
            "盏": "lamps",
            "座": "structures",
            "处": "sites",
            "间": "rooms",
            "套": "sets",
            "台": "machines",
            "口": "wells or ponds",
            "眼": "wells",
            "条": "lines",
            "栋": "buildings",
            "所": "institutions",
            "家": "businesses",
            "辆": "vehicles",
            "头": "head of livestock",
            "只": "animals",
            "棵": "trees",
            "株": "plants",
            "项": "items",
            "类": "categories",
            "批": "batches",
            "期": "sessions",
            "场": "events",
            "份": "copies",
            "件": "pieces",
            "张": "sheets",
            "村": "villages",
            "乡": "townships",
            "镇": "towns",
        }.items()
    },
    "米": Unit("metres", "length"),
    "千米": Unit("kilometres", "length", 1000),
    "公里": Unit("kilometres", "length", 1000),
    "平方米": Unit("square metres", "area"),
    "平方公里": Unit("square kilometres", "area", 1_000_000),
    "亩": Unit("mu", "land"),
    "公顷": Unit("hectares", "land", 15),
    "立方米": Unit("cubic metres", "volume"),
    "万立方米": Unit("10,000 cubic metres", "volume", 10_000),
    "公斤": Unit("kilograms", "weight"),
    "千克": Unit("kilograms", "weight"),
    "吨": Unit("tonnes", "weight", 1000),
    "千瓦": Unit("kilowatts", "power"),
    "户": Unit("households", "households"),
    "万户": Unit("10,000 households", "households", 10_000),
    "人": Unit("people", "people"),
    "万人": Unit("10,000 people", "people", 10_000),
    "人次": Unit("person-times", "person_times"),
    "万人次": Unit("10,000 person-times", "person_times", 10_000),
    "次": Unit("times", "times"),
    "日": Unit("days", "days"),
    "天": Unit("days", "days"),
    "%": Unit("per cent", "rate"),
    "分": Unit("points", "score"),
}


class UnitError(ValueError):
    """A unit the library does not know, or a value it cannot hold exactly."""


def known_units() -> str:
    """The known units, by kind, for a message."""
    by_kind: dict[str, list[str]] = {}
    for word, unit in UNITS.items():
        by_kind.setdefault(unit.kind, []).append(word)
    return "; ".join(f"{KINDS[kind][1]}: {' '.join(words)}" for kind, words in by_kind.items())


def unit_of(word: str) -> Unit:
    """The unit printed as ``word``; refused by name, with the known units listed."""
    try:
        return UNITS[word]
    except KeyError:
        raise UnitError(
            f"未知单位 / unknown unit {word!r}; known units are {known_units()}"
        ) from None


def to_micro(value: Decimal, word: str) -> int:
    """``value`` in ``word`` as an exact integer of millionths of its kind's base unit."""
    micro = value * unit_of(word).per_base * MICRO
    if micro != micro.to_integral_value():
        raise UnitError(
            f"{value} {word} 超出可精确表示的位数 / {value} {word} has more decimals than "
            f"the library holds exactly (a millionth of a {KINDS[unit_of(word).kind][2]})"
        )
    if abs(micro) > MAX_MICRO:
        raise UnitError(
            f"{value} {word} 数值过大 / {value} {word} is too large: at most "
            f"{MAX_MICRO // MICRO:,} {KINDS[unit_of(word).kind][2]}"
        )
    return int(micro)


def from_micro(value: int, unit: str) -> Decimal:
    """Millionths of a kind's base unit, back in ``unit``, exactly (9E+1 is written 90)."""
    shown = (Decimal(value) / (UNITS[unit].per_base * MICRO)).normalize()
    return shown.quantize(Decimal(1)) if shown.as_tuple().exponent > 0 else shown


#: Money in English: a unit column's name, and the words after a figure ("0.01 × 10,000 yuan").
MONEY_IN_ENGLISH = {
    "亿元": ("100 million yuan", "× 100 million yuan"),
    "万元": ("10,000 yuan", "× 10,000 yuan"),
    "元": ("yuan", "yuan"),
}


def in_english(word: str, after_a_figure: bool = False) -> str:
    """A unit as an English page writes it: 万元 as the tables do ("10,000 yuan", or after a
    figure "× 10,000 yuan"), % as it is, any other by its English name; a word the library
    does not know is returned as it is (it is the report's own)."""
    if word in MONEY_IN_ENGLISH:
        return MONEY_IN_ENGLISH[word][after_a_figure]
    if word == "%":
        return word
    if word not in UNITS:
        return word
    english = UNITS[word].english
    # 3.5 万人 is "3.5 × 10,000 people", as 3.5 万元 is "3.5 × 10,000 yuan"
    return (
        f"× {english}"
        if after_a_figure and UNITS[word].per_base != 1 and english[0].isdigit()
        else english
    )
