"""The site's search (a Sphinx extension): figures and place names findable, excerpts from disk.

Sphinx's own search misses what an auditor searches for. Its Chinese splitter segments with
jieba at build time, which the browser cannot repeat: a query such as 阿克苏来乡 is looked up
whole while the index holds 阿克苏, 来 and 乡. Its browser code drops every query word made of
digits (3100, 16160), and its English indexer drops them too. It strips the tags of the
notebooks' HTML outputs without a space, so that a table's cells run together into one word
("0000batch"). And it fetches every result's page for its excerpt, which a page opened from
disk may not do, and then quotes the theme's buttons with the text.

Here one rule splits the pages at build time and the query in the browser (:func:`words` and
:data:`JS_SPLITTER`, the same expressions): a figure is a word, without its thousands
separators (and, with decimals, its whole part too); a run of Chinese characters is its
overlapping pairs and triples of characters (a query's run, its triples), so that any run of
two characters or more that a page shows is found, whatever a dictionary knows; a Latin word
is stemmed as Sphinx stems English. The indexer reads an HTML output's text with a space
between its elements. Each page's text, as it reads, is written beside the index
(``_static/search-excerpts.js``), and docs/_static/search.js quotes it under each result,
served or opened from disk.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from docutils import nodes

#: A figure (thousands separators allowed), a Latin word, a run of Chinese characters.
FIGURE = r"\d+(?:,\d{3})*(?:\.\d+)?"
LATIN = r"[A-Za-z\u00c0-\u024f][A-Za-z0-9_\u00c0-\u024f]*"
#: Chinese: 〇 (the zero of dates, 二〇二〇年), the ideographs of the basic block, Extension A,
#: the compatibility block, and the supplementary planes' (Extensions B to H: place names).
HAN = r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+"
TOKEN = re.compile(f"({FIGURE})|({LATIN})|({HAN})")
#: :data:`HAN` as JavaScript writes it (a regular expression with the ``u`` flag, so that a
#: supplementary character is one character, not two halves).
JS_HAN = r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+"

#: :func:`words` in the browser: Sphinx calls it on the reader's query (language_data.js).
JS_SPLITTER = f"""
function splitQuery(query) {{
  const words = [];
  const token = /({FIGURE})|({LATIN})|({JS_HAN})/gu;
  for (const [, figure, latin, run] of query.matchAll(token)) {{
    const han = run ? [...run] : [];  // characters, not UTF-16 halves
    if (figure) {{
      const plain = figure.replaceAll(",", "");
      words.push(plain);
      if (plain.includes(".")) words.push(plain.split(".")[0]);
    }} else if (latin) words.push(latin);
    else if (han.length <= 2) words.push(run);
    else for (let i = 0; i + 3 <= han.length; i++) words.push(han.slice(i, i + 3).join(""));
  }}
  return words;
}}
"""


def words(text: str, query: bool = False) -> list[str]:
    """The words of ``text`` as the index holds them, or (``query``) as the browser splits a
    reader's query (:data:`JS_SPLITTER`).

    A run of Chinese characters is indexed as its pairs and its triples of characters; a query
    looks a run of three or more up by its triples, which Sphinx's search requires every one
    of (it makes words of two characters or fewer optional beside longer ones).

    >>> words("结转资金16,160.00万元 in 2020 (F1)")
    ['结转', '转资', '资金', '结转资', '转资金', '16160.00', '16160', '万元', 'in', '2020', 'F1']
    >>> words("结转资金", query=True)
    ['结转资', '转资金']
    """
    found = []
    for figure, latin, han in TOKEN.findall(text):
        if figure:
            plain = figure.replace(",", "")
            found.append(plain)
            if "." in plain:
                found.append(plain.split(".")[0])
        elif latin:
            found.append(latin)
        elif len(han) <= 2:
            found.append(han)
        else:
            sizes = (3,) if query else (2, 3)
            found += [han[i : i + n] for n in sizes for i in range(len(han) - n + 1)]
    return found


#: Elements whose start or end separates words (cells, rows, paragraphs, line breaks …).
_BREAKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
}  # fmt: skip
#: Elements whose content is no text a reader reads.
_SKIPPED = {"script", "style", "template", "noscript"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"}


class _Text(HTMLParser):
    """The text of an HTML fragment as a reader reads it, words kept apart at element edges."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped), open elements

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")
        if tag in _VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        hidden = any(name == "hidden" for name, _ in attrs)
        skip = self._skipping() or tag in _SKIPPED or hidden or "headerlink" in classes
        self.stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.parts.append(data)


