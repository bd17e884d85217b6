"""Text from a report's data into a page, as text: one function for each target.

The report's texts are input from whoever transcribed it. Each enters a page at one place,
escaped for what that place is:

- a sentence of a notebook's output is HTML built by markupsafe (:func:`sentence`), shown by
  :func:`fundanalysis.publish.present.show_text`;
- a name in a page the site writes in MyST Markdown (a heading, the index's table, the
  download page) is the content of the site's ``fa-text`` role (:func:`myst_text`), which
  MyST does not parse and Sphinx shows as it is.

Our own words in those sentences are typeset (curly quotes, dashes) as Sphinx typesets the
narrative; the report's are not: they are shown as typed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    import pandas as pd

    from fundanalysis.audit.audited import AuditedReport


#: Runs of ASCII that typesetting (below) would turn into other characters: "--" into a dash,
#: "..." into an ellipsis. In the report's text they are written as entities, kept as typed.
_TYPESET_RUNS = re.compile(r"-{2,}|\.{3,}")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]+")


def escape_text(value: object) -> Markup:
    """``value`` as HTML that shows exactly this text, also once our own words are typeset.

    markupsafe escapes what HTML would read (``<``, ``&``, quotes); backslashes, and runs of
    hyphens or full stops, are written as character references too, so that the typesetting
    of our sentences (:func:`typeset`) leaves the report's characters as they are. Line
    breaks become spaces: a sentence is one paragraph.
    """
    escaped = str(escape(_LINE_BREAKS.sub(" ", str(value)))).replace("\\", "&#92;")
    return Markup(_TYPESET_RUNS.sub(lambda m: "".join(f"&#{ord(c)};" for c in m[0]), escaped))


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_TYPESETTING = (
    (re.compile(r"---"), "—"),
    (re.compile(r"--"), "–"),
    (re.compile(r"\.\.\."), "…"),
    (re.compile(r"(?<=\w)'"), "’"),  # an apostrophe, or a closing quote after a word
    (re.compile(r"'"), "‘"),
    (re.compile(r'(?<![\w.,;:!?)\]])"|^"'), "“"),
    (re.compile(r'"'), "”"),
)


def typeset(markup: str) -> Markup:
    """Our own words set as Sphinx sets the narrative (curly quotes, dashes, ellipses), for
    sentences shown as HTML, which Sphinx does not set. Only text between tags is touched, and
    the report's text not at all: :func:`escape_text` writes its quotes, hyphen runs and full
    stops as character references."""
    parts = _TAG_OR_TEXT.split(str(markup))
    parts[::2] = [_typeset_text(part) for part in parts[::2]]
    return Markup("".join(parts))


def _typeset_text(text: str) -> str:
    for pattern, typed in _TYPESETTING:
        text = pattern.sub(typed, text)
    return text


def sentence(template: str, *values: object) -> Markup:
    """A sentence from ``template`` (our own HTML, ``{}`` for each value) with each value shown
    as text; values made by this function themselves are inserted as they are."""
    return Markup(template).format(
        *(v if isinstance(v, Markup) else escape_text(v) for v in values)
    )


def sentence_html(text: str) -> str:
    """The paragraph a sentence is shown as: our words typeset, anything not made by
    :func:`sentence` escaped as text (so plain sentences, ours, may hold the report's text)."""
    body = typeset(text) if isinstance(text, Markup) else escape_text(_typeset_text(text.strip()))
    return f'<p class="fa-sentence">{body}</p>'


def about(report: AuditedReport) -> tuple[Markup, Markup]:
    """What the report is and who issued it, built from each field, so that every field is
    shown as text; a field the report does not give leaves no empty brackets."""
    info = report.info
    documents = list(report.tables["documents"].itertuples())
    says_it = info.jurisdiction.endswith(info.jurisdiction_level or "\0")  # 满城区, 区
    level = (
        sentence("（{}）", info.jurisdiction_level)
        if info.jurisdiction_level and not says_it
        else ""
    )
    zh = sentence(
        "<strong>{}</strong>：{}{}{}{} 年度。",
        info.title,
        info.province,
        info.jurisdiction,
        level,
        info.year,
    )
    where = [part for part in (info.jurisdiction_en, info.province_en) if part]
    en = sentence(
        "<strong>{}</strong>: {}, for {}.",
        info.title_en,
        sentence(", ").join(escape_text(part) for part in where),
        info.year,
    )
    if documents:
        referenced = [isinstance(d.reference, str) for d in documents]
        zh += sentence(
            " 所依文件：{}。",
            sentence("；").join(
                sentence("{}《{}》（{}）" if ref else "{}《{}》", d.issuer, d.title, d.reference)
                for d, ref in zip(documents, referenced, strict=True)
            ),
        )
        en += sentence(
            " Documents: {}.",
            sentence("; ").join(
                sentence("{}: {} ({})" if ref else "{}: {}", d.issuer_en, d.title_en, d.reference)
                for d, ref in zip(documents, referenced, strict=True)
            ),
        )
    return zh, en


def findings(register: pd.DataFrame) -> tuple[str, str]:
    """What checking found, in a sentence per language, naming each material finding."""
    material = register[register["material"] == "重大"]
    if material.empty:
        return (
            f"核对发现 {len(register)} 处问题，均非重大。",
            f"Checking found {len(register)} inconsistencies, none of them material.",
        )
    return (
        sentence(
            "核对发现 {} 处问题，其中 {} 处重大：{}。",
            len(register),
            len(material),
            sentence("；").join(map(escape_text, material["title"])),
        ),
        sentence(
            "Checking found {} inconsistencies, {} of them material: {}.",
            len(register),
            len(material),
            sentence("; ").join(map(escape_text, material["title_en"])),
        ),
    )


def myst_text(value: object, table: bool = False) -> str:
    """``value`` as MyST that shows exactly this text: the content of the ``fa-text`` role.

    A role's content is not parsed as Markdown (no emphasis, link, image, HTML, role or math
    in it can act) and the role's node is left alone by smartquotes. Its backtick fence is
    longer than any run of backticks in the text; a text that starts or ends with a backtick
    gets a space there (a role's content cannot). In a table cell a ``|`` is escaped, the
    one character the table's row splitting reads before the role. Line breaks become spaces.
    """
    text = _LINE_BREAKS.sub(" ", str(value))
    if not text.strip():
        return ""
    if table:
        text = text.replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{{fa-text}}{fence}{text}{fence}"


def text_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """The site's ``fa-text`` role (docs/conf.py): its content as one text node, which
    smartquotes leaves alone, in a ``<span class="fa-text">``."""
    from docutils import nodes

    node = nodes.inline(rawtext, text, classes=["fa-text"])
    node["support_smartquotes"] = False
    return [node], []
