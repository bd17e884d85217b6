"""The text of a Word (.docx) file as Word shows it, read from its XML with lxml.

Paragraphs and table rows in document order, each paragraph after the list number Word
draws before it (see :mod:`fundanalysis.text.scan.wordnumbers`), text inside insertions, fields, content controls
and custom XML included, at every level (a table's rows and a row's cells may be wrapped in a
content control too). Left out is what Word keeps but does not show: deleted or moved-away
text and deleted rows, fallback copies of shapes, and runs hidden (``w:vanish``), at most 1 pt,
or white with nothing shaded behind them (a theme colour, ``w:themeColor`` or ``w:themeFill``,
overrides the hex value given with it: it is taken from the theme part's colour scheme, as the
settings' ``w:clrSchemeMapping`` maps it, or from Office's default theme where there is none,
with its tint and shade; see :class:`_Theme`), whether set on the run itself or by its character
style, its paragraph's style (each through its ``w:basedOn`` chain) or the document's defaults
(ECMA-376 §17.7.2: direct formatting, then the character style, then the paragraph style, then
the defaults; the hidden toggle set by both styles cancels out, §17.7.3). The footnotes and
endnotes the body refers to are read after it (see :func:`_notes`); a bidirectional override
(``w:bdo``) is read in the order Word shows it (see :mod:`fundanalysis.text.scan.shown`).
"""

from __future__ import annotations

from fundanalysis.text.scan.wordnumbers import Numbering

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: What Word keeps but does not show: text moved away (its new place is ``w:moveTo``), and
#: the fallback copy of a text box or shape for programs that cannot read the first one.
_NOT_SHOWN = {f"{_W}moveFrom", f"{_W}del", f"{_MC}Fallback"}
#: What wraps table rows or a row's cells without being one: content controls, custom XML.
_WRAPPERS = {f"{_W}sdt", f"{_W}customXml"}
#: The run properties that decide whether a run is seen.
_SEEN_BY = ("vanish", "color", "sz", "shd", "highlight")


def document_text(document) -> str:
    """The shown text of a python-docx ``Document``: blocks apart by blank lines."""
    styles = _Styles(document)
    background = document.element.find(f"{_W}background")
    shaded = _coloured(styles.theme.colour(background, "color", "themeColor"))
    body = document.element.body
    blocks = _word_blocks(body, styles, shaded)
    for kind in ("footnote", "endnote"):
        blocks += _notes(document, body, kind, styles, shaded)
    return "\n\n".join(b for b in blocks if b.strip())


#: The notes Word keeps in its notes parts that are not a note: the rule above the notes.
_NOT_NOTES = {"separator", "continuationSeparator", "continuationNotice"}


def _notes(document, body, kind: str, styles: _Styles, shaded: bool) -> list[str]:
    """The blocks of the footnotes or endnotes (``kind``) the body refers to, in the order of
    their first reference, read by the body's rules (a reference in deleted text has no note
    shown). Word prints footnotes at the foot of the page and endnotes at the end: both are
    read after the body. The note's number (``w:footnoteRef``) is not read, nor the body's
    reference mark, so that neither runs into a figure."""
    root = _part(document, f"{kind}s")
    if root is None:
        return []
    notes = {
        note.get(f"{_W}id"): note
        for note in root.iter(f"{_W}{kind}")
        if note.get(f"{_W}type", "normal") not in _NOT_NOTES
    }
    referred = []
    for reference in body.iter(f"{_W}{kind}Reference"):
        if any(a.tag in _NOT_SHOWN for a in reference.iterancestors()):
            continue
        note = notes.pop(reference.get(f"{_W}id"), None)
        if note is not None:
            referred.append(note)
    return [block for note in referred for block in _word_blocks(note, styles, shaded)]


def _part(document, kind: str):
    """The XML root of the document's part of a kind (``footnotes``, ``theme`` …), or None."""
    from lxml import etree

    part = next(
        (
            rel.target_part
            for rel in document.part.rels.values()
            if not rel.is_external and rel.reltype.endswith(f"/{kind}")
        ),
        None,
    )
    if part is None:
        return None
    try:
        return etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError:
        return None