def html_text(fragment: str) -> str:
    """The readable text of an HTML fragment, on one line."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return " ".join("".join(parser.parts).split())


def _search_languages():
    """The Chinese and English search languages of the site, both splitting with :func:`words`."""
    import snowballstemmer
    from sphinx.search import SearchLanguage
    from sphinx.search._stopwords.en import ENGLISH_STOPWORDS
    from sphinx.search.en import SearchEnglish

    class SiteWords:
        js_splitter_code = JS_SPLITTER
        stopwords = ENGLISH_STOPWORDS

        def split(self, input: str) -> list[str]:
            return words(input)

        def word_filter(self, word: str) -> bool:
            """Figures stay (Sphinx drops them); single characters and English stopwords do not."""
            return len(word) > 1 and word.lower() not in self.stopwords

    class SiteEnglish(SiteWords, SearchEnglish):
        pass

    class SiteChinese(SiteWords, SearchLanguage):
        """Chinese pages: the English stemmer for their Latin words, as Sphinx's own Chinese
        search has; named "English" because language_data.js names the stemmer it loads
        after the language (Sphinx's Chinese asks for a ChineseStemmer it does not ship)."""

        lang = "zh"
        language_name = "English"
        js_stemmer_rawcode = "english-stemmer.js"

        def __init__(self, options: dict[str, str]) -> None:
            super().__init__(options)
            self.stemmer = snowballstemmer.stemmer("english")

        def stem(self, word: str) -> str:
            return self.stemmer.stemWord(word.lower())

    return SiteChinese, SiteEnglish


class SearchText(nodes.TextElement):
    """Text for the indexer only (an HTML output's words, apart): no page shows it."""


def _block_raw_html(doctree) -> list[nodes.raw]:
    """The HTML blocks of a page (a notebook's outputs, the site's own blocks), not inline HTML."""
    return [
        raw
        for raw in doctree.findall(nodes.raw)
        if "html" in raw.get("format", "").split() and not isinstance(raw.parent, nodes.TextElement)
    ]


def _output_text(doctree) -> None:
    """Let the indexer read each HTML block's text with its words apart: the block itself is
    kept out of the index (Sphinx's ``no-search``) and its text follows it in a node that no
    page shows."""
    for raw in _block_raw_html(doctree):
        holder = raw
        if isinstance(raw.parent, nodes.container) and len(raw.parent.children) == 1:
            holder = raw.parent  # myst-nb's output box: a class on it changes no markup
        holder["classes"].append("no-search")
        holder.parent.insert(
            holder.parent.index(holder) + 1, SearchText("", html_text(raw.astext()))
        )


class _Joined:
    """Text put together piece by piece, its runs of white space made one space."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.space = True  # the text so far ends at a word's edge

    def add(self, text: str) -> None:
        text = re.sub(r"\s+", " ", text)
        if self.space:
            text = text.lstrip()
        if text:
            self.parts.append(text)
            self.length += len(text)
            self.space = text.endswith(" ")

    def edge(self) -> None:
        """The end of a block: what follows is another word."""
        self.add(" ")
        self.space = True


def page_text(doctree) -> dict[str, Any]:
    """A page's text as a reader reads it, and where each section's text starts and ends in it.

    The same nodes the indexer reads (headings, paragraphs, an HTML block's text), nothing of
    the theme around them; blocks apart, inline text as it runs.
    """
    out = _Joined()
    sections: dict[str, list[int]] = {}

    def visit(node) -> None:
        if isinstance(node, nodes.Text):
            out.add(node.astext())
            return
        if isinstance(node, nodes.comment | SearchText):
            return
        if isinstance(node, nodes.raw):
            if "html" in node.get("format", "").split():
                block = not isinstance(node.parent, nodes.TextElement)
                if block:
                    out.edge()
                out.add(html_text(node.astext()))
                if block:
                    out.edge()
            return
        block = not isinstance(node, nodes.Inline)
        if block:
            out.edge()
        start = out.length
        for child in node.children:
            visit(child)
        if block:
            out.edge()
        if isinstance(node, nodes.section) and node["ids"]:
            sections[node["ids"][0]] = [start, out.length]

    visit(doctree)
    return {"text": "".join(out.parts).strip(), "sections": sections}


def _collect_excerpt(app, doctree, docname: str) -> None:
    _output_text(doctree)
    store = getattr(app.builder, "fa_excerpts", None)
    if store is None:
        store = app.builder.fa_excerpts = {}
    store[docname] = page_text(doctree)


EXCERPTS = "search-excerpts.js"


def _write_excerpts(app, exception) -> None:
    """Every page's text into _static/search-excerpts.js, for search.js. A build that rewrote
    only some pages keeps the text of the others from the last build."""
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / "_static" / EXCERPTS
    prefix = "window.FA_SEARCH_EXCERPTS = "
    excerpts = {}
    if path.is_file():
        excerpts = json.loads(path.read_text(encoding="utf-8").removeprefix(prefix).rstrip(";\n"))
    excerpts = {name: text for name, text in excerpts.items() if name in app.env.found_docs}
    excerpts.update(getattr(app.builder, "fa_excerpts", {}))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        prefix + json.dumps(dict(sorted(excerpts.items())), ensure_ascii=False) + ";\n",
        encoding="utf-8",
    )


def _search_page_scripts(app, pagename, templatename, context, doctree) -> None:
    if pagename == "search":
        app.add_js_file(EXCERPTS)
        app.add_js_file("search.js")


def _skip(self, node) -> None:
    raise nodes.SkipNode


def setup(app) -> dict[str, Any]:
    chinese, english = _search_languages()
    app.add_search_language(chinese)
    app.add_search_language(english)
    app.add_node(SearchText, html=(_skip, None), text=(_skip, None))
    # after the other handlers of the event: the page as it will be written and indexed
    app.connect("doctree-resolved", _collect_excerpt, priority=900)
    app.connect("html-page-context", _search_page_scripts)
    app.connect("build-finished", _write_excerpts)
    return {"parallel_read_safe": True, "parallel_write_safe": False}
