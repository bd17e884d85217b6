"""Assemble the Sphinx sources of the site: one tree per language, one folder per report.

The notebooks are executed once per report (see execute_notebooks.py); here each executed
notebook is copied once per language, keeping the narrative cells and outputs of that language
(cells tagged ``lang-zh``/``lang-en``, outputs tagged in their metadata) and removing the code
(``remove-input``; a cell that shows nothing, ``remove-cell``): the reader's pages carry results
only. The notebooks, code and all, are downloads of each report. Every page of a language links
to the same page of the other.
"""

from __future__ import annotations

import csv
import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path

LANGUAGES = {"zh": "zh_CN", "en": "en"}
ROOT = Path(__file__).resolve().parents[1]


class BuildError(Exception):
    """The build cannot go on; the message says why."""


def inside(folder: Path, *parts: str) -> Path:
    """``folder/parts…``, resolved, and refused unless it stays inside ``folder``.

    Every path the build writes is made here: a name from the data (a report id, a file
    name) can never lead out of the site, whatever it holds.
    """
    base = folder.resolve()
    path = base.joinpath(*parts).resolve()
    if path != base and not path.is_relative_to(base):
        raise BuildError(f"refusing to write {path}: it is outside {base}")
    return path


def _as_printed(path: Path) -> list[list[str]]:
    """The rows of a table CSV of a data directory, as its file holds them, for the "as printed"
    download; a link (or a file that now lies outside the directory) is refused, unread, as the
    loader refuses it: the site never publishes a file that is not the directory's own."""
    import io

    from fundanalysis.data.csvfile import read_data_file
    from fundanalysis.data.errors import DataError

    try:
        raw = read_data_file(path)
    except DataError as error:
        raise BuildError(f"{path}: {error.problems[0].message}") from None
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def text(value: object, table: bool = False) -> str:
    """Text from the data as MyST that shows exactly that text (see pagetext.myst_text)."""
    from fundanalysis.publish.pagetext import myst_text

    return myst_text(value, table)


def _keep_output(output: dict, lang: str) -> bool:
    tagged = output.get("metadata", {}).get("fundanalysis", {}).get("lang")
    return tagged in (None, lang)


_VIEW_CALL = re.compile(r"views\.(\w+)\(")
_TABLE = '<div class="fa-table-wrap"'


def _anchor_tables(cell: dict) -> None:
    """Give each table a cell shows a stable id, named for the view that shows it
    (``table-funds-by-level``, then ``-2``, ``-3`` …), so that a citation can point at it."""
    found = _VIEW_CALL.search("".join(cell["source"]))
    name = found.group(1).replace("_", "-") if found else cell.get("id", "cell")
    count = 0
    for output in cell["outputs"]:
        html_out = output.get("data", {}).get("text/html")
        if html_out is None:
            continue
        pieces = "".join(html_out).split(_TABLE)
        for i in range(1, len(pieces)):
            count += 1
            suffix = f"-{count}" if count > 1 else ""
            pieces[i] = f' id="table-{name}{suffix}"' + pieces[i]
        output["data"]["text/html"] = _TABLE.join(pieces)


