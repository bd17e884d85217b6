"""The site's search and language switch, on the built site (fundanalysis.publish.sitesearch,
fundanalysis.publish.sitesections).

The index is read as the browser reads it (searchindex.js), and the searches are run in
headless Chromium from disk (file://), as a reader who opened site/index.html runs them:
figures and a misprinted place name that 巴州's pages show are found, each result quotes its
page, nothing of the theme or of the code is in the index or the excerpts, and the language
switch lands on the section the reader was at.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import snowballstemmer
from bs4 import BeautifulSoup

from fundanalysis.publish.sitesearch import JS_SPLITTER, html_text, words

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)"
)

#: What a reader of 巴州's report searches for, and pages that show it (issue 21): the
#: figures of findings F1 and F3 (3100 元 for 3100 万元, the five years' 16160 万元, the
#: 70000 万元 of bonds) and the misprinted township of F4.
SEARCHES = {
    "3100": ["bazhou-2020/index", "bazhou-2020/01-funding-and-disbursement"],
    "16160": ["bazhou-2020/index", "bazhou-2020/01-funding-and-disbursement"],
    "70000": ["bazhou-2020/index", "bazhou-2020/01-funding-and-disbursement"],
    "阿克苏来乡": ["bazhou-2020/index", "bazhou-2020/05-data-audit"],
}
LANGUAGES = {"zh": "", "en": "en/"}
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

#: The theme's own words, as a Chinese or an English page shows them around the article.
FURNITURE = ["配色", "浅色", "深色", "跟随系统", "System Settings", "Light", "Dark", "Copyright"]


@pytest.fixture(scope="module")
def site(checkout_with_site: Path) -> Path:
    return checkout_with_site / "site"


def search_index(site: Path) -> dict:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))


def excerpts(site: Path) -> dict:
    text = (site / "_static" / "search-excerpts.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("window.FA_SEARCH_EXCERPTS = ").rstrip(";\n"))


def article_text(page: Path) -> str:
    """The text of a page's article (what the reader reads, without the theme around it)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article")
    assert article is not None, page
    for link in article.select(".headerlink"):
        link.decompose()
    return html_text(str(article))


STEMMER = snowballstemmer.stemmer("english")


def indexed(word: str) -> tuple[str, str]:
    """A word as the index may hold it: stemmed and lowered (Sphinx's way on both sites), or
    as it is where its stem is a stopword ("mostly", whose stem is "most")."""
    return STEMMER.stemWord(word.lower()).lower(), word


def found_by_index(index: dict, query: str) -> set[str]:
    """The pages holding every word of ``query``, split as the browser splits it."""
    pages = None
    for word in {indexed(w)[0] for w in words(query, query=True)}:
        files = index["terms"].get(word, [])
        files = {files} if isinstance(files, int) else set(files)
        pages = files if pages is None else pages & files
    return {index["docnames"][i] for i in pages or set()}


def pages_of(root: Path) -> list[Path]:
    """The pages of one language's site (the index, each report's pages)."""
    return [
        page
        for page in [root / "index.html", *root.glob("*/*.html")]
        if page.parent.name not in ("en", "_static") and page.name != "search.html"
    ]


def shown_on(root: Path, query: str) -> set[str]:
    """The pages whose article shows ``query``: a figure also as printed with separators."""
    if query.isdigit():
        pattern = re.compile(r"(?<![\d,.])" + ",?".join(query) + r"(?![\d,]*\d)")
    else:
        pattern = re.compile(re.escape(query))
    return {
        page.relative_to(root).with_suffix("").as_posix()
        for page in pages_of(root)
        if page.name != "genindex.html" and pattern.search(article_text(page))
    }


def test_words_are_split_alike_in_the_index_and_the_query() -> None:
    assert words("结转资金16,160.00万元 in 2020 (F1)") == [
        *("结转", "转资", "资金", "结转资", "转资金", "16160.00", "16160", "万元"),
        *("in", "2020", "F1"),
    ]
    assert words("阿克苏来乡", query=True) == ["阿克苏", "克苏来", "苏来乡"]
    assert words("若羌", query=True) == ["若羌"]
    # every word of a query is a word of the text it was typed from
    text = "阿克苏来乡 2019 年转移就业 16,160.00"
    assert set(words(text, query=True)) <= set(words(text))
    # an output's cells are words apart, its script and style no words at all
    table = "<table><tr><td>0000</td><td>batch&amp;co</td></tr></table><style>p{}</style>x"
    assert html_text(table) == "0000 batch&co x"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("query", SEARCHES)
