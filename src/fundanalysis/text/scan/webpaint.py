"""The colour a web page paints its text in, and what is behind it (see
:mod:`fundanalysis.text.scan.webpage`): text in no colour, or white on the page's white, is
not seen. Read from presentational attributes, the page's own style sheets (tinycss2,
soupsieve) and inline styles; where rules disagree, the text is read.

A ``var(--c)`` is the custom property's value where the element declares it or inherits it
(inline styles, and rules of the page's sheets that agree), or its fallback where the page
declares no such property: ``--c:#fff; color:var(--c)`` is white as ``color:#fff`` is. Where the
value is not certain (rules disagree, or a sheet the page links to may declare it), the
``var()`` says nothing that hides.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping


def colour_kind(value: str, legacy: bool = False) -> str | None:
    """What a colour is to a reader: ``clear`` (transparent, or an alpha of 0), ``white``,
    ``other``, or None where it says nothing (``inherit``, ``none``: what is set above holds).
    A legacy attribute (``<font color="FFFFFF">``, ``legacy``) may leave out the ``#``."""
    value = value.replace("!important", "").strip().lower()
    if value in ("", "inherit", "currentcolor", "unset", "revert", "none"):
        return None
    if value == "transparent":
        return "clear"
    if value == "white":
        return "white"
    if legacy:  # no alpha in the legacy parsing, and the # may be left out
        return "white" if re.fullmatch(r"#fff|#?ffffff", value) else "other"
    digits = re.fullmatch(r"#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})", value)
    if digits:
        hexa = digits[1] if len(digits[1]) > 4 else "".join(d * 2 for d in digits[1])
        if hexa[6:] == "00":
            return "clear"
        return "white" if hexa[:6] == "ffffff" else "other"
    function = re.fullmatch(r"(rgba?|hsla?|hwb)\((.*)\)", value)
    if function:
        args = [a for a in re.split(r"[\s,/]+", function[2].strip()) if a]
        if len(args) == 4 and re.fullmatch(r"(?:0+(?:\.0*)?|\.0+)%?", args[3]):
            return "clear"
        opaque = len(args) == 3 or args[3] in ("1", "1.0", "100%")
        if function[1].startswith("rgb") and opaque and args[:3] in (["255"] * 3, ["100%"] * 3):
            return "white"
        if function[1] == "hwb" and opaque and args[1:3] == ["100%", "0%"]:
            return "white"
        if function[1].startswith("hsl") and opaque and len(args) >= 3 and args[2] == "100%":
            return "white"  # a lightness of 100 % is white, whatever the hue and saturation
    return "other"


def text_colour(values: dict[str, str]) -> str | None:
    """The colour declarations paint text in (see :func:`colour_kind`): ``-webkit-text-fill-color``
    (which every browser reads) where set, over ``color``."""
    for name in ("-webkit-text-fill-color", "color"):
        said = colour_kind(values[name]) if name in values else None
        if said is not None:
            return said
    return None


def _backdrop(values: dict[str, str]) -> str | None:
    """The background declarations set behind an element's text: ``white``, ``other`` (a
    colour, an image, anything not plainly white), or None (none set, or transparent)."""
    image = values.get("background-image", "none")
    if image not in ("none", "initial"):
        return "other"
    said = None
    for name in ("background", "background-color"):
        if name in values:
            value = values[name].replace("!important", "").strip()
            colour = colour_kind(value) if len(value.split()) == 1 else "other"
            said = None if colour == "clear" else colour
    return said


def declared(declarations: str) -> dict[str, str]:
    """CSS declarations by name (the last one wins), values lowered."""
    import tinycss2

    values = {}
    for item in tinycss2.parse_declaration_list(
        declarations, skip_comments=True, skip_whitespace=True
    ):
        if item.type == "declaration":
            values[item.lower_name] = tinycss2.serialize(item.value).strip().lower()
    return values


