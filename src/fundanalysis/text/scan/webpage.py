"""The text a reader of a saved web page sees: what the page hides is not the report's text.

Beautiful Soup over lxml reads the markup (with the charset the page declares). A page can
carry text no reader sees: scripts, styles, templates, elements with the ``hidden`` attribute,
an inline ``style`` of ``display: none`` or ``visibility: hidden``, or a rule of the page's own
style sheets that hides them (read with tinycss2, matched with soupsieve, Beautiful Soup's own
selector engine). Such text is left out, as a reader would not see it; text the sheets show
with ``::before`` or ``::after`` (``content: "100"``) is read where it stands. Where it is not
certain, the text is read: a rule that another rule or the inline style contradicts, rules
inside ``@media`` and other at-rules, sheets for print and sheets inside a template do not
hide anything (what is hidden only on some screens is still published).
Style sheets the page links to are not fetched (nothing is downloaded).

The walk over the tree is one pass with an explicit stack, so a page nested thousands of
elements deep reads in time linear in its size.
"""

from __future__ import annotations

import re

#: Elements whose content is never text a reader sees, or is shown struck out as deleted.
_NEVER_SHOWN = {"script", "style", "noscript", "template", "head", "iframe", "object"}
_NEVER_SHOWN |= {"del", "s", "strike"}
#: A ruby annotation (``<rt>``, and ``<rp>`` for browsers without ruby) is a gloss over the text
#: a reader reads, its base: ``<ruby>100<rt>一百</rt></ruby>`` reads 100.
_NEVER_SHOWN |= {"rt", "rp"}

#: A line break inside a paragraph (``<br>``): the line goes on in the same paragraph.
_LINE = "\u2028"

#: Elements that begin and end a line of text (paragraphs, table rows, headings …).
_BLOCKS = {
    *("p", "div", "li", "tr", "table", "section", "article", "blockquote", "pre", "details"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "title", "dd", "dt", "ul", "ol", "header", "footer"),
}


def _visibility(declarations: str) -> bool | None:
    """What CSS declarations (an inline ``style`` or a rule's body) say of the element: hidden
    (True), shown (False: another ``display`` or ``visibility``), or nothing (None).

    Hidden: ``display: none``, ``visibility: hidden``, and the ways pages hide text while
    keeping it laid out: a font size or an opacity of 0, a transparent colour or the colour of
    its own background, a scale of 0, a
    clip to nothing, a height or width of 0 with its overflow hidden, a place far off the
    screen (``left: -9999px``, ``text-indent: -9999px``). The last declaration wins, as in CSS.
    """
    import tinycss2

    said = None
    values: dict[str, str] = {}
    for item in tinycss2.parse_declaration_list(
        declarations, skip_comments=True, skip_whitespace=True
    ):
        if item.type != "declaration":
            continue
        value = tinycss2.serialize(item.value).replace("!important", "").strip().lower()
        values[item.lower_name] = value
        if item.lower_name == "display":
            said = value == "none"
        elif item.lower_name == "visibility":
            said = value in ("hidden", "collapse")
    if _laid_out_unseen(values):  # whatever its display: it takes room and shows nothing
        return True
    return said


def _laid_out_unseen(values: dict[str, str]) -> bool:
    """Whether declarations hide an element that stays laid out (see :func:`_visibility`)."""
    overflow = values.get("overflow", values.get("overflow-y", values.get("overflow-x", "")))
    squeezed = any(_ZERO.fullmatch(values.get(side, "-")) for side in _EXTENTS)
    return bool(
        _ZERO.fullmatch(values.get("font-size", "-"))
        or _ZERO.fullmatch(values.get("opacity", "-"))
        or values.get("color") == "transparent"
        or values.get("color", "-") in (values.get("background-color"), values.get("background"))
        or _SCALED_AWAY.search(values.get("transform", ""))
        or _CLIPPED.fullmatch(values.get("clip", "-"))
        or (squeezed and overflow in ("hidden", "clip"))
        or any(_FAR_OFF.fullmatch(values.get(side, "-")) for side in _OFFSETS)
    )


_ZERO = re.compile(r"0+(?:\.0*)?(?:px|pt|em|rem|%)?")
_EXTENTS = ("height", "max-height", "width", "max-width")
_OFFSETS = ("left", "top", "text-indent", "margin-left")
_FAR_OFF = re.compile(r"-\s*(?:[0-9]{4,}(?:\.[0-9]*)?(?:px|pt)|[0-9]{3,}(?:\.[0-9]*)?(?:em|rem))")
_SCALED_AWAY = re.compile(r"scale[xy]?\(\s*0+(?:\.0*)?\s*(?:[,)])")
_CLIPPED = re.compile(r"rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?\s*\)")