def test_the_index_finds_figures_and_place_names(site: Path, lang: str, query: str) -> None:
    root = site / LANGUAGES[lang]
    found = found_by_index(search_index(root), query)
    assert set(SEARCHES[query]) <= found, (lang, query, sorted(found))
    assert shown_on(root, query) <= found, (lang, query)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_index_holds_only_what_the_pages_show(site: Path, lang: str) -> None:
    """Every word the index gives a page is a word of that page's article: no theme, no code,
    no cells run together into one word."""
    root = site / LANGUAGES[lang]
    index = search_index(root)
    shown = {
        name: {form for w in words(article_text(root / f"{name}.html")) for form in indexed(w)}
        for name in index["docnames"]
    }
    stray = {}
    for term, files in index["terms"].items():
        for i in [files] if isinstance(files, int) else files:
            if term not in shown[index["docnames"][i]]:
                stray.setdefault(index["docnames"][i], []).append(term)
    assert stray == {}, {page: terms[:10] for page, terms in stray.items()}
    text = json.dumps(excerpts(root), ensure_ascii=False)
    assert [f for f in FURNITURE if f in text] == []
    assert set(excerpts(root)) == set(index["docnames"])
    # nor the notebooks' code: not a line of it is quoted
    code = {
        line.strip()
        for notebook in NOTEBOOKS.glob("*.ipynb")
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "code"
        for line in "".join(cell["source"]).splitlines()
        if len(line.strip()) > 8
    }
    assert len(code) > 10
    assert [line for line in code if line in text] == []


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


def run_search(browser, root: Path, query: str) -> tuple[list[tuple[str, str | None]], list]:
    """Search from disk: each result's page and its excerpt, and the console's errors."""
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{(root / 'search.html').as_uri()}?q={query}")
    page.wait_for_function(
        "(document.querySelector('#search-results .search-summary') || {}).innerText",
        timeout=20_000,
    )
    page.wait_for_timeout(200)
    results = page.evaluate(
        """[...document.querySelectorAll('#search-results ul.search li')].map(li => [
             li.querySelector('a').getAttribute('href'),
             li.querySelector('p.context') ? li.querySelector('p.context').textContent : null])"""
    )
    page.close()
    return results, errors


@needs_chromium
@pytest.mark.parametrize("lang", LANGUAGES)
def test_searching_from_disk_finds_and_quotes_the_pages(browser, site: Path, lang: str) -> None:
    root = site / LANGUAGES[lang]
    for query, expected in SEARCHES.items():
        results, errors = run_search(browser, root, query)
        pages = {href.split("#")[0].removesuffix(".html") for href, _ in results}
        assert set(expected) <= pages, (lang, query, sorted(pages))
        assert errors == [], (lang, query, errors)
        shown = re.compile(",?".join(query) if query.isdigit() else query)
        for href, excerpt in results:
            assert excerpt, f"{lang}: no excerpt for {href} searching {query}"
            assert [f for f in FURNITURE if f in excerpt] == [], excerpt
            if href.split("#")[0].removesuffix(".html") in expected:
                assert shown.search(excerpt), (lang, query, href, excerpt)


@needs_chromium
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_browser_splits_a_query_as_the_index_was_split(browser, site: Path, lang: str) -> None:
    queries = [
        "阿克苏来乡 2019",
        "16,160.00万元",
        "F1 Carry-over 结转",
        "若羌县结转 142.922302",
        "元",
    ]
    page = browser.new_page()
    page.goto((site / LANGUAGES[lang] / "search.html").as_uri())
    split = page.evaluate("(queries) => queries.map((q) => splitQuery(q))", queries)
    page.close()
    assert split == [words(q, query=True) for q in queries]


