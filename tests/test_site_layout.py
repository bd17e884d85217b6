"""The published pages as a reader sees them: no table hides a column at 1280 px, none needs
scrolling on a phone and no card cuts a value at 390 px; a Chinese page holds no English
beyond a known list (units, file names, names of tools, addresses)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, Doctype

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def site(checkout_with_site: Path) -> Path:
    return checkout_with_site / "site"


def _pages(site: Path, english: bool) -> list[Path]:
    pages = [
        p
        for p in site.rglob("*.html")
        if "_static" not in p.parts
        and p.name not in ("genindex.html", "search.html")
        and ((p.relative_to(site).parts[0] == "en") == english)
    ]
    assert pages
    return sorted(pages)


#: Latin words a Chinese page may hold: names of tools and formats, keys, the language switch.
ALLOWED = {
    *("fundanalysis", "MIT", "Excel", "CSV", "UTF", "BOM", "Frictionless", "JupyterLab"),
    *("zip", "xlsx", "json", "csv", "ipynb", "SHA", "git", "Ctrl", "EN", "PDF", "PNG"),
}
#: Text that is not words: addresses, file names, ids (F1, C2, SE-1.1, bazhou-2020), digests.
NOT_WORDS = re.compile(
    r"fundanalysis [a-z]+|https?://\S+|www\.\S+|[\w.-]+\.(?:csv|xlsx|json|zip|ipynb|html|md|txt)\b"
    r"|\b[A-Z]{1,3}\d+(?:[.-]\d+)*\b|\b[A-Z]{1,3}-\d+(?:\.\d+)*\b|\b[a-z]+(?:-[a-z0-9]+)*-\d{4}\b"
    r"|\b[0-9a-f]{12,64}\b"
)
WORD = re.compile(r"[A-Za-z][A-Za-z'_-]*[A-Za-z]")


def english_on_a_chinese_page(html: str) -> list[str]:
    """The Latin words a reader of a Chinese page would see (text, tooltips, alt texts) that
    are not on the allowed list; what is marked as English (``lang="en"``) and literal
    commands (``<code>``) are left out."""
    return [
        word
        for text in _visible_texts(html, _not_marked(re.compile("^en$")))
        for word in WORD.findall(NOT_WORDS.sub(" ", text))
        if word not in ALLOWED
    ]


def test_the_checker_finds_english_and_lets_names_pass():
    page = (
        "<html><body><p>报告 bazhou-2020，文件 checks.csv（Excel），见 https://www.x.gov.cn/a.html</p>"
        '<p>核对 F1、SE-1.1 与 C2</p><a lang="en" title="Read in English">EN</a>'
        '<button title="System Settings"></button><p>Toggle primary sidebar</p></body></html>'
    )
    assert english_on_a_chinese_page(page) == ["Toggle", "primary", "sidebar", "System", "Settings"]


def test_chinese_pages_hold_no_english(site):
    leaks = {}
    for page in _pages(site, english=False):
        found = english_on_a_chinese_page(page.read_text(encoding="utf-8"))
        if found:
            leaks[str(page.relative_to(site))] = sorted(set(found))[:15]
    assert leaks == {}


CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def _visible_texts(html: str, outside: Callable[[object], bool]) -> list[str]:
    """A page's text, tooltips and alt texts that ``outside`` keeps (scripts, styles and
    literal commands left out)."""
    soup = BeautifulSoup(html, "lxml")
    for hidden in soup(["script", "style", "noscript", "template", "code"]):
        hidden.decompose()
    texts = [
        str(s)
        for s in soup.find_all(string=True)
        if not isinstance(s, Comment | Doctype) and outside(s)
    ]
    texts += [
        e[attribute]
        for e in soup.find_all(True)
        for attribute in ("title", "placeholder", "alt")
        if isinstance(e.get(attribute), str) and outside(e)
    ]
    return texts


def _not_marked(language: re.Pattern[str]) -> Callable[[object], bool]:
    """Whether a text or an element is outside every element whose ``lang`` matches."""

    def outside(node) -> bool:
        element = node if getattr(node, "attrs", None) is not None else node.parent
        marked = element.find_parent(attrs={"lang": language}) is not None
        return not (marked or language.search(str(element.get("lang", ""))))

    return outside


def chinese_on_an_english_page(html: str, originals: str) -> list[str]:
    """The runs of Chinese a reader of an English page would see that are neither marked as
    Chinese (``lang="zh-CN"``: the report's own words in a table, a quoted passage) nor
    quoted from the report: a run the report's data never holds (``originals``, all its text
    cells) is a string of ours left untranslated."""
    return [
        run
        for text in _visible_texts(html, _not_marked(re.compile("^zh")))
        for run in CHINESE.findall(text)
        if run not in originals
    ]


def _originals(report_dir: Path) -> str:
    """Every text cell of a data directory, and its report.toml: what the report prints."""
    import csv

    cells = [(report_dir / "report.toml").read_text(encoding="utf-8")]
    for path in report_dir.glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            cells += [cell for row in csv.reader(handle) for cell in row]
    return "\n".join(cells)


def test_the_english_checker_finds_our_chinese_and_lets_quotes_pass():
    originals = "共下达资金 100 万元\n阿克苏来乡"
    page = (
        "<html><body><p>A gap of 100 万元 in 阿克苏来乡.</p>"
        '<td lang="zh-CN">一段原文</td><p>Total 合计: 无法计算</p></body></html>'
    )
    assert chinese_on_an_english_page(page, originals) == ["合计", "无法计算"]


def test_english_pages_hold_no_chinese_of_our_own(site):
    reports = {p.name: p for p in (site.parent / "data").iterdir() if (p / "report.toml").is_file()}
    every = "\n".join(_originals(p) for p in reports.values())
    leaks = {}
    for page in _pages(site, english=True):
        parts = page.relative_to(site).parts
        originals = _originals(reports[parts[1]]) if parts[1] in reports else every
        found = chinese_on_an_english_page(page.read_text(encoding="utf-8"), originals)
        if found:
            leaks[str(page.relative_to(site))] = sorted(set(found))[:15]
    assert leaks == {}


MEASURE = """() => [...document.querySelectorAll('.fa-table-wrap')].flatMap((wrap) => {
  const cards = wrap.querySelector('table.fa-cards') && getComputedStyle(
    wrap.querySelector('table.fa-cards tbody')).display === 'block';
  if (!cards) return wrap.scrollWidth > wrap.clientWidth + 1
    ? [`${wrap.id}: ${wrap.scrollWidth} px in ${wrap.clientWidth}`] : [];
  return [...wrap.querySelectorAll('td')].filter((td) => td.scrollWidth > td.clientWidth + 1)
    .map((td) => `${wrap.id}: card value cut: ${td.textContent.slice(0, 20)}`);
})"""


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (.ci/run installs Debian's chromium)")
@pytest.mark.parametrize("width", [1280, 390])
def test_no_table_hides_a_column_or_cuts_a_value(site, width):
    from playwright.sync_api import sync_playwright

    problems = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": width, "height": 900})
        for path in _pages(site, english=False) + _pages(site, english=True):
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            found = page.evaluate(MEASURE)
            if found:
                problems[str(path.relative_to(site))] = found
        browser.close()
    assert problems == {}
