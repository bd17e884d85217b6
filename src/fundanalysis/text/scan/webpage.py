"""The text a reader of a saved web page sees: what the page hides is not the report's text.

Beautiful Soup over lxml reads the markup (with the charset the page declares). A page can
carry text no reader sees: scripts, styles, templates, fallback content (canvas, video …),
elements with the ``hidden`` attribute or a ``popover`` (which a saved page cannot open), an
inline ``style`` of ``display: none`` or ``visibility: hidden`` (or one of the ways of keeping
text laid out but unseen, white on the page's white among them), or a rule of the page's own
style sheets that hides them (read with tinycss2, matched with soupsieve, Beautiful Soup's own
selector engine). Such text is left out, as a reader would not see it; text the sheets show
with ``::before`` or ``::after`` (``content: "100"``) is read where it stands. A ``var()`` in
an inline style or a colour is read from the custom properties the element declares or
inherits (:class:`~fundanalysis.text.scan.webpaint.CustomProperties`). Where it is not
certain, the text is read: a rule that another rule or the inline style contradicts, rules
inside ``@media`` and other at-rules, sheets for print and sheets inside a template do not
hide anything (what is hidden only on some screens is still published), nor does a ``var()``
whose value is not certain.
Style sheets the page links to are not fetched (nothing is downloaded).

The walk over the tree is one pass with an explicit stack, so a page nested thousands of
elements deep reads in time linear in its size.
"""

from __future__ import annotations

import re

from fundanalysis.text.scan.webpaint import (
    CustomProperties,
    declared,
    paint_of,
    painted_by_style_sheets,
    selected,
    sheet_rules,
    substituted,
    text_colour,
    unseen_colour,
)

#: Elements whose content is never text a reader sees, or is shown struck out as deleted.
_NEVER_SHOWN = {"script", "style", "noscript", "template", "head", "iframe", "object"}
_NEVER_SHOWN |= {"del", "s", "strike"}
#: A ruby annotation (``<rt>``, and ``<rp>`` for browsers without ruby) is a gloss over the text
#: a reader reads, its base: ``<ruby>100<rt>一百</rt></ruby>`` reads 100.
_NEVER_SHOWN |= {"rt", "rp"}
#: Fallback content for browsers that cannot draw the element (every browser can: a canvas,
#: a video or audio player shows its picture or controls), a list of suggestions not laid
#: out, and the content for browsers without plug-ins or frames, which Chromium never shows.
_NEVER_SHOWN |= {"canvas", "video", "audio", "datalist", "noembed", "noframes"}

#: A line break inside a paragraph (``<br>``): the line goes on in the same paragraph.
_LINE = "\u2028"

#: Elements that begin and end a line of text (paragraphs, table rows, headings …).
_BLOCKS = {
    *("p", "div", "li", "tr", "table", "section", "article", "blockquote", "pre", "details"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "title", "dd", "dt", "ul", "ol", "header", "footer"),
}


