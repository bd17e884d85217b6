"""The published site in a real browser: offline, no console errors, Chinese rendered, safe.

Builds the site into a temporary folder (twice: from the shipped data, and from a copy whose
names carry HTML), then loads every page in headless Chromium with every request outside the
site blocked and recorded. Skips, saying why, only where no Chromium can be found.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import DEFAULT_DATA_DIR

PROJECT_ROOT = Path(__file__).resolve().parents[1]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)"
)
SCREENSHOTS = PROJECT_ROOT / "build" / "test-output" / "browser"
HOSTILE = "<script>alert(1)</script>"
HOSTILE_ITEM = "<img src=x onerror=alert(2)>"


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
        path.write_text(text.replace("Project management fee", HOSTILE_ITEM), encoding="utf-8")
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


def visit(browser, page_path: Path, site: Path, screenshot: str | None = None) -> dict:
    """Load one page with outside requests blocked; report what happened."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
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
            "document.fonts.check('16px \"Noto Sans SC Subset\"', '巴州结转结余轮台县')"
            " && [...document.fonts].some(f => f.family.includes('Noto Sans SC Subset') && f.status === 'loaded')"
        ),
        "links": page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)"),
        "text": page.inner_text("body"),
    }
    if screenshot:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / screenshot))
    context.close()
    return result


def pages(site: Path) -> list[Path]:
    return sorted(
        p for p in site.rglob("*.html") if "_static" not in p.parts and "_downloads" not in p.parts
    )


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
        for link in seen["links"]:
            parsed = urlparse(link)
            assert parsed.scheme == "file", f"{relative} links outside the site: {link}"
            assert Path(unquote(parsed.path)).exists(), f"{relative} → {link}"


def test_every_report_has_every_page_in_both_languages(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    for report in ("bazhou-2020", "mancheng-2019"):
        assert f'href="{report}/index.html"' in index
        for prefix in ("", "en/"):
            for name in REPORT_PAGES:
                page = site / prefix / report / name
                assert page.is_file(), page
            html = (site / prefix / report / "02-carry-over.html").read_text(encoding="utf-8")
            assert "Traceback" not in html and "stderr" not in html
    carry = (site / "bazhou-2020" / "02-carry-over.html").read_text(encoding="utf-8")
    assert carry.count('<figure class="fa-chart">') >= 3
    mancheng = (site / "mancheng-2019" / "02-carry-over.html").read_text(encoding="utf-8")
    assert "本报告未印结转结余明细" in mancheng  # said in one line, not a crash


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
