"""The text a reader of a saved web page sees: what the page hides is not the report's text.

Beautiful Soup over lxml reads the markup (with the charset the page declares). A page can
carry text no reader sees: scripts, styles, templates, elements with the ``hidden`` attribute,
an inline ``style`` of ``display: none`` or ``visibility: hidden``, or a rule of the page's own
style sheets that hides them (read with tinycss2, matched with soupsieve, Beautiful Soup's own
selector engine). Such text is left out, as a reader would not see it. Rules inside ``@media``
and other at-rules are not applied: what is hidden only on some screens is still published.
Style sheets the page links to are not fetched (nothing is downloaded).

The walk over the tree is one pass with an explicit stack, so a page nested thousands of
elements deep reads in time linear in its size.
"""

from __future__ import annotations

#: Elements whose content is never text a reader sees.
_NEVER_SHOWN = {"script", "style", "noscript", "template", "head", "iframe", "object"}

#: Elements that begin and end a line of text (paragraphs, table rows, headings …).
_BLOCKS = {
    *("p", "div", "br", "li", "tr", "table", "section", "article", "blockquote", "pre"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "title", "dd", "dt", "ul", "ol", "header", "footer"),
}


def _hides(declarations: str) -> bool:
    """Whether CSS declarations (an inline ``style`` or a rule's body) hide the element."""
    import tinycss2

    for item in tinycss2.parse_declaration_list(
        declarations, skip_comments=True, skip_whitespace=True
    ):
        if item.type != "declaration":
            continue
        value = tinycss2.serialize(item.value).strip().lower()
        if (item.lower_name, value) in {
            ("display", "none"),
            ("visibility", "hidden"),
            ("visibility", "collapse"),
        }:
            return True
    return False


def _hidden_by_style_sheets(soup) -> set[int]:
    """Ids of the elements a top-level rule of the page's ``<style>`` elements hides."""
    import soupsieve
    import tinycss2

    hidden: set[int] = set()
    for style in soup.find_all("style"):
        rules = tinycss2.parse_stylesheet(
            style.get_text(), skip_comments=True, skip_whitespace=True
        )
        for rule in rules:
            if rule.type != "qualified-rule" or not _hides(tinycss2.serialize(rule.content)):
                continue
            selector = tinycss2.serialize(rule.prelude).strip()
            try:
                hidden.update(id(element) for element in soupsieve.select(selector, soup))
            except (soupsieve.SelectorSyntaxError, NotImplementedError, ValueError):
                continue  # a selector soupsieve cannot apply (:hover …) hides nothing for sure
    return hidden


def _is_hidden(element, by_sheets: set[int]) -> bool:
    if element.name in _NEVER_SHOWN or id(element) in by_sheets:
        return True
    if element.has_attr("hidden"):
        return True
    if element.name == "input" and str(element.get("type", "")).lower() == "hidden":
        return True
    style = element.get("style")
    return isinstance(style, str) and _hides(style)


def page_text(soup) -> str:
    """The visible text of a parsed page: block elements as line breaks, cells apart."""
    from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    by_sheets = _hidden_by_style_sheets(soup)
    pieces: list[str] = []
    stack: list = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            pieces.append(node)  # a marker pushed below: the end of a block or a cell
            continue
        if isinstance(node, (Comment, ProcessingInstruction, Declaration, Doctype)):
            continue
        if isinstance(node, NavigableString):
            pieces.append(str(node))
            continue
        if node is not soup and _is_hidden(node, by_sheets):
            continue
        if node.name in _BLOCKS:
            pieces.append("\n")
            stack.append("\n")
        elif node.name in ("td", "th"):
            stack.append(" ")
        stack.extend(reversed(node.contents))
    lines = (" ".join(line.split()) for line in "".join(pieces).splitlines())
    return "\n\n".join(line for line in lines if line)