def _hidden_by_style_sheets(soup) -> set[int]:
    """Ids of the elements the page's own style sheets hide, for certain: a top-level rule
    hides them and no rule of the sheets shows them again (specificity is not weighed: where
    rules disagree, the text is read). Sheets for print or other media, and sheets inside a
    template, do not apply."""
    import soupsieve
    import tinycss2

    hidden: set[int] = set()
    shown: set[int] = set()
    for style in _screen_sheets(soup):
        rules = tinycss2.parse_stylesheet(style, skip_comments=True, skip_whitespace=True)
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


_PSEUDO = re.compile(r"^(?P<base>.*?)::?(?P<where>before|after)\s*$", re.IGNORECASE | re.DOTALL)


def _content(declarations: str) -> str | None:
    """The text a ``::before``/``::after`` rule shows: its ``content`` when that is strings only
    ('' for none, or when the rule hides it); None where it is not plain text (attr(), counters)."""
    import tinycss2

    if _visibility(declarations):
        return ""
    content = None
    for item in tinycss2.parse_declaration_list(
        declarations, skip_comments=True, skip_whitespace=True
    ):
        if item.type == "declaration" and item.lower_name == "content":
            tokens = [t for t in item.value if t.type not in ("whitespace", "comment")]
            if all(t.type == "string" for t in tokens):
                content = "".join(t.value for t in tokens)
            elif len(tokens) == 1 and getattr(tokens[0], "lower_value", "") in ("none", "normal"):
                content = ""
            else:
                content = None
    return content


def _generated_by_style_sheets(soup) -> dict[tuple[int, str], str]:
    """Text the page's own style sheets show before or after elements (``.a::before {content:
    "100"}``), keyed by element and ``before``/``after``: only where every rule that applies
    agrees on plain text (otherwise what a reader sees is not certain, and nothing is read)."""
    import soupsieve
    import tinycss2

    said: dict[tuple[int, str], set[str | None]] = {}
    for style in _screen_sheets(soup):
        for rule in tinycss2.parse_stylesheet(style, skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule":
                continue
            body = tinycss2.serialize(rule.content)
            if "content" not in body.lower():
                continue
            content = _content(body)
            for selector in tinycss2.serialize(rule.prelude).split(","):
                pseudo = _PSEUDO.match(selector.strip())
                if pseudo is None:
                    continue
                try:
                    matched = soupsieve.select(pseudo["base"].strip() or "*", soup)
                except (soupsieve.SelectorSyntaxError, NotImplementedError, ValueError):
                    continue
                for element in matched:
                    said.setdefault((id(element), pseudo["where"].lower()), set()).add(content)
    return {
        key: values.pop() for key, values in said.items() if len(values) == 1 and None not in values
    }


def _screen_sheets(soup) -> list[str]:
    """The page's own style sheets that apply on a screen (not for print, not in a template)."""
    sheets = []
    for style in soup.find_all("style"):
        media = str(style.get("media", "all")).strip().lower()
        if media in ("", "all", "screen") and not style.find_parent("template"):
            sheets.append(style.get_text())
    return sheets


def _is_hidden(element, by_sheets: set[int]) -> bool:
    if element.name in _NEVER_SHOWN:
        return True
    if element.has_attr("hidden"):
        return True
    if element.name == "input" and str(element.get("type", "")).lower() == "hidden":
        return True
    if element.name == "dialog" and not element.has_attr("open"):
        return True  # a closed dialog shows nothing until a script opens it
    style = element.get("style")
    inline = _visibility(style) if isinstance(style, str) else None
    if inline is not None:
        return inline  # an inline style wins over the sheets
    return id(element) in by_sheets


def page_text(soup) -> str:
    """The visible text of a parsed page: block elements as line breaks, cells apart."""
    from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    by_sheets = _hidden_by_style_sheets(soup)
    generated = _generated_by_style_sheets(soup)
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
            pieces.append(str(node).replace("\u00ad", ""))  # a soft hyphen shows nothing
            continue
        if node is not soup and _is_hidden(node, by_sheets):
            continue
        if node.name == "br":
            pieces.append(_LINE)
            continue
        if node.name == "details" and not node.has_attr("open"):  # closed: its summary only
            summary = node.find("summary", recursive=False)
            pieces.append("\n")
            stack.extend(["\n", summary] if summary is not None else ["\n"])
            continue
        if node.name in _BLOCKS:
            pieces.append("\n")
            stack.append("\n")
        elif node.name in ("td", "th"):
            stack.append(" ")
        stack.append(generated.get((id(node), "after"), ""))
        stack.extend(reversed(node.contents))
        pieces.append(generated.get((id(node), "before"), ""))
    paragraphs = "".join(pieces).split("\n")
    shown = []
    for paragraph in paragraphs:
        lines = (" ".join(line.split()) for line in paragraph.split(_LINE))
        text = "\n".join(line for line in lines if line)
        if text:
            shown.append(text)
    return "\n\n".join(shown)
