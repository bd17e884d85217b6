"""A Word file is read as Word shows it: styles that hide, whiten or shrink text hide it as
direct formatting does, and table rows and cells inside content controls are read."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from fundanalysis.text.scan import read_text

_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
SHOWN = "共下达资金500万元，其中：中央资金300万元，省级资金200万元。"
HIDDEN = "另下达资金7777万元。"

#: Styles every test document has: a hidden paragraph style, a character style based on a
#: hidden one, a white one, a tiny paragraph style, and a table style that shades its cells.
STYLES = """
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="HiddenPara"><w:basedOn w:val="Normal"/>
  <w:rPr><w:vanish/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="HiddenChild"><w:basedOn w:val="HiddenPara"/></w:style>
<w:style w:type="paragraph" w:styleId="TinyPara"><w:rPr><w:sz w:val="2"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="WhitePara"><w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="DarkPara"><w:pPr><w:shd w:val="clear" w:fill="1F4E79"/>
  </w:pPr></w:style>
<w:style w:type="character" w:styleId="HidChar"><w:rPr><w:vanish/></w:rPr></w:style>
<w:style w:type="character" w:styleId="HidChild"><w:basedOn w:val="HidChar"/></w:style>
<w:style w:type="character" w:styleId="White"><w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListNumber"><w:pPr><w:numPr><w:numId w:val="2"/>
  </w:numPr></w:pPr></w:style>
<w:style w:type="table" w:styleId="DarkTable"><w:tcPr><w:shd w:val="clear" w:fill="000080"/>
  </w:tcPr></w:style>
