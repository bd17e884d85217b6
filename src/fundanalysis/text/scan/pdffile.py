"""The text of a PDF page as a reader sees it: pypdf's text, less what is not drawn visibly.

Left out: text drawn off the page (outside its crop box); text whose render mode paints
only what is white or fully transparent (PDF 32000 §9.3.6: modes 0 and 4 fill, 1 and 5
stroke, 2 and 6 both): white set by ``g``/``rg``/``k`` (``G``/``RG``/``K``), or by
``sc``/``scn`` (``SC``/``SCN``) in a gray, RGB or CMYK space, a tint of 0 in a Separation or
DeviceN space (no ink), an ExtGState ``/ca 0`` (``/CA 0``); text in an invisible render mode
(``3 Tr``, ``7 Tr``); under a clip to nothing (``0 0 0 0 re W n``); at most 1 pt high (font
size through the text matrix, CTM and form matrix: as a .docx run of at most 1 pt) or
squeezed to 1 % of its height (``1 Tz``); in an optional-content layer the default view
turns off (marked content ``/OC /name BDC … EMC`` or a form with ``/OC``, whose group or
membership dictionary is off by the catalog's ``/OCProperties /D``: §8.11.4); and text wholly
outside a rectangular clip (one ``re`` then ``W n``, the matrices axis-aligned: above it,
below it, or begun right of it). The graphics state is saved and restored with ``q``/``Q``
and around a Form XObject, and a form's ``/Matrix`` is composed into the place of its text
(pypdf's visitor reports it in the form's own space). Invisible text on a page that also
draws an image is read: it is the text layer of a scan (OCR), which the image shows. Where
the place, the size or the colour cannot be known for certain, the text is read (a Type 3
font's own matrix is not followed; a tint transform other than an exponential one is taken
to give no ink at 0, as §8.6.6.4 means it). Not followed: what is painted over text later (a
white rectangle on it), which would need each glyph's extent and all that is drawn after it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

#: White, the colour a page's paper does not show, by the colour space's components.
_WHITE = {1: (1.0,), 3: (1.0, 1.0, 1.0), 4: (0.0, 0.0, 0.0, 0.0)}
#: The operators that set the fill or stroke colour in a device space, and its components.
_DEVICE_COLOUR = {b"g": ("fill", 1), b"rg": ("fill", 3), b"k": ("fill", 4)}
_DEVICE_COLOUR |= {b"G": ("stroke", 1), b"RG": ("stroke", 3), b"K": ("stroke", 4)}
_SPACE_SETS = {b"cs": "fill", b"CS": "stroke"}
_COLOUR_SETS = {b"sc": "fill", b"scn": "fill", b"SC": "stroke", b"SCN": "stroke"}
_DEVICE_SPACES = {"/DeviceGray": 1, "/G": 1, "/DeviceRGB": 3, "/RGB": 3}
_DEVICE_SPACES |= {"/DeviceCMYK": 4, "/CMYK": 4, "/CalGray": 1, "/CalRGB": 3}
#: What each text render mode paints (PDF 32000 §9.3.6; 3 and 7 paint nothing).
_PAINTS = {0: ("fill",), 1: ("stroke",), 2: ("fill", "stroke"), 4: ("fill",), 5: ("stroke",)}
_PAINTS |= {6: ("fill", "stroke")}
#: Operators that end a path (painting it, or not): a pending clip takes effect.
_PATH_ENDS = {b"n", b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
_PATH_DRAWS = {b"m", b"l", b"c", b"v", b"y", b"h"}

#: The operators that show text: the state each is drawn in is the state of its text.
_SHOWS = {b"Tj", b"TJ", b"'", b'"'}

_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class _State:
    """What of the graphics state decides whether text is seen."""

    # white in the fill colour space (None: a space not known), whether the fill is white
    fill_space: tuple[float, ...] | None = (1.0,)
    fill_white: bool = False
    fill_clear: bool = False  # fill alpha 0
    stroke_space: tuple[float, ...] | None = (1.0,)  # the same for the stroke colour
    stroke_white: bool = False
    stroke_clear: bool = False  # stroke alpha 0
    mode: float = 0  # the text render mode
    clipped: bool = False  # a clip to nothing
    scaling: float = 100.0  # the horizontal scaling (``Tz``), in per cent
    size: float | None = None  # the font size (None: not known, or a Type 3 font's)
    tiny: bool = False  # shown at most 1 pt high, or squeezed (see :func:`_tiny`)
    off: bool = False  # in a form of an optional-content group that is off
    clip: tuple[float, ...] | None = None  # the clip's bounding box on the page, where known

    def verdict(self) -> str:
        """Whether text drawn in this state is ``shown``, ``hidden``, or ``invisible`` (render
        mode 3 or 7, kept where the page is a scan). Text is hidden by colour only where all
        its render mode paints is white or transparent: the fill, the stroke, or both."""
        if self.clipped or self.tiny or self.off:
            return "hidden"
        if self.mode in (3, 7):
            return "invisible"
        paints = _PAINTS.get(self.mode, ())  # a mode not known: shown
        unseen = {
            "fill": self.fill_white or self.fill_clear,
            "stroke": self.stroke_white or self.stroke_clear,
        }
        return "hidden" if paints and all(unseen[p] for p in paints) else "shown"


def _tiny(state: _State, tm, cm, matrix) -> bool:
    """Whether text is drawn at most 1 pt high (as a .docx run of at most 1 pt) or squeezed
    to at most 1 % of its height (``Tz`` 1 or less): its font size through the text matrix,
    the CTM and the form's matrix (§9.4.4). A Type 3 font's own matrix is not followed."""
    if state.size == 0 or state.scaling == 0:
        return True
    if state.size is None or matrix is None:
        return False
    m = _multiply(_multiply(tuple(tm), tuple(cm)), matrix)
    height = abs(state.size) * math.hypot(m[2], m[3])
    width = abs(state.size * state.scaling / 100) * math.hypot(m[0], m[1])
    return height <= 1 or width <= height / 100 + 1e-9


def _marked_off(operands, resources, off: set) -> bool:
    """Whether marked content ``/OC /name BDC`` is in an optional-content group that is off."""
    if len(operands) < 2 or str(operands[0]) != "/OC" or not off:
        return False
    try:
        return _is_off(_resolved(resources["/Properties"]).raw_get(str(operands[1])), off)
    except (AttributeError, KeyError, TypeError):
        return False


def _numbers(operands) -> list[float] | None:
    try:
        return [float(v) for v in operands]
    except (TypeError, ValueError):
        return None


def _multiply(first, second) -> tuple[float, ...]:
    """``first`` then ``second``: the product of two PDF matrices ``[a b c d e f]``."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _resolved(value):
    return value.get_object() if hasattr(value, "get_object") else value


