"""A PDF page is read as a reader sees it: text in white however the colour is set (filled,
stroked, or in no ink), in an invisible render mode, under a clip to nothing, at most 1 pt
high or squeezed to nothing is left out; text a Form XObject places on the page is read, and
so is the invisible text layer of a scan."""

from __future__ import annotations

from pathlib import Path

import pytest

from fundanalysis.text.scan import read_text

SHOWN = "共下达资金500万元，其中：中央资金300万元，省级资金200万元。"
HIDDEN = "另下达资金7777万元。"
CHARS = sorted(set(SHOWN + HIDDEN + "一、资金安排8"))
CID = {ch: i + 1 for i, ch in enumerate(CHARS)}


def hexed(text: str) -> str:
    return "<" + "".join(f"{CID[ch]:04X}" for ch in text) + ">"


def pdf_file(
    path: Path, content: str, resources: str = "", objects: tuple = (), catalog: str = ""
) -> Path:
    """A one-page PDF with a CID font (no font program: the text layer is exact) whose page
    draws ``content``; ``resources`` go into the page's resources, ``objects`` are numbered
    from 9 on, ``catalog`` goes into the catalog."""
    cmap = "\n".join(
        [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CMapName /Custom def /CMapType 2 def",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange",
            f"{len(CHARS)} beginbfchar",
            *(f"<{CID[ch]:04X}> <{ord(ch):04X}>" for ch in CHARS),
            "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
        ]
    ).encode()
    stream = content.encode()
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog.encode() + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> " + resources.encode() + b" >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Custom /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Custom /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 8 0 R /DW 1000 >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /FontDescriptor /FontName /Custom /Flags 4 /FontBBox [0 0 1000 1000] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
        *objects,
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def stream(data: str, entries: str = "") -> bytes:
    """A stream object of ``data`` (Latin-1: one byte a character) with ``entries``."""
    body = data.encode("latin-1")
    return b"<< %s /Length %d >>\nstream\n" % (entries.encode(), len(body)) + body + b"\nendstream"


def page(before: str) -> str:
    """The shown sentence, then the hidden one drawn after ``before``, then shown text again."""
    return (
        f"BT /F1 12 Tf 50 800 Td {hexed(SHOWN)} Tj ET\n"
        f"q {before} BT /F1 12 Tf 50 700 Td {hexed(HIDDEN)} Tj ET Q\n"
        f"BT /F1 12 Tf 50 600 Td {hexed('一、资金安排')} Tj ET"
    )


ICC = stream("0" * 16, "/N 3")
#: A spot colour (and two, DeviceN) whose tint 0 is no ink, and one that shows black at 0.
SPOT = "/ColorSpace << /CS0 [/Separation /Spot /DeviceCMYK 9 0 R] >>"
SPOTS = "/ColorSpace << /CS0 [/DeviceN [/Spot1 /Spot2] /DeviceCMYK 9 0 R] >>"
NO_INK = b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0 0 1] /N 1 >>"
BLACK_AT_0 = b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 1] /C1 [0 0 0 0] /N 1 >>"
CALCULATOR = stream(
    "{pop pop 0 0 0 1}", "/FunctionType 4 /Domain [0 1 0 1] /Range [0 1 0 1 0 1 0 1]"
)
IMAGE = stream(
    "\xff",
    "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
)


@pytest.mark.parametrize(
    ("before", "resources", "objects"),
    [
        ("1 1 1 rg", "", ()),
        ("/DeviceRGB cs 1 1 1 sc", "", ()),
        ("/DeviceRGB cs 1 1 1 scn", "", ()),
        ("/DeviceGray cs 1 sc", "", ()),
        ("/DeviceCMYK cs 0 0 0 0 scn", "", ()),
        ("/CS0 cs 1 1 1 scn", "/ColorSpace << /CS0 [/ICCBased 9 0 R] >>", (ICC,)),
        ("/GS0 gs", "/ExtGState << /GS0 << /ca 0 >> >>", ()),
        ("3 Tr", "", ()),
        ("7 Tr", "", ()),
        ("0 0 0 0 re W n", "", ()),
        ("0 Tz", "", ()),
        ("1 Tz", "", ()),  # 1 % of its height wide
        ("0.05 0 0 0.05 0 0 cm", "", ()),  # 0.6 pt high
        ("1 1 1 RG 1 Tr", "", ()),  # stroked only, in white
        ("1 G 1 Tr", "", ()),
        ("0 0 0 0 K 5 Tr", "", ()),
        ("/DeviceRGB CS 1 1 1 SCN 1 Tr", "", ()),
        ("/GS0 gs 1 Tr", "/ExtGState << /GS0 << /CA 0 >> >>", ()),
        ("1 1 1 rg 1 1 1 RG 2 Tr", "", ()),  # filled and stroked, both in white
        ("/GS0 gs 1 1 1 RG 6 Tr", "/ExtGState << /GS0 << /ca 0 >> >>", ()),
        ("/CS0 cs 0 scn", SPOT, (NO_INK,)),  # a tint of 0: no ink
        ("/CS0 cs 0 0 scn", SPOTS, (CALCULATOR,)),
        ("/CS0 CS 0 SCN 1 Tr", SPOT, (NO_INK,)),
        ("40 780 520 40 re W n", "", ()),  # a clip above the line
        ("1 0 0 1 0 -400 cm 40 780 520 40 re W n 1 0 0 1 0 400 cm", "", ()),  # below it
        ("40 680 5 40 re W n", "", ()),  # left of where it begins
    ],
)
def test_pdf_text_a_reader_cannot_see_is_not_read(tmp_path, before, resources, objects):
    text = read_text(pdf_file(tmp_path / "r.pdf", page(before), resources, objects))
    assert "7777" not in text
    assert "500万元" in text and "资金安排" in text  # the state is restored after Q


