"""Sphinx configuration of the published site: the executed notebooks, rendered offline."""

project = "fundanalysis · 巴州 2020 财政专项扶贫资金"
author = "fundanalysis"
copyright = "public report data; analysis code MIT"
language = "zh_CN"
# Sphinx's Chinese search needs a stemmer script it does not ship for the browser; the English
# tokenizer indexes the English half of every heading and keeps the page free of errors.
html_search_language = "en"

extensions = ["myst_nb"]
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# `make site` has executed every notebook already; Sphinx only renders them.
nb_execution_mode = "off"
nb_merge_streams = True
nb_output_stderr = "remove"
myst_enable_extensions = ["colon_fence"]
suppress_warnings = ["myst.header"]

html_theme = "sphinx_book_theme"
html_title = "巴州 2020 扶贫资金 · Poverty funds 2020"
html_static_path = ["_static"]
html_css_files = ["fonts.css", "site.css"]
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
html_context = {"default_mode": "light"}
html_theme_options = {
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "extra_footer": (
        '<p>来源 Source: 巴音郭楞蒙古自治州扶贫开发办公室、财政局《2020 年度巴州财政专项扶贫资金绩效自评报告》'
        "（巴扶办发〔2020〕11 号）及《2020 年财政专项扶贫资金管理使用情况报告》. "
        '<a href="05-data-audit.html">数据核对 Data audit</a> · '
        '<a href="data.html">下载数据 Download the data (CSV)</a></p>'
    ),
}
# No MathJax or require.js from a CDN: the site must work offline. Sphinx adds MathJax only to
# pages with equations, which these have none of; the path is local so that even then no
# request would leave the site.
mathjax_path = "mathjax/tex-chtml.js"
nb_ipywidgets_js = {}