_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
#: Office's default theme, for a document without one: what decides whether text is white.
_DEFAULT_SCHEME = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "44546A", "lt2": "E7E6E6"}
#: The names a run's ``w:themeColor`` may give that Word maps through the settings'
#: ``w:clrSchemeMapping`` (ECMA-376 §17.15.1.20), mapped as Word does by default.
_MAPPED = {"background1": "bg1", "text1": "t1", "background2": "bg2", "text2": "t2"}
_DEFAULT_MAPPING = {"bg1": "light1", "t1": "dark1", "bg2": "light2", "t2": "dark2"}
#: A mapping's names for the theme's colours (its ``a:clrScheme`` elements).
_SCHEME_NAMES = {"dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2"}
_SCHEME_NAMES |= {"hyperlink": "hlink", "followedHyperlink": "folHlink"}
_SCHEME_NAMES |= {f"accent{n}": f"accent{n}" for n in range(1, 7)}


class _Theme:
    """The document's theme colours (``word/theme/theme1.xml``, its ``a:clrScheme``), by
    which a theme colour overrides the ``w:val`` or ``w:fill`` given with it (§17.3.2.6)."""

    def __init__(self, document) -> None:
        self.scheme = dict(_DEFAULT_SCHEME)
        root = _part(document, "theme")
        scheme = None if root is None else root.find(f".//{_A}clrScheme")
        if scheme is not None:
            self.scheme = {}
            for slot in scheme:
                colour = next(iter(slot), None)
                if colour is None or len(colour):  # none, or changed by modifiers
                    continue
                if colour.tag == f"{_A}srgbClr":
                    self.scheme[slot.tag.removeprefix(_A)] = colour.get("val", "")
                elif colour.tag == f"{_A}sysClr":  # the system colour as last seen
                    self.scheme[slot.tag.removeprefix(_A)] = colour.get("lastClr", "")
        self.mapping = dict(_DEFAULT_MAPPING)
        settings = _part(document, "settings")
        mapped = None if settings is None else settings.find(f"{_W}clrSchemeMapping")
        if mapped is not None:
            self.mapping |= {k.removeprefix(_W): v for k, v in mapped.attrib.items()}

    def colour(self, element, value: str, theme: str) -> str:
        """The colour an element gives, in upper-case hex (or as given: ``auto``, ``none``):
        its ``value`` attribute, or its ``theme`` colour with its tint and shade, where it
        has one (a theme colour not known is given by its name: neither white nor none)."""
        if element is None:
            return "auto"
        name = element.get(f"{_W}{theme}")
        if name is None or name == "none":
            return (element.get(f"{_W}{value}") or "auto").upper()
        index = self.mapping.get(_MAPPED.get(name, name), name)
        rgb = self.scheme.get(_SCHEME_NAMES.get(index, ""), "").upper()
        prefix = "theme" if theme == "themeColor" else theme
        tint, shade = (element.get(f"{_W}{prefix}{k}") for k in ("Tint", "Shade"))
        try:
            return _tinted(rgb, tint, shade)
        except ValueError:
            return name