@pytest.mark.parametrize(
    ("before", "resources"),
    [
        ("", ""),
        ("/DeviceRGB cs 1 1 0 sc", ""),  # yellow
        ("/P0 cs 1 1 1 scn", "/ColorSpace << /P0 /Pattern >>"),  # not known: read
        ("1 1 1 rg 0 0 0 RG 2 Tr", ""),  # white filled, stroked in black
        ("1 1 1 RG 2 Tr", ""),  # filled in black, stroked in white
        ("1 1 1 RG", ""),  # filled only: the stroke colour is not drawn
        ("1 1 1 rg 1 Tr", ""),  # stroked only, in black
        ("/GS0 gs 1 Tr", "/ExtGState << /GS0 << /ca 0 >> >>"),  # the stroke is opaque
        ("/GS0 gs", "/ExtGState << /GS0 << /CA 0 >> >>"),  # the fill is
        ("/CS0 cs 1 scn", f"{SPOT[:-3]} /CS1 [/Separation /S /DeviceCMYK 10 0 R] >>"),  # tint 1
        ("/CS1 cs 0 scn", f"{SPOT[:-3]} /CS1 [/Separation /S /DeviceCMYK 10 0 R] >>"),
        ("2 Tz", ""),
        ("0.1 0 0 0.1 0 0 cm", ""),  # 1.2 pt high
        ("1 Tz 100 0 0 1 -4950 0 cm", ""),  # squeezed, then widened again
        ("0 0 100 0 re 0 0 0 0 re f", ""),  # painted, not a clip
        ("/GS0 gs", "/ExtGState << /GS0 << /ca 0.5 >> >>"),
        ("40 690 520 30 re W n", ""),  # a clip around the line
        ("40 705 520 30 re W n", ""),  # around its upper part
        ("0.7 0.7 -0.7 0.7 0 0 cm 40 780 520 40 re W n 0.7 -0.7 0.7 0.7 0 0 cm", ""),  # turned
        ("40 780 520 40 re 0 0 1 1 re W n", ""),  # two rectangles: not followed
    ],
)
def test_pdf_text_a_reader_sees_is_read(tmp_path, before, resources):
    objects = (NO_INK, BLACK_AT_0)  # CS1's tint transform shows black at a tint of 0
    assert HIDDEN in read_text(pdf_file(tmp_path / "r.pdf", page(before), resources, objects))


@pytest.mark.parametrize(
    ("set_size", "read"),
    [
        ("/F1 0.05 Tf", False),
        ("/F1 1 Tf", False),  # 1 pt, as a .docx run of 1 pt
        ("/F1 12 Tf 0.001 0 0 0.001 50 700 Tm", False),
        ("/F1 12 Tf 0 0.05 -0.05 0 50 700 Tm", False),  # turned, and 0.6 pt high
        ("/F1 1.5 Tf", True),
        ("/F1 12 Tf 0 1 -1 0 50 700 Tm", True),  # turned a quarter: still 12 pt
    ],
)
def test_pdf_text_at_most_1_pt_high_is_not_read(tmp_path, set_size, read):
    """The size text is drawn at: its font size through the text matrix and the CTM."""
    content = (
        f"BT /F1 12 Tf 50 800 Td {hexed(SHOWN)} Tj ET\n"
        f"BT {set_size} {hexed(HIDDEN)} Tj ET\n"
        f"BT /F1 12 Tf 50 600 Td {hexed('一、资金安排')} Tj ET"
    )
    text = read_text(pdf_file(tmp_path / "r.pdf", content))
    assert ("7777" in text) == read
    assert "500万元" in text and "资金安排" in text


def test_a_line_partly_in_white_is_not_dropped(tmp_path):
    """pypdf reports the line as one piece: what is drawn in black in it is read."""
    line = f"BT /F1 12 Tf 50 700 Td 1 1 1 rg {hexed('另下达资金')} Tj 0 g {hexed('88万元。')} Tj ET"
    content = f"BT /F1 12 Tf 50 800 Td {hexed(SHOWN)} Tj ET\n{line}"
    assert "另下达资金88万元。" in read_text(pdf_file(tmp_path / "r.pdf", content)).replace(
        "\n", ""
    )


