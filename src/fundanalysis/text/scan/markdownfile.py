"""The text a reader of a Markdown file sees once it is rendered, as the scan and validate read it.

Markdown source holds text that a rendered page does not show, and a figure in it is not the
report's: a link's destination and title (``[见附件](http://x.cn/?500万元)`` shows 见附件), an
image's description and address, a reference definition (``[1]: http://x.cn "500万元"``),
an HTML comment, the tags of inline HTML with their attributes, and the content of an inline
HTML element that is hidden (the ``hidden`` or ``popover`` attribute, or an inline style the
web-page reader reads as hidden: ``display: none`` and the others of
:mod:`fundanalysis.text.scan.webpage`), or never shown (``script``, ``style``, ``template``). These are taken out; every line break
stays, so line numbers are those of the file. Code spans and fenced code blocks are shown as
they are written, so nothing inside them is touched.
"""

from __future__ import annotations

import re

from fundanalysis.text.scan.webpage import style_hides

#: A comment's start, a code fence's opening line (its backticks or tildes), a backtick run.
_TOKEN = re.compile(r"<!--|^ {0,3}(?:`{3,}|~{3,})|`+", re.M)

_DESTINATION = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_IMAGE = re.compile(rf"!\[[^\]\n]*\](?:{_DESTINATION}|\[[^\]\n]*\])")
_INLINE_LINK = re.compile(rf"\[([^\]\n]*)\]{_DESTINATION}")
_REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_REFERENCE_DEFINITION = re.compile(
    r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$", re.M
)
_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTES = r"(?:\s+[^<>]*?)?"
_OPENING = re.compile(rf"<({_TAG_NAME})({_ATTRIBUTES})\s*>")
_TAG = re.compile(rf"</?{_TAG_NAME}{_ATTRIBUTES}\s*/?>")
_NEVER_SHOWN = {"script", "style", "template", "noscript", "iframe", "object", "head"}
_STYLE = re.compile(r"""\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
# the hidden attribute; a popover, which a saved page cannot open
_HIDDEN = re.compile(r"""(?:^|\s)(?:hidden|popover)(?:\s*=|\s|/|$)""", re.I)


def markdown_as_shown(text: str) -> str:
    """``text`` less what a rendered Markdown page does not show (see the module's note)."""
    out: list[str] = []
    position = 0
    while (found := _TOKEN.search(text, position)) is not None:
        out.append(_rendered(text[position : found.start()]))
        token = found.group()
        if token.startswith("<!--"):
            end = text.find("-->", found.end())
            stop = len(text) if end < 0 else end + 3
            out.append(_only_line_breaks(text[found.start() : stop]))
            position = stop
            continue
        if token.lstrip().startswith(("```", "~~~")):  # a fence: to its closing fence
            fence = token.strip()[:3]
            closing = re.compile(
                rf"^ {{0,3}}{re.escape(fence[0])}{{{len(token.strip())},}}[ \t]*$", re.M
            )
            end = closing.search(text, text.find("\n", found.end()) + 1 or len(text))
            stop = len(text) if end is None else end.end()
        else:  # a code span: to the next run of as many backticks, within its paragraph
            end = re.compile(rf"(?<!`){token}(?!`)").search(text, found.end())
            blank = text.find("\n\n", found.end())
            stop = found.end() if end is None or 0 <= blank < end.start() else end.end()
        out.append(text[found.start() : stop])
        position = stop
    out.append(_rendered(text[position:]))
    return "".join(out)


def _only_line_breaks(chunk: str) -> str:
    return "\n" * chunk.count("\n")


def _unseen(name: str, attributes: str) -> bool:
    """Whether an inline HTML element shows none of its content."""
    if name.lower() in _NEVER_SHOWN or _HIDDEN.search(attributes):
        return True
    style = _STYLE.search(attributes)
    return style is not None and style_hides(style[1] if style[1] is not None else style[2])


def _without_hidden_elements(chunk: str) -> str:
    """Hidden elements taken out with their content, to their matching closing tag (elements
    of the same name nested inside counted), or to the paragraph's end if it is not closed."""
    out: list[str] = []
    position = 0
    while (opening := _OPENING.search(chunk, position)) is not None:
        if not _unseen(opening[1], opening[2]):
            out.append(chunk[position : opening.end()])
            position = opening.end()
            continue
        out.append(chunk[position : opening.start()])
        same = re.compile(rf"<(/?){re.escape(opening[1])}(?=[\s/>])[^<>]*>", re.I)
        depth, stop = 1, None
        for tag in same.finditer(chunk, opening.end()):
            depth += -1 if tag[1] else (0 if tag[0].endswith("/>") else 1)
            if depth == 0:
                stop = tag.end()
                break
        if stop is None:
            paragraph_end = chunk.find("\n\n", opening.end())
            stop = len(chunk) if paragraph_end < 0 else paragraph_end
        out.append(_only_line_breaks(chunk[opening.start() : stop]))
        position = stop
    out.append(chunk[position:])
    return "".join(out)


def _rendered(chunk: str) -> str:
    """Markdown outside code, as it shows: link text without its destination, no images,
    reference definitions or HTML tags, and no hidden HTML content."""
    chunk = _REFERENCE_DEFINITION.sub("", chunk)
    chunk = _without_hidden_elements(chunk)
    chunk = _TAG.sub(lambda m: _only_line_breaks(m[0]), chunk)
    chunk = _IMAGE.sub("", chunk)
    chunk = _INLINE_LINK.sub(lambda m: m[1], chunk)
    return _REFERENCE_LINK.sub(lambda m: m[1], chunk)