def painted_by_style_sheets(soup) -> dict[int, tuple[set[str], set[str], list[str]]]:
    """The text colours and backgrounds the page's own style sheets give elements (see
    :func:`colour_kind`, :func:`_backdrop`), keyed by element, with the bodies of the rules that
    use ``var()`` (read with each element's custom properties: see :func:`paint_of`)."""
    said: dict[int, tuple[set[str], set[str], list[str]]] = {}
    for selector, body in sheet_rules(soup):
        values = declared(body)
        later = "var(" in body.lower()
        colour = None if later else text_colour(values)
        backdrop = None if later else _backdrop(values)
        if colour is None and backdrop is None and not later:
            continue
        for element in selected(selector, soup):
            colours, backdrops, bodies = said.setdefault(id(element), (set(), set(), []))
            colours.update({colour} - {None})
            backdrops.update({backdrop} - {None})
            bodies.extend([body] if later else [])
    return said


def _agreed(kinds: set[str]) -> str | None:
    """What the rules that apply agree on: nothing, their one kind, or ``other`` (specificity
    is not weighed: where rules disagree, the text is read)."""
    return None if not kinds else next(iter(kinds)) if len(kinds) == 1 else "other"


def paint_of(
    element, by_sheets, above: tuple[str, str], custom: Mapping[str, str | None] = {}
) -> tuple[str, str]:
    """The colour of an element's text and what is behind it (``white`` or ``other``), from
    what is set above it (the page's default: black on white), its presentational attributes
    (``<font color>``, ``<body text>``, ``bgcolor``, ``background``), the style sheets, and
    its inline style, which wins; ``custom``: its custom properties (:meth:`CustomProperties.of`)."""
    colour, backdrop = above
    colours, backdrops, bodies = by_sheets.get(id(element), (set(), set(), []))
    colours, backdrops = set(colours), set(backdrops)
    for body in bodies:
        values = declared(substituted(body, custom))
        colours.update({text_colour(values)} - {None})
        backdrops.update({_backdrop(values)} - {None})
    style = element.get("style")
    inline = declared(substituted(style, custom)) if isinstance(style, str) else {}
    attribute = {"font": element.get("color"), "body": element.get("text")}.get(element.name)
    for said in (
        colour_kind(attribute, legacy=True) if isinstance(attribute, str) else None,
        _agreed(colours),
        text_colour(inline),
    ):
        colour = said or colour
    bgcolor = element.get("bgcolor")
    for said in (
        colour_kind(bgcolor, legacy=True) if isinstance(bgcolor, str) else None,
        "other" if element.get("background") else None,  # a picture behind it
        _agreed(backdrops),
        _backdrop(inline),
    ):
        if said is not None and said != "clear":
            backdrop = "white" if said == "white" else "other"
    return colour, backdrop


def unseen_colour(paint: tuple[str, str]) -> bool:
    """Text in no colour, or white on the white of the page (or a white background)."""
    colour, backdrop = paint
    return colour == "clear" or (colour == "white" and backdrop == "white")


def screen_sheets(soup) -> list[str]:
    """The page's own style sheets that apply on a screen (not for print, not in a template)."""
    sheets = []
    for style in soup.find_all("style"):
        media = str(style.get("media", "all")).strip().lower()
        if media in ("", "all", "screen") and not style.find_parent("template"):
            sheets.append(style.get_text())
    return sheets


def sheet_rules(soup) -> Iterator[tuple[str, str]]:
    """Each top-level rule of the page's screen sheets (see :func:`screen_sheets`): its selector
    and its declarations, as text. At-rules (``@media print`` …) are not read."""
    import tinycss2

    for style in screen_sheets(soup):
        for rule in tinycss2.parse_stylesheet(style, skip_comments=True, skip_whitespace=True):
            if rule.type == "qualified-rule":
                yield tinycss2.serialize(rule.prelude).strip(), tinycss2.serialize(rule.content)


def selected(selector: str, soup) -> list:
    """The elements a selector matches; none where soupsieve cannot apply it (``:hover`` …, or
    a selector that is not valid): such a rule says nothing for certain about any element."""
    import soupsieve

    try:
        return soupsieve.select(selector, soup)
    except (soupsieve.SelectorSyntaxError, NotImplementedError, ValueError):
        return []


