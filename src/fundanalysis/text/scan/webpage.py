"""The text a reader of a saved web page sees: what the page hides is not the report's text.

Beautiful Soup over lxml reads the markup (with the charset the page declares). A page can
carry text no reader sees: scripts, styles, templates, elements with the ``hidden`` attribute,
an inline ``style`` of ``display: none`` or ``visibility: hidden``, or a rule of the page's own
style sheets that hides them (read with tinycss2, matched with soupsieve, Beautiful Soup's own
selector engine). Such text is left out, as a reader would not see it. Where it is not
certain, the text is read: a rule that another rule or the inline style contradicts, rules
inside ``@media`` and other at-rules, sheets for print and sheets inside a template do not
hide anything (what is hidden only on some screens is still published).
Style sheets the page links to are not fetched (nothing is downloaded).

The walk over the tree is one pass with an explicit stack, so a page nested thousands of
elements deep reads in time linear in its size.
"""

from __future__ import annotations

import re

#: Elements whose content is never text a reader sees.
_NEVER_SHOWN = {"script", "style", "noscript", "template", "head", "iframe", "object"}

#: Elements that begin and end a line of text (paragraphs, table rows, headings …).
_BLOCKS = {
    *("p", "div", "br", "li", "tr", "table", "section", "article", "blockquote", "pre"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "title", "dd", "dt", "ul", "ol", "header", "footer"),
}


def _visibility(declarations: str) -> bool | None:
    """What CSS declarations (an inline ``style`` or a rule's body) say of the element: hidden
    (True: ``display: none``, ``visibility: hidden``, a font size of 0), shown (False: another
    ``display`` or ``visibility``), or nothing (None). The last declaration wins, as in CSS."""
    import tinycss2

    said = None
    for item in tinycss2.parse_declaration_list(
        declarations, skip_comments=True, skip_whitespace=True
    ):
        if item.type != "declaration":
            continue
        value = tinycss2.serialize(item.value).strip().lower()
        if item.lower_name == "display":
            said = value == "none"
        elif item.lower_name == "visibility":
            said = value in ("hidden", "collapse")
        elif item.lower_name == "font-size" and _ZERO.fullmatch(value):
            said = True
    return said


_ZERO = re.compile(r"0+(?:\.0*)?(?:px|pt|em|rem|%)?")


def _hidden_by_style_sheets(soup) -> set[int]:
    """Ids of the elements the page's own style sheets hide, for certain: a top-level rule
    hides them and no rule of the sheets shows them again (specificity is not weighed: where
    rules disagree, the text is read). Sheets for print or other media, and sheets inside a
    template, do not apply."""
    import soupsieve
    import tinycss2

    hidden: set[int] = set()
    shown: set[int] = set()
    for style in soup.find_all("style"):
        media = str(style.get("media", "all")).strip().lower()
        if media not in ("", "all", "screen") or style.find_parent("template"):
            continue
        rules = tinycss2.parse_stylesheet(
            style.get_text(), skip_comments=True, skip_whitespace=True
        )
        for rule in rules:
            if rule.type != "qualified-rule":
                continue
            said = _visibility(tinycss2.serialize(rule.content))
            if said is None:
                continue
            selector = tinycss2.serialize(rule.prelude).strip()
            try:
                matched = {id(element) for element in soupsieve.select(selector, soup)}
            except (soupsieve.SelectorSyntaxError, NotImplementedError, ValueError):
                continue  # a selector soupsieve cannot apply (:hover …) hides nothing for sure
            (hidden if said else shown).update(matched)
    return hidden - shown


def _is_hidden(element, by_sheets: set[int]) -> bool:
    if element.name in _NEVER_SHOWN:
        return True
    if element.has_attr("hidden"):
        return True
    if element.name == "input" and str(element.get("type", "")).lower() == "hidden":
        return True
    style = element.get("style")
    inline = _visibility(style) if isinstance(style, str) else None
    if inline is not None:
        return inline  # an inline style wins over the sheets
    return id(element) in by_sheets


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
