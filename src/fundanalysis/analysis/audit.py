"""The data audit: findings and their materiality, every check, corrections, coverage of the text."""

from __future__ import annotations

import pandas as pd

from fundanalysis.analysis.results import NOT_COMPUTABLE, NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.audit.checkrows import NOT_COMPUTABLE as UNCOMPUTED
from fundanalysis.audit.checkrows import STATUSES
from fundanalysis.audit.scanned import checked_scan
from fundanalysis.data import units
from fundanalysis.data.labels import SCAN_KINDS, SCAN_VERDICTS, STATUS_LABELS
from fundanalysis.data.money import share_text
from fundanalysis.text.provenance import checked_coverage


def status_summary(report: AuditedReport) -> pd.DataFrame:
    """Number of checks per status, in a fixed order, with the status in both languages; "not
    computable" only where a check is."""
    counts = report.checks["status"].value_counts().reindex(list(STATUSES), fill_value=0)
    if not counts[UNCOMPUTED]:
        counts = counts.drop(UNCOMPUTED)
    frame = counts.rename("checks").rename_axis("status").reset_index()
    frame["status_code"] = frame["status"].astype(str)
    frame["status_en"] = frame["status_code"].map(lambda s: STATUS_LABELS[s][1])
    frame["status"] = frame["status_code"].map(lambda s: STATUS_LABELS[s][0])
    return frame


#: How a finding's materiality reads: against a figure stated as 0 it is not computable.
MATERIAL_LABELS = {
    True: ("重大", "material"),
    False: ("非重大", "immaterial"),
    None: NOT_COMPUTABLE,
}


def findings_register(report: AuditedReport) -> pd.DataFrame:
    """Each distinct inconsistency once: its size, materiality and the checks it reaches."""
    register = report.findings.copy()
    register["checks_shown"] = register["checks"].map(lambda c: ", ".join(c) if c else "—")
    shown = [MATERIAL_LABELS[None if pd.isna(m) else bool(m)] for m in register["material"]]
    register["material_en"] = [en for _, en in shown]
    register["material"] = [zh for zh, _ in shown]
    # a gap between rates is in percentage points (个百分点), not a per cent of anything
    gap_units = [
        ("个百分点", "percentage points") if b == "rate" else (u, "")
        for b, u in zip(register["basis"], register["unit"], strict=True)
    ]
    register["amount_shown"] = [
        "—" if a is None else f"{a:,f} {u}"
        for a, (u, _) in zip(register["amount"], gap_units, strict=True)
    ]
    # a count's gap is shown as what it is ("52 个中的 1 个"), not as a share: counts are not
    # weighed against the money threshold (see audit.findings, materiality by kind)
    counted = [
        b == "count" and a is not None and bool(o)
        for b, a, o in zip(
            register["basis"], register["amount"], register["of_stated"], strict=True
        )
    ]
    rows = zip(counted, register["amount"], register["of_stated"], gap_units, strict=True)
    shown_en = []
    for position, (count, gap, of, (unit, unit_en)) in enumerate(rows):
        if count:
            register.at[position, "amount_shown"] = f"{of:,f} {unit}中的 {gap:,f} {unit}"
            register.at[position, "materiality"] = None
        shown_en.append(
            f"{gap:,f} of {of:,f}"
            if count
            else "—"
            if gap is None
            else f"{gap:,f} {unit_en or units.in_english(unit, after_a_figure=True)}"
        )
    register["amount_shown_en"] = shown_en
    register["counted"] = counted
    register["graded"] = register["basis"] == "grade"  # no gap: a wrong grade, always material
    # shown as the key findings say it: never rounded up onto the threshold it is below
    register["materiality_shown"] = [
        None
        if m is None or pd.isna(m)
        else share_text(m, report.info.materiality).replace(" %", "%")
        for m in register["materiality"]
    ]
    return register


def all_checks(report: AuditedReport) -> pd.DataFrame:
    """Every check, with its status in both languages."""
    checks = report.checks.copy()
    codes = checks["status"].astype(str)
    checks["status"] = codes.map(lambda s: STATUS_LABELS[s][0])
    checks["status_en"] = codes.map(lambda s: STATUS_LABELS[s][1])
    checks["unit_en"] = checks["unit"].map(units.in_english)
    return checks