def test_text_a_form_xobject_places_on_the_page_is_read(tmp_path):
    form = stream(
        f"BT /F1 12 Tf 50 1700 Td {hexed(HIDDEN)} Tj ET",
        "/Type /XObject /Subtype /Form /BBox [-10000 -10000 10000 10000] "
        "/Matrix [1 0 0 1 0 -1000] /Resources << /Font << /F1 4 0 R >> >>",
    )
    content = f"BT /F1 12 Tf 50 800 Td {hexed(SHOWN)} Tj ET\nq /X1 Do Q"
    path = pdf_file(tmp_path / "r.pdf", content, "/XObject << /X1 9 0 R >>", (form,))
    assert HIDDEN in read_text(path)


@pytest.mark.parametrize("image", ["", "q 1 0 0 1 0 0 cm /Im0 Do Q "])
def test_text_a_form_xobject_places_off_the_page_is_not_read(tmp_path, image):
    form = stream(
        f"{image}BT /F1 12 Tf 50 700 Td {hexed(HIDDEN)} Tj ET",
        "/Type /XObject /Subtype /Form /BBox [-10000 -10000 10000 10000] /Matrix [1 0 0 1 0 5000] "
        "/Resources << /Font << /F1 4 0 R >> /XObject << /Im0 10 0 R >> >>",
    )
    content = f"BT /F1 12 Tf 50 800 Td {hexed(SHOWN)} Tj ET\nq 1 0 0 1 0 -100 cm /X1 Do Q"
    resources = "/XObject << /X1 9 0 R >>"
    text = read_text(pdf_file(tmp_path / "r.pdf", content, resources, (form, IMAGE)))
    assert "7777" not in text and "500万元" in text


def test_the_invisible_text_layer_of_a_scanned_page_is_read(tmp_path):
    content = f"q 595 0 0 842 0 0 cm /Im0 Do Q\nBT 3 Tr /F1 12 Tf 50 800 Td {hexed(SHOWN)} Tj ET"
    text = read_text(pdf_file(tmp_path / "r.pdf", content, "/XObject << /Im0 9 0 R >>", (IMAGE,)))
    assert "500万元" in text


OCG = b"<< /Type /OCG /Name (layer) >>"


@pytest.mark.parametrize(
    ("catalog", "resource", "objects", "read"),
    [
        ("/OCProperties << /OCGs [9 0 R] /D << /OFF [9 0 R] >> >>", "9 0 R", (OCG,), False),
        ("/OCProperties << /OCGs [9 0 R] /D << /BaseState /OFF >> >>", "9 0 R", (OCG,), False),
        (
            "/OCProperties << /OCGs [9 0 R] /D << /OFF [9 0 R] >> >>",
            "10 0 R",
            (OCG, b"<< /Type /OCMD /OCGs [9 0 R] >>"),
            False,
        ),
        ("/OCProperties << /OCGs [9 0 R] /D << /ON [9 0 R] >> >>", "9 0 R", (OCG,), True),
        ("/OCProperties << /OCGs [9 0 R] /D << >> >>", "9 0 R", (OCG,), True),
        (
            "/OCProperties << /OCGs [9 0 R] /D << /OFF [9 0 R] >> >>",
            "10 0 R",
            (OCG, b"<< /Type /OCMD /OCGs [9 0 R] /P /AnyOff >>"),
            True,
        ),
    ],
)
def test_text_in_an_optional_content_group_that_is_off_is_not_read(
    tmp_path, catalog, resource, objects, read
):
    """A layer the default view turns off (PDF 32000 §8.11.4) is not seen; one that is on,
    or whose visibility the policy leaves uncertain, is read."""
    content = (
        f"BT /F1 12 Tf 50 800 Td {hexed(SHOWN)} Tj ET\n"
        f"/OC /oc1 BDC q BT /F1 12 Tf 50 700 Td {hexed(HIDDEN)} Tj ET Q EMC\n"
        f"BT /F1 12 Tf 50 600 Td {hexed('一、资金安排')} Tj ET"
    )
    resources = f"/Properties << /oc1 {resource} >>"
    text = read_text(pdf_file(tmp_path / "r.pdf", content, resources, objects, catalog))
    assert ("7777" in text) == read
    assert "500万元" in text and "资金安排" in text  # the layer ends at EMC


@pytest.mark.parametrize(("off", "read"), [("/OFF [10 0 R]", False), ("", True)])
def test_a_form_xobject_in_a_layer_that_is_off_is_not_read(tmp_path, off, read):
    form = stream(
        f"BT /F1 12 Tf 50 700 Td {hexed(HIDDEN)} Tj ET",
        "/Type /XObject /Subtype /Form /BBox [0 0 600 900] /OC 10 0 R "
        "/Resources << /Font << /F1 4 0 R >> >>",
    )
    content = f"BT /F1 12 Tf 50 800 Td {hexed(SHOWN)} Tj ET\nq /X1 Do Q"
    catalog = f"/OCProperties << /OCGs [10 0 R] /D << {off} >> >>"
    path = pdf_file(tmp_path / "r.pdf", content, "/XObject << /X1 9 0 R >>", (form, OCG), catalog)
    assert (HIDDEN in read_text(path)) == read
