"""Names of money: which money a list of places splits, and one spelling per fund type.

A report names one fund type several ways: in full (地方政府债券资金), shortened (债券资金),
with its purpose (债券资金用于脱贫攻坚), without 资金 (扶贫发展), or with another generic word
(国有贫困农场专项资金 beside 国有贫困农场扶贫资金). :func:`harmonise_fund_types` writes every
row's fund type in the one spelling the report uses for that fund, where exactly one fund fits,
and fills a fund type the row's own clause leaves out where the words around it name exactly
one of the report's funds. :func:`funds_name` names the money a list of places splits by the
two kinds such reports allocate: the money under evaluation (纳入…绩效评价) and the
jurisdiction's own (本级). Every name written here is listed for review.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from fundanalysis.text.draft import words as w

if TYPE_CHECKING:
    from fundanalysis.text.draft.placing import Row

#: the tables whose rows name a fund type
FUND_TYPE_TABLES = ("transfers", "evaluated_funds", "allocations")
_PURPOSE = re.compile(r"^(.+?资金)(?:专项)?用于.+$")
_GENERIC_TAIL = re.compile(r"(?:财政|专项|扶贫)*资金$")
_EVALUATED = re.compile(r"纳入[^，,；;。]*绩效评价")
_OWN_LEVEL = re.compile(r"(自治区|自治州|自治县|省|市|州|县|区|旗)(?:本级财政|财政|本级)")


def without_purpose(label: str) -> str:
    """A fund's name without the purpose printed after it (债券资金用于脱贫攻坚 → 债券资金)."""
    match = _PURPOSE.match(label)
    return match[1] if match else label


def fund_core(name: str) -> str:
    """What tells a fund from another: its name less 资金 and the generic words before it
    (国有贫困农场专项资金 and 国有贫困农场扶贫资金 → 国有贫困农场)."""
    return _GENERIC_TAIL.sub("", without_purpose(name))


def funds_name(total_label: str, section_title: str) -> tuple[str, str]:
    """The name of the money a total over places splits, and a note if it was not printed so.

    The money under evaluation (纳入…绩效评价的资金) is 绩效评价资金; the jurisdiction's own
    (本级, in the total's words or its section's heading) is 本级资金, after the level its words
    print before 财政 or 本级 (州财政预算 → 州本级资金). Any other total names it by its label.
    """
    note = (
        f"资金口径“{{}}”按总额的标签“{total_label}”命名 / funds named from the total's label: check"
    )
    if _EVALUATED.search(total_label):
        return "绩效评价资金", note.format("绩效评价资金")
    if "本级" in total_label or "本级" in section_title:
        level = _OWN_LEVEL.search(total_label) or _OWN_LEVEL.search(section_title)
        name = f"{level[1] if level else ''}本级资金"
        return name, note.format(name)
    return total_label, "资金口径取自总额的标签 / funds named after the total's label"


def _spellings(rows: list[Row]) -> dict[str, str]:
    """Each fund's core → the spelling the report uses for it, and each shortened core → the
    spelling of the one longer core it ends (债券 → 地方政府债券资金)."""
    used = Counter(
        without_purpose(r.cells["fund_type"])
        for r in rows
        if r.table in FUND_TYPE_TABLES and r.cells.get("fund_type")
    )
    by_core: dict[str, list[str]] = {}
    # a name with 资金 first, then the most used, then the first printed (Counter keeps order)
    for spelling, _ in sorted(used.items(), key=lambda s: (not s[0].endswith("资金"), -s[1])):
        if len(fund_core(spelling)) >= 2:
            by_core.setdefault(fund_core(spelling), []).append(spelling)
    spelling = {core: names[0] for core, names in by_core.items()}
    for core in list(spelling):
        # a longer name of the same fund, not the fund at one level (中央扶贫发展 is not a
        # fuller 扶贫发展: the level has a column of its own)
        longer = [
            k
            for k in by_core
            if k != core and k.endswith(core) and w.levels_in(k[: -len(core)]) != k[: -len(core)]
        ]
        if len(longer) == 1:
            spelling[core] = by_core[longer[0]][0]
    return spelling


def _named_in(words: str, spelling: dict[str, str]) -> str | None:
    """The one fund of the report whose core ``words`` name, or None (none, or several)."""
    found = {name for core, name in spelling.items() if core in words}
    return found.pop() if len(found) == 1 else None


def harmonise_fund_types(rows: list[Row]) -> None:
    """One spelling per fund type across the rows, and a fund type where the words around a
    row name exactly one of the report's funds; each change noted on its row."""
    spelling = _spellings(rows)
    for row in rows:
        if row.table not in FUND_TYPE_TABLES:
            continue
        printed = row.cells.get("fund_type", "")
        if printed:
            term = spelling.get(fund_core(printed), without_purpose(printed))
            if term != printed:
                row.cells["fund_type"] = term
                row.notes.append(
                    f"资金类型“{printed}”按同一资金在报告中的写法记为“{term}” / fund type written "
                    "as the report spells the same fund elsewhere: check"
                )
        elif row.fund_words and (term := _named_in(row.fund_words, spelling)):
            row.cells["fund_type"] = term
            row.notes.append(
                f"资金类型取自“{row.fund_words}”所提及的“{term}” / fund type read from the words "
                "around the figure, which name this fund alone: check"
            )