def score_checks(report: AuditedReport) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The checks of the report's scorecard, and those of them that do not hold."""
    checks = all_checks(report)
    checked = checks[checks["kind"].isin(["score", "grade"])]
    return checked, checked[checked["status_en"] != "ok"]


def score_checks_sentence(checked: pd.DataFrame) -> tuple[str, str]:
    return (
        f"得分核对 {len(checked)} 项，均一致：各项之和、分值上限与评价等级。",
        f"All {len(checked)} checks of the scores hold: sums, maximums and the grade.",
    )


def scan_beside_declared(report: AuditedReport) -> pd.DataFrame | NotReported:
    """The relations the scan reads in the text on its own, each with its verdict in both
    languages and the declared total or rate it corresponds to (stored; re-verified with the
    text)."""
    stored = checked_scan(report.data_dir)
    if stored is None or stored.empty:
        return NotReported("原文自动扫描的结果", "the result of scanning its text")
    frame = stored.copy()
    # the scan keeps stated − computed (total − parts); pages show every gap as the checks do
    frame["gap"] = [_computed_less_stated(gap) for gap in frame["gap"]]
    frame["section"] = frame["section"].map(lambda s: s.split(" / ")[-1])
    frame["kind_en"] = frame["kind"].map(lambda k: SCAN_KINDS.get(k, (k, k))[1])
    frame["kind"] = frame["kind"].map(lambda k: SCAN_KINDS.get(k, (k, k))[0])
    frame["verdict_en"] = frame["status"].map(lambda s: SCAN_VERDICTS.get(s, (s, s))[1])
    frame["verdict"] = frame["status"].map(lambda s: SCAN_VERDICTS.get(s, (s, s))[0])
    described = {
        getattr(row, key): (row.description, row.description_en)
        for table, key in (
            (report.tables["totals"], "total_id"),
            (report.tables["indicators"], "indicator_id"),
        )
        for row in table.itertuples(index=False)
    }
    frame["declared_en"] = [described.get(d, ("—", "—"))[1] for d in frame["declared"]]
    frame["declared"] = [described.get(d, ("—", "—"))[0] for d in frame["declared"]]
    frame["verified"] = frame["text_sha256"].isin({text.sha256 for text in report.info.texts})
    return frame


def _computed_less_stated(gap) -> str:
    from decimal import Decimal

    turned = -Decimal(str(gap))
    return f"{turned + 0:f}"  # + 0: no "-0"


def scan_summary(table: pd.DataFrame) -> tuple[str, str]:
    """One sentence: how many relations the scan read, their verdicts, how many were declared."""
    counts = table["status"].value_counts()
    declared = int((table["declared"] != "—").sum())
    holds, rounding, fails = (int(counts.get(k, 0)) for k in ("holds", "rounding", "fails"))
    if "verified" in table.columns and not table["verified"].all():
        other = ", ".join(sorted({d[:12] for d in table.loc[~table["verified"], "text_sha256"]}))
        return (
            f"以下扫描结果未经核实：其所依据的原文（SHA-256 {other}…）不是 report.toml 所列的原文。",
            f"Unverified: this scan was made of a text (SHA-256 {other}…) that is not the one "
            "report.toml names.",
        )
    return (
        f"不经任何人工声明，扫描原文读出 {len(table)} 处报告自述的数字关系：成立 {holds}、"
        f"四舍五入 {rounding}、不成立 {fails}；其中 {declared} 处与转录者声明的合计或比率相对应。",
        f"With nothing declared, the scan reads {len(table)} relations the text states: "
        f"{holds} hold, {rounding} round, {fails} fail; {declared} of them are totals or rates "
        "the transcriber declared.",
    )