def _white_in(space, resources) -> tuple[float, ...] | None:
    """White in a colour space set with ``cs`` or ``CS``, where it is a device space or one
    like it (ICC-based, calibrated), or no ink (a tint of 0 for each colorant) in a
    Separation or DeviceN space; None for any other (pattern, indexed …)."""
    try:
        space = _resolved(space)
        if str(space) in _DEVICE_SPACES:
            return _WHITE[_DEVICE_SPACES[str(space)]]
        named = _resolved(_resolved(resources.get("/ColorSpace", {})).get(str(space)))
        if named is not None and not isinstance(named, list):
            return _WHITE.get(_DEVICE_SPACES.get(str(named)))
        if named is not None and str(named[0]) == "/ICCBased":
            return _WHITE.get(int(_resolved(named[1]).get("/N", 0)))
        if named is not None and str(named[0]) in ("/Separation", "/DeviceN"):
            return _no_ink(named, resources)
        if named is not None:
            return _WHITE.get(_DEVICE_SPACES.get(str(named[0])))
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        pass
    return None


def _no_ink(space, resources) -> tuple[float, ...] | None:
    """A tint of 0 for each colorant of a Separation or DeviceN space: no ink (§8.6.6.4),
    unless its tint transform is an exponential function (type 2) whose value at 0 is not
    white in the alternate space, as a viewer shows it (then None: not known as white)."""
    names = _resolved(space[1])
    zeros = (0.0,) * (len(names) if isinstance(names, list) else 1)
    function = _resolved(space[3])
    if hasattr(function, "get") and function.get("/FunctionType") == 2 and len(zeros) == 1:
        at_zero = tuple(float(v) for v in _resolved(function.get("/C0", [0.0])))
        if at_zero != _white_in(space[2], resources):
            return None
    return zeros


