"""A report's text into the files of its data directory, as text, and what to review.

``draft_text`` returns every file's content (CSV with the columns of
:mod:`fundanalysis.data.specs`, ``report.toml``, ``REVIEW.md``); nothing is written here (see
:mod:`fundanalysis.text.draft.writing`). What the text does not tell is left empty and listed
in ``REVIEW.md`` with its line: English forms, issuers, the province, labels no clause names.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field

from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.errors import INVISIBLE
from fundanalysis.data.specs import SPECS
from fundanalysis.text.draft import words as w
from fundanalysis.text.draft.outline import Outline, outline
from fundanalysis.text.draft.placing import Placed, line_of, place_figures
from fundanalysis.text.draft.rates import draft_rates
from fundanalysis.text.draft.subtotals import with_subtotals
from fundanalysis.text.draft.totals import Total, draft_totals
from fundanalysis.text.scan import ScanResult, scan_text
from fundanalysis.text.scan.figures import UNREAD
from fundanalysis.text.scan.render import formula

_YEAR = re.compile(r"(\d{4})\s*年度?")
_TITLE_WORDS = re.compile(r"(财政专项扶贫资金|财政扶贫资金|扶贫资金)")
_LEVEL_SUFFIX = ("自治州", "自治县", "区", "县", "市", "州", "旗")


@dataclass
class Draft:
    """Every file of a drafted directory (name → text) and the review list behind REVIEW.md."""

    files: dict[str, str]
    review: list[tuple[int, str]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)


def csv_text(columns: list[str], rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return buffer.getvalue()


def _toml(value: str) -> str:
    """A TOML basic string: backslash, quote and every control character escaped."""
    escaped = "".join(
        "\\\\"
        if c == "\\"
        else '\\"'
        if c == '"'
        else f"\\u{ord(c):04x}"
        if ord(c) < 0x20 or ord(c) == 0x7F
        else c
        for c in value
    )
    return f'"{escaped}"'


def _descriptor(
    report_id: str, title: str, file_name: str, sha256: str, documents: list[str], review
) -> str:
    year = _YEAR.search(title)
    words = _TITLE_WORDS.search(title)
    head = title[: words.start()] if words else ""
    jurisdiction = _YEAR.sub("", head).strip()
    level = next((s for s in _LEVEL_SUFFIX if jurisdiction.endswith(s)), "")
    lines = [
        "# Drafted by `fundanalysis draft` from the text named below. Empty fields are what the",
        "# text does not tell: fill them in (REVIEW.md lists them).",
        "",
        "[report]",
        f"id = {_toml(report_id)}",
        f"title = {_toml(title)}",
        f"title_en = {_toml('')}",
        f"jurisdiction = {_toml(jurisdiction)}",
        f"jurisdiction_en = {_toml('')}",
        f"short_name = {_toml('')}",
        f"short_name_en = {_toml('')}",
        f"jurisdiction_level = {_toml(level)}",
        f"jurisdiction_level_en = {_toml('')}",
        f"province = {_toml('')}",
        f"province_en = {_toml('')}",
    ]
    if year:
        lines.append(f"year = {int(year[1])}")
    else:
        review.append(
            (
                1,
                "报告年度：标题未印年份，未填 / the year evaluated: the title prints none, left out",
            )
        )
    lines += [
        "",
        "[[texts]]",
        f"file = {_toml(file_name)}",
        f"sha256 = {_toml(sha256)}",
        "documents = [" + ", ".join(_toml(d) for d in documents) + "]",
        f"published_at = {_toml('')}",
        "",
    ]
    review.append(
        (
            1,
            "report.toml：id、英文名称、简称、省份须填写 / id, English names, short name and province to fill in",
        )
    )
    if not jurisdiction:
        review.append((1, "report.toml：标题中读不出地区 / no jurisdiction read from the title"))
    if level:
        review.append(
            (
                1,
                f"report.toml：级次按地名末字推定为“{level}” / level taken from the name's last character",
            )
        )
    return "\n".join(lines)


def _vocabulary(placed: Placed) -> list[dict[str, str]]:
    """Every report term the rows use, in order of first use (English left empty)."""
    seen: dict[tuple[str, str], None] = {}
    for row in placed.rows:
        for column, name in SPECS[row.table].report_terms.items():
            term = row.cells.get(column, "")
            if term:
                seen.setdefault((name, term), None)
    parents: dict[tuple[str, str], str] = {}
    for name, term in list(seen):
        broader = vocab.REPORT_VOCABULARIES[name][2]
        if broader == "level":  # a funding source's level, where its name starts with one
            level = w.levels_in(term) or ""
            parents[(name, term)] = level
            if level:
                seen.setdefault(("level", level), None)
    order = list(vocab.REPORT_VOCABULARIES)
    terms = sorted(seen, key=lambda key: order.index(key[0]) if key[0] in order else len(order))
    return [
        {"vocabulary": v, "term": t, "term_en": "", "parent": parents.get((v, t), "")}
        for v, t in terms
    ]


def _findings(scan: ScanResult, totals: list[Total], review: list) -> list[dict[str, str]]:
    by_relation: dict[str, list[str]] = {}
    for total in totals:
        for relation in total.relations:
            by_relation.setdefault(relation, []).append(total.cells["total_id"])
    rows = []
    for number, finding in enumerate(scan.findings, 1):
        checks = [c for r in finding.relations for c in by_relation.get(r, [])]
        rows.append(
            {
                "finding_id": f"F{number}",
                "title": finding.title,
                "title_en": finding.title_en,
                "checks": ";".join(dict.fromkeys(checks)),
                "correction_ids": "",
                "explanation": finding.explanation,
                "explanation_en": finding.explanation_en,
            }
        )
    registered = {c for row in rows for c in row["checks"].split(";")}
    for total in totals:
        if total.gap is None or total.cells["total_id"] in registered:
            continue
        stated, unit = total.cells["stated"], total.cells["unit"]
        gap = format(total.gap.normalize(), "f")
        rows.append(
            {
                "finding_id": f"F{len(rows) + 1}",
                "title": f"“{total.cells['printed']}”与其明细之和相差 {gap} {unit}",
                "title_en": f"“{total.cells['printed']}” differs from the sum of its items by {gap} {unit}",
                "checks": total.cells["total_id"],
                "correction_ids": "",
                "explanation": (
                    f"所印合计 {stated} {unit} 与所列明细之和相差 {gap} {unit}，"
                    "按所印精度不能以四舍五入解释。由草稿登记，待核：是报告的计算笔误，还是草稿放错了行。"
                ),
                "explanation_en": (
                    f"The printed total {stated} {unit} differs from the sum of its items by {gap} "
                    f"{unit}, more than rounding at the printed precision can explain. Registered by "
                    "the draft, to review: the report's arithmetic slip, or a row the draft misplaced."
                ),
            }
        )
        review.append(
            (
                line_of(scan.text, total.figure.start),
                f"{total.figure.printed.strip()}: 草稿登记的发现 {rows[-1]['finding_id']}，待核 / a "
                "finding the draft registered: the report's slip or the draft's?",
            )
        )
    return rows


_REFERENCE = re.compile(r"^\S{1,12}〔\d{4}〕\d+号$")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def _documents(text: str, shape: Outline) -> list[dict[str, str]]:
    """One row per document; its number (〔2020〕11号) and date where a line of its opening
    section prints nothing else."""
    rows = []
    for document, title in shape.documents.items():
        sections = [s for s in shape.sections if s.document == document]
        first = sections[0]
        following = shape.sections[shape.sections.index(first) + 1 :]
        end = following[0].start if following else len(text)
        row = {"document": document, "title": title, "section_id": first.section_id}
        for line in (line.strip() for line in text[first.start : end].splitlines()):
            if _REFERENCE.match(line) and "reference" not in row:
                row["reference"] = line
            elif _DATE_LINE.match(line) and "issued_on" not in row:
                when = w.full_date(line)
                if when is not None:
                    row.update(issued_on=when.isoformat(), issued_on_printed=line, printed=line)
        rows.append(row)
    return rows


def _possible(scan: ScanResult) -> list[tuple[int, str]]:
    """The relations the scan could not confirm: a person decides whether they are sums."""
    return [
        (
            line_of(scan.text, relation.total.start),
            f"{relation.total.printed.strip()}: 扫描未能确认的关系（{relation.status}）/ a relation "
            "the scan could not confirm: "
            + formula(
                relation.kind,
                relation.total.printed.strip(),
                [p.printed.strip() for p in relation.parts],
            ),
        )
        for relation in scan.possible
    ]


def _shown(char: str) -> bool:
    return char.isprintable() and char not in INVISIBLE


def _without_invisible(tables: dict[str, list[dict[str, str]]], review: list, text: str) -> None:
    """Control and other invisible characters (an ESC sequence in a heading) taken out of every
    cell, where no cell may hold them; REVIEW.md lists each cell so cleaned."""
    for name, rows in tables.items():
        for number, row in enumerate(rows, 2):
            for column, value in row.items():
                if isinstance(value, str) and not all(map(_shown, value)):
                    row[column] = "".join(filter(_shown, value))
                    review.append(
                        (
                            line_of(text, max(text.find(value), 0)),
                            f"{SPECS[name].file}:{number} {column}: 不可见字符已删除 / invisible "
                            "characters removed",
                        )
                    )


def _printable(text: str) -> str:
    """Text for a terminal: each control character shown as its code (\\x1b), never sent."""
    return "".join(
        c if c == "\n" or _shown(c) else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}"
        for c in text
    )


def _review_md(
    name: str, review: list[tuple[int, str]], rows: list, empties: list[tuple[int, str]]
) -> str:
    lines = [
        f"# 待核 / To review: draft of `{name}`",
        "",
        "Everything the drafter could not place, guessed or was unsure of, with its line in the",
        "text. Every other row was written from one printed figure; still check each table.",
        "",
        "## 未能确定 / Unplaced, guessed or unsure",
        "",
    ]
    lines += [f"- 第 {line} 行 / line {line}: {message}" for line, message in sorted(review)]
    lines += ["", "## 推定的标签 / Labels taken from the words around a figure", ""]
    for row in rows:
        for note in row.notes:
            lines.append(
                f"- 第 {row.line} 行 / line {row.line} ({row.table}.csv, {row.figure.printed.strip()}): {note}"
            )
    lines += ["", "## 待填写 / Cells to fill in (the text does not print them)", ""]
    lines += [f"- {where}: {what}" for where, what in empties]
    return _printable("\n".join(lines) + "\n")


def draft_text(text: str, file_name: str, report_id: str = "", raw: bytes | None = None) -> Draft:
    """Draft every file of a data directory from one report text.

    ``file_name`` is how ``report.toml`` names the text, ``report_id`` the directory's name,
    ``raw`` the file's bytes (their SHA-256 is recorded; the text's own when not given).
    """
    scan = with_subtotals(scan_text(text, file_name))
    shape = outline(text)
    title = shape.documents.get("D1", "")
    year_match = _YEAR.search(title)
    year = int(year_match[1]) if year_match else None
    placed = place_figures(scan, shape, year)
    totals, unsure = draft_totals(scan, placed, lambda offset: shape.at(offset).section_id)
    rates, unrated = draft_rates(scan, totals, placed, lambda offset: shape.at(offset).section_id)
    review = [(line_of(text, at), m) for at, m in shape.unsure] + placed.review + unsure + unrated
    review += _possible(scan)
    review += [  # 甲县1，200万元: a figure the scan refused rather than read wrong
        (line_of(text, n.start), f"「{n.printed}」{UNREAD[n.kind]}")
        for n in scan.numbers
        if n.kind in UNREAD
    ]
    sha256 = hashlib.sha256(text.encode("utf-8") if raw is None else raw).hexdigest()
    tables: dict[str, list[dict[str, str]]] = {name: [] for name in SPECS}
    for row in placed.rows:
        tables[row.table].append(row.cells)
    tables["totals"] = [t.cells for t in totals]
    tables["indicators"] = rates
    tables["sections"] = [
        {
            "section_id": s.section_id,
            "document": s.document,
            "number": s.number,
            "title": s.title,
            "title_en": "",
            "start_anchor": s.start_anchor,
            "end_anchor": s.end_anchor,
        }
        for s in shape.sections
    ]
    tables["documents"] = _documents(text, shape)
    tables["vocabulary"] = _vocabulary(placed)
    tables["findings"] = _findings(scan, totals, review)
    _without_invisible(tables, review, text)
    if not all(map(_shown, title)):
        review.append(
            (
                line_of(text, max(text.find(title), 0)),
                "report.toml title: 不可见字符已删除 / invisible characters removed",
            )
        )
        title = "".join(filter(_shown, title))
    files = {
        "report.toml": _descriptor(
            report_id, title, file_name, sha256, list(shape.documents), review
        )
    }
    empties: list[tuple[int, str]] = []
    for name, spec in SPECS.items():
        rows = tables[name]
        files[spec.file] = csv_text(list(spec.columns), rows)
        for number, row in enumerate(rows, 2):
            for column, kind in spec.columns.items():
                if not kind.endswith("?") and not row.get(column, ""):
                    empties.append((f"{spec.file}:{number}", column))
    for number, row in enumerate(tables["vocabulary"], 2):
        if vocab.REPORT_VOCABULARIES[row["vocabulary"]][2] == "level" and not row["parent"]:
            empties.append((f"vocabulary.csv:{number}", f"parent (the level of {row['term']})"))
    files["REVIEW.md"] = _review_md(file_name, review, placed.rows, empties)
    return Draft(files, review, {name: len(rows) for name, rows in tables.items()})
