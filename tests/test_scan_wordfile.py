"""A Word file is read as Word shows it: styles that hide, whiten or shrink text hide it as
direct formatting does, and table rows and cells inside content controls are read."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from fundanalysis.text.scan import read_text

_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
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
<w:style w:type="table" w:styleId="DarkTable"><w:tcPr><w:shd w:val="clear" w:fill="000080"/>
  </w:tcPr></w:style>
"""


def _word_file(path: Path, body: str, defaults: str = "") -> Path:
    """A minimal .docx with ``body`` (WordprocessingML), the styles above and ``defaults``
    (the run properties of docDefaults), written by hand."""
    package = "http://schemas.openxmlformats.org/package/2006"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{package}/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            f'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}/'
            f'relationships"><Relationship Id="rId1" Type="{office}/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ),
        "word/_rels/document.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}/'
            f'relationships"><Relationship Id="rId1" Type="{office}/styles" '
            'Target="styles.xml"/></Relationships>'
        ),
        "word/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{_NS}">'
            f"<w:docDefaults><w:rPrDefault><w:rPr>{defaults}</w:rPr></w:rPrDefault>"
            f"</w:docDefaults>{STYLES}</w:styles>"
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_NS}">'
            f"<w:body><w:p><w:r><w:t>{SHOWN}</w:t></w:r></w:p>{body}</w:body></w:document>"
        ),
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def _p(text: str, paragraph: str = "", run: str = "") -> str:
    return f"<w:p><w:pPr>{paragraph}</w:pPr><w:r><w:rPr>{run}</w:rPr><w:t>{text}</w:t></w:r></w:p>"


def _read(tmp_path: Path, body: str, defaults: str = "") -> str:
    return read_text(_word_file(tmp_path / "r.docx", body, defaults))


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