def _font_size(operands, resources) -> float | None:
    """The font size ``Tf`` sets; None where it is not known, or the font is a Type 3 font,
    whose own matrix may make any size large (a size of 0 is 0 in every font)."""
    size = (_numbers(operands[1:2]) or [None])[0]
    if size == 0:
        return 0.0
    try:
        font = _resolved(_resolved(resources["/Font"])[str(operands[0])])
        return None if str(font.get("/Subtype")) == "/Type3" else size
    except (AttributeError, KeyError, TypeError):
        return None


@dataclass
class _Frame:
    """A content stream being read: the page's or a Form XObject's."""

    resources: object
    matrix: tuple[float, ...] | None  # from its space to the page's (None: not known)
    state: _State
    saved: list


def _off_groups(page) -> set:
    """The optional-content groups the document's default view turns off (``/OCProperties
    /D``: its ``/OFF`` list, or every group but its ``/ON`` list where ``/BaseState /OFF``),
    by object number."""
    try:
        properties = _resolved(page.pdf.trailer["/Root"]).get("/OCProperties")
        if properties is None:
            return set()
        properties = _resolved(properties)
        default = _resolved(properties["/D"])
        numbers = lambda key, where: {  # noqa: E731
            ref.idnum for ref in _resolved(where.get(key, [])) if hasattr(ref, "idnum")
        }
        if str(default.get("/BaseState", "/ON")) == "/OFF":
            return numbers("/OCGs", properties) - numbers("/ON", default)
        return numbers("/OFF", default)
    except (AttributeError, KeyError, TypeError, ValueError):
        return set()


