"""One Excel workbook of a report, for readers who live in Excel on Chinese Windows.

Sheets and headers are in Chinese, with the English header in a second row and every column's
code name (the CSV header) on a sheet of its own, 字段说明. Numbers are numbers with the
format their column needs (万元 with two decimals or more, counts with thousands separators,
shares as percentages; a total or a check as its row's unit needs, so 2 个 is not 2.00),
dates are dates, columns are as wide as their content and every sheet has a filter. The first
sheet says where every figure comes from. Text that a spreadsheet would run as a formula stays
a string; a text longer than a cell holds is cut there with a word and listed on a sheet of
its own. The file holds no clock: the same data gives the same bytes (``SOURCE_DATE_EPOCH``
where the build sets one).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data.labels import label
from fundanalysis.data.money import FEN_PER_UNIT, share_text
from fundanalysis.data.specs import SPECS
from fundanalysis.data.units import UNITS
from fundanalysis.publish.export import _cell, _is_number, corrected, tables_present

#: What Excel holds in one cell, at most.
EXCEL_CELL_LIMIT = 32_767
CUT_MARK = "…［截断：原文共 {length:,} 字符 / cut: {length:,} characters in full; see the CSV］"
CUT_SHEET = "截断"
CUT_SHEET_NOTE = (
    "以下单元格超过 Excel 单元格上限（32,767 字符）而被截断；完整内容见同名 CSV 文件 / "
    "These cells are longer than an Excel cell holds (32,767 characters) and are cut; the CSV "
    "files hold them in full"
)
ABOUT_SHEET = "说明"
GUIDE_SHEET = "字段说明"

#: Sheets of results, beside the tables: code name → (Chinese, English).
RESULT_SHEETS = {
    "checks": ("核对结果", "every check and its result"),
    "findings-register": ("发现清单", "the findings register"),
}

#: Number formats (Excel's own codes).
MONEY = "#,##0.00####"  # 万元 to the 分 and beyond: at least two decimals, all it has
COUNT = "#,##0"
PLAIN = "0"  # years, sequence numbers: no thousands separator
PERCENT = "0.00%"
DATE = "yyyy-mm-dd"

_PLAIN_COLUMNS = {"year", "seq", "batch", "parts", "items"}
_PERCENT_COLUMNS = re.compile(r"(?:^|_)(?:share|rate|materiality|growth|execution)(?:_|$)")

#: Columns whose figures are in the unit their row's ``unit`` column names (money, a count or a
#: measure), beside the ``value`` of a measured table: code name → columns.
_IN_ROW_UNIT = {
    "totals": {"stated"},
    "indicators": {"stated"},
    "checks": {"stated", "computed", "difference", "tolerance"},
    "findings-register": {"amount", "of_stated"},
}

#: Text columns of the CSV files that hold no figure.
_WORDS = {"_en": ("（英文）", " (English)"), "_printed": ("（原文）", " as printed")}


#: Headers a column takes in one table only: (table, column) → (Chinese, English).
_TABLE_HEADERS = {
    ("documents", "title"): ("标题", "title"),
    ("documents", "title_en"): ("标题（英文）", "title (English)"),
    ("sections", "title"): ("标题", "heading"),
    ("sections", "title_en"): ("标题（英文）", "heading (English)"),
    ("findings-register", "checks"): ("所涉核对", "checks it fails"),
    ("findings", "checks"): ("所涉核对", "checks it fails"),
}


def headers(column: str, table: str = "") -> tuple[str, str]:
    """A column's header in Chinese and in English, from the library's labels."""
    if (table, column) in _TABLE_HEADERS:
        return _TABLE_HEADERS[(table, column)]
    for suffix, (zh, en) in _WORDS.items():
        if column.endswith(suffix) and column != suffix.strip("_"):
            stem = column.removesuffix(suffix).removesuffix("_as")
            return label(stem, "zh") + zh, label(stem, "en") + en
    if column.endswith("_as_printed"):
        stem = column.removesuffix("_as_printed")
        return label(stem, "zh") + "（原文）", label(stem, "en") + " as printed"
    return label(column, "zh"), label(column, "en")


def _width(values: list[object]) -> int:
    """Characters of the widest cell, a CJK character counting two; between 8 and 60."""
    widest = 0
    for value in values:
        text = str(value) if value is not None else ""
        width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text[:200])
        widest = max(widest, width)
    return max(8, min(60, widest + 2))


def percent_format(value: object, threshold: float | None) -> str:
    """The percentage format of one cell: two decimals, or as many more (up to ten) as it takes
    for a share below the materiality ``threshold`` not to show as reaching it (0.99999 % shows
    0.99999 %, not 1.00 %) and for a share above 0 not to show as 0.00 %. Excel rounds half up."""
    if not _is_number(value) or isinstance(value, bool):
        return PERCENT
    share = Decimal(repr(float(value)))
    if not share.is_finite():
        return PERCENT
    limit = None if threshold is None else Decimal(repr(float(threshold)))
    for decimals in range(2, 11):
        shown = share.scaleb(2).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        below = limit is None or share >= limit or shown < limit.scaleb(2)
        if below and (share <= 0 or shown > 0):
            break
    return PERCENT if decimals == 2 else f"0.{'0' * decimals}%"


def unit_format(value: object, unit: object) -> str | None:
    """The format of a figure in ``unit``, so that a count total of 2 个 does not show as 2.00:
    money as money (MONEY), a whole count or measure with thousands separators (COUNT), any
    other with the decimals it has and no more (3.5 米, 0.75 %). None where the unit says
    nothing the library knows, so that the column's own format stands."""
    if not _is_number(value) or not isinstance(unit, str):
        return None
    if unit in FEN_PER_UNIT:
        return MONEY
    if unit not in UNITS:
        return None
    exponent = Decimal(str(value)).normalize().as_tuple().exponent
    if not isinstance(exponent, int):
        return None
    return COUNT if exponent >= 0 else f"#,##0.{'0' * min(-exponent, 10)}"