"""


def _word_file(
    path: Path,
    body: str,
    defaults: str = "",
    numbering: str = "",
    notes: dict | None = None,
    theme: str | None = None,
    mapping: str | None = None,
) -> Path:
    """A minimal .docx with ``body`` (WordprocessingML), the styles above, ``defaults``
    (the run properties of docDefaults), ``numbering`` (numbering.xml), ``notes``
    (``footnote``/``endnote``: the notes part's content), ``theme`` (the colours of a theme
    part's ``a:clrScheme``) and ``mapping`` (the attributes of the settings'
    ``w:clrSchemeMapping``), written by hand."""
    extra = {}  # the theme and the settings: part name, content type, relationship, XML
    if theme is not None:
        extra["theme"] = (
            "theme/theme1.xml",
            "application/vnd.openxmlformats-officedocument.theme+xml",
            f'<a:theme xmlns:a="{_DRAWING}" name="T"><a:themeElements><a:clrScheme name="T">'
            f"{theme}</a:clrScheme></a:themeElements></a:theme>",
        )
    if mapping is not None:
        extra["settings"] = (
            "settings.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
            f'<w:settings xmlns:w="{_NS}"><w:clrSchemeMapping {mapping}/></w:settings>',
        )
    package = "http://schemas.openxmlformats.org/package/2006"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{package}/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/>'
            f'<Override PartName="/word/numbering.xml" ContentType="{main}.numbering+xml"/>'
            + "".join(
                f'<Override PartName="/word/{kind}s.xml" ContentType="{main}.{kind}s+xml"/>'
                for kind in notes or {}
            )
            + "".join(
                f'<Override PartName="/word/{name}" ContentType="{content_type}"/>'
                for name, content_type, _ in extra.values()
            )
            + "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}/'
            f'relationships"><Relationship Id="rId1" Type="{office}/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ),
        "word/_rels/document.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}/'
            f'relationships"><Relationship Id="rId1" Type="{office}/styles" '
            f'Target="styles.xml"/><Relationship Id="rId2" Type="{office}/numbering" '
            'Target="numbering.xml"/>'
            + "".join(
                f'<Relationship Id="rId{kind}" Type="{office}/{kind}s" Target="{kind}s.xml"/>'
                for kind in notes or {}
            )
            + "".join(
                f'<Relationship Id="rId{kind}" Type="{office}/{kind}" Target="{name}"/>'
                for kind, (name, _, _) in extra.items()
            )
            + "</Relationships>"
        ),
        "word/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{_NS}">'
            f"<w:docDefaults><w:rPrDefault><w:rPr>{defaults}</w:rPr></w:rPrDefault>"
            f"</w:docDefaults>{STYLES}</w:styles>"
        ),
        "word/numbering.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{_NS}">{numbering}'
            "</w:numbering>"
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_NS}">'
            f"<w:body><w:p><w:r><w:t>{SHOWN}</w:t></w:r></w:p>{body}</w:body></w:document>"
        ),
    }
    for kind, content in (notes or {}).items():
        parts[f"word/{kind}s.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><w:{kind}s xmlns:w="{_NS}">{content}</w:{kind}s>'
        )
    for name, _, xml in extra.values():
        parts[f"word/{name}"] = f'<?xml version="1.0" encoding="UTF-8"?>{xml}'
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def _p(text: str, paragraph: str = "", run: str = "") -> str:
    return f"<w:p><w:pPr>{paragraph}</w:pPr><w:r><w:rPr>{run}</w:rPr><w:t>{text}</w:t></w:r></w:p>"


def _read(tmp_path: Path, body: str, defaults: str = "", numbering: str = "") -> str:
    return read_text(_word_file(tmp_path / "r.docx", body, defaults, numbering))


@pytest.mark.parametrize(
    "body",
    [
        _p(HIDDEN, paragraph='<w:pStyle w:val="HiddenPara"/>'),
        _p(HIDDEN, paragraph='<w:pStyle w:val="HiddenChild"/>'),  # hidden by its parent
        _p(HIDDEN, run='<w:rStyle w:val="HidChild"/>'),  # a character style's basedOn
        _p(HIDDEN, run='<w:rStyle w:val="White"/>'),
        _p(HIDDEN, paragraph='<w:pStyle w:val="WhitePara"/>'),
        _p(HIDDEN, paragraph='<w:pStyle w:val="TinyPara"/>'),
    ],
)
def test_word_text_its_styles_hide_is_not_read(tmp_path, body):
    text = _read(tmp_path, body)
    assert "7777" not in text and "500万元" in text


def test_word_text_the_document_defaults_hide_is_not_read(tmp_path):
    shown = _p("另下达资金88万元。", run='<w:vanish w:val="0"/>')  # shown again, directly
    text = _read(tmp_path, _p(HIDDEN) + shown, defaults="<w:vanish/>")
    assert "7777" not in text and "另下达资金88万元。" in text


@pytest.mark.parametrize(
    "body",
    [
        _p(HIDDEN, paragraph='<w:pStyle w:val="HiddenPara"/>', run="<w:vanish w:val='false'/>"),
        _p(HIDDEN, paragraph='<w:pStyle w:val="WhitePara"/>', run='<w:color w:val="000000"/>'),
        _p(HIDDEN, paragraph='<w:pStyle w:val="DarkPara"/>', run='<w:rStyle w:val="White"/>'),
        _p(
            HIDDEN,
            paragraph='<w:shd w:val="clear" w:fill="333333"/>',
            run='<w:color w:val="FFFFFF"/>',
        ),
        # the hidden toggle set by both the paragraph style and the character style cancels out
        _p(HIDDEN, paragraph='<w:pStyle w:val="HiddenPara"/>', run='<w:rStyle w:val="HidChar"/>'),
        # white in a cell shaded dark, directly or by the table's style
        "<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val='clear' w:fill='1F4E79'/></w:tcPr>"
        + _p(HIDDEN, run='<w:color w:val="FFFFFF"/>')
        + "</w:tc></w:tr></w:tbl>",
        "<w:tbl><w:tblPr><w:tblStyle w:val='DarkTable'/></w:tblPr><w:tr><w:tc>"
        + _p(HIDDEN, run='<w:color w:val="FFFFFF"/>')
        + "</w:tc></w:tr></w:tbl>",
    ],
)
def test_word_text_a_reader_sees_whatever_its_styles_is_read(tmp_path, body):
    assert HIDDEN in _read(tmp_path, body)


#: Office's theme colours, as a theme part gives them (the light ones by the system colour).
OFFICE = (
    '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
    '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
    '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>'
    '<a:accent1><a:srgbClr val="4472C4"/></a:accent1>'
)
#: A dark theme: its "background" is black and its "text" white.
DARK = (
    '<a:dk1><a:srgbClr val="FFFFFF"/></a:dk1><a:lt1><a:srgbClr val="000000"/></a:lt1>'
    '<a:dk2><a:srgbClr val="FFFFFF"/></a:dk2><a:lt2><a:srgbClr val="000000"/></a:lt2>'
)


def _coloured(text: str, colour: str, shading: str = "") -> str:
    """A paragraph of one run in a colour (``w:color``'s attributes) over ``shading``."""
    return _p(text, run=f"<w:color {colour}/>{shading}")


@pytest.mark.parametrize(
    ("body", "theme", "mapping"),
    [
        # the theme's colour, not w:val: white in Office's theme (none given, or the part's)
        (_coloured(HIDDEN, 'w:val="000000" w:themeColor="background1"'), None, None),
        (_coloured(HIDDEN, 'w:val="000000" w:themeColor="background1"'), OFFICE, None),
        (_coloured(HIDDEN, 'w:val="000000" w:themeColor="light1"'), OFFICE, None),
        (_coloured(HIDDEN, 'w:themeColor="text1" w:themeTint="00"'), OFFICE, None),  # all tint
        (_coloured(HIDDEN, 'w:val="000000" w:themeColor="text1"'), DARK, None),
        (_coloured(HIDDEN, 'w:themeColor="text1"'), OFFICE, 'w:t1="light1" w:bg1="dark1"'),
        # shading whose theme fill is white puts nothing behind white text
        (
            _coloured(HIDDEN, 'w:val="FFFFFF"', '<w:shd w:val="clear" w:themeFill="background1"/>'),
            OFFICE,
            None,
        ),
    ],
)
def test_word_text_in_a_theme_colour_of_white_is_not_read(tmp_path, body, theme, mapping):
    text = read_text(_word_file(tmp_path / "r.docx", body, theme=theme, mapping=mapping))
    assert "7777" not in text and "500万元" in text


@pytest.mark.parametrize(
    ("body", "theme", "mapping"),
    [
        (_coloured(HIDDEN, 'w:val="FFFFFF" w:themeColor="text1"'), None, None),
        (_coloured(HIDDEN, 'w:val="FFFFFF" w:themeColor="text1"'), OFFICE, None),
        (_coloured(HIDDEN, 'w:val="FFFFFF" w:themeColor="background1"'), DARK, None),
        (_coloured(HIDDEN, 'w:themeColor="background1" w:themeShade="BF"'), OFFICE, None),
        (_coloured(HIDDEN, 'w:themeColor="text1" w:themeTint="99"'), OFFICE, None),
        (_coloured(HIDDEN, 'w:themeColor="background1"'), OFFICE, 'w:bg1="dark1" w:t1="light1"'),
        (_coloured(HIDDEN, 'w:themeColor="accent2"'), OFFICE, None),  # not in the theme: read
        # white text on shading in a theme colour
        (
            _coloured(HIDDEN, 'w:val="FFFFFF"', '<w:shd w:val="clear" w:themeFill="accent1"/>'),
            OFFICE,
            None,
        ),
        (
            _coloured(HIDDEN, 'w:val="FFFFFF"', '<w:shd w:val="clear" w:themeFill="text2"/>'),
            None,
            None,
        ),
    ],
)
def test_word_text_in_a_theme_colour_that_shows_is_read(tmp_path, body, theme, mapping):
    assert HIDDEN in read_text(_word_file(tmp_path / "r.docx", body, theme=theme, mapping=mapping))


def _cell(text: str) -> str:
    return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


@pytest.mark.parametrize(
    "row",
    [
        "<w:sdt><w:sdtPr/><w:sdtContent><w:tr>{a}{b}</w:tr></w:sdtContent></w:sdt>",
        "<w:tr>{a}<w:sdt><w:sdtPr/><w:sdtContent>{b}</w:sdtContent></w:sdt></w:tr>",
        '<w:customXml w:element="row"><w:tr>{a}<w:customXml w:element="c">{b}</w:customXml>'
        "</w:tr></w:customXml>",
    ],
)
def test_table_rows_and_cells_inside_content_controls_are_read(tmp_path, row):
    table = (
        f"<w:tbl><w:tr>{_cell('项目')}{_cell('金额')}</w:tr>"
        + row.format(a=_cell("另下达资金"), b=_cell("7777万元"))
        + "</w:tbl>"
    )
    assert "另下达资金 7777万元" in _read(tmp_path, table).splitlines()


def test_a_deleted_table_row_is_not_read(tmp_path):
    table = (
        f"<w:tbl><w:tr>{_cell('项目')}{_cell('金额')}</w:tr>"
        f'<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>{_cell("另下达资金")}'
        f"{_cell('7777万元')}</w:tr></w:tbl>"
    )
    text = _read(tmp_path, table)
    assert "7777" not in text and "项目 金额" in text


def _level(ilvl: int, fmt: str, text: str, suffix: str = "nothing", start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/></w:lvl>'
    )


NUMBERING = (
    '<w:abstractNum w:abstractNumId="1">'
    + _level(0, "chineseCounting", "%1、")
    + _level(1, "chineseCounting", "（%2）")
    + _level(2, "decimal", "%3.", suffix="tab")
    + '</w:abstractNum><w:abstractNum w:abstractNumId="2">'
    + _level(0, "decimal", "%1.")
    + '</w:abstractNum><w:abstractNum w:abstractNumId="3">'
    + _level(0, "bullet", "•")
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
)


def _numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    numbered = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return _p(text, paragraph=numbered)


def test_word_list_numbers_are_read_before_their_paragraphs(tmp_path):
    body = (
        _numbered("资金情况", 1)
        + _numbered("中央资金", 1, 1)
        + _numbered("省级资金", 1, 1)
        + _numbered("到位", 1, 2)
        + _numbered("项目情况", 1)
        + _numbered("产业项目", 1, 1)  # restarts under a new number above it
        + _numbered("第十节", 4)  # a list of its own, starting at 10
        + _numbered("第十一节", 4)
        + _numbered("要点", 3)  # a bullet: no text
        + _p("资金安排", paragraph='<w:pStyle w:val="ListNumber"/>')  # numbered by its style
        + _p("资金使用", paragraph='<w:pStyle w:val="ListNumber"/>')
    )
    lines = _read(tmp_path, body, numbering=NUMBERING).split("\n\n")[1:]
    assert lines == [
        "一、资金情况",
        "（一）中央资金",
        "（二）省级资金",
        "1. 到位",
        "二、项目情况",
        "（一）产业项目",
        "十、第十节",
        "十一、第十一节",
        "要点",
        "1.资金安排",
        "2.资金使用",
    ]


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (10, "chineseCounting", "十"),
        (21, "chineseCounting", "二十一"),
        (105, "chineseCounting", "一百零五"),
        (3, "chineseLegalSimplified", "叁"),
        (105, "ideographDigital", "一〇五"),
        (2, "ideographTraditional", "乙"),
        (4, "upperRoman", "IV"),
        (3, "decimalEnclosedCircle", "③"),
        (7, "decimalFullWidth", "７"),
    ],
)
def test_word_number_formats(n, fmt, shown):
    from fundanalysis.text.scan.wordnumbers import formatted

    assert formatted(n, fmt) == shown


