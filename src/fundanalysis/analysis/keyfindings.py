"""主要发现 / Key findings: one sentence per finding, built from the data, and its evidence.

Each finding of the register (``findings.csv`` and the checks it names) becomes a sentence with
its amounts (what the report states, what its printed parts add up to, the gap and its share)
and what is right (``correct``), material findings first; and an evidence block: the passages
of the report that show it (the sentence each of its checks cites, the rows its corrections
change, or the passage ``quote`` names), the section of each, the computation of each check,
the corrections, and the document, with its published address where the data knows it, else
its number, issuer and date. Nothing here is written per report: a report's data says it all.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from fundanalysis.audit.audited import AuditedReport
from fundanalysis.audit.checkrows import VERDICT_KINDS, verdict_clause
from fundanalysis.audit.findings import sizing_check
from fundanalysis.data import units
from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.crosstable import SCORECARD_CHECKS
from fundanalysis.data.expressions import matching_rows, parse_filter
from fundanalysis.data.labels import STATUS_LABELS
from fundanalysis.data.money import share_text


@dataclass(frozen=True)
class Quote:
    """A passage of the report: the words as printed, in which section of which document."""

    document: str  # the document's title (documents.csv)
    document_en: str
    section_id: str
    section: str  # the report's own numbering and the section's title
    section_en: str
    printed: str


@dataclass(frozen=True)
class Document:
    """A document of the report, as ``documents.csv`` and ``report.toml`` describe it."""

    document: str
    title: str
    title_en: str
    issuer: str
    issuer_en: str
    reference: str
    issued_on: str  # as printed
    issued_on_en: str  # ISO 8601, or as printed where the data has no date
    address: str  # where it is published, "" where the data does not know


@dataclass(frozen=True)
class KeyFinding:
    """One finding: its sentence in each language and the evidence the sentence links to."""

    finding: str
    anchor: str  # the evidence block's id on the overview page: finding-<id>
    material: bool | None  # None: not computable (a gap against a figure stated as 0)
    sentence: str
    sentence_en: str
    quotes: tuple[Quote, ...]
    computation: tuple[tuple[str, str], ...]  # (Chinese, English), one line per check
    corrections: tuple[tuple[str, str], ...]
    checks: tuple[tuple[str, str, str], ...]  # (id, Chinese description, English description)
    documents: tuple[Document, ...]


def _number(value: Decimal) -> str:
    return f"{value:,f}"


def _unit_en(unit: str, value: Decimal | int | None = None) -> str:
    """The unit in English: a count's noun (one item, two items), money as the tables give it
    (× 10,000 yuan)."""
    english = vocab.COUNT_UNITS.get(unit) or units.in_english(unit, after_a_figure=True)
    if value is None or unit not in vocab.COUNT_UNITS or value != 1:
        return english
    if english.endswith("ies"):  # categories → category
        return english.removesuffix("ies") + "y"
    return english.removesuffix("s")  # items → item; people stays people


def _amounts(finding, check, threshold: float) -> tuple[str, str]:
    """The clause of a finding's sentence that sizes it: stated, computed, gap and share."""
    unit = check["unit"]
    stated, computed = check["stated_as_printed"], check["computed_as_printed"]
    summed = check["kind"] == "total"
    # a gap between two rates is in percentage points, not per cent of anything
    gap_unit, gap_unit_en = (
        ("个百分点", "percentage points")
        if finding.basis == "rate"
        else (unit, _unit_en(unit, finding.amount))
    )
    zh = (
        f"{check['description']}所述 {_number(stated)} {unit}，"
        f"{'所列各部分之和为' if summed else '计算为'} {_number(computed)} {unit}，"
        f"差 {_number(finding.amount)} {gap_unit}"
    )
    en = (
        f"{check['description_en']} is stated as {_number(stated)} {_unit_en(unit)}, "
        f"{'its printed parts add up to' if summed else 'computed, it is'} "
        f"{_number(computed)} {_unit_en(unit)}, "
        f"a gap of {_number(finding.amount)} {gap_unit_en}"
    )
    if finding.basis == "count":
        zh += f"（{_number(finding.of_stated)} {unit}中的 {_number(finding.amount)} {unit}）"
        en += f" ({_number(finding.amount)} of {_number(finding.of_stated)})"
    elif finding.materiality is not None and not pd.isna(finding.materiality):
        share = share_text(finding.materiality, threshold)
        zh += f"（为所述的 {share}）"
        en += f" ({share} of the stated figure)"
    return zh, en