def _in_row_unit(name: str, column: str) -> bool:
    """Whether ``column`` of table or result ``name`` holds figures in its row's unit."""
    measured = name in SPECS and SPECS[name].measured and column == "value"
    return measured or column in _IN_ROW_UNIT.get(name, set())


def _number_format(name: str, column: str, values: list[object]) -> str | None:
    kinds = SPECS[name].columns if name in SPECS else {}
    if _PERCENT_COLUMNS.search(column):
        return PERCENT
    measured = name in SPECS and SPECS[name].measured and column == "value"
    if not measured and (
        kinds.get(column, "").rstrip("?") == "amount" or column.endswith("_wan_corrected")
    ):
        return MONEY
    numbers = [v for v in values if _is_number(v)]
    if not numbers:
        return None
    if column in _PLAIN_COLUMNS:
        return PLAIN
    return COUNT if all(float(v).is_integer() for v in numbers) else MONEY


def _date_columns(name: str) -> set[str]:
    kinds = SPECS[name].columns if name in SPECS else {}
    return {column for column, kind in kinds.items() if kind.rstrip("?") == "date"}


def _sheet_names(report: AuditedReport) -> dict[str, str]:
    """Code name → a Chinese sheet name Excel accepts (31 characters, none of []:*?/\\), once."""
    names: dict[str, str] = {}
    wanted = {name: SPECS[name].title for name in tables_present(report)}
    wanted |= {code: zh for code, (zh, _) in RESULT_SHEETS.items()}
    for code, title in wanted.items():
        base = re.sub(r"[\[\]:*?/\\']", "", title)[:28] or code[:28]
        name, n = base, 2
        while name in names.values() or name in (ABOUT_SHEET, GUIDE_SHEET, CUT_SHEET):
            name, n = f"{base}{n}", n + 1
        names[code] = name
    return names