def _note(kind: str, number: str, text: str, type_: str = "normal") -> str:
    ref = f"<w:r><w:{kind}Ref/></w:r>" if type_ == "normal" else "<w:r><w:separator/></w:r>"
    return (
        f'<w:{kind} w:type="{type_}" w:id="{number}"><w:p>{ref}'
        f"<w:r><w:t>{text}</w:t></w:r></w:p></w:{kind}>"
    )


def test_footnotes_and_endnotes_are_read_after_the_body(tmp_path):
    """Word prints the notes the body refers to (footnotes at the foot of the page, endnotes at
    the end): they are read after the body, in the order referred to; the separator is not a
    note, nor is a note whose reference was deleted, and the reference marks are not read."""
    ref = '<w:p><w:r><w:t>见注</w:t></w:r><w:r><w:{0}Reference w:id="{1}"/></w:r></w:p>'
    body = (
        ref.format("endnote", 1)
        + ref.format("footnote", 2)
        + ref.format("footnote", 1)
        + '<w:p><w:del><w:r><w:footnoteReference w:id="3"/></w:r></w:del></w:p>'
    )
    notes = {
        "footnote": _note("footnote", "-1", "8888", "separator")
        + _note("footnote", "1", "其中县级资金100万元。")
        + _note("footnote", "2", "结转资金20万元。")
        + _note("footnote", "3", HIDDEN),
        "endnote": _note("endnote", "1", "附记：共42个项目。"),
    }
    text = read_text(_word_file(tmp_path / "r.docx", body, notes=notes))
    assert text.endswith("见注\n\n结转资金20万元。\n\n其中县级资金100万元。\n\n附记：共42个项目。")
    assert "8888" not in text and "7777" not in text


def test_a_right_to_left_override_is_read_as_word_shows_it(tmp_path):
    """``w:bdo w:val="rtl"`` shows its runs' characters reversed; an embedding around digits
    (``w:dir``) is refused, its order not certain."""
    from fundanalysis.text.scan import InputError

    run = "<w:r><w:t>{}</w:t></w:r>"
    body = f'<w:p>{run.format("另下达资金")}<w:bdo w:val="rtl">{run.format("7778")}</w:bdo>'
    body += f"{run.format('万元。')}</w:p>"
    text = _read(tmp_path, body)
    assert "另下达资金8777万元。" in text and "7778" not in text
    with pytest.raises(InputError, match="right-to-left"):
        _read(tmp_path, body.replace("w:bdo", "w:dir"))
