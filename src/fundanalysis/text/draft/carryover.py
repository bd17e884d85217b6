"""Carry-over items (结转结余): the rules that read one from its clause and the totals above.

An item is a figure in a carry-over section (or under a total that names 结转/结余): its place
is the section's, its funding group the fund the subtotal above it names, its source the fund
its own name starts with where it names one, its kind (质量保证金, 尾款, 结余) the nearest word
for one, and whether it is paid what the words after its list say.
"""

from __future__ import annotations

import re
from datetime import date

from fundanalysis.text.draft import words as w
from fundanalysis.text.scan import Figure

_PAID = re.compile(r"已[^，；。]{0,12}支付完毕|已支付|已于[^，；。]{0,16}?支付")
_PLANNED = re.compile(r"(计划|预计|将于|将在)[^；。]{0,20}?支付(完毕)?")
#: a date printed with its year (2021年1月15日), or its year and month only (2021年6月)
_YEAR_DAY = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?")
# Where the words naming a subtotal begin: a sentence or list break, a bracket closed before a
# comma, or a comma after an amount (…万元，其余资金 535.13 万元).
FUND_BREAKS = re.compile(r"[；;：:。！？!?]|[）)][，,]|(?<=元)[，,、]|其中|包括")


def _in_a_later_bracket(after: str, position: int) -> bool:
    """Whether ``position`` of the words after a figure lies in a bracket opened after the
    one that holds the figure was closed."""
    depth = lowest = 0
    for char in after[:position]:
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth -= 1
            lowest = min(lowest, depth)
    return depth > lowest


def _list_end(text: str, start: int) -> int:
    """Where the list a figure is in ends: the next 。, or the next ； outside the bracket the
    figure stands in (丙乡…金额12万元；丁乡…18万元），已于…支付: the words after the bracket are
    the whole list's)."""
    opened = text.rfind("。", 0, start) + 1
    before = text[opened:start]
    depth = max(0, sum(c in "（(" for c in before) - sum(c in "）)" for c in before))
    for index in range(start, len(text)):
        char = text[index]
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        elif char == "。" or (char == "；" and depth == 0):
            return index
    return len(text)