def figure_coverage(report: AuditedReport) -> pd.DataFrame:
    """For each cited section: how many numbers it prints and how many a cited figure captures.

    The result is the one stored in the data directory; when the report's text is supplied it
    is re-verified first (see :func:`fundanalysis.text.provenance.checked_coverage`), so it reads
    the same with or without the text. ``text_sha256`` names the text it was found against;
    ``verified`` says whether that is a text ``report.toml`` names (by its SHA-256): a row
    computed against any other text is not a verified result, and :func:`coverage_note` says so.
    """
    stored = checked_coverage(report.data_dir)
    columns = [
        "section_id",
        "title",
        "title_en",
        "numbers_printed",
        "covered",
        "not_covered",
        "text_sha256",
        "verified",
    ]
    if stored is None:
        return pd.DataFrame(columns=columns)
    sections = report.tables["sections"].set_index("section_id")
    table = stored.copy()
    table["title"] = table["section_id"].map(sections["title"])
    table["title_en"] = table["section_id"].map(sections["title_en"])
    named = {text.sha256 for text in report.info.texts}
    table["verified"] = table["text_sha256"].isin(named)
    return table[columns]


def text_supplied(report: AuditedReport) -> bool:
    """Whether every text the report names was supplied to this run, and is the one transcribed."""
    from fundanalysis.data.report import find_text

    texts = report.info.texts
    return bool(texts) and all(find_text(report.data_dir, t).verified for t in texts)


def coverage_note(coverage: pd.DataFrame, supplied: bool = True) -> tuple[str, str]:
    """One line per language saying which text the coverage (:func:`figure_coverage`) was
    verified against, and whether this run checked it again (``supplied``: the text was there)."""
    if coverage.empty:
        return (
            "本报告未存储与原文的覆盖率核对结果。",
            "No coverage against the text is stored for this report.",
        )
    digests = ", ".join(sorted({d[:12] for d in coverage["text_sha256"]}))
    if "verified" in coverage.columns and not coverage["verified"].all():
        other = ", ".join(
            sorted({d[:12] for d in coverage.loc[~coverage["verified"], "text_sha256"]})
        )
        return (
            f"以下结果未经核实：其所依据的原文（SHA-256 {other}…）不是 report.toml 所列的原文。",
            f"Unverified: these results were found against a text (SHA-256 {other}…) that is "
            "not the one report.toml names.",
        )
    if not supplied:
        return (
            "本次发布未提供报告原文，数据未与原文核对。以下结果是写入 coverage.csv 时与原文"
            f"（SHA-256 {digests}…）核对所得，提供原文后会重新核对。",
            "This build was not given the report's text: the data was not checked against it. "
            f"The results below were found against the text (SHA-256 {digests}…) when "
            "coverage.csv was written, and are checked again whenever it is supplied.",
        )
    return (
        f"以下结果已与报告原文逐字核对（原文指纹 SHA-256 {digests}…），每次提供原文时都会重新核对。",
        f"Checked word for word against the report's text (fingerprint SHA-256 {digests}…), and again whenever it is supplied.",
    )


def _readable_filter(filter_text: str, lang: str) -> str:
    """``place=轮台县;seq=11`` as a reader says it: 地区 轮台县，序号 11."""
    from fundanalysis.data.expressions import parse_filter
    from fundanalysis.data.labels import label

    parts = [f"{label(c.column, lang)} {'/'.join(c.values)}" for c in parse_filter(filter_text)]
    return ("，" if lang == "zh" else ", ").join(parts)


def corrections_for_readers(report: AuditedReport) -> pd.DataFrame:
    """Each correction: which table, row and column, the value as printed and as corrected."""
    from fundanalysis.data.labels import label
    from fundanalysis.data.specs import SPECS

    table = report.tables["corrections"].copy()
    if table.empty:
        return table
    rows = list(zip(table["table"], table["filter"], table["column"], strict=True))
    totals = report.tables["totals"].set_index("total_id")

    def row_named(table_name: str, filter_text: str, lang: str) -> str:
        # a stated total is named by what it totals, not by its id (total_id=fu_budget_2017)
        total = filter_text.removeprefix("total_id=")
        if table_name == "totals" and total != filter_text and total in totals.index:
            return totals.at[total, "description" if lang == "zh" else "description_en"]
        return _readable_filter(filter_text, lang)

    table["where"] = [
        f"{SPECS[t].title}：{row_named(t, f, 'zh')}；{label(c, 'zh')}" for t, f, c in rows
    ]
    table["where_en"] = [
        f"{SPECS[t].title_en}: {row_named(t, f, 'en')}; {label(c, 'en')}" for t, f, c in rows
    ]
    return table