def for_language(notebook: dict, lang: str) -> dict:
    """The notebook as a reader of ``lang`` sees it: that language's cells and outputs, no code."""
    other = f"lang-{'en' if lang == 'zh' else 'zh'}"
    cells = []
    for cell in notebook["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if other in tags:
            continue
        cell = json.loads(json.dumps(cell))
        cell["metadata"]["tags"] = [t for t in tags if not t.startswith("lang-")]
        if cell["cell_type"] == "code":
            cell["outputs"] = [o for o in cell["outputs"] if _keep_output(o, lang)]
            _anchor_tables(cell)
            cell["metadata"]["tags"].append("remove-input" if cell["outputs"] else "remove-cell")
        cells.append(cell)
    return {**notebook, "cells": cells}


def _retitle(notebook: dict, title: str) -> None:
    """Name the report in the page's heading, so that menus, tabs and search tell reports apart."""
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"])
            if source.startswith("# "):
                heading, _, rest = source.partition("\n")
                cell["source"] = f"# {text(title)} · {heading[2:]}\n{rest}"
                return


def _not_printed(notebook: dict, report) -> bool:
    """Whether the report prints none of the tables the notebook needs (its metadata says which)."""
    needs = notebook.get("metadata", {}).get("fundanalysis", {}).get("requires", [])
    return bool(needs) and not any(report.has(name) for name in needs)


def printed_pages(executed: Path, report) -> list[str]:
    """The analyses of ``executed`` (stems, in order) whose subject the report prints."""
    return [
        path.stem
        for path in sorted(executed.glob("*.ipynb"))
        if path.stem != "00-overview"
        and not _not_printed(json.loads(path.read_text(encoding="utf-8")), report)
    ]


def page_titles(executed: Path, lang: str) -> dict[str, str]:
    """Each analysis' title in ``lang``: the first heading of its language's narrative."""
    titles = {}
    for path in sorted(executed.glob("*.ipynb")):
        notebook = for_language(json.loads(path.read_text(encoding="utf-8")), lang)
        heading = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
        titles[path.stem] = "".join(heading["source"]).partition("\n")[0].lstrip("# ").strip()
    return titles


def _without_links_to(notebook: dict, pages: set[str]) -> None:
    """Drop the lines of the narrative that link to a page not published for this report."""
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        lines = "".join(cell["source"]).splitlines(keepends=True)
        kept = [line for line in lines if not any(f"]({p}.ipynb)" in line for p in pages)]
        if len(kept) != len(lines):
            cell["source"] = "".join(kept)


def data_version() -> str:
    """The version of code and data the site is built from: the git commit (marked as changed
    where the working tree differs from it), else the package's version."""

    def git(*args: str) -> str:
        run = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
        return run.stdout.strip()

    try:
        commit = git("rev-parse", "--short=12", "HEAD")
        changed = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        import fundanalysis

        return f"fundanalysis {fundanalysis.__version__}"
    return f"git {commit}{'+changes' if changed else ''}"


def cite_anchor(report) -> str:
    return f"how-to-cite-{report.info.id}"


def sources_cell(report, lang: str, cite: str) -> dict:
    """A cell naming the report's source documents (linked where their address is known)."""
    from fundanalysis.analysis.keyfindings import documents
    from fundanalysis.publish.views.findings import sources_html

    return {
        "cell_type": "markdown",
        "id": "site-sources",
        "metadata": {},
        # one line: a line break would end the HTML block and let MyST read what follows
        "source": " ".join(sources_html(documents(report), lang, cite).splitlines()),
    }


def cite_cell(report, lang: str, version: str, built: str) -> dict:
    """如何引用 / How to cite: the report, the version of data and code, the build date and the
    page's address (filled in by site.js: the site may be served from anywhere). The build
    date lives here, in the site build, never in a notebook's outputs."""
    from markupsafe import Markup

    zh = lang == "zh"
    info = report.info
    name = info.short_name if zh else info.short_name_en
    title = info.title if zh else info.title_en
    body = Markup(
        '<p class="fa-cite">{}{}{}。fundanalysis 核对与分析，数据版本 {}，构建于 {}。'
        '网址：<span class="fa-cite-address">本页网址</span>。</p>'
        if zh
        else '<p class="fa-cite">{}{}{}. Checked and analysed by fundanalysis, data version {}, '
        'built {}. Address: <span class="fa-cite-address">this page\'s address</span>.</p>'
    ).format(
        f"{name} {info.year}", "：" if zh else ": ", f"《{title}》" if zh else title, version, built
    )
    heading = "## 如何引用" if zh else "## How to cite"
    return {
        "cell_type": "markdown",
        "id": "site-cite",
        "metadata": {},
        "source": f"({cite_anchor(report)})=\n{heading}\n\n{' '.join(body.splitlines())}\n",
    }


def report_pages(
    executed: Path,
    target: Path,
    lang: str,
    report,
    title: str,
    version: str = "",
    built: str = "",
) -> None:
    """Write one report's pages for ``lang``: the overview as its index, then the analyses of
    the subjects the report prints (a subject it does not print is no page and no link).
    Every page ends naming the source documents; the overview also says how to cite it."""
    version = version or data_version()
    built = built or datetime.datetime.now(datetime.UTC).date().isoformat()
    target.mkdir(parents=True, exist_ok=True)
    notebooks = sorted(executed.glob("*.ipynb"))
    analyses = printed_pages(executed, report)
    omitted = {p.stem for p in notebooks} - {"00-overview", *analyses}
    for path in notebooks:
        if path.stem in omitted:
            continue
        notebook = for_language(json.loads(path.read_text(encoding="utf-8")), lang)
        _retitle(notebook, title)
        _without_links_to(notebook, omitted)
        name = "index" if path.stem == "00-overview" else path.stem
        notebook["cells"].append(sources_cell(report, lang, f"index.html#{cite_anchor(report)}"))
        if name == "index":
            notebook["cells"].append(cite_cell(report, lang, version, built))
            toctree = (
                "```{toctree}\n:hidden:\n:maxdepth: 1\n\n"
                + "\n".join([*analyses, "data"])
                + "\n```"
            )
            notebook["cells"].append(
                {"cell_type": "markdown", "id": "site-toctree", "metadata": {}, "source": toctree}
            )
        inside(target, f"{name}.ipynb").write_text(
            json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8"
        )


def downloads(report, target: Path) -> list[tuple[str, str, str]]:
    """Write a report's downloads; return (file, Chinese description, English description).

    Every table as printed and as corrected (CSV with a BOM), one Excel workbook, every check,
    the findings register and a Frictionless descriptor of the files themselves.
    """
    import fundanalysis as fa
    from fundanalysis.data.specs import SPECS
    from fundanalysis.publish import bundle, datapackage, export

    target.mkdir(parents=True, exist_ok=True)
    listed = []
    workbook = f"{report.info.id}.xlsx"
    export.write_workbook(report, inside(target, workbook))
    listed.append(
        (
            workbook,
            "全部数据（Excel 工作簿：说明、各表）",
            "all the data (Excel workbook: about, one sheet per table)",
        )
    )
    printed, corrected = [], {}
    for name in export.tables_present(report):
        spec = SPECS[name]
        rows = _as_printed(report.data_dir / spec.file)
        export.write_csv(inside(target, spec.file), rows[0], rows[1:])
        printed.append(spec.file)
        frame = export.corrected(report, name)
        export.write_csv(
            inside(target, f"{name}-corrected.csv"), list(frame.columns), frame.values.tolist()
        )
        corrected[name] = list(frame.columns)
        listed.append((spec.file, f"{spec.title}（原文）", f"{spec.title_en} (as printed)"))
        listed.append(
            (f"{name}-corrected.csv", f"{spec.title}（更正后）", f"{spec.title_en} (corrected)")
        )
    checks = fa.reconcile(report.data_dir)
    export.write_csv(inside(target, "checks.csv"), list(checks.columns), checks.values.tolist())
    listed.append(("checks.csv", "全部核对及其结果", "every check and its result"))
    register = report.findings
    export.write_csv(
        inside(target, "findings-register.csv"), list(register.columns), register.values.tolist()
    )
    listed.append(
        ("findings-register.csv", "发现登记（含重要性）", "the findings register, with materiality")
    )
    descriptor = datapackage.download_descriptor(
        report, printed, corrected, list(checks.columns), list(register.columns)
    )
    inside(target, "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    listed.append(
        (
            "datapackage.json",
            "以上各表的 Frictionless 描述",
            "Frictionless description of the tables above",
        )
    )
    archive = bundle.zip_downloads(target, report.info.id)
    listed.insert(
        1,
        (
            archive.name,
            "全部文件（zip：工作簿、各表 CSV 与 Frictionless 描述，解压后可直接校验）",
            "every file (zip: the workbook, each table as CSV and the Frictionless descriptor, "
            "which validates once unpacked)",
        ),
    )
    return listed


def notebook_downloads(executed: Path, target: Path) -> list[tuple[str, str, str]]:
    """The executed notebooks of a report, code and outputs as run, for analysts: the pages
    show their results only (see :func:`for_language`)."""
    listed = []
    for path in sorted(executed.glob("*.ipynb")):
        shutil.copyfile(path, inside(target, path.name))
        listed.append((path.name, "分析笔记本（含代码）", "analysis notebook (with its code)"))
    return listed


DATA_PAGE = {
    "zh": (
        "# 下载数据\n\n本报告的全部数据：一个 Excel 工作簿（首表「说明」注明每个数字的出处，「字段说明」表列出每一列的"
        "CSV 表头与中英文名称），一个含全部文件的 zip，以及各表的 CSV 文件（UTF-8，可直接用 Excel 打开），"
        "每表两种形式：按原文，及更正后（金额统一为万元）。每行以「章节」与「原文」两列注明出处，"
        "「行类型」标明合计行。\n\n"
    ),
    "en": (
        "# Download the data\n\nAll of this report's data: one Excel workbook (its first sheet says "
        "where every figure comes from; its column guide lists every column's CSV header with its "
        "Chinese and English names), one zip of every file, and each table as CSV (UTF-8, opens in "
        "Excel) in two forms: as printed, and corrected (amounts in 万元, 10,000 yuan). Each row "
        "cites the section that prints its figure (section_id) and the words it is printed in "
        "(printed); row_kind marks totals.\n\n"
    ),
}

#: The download page's parts, in both languages.
DATA_PARTS = {
    "zh": ("推荐下载", "各表（CSV）", "按原文", "更正后", "其他文件"),
    "en": ("Start here", "Each table (CSV)", "as printed", "corrected", "Other files"),
}


def data_page(
    listed: list[tuple[str, str, str]], report_id: str, lang: str, title: str, report=None
) -> str:
    """The download page: a line a file, its description and a link to it (the files and
    their descriptions are ours; the report's title is text), then the source documents."""

    def link(file: str) -> str:
        return f"[{file}](path:../_static/data/{report_id}/{file})"

    def line(file: str, zh: str, en: str) -> str:
        return f"- {zh}：{link(file)}" if lang == "zh" else f"- {en}: {link(file)}"

    first, tables_heading, printed, corrected, others = DATA_PARTS[lang]
    described = {file: (zh, en) for file, zh, en in listed}
    pairs = [
        file
        for file in described
        if file.endswith(".csv") and file.removesuffix(".csv") + "-corrected.csv" in described
    ]
    paired = set(pairs) | {f.removesuffix(".csv") + "-corrected.csv" for f in pairs}
    start = [f for f in described if f.endswith((".xlsx", ".zip"))]
    rest = [f for f in described if f not in paired and f not in start]
    rows = [f"## {first}", "", *(line(f, *described[f]) for f in start), ""]
    rows += [f"## {tables_heading}", ""]
    colon, dot = ("：", " · ") if lang == "zh" else (": ", " · ")
    for file in pairs:  # a line a table, its two forms side by side: a list wraps on a phone
        zh, en = described[file]
        name = (zh if lang == "zh" else en).removesuffix("（原文）").removesuffix(" (as printed)")
        both = file.removesuffix(".csv") + "-corrected.csv"
        rows.append(f"- {text(name)}{colon}{printed} {link(file)}{dot}{corrected} {link(both)}")
    rows += ["", f"## {others}", "", *(line(f, *described[f]) for f in rest)]
    heading, _, intro = DATA_PAGE[lang].partition("\n")
    page = f"# {text(title)} · {heading[2:]}\n{intro}" + "\n".join(rows) + "\n"
    if report is not None:
        cell = sources_cell(report, lang, f"index.html#{cite_anchor(report)}")
        page += "\n" + cell["source"] + "\n"
    return page


def key_findings_section(reports: list, lang: str) -> list[str]:
    """主要发现 / Key findings of every report, first on the index: a sentence per finding,
    material ones first, each linking to its evidence on the report's overview."""
    from markupsafe import Markup

    from fundanalysis.analysis.keyfindings import key_findings
    from fundanalysis.publish.views.findings import summary_html

    lines = ["## 主要发现" if lang == "zh" else "## Key findings", ""]
    for report in reports:
        info = report.info
        name = info.short_name if lang == "zh" else info.short_name_en
        page = f"{info.id}/index.html"
        heading = Markup('<p class="fa-report-findings"><strong><a href="{}">{}</a></strong></p>')
        lines += [
            str(heading.format(page, f"{name} {info.year}"))
            + summary_html(key_findings(report), lang, page),
            "",
        ]
    return lines


def index_page(reports: list, lang: str, subjects: dict[str, list[str]] | None = None) -> str:
    """The site's front page: every report published, the subjects it prints (its analyses'
    titles, by report id) and what checking found."""
    subjects = subjects or {}
    if lang == "zh":
        lines = [
            "# 财政专项扶贫资金绩效自评报告：核对与分析",
            "",
            "各地每年发布财政专项扶贫资金绩效自评报告，以文字列出资金、批次、结转、贫困人口与项目等数字。"
            "本站将每份报告的每个数字转录为注明出处的表格，按精确算术核对其所述的每个合计与比率，并说明发现的问题。",
            "",
            "| 报告 | 年度 | 发现（其中重大） |",
            "|---|---|---|",
        ]
    else:
        lines = [
            "# Poverty-alleviation fund self-evaluation reports, checked",
            "",
            "Every year each county and prefecture that received fiscal poverty-alleviation funds publishes a "
            "performance self-evaluation report, stating its figures in prose. This site turns every figure of "
            "each report into a table that cites its sentence, checks every total and rate the report states "
            "with exact arithmetic, and explains what does not add up.",
            "",
            "| report | year | findings (material) |",
            "|---|---|---|",
        ]
    lines[1:1] = ["", *key_findings_section(reports, lang)]
    for report in reports:
        info = report.info
        title = info.title if lang == "zh" else info.title_en
        register = report.findings
        lines.append(
            f"| [{text(title, table=True)}]({info.id}/index) | {info.year} | "
            f"{len(register)} ({int(register['material'].sum())}) |"
        )
    if subjects:  # a list, not a column: it stays readable on a phone
        lines += ["", "本站各报告所含内容：" if lang == "zh" else "What each report covers:", ""]
        for report in reports:
            name = report.info.short_name if lang == "zh" else report.info.short_name_en
            covered = ("、" if lang == "zh" else ", ").join(subjects.get(report.info.id, []))
            colon = "：" if lang == "zh" else ": "
            lines.append(f"- {text(f'{name} {report.info.year}')}{colon}{text(covered) or '—'}")
    lines += ["", "```{toctree}", ":hidden:", ":maxdepth: 2", ""]
    lines += [f"{report.info.id}/index" for report in reports]
    lines += ["```", ""]
    return "\n".join(lines)


def copy_docs(target: Path) -> None:
    shutil.copytree(
        ROOT / "docs",
        target,
        ignore=shutil.ignore_patterns("*.in", "*.png", "howto-*"),
        dirs_exist_ok=True,
    )
