"""Counts into their tables: projects (with the money beside them), poverty, supervision.

A count of projects takes the money printed right after it in the same clause or the next
(光伏发电项目49个314.76万元; 项目库项目 646 个，资金规模 127359.2 万元) or, where a sentence
breaks the same projects down twice (by count, then by money), the money of the same level.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fundanalysis.text.draft import words as w
from fundanalysis.text.scan import Figure

if TYPE_CHECKING:
    from fundanalysis.text.draft.placing import _Placer

_STAGES = (
    ("项目库", "储备"),
    ("储备", "储备"),
    ("投入使用", "投入使用"),
    ("完工", "完工"),
    ("竣工", "完工"),
    ("编制", "编制"),
    ("计划实施", "编制"),
    ("计划建设", "编制"),
    ("计划安排", "编制"),
    ("计划完成", "编制"),
    ("实际完成", "完工"),
    ("已完成", "完工"),
    ("实施", "实施"),
)
#: a stage read from 计划… (planned): the vocabulary's 编制 ("planned"), to check
_PLANNED = "计划"
_AS_OF = re.compile(
    r"(截至\s*)?(\d{4})\s*年\s*(初|底|末)|截[至止]\s*(\d{1,2})\s*月\s*(底|末|\d{1,2}\s*日)"
)
_SUPERVISION_UNITS = {"次", "项", "类", "日", "天"}


def _stage(words: str) -> str | None:
    for word, stage in _STAGES:
        if word in words:
            return stage
    return None


def _sentence_start(text: str, offset: int) -> int:
    while offset > 0 and text[offset - 1] not in "。！？!?\n":
        offset -= 1
    return offset


def _as_of(placer: _Placer, figure: Figure) -> tuple[str, str]:
    """The date a count stands at, from the last 截至 … / …年初 / …年底 before it in its sentence."""
    text = placer.text
    found = list(_AS_OF.finditer(text, _sentence_start(text, figure.start), figure.start))
    if not found:
        return "", ""
    match = found[-1]
    printed = match.group()
    if match[2]:
        year, part = int(match[2]), match[3]
        day = f"{year}-01-01" if part == "初" else f"{year}-12-31"
        return day, printed
    when = w.day_in_year(match.group(), placer.year)
    if when is None and match[5] in ("底", "末"):
        when = w.day_in_year(f"{match[4]}月底", placer.year)
    return (when.isoformat() if when else ""), printed


def _next_money(placer: _Placer, figure: Figure) -> Figure | None:
    figures = placer.scan.figures
    index = figures.index(figure)
    if index + 1 >= len(figures):
        return None
    following = figures[index + 1]
    between = placer.text[figure.end : following.start]
    if following.id in placer.totals or any(c in between for c in "）)"):
        return None
    if (
        following.unit.is_money
        and "；" not in between
        and "。" not in between
        and between.count("，") <= 1
        and len(between) <= 12
    ):
        return following
    return None


def _own_words(placer: _Placer, figure: Figure) -> str:
    """The words of a figure's own clause before it, after any figure printed before it there
    (项目完工率92%，共25个项目已完工23个: 共 for the 25, 项目已完工 for the 23)."""
    start = w.segment_start(placer.text, figure.start, w.CLAUSE_BREAKS)
    before = [f.end for f in placer.scan.figures if start <= f.start and f.end <= figure.start]
    return "".join(placer.text[max([start, *before]) : figure.start].split())


def project_amount(placer: _Placer, figure: Figure, chain: list[Figure]) -> bool:
    """Money that is the funds of a project row already drafted from the same sentence."""
    level = w.levels_in(placer.clause(figure))
    if not level:
        return False
    start = _sentence_start(placer.text, figure.start)
    open_rows = [
        row
        for row in placer.rows
        if row.table == "projects" and not row.cells.get("amount") and row.figure.start >= start
    ]
    same = [row for row in open_rows if row.cells.get("level") == level]
    if not same:
        # 县市 29 个 … 县级及其他资金: the one open row of the same first character
        same = [row for row in open_rows if row.cells.get("level", "")[:1] == level[:1]]
        if len(same) != 1:
            return False
        same[0].notes.append(
            f"资金“{placer.clause(figure)}”按级次首字对应到“{same[0].cells['level']}” / "
            "money matched to this row by the level's first character"
        )
        if level.endswith("级") and not same[0].cells["level"].endswith("级"):
            # 县市 names the county level's places; 县级 names the level itself
            same[0].notes.append(
                f"级次记为资金所印的“{level}”，而非项目数所印的“{same[0].cells['level']}” / level "
                "as the money prints it, a level of government rather than its places"
            )
            same[0].cells["level"] = level
    row = same[0]
    row.cells["amount"] = figure.value_text
    row.cells["unit"] = figure.unit.stored
    row.cells["amount_printed"] = w.clause_text(placer.text, figure.start, figure.end)
    row.measures[figure.id] = "amount"
    placer.used.add(figure.id)
    return True


def without_wholes(placer: _Placer, rows: list) -> list:
    """The rows less a stage's whole (a projects row of no level and no category) where rows
    of its parts stand beside it: a stage's rows add up, so the whole would count them twice.
    REVIEW.md lists each whole left out (a total over its parts belongs in totals.csv)."""
    wholes = []
    for row in rows:
        if row.table != "projects" or row.cells.get("level") or row.cells.get("category"):
            continue
        key = (row.cells.get("stage"), row.cells.get("as_of"))
        if any(
            other.table == "projects"
            and (other.cells.get("level") or other.cells.get("category"))
            and (other.cells.get("stage"), other.cells.get("as_of")) == key
            for other in rows
        ):
            wholes.append(row)
    for row in wholes:
        placer.used.discard(row.figure.id)
        placer.note(
            row.figure,
            "项目总数与其分项同列一阶段（分项相加），未写入；如为分项之和请在 totals.csv 声明 / a "
            "stage's whole beside its parts (rows of a stage add up): not drafted; declare it in "
            "totals.csv if it is their total",
        )
    return [row for row in rows if row not in wholes]


def count_row(placer: _Placer, figure: Figure, chain: list[Figure]) -> bool:
    text = placer.text
    label = placer.label(figure)
    after = text[figure.end : figure.end + 8]
    section = placer.outline.at(figure.start).title
    if figure.unit.stored == "个" and ("结转" in section or "结余" in section):
        placer.deferred.add(figure.id)  # a carry-over item's count: its money takes it
        return True
    if figure.unit.stored == "个" and (
        "项目" in label or any("项目" in placer.label(a) for a in chain[:1])
    ):
        # the stage its own words print (共25个项目已完工23个: 完工 is the 23's), or its totals'
        own = _own_words(placer, figure)
        stage = _stage(own + "".join(_own_words(placer, a) for a in chain))
        if stage is None:
            words = own + "".join(placer.label(a) for a in chain)
            stage = _stage(words)
        level = w.levels_in(placer.clause(figure)) if chain else None
        category = "" if level else re.sub(r"项目$", "", placer.clause(figure))
        if _stage(category) or not chain:
            category = ""
        money = _next_money(placer, figure)
        as_of, as_of_printed = _as_of(placer, figure)
        cells = {
            "stage": stage or "",
            "level": level or "",
            "category": category,
            "project_count": figure.value_text,
            "amount": money.value_text if money else "",
            "unit": money.unit.stored if money else "万元",
            "as_of": as_of if stage in ("完工", "投入使用") else "",
            "as_of_printed": as_of_printed if stage in ("完工", "投入使用") else "",
            "count_printed": w.clause_text(text, figure.start, figure.end),
            "amount_printed": w.clause_text(text, money.start, money.end) if money else "",
        }
        notes = [] if stage else ["项目阶段未能读出 / stage not read"]
        if stage == "编制" and _PLANNED in own:
            notes.append(
                "“计划…”记为阶段“编制”（计划）/ a planned count (计划…) read as the stage 编制 "
                "(planned): check"
            )
        row = placer.add("projects", figure, cells, *notes)
        row.measures = {figure.id: "project_count"}
        if money is not None:
            row.measures[money.id] = "amount"
            placer.used.add(money.id)
        return True
    if figure.unit.dimension in ("户", "人") or "贫困村" in after or "贫困县" in label:
        flow = poverty_flow(label) if figure.unit.dimension in ("户", "人") else None
        if flow is not None:
            placer.note(
                figure,
                f"“{flow}”：变动或流量，不是建档立卡贫困人口（户），未写入；如属某一指标（如脱贫人口 "
                f"people_exited）请手工填写 / “{flow}”: a change or a flow, not the registered "
                "poor population: not drafted; if a measure fits (people_exited, …), fill it in",
            )
            return True
        measure = _poverty_measure(label, after, figure)
        if measure is None:
            return False
        as_of, as_of_printed = _as_of(placer, figure)
        cells = {
            "measure": measure,
            "value": figure.value_text,
            "unit": figure.unit.stored,
            "as_of": as_of,
            "as_of_printed": as_of_printed,
            "printed": figure.printed.strip(),
        }
        row = placer.add("poverty", figure, cells)
        row.measures = {figure.id: "value"}
        if figure.unit.dimension in ("户", "人"):  # 贫困户150户 is clear, 贫困人口90户 is not
            subject = _POOR_SUBJECT.search(_PAIRED.sub("", label))
            unit_is_households = figure.unit.dimension == "户"
            row.clear = subject is not None and ("户" in subject.group()) == unit_is_households
        return True
    if figure.unit.stored in _SUPERVISION_UNITS:
        measure = re.sub(r"^.*》(等\s*)?", "", placer.clause(figure))
        if not measure:
            measure = re.split(r"[，,；;。、（(]", text[figure.end : figure.end + 20])[0].strip()
        if not measure:
            return False
        cells = {"measure": measure, "value": figure.value_text, "unit": figure.unit.stored}
        cells["period"] = ""
        cells["printed"] = figure.printed.strip()
        row = placer.add(
            "supervision", figure, cells, "指标名取自所印标签 / measure is the printed label"
        )
        row.measures = {figure.id: "value"}
        return True
    return False


#: The figure just before, when it is the other half of a pair (1200户 before 4500人, 1.2万户
#: before 3.5万人).
_PAIRED = re.compile(r"\d[\d,，.]*\s*万?[户人]\s*$")
#: The poor population as the subject right before its figure (label's end).
_POOR_SUBJECT = re.compile(
    r"(?:(?P<remaining>未脱贫)(?:贫困)?(?:人口|户|人员|群众)?"
    r"|建档立卡(?:贫困)?(?:人口|户|人员|群众)?|(?<!非)贫困(?:人口|户|群众))"
    r"(?:规模|总数|数量|户数|人数)?\s*(?:共计|共有|总计|合计|共|计|有|为|是|达)?\s*$"
)

#: Words that make the poor population an action's object, not the subject its figure counts.
_ACTING = re.compile(
    "带动|帮扶|帮助|覆盖|惠及|受益|扶持|资助|培训|发放|救助|补助|奖补|安置|搬迁|吸纳|解决|参与|"
    "参加|组织|带领|联结|辐射|涉及|支持|落实|就业|务工|为|向|对|给|使|让"
)


#: Words that make a count of the poor a change or a flow (减少贫困人口1500人, 新识别贫困户30户,
#: 返贫, 退出, 脱贫), not the registered population: no measure is guessed for them. A word
#: followed by 后 names the state after it (动态调整后在册建档立卡人员469户: the register).
_FLOW = re.compile(
    "减少|减贫|脱贫|新识别|识别|新增|增加|返贫|致贫|退出|出列|摘帽|清退|剔除|销号|纳入|转入|转出|"
    "下降|降低"
)


def poverty_flow(label: str) -> str | None:
    """The word that makes the poor population before a figure a change or a flow, or None."""
    words = _PAIRED.sub("", label)
    subject = _POOR_SUBJECT.search(words)
    if subject is None:
        return None
    clause = re.split(r"[，,；;。：:]", words[: subject.start()])[-1]
    found = [m for m in _FLOW.finditer(clause) if not clause[m.end() :].startswith("后")]
    return found[-1].group() if found else None


def _poverty_measure(label: str, after: str, figure: Figure) -> str | None:
    unit = figure.unit.dimension  # 户 for 1.2万户 too
    if unit in ("户", "人"):
        # only where the words right before the figure (or before its pair, 1200户4500人) say it
        # is the poor population itself: 建档立卡贫困人口1200户, 未脱贫229户; not 培训800人 or
        # 带动贫困户务工就业650户, and not 已脱贫249户, which no measure holds (REVIEW.md lists them)
        words = _PAIRED.sub("", label)
        subject = _POOR_SUBJECT.search(words)
        if subject is None or _ACTING.search(
            re.split(r"[，,；;。：:]", words[: subject.start()])[-1]
        ):
            return None  # 带动贫困户650户, 为贫困户发放…: the poor households are the object
        remaining = subject["remaining"] is not None or words[: subject.start()].endswith("剩余")
        if unit == "户":
            return "poor_households_remaining" if remaining else "registered_poor_households"
        return "poor_people_remaining" if remaining else "registered_poor_people"
    if "贫困村" in after:
        return "poor_villages_exited"
    if "非贫困县" in label:
        return "non_poor_counties_with_tasks"
    if "贫困县" in label and "退出" in label:
        return "poor_counties_exited"
    return None