def _creation_time() -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` where the build sets it (the reproducible-builds convention),
    otherwise 1980-01-01, the earliest a zip file records."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(tzinfo=None)
    return dt.datetime(1980, 1, 1)


def _finding_size(finding, threshold: float) -> tuple[str, str]:
    """A finding's gap and its share of the figure it touches (or that it is not computable),
    as the pages give it: a count's gap as what it is (52 个中的 1 个), never as a share, and a
    rate's in percentage points."""
    amount, unit, materiality = finding.amount, finding.unit, finding.materiality
    if finding.basis == "grade":
        return "（评价等级不符，即为重大）", "(a wrong grade: material)"
    if amount is None or (not isinstance(amount, str) and pd.isna(amount)):
        return "", ""
    if finding.basis == "count" and finding.of_stated:
        of = finding.of_stated
        return f"（{of} {unit}中的 {amount} {unit}）", f"({amount} of {of} {unit})"
    if finding.basis == "rate":
        unit = "个百分点"
    if materiality is None or pd.isna(materiality):
        return (
            f"（{amount} {unit}，占比无法计算：所涉数字为 0）",
            f"({amount} {unit}; not computable: the figure it touches is 0)",
        )
    unit_en = "percentage points" if finding.basis == "rate" else unit
    share = share_text(materiality, threshold)
    return f"（{amount} {unit}，占 {share}）", f"({amount} {unit_en}, {share})"


def _about(report: AuditedReport, sheets: dict[str, str]) -> list[list[object]]:
    info = report.info
    lines: list[list[object]] = [
        ["报告", info.title, info.title_en],
        ["地区", info.jurisdiction, info.jurisdiction_en],
        ["年度", info.year, ""],
    ]
    for doc in report.tables["documents"].itertuples():
        issued = f"，{doc.issued_on_printed}" if isinstance(doc.issued_on_printed, str) else ""
        number = f"（{doc.reference}）" if isinstance(doc.reference, str) else ""
        lines.append(
            [f"原文 {doc.document}", f"{doc.issuer}：{doc.title}{number}{issued}", doc.title_en]
        )
    for text in info.texts:
        where = text.published_at or "（发布地址未载明 / address not recorded）"
        lines.append(["原文文件", f"{text.file}，SHA-256 {text.sha256}", where])
    lines += [
        [
            "出处",
            "每行的「章节」列指向报告的章节（见「章节」表），「原文」列为该数字所在的原句片段，可据此回查原文。",
            "Each row's section column names the section of the report that prints the figure "
            "(see the sections sheet) and its printed column quotes the words it is printed in.",
        ],
        [
            "单位",
            "「金额」为原文金额，单位见「单位（原文）」列；「更正后金额（万元）」为更正后折算的万元数（1 万元 = 10,000 元）。",
            "amount is as printed, in the unit printed beside it; the corrected amount is in "
            "万元 (10,000 yuan) after corrections.",
        ],
        [
            "行类型",
            "合计 = 报告所述合计；全部级次 = 未分级次的项目数；明细 = 组成部分",
            "total = a total the report states; all levels = a count not broken down; item = a part",
        ],
        [
            "字段",
            f"各列的代码名（与 CSV 表头相同）见「{GUIDE_SHEET}」表。",
            "Code names of the columns (the CSV headers) are on the guide sheet.",
        ],
        [],
        ["工作表", "内容", "Contents"],
    ]
    for code, sheet in sheets.items():
        if code in SPECS:
            lines.append([sheet, SPECS[code].title, SPECS[code].title_en])
        else:
            lines.append([sheet, RESULT_SHEETS[code][0], RESULT_SHEETS[code][1]])
    corrections = report.tables["corrections"]
    if not corrections.empty:
        lines += [[], ["更正", "", ""]]
        for c in corrections.itertuples():
            where = f"{SPECS[c.table].title}：{c.filter} · {headers(c.column)[0]}"
            lines.append([c.correction_id, f"{where}：{c.printed} → {c.corrected}", c.reason])
    findings = report.findings
    if not findings.empty:
        lines += [[], ["发现", "", ""]]
        for f in findings.itertuples():
            zh, en = _finding_size(f, report.info.materiality)
            lines.append(
                [
                    f.finding,
                    f"{f.title}：{f.explanation}{zh}",
                    f"{f.title_en}: {f.explanation_en} {en}".strip(),
                ]
            )
    return lines


def write_workbook(report: AuditedReport, path: Path) -> Path:
    """The workbook: 说明 (where every figure comes from), one sheet per table and per result,
    字段说明 (every column's code, Chinese and English header and description)."""
    import xlsxwriter
    from xlsxwriter.utility import xl_rowcol_to_cell

    info = report.info
    workbook = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False},
    )
    workbook.set_properties(
        {"title": info.title, "subject": info.title_en, "created": _creation_time()}
    )
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    english = workbook.add_format({"italic": True, "font_color": "#555555", "text_wrap": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    formats = {
        code: workbook.add_format({"num_format": code})
        for code in (MONEY, COUNT, PLAIN, PERCENT, DATE)
    }
    sheets = _sheet_names(report)
    cut: list[tuple[str, int, int, int]] = []

    about = workbook.add_worksheet(ABOUT_SHEET)
    for row, values in enumerate(_about(report, sheets)):
        for column, value in enumerate(values):
            _write(about, row, column, value, bold if column == 0 else wrap, cut)
    about.set_column(0, 0, 14)
    about.set_column(1, 2, 70)

    guide_rows: list[list[str]] = []
    frames = [(code, corrected(report, code)) for code in tables_present(report)]
    frames += [("checks", report.checks), ("findings-register", report.findings)]
    for code, frame in frames:
        sheet = workbook.add_worksheet(sheets[code])
        dates = _date_columns(code)
        rows = [[_cell(v) for v in values] for values in frame.itertuples(index=False)]
        unit_at = list(frame.columns).index("unit") if "unit" in frame.columns else None
        for column, name in enumerate(frame.columns):
            zh, en = headers(str(name), code)
            sheet.write_string(0, column, zh, bold)
            sheet.write_string(1, column, en, english)
            values = [row[column] for row in rows]
            number_format = _number_format(code, str(name), values)
            by_unit = unit_at is not None and _in_row_unit(code, str(name))
            threshold = info.materiality if "materiality" in str(name) else None
            for at, (value, row) in enumerate(zip(values, rows, strict=True), start=2):
                if name in dates:
                    if isinstance(value, str):
                        value = dt.datetime.fromisoformat(value)
                        sheet.write_datetime(at, column, value, formats[DATE])
                    else:
                        _write(sheet, at, column, value, formats[DATE], cut)
                    continue
                if number_format == PERCENT:
                    shown = percent_format(value, threshold)
                else:
                    shown = (by_unit and unit_format(value, row[unit_at])) or number_format
                if shown is not None and shown not in formats:
                    formats[shown] = workbook.add_format({"num_format": shown})
                _write(sheet, at, column, value, formats.get(shown), cut)
            width = _width([zh, en, *values])
            sheet.set_column(column, column, 12 if name in dates else width)
            description = ""
            if code in SPECS and name in SPECS[code].schema.to_schema().columns:
                description = SPECS[code].schema.to_schema().columns[name].description or ""
            guide_rows.append([sheets[code], code, str(name), zh, en, description])
        sheet.freeze_panes(2, 0)
        if len(frame.columns):
            sheet.autofilter(1, 0, max(1, len(rows) + 1), len(frame.columns) - 1)

    guide = workbook.add_worksheet(GUIDE_SHEET)
    guide_headers = [
        "工作表",
        "表（CSV 文件名）",
        "列（CSV 表头）",
        "中文表头",
        "English header",
        "说明 / description",
    ]
    for column, header in enumerate(guide_headers):
        guide.write_string(0, column, header, bold)
    for row, values in enumerate(guide_rows, start=1):
        for column, value in enumerate(values):
            _write(guide, row, column, value, None, cut)
    guide.set_column(0, 0, 16)
    guide.set_column(1, 4, 24)
    guide.set_column(5, 5, 70)
    guide.freeze_panes(1, 0)
    guide.autofilter(0, 0, max(1, len(guide_rows)), len(guide_headers) - 1)

    if cut:
        notes = workbook.add_worksheet(CUT_SHEET)
        notes.write_string(0, 0, CUT_SHEET_NOTE, bold)
        for column, header in enumerate(["工作表 sheet", "单元格 cell", "原长 characters"]):
            notes.write_string(1, column, header, bold)
        for row, (sheet_name, at_row, at_column, length) in enumerate(cut, start=2):
            notes.write_string(row, 0, sheet_name)
            notes.write_string(row, 1, xl_rowcol_to_cell(at_row, at_column))
            notes.write_number(row, 2, length)
    workbook.close()
    return path


def _write(sheet, row: int, column: int, value: object, cell_format, cut: list) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value, cell_format)
    elif _is_number(value):
        sheet.write_number(row, column, float(value), cell_format)
    else:
        text = str(value)
        if len(text) > EXCEL_CELL_LIMIT:
            mark = CUT_MARK.format(length=len(text))
            text = text[: EXCEL_CELL_LIMIT - len(mark)] + mark
            cut.append((sheet.get_name(), row, column, len(str(value))))
        sheet.write_string(row, column, text, cell_format)
