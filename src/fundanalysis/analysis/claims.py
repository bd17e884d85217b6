"""The report's claims (claims.csv), each tested against the data as the data directory declares.

A claim's test is one of:

* ``check:ID[,ID…]``: holds if every check is ok or within rounding; holds once corrected if
  one needed a correction; does not hold if any is a discrepancy. A figure checked two ways
  (two totals citing the same printed fragment) is judged by both, wherever the claim names
  one: one figure, one verdict on every page.
* ``increasing:TABLE[.COLUMN]``: the column (money by default) rises every year, corrected and
  as printed. Each figure is the interval its printing allows (:mod:`fundanalysis.data.intervals`):
  a year fails only where no values in the intervals rise; where they allow both (1.2 亿元
  after 1.2 亿元), the verdict is ``rounding``, never "does not hold".
* ``all:TABLE[filter]``: every row of the table satisfies the filter.
* ``count:TABLE.COLUMN[filter]``: the selected rows hold as many distinct values of the column
  as the number the claim prints. Where the claim names the kind of place it counts (县 in
  "非贫困县 9 个") only places of that kind count, a place's kind being its name's last
  character (库尔勒市 is a 市, not a 县); the places of other kinds are named in the evidence.
* ``unverifiable``: the report does not print what the claim would need; the explanation says why.
"""

from __future__ import annotations

import pandas as pd

from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.audit.checkrows import NOT_COMPUTABLE as NOT_COMPUTABLE_CHECK
from fundanalysis.data import units
from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.claimtests import claimed_count
from fundanalysis.data.expressions import matching_rows, parse_sum
from fundanalysis.data.intervals import compared_half_fen, rise_status, span
from fundanalysis.data.labels import STATUS_LABELS, VERDICTS, label
from fundanalysis.data.money import fen_to_wan

HOLDS, HOLDS_CORRECTED, FAILS, UNVERIFIABLE = "holds", "holds_corrected", "fails", "unverifiable"
#: The printed figures' rounding allows the claim and its contrary (see data.intervals).
ROUNDING = "rounding"

COLUMNS = [
    "claim_id",
    "topic",
    "claim",
    "claim_en",
    "section_id",
    "verdict",
    "verdict_en",
    "verdict_code",
    "evidence",
    "evidence_en",
    "explanation",
    "explanation_en",
]


def _unit_en(unit: str) -> str:
    return vocab.COUNT_UNITS.get(unit) or units.in_english(unit, after_a_figure=True)


def _years(years: list[int], none: str) -> str:
    return "、".join(map(str, years)) if years else none


#: Last characters of Chinese place names that say the kind of place, with its English.
PLACE_KINDS = {
    "县": "county",
    "市": "city",
    "区": "district",
    "州": "prefecture",
    "盟": "league",
    "旗": "banner",
    "乡": "township",
    "镇": "town",
    "村": "village",
}


#: Kinds of county-level place a count of 县 includes (县、县级市、市辖区、旗): 县（市、区）.
COUNTY_LEVEL = ("县", "市", "区", "旗")


def _same_figure(report: AuditedReport, ids: list[str]) -> list[str]:
    """``ids`` and every other total that checks the same printed figure (same section and
    fragment), in the order the totals are declared: a claim about a figure is judged by
    every check of that figure, never by one chosen among them."""
    totals = report.tables["totals"]
    named = totals[totals["total_id"].isin(ids)]
    cited = set(zip(named["section_id"], named["printed"], strict=True))
    same = [
        t.total_id
        for t in totals.itertuples()
        if (t.section_id, t.printed) in cited and t.total_id not in ids
    ]
    return [*ids, *same]


def _check_verdict(checks: pd.DataFrame, ids: list[str]) -> tuple[str, str, str]:
    rows = checks.set_index("check").loc[ids]
    statuses = set(rows["status"].astype(str))
    if "discrepancy" in statuses:
        verdict = FAILS
    elif NOT_COMPUTABLE_CHECK in statuses:  # a rate over 0: the claim cannot be checked
        verdict = UNVERIFIABLE
    elif "corrected" in statuses:
        verdict = HOLDS_CORRECTED
    else:
        verdict = HOLDS

    def status(row, lang: int) -> str:
        shown = STATUS_LABELS[str(row.status)][lang]
        return (
            f"{shown}, {row.finding}"
            if row.finding and lang
            else (f"{shown}，{row.finding}" if row.finding else shown)
        )

    zh = "；".join(
        f"{r.description}：所述 {r.stated:,f}，计算 {_figure(r.computed, 0)} {r.unit}（{status(r, 0)}）"
        for r in rows.itertuples()
    )
    en = "; ".join(
        f"{r.description_en}: stated {r.stated:,f}, computed {_figure(r.computed, 1)} {_unit_en(r.unit)} "
        f"({status(r, 1)})"
        for r in rows.itertuples()
    )
    return verdict, zh, en