def _payment_day(printed: str, year: int | None):
    """The day a payment phrase prints: with its own year where it prints one (2021年1月15日;
    2021年6月 is the month's last day, the latest it plans), else in the report's year."""
    match = _YEAR_DAY.search(printed)
    if match is None:
        return w.day_in_year(printed, year)
    try:
        if match[3]:
            return date(int(match[1]), int(match[2]), int(match[3]))
        following = date(int(match[1]) + (match[2] == "12"), int(match[2]) % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    except ValueError:
        return None


def _names_an_amount(phrase: str) -> bool:
    return bool(re.search(r"\d\s*万元", phrase)) and "其余" not in phrase


def _about_item(phrase: str, figure: Figure, name: str) -> bool:
    """Whether a phrase that names an amount is about this item: it names the item's amount
    and ``name`` too, the item's name where another item of its list has the same amount."""
    amounts = re.findall(r"(\d+(?:\.\d+)?)\s*万元", phrase)
    name = "".join(name.split())
    return figure.value_text in amounts and (not name or name in "".join(phrase.split()))


def _own_kind(phrase: str, figure: Figure, name: str) -> str | None:
    """The kind a phrase about this item alone names (…项目尾款 22.6 万元已支付完毕)."""
    if not _names_an_amount(phrase) or not _about_item(phrase, figure, name):
        return None
    return w.kind_in(phrase)


class CarryoverRules:
    """The carry-over rules of the placer (:class:`fundanalysis.text.draft.placing._Placer`)."""

    def carryover(self, figure: Figure, chain: list[Figure]) -> bool:
        section = self.outline.at(figure.start)
        place = w.place_of(section.title)
        words = "".join(a.label for a in chain) + section.title + figure.label
        if "结转" not in words and "结余" not in words:
            return False
        label_place = w.place_of(figure.label)
        if (
            label_place
            and label_place != place
            and any(s.title.startswith(label_place) for s in self.outline.sections)
        ):
            self.headlines[figure.id] = ("carryover", {"place": label_place})
            return True
        notes = []
        if place is None:
            # no place in the section's title: an item still, where it is a part of a total
            # whose words name 结转/结余 (结转资金300万元，其中：项目质保金180万元) and its own
            # words name no spending
            above = "".join(a.label for a in chain)
            if ("结转" not in above and "结余" not in above) or "支出" in self.clause(figure):
                return False
            place = label_place or ""  # 甲县结转80万元: the place its own words name
            if not place:
                notes.append(
                    "结转地点未能读出（所在章节标题未印地名），未填 / place of the carry-over not "
                    "read (its section's title names none): left empty"
                )
        groups = [a for a in chain if a.id not in self._place_totals(place, chain)]
        group = self._fund_label(groups[-1]) if groups else ""
        count = self._count_before(figure)
        item = w.name_before(self.text, count.start, breaks="，,；;：:。！？!?\n") if count else ""
        item = item or re.sub(r"结转资金$|资金$", "", w.name_before(self.text, figure.start))
        item = re.sub(r"^\d+\s*个", "", item).strip()
        if (
            place
            and item.startswith(place)
            and not self.outline.at(figure.start).title.startswith(place)
        ):
            item = item[len(place) :]  # 甲县结转: the place is its own column
        if item in ("结转", "结余", "结转资金", "结余资金"):
            item = ""  # no item named: for a person to fill in
            notes.append("结转项目名称未印，未填 / the item is not named: left empty")
        source = group
        for piece in item.split("-", 1) if "-" in item else []:
            if piece.endswith("资金"):
                source, item = piece, item.split("-", 1)[1]
                break
        else:
            prefix = re.match(r"^(少数民族发展资金|[^\s]{2,12}?资金)(?=[^\s]{2,}项目)", item)
            if prefix:
                source, item = prefix[1], item[len(prefix[1]) :]
        kinds: list[str] = []
        for ancestor in [figure, *chain]:
            kinds = w.kinds_in(ancestor.label) or w.kinds_in(self._words_after(ancestor))
            if kinds:
                break
        name = item if self._amount_shared(figure) else ""
        status, when, printed_when = self._payment(figure, name)
        own = _own_kind(printed_when, figure, name)
        kind = own or "或".join(kinds)
        self.seq[place] = self.seq.get(place, 0) + 1
        cells = {
            "place": place,
            "seq": str(self.seq[place]),
            "funding_group": group,
            "funding_source": source,
            "item": item,
            "item_en": "",
            "kind": kind or "",
            "project_count": count.value_text if count is not None else "",
            "amount": figure.value_text,
            "unit": figure.unit.stored,
            "payment_status": status,
            "payment_date": when,
            "payment_printed": printed_when,
            "printed": w.clause_text(self.text, (count or figure).start, figure.end),
        }
        if not kind:
            notes.append("结转类别未能读出 / kind of carry-over not read")
        elif len(kinds) > 1 and not own:
            notes.append(
                f"结转类别：所属一组印有{'、'.join(kinds)}，未印本项属哪一类，记为“{kind}” / its "
                "group names several kinds and not which this item is: check"
            )
        if when and not _YEAR_DAY.search(printed_when):
            notes.append(
                f"支付日期未印年份，按报告年度 {self.year} 推定 / year of the date taken as the report's"
            )
        elif when and not _YEAR_DAY.search(printed_when)[3]:
            notes.append(
                "支付日期只印到月，按该月末日填写 / date printed to the month: its last day taken"
            )
        self.add("carryover", figure, cells, *notes)
        if count is not None:
            self.used.add(count.id)
        return True

    def _place_totals(self, place: str, chain: list[Figure]) -> set[str]:
        """The totals of a carry-over chain that are the whole place's (its top)."""
        section = self.outline.at(chain[0].start) if chain else None
        return {
            a.id
            for a in chain
            if w.place_of(a.label) == place
            or (section and w.clean(a.label) in ("结转扶贫资金", "结转资金", "结转项目质量保证金"))
            or a.id not in self.parent
        }

    def _fund_label(self, figure: Figure) -> str:
        """The fund a carry-over subtotal names, without its bracketed notes and 结转."""
        start = w.segment_start(self.text, figure.start, FUND_BREAKS)
        label = re.sub(r"[（(][^（()）]*[）)]", "", self.text[start : figure.start])
        label = re.sub(r"\s", "", label)
        return re.sub(r"(结转资金|结转)$", "", label)

    def _words_after(self, figure: Figure) -> str:
        """The words after a figure that are about it (主要为项目质保金), up to the next figure
        but without that figure's own clause (…，交通局农村公路项目尾款 22.6 万元)."""
        following = [f.start for f in self.scan.figures if f.start >= figure.end]
        end = min([*following[:1], figure.end + 60])
        words = re.split(r"[；;。）)]", self.text[figure.end : end])[0]
        if following[:1] == [end] and len(words) == end - figure.end:
            breaks = [m.start() for m in w.CLAUSE_BREAKS.finditer(words)]
            words = words[: breaks[-1] if breaks else 0]
        return words

    def _count_before(self, figure: Figure) -> Figure | None:
        for other in reversed(self.scan.figures):
            if other.end <= figure.start and other.unit.stored == "个":
                between = self.text[other.end : figure.start]
                if len(between) <= 12 and "；" not in between and "。" not in between:
                    return other
                return None
        return None

    def _amount_shared(self, figure: Figure) -> bool:
        """Whether another item of the figure's list carries the same amount."""
        parent = self.parent.get(figure.id)
        parts = [p for r in self.totals.get(parent.id, []) for p in r.parts] if parent else []
        return sum(p.value_text == figure.value_text for p in parts) > 1

    def _payment(self, figure: Figure, name: str) -> tuple[str, str, str]:
        """Whether a carry-over item is paid, as the words after its list say.

        A phrase that names another amount ("尾款 22.6 万元已支付完毕") is that amount's; one
        about 其余 (the rest) or naming no amount is the whole list's.
        """
        after = self.text[figure.end : _list_end(self.text, figure.end)]
        found = sorted(
            [(m, "已支付") for m in _PAID.finditer(after)]
            + [(m, "计划支付") for m in _PLANNED.finditer(after)],
            key=lambda x: x[0].start(),
        )
        for match, status in found:
            if _in_a_later_bracket(after, match.start()):
                continue  # a phrase of a sibling list (…）, 项目尾款 …（… 预计…）) is not this one's
            start = (
                max(after.rfind("，", 0, match.start()), after.rfind("、", 0, match.start())) + 1
            )
            printed = "".join(after[start : match.end()].splitlines()).strip()
            if _names_an_amount(printed) and not _about_item(printed, figure, name):
                continue
            when = _payment_day(printed, self.year)
            return status, when.isoformat() if when else "", printed
        return "未说明", "", ""
