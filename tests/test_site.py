"""The published site in a real browser: offline, no console errors, Chinese rendered, safe.

Builds the site into a temporary folder (twice: from the shipped data, and from a copy whose
names carry HTML), then loads every page in headless Chromium with every request outside the
site blocked and recorded. Skips, saying why, only where no Chromium can be found.
"""

from __future__ import annotations

import os
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
    return sorted(p for p in site.glob("*.html"))


def test_every_page_is_offline_clean_and_renders_chinese(browser, site: Path) -> None:
    assert (site / "index.html").is_file()
    for page_path in pages(site):
        shot = {"index.html": "index.png", "02-carry-over.html": "carry-over.png"}.get(
            page_path.name
        )
        seen = visit(browser, page_path, site, shot)
        assert seen["outside"] == [], page_path.name
        assert seen["errors"] == [], page_path.name
        assert seen["broken_images"] == [], page_path.name
        assert seen["cjk_font"], page_path.name
        for link in seen["links"]:
            parsed = urlparse(link)
            assert parsed.scheme == "file", f"{page_path.name} links outside the site: {link}"
            assert Path(unquote(parsed.path)).exists(), f"{page_path.name} → {link}"


def test_every_analysis_page_is_there_with_its_charts(browser, site: Path) -> None:
    names = {p.name for p in pages(site)}
    for expected in [
        "index.html",
        "01-funding-and-disbursement.html",
        "02-carry-over.html",
        "03-poverty-reduction.html",
        "04-project-completion.html",
        "05-data-audit.html",
        "data.html",
    ]:
        assert expected in names
    html = (site / "02-carry-over.html").read_text(encoding="utf-8")
    assert html.count("<img") >= 3
    assert "Traceback" not in html and "stderr" not in html


def test_footer_links_the_audit_and_cites_the_report(site: Path) -> None:
    for page_path in pages(site):
        if page_path.name in {"genindex.html", "search.html"}:
            continue
        html = page_path.read_text(encoding="utf-8")
        assert 'href="05-data-audit.html"' in html, page_path.name
        assert "巴扶办发〔2020〕11 号" in html, page_path.name


def test_data_can_be_downloaded_as_csv(site: Path) -> None:
    html = (site / "data.html").read_text(encoding="utf-8")
    for name in ("carryover.csv", "transfers.csv", "reconciliation.csv"):
        assert name in html
        downloads = list(site.rglob(name))
        assert downloads, name
    carry = next(site.rglob("carryover.csv")).read_text(encoding="utf-8")
    assert carry == (DEFAULT_DATA_DIR / "carryover.csv").read_text(encoding="utf-8")


def test_names_from_data_are_shown_as_text_not_run(browser, hostile_site: Path) -> None:
    seen = visit(browser, hostile_site / "01-funding-and-disbursement.html", hostile_site)
    assert seen["dialogs"] == []
    assert HOSTILE in seen["text"]
    carry = visit(browser, hostile_site / "02-carry-over.html", hostile_site)
    assert carry["dialogs"] == []
    assert HOSTILE_ITEM in carry["text"]
