"""The units a report prints after its figures, and what each measures.

A unit's *dimension* says which figures can be added together: money in 元, 万元 and 亿元
converts exactly; 个 only adds to 个. Counts of discrete things (个, 户, 人 …) are exact:
rounding cannot explain a difference between them. Amounts (money, area, length, %) are
rounded to their last printed digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fundanalysis.data.vocabulary import PRINTED_FORMS


@dataclass(frozen=True)
class Unit:
    """A printed unit: its dimension, its size in the dimension's base, and whether exact."""

    printed: str
    dimension: str
    scale: Decimal
    exact: bool

    @property
    def is_money(self) -> bool:
        return self.dimension == "money"

    @property
    def stored(self) -> str:
        """The unit as the data's tables spell it: 万元 for a printed 萬元 or a bare 万."""
        return STORED_SPELLING.get(self.printed, self.printed)


_MONEY = {"元": 1, "千元": 10**3, "万元": 10**4, "百万元": 10**6, "亿元": 10**8}
# Counts of discrete things: exact, and each adds only to itself.
_COUNTS = [
    "个",
    "户",
    "人",
    "人次",
    "户次",
    "次",
    "项",
    "间",
    "盏",
    "座",
    "处",
    "所",
    "家",
    "名",
    "台",
    "套",
    "头",
    "只",
    "株",
    "棵",
    "件",
    "份",
    "条",
    "场",
    "期",
    "辆",
    "栋",
    "口",
    "眼",
    "批次",
    "类",
    "支",
    "家次",
    "位",
    "匹",
    "羽",
    "箱",
    "本",
    "册",
    "张",
    "篇",
    "节",
    "门",
    "根",
    "块",
    "对",
    "窝",
    "群",
    "把",
    "组",
    "宗",
    "笔",
]
# Measured amounts: rounded to their last digit.
_MEASURES = {
    "亩": ("亩", 1),
    "万亩": ("亩", 10**4),
    "平方米": ("平方米", 1),
    "平米": ("平方米", 1),
    "万平方米": ("平方米", 10**4),
    "立方米": ("立方米", 1),
    "万立方米": ("立方米", 10**4),
    "千米": ("千米", 1),
    "公里": ("千米", 1),
    "米": ("米", 1),
    "吨": ("吨", 1),
    "万吨": ("吨", 10**4),
    "公斤": ("公斤", 1),
    "千克": ("公斤", 1),
    "斤": ("斤", 1),
    "千瓦": ("千瓦", 1),
    "万千瓦时": ("千瓦时", 10**4),
    "千瓦时": ("千瓦时", 1),
    "%": ("%", 1),
    "％": ("%", 1),
    "个百分点": ("百分点", 1),
    "分": ("分", 1),
    "个月": ("月", 1),
    "小时": ("小时", 1),
    "天": ("天", 1),
}
# Counts in 万 (万人, 万户) are rounded, like amounts.
_COUNT_MULTIPLES = {"万人": "人", "万户": "户", "万人次": "人次", "万株": "株", "万只": "只"}

UNITS: dict[str, Unit] = {}
for _name, _scale in _MONEY.items():
    UNITS[_name] = Unit(_name, "money", Decimal(_scale), exact=False)
for _name in _COUNTS:
    UNITS[_name] = Unit(_name, _name, Decimal(1), exact=True)
for _name, (_dimension, _scale) in _MEASURES.items():
    UNITS[_name] = Unit(_name, _dimension, Decimal(_scale), exact=False)
for _name, _base in _COUNT_MULTIPLES.items():
    UNITS[_name] = Unit(_name, _base, Decimal(10**4), exact=False)

# Traditional characters, as some mirrors of the published pages print them.
for _simple, _forms in PRINTED_FORMS.items():
    for _name in _forms:
        if _name != "万":
            UNITS[_name] = Unit(
                _name, UNITS[_simple].dimension, UNITS[_simple].scale, UNITS[_simple].exact
            )

# "19204.096万" where the text means 万元: read as money only in a clause about money (figures).
UNITS["万"] = Unit("万", "money", Decimal(10**4), exact=False)

#: The spelling the data stores a unit in, for each other spelling a text prints.
STORED_SPELLING = {form: name for name, forms in PRINTED_FORMS.items() for form in forms}

# Longest first, so that 万元 wins over 元 and 人次 over 人.
UNIT_NAMES = sorted(UNITS, key=len, reverse=True)

# People can belong to several groups at once (妇女, 贫困户 …): parts listed in these units
# may overlap, so a list of them that does not add up is never called certain.
PEOPLE = frozenset({"人", "人次", "户", "户次", "名", "位"})

# A unit character followed by one of these is a word, not a unit: 分钟, 个人 stays 个.
NOT_A_UNIT_AFTER = {
    "分": "钟配析别类期批解成享红管包散布担摊级项",
    "元": "旦素件",
    "类": "型别似",
    "期": "间望限待",
    "条": "件例款",
    "节": "约点日",
    "门": "类",
    "名": "单称义",
    "口": "径",
    "支": "出付持撑部",
    "家": "庭",
    "组": "织成",
    "笔": "者",
    "对": "象接口",
    "本": "级地",
    "台": "账",
    "位": "于",
    "块": "钱",
    "天": "然",
    "场": "所景",
    "所": "有在属以",
    "处": "理置于",
    "次": "性数",
    "项": "目",
    "人": "民员口均工",
    "户": "籍",
    "米": "面",
}