def section_ids(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return re.findall(r'<section id="([^"]+)"', html)


def test_a_section_has_the_same_anchor_in_both_languages(site: Path) -> None:
    pairs = [
        (page, site / "en" / page.relative_to(site))
        for page in site.glob("**/*.html")
        if page.relative_to(site).parts[0] not in ("en", "_static", "_downloads")
        and page.name not in ("search.html", "genindex.html")
    ]
    assert len(pairs) >= 10
    for chinese, english in pairs:
        ids = section_ids(chinese)
        assert len(ids) > 1, chinese
        assert ids == section_ids(english), chinese.relative_to(site)
        assert not [i for i in ids if re.fullmatch(r"id\d+", i)], chinese.relative_to(site)


@needs_chromium
@pytest.mark.parametrize(
    "start", ["bazhou-2020/02-carry-over.html", "en/mancheng-2019/05-data-audit.html"]
)
@pytest.mark.parametrize("width", [1280, 390])
def test_the_language_switch_lands_on_the_same_section(
    browser, site: Path, start: str, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto((site / start).as_uri())
    page.wait_for_load_state("load")
    ids = page.evaluate(
        "[...document.querySelectorAll('article section section[id]')].map(s => s.id)"
    )
    assert len(ids) >= 3, start
    for target in (ids[1], ids[-2]):
        for _ in range(2):  # images above load as they come into view: bring it back
            page.evaluate(f"document.getElementById({target!r}).scrollIntoView()")
            page.wait_for_timeout(300)
        switch = page.locator("a.fa-lang-switch:visible").first
        href = switch.get_attribute("href")
        assert href.endswith(f"#{target}"), (start, target, href)
        box = switch.bounding_box()  # a reader's click: Playwright's own would scroll first
        with page.expect_navigation():
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        assert page.evaluate("location.hash") == f"#{target}", (start, target)
        top = page.evaluate(f"document.getElementById({target!r}).getBoundingClientRect().top")
        assert 0 <= top < 200, (start, target, top)
        page.go_back(wait_until="load")
    page.close()


@needs_chromium
def test_the_search_page_switch_keeps_the_search(browser, site: Path) -> None:
    page = browser.new_page()
    page.goto(f"{(site / 'search.html').as_uri()}?q=3100")
    href = page.locator("a.fa-lang-switch").first.get_attribute("href")
    page.close()
    assert href == "en/search.html?q=3100"


def test_a_page_s_text_keeps_its_sections_and_its_words_apart() -> None:
    from docutils.core import publish_doctree

    from fundanalysis.publish.sitesearch import page_text

    doctree = publish_doctree(
        "Title\n=====\n\nFirst *part*.\n\nOne\n---\n\n结转资金\n\n"
        ".. raw:: html\n\n   <table><tr><td>16,160</td><td>万元</td></tr></table>\n\n"
        "Two\n---\n\nEnd.\n",
        settings_overrides={"report_level": 5},
    )
    read = page_text(doctree)
    assert read["text"] == "Title First part. One 结转资金 16,160 万元 Two End."
    start, end = read["sections"]["one"]
    assert read["text"][start:end].strip() == "One 结转资金 16,160 万元"


def test_zero_and_ideographs_beyond_the_basic_block_are_chinese() -> None:
    """二〇二〇 is found where a page shows it; so are Extension A and B place names."""
    assert words("二〇二〇年", query=True) == ["二〇二", "〇二〇", "二〇年"]
    assert set(words("二〇二〇", query=True)) <= set(words("签发于二〇二〇年十月"))
    assert words("\U0002c1d9水县") == ["\U0002c1d9水", "水县", "\U0002c1d9水县"]
    assert words("\u3400乡") == ["\u3400乡"]


def test_the_javascript_splitter_agrees_with_the_index() -> None:
    """:data:`JS_SPLITTER`, run by Node where it is installed, splits as :func:`words` does,
    supplementary-plane characters whole."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("no Node.js")
    queries = ["二〇二〇年十月", "\U0002c1d9水县扶贫 2020", "\u3400乡", "若羌县结转 142.92", "元"]
    script = JS_SPLITTER + f"console.log(JSON.stringify({json.dumps(queries)}.map(splitQuery)));"
    run = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True)
    split = json.loads(run.stdout)
    assert split == [words(q, query=True) for q in queries]
    assert split[0] == ["二〇二", "〇二〇", "二〇年", "〇年十", "年十月"]
    assert split[1][:2] == ["\U0002c1d9水县", "水县扶"]