def _visibility(declarations: str, block: bool = False) -> bool | None:
    """What CSS declarations (an inline ``style`` or a rule's body) say of the element: hidden
    (True), shown (False: another ``display`` or ``visibility``), or nothing (None).

    Hidden: ``display: none``, ``visibility: hidden``, and the ways pages hide text while
    keeping it laid out: a font size or an opacity of 0 (or ``filter: opacity(0)``), the colour
    of its own background, a scale of 0, a clip or ``clip-path`` to nothing,
    ``content-visibility: hidden``, a height or width of 0 with its overflow hidden, a place far
    off the screen (``left: -9999px``, ``text-indent: -9999px``, ``translateX(-9999px)``). The
    last declaration wins, as in CSS. (A transparent or white colour is inherited, and a child
    can undo it: see :func:`page_text`.)
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
    if _laid_out_unseen(values, block):  # whatever its display: it takes room and shows nothing
        return True
    return said


def style_hides(declarations: str) -> bool:
    """Whether an inline style hides its element whatever else applies to it (inline HTML in a
    Markdown file, which no style sheet reaches)."""
    return _visibility(declarations) is True


def _laid_out_unseen(values: dict[str, str], block: bool = False) -> bool:
    """Whether declarations hide an element that stays laid out (see :func:`_visibility`).

    The ``scale`` and ``translate`` properties move only a box that can be transformed (not
    an inline one: ``block``, the element is a block, or the declarations make it one), and
    ``right`` only a positioned element; elsewhere they hide nothing for certain."""
    position = values.get("position", "static")
    display = values.get("display", "")
    transformable = (
        block
        or position in ("absolute", "fixed")
        or values.get("float", "none") in ("left", "right")
        or (display not in ("", "inline", "contents") and not display.startswith("inline "))
    )
    overflow = values.get("overflow", values.get("overflow-y", values.get("overflow-x", "")))
    squeezed = any(_ZERO.fullmatch(values.get(side, "-")) for side in _EXTENTS)
    return bool(
        _ZERO.fullmatch(values.get("font-size", "-"))
        or _ZERO.fullmatch(values.get("opacity", "-"))
        or _same_as_background(values)
        or values.get("content-visibility") == "hidden"
        or _SCALED_AWAY.search(values.get("transform", ""))
        or _TRANSLATED_AWAY.search(values.get("transform", ""))
        or (transformable and any(_ZERO.fullmatch(f) for f in values.get("scale", "").split()))
        or (transformable and _FAR_OFF.match(values.get("translate", "-")))
        or (position != "static" and _FAR_RIGHT.fullmatch(values.get("right", "-")))
        or _CLIPPED.fullmatch(values.get("clip", "-"))
        or _clipped_to_nothing(values.get("clip-path", ""))
        or _FADED.search(values.get("filter", ""))
        or (squeezed and overflow in ("hidden", "clip"))
        or any(_FAR_OFF.fullmatch(values.get(side, "-")) for side in _OFFSETS)
    )


def _same_as_background(values: dict[str, str]) -> bool:
    """Text in the colour of its own background (a ``var()`` unread is no colour for sure)."""
    colour = values.get("color", "-")
    same = colour in (values.get("background-color"), values.get("background"))
    return same and "var(" not in colour


_ZERO = re.compile(r"(?:0+(?:\.0*)?|\.0+)(?:px|pt|em|rem|%)?")
_EXTENTS = ("height", "max-height", "width", "max-width")
_OFFSETS = ("left", "top", "text-indent", "margin-left")
_FAR_OFF = re.compile(r"-\s*(?:[0-9]{4,}(?:\.[0-9]*)?(?:px|pt)|[0-9]{3,}(?:\.[0-9]*)?(?:em|rem))")
#: ``right`` far to the right of the page's left edge moves the element far off to the left.
_FAR_RIGHT = re.compile(r"\+?(?:[0-9]{4,}(?:\.[0-9]*)?(?:px|pt)|[0-9]{3,}(?:\.[0-9]*)?(?:em|rem))")
_SCALED_AWAY = re.compile(r"scale[xy]?\(\s*(?:0+(?:\.0*)?|\.0+)\s*(?:[,)])")
_CLIPPED = re.compile(r"rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?\s*\)")
#: Moved far to the left, off the page (which does not scroll left of 0); moved up or down
#: it may still be on a long page.
_TRANSLATED_AWAY = re.compile(
    r"translate(?:x|3d)?\(\s*-\s*(?:[0-9]{4,}(?:\.[0-9]*)?(?:px|pt)|[0-9]{3,}(?:\.[0-9]*)?(?:em|rem))"
)
_FADED = re.compile(r"opacity\(\s*(?:0+(?:\.0*)?|\.0+)%?\s*\)")
_PERCENT = re.compile(r"([0-9]+(?:\.[0-9]*)?)%")


def _clipped_to_nothing(clip_path: str) -> bool:
    """A ``clip-path`` that leaves nothing: ``inset()`` whose percentages meet (``inset(50%)``,
    top and bottom or left and right adding up to 100 % or more), or a circle or ellipse of
    radius 0. Insets in lengths depend on the element's size and hide nothing for sure."""
    shape = re.fullmatch(r"\s*(inset|circle|ellipse)\(([^)]*)\)\s*", clip_path)
    if shape is None:
        return False
    args = shape[2].split(" round ")[0].split()
    if shape[1] in ("circle", "ellipse"):
        return bool(args) and all(
            _ZERO.fullmatch(a) for a in args[: 1 if shape[1] == "circle" else 2]
        )
    percents = [_PERCENT.fullmatch("0%" if _ZERO.fullmatch(a) else a) for a in args]
    if not 1 <= len(args) <= 4 or not all(percents):
        return False
    sides = [float(p[1]) for p in percents if p]
    index = {1: (0, 0, 0, 0), 2: (0, 1, 0, 1), 3: (0, 1, 2, 1), 4: (0, 1, 2, 3)}[len(sides)]
    top, right, bottom, left = (sides[i] for i in index)
    return top + bottom >= 100 or left + right >= 100


