"""One row of the checks table, whatever declared it: the shape every check comes out in.

A check compares a stated figure with one computed from its parts, exactly (分 for money,
millionths of the base unit for a measured quantity, the count itself otherwise), and says in
both languages why it holds, rounds, was corrected or fails, or why it cannot be computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from fundanalysis.data import units
from fundanalysis.data.money import fen_to_wan
from fundanalysis.data.units import from_micro

STATUSES = ("ok", "rounding", "corrected", "discrepancy", "not_computable")
FAILING = ("corrected", "discrepancy")
#: A check that cannot be computed (a rate over a base that sums to 0): neither holding nor
#: failing, needing no finding; the pages say 无法计算 / not computable.
NOT_COMPUTABLE = "not_computable"

#: Kinds of check whose verdict is a finding in words, not a gap between two figures (a grade
#: against the report's bands): their rows carry no figures, and their note says what was found.
VERDICT_KINDS = ("grade",)

COLUMNS = [
    "check",
    "kind",
    "description",
    "description_en",
    "stated",
    "computed",
    "difference",
    "status",
    "unit",
    "parts",
    "stated_as_printed",
    "computed_as_printed",
    "tolerance",
    "finding",
    "source",
    "note",
    "note_en",
]


@dataclass(frozen=True)
class Side:
    """One side of a check: an exact value (分 for money, a count otherwise) and its precision."""

    value: int
    as_printed: int
    decimals: int
    #: for a sum of printed amounts: the half-steps of their last printed digits, added up
    #: (what rounding each of them may hide), in the same units as ``value``
    spread: int | None = None


def source_of(tables: dict[str, pd.DataFrame], section_id: str, printed: str) -> str:
    sections = tables["sections"].set_index("section_id")
    section = sections.loc[section_id]
    number = section["number"] if isinstance(section["number"], str) else ""
    return f"{section['document']} {number}{section['title']}：「{printed}」"


def status_of(stated: Side, computed: Side, per_unit: int) -> tuple[str, int]:
    """Status of a check and the rounding tolerance it allowed (in 分, or in counts).

    ``per_unit`` is how many of the values' units make one unit of the printed figure (分 per
    万元 or per 元, 1 for counts): half of its last printed digit is what rounding can explain.
    """
    tolerance = 0
    if computed.spread is not None:  # amounts: the intervals of every printed figure meet
        tolerance = per_unit // 10**stated.decimals // 2 + computed.spread
    elif stated.decimals < computed.decimals:
        tolerance = per_unit // 10**stated.decimals // 2
    if stated.value == computed.value:
        return ("ok" if stated.as_printed == computed.as_printed else "corrected"), tolerance
    if abs(stated.value - computed.value) <= tolerance:
        # within rounding once corrected; as printed, perhaps not: then the correction did it
        printed_gap = abs(stated.as_printed - computed.as_printed)
        return ("rounding" if printed_gap <= tolerance else "corrected"), tolerance
    return "discrepancy", tolerance


def notes_for(
    status: str,
    stated: Side,
    computed: Side,
    tolerance: int,
    money: bool,
    unit: str = "",
    both: bool = False,
) -> tuple[str, str]:
    """A check's note in each language; ``both``: the two sides of a cross-check, neither of
    them a total of the other."""
    if money:
        show = lambda v: f"{fen_to_wan(v)} 万元"  # noqa: E731
        show_en = lambda v: f"{fen_to_wan(v)} {units.in_english('万元', True)}"  # noqa: E731
    elif unit in units.UNITS:  # a measured quantity, held in millionths of its base unit
        show = lambda v: f"{from_micro(v, unit)} {unit}"  # noqa: E731
        show_en = lambda v: f"{from_micro(v, unit)} {units.in_english(unit, True)}"  # noqa: E731
    else:
        show = show_en = str
    if status == "ok":
        return "与各部分之和一致。", "Equals the sum of its parts."
    if status == "corrected":
        return (
            f"按原文各部分之和为 {show(computed.as_printed)}，与所述 {show(stated.as_printed)} 不符；更正后一致。",
            f"As printed the parts sum to {show_en(computed.as_printed)} against the stated "
            f"{show_en(stated.as_printed)}; with the corrections applied they agree.",
        )
    difference = abs(stated.value - computed.value)
    gap, gap_en = show(difference), show_en(difference)
    if status == "rounding":
        reach, reach_en = (
            (
                "两边所印各数末位各半个单位之和",
                "half a unit of the last printed digit of each figure on both sides",
            )
            if both
            else (
                "合计与各部分末位各半个单位之和",
                "half a unit of the last printed digit of the total and of each part",
            )
            if computed.spread is not None
            else ("所述数末位的半个单位", "half a unit of the stated figure's last printed digit")
        )
        return (
            f"差 {gap}，在按所印精度四舍五入可解释的范围（±{show(tolerance)}：{reach}）之内。",
            f"A gap of {gap_en} is within what rounding at the printed precision can explain "
            f"(±{show_en(tolerance)}: {reach_en}).",
        )
    return (
        f"差 {gap}，不能由四舍五入解释。",
        f"A gap of {gap_en} cannot be explained by rounding.",
    )


def check_row(
    check,
    kind,
    description,
    description_en,
    stated,
    computed,
    status,
    tolerance,
    money,
    parts,
    source,
    notes,
    measured_unit: str = "",
) -> dict:
    if money:
        convert = fen_to_wan
    elif measured_unit:
        convert = lambda v: from_micro(v, measured_unit)  # noqa: E731
    else:
        convert = Decimal
    return {
        "check": check,
        "kind": kind,
        "description": description,
        "description_en": description_en,
        "stated": convert(stated.value),
        "computed": convert(computed.value),
        "difference": convert(computed.value - stated.value),
        "status": status,
        "unit": "万元" if money else (measured_unit or "个"),
        "parts": parts,
        "stated_as_printed": convert(stated.as_printed),
        "computed_as_printed": convert(computed.as_printed),
        "tolerance": convert(tolerance),
        "finding": "",
        "source": source,
        "note": notes[0],
        "note_en": notes[1],
    }


def verdict_row(check, kind, description, description_en, holds, source, notes) -> dict:
    """A check whose verdict is said in words (``VERDICT_KINDS``): no stated, computed or gap
    figure, since none of them means anything; its note, without a closing stop, is the
    finding's clause (:func:`verdict_clause`)."""
    row = dict.fromkeys(COLUMNS)
    row.update(
        check=check,
        kind=kind,
        description=description,
        description_en=description_en,
        status="ok" if holds else "discrepancy",
        unit="",
        parts=1,
        finding="",
        source=source,
        note=notes[0],
        note_en=notes[1],
    )
    return row


def verdict_clause(check) -> tuple[str, str]:
    """What a verdict check found, as a clause of a sentence in each language."""
    return str(check["note"]).rstrip("。"), str(check["note_en"]).rstrip(".")