def _figure(value, lang: int) -> str:
    """A check's computed figure in full, or 无法计算 / not computable where it has none."""
    return STATUS_LABELS[NOT_COMPUTABLE_CHECK][lang] if pd.isna(value) else f"{value:,f}"


def _steps(frame: pd.DataFrame, value: str, unit: str | None) -> list[tuple[int, str, tuple]]:
    """Each year after the first, with whether it rises on the year before: ``holds``,
    ``fails`` or ``rounding``, the figures being the intervals their printing allows (an
    amount printed to the 万元 or finer as printed, 1.2 亿元 as 11,500 to 12,500 万元).
    ``unit`` names the column of the amounts' units (None: not money, taken as printed)."""
    figures = [
        None if pd.isna(v) else span(int(v), compared_half_fen(t, u) if unit else 0)
        for v, t, u in zip(
            frame[value],
            frame["amount"] if unit else frame[value],
            frame[unit] if unit else frame[value],
            strict=True,
        )
    ]
    years = frame["year"].astype(int).tolist()
    return [
        (years[i], rise_status(figures[i - 1], figures[i]), (figures[i - 1], figures[i]))
        for i in range(1, len(figures))
        if figures[i] is not None and figures[i - 1] is not None
    ]


def _interval_wan(figure: tuple[int, int], money: bool) -> tuple[str, str]:
    """An interval's ends as a reader sees them: 万元 for money (thousands separated)."""
    if not money:
        return f"{figure[0]:,}", f"{figure[1]:,}"
    return f"{fen_to_wan(figure[0]):,f}", f"{fen_to_wan(figure[1]):,f}"


def _increasing(report: AuditedReport, argument: str) -> tuple[str, str, str]:
    table, _, column = argument.partition(".")
    frame = report.tables[table].sort_values("year")
    column = column or "amount"
    money = column == "amount"
    value = "amount_fen" if money else column
    printed = "amount_as_printed_fen" if money else column
    printed_unit = "unit_as_printed" if "unit_as_printed" in frame.columns else "unit"
    corrected_steps = _steps(frame, value, "unit" if money else None)
    printed_steps = _steps(frame, printed, printed_unit if money else None)
    falls = [y for y, status, _ in corrected_steps if status == FAILS]
    falls_printed = [y for y, status, _ in printed_steps if status == FAILS]
    unclear = [(y, pair) for y, status, pair in corrected_steps if status == ROUNDING]
    held = set(frame["year"].astype(int))
    missing = [y for y in range(min(held), max(held) + 1) if y not in held]
    if falls:
        verdict = FAILS
    elif missing:  # a rise every year cannot be shown over years the data does not hold
        verdict = UNVERIFIABLE
    elif unclear:  # the printed figures' rounding allows a rise and none: it cannot be told
        verdict = ROUNDING
    elif falls_printed:
        verdict = HOLDS_CORRECTED
    else:
        verdict = HOLDS
    years = f"{int(frame['year'].min())}–{int(frame['year'].max())}"
    zh = f"{years}：按原文未增加的年份：{_years(falls_printed, '无')}"
    en = f"{years}: years that do not rise as printed: {_years(falls_printed, 'none')}"
    if [pair for _, _, pair in corrected_steps] != [pair for _, _, pair in printed_steps]:
        zh += f"；更正后：{_years(falls, '无')}"  # a correction touches the figures compared
        en += f"; corrected: {_years(falls, 'none')}"
    zh, en = zh + "。", en.replace("、", ", ") + "."
    if unclear:
        shown = [(y, _interval_wan(a, money), _interval_wan(b, money)) for y, (a, b) in unclear]
        unit_zh = " 万元" if money else ""
        unit_en = " × 10,000 yuan" if money else ""
        zh += (
            "经四舍五入的数字代表区间（XBRL 规则）："
            + "；".join(
                f"{y} 年 {b[0]} 至 {b[1]}{unit_zh}，上年 {a[0]} 至 {a[1]}{unit_zh}"
                for y, a, b in shown
            )
            + "，既可能增加也可能未增加，无法判定。"
        )
        en += (
            " Rounded figures stand for intervals (the XBRL rule): "
            + "; ".join(
                f"{y} {b[0]} to {b[1]}{unit_en}, the year before {a[0]} to {a[1]}{unit_en}"
                for y, a, b in shown
            )
            + ": they allow a rise as well as none, so it cannot be told."
        )
    if missing:
        zh += f"数据中没有 {_years(missing, '')} 年，无法判断是否逐年增加。"
        en += (
            f" The data holds no figure for {_years(missing, '').replace('、', ', ')}: a rise "
            "every year cannot be shown."
        )
    return verdict, zh, en


