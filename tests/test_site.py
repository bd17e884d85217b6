"""The published site in a real browser: offline, no console errors, Chinese rendered, safe.

Builds the site into a temporary folder (twice: from the shipped data, and from a copy whose
names carry HTML), then loads every page in headless Chromium with every request outside the
site blocked and recorded. Skips, saying why, only where no Chromium can be found.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import DEFAULT_DATA_DIR, workbook_sheet

PROJECT_ROOT = Path(__file__).resolve().parents[1]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)"
)
SCREENSHOTS = PROJECT_ROOT / "build" / "test-output" / "browser"
HOSTILE = "<script>alert(1)</script>"
HOSTILE_ITEM = "<img src=x onerror=alert(2)>"
FORMULA = "=HYPERLINK(0)"


def build(tmp: Path, data_dir: Path) -> Path:
    """Build the site of an altered data directory; without the text, which it no longer matches."""
    out = tmp / "site"
    env = {k: v for k, v in os.environ.items() if k != "FUNDANALYSIS_SOURCES"}
    subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "tools" / "build_site.py"),
            "--data",
            str(data_dir),
            "--out",
            str(out),
            "--work",
            str(tmp / "work"),
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    return out


@pytest.fixture(scope="module")
def site(checkout_with_site: Path) -> Path:
    return checkout_with_site / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    data = tmp / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    for path in data.glob("*.csv"):
        text = path.read_text(encoding="utf-8").replace("和硕县", HOSTILE)
        text = text.replace("Project management fee", HOSTILE_ITEM)
        path.write_text(
            text.replace("Poverty office project management fee", FORMULA), encoding="utf-8"
        )
    return build(tmp, data)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


READER_CHECKS = """() => {
  const visible = (e) => e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })
                         && e.getBoundingClientRect().height > 0;
  const cells = [...document.querySelectorAll('table td, table th')];
  const em = (e) => parseFloat(getComputedStyle(e).fontSize);
  return {
    visible_code: [...document.querySelectorAll('.cell_input')].filter(visible).length,
    code_inputs: document.querySelectorAll('.cell_input, .highlight-ipython3, .highlight-python').length,
    sources: document.querySelectorAll('p.fa-sources').length,
    // squeezed: text of 4 characters or more broken into lines of fewer than 4 characters
    squeezed: cells.filter(c => {
      const text = c.innerText.trim();
      if (!visible(c) || text.length < 4) return false;
      const tops = new Set();
      const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) tops.add(Math.round(rect.top / 4));
      }
      return tops.size > 1 && text.length / tops.size < 4;
    }).map(c => c.innerText.slice(0, 20)),
    cut_off: cells.filter(c => /(\\.\\.\\.|…)$/.test(c.innerText.trim())).map(c => c.innerText.slice(-20)),
    bad_alt: [...document.images].filter(i => !i.alt || i.alt.length < 15 || /\\.(png|svg|jpg)$/.test(i.alt)).map(i => i.alt),
    lang: document.documentElement.lang,
    text: document.body.innerText,
  };
}"""


def visit(
    browser, page_path: Path, site: Path, screenshot: str | None = None, width: int = 1366
) -> dict:
    """Load one page with outside requests blocked; report what happened and what a reader sees."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    outside, errors, dialogs = [], [], []

    def route(request_route):
        url = request_route.request.url
        if url.startswith("file://") and Path(unquote(urlparse(url).path)).is_relative_to(site):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    result = {
        "outside": outside,
        "errors": errors,
        "dialogs": dialogs,
        "broken_images": page.evaluate(
            "[...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
        ),
        "cjk_font": page.evaluate(
            "document.fonts.check('16px \"Noto Sans SC Subset\"', '结转结余')"
            " && [...document.fonts].some(f => f.family.includes('Noto Sans SC Subset') && f.status === 'loaded')"
        ),
        "links": page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)"),
        **page.evaluate(READER_CHECKS),
    }
    if screenshot:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / screenshot), full_page=True)
    context.close()
    return result