def _sentence(finding, checks: pd.DataFrame, threshold: float) -> tuple[str, str]:
    zh, en = [finding.title], [finding.title_en]
    if finding.checks and finding.basis in VERDICT_KINDS:  # what was found, said in words
        found = verdict_clause(checks.loc[sizing_check(finding.checks, checks)])
        zh.append(found[0])
        en.append(found[1])
    elif finding.checks and finding.amount is not None:
        amounts = _amounts(finding, checks.loc[sizing_check(finding.checks, checks)], threshold)
        zh.append(amounts[0])
        en.append(amounts[1])
    if finding.correct:
        zh.append(finding.correct)
        en.append(finding.correct_en or finding.correct)
    head_zh, *rest_zh = zh
    head_en, *rest_en = en
    if not rest_zh:
        return f"{head_zh}。", f"{head_en}."
    # a title with its own colon (乡名误印：阿克苏来乡) goes on after a comma, not a second colon
    zh_joint = "，" if "：" in head_zh else "："
    en_joint = ", " if ":" in head_en else ": "
    return (
        f"{head_zh}{zh_joint}{'；'.join(rest_zh)}。",
        f"{head_en}{en_joint}{'; '.join(rest_en)}.",
    )


def _quote(report: AuditedReport, section_id: str, printed: str) -> Quote:
    sections = report.tables["sections"].set_index("section_id")
    section = sections.loc[section_id]
    number = section["number"] if isinstance(section["number"], str) else ""
    documents = report.tables["documents"].set_index("document")
    # a report without documents.csv names its document by the sections' id alone
    title = title_en = section["document"]
    if section["document"] in documents.index:
        title, title_en = documents.loc[section["document"], ["title", "title_en"]]
    return Quote(
        title,
        title_en,
        section_id,
        f"{number}{section['title']}",
        f"{number} {section['title_en']}".strip(),
        printed,
    )


def _quotes(report: AuditedReport, finding) -> list[Quote]:
    """The passages that show a finding: its checks' sentences, its corrections' rows, its own."""
    cited: list[tuple[str, str]] = []
    totals = report.tables["totals"].set_index("total_id")
    scores, grades = report.tables["scores"], report.tables["grades"]
    graded = {SCORECARD_CHECKS["grade"].format(i): i for i in scores["indicator_id"]}
    for check in finding.checks:
        if check in totals.index:
            cited.append((totals.loc[check, "section_id"], totals.loc[check, "printed"]))
        elif check in graded:  # a grade: the score and grade as printed, then every band
            score = scores[scores["indicator_id"] == graded[check]]
            passages = list(zip(score["section_id"], score["score_printed"], strict=True))
            for band in grades.itertuples():
                passages += [
                    (band.section_id, band.min_score_printed),
                    (band.section_id, band.max_score_printed),
                ]
            cited += [(s, p) for s, p in passages if isinstance(p, str) and p]
    corrections = report.tables.get("corrections")
    for correction_id in finding.corrections:
        row = corrections[corrections["correction_id"] == correction_id].iloc[0]
        table = report.tables[row["table"]]
        if {"section_id", "printed"} <= set(table.columns):
            changed = table[matching_rows(table, parse_filter(row["filter"]))]
            cited += list(zip(changed["section_id"], changed["printed"], strict=True))
    if finding.quote_section and finding.quote:
        cited.append((finding.quote_section, finding.quote))
    return [_quote(report, s, p) for s, p in dict.fromkeys(cited)]