def _hidden_by_style_sheets(soup) -> set[int]:
    """Ids of the elements the page's own style sheets hide, for certain: a top-level rule
    hides them and no rule of the sheets shows them again (specificity is not weighed: where
    rules disagree, the text is read). Sheets for print or other media, and sheets inside a
    template, do not apply."""
    hidden: set[int] = set()
    shown: set[int] = set()
    for selector, body in sheet_rules(soup):
        said = _visibility(body)
        if said is not None:
            (hidden if said else shown).update(id(element) for element in selected(selector, soup))
    return hidden - shown


_PSEUDO = re.compile(r"^(?P<base>.*?)::?(?P<where>before|after)\s*$", re.IGNORECASE | re.DOTALL)


def _content(declarations: str) -> str | None:
    """The text a ``::before``/``::after`` rule shows: its ``content`` when that is strings only
    ('' for none, or when the rule hides it); None where it is not plain text (attr(), counters)."""
    import tinycss2

    if _visibility(declarations) or text_colour(declared(declarations)) == "clear":
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
    said: dict[tuple[int, str], set[str | None]] = {}
    for selectors, body in sheet_rules(soup):
        if "content" not in body.lower():
            continue
        content = _content(body)
        for selector in selectors.split(","):
            pseudo = _PSEUDO.match(selector.strip())
            if pseudo is None:
                continue
            for element in selected(pseudo["base"].strip() or "*", soup):
                said.setdefault((id(element), pseudo["where"].lower()), set()).add(content)
    return {
        key: values.pop() for key, values in said.items() if len(values) == 1 and None not in values
    }


def _bidi(values: dict[str, str], direction: str) -> str | None:
    """The direction declarations override the order of the characters in (``rtl``,
    ``ltr``), ``""`` where they say it is not overridden, None where they say nothing;
    ``direction``: the element's own."""
    said = values.get("unicode-bidi", "").replace("!important", "").strip()
    if not said:
        return None
    direction = values.get("direction", direction).replace("!important", "").strip()
    overridden = said in ("bidi-override", "isolate-override") and direction in ("rtl", "ltr")
    return direction if overridden else ""


def _overrides_by_style_sheets(soup) -> set[int]:
    """Ids of the elements a rule of the page's style sheets shows right to left, overridden
    (``direction: rtl; unicode-bidi: bidi-override`` in one rule)."""
    found: set[int] = set()
    for selector, body in sheet_rules(soup):
        if _bidi(declared(body), "ltr") == "rtl":
            found |= {id(element) for element in selected(selector, soup)}
    return found


def _overridden(element, by_sheets: set[int]) -> str:
    """The direction an element's characters are forced into (``rtl``: shown in reverse
    order; ``ltr``), or ``""``: ``<bdo dir>``, or a direction with ``unicode-bidi:
    bidi-override`` (its inline style wins over the sheets)."""
    direction = str(element.get("dir", "ltr")).strip().lower()
    if element.name == "bdo":
        return direction if direction in ("rtl", "ltr") else ""
    style = element.get("style")
    inline = _bidi(declared(style), direction) if isinstance(style, str) else None
    return inline if inline is not None else "rtl" if id(element) in by_sheets else ""


def _is_hidden(element, by_sheets: set[int], custom) -> bool:
    """Whether an element is hidden; ``custom``: its custom properties, for ``var()``."""
    if element.name in _NEVER_SHOWN:
        return True
    if element.has_attr("hidden"):
        return True
    if element.has_attr("popover") and not (element.name == "dialog" and element.has_attr("open")):
        return True  # a popover shows nothing until a script or a button opens it
    if element.name == "input" and str(element.get("type", "")).lower() == "hidden":
        return True
    if element.name == "dialog" and not element.has_attr("open"):
        return True  # a closed dialog shows nothing until a script opens it
    style = element.get("style")
    block = element.name in _BLOCKS
    inline = _visibility(substituted(style, custom), block) if isinstance(style, str) else None
    if inline is not None:
        return inline  # an inline style wins over the sheets
    return id(element) in by_sheets