def _is_off(reference, off: set) -> bool:
    """Whether an optional-content group, or a membership dictionary (``/OCMD``, visible
    where any of its groups is on, or all are with ``/P /AllOn``), is off for certain."""
    if not off or not hasattr(reference, "idnum"):
        return False
    if reference.idnum in off:
        return True
    try:
        member = _resolved(reference)
        if str(member.get("/Type")) != "/OCMD" or "/VE" in member:
            return False
        groups = _resolved(member.get("/OCGs", []))
        groups = [groups.indirect_reference] if hasattr(groups, "get") else list(groups)
        states = [getattr(g, "idnum", None) in off for g in groups]
        policy = str(member.get("/P", "/AnyOn"))
        return bool(states) and (
            all(states) if policy == "/AnyOn" else policy == "/AllOn" and any(states)
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return False


def _axis_aligned(*matrices) -> bool:
    return all(m is not None and m[1] == 0 and m[2] == 0 for m in matrices)


def _clip_box(rect, cm, matrix) -> tuple[float, ...] | None:
    """A clip rectangle ``[x y w h]`` on the page, where the matrices keep it one."""
    if rect is None or len(rect) != 4 or not _axis_aligned(cm, matrix):
        return None
    m = _multiply(cm, matrix)
    xs = (m[0] * rect[0] + m[4], m[0] * (rect[0] + rect[2]) + m[4])
    ys = (m[3] * rect[1] + m[5], m[3] * (rect[1] + rect[3]) + m[5])
    return (min(xs), min(ys), max(xs), max(ys))


def _within(box, clip) -> tuple[float, ...]:
    """The intersection of two boxes (a clip inside a clip); empty boxes stay empty."""
    if clip is None:
        return box
    return (max(box[0], clip[0]), max(box[1], clip[1]), min(box[2], clip[2]), min(box[3], clip[3]))


def _outside(clip, x: float, y: float, height: float, one_show: bool) -> bool:
    """Whether text set from ``(x, y)`` on its baseline, ``height`` high, lies wholly outside
    a clip: above it, below it, or (``one_show``: drawn by one operator, which runs to the
    right) begun right of it."""
    return (
        y + height < clip[1] - 1 or y - 0.3 * height > clip[3] + 1 or (one_show and x > clip[2] + 1)
    )


def shown_page_text(page) -> str:
    """A PDF page's text as pypdf extracts it, less what a reader cannot see (see the
    module's docstring). Where the pieces pypdf reports do not make up its text exactly,
    its text is taken whole (nothing is dropped on a guess)."""
    box = page.cropbox
    left, bottom, right, top = (float(v) for v in (box.left, box.bottom, box.right, box.top))
    frames = [_Frame(_resolved(page.get("/Resources", {})), _IDENTITY, _State(), [])]
    entering: list = []  # a form being entered: its first operator starts its frame
    path: dict = {"rects": [], "other": False, "clip": False}
    images = [False]
    drawn: list[_State] = []  # the states text was shown in since pypdf last reported a piece
    every: list[str] = []
    pieces: list[tuple[str, str]] = []  # each piece: shown, hidden, or invisible (mode 3)
    off = _off_groups(page)
    marked: list[bool] = []  # marked content open: whether it is in a group that is off

    def enter_form(name, cm) -> None:
        frame = frames[-1]
        try:
            form = _resolved(_resolved(frame.resources["/XObject"])[str(name)])
            if str(form.get("/Subtype")) == "/Image":
                images[0] = True  # no operators follow: its entry is dropped after the Do
            matrix = tuple(float(v) for v in form.get("/Matrix", _IDENTITY))
            own = _resolved(form.get("/Resources")) or frame.resources
        except (AttributeError, KeyError, TypeError, ValueError):
            images[0] = True  # what it draws is not known: perhaps a scan's image
            matrix, own = None, frame.resources
        if len(matrix or _IDENTITY) != 6:
            matrix = None
        state = frame.state
        try:
            if _is_off(form.raw_get("/OC"), off):
                state = replace(state, off=True)  # a form in a group that is off
        except (AttributeError, KeyError, NameError):
            pass
        placed = None
        if matrix is not None and frame.matrix is not None:
            placed = _multiply(_multiply(matrix, tuple(float(v) for v in cm)), frame.matrix)
        entering.append(_Frame(own, placed, state, []))

    def operator(op, operands, cm, tm) -> None:
        if entering:
            frames.append(entering.pop())
        frame = frames[-1]
        state = frame.state
        if op == b"Do" and operands:
            enter_form(operands[0], cm)
        elif op == b"INLINE IMAGE":
            images[0] = True
        elif op == b"q":
            frame.saved.append(state)
        elif op == b"Q" and frame.saved:
            state = frame.saved.pop()
        elif op in _DEVICE_COLOUR:
            side, count = _DEVICE_COLOUR[op]
            values = _numbers(operands)
            white = values is not None and tuple(values) == _WHITE[count]
            state = replace(state, **{f"{side}_space": _WHITE[count], f"{side}_white": white})
        elif op in _SPACE_SETS and operands:
            side = _SPACE_SETS[op]  # the initial colour: black, or a tint of 1
            space = _white_in(operands[0], frame.resources)
            state = replace(state, **{f"{side}_space": space, f"{side}_white": False})
        elif op in _COLOUR_SETS:
            side = _COLOUR_SETS[op]
            values, white = _numbers(operands), getattr(state, f"{side}_space")
            seen = values is None or white is None or tuple(values) != white
            state = replace(state, **{f"{side}_white": not seen})
        elif op == b"gs" and operands:
            try:
                graphics = _resolved(_resolved(frame.resources["/ExtGState"])[str(operands[0])])
                if "/ca" in graphics:
                    state = replace(state, fill_clear=float(graphics["/ca"]) == 0)
                if "/CA" in graphics:
                    state = replace(state, stroke_clear=float(graphics["/CA"]) == 0)
                if "/Font" in graphics:
                    state = replace(state, size=None)  # a size set here is not followed
            except (AttributeError, KeyError, TypeError, ValueError):
                pass
        elif op == b"Tr" and operands:
            state = replace(state, mode=(_numbers(operands[:1]) or [0.0])[0])
        elif op == b"Tz" and operands:
            state = replace(state, scaling=(_numbers(operands[:1]) or [100.0])[0])
        elif op == b"Tf" and len(operands) > 1:
            state = replace(state, size=_font_size(operands, frame.resources))
        elif op in _SHOWS:
            drawing = replace(state, tiny=_tiny(state, tm, cm, frame.matrix))
            drawn.append(replace(drawing, off=True) if any(marked) else drawing)
        elif op in (b"BDC", b"BMC"):
            marked.append(op == b"BDC" and _marked_off(operands, frame.resources, off))
        elif op == b"EMC" and marked:
            marked.pop()
        elif op == b"re":
            rect = _numbers(operands)
            path["rects"].append(rect)
            path["other"] |= rect is None or len(rect) != 4
        elif op in _PATH_DRAWS:
            path["other"] = True
        elif op in (b"W", b"W*"):
            path["clip"] = True
        elif op in _PATH_ENDS:
            rects = path["rects"]
            if path["clip"] and rects and not path["other"] and all(0 in r[2:] for r in rects):
                state = replace(state, clipped=True)  # a clip to rectangles of no area
            elif path["clip"] and len(rects) == 1 and not path["other"]:
                box = _clip_box(rects[0], tuple(cm), frame.matrix)
                if box is not None:  # a clip not known to be one rectangle narrows nothing
                    state = replace(state, clip=_within(box, state.clip))
            path.update(rects=[], other=False, clip=False)
        frame.state = state

    def after(op, operands, cm, tm) -> None:
        if op == b"Do":
            if entering:
                entering.pop()  # an image, or a form that drew nothing
            elif len(frames) > 1:
                frames.pop()

    def text(piece, cm, tm, font, size) -> None:
        every.append(piece)
        if not piece.strip():
            pieces.append((piece, "shown"))  # line breaks are kept, whatever their place
            return
        frame = frames[-1]
        # pypdf reports a piece when a line ends, after the operators that follow it: the
        # piece is hidden only if every state it was shown in hides it
        states = list(drawn) or [frame.state]
        verdicts = {state.verdict() for state in states}
        drawn.clear()
        verdict = next(v for v in ("shown", "invisible", "hidden") if v in verdicts)
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        on_page = True
        if frame.matrix is not None:
            m = frame.matrix
            x, y = m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]
            on_page = left - 1 <= x <= right + 1 and bottom - 1 <= y <= top + 1
            if _axis_aligned(tuple(cm), tuple(tm), m) and all(s.clip for s in states):
                height = abs(float(size) * tm[3] * cm[3] * m[3])
                one = len(states) == 1
                on_page &= not all(_outside(s.clip, x, y, height, one) for s in states)
        pieces.append((piece, verdict if on_page else "hidden"))

    whole = (
        page.extract_text(
            visitor_operand_before=operator, visitor_operand_after=after, visitor_text=text
        )
        or ""
    )
    if "".join(every) != whole:
        return whole
    seen = ("shown", "invisible") if images[0] else ("shown",)
    return "".join(piece for piece, verdict in pieces if verdict in seen)