def _computation(checks: pd.DataFrame, names: list[str]) -> list[tuple[str, str]]:
    lines = []
    for name in names:
        check = checks.loc[name]
        unit = check["unit"]
        status = STATUS_LABELS[str(check["status"])]
        if check["kind"] in VERDICT_KINDS:  # no figures to compute: what the check found
            found = verdict_clause(check)
            lines.append(
                (
                    f"{check['description']}：{found[0]}：{status[0]}。",
                    f"{check['description_en']}: {found[1]}: {status[1]}.",
                )
            )
            continue
        stated = f"{_number(check['stated_as_printed'])} {unit}"
        stated_en = f"{_number(check['stated_as_printed'])} {_unit_en(unit)}"
        computed = f"{_number(check['computed_as_printed'])} {unit}"
        computed_en = f"{_number(check['computed_as_printed'])} {_unit_en(unit)}"
        if check["kind"] == "cross-check":  # two sides of one amount, neither of them stated
            zh = f"{check['description']}：按原文，一方为 {stated}，另一方为 {computed}"
            en = f"{check['description_en']}: as printed, one side is {stated_en}, the other {computed_en}"
        elif check["kind"] == "ratio":
            zh = f"{check['description']}：所述 {stated}；按原文计算为 {computed}"
            en = f"{check['description_en']}: stated {stated_en}; as printed, it computes to {computed_en}"
        else:
            zh = f"{check['description']}：所述 {stated}；按原文，{check['parts']} 项之和为 {computed}"
            en = (
                f"{check['description_en']}: stated {stated_en}; as printed, its "
                f"{check['parts']} parts add up to {computed_en}"
            )
        if check["computed"] != check["computed_as_printed"]:
            zh += f"，更正后为 {_number(check['computed'])} {unit}"
            en += f", corrected {_number(check['computed'])} {_unit_en(unit)}"
        lines.append((f"{zh}：{status[0]}。", f"{en}: {status[1]}."))
    return lines


def _corrections(report: AuditedReport, ids: list[str]) -> list[tuple[str, str]]:
    table = report.tables["corrections"].set_index("correction_id")
    return [
        (
            f"更正 {i}：“{table.loc[i, 'printed']}”改为“{table.loc[i, 'corrected']}”。",
            f"Correction {i}: “{table.loc[i, 'printed']}” read as “{table.loc[i, 'corrected']}”.",
        )
        for i in ids
    ]


def documents(report: AuditedReport) -> list[Document]:
    """The report's documents, each with its published address where ``report.toml`` gives one."""
    addresses = {
        document: text.published_at
        for text in report.info.texts
        for document in text.documents
        if text.published_at
    }
    return [
        Document(
            d.document,
            d.title,
            d.title_en,
            d.issuer,
            d.issuer_en,
            d.reference if isinstance(d.reference, str) else "",
            d.issued_on_printed if isinstance(d.issued_on_printed, str) else "",
            "" if pd.isna(d.issued_on) else str(d.issued_on)[:10],
            addresses.get(d.document, ""),
        )
        for d in report.tables["documents"].itertuples()
    ]


def key_findings(report: AuditedReport) -> list[KeyFinding]:
    """Every finding as a sentence and its evidence: material ones first, in register order."""
    checks = report.checks.set_index("check")
    shown = documents(report)
    found = []
    for finding in report.findings.itertuples():
        quotes = _quotes(report, finding)
        cited = {q.document for q in quotes}  # titles
        material = None if pd.isna(finding.material) else bool(finding.material)
        zh, en = _sentence(finding, checks, report.info.materiality)
        found.append(
            KeyFinding(
                finding.finding,
                f"finding-{finding.finding}",
                material,
                zh,
                en,
                tuple(quotes),
                tuple(_computation(checks, finding.checks)),
                tuple(_corrections(report, finding.corrections)),
                tuple(
                    (c, checks.loc[c, "description"], checks.loc[c, "description_en"])
                    for c in finding.checks
                ),
                tuple(d for d in shown if d.title in cited) or tuple(shown),
            )
        )
    return sorted(found, key=lambda f: f.material is not True)