def _option_text(option):
    """What an option shows: its ``label`` where that is not empty, else its own text."""
    label = str(option.get("label", "")).strip()
    return " ".join(label.split()) if label else option


def _disabled(option) -> bool:
    group = option.find_parent("optgroup")
    return option.has_attr("disabled") or (group is not None and group.has_attr("disabled"))


def _shown_options(select) -> list:
    """What a ``<select>`` shows, last first (pushed on a stack): a drop-down shows one option,
    its selected one (the last marked ``selected``) or else its first that is not disabled,
    even where that option is ``hidden`` (hidden only in the list it opens); a list box
    (``multiple`` or ``size`` > 1) shows each option that is not hidden, on a line of its own.
    An option with a ``label`` shows the label, as browsers do."""
    options = select.find_all("option")
    size = str(select.get("size", "1")).strip()
    if select.has_attr("multiple") or (size.isdigit() and int(size) > 1):
        listed = [option for option in options if not option.has_attr("hidden")]
        return [piece for option in reversed(listed) for piece in ("\n", _option_text(option))]
    chosen = [option for option in options if option.has_attr("selected")]
    enabled = [option for option in options if not _disabled(option)]
    shown = chosen[-1:] or enabled[:1] or options[:1]
    if not shown:
        return []
    text = _option_text(shown[0])
    # the closed control shows it whether or not the option is hidden in the opened list
    return [text if isinstance(text, str) else " ".join(text.get_text().split())]


def page_text(soup) -> str:
    """The visible text of a parsed page: block elements as line breaks, cells apart.

    The colour of the text and what is behind it are carried down the tree, as CSS inherits
    them: white text is unseen on the page's white, seen where an element above sets a dark
    background, and a child that sets its own colour is seen again."""
    from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    by_sheets = _hidden_by_style_sheets(soup)
    painted = painted_by_style_sheets(soup)
    generated = _generated_by_style_sheets(soup)
    overrides = _overrides_by_style_sheets(soup)
    customs = CustomProperties(soup)
    pieces: list[str] = []
    stack: list = [(soup, ("other", "white"), customs.root)]
    while stack:
        entry = stack.pop()
        if isinstance(entry, str):
            pieces.append(entry)  # a marker pushed below: the end of a block or a cell
            continue
        node, paint, custom = entry
        if isinstance(node, (Comment, ProcessingInstruction, Declaration, Doctype)):
            continue
        if isinstance(node, NavigableString):
            if not unseen_colour(paint) or not node.strip():
                pieces.append(str(node).replace("\u00ad", ""))  # a soft hyphen shows nothing
            continue
        if node is not soup:
            custom = customs.of(node, custom)
            if _is_hidden(node, by_sheets, custom):
                continue
        paint = paint_of(node, painted, paint, custom)
        if node.name == "br":
            pieces.append(_LINE)
            continue
        if node.name == "details" and not node.has_attr("open"):  # closed: its summary only
            summary = node.find("summary", recursive=False)
            pieces.append("\n")
            stack.extend(["\n", (summary, paint, custom)] if summary is not None else ["\n"])
            continue
        if node.name == "select":  # in its line, what the control shows (see _shown_options)
            shown_options = _shown_options(node)
            stack.extend(o if isinstance(o, str) else (o, paint, custom) for o in shown_options)
            continue
        if node.name in _BLOCKS:
            pieces.append("\n")
            stack.append("\n")
        elif node.name in ("td", "th"):
            stack.append(" ")
        forced = _overridden(node, overrides)
        if forced:  # an override's characters, resolved by fundanalysis.text.scan.shown
            pieces.append("\u202e" if forced == "rtl" else "\u202d")
            stack.append("\u202c")
        stack.append(generated.get((id(node), "after"), ""))
        stack.extend((child, paint, custom) for child in reversed(node.contents))
        pieces.append(generated.get((id(node), "before"), ""))
    paragraphs = "".join(pieces).split("\n")
    shown = []
    for paragraph in paragraphs:
        lines = (" ".join(line.split()) for line in paragraph.split(_LINE))
        text = "\n".join(line for line in lines if line)
        if text:
            shown.append(text)
    return "\n\n".join(shown)
