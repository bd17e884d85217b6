"""Sphinx configuration of the published site: executed notebooks, one build per language.

`make site` (tools/build_site.py) builds this twice, with ``FUNDANALYSIS_SITE_LANG=en`` into
site/en/ and ``=zh`` into site/ (English first: the Chinese pages take its section anchors);
every page links to the same page, at the same section, in the other language.
"""

import os

#: tools/build_site.py builds the site once per language and says which in this variable.
SITE_LANGUAGE = os.environ.get("FUNDANALYSIS_SITE_LANG", "zh")

project = "fundanalysis"
author = "fundanalysis"
copyright = (
    "报告原文归各发布机关；分析：fundanalysis（MIT 许可）"
    if SITE_LANGUAGE == "zh"
    else "report texts: the issuing governments; analysis: fundanalysis (MIT)"
)
language = "zh_CN" if SITE_LANGUAGE == "zh" else "en"

extensions = [
    "myst_nb",
    "fundanalysis.publish.sitesearch",
    "fundanalysis.publish.sitesections",
]
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
templates_path = ["_templates"]

# `make site` has executed every notebook already; Sphinx only renders them.
nb_execution_mode = "off"
nb_merge_streams = True
nb_output_stderr = "remove"
myst_enable_extensions = ["colon_fence"]
suppress_warnings = ["myst.header"]

# Search (fundanalysis.publish.sitesearch): figures and any run of Chinese characters are
# words, in the index and in the query alike; excerpts come from the site's own text.
# Sphinx would fetch each result's page for its excerpt, which a page opened from disk may not
# do (and quote the theme's buttons): _static/search.js quotes the page's text from the index.
html_show_search_summary = False

# A section has the same anchor in both languages (fundanalysis.publish.sitesections): the
# English site, built first, writes its sections' ids where tools/build_site.py says; the
# Chinese one reads them.
fa_section_ids = os.environ.get("FUNDANALYSIS_SECTION_IDS", "")
fa_section_ids_role = "write" if SITE_LANGUAGE == "en" else "read"

# The theme's own catalogs leave some of its strings in English: ours (locales/) come first.
locale_dirs = ["locales"]

html_theme = "sphinx_book_theme"
html_title = "扶贫资金自评报告核对" if SITE_LANGUAGE == "zh" else "Poverty-fund reports, checked"
html_static_path = ["_static"]
html_css_files = ["fonts.css", "site.css"]
html_js_files = ["site.js"]
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
html_context = {"default_mode": "light"}
html_theme_options = {
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "search_bar_text": "搜索……" if SITE_LANGUAGE == "zh" else "Search…",
    "toc_title": "本页目录" if SITE_LANGUAGE == "zh" else "Contents",
    "article_header_end": ["lang-switch.html", "article-header-buttons.html"],
    "extra_footer": (
        "<p>fundanalysis · 每个数字均注明其在报告中的出处</p>"
        if SITE_LANGUAGE == "zh"
        else "<p>fundanalysis · every figure cites its sentence in the report</p>"
    ),
}
# No MathJax or require.js from a CDN: the site must work offline.
mathjax_path = "mathjax/tex-chtml.js"
nb_ipywidgets_js = {}


def _language_switch(app, pagename, templatename, context, doctree) -> None:
    """The URL of this page in the other language (site/ is Chinese, site/en/ English)."""
    depth = pagename.count("/")
    if app.config.language == "en":
        context["fa_other_url"] = "../" * (depth + 1) + pagename + ".html"
        context["fa_other_label"], context["fa_other_lang"] = "中文", "zh-CN"
        context["fa_other_title"] = "阅读中文版"
    else:
        context["fa_other_url"] = "../" * depth + "en/" + pagename + ".html"
        context["fa_other_label"], context["fa_other_lang"] = "EN", "en"
        context["fa_other_title"] = "Read this page in English"
    chinese = app.config.language != "en"
    context["fa_toggle_primary"] = "显示或隐藏导航栏" if chinese else "Show or hide the navigation"
    context["fa_toggle_secondary"] = "显示或隐藏本页目录" if chinese else "Show or hide the contents"


def _escape_theme_title(app, pagename, templatename, context, doctree) -> None:
    """The book theme prints the page's title as raw text (``<h1>{{ pagetitle }}</h1>`` of its
    print header, from ``title.astext()``) into HTML: a title holding ``<img onerror>`` ran as
    script. Escaped here, after the theme has set it."""
    import html

    if "pagetitle" in context:
        context["pagetitle"] = html.escape(str(context["pagetitle"]), quote=False)


def setup(app):
    app.connect("html-page-context", _escape_theme_title, priority=900)
    from fundanalysis.publish.pagetext import text_role

    app.add_role("fa-text", text_role)
    app.connect("html-page-context", _language_switch)