def font_characters(site: Path) -> set[str]:
    """Every character the bundled web font can draw."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(site / "_static" / "fonts" / "NotoSansSC-subset.woff2"))
    return {chr(code) for code in font.getBestCmap()}


def pages(site: Path) -> list[Path]:
    return sorted(
        p for p in site.rglob("*.html") if "_static" not in p.parts and "_downloads" not in p.parts
    )


#: Where the reports' originals are published (report.toml): the only links out of the site.
PUBLISHED = {
    text["published_at"]
    for path in (PROJECT_ROOT / "data").glob("*/report.toml")
    for text in tomllib.loads(path.read_text(encoding="utf-8")).get("texts", [])
    if text.get("published_at")
}

REPORT_PAGES = [
    "index.html",
    "01-funding-and-disbursement.html",
    "02-carry-over.html",
    "03-poverty-reduction.html",
    "04-project-completion.html",
    "05-data-audit.html",
    "data.html",
]


def test_every_page_is_offline_clean_and_renders_chinese(browser, site: Path) -> None:
    assert (site / "index.html").is_file()
    for page_path in pages(site):
        relative = page_path.relative_to(site).as_posix()
        shot = {
            "bazhou-2020/index.html": "index.png",
            "bazhou-2020/02-carry-over.html": "carry-over.png",
        }.get(relative)
        seen = visit(browser, page_path, site, shot)
        assert seen["outside"] == [], relative
        assert seen["errors"] == [], relative
        assert seen["broken_images"] == [], relative
        assert seen["cjk_font"], relative
        assert seen["lang"] == ("en" if relative.startswith("en/") else "zh-CN"), relative
        for link in seen["links"]:
            parsed = urlparse(link)
            if link in PUBLISHED:  # a report's original, where it is published
                continue
            assert parsed.scheme == "file", f"{relative} links outside the site: {link}"
            assert Path(unquote(parsed.path)).exists(), f"{relative} → {link}"


def test_pages_show_results_not_code_and_every_glyph(browser, site: Path) -> None:
    glyphs = font_characters(site)
    for page_path in pages(site):
        relative = page_path.relative_to(site).as_posix()
        for width in (1280, 390):
            seen = visit(browser, page_path, site, width=width)
            assert seen["visible_code"] == 0, relative
            assert seen["code_inputs"] == 0, relative  # removed, not folded away
            assert seen["squeezed"] == [], (relative, width)
            assert seen["cut_off"] == [], relative
            assert seen["bad_alt"] == [], relative
        missing = {c for c in seen["text"] if not c.isspace()} - glyphs
        assert not missing, (relative, sorted(missing))


@pytest.mark.parametrize("word", ["结转", "若羌", "债券"])
def test_chinese_search_finds_report_words(browser, site: Path, word: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{(site / 'search.html').as_uri()}?q={word}")
    page.wait_for_selector("#search-results .search-summary", timeout=20_000)
    page.wait_for_function(
        "document.querySelector('#search-results ul.search li') !== null || document.querySelector('#search-results .search-summary').innerText.length > 0"
    )
    found = page.locator("#search-results ul.search li").count()
    context.close()
    assert found > 0, word


def test_the_phone_menu_opens(browser, site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto((site / "bazhou-2020" / "02-carry-over.html").as_uri())
    page.wait_for_load_state("load")
    page.locator("button.primary-toggle:visible").first.click()
    page.wait_for_timeout(300)
    assert page.evaluate("document.getElementById('pst-primary-sidebar-modal').open")
    assert page.locator("#pst-primary-sidebar-modal a", has_text="数据核对").first.is_visible()
    context.close()


def test_downloads_for_spreadsheets(site: Path) -> None:
    import openpyxl

    folder = site / "_static" / "data" / "bazhou-2020"
    workbook = openpyxl.load_workbook(folder / "bazhou-2020.xlsx")
    assert workbook.sheetnames[0] == "说明"
    budget, header = workbook_sheet(workbook, "budget")
    assert (
        budget.title == "本级预算" and budget["A1"].value == "年度" and budget["A2"].value == "year"
    )
    row_2017 = next(
        r for r in budget.iter_rows(min_row=3, values_only=True) if r[header.index("year")] == 2017
    )
    # as printed 3100 元, corrected 3100 万元: both there, numbers as numbers
    assert row_2017[header.index("unit_as_printed")] == "元"
    assert row_2017[header.index("amount_wan_corrected")] == 3100
    corrected = (folder / "budget-corrected.csv").read_bytes()
    assert corrected.startswith(b"\xef\xbb\xbf")
    total = sum(
        float(r["amount_wan_corrected"])
        for r in csv.DictReader(io.StringIO(corrected.decode("utf-8-sig")))
    )
    assert total == 16160  # the five years of 一、（一）, 2017 read in 万元
    projects = list(
        csv.DictReader(
            io.StringIO((folder / "projects-corrected.csv").read_text(encoding="utf-8-sig"))
        )
    )
    assert {r["row_kind"] for r in projects if r["stage"] == "储备"} == {"all levels"}
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["path"] for r in package["resources"]}
    assert {"budget.csv", "budget-corrected.csv"} <= paths
    assert all(r["encoding"] == "utf-8-sig" for r in package["resources"])


def test_formula_text_is_neutralised_in_downloads(hostile_site: Path) -> None:
    import openpyxl

    folder = hostile_site / "_static" / "data" / "bazhou-2020"
    carry = (folder / "carryover.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in carry and ",=HYPERLINK" not in carry
    sheet, _ = workbook_sheet(openpyxl.load_workbook(folder / "bazhou-2020.xlsx"), "carryover")
    values = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    formula = next(v for v in values if "HYPERLINK" in v)
    assert (
        formula.startswith("=HYPERLINK") and sheet.parent is not None
    )  # stored as text, not a formula
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_every_report_has_a_page_for_every_subject_it_prints(site: Path) -> None:
    """巴州 prints all five subjects; 满城区's opening prints no carry-over: that is no page,
    no menu entry and no link, and the index says which subjects each report covers."""
    index = (site / "index.html").read_text(encoding="utf-8")
    for report in ("bazhou-2020", "mancheng-2019"):
        assert f'href="{report}/index.html"' in index
        for prefix in ("", "en/"):
            for name in REPORT_PAGES:
                page = site / prefix / report / name
                if report == "mancheng-2019" and name == "02-carry-over.html":
                    assert not page.exists(), page
                    continue
                assert page.is_file(), page
            html = (site / prefix / report / "01-funding-and-disbursement.html").read_text(
                encoding="utf-8"
            )
            assert "Traceback" not in html and "stderr" not in html
    carry = (site / "bazhou-2020" / "02-carry-over.html").read_text(encoding="utf-8")
    assert carry.count('<figure class="fa-chart">') >= 3
    overview = (site / "mancheng-2019" / "index.html").read_text(encoding="utf-8")
    assert 'href="02-carry-over.html"' not in overview  # neither in its menu nor its list
    assert "01-funding-and-disbursement.html" in overview
    items = re.findall(r"<li>(.*?)</li>", index, flags=re.S)
    (mancheng,) = [i for i in items if "满城区 2019" in i]
    (bazhou,) = [i for i in items if "巴州 2020" in i]
    assert "结转结余" in bazhou and "结转结余" not in mancheng and "贫困人口减少" in mancheng


def test_every_page_links_the_same_page_in_the_other_language(site: Path) -> None:
    for page_path in pages(site):
        relative = page_path.relative_to(site).as_posix()
        if relative in ("search.html", "genindex.html", "en/search.html", "en/genindex.html"):
            continue
        html = page_path.read_text(encoding="utf-8")
        other = relative[3:] if relative.startswith("en/") else f"en/{relative}"
        (href,) = re.findall(r'class="fa-lang-switch[^"]*" href="([^"]+)"', html)
        assert (page_path.parent / href).resolve() == (site / other).resolve(), relative


def test_data_can_be_downloaded_as_csv(site: Path) -> None:
    html = (site / "bazhou-2020" / "data.html").read_text(encoding="utf-8")
    for name in ("carryover.csv", "transfers.csv", "checks.csv", "findings-register.csv"):
        assert name in html
    carry = next(
        p
        for p in site.rglob("carryover.csv")
        if "bazhou-2020" in p.parts or "_downloads" in p.parts
    )
    raw = carry.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so that Excel reads UTF-8
    with (DEFAULT_DATA_DIR / "carryover.csv").open(encoding="utf-8", newline="") as handle:
        shipped = list(csv.reader(handle))
    assert list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))) == shipped


def test_names_from_data_are_shown_as_text_not_run(browser, hostile_site: Path) -> None:
    seen = visit(
        browser, hostile_site / "bazhou-2020" / "01-funding-and-disbursement.html", hostile_site
    )
    assert seen["dialogs"] == []
    assert HOSTILE in seen["text"]
    carry = visit(browser, hostile_site / "en" / "bazhou-2020" / "02-carry-over.html", hostile_site)
    assert carry["dialogs"] == []
    assert HOSTILE_ITEM in carry["text"]


def test_a_site_built_without_the_text_says_so_on_the_audit_page(hostile_site: Path) -> None:
    audit_page = (hostile_site / "bazhou-2020" / "05-data-audit.html").read_text(encoding="utf-8")
    assert "未与原文核对" in audit_page
    english = (hostile_site / "en" / "bazhou-2020" / "05-data-audit.html").read_text(
        encoding="utf-8"
    )
    assert "was not checked against it" in english and "word for word" not in english


FIRST_SCREEN = """(heading) => {
  const h = [...document.querySelectorAll('h2')].find(e => e.textContent.trim().startsWith(heading));
  const first = document.querySelector('.fa-findings li, .fa-findings p');
  return {
    heading: h ? h.getBoundingClientRect().top + window.scrollY : null,
    first: first ? first.getBoundingClientRect().top + window.scrollY : null,
  };
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_key_findings_are_on_the_first_screen(browser, site: Path, width: int) -> None:
    """主要发现 (Key findings) and its first sentence within the first 800 px of the index and
    of each report's overview, on a desktop and on a phone."""
    for lang, heading in (("", "主要发现"), ("en/", "Key findings")):
        for page_path in ["index.html", "bazhou-2020/index.html", "mancheng-2019/index.html"]:
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            page.goto((site / f"{lang}{page_path}").as_uri())
            page.wait_for_load_state("load")
            page.evaluate("document.fonts.ready.then(() => true)")
            where = page.evaluate(FIRST_SCREEN, heading)
            if page_path.startswith("bazhou") and width == 390:
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(
                    path=str(SCREENSHOTS / f"{lang.strip('/') or 'zh'}-overview-390.png")
                )
            context.close()
            assert where["heading"] is not None, (lang, page_path)
            assert where["heading"] < 800, (lang, page_path, width, where)
            assert where["first"] is not None and where["first"] < 800, (lang, page_path, width)


EVIDENCE = """() => [...document.querySelectorAll('a.fa-finding-link')].map(a => {
  const url = new URL(a.href);
  return { page: url.pathname, id: decodeURIComponent(url.hash.slice(1)) };
})"""

BLOCK = """(id) => {
  const block = document.getElementById(id);
  if (!block) return null;
  return {
    section: block.tagName === 'SECTION' && block.classList.contains('fa-evidence'),
    quotes: [...block.querySelectorAll('blockquote.fa-quote')].map(q => q.innerText.trim()),
    source: block.querySelector('.fa-evidence-source')?.innerText ?? '',
    source_links: [...block.querySelectorAll('a.fa-source-link')].map(a => a.href),
  };
}"""


def test_every_finding_links_to_its_evidence(browser, site: Path) -> None:
    """From the index and from each overview, every finding's link lands on an evidence block
    with the passage quoted as printed and the source document: linked where it is published,
    else named by its number, issuer and date."""
    context = browser.new_context()
    page = context.new_page()
    seen = 0
    for lang in ("", "en/"):
        for start in ["index.html", "bazhou-2020/index.html", "mancheng-2019/index.html"]:
            page.goto((site / f"{lang}{start}").as_uri())
            links = page.evaluate(EVIDENCE)
            assert links, start
            for link in links:
                target = Path(unquote(link["page"]))
                assert target.is_file() and target.is_relative_to(site), link
                page.goto(target.as_uri())
                block = page.evaluate(BLOCK, link["id"])
                assert block is not None and block["section"], link
                assert block["quotes"] and all(q.startswith("「") for q in block["quotes"]), link
                if "mancheng" in target.as_posix():
                    assert block["source_links"] == ["http://www.mancheng.gov.cn/show-6022.html"]
                else:  # 巴州's address is not known: its number, issuer and date instead
                    assert "巴扶办发〔2020〕11号" in block["source"], link
                    assert "2020" in block["source"], link
                seen += 1
                page.goto((site / f"{lang}{start}").as_uri())
    context.close()
    assert seen == 2 * (2 * (3 + 2))  # two languages; from the index and the overviews; 3 + 2


def test_every_report_page_names_its_source_and_the_overview_how_to_cite(site: Path) -> None:
    for lang in ("", "en/"):
        for report in ("bazhou-2020", "mancheng-2019"):
            for page_path in sorted((site / lang / report).glob("*.html")):
                html_text = page_path.read_text(encoding="utf-8")
                assert 'class="fa-sources"' in html_text, page_path
            overview = (site / lang / report / "index.html").read_text(encoding="utf-8")
            assert f'id="how-to-cite-{report}"' in overview
            assert re.search(r"(数据版本|data version) (git [0-9a-f]{12}|fundanalysis )", overview)
            assert 'id="finding-F1"' in overview
        audit = (site / lang / "bazhou-2020" / "05-data-audit.html").read_text(encoding="utf-8")
        assert 'id="check-budget_2016_2020"' in audit
        assert 'id="table-every-check"' in audit  # every table: an id named for its view
