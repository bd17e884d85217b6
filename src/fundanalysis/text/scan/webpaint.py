"""The colour a web page paints its text in, and what is behind it (see
:mod:`fundanalysis.text.scan.webpage`): text in no colour, or white on the page's white, is
not seen. Read from presentational attributes, the page's own style sheets (tinycss2,
soupsieve) and inline styles; where rules disagree, the text is read.
"""

from __future__ import annotations

import re


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


def painted_by_style_sheets(soup) -> dict[int, tuple[str | None, str | None]]:
    """The text colour and background the page's own style sheets give elements (see
    :func:`colour_kind`, :func:`_backdrop`), keyed by element. Where rules disagree (specificity
    is not weighed), the colour is ``other`` and so is the background: the text is read."""
    import soupsieve
    import tinycss2

    said: dict[int, tuple[set, set]] = {}
    for style in screen_sheets(soup):
        for rule in tinycss2.parse_stylesheet(style, skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule":
                continue
            values = declared(tinycss2.serialize(rule.content))
            colour = text_colour(values)
            backdrop = _backdrop(values)
            if colour is None and backdrop is None:
                continue
            try:
                matched = soupsieve.select(tinycss2.serialize(rule.prelude).strip(), soup)
            except (soupsieve.SelectorSyntaxError, NotImplementedError, ValueError):
                matched = []
            for element in matched:
                colours, backdrops = said.setdefault(id(element), (set(), set()))
                colours.update({colour} - {None})
                backdrops.update({backdrop} - {None})
    return {
        key: (_agreed(colours), _agreed(backdrops)) for key, (colours, backdrops) in said.items()
    }


def _agreed(kinds: set[str]) -> str | None:
    """What the rules that apply agree on: nothing, their one kind, or ``other``."""
    return None if not kinds else next(iter(kinds)) if len(kinds) == 1 else "other"


def paint_of(element, by_sheets, above: tuple[str, str]) -> tuple[str, str]:
    """The colour of an element's text and what is behind it (``white`` or ``other``), from
    what is set above it (the page's default: black on white), its presentational attributes
    (``<font color>``, ``<body text>``, ``bgcolor``, ``background``), the style sheets, and
    its inline style, which wins."""
    colour, backdrop = above
    sheet_colour, sheet_backdrop = by_sheets.get(id(element), (None, None))
    style = element.get("style")
    inline = declared(style) if isinstance(style, str) else {}
    attribute = {"font": element.get("color"), "body": element.get("text")}.get(element.name)
    for said in (
        colour_kind(attribute, legacy=True) if isinstance(attribute, str) else None,
        sheet_colour,
        text_colour(inline),
    ):
        colour = said or colour
    bgcolor = element.get("bgcolor")
    for said in (
        colour_kind(bgcolor, legacy=True) if isinstance(bgcolor, str) else None,
        "other" if element.get("background") else None,  # a picture behind it
        sheet_backdrop,
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