def _all(report: AuditedReport, argument: str) -> tuple[str, str, str]:
    (term,) = parse_sum(argument)
    frame = report.tables[term.table]
    matches = matching_rows(frame, term.conditions)
    others = frame[~matches]
    verdict = HOLDS if others.empty else FAILS
    zh = f"共 {len(frame)} 项，{int(matches.sum())} 项符合"
    en = f"{int(matches.sum())} of {len(frame)} items match"
    if not others.empty:
        column = term.conditions[0].column
        values = list(dict.fromkeys(others[column].astype(str)))
        english = others.get(f"{column}_en")
        values_en = list(dict.fromkeys(english.astype(str))) if english is not None else values
        zh += f"；其余为：{'、'.join(values)}"
        en += f"; the others: {', '.join(values_en)}"
    return verdict, zh + "。", en + "."


def _count(report: AuditedReport, argument: str, printed: str) -> tuple[str, str, str]:
    (term,) = parse_sum(argument)
    frame = report.tables[term.table]
    values = list(dict.fromkeys(frame.loc[matching_rows(frame, term.conditions), term.measure]))
    found = claimed_count(printed)
    claimed = found[0] if found else None
    kind = found[1] if found and term.measure == "place" else ""
    if kind not in PLACE_KINDS:
        verdict = HOLDS if claimed == len(values) else FAILS
        return (
            verdict,
            f"数据中共有 {len(values)} 个{label(term.measure, 'zh')}。",
            f"The data names {len(values)} different {label(term.measure, 'en')}s.",
        )
    counted = [v for v in values if str(v).endswith(kind)]
    others = [str(v) for v in values if not str(v).endswith(kind)]
    verdict = HOLDS if claimed == len(counted) else FAILS
    peers = kind in COUNTY_LEVEL and all(o.endswith(tuple(COUNTY_LEVEL)) for o in others)
    if others and peers and claimed == len(values):
        # 县（市、区）: a report counts the county-level city or district among its counties
        english = _english_names(report, others)
        return (
            HOLDS,
            f"数据中共有 {len(values)} 个县级单位（其中 {len(others)} 个不是{kind}："
            f"{'、'.join(others)}），按县（市、区）计即为所述之数。",
            f"The data names {len(values)} county-level places ({len(others)} of them not a "
            f"{PLACE_KINDS[kind]}: {', '.join(english)}); counted as counties, county-level "
            "cities and districts included as Chinese administration counts them, they make "
            "the stated number.",
        )
    zh = f"数据中共有 {len(counted)} 个{kind}"
    en = f"The data names {len(counted)} places of the kind {PLACE_KINDS[kind]} ({kind})"
    if others:
        english = _english_names(report, others)
        zh += f"；另有 {len(others)} 处不是{kind}：{'、'.join(others)}，计入则为 {len(values)} 个"
        en += (
            f"; {len(others)} more of another kind: {', '.join(english)}; "
            f"counting them gives {len(values)}"
        )
    return verdict, zh + "。", en + "."


def _english_names(report: AuditedReport, names: list[str]) -> list[str]:
    """The vocabulary's English for each name (the name itself where it has none)."""
    vocabulary = report.tables["vocabulary"]
    english = dict(zip(vocabulary["term"], vocabulary["term_en"], strict=True))
    return [english.get(name) or name for name in names]


def claims(report: AuditedReport, topic: str | None = None) -> pd.DataFrame | NotReported:
    """Every claim (of one topic) with its verdict and the evidence the data gives."""
    declared = report.tables["claims"]
    if topic is not None:
        declared = declared[declared["topic"] == topic]
    if declared.empty:
        return NotReported("可核对的陈述", "any claim to check on this")
    rows = []
    for claim in declared.itertuples(index=False):
        kind, _, argument = claim.test.partition(":")
        if kind == "check":
            ids = _same_figure(report, argument.split(","))
            verdict, zh, en = _check_verdict(report.checks, ids)
        elif kind == "increasing":
            verdict, zh, en = _increasing(report, argument)
        elif kind == "all":
            verdict, zh, en = _all(report, argument)
        elif kind == "count":
            verdict, zh, en = _count(report, argument, claim.printed)
        else:
            verdict, zh, en = UNVERIFIABLE, "", ""
        rows.append(
            {
                "claim_id": claim.claim_id,
                "topic": claim.topic,
                "claim": claim.claim,
                "claim_en": claim.claim_en,
                "section_id": claim.section_id,
                "verdict": VERDICTS[verdict][0],
                "verdict_en": VERDICTS[verdict][1],
                "verdict_code": verdict,
                "evidence": zh,
                "evidence_en": en,
                "explanation": claim.explanation if isinstance(claim.explanation, str) else "",
                "explanation_en": claim.explanation_en
                if isinstance(claim.explanation_en, str)
                else "",
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