def _tinted(rgb: str, tint: str | None, shade: str | None) -> str:
    """A hex colour lightened by a tint and darkened by a shade (hex bytes: ``FF`` leaves it
    as it is), as Word applies them, to the colour's luminance."""
    import colorsys

    if len(rgb) != 6:
        raise ValueError(rgb)
    hue, light, saturation = colorsys.rgb_to_hls(
        *(int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    )
    if tint is not None:
        light = light * int(tint, 16) / 255 + 1 - int(tint, 16) / 255
    if shade is not None:
        light = light * int(shade, 16) / 255
    return "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(hue, light, saturation))


def _on(toggle) -> bool:
    return toggle.get(f"{_W}val", "true") not in ("0", "false", "off")


def _coloured(colour: str) -> bool:
    """Whether a fill or page colour is one (not none, not automatic, not white)."""
    return colour.upper() not in ("AUTO", "FFFFFF", "NONE", "")


def _shading(element, theme: _Theme) -> bool:
    """Whether shading (``w:shd``) or a highlight puts a colour behind the text."""
    if element is None:
        return False
    if element.tag == f"{_W}highlight":
        return element.get(f"{_W}val", "none") != "none"
    pattern = element.get(f"{_W}val", "clear")
    return pattern not in ("clear", "nil") or _coloured(theme.colour(element, "fill", "themeFill"))


def _properties(rpr) -> dict:
    """The properties of ``_SEEN_BY`` that a ``w:rPr`` sets, by name."""
    if rpr is None:
        return {}
    found = {}
    for name in _SEEN_BY:
        element = rpr.find(f"{_W}{name}")
        if element is not None:
            found[name] = element
    return found


class _Styles:
    """The document's styles: the run properties each gives, through its ``w:basedOn`` chain
    (the nearest style that sets a property wins), and whether a paragraph style shades."""

    def __init__(self, document) -> None:
        root = document.styles.element
        self.by_id = {s.get(f"{_W}styleId"): s for s in root.findall(f"{_W}style")}
        self.default_paragraph = next(
            (
                s.get(f"{_W}styleId")
                for s in root.findall(f"{_W}style")
                if s.get(f"{_W}type") == "paragraph" and s.get(f"{_W}default") in ("1", "true")
            ),
            None,
        )
        self.defaults = _properties(root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"))
        self.numbering = Numbering(document, self.by_id)
        self.theme = _Theme(document)
        self._resolved: dict[str | None, tuple[dict, bool]] = {}

    def of(self, style_id: str | None) -> tuple[dict, bool]:
        """The run properties a style gives, and whether it shades its paragraphs."""
        if style_id not in self._resolved:
            found: dict = {}
            shades = False
            seen: set = set()
            current = style_id
            while current is not None and current not in seen and current in self.by_id:
                seen.add(current)
                style = self.by_id[current]
                for name, element in _properties(style.find(f"{_W}rPr")).items():
                    found.setdefault(name, element)
                shades = shades or _shading(style.find(f"{_W}pPr/{_W}shd"), self.theme)
                based = style.find(f"{_W}basedOn")
                current = None if based is None else based.get(f"{_W}val")
            self._resolved[style_id] = (found, shades)
        return self._resolved[style_id]

    def paragraph(self, paragraph) -> tuple[dict, bool]:
        """What a paragraph's style gives (the default paragraph style where none is named),
        its own shading included."""
        named = paragraph.find(f"{_W}pPr/{_W}pStyle")
        style_id = self.default_paragraph if named is None else named.get(f"{_W}val")
        found, shades = self.of(style_id)
        return found, shades or _shading(paragraph.find(f"{_W}pPr/{_W}shd"), self.theme)


def _unseen(levels: list[dict], shaded: bool, theme: _Theme) -> bool:
    """A run Word does not show: hidden, at most 1 pt, or white with nothing behind it.

    ``levels``: the properties set on the run, by its character style, by its paragraph's
    style, and by the document's defaults, in that order."""
    direct, character, paragraph, defaults = levels
    if "vanish" in direct:
        hidden = _on(direct["vanish"])
    else:
        styled = [_on(level["vanish"]) for level in (character, paragraph) if "vanish" in level]
        hidden = (
            sum(styled) % 2 == 1 if styled else "vanish" in defaults and _on(defaults["vanish"])
        )
    if hidden:
        return True
    size = next((level["sz"] for level in levels if "sz" in level), None)
    half_points = "" if size is None else size.get(f"{_W}val") or ""
    if half_points.isascii() and half_points.isdigit() and int(half_points) <= 2:
        return True
    colour = next((level["color"] for level in levels if "color" in level), None)
    behind = shaded or any(
        _shading(level.get(n), theme) for level in levels for n in ("shd", "highlight")
    )
    return theme.colour(colour, "val", "themeColor") == "FFFFFF" and not behind


#: Bidirectional override (``w:bdo``) and embedding (``w:dir``) by direction: the Unicode
#: controls that say the same, resolved by :mod:`fundanalysis.text.scan.shown`.
_BIDI = {
    (f"{_W}bdo", "rtl"): "\u202e",
    (f"{_W}bdo", "ltr"): "\u202d",
    (f"{_W}dir", "rtl"): "\u202b",
    (f"{_W}dir", "ltr"): "\u202a",
}


def _runs(element):
    """The runs under ``element`` in document order, what Word does not show left out (and
    the controls of a bidirectional override or embedding around its runs, as strings)."""
    for child in element:
        if child.tag in _NOT_SHOWN:
            continue
        control = _BIDI.get((child.tag, child.get(f"{_W}val")))
        if control is not None:
            yield control
            yield from _runs(child)
            yield "\u202c"
            continue
        if child.tag == f"{_W}r":
            yield child
        yield from _runs(child)  # a text box inside a run, fields, insertions …


def _shown_runs_text(paragraph, styles: _Styles, shaded: bool) -> str:
    """The text of a Word paragraph as shown (see the module's docstring)."""
    by_paragraph, paragraph_shaded = styles.paragraph(paragraph)
    shaded = shaded or paragraph_shaded
    pieces = []
    for run in _runs(paragraph):
        if isinstance(run, str):
            pieces.append(run)
            continue
        rpr = run.find(f"{_W}rPr")
        named = None if rpr is None else rpr.find(f"{_W}rStyle")
        by_character = styles.of(None if named is None else named.get(f"{_W}val"))[0]
        levels = [_properties(rpr), by_character, by_paragraph, styles.defaults]
        if _unseen(levels, shaded, styles.theme):
            continue
        for node in run:
            if node.tag == f"{_W}t":
                pieces.append(node.text or "")
            elif node.tag == f"{_W}tab":
                pieces.append(" ")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append("\n")
    text = "".join(pieces)
    number = styles.numbering.number(paragraph)  # counted whether the text is shown or not
    return number + text if text.strip() else text


def _within(container, tag: str):
    """The children of ``container`` with ``tag``, found through content controls and custom
    XML wrapped around them (a content control's content is its ``w:sdtContent``)."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            content = child.find(f"{_W}sdtContent")
            yield from _within(content if content is not None else child, tag)


def _table_shades(table, styles: _Styles) -> bool:
    """Whether a table's own properties or its table style put shading behind its cells."""
    if _shading(table.find(f"{_W}tblPr/{_W}shd"), styles.theme):
        return True
    named = table.find(f"{_W}tblPr/{_W}tblStyle")
    style = None if named is None else styles.by_id.get(named.get(f"{_W}val"))
    return style is not None and any(_shading(s, styles.theme) for s in style.iter(f"{_W}shd"))


def _word_blocks(container, styles: _Styles, shaded: bool = False) -> list[str]:
    """Paragraphs and table rows of a Word body (or cell, or content control), in order;
    ``shaded``: whether a colour is behind them (a shaded cell, table or page)."""
    blocks: list[str] = []
    for child in container:
        if child.tag == f"{_W}p":
            blocks.append(_shown_runs_text(child, styles, shaded))
        elif child.tag == f"{_W}tbl":
            table_shaded = shaded or _table_shades(child, styles)
            for row in _within(child, f"{_W}tr"):
                if row.find(f"{_W}trPr/{_W}del") is not None:
                    continue  # a deleted row
                texts = []
                for cell in _within(row, f"{_W}tc"):  # a merged cell is one element: read once
                    cell_shaded = table_shaded or _shading(
                        cell.find(f"{_W}tcPr/{_W}shd"), styles.theme
                    )
                    texts.append(" ".join(_word_blocks(cell, styles, cell_shaded)))
                blocks.append(" ".join(texts))
        elif child.tag in (*_WRAPPERS, f"{_W}ins", f"{_W}smartTag"):
            content = child.find(f"{_W}sdtContent")
            blocks += _word_blocks(content if content is not None else child, styles, shaded)
    return blocks