#: ``var(--name)`` or ``var(--name, fallback)`` with no ``var()`` inside it (innermost first).
_VAR = re.compile(r"var\(\s*(--[a-z0-9_-]+)\s*(?:,((?:[^()]|\([^()]*\))*))?\)", re.I)
#: A key no custom property has: the page links a style sheet, which may declare any.
_LINKED = "--*"
_UNRESOLVED = "unresolved-"
_UNKNOWN = itertools.count()
#: The longest custom property value kept: values built of others may grow with each level.
_LONGEST = 2000


def substituted(declarations: str, custom: Mapping[str, str | None]) -> str:
    """Declarations with each ``var()`` replaced by its value (see the module's note); one
    whose value is not certain becomes a word of its own, a colour and a display of no kind."""

    def value(match: re.Match) -> str:
        name = match[1].lower()
        said = custom.get(name)
        if said is not None:
            return said
        if name in custom or _LINKED in custom or match[2] is None:
            return f"{_UNRESOLVED}{next(_UNKNOWN)}"  # unlike any other: not the background
        return match[2].strip()

    for _ in range(32):  # a fallback inside a fallback: one level a round
        if "var(" not in declarations.lower():
            break
        declarations = _VAR.sub(value, declarations)
    return declarations


class CustomProperties:
    """The custom properties (``--c: #fff``) of a page's elements, read down its tree: those an
    element inherits, those the page's sheets declare on it (a value where the rules agree,
    None where they do not) and those its inline style declares, which win.

    Only the names some ``var()`` of the page uses are carried, and a page that uses more than
    :data:`_MOST` names has none read for certain, so that each element costs at most that much.
    """

    def __init__(self, soup) -> None:
        sheets = screen_sheets(soup)
        styles = [str(e["style"]) for e in soup.find_all(style=True)]
        used = {m.lower() for text in (*sheets, *styles) for m in _VAR_NAME.findall(text)}
        links = soup.find_all("link")
        linked = any("stylesheet" in str(link.get("rel", "")).lower() for link in links)
        linked = linked or any("@import" in sheet.lower() for sheet in sheets)
        self.root: dict[str, str | None] = {_LINKED: None} if linked else {}
        if len(used) > _MOST:
            self.root, used = {_LINKED: None}, set()
        self.used = used
        said: dict[int, dict[str, set[str]]] = {}
        for selector, body in sheet_rules(soup) if used else ():
            values = {k: v for k, v in declared(body).items() if k in used}
            if not values:
                continue
            for element in selected(selector, soup):
                mine = said.setdefault(id(element), {})
                for name, value in values.items():
                    mine.setdefault(name, set()).add(value)
        self.by_sheets = {
            key: {name: next(iter(v)) if len(v) == 1 else None for name, v in names.items()}
            for key, names in said.items()
        }

    def of(self, element, above: Mapping[str, str | None]) -> Mapping[str, str | None]:
        """An element's custom properties (``above``: its parent's), each ``var()`` read."""
        style = element.get("style")
        inline = declared(style) if self.used and isinstance(style, str) else {}
        inline = {k: v for k, v in inline.items() if k in self.used}
        sheets = self.by_sheets.get(id(element), {})
        if not inline and not sheets:
            return above
        custom = dict(above)
        here = {*sheets, *inline}
        done: set[str] = set()
        for name, value in (*sheets.items(), *inline.items()):
            uses = {m.lower() for m in _VAR_NAME.findall(value or "")}
            if value is None or name in uses or uses & (here - done):
                custom[name] = None  # a cycle, or a property declared after it: not certain
            else:
                value = substituted(value, custom)
                certain = _UNRESOLVED not in value and len(value) <= _LONGEST
                custom[name] = value if certain else None
            done.add(name)
        return custom


_VAR_NAME = re.compile(r"var\(\s*(--[a-z0-9_-]+)", re.I)
#: The most custom property names a page's ``var()`` may use and still be read.
_MOST = 200
