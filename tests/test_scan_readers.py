"""Each input format, written in the test from our own text, and every kind of bad input.

A bad input gets one clear message on stderr and exit 2, never a traceback.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fundanalysis.text.scan import InputError, read_text, scan_file
from fundanalysis.text.scan.command import main

SRC = Path(__file__).resolve().parents[1] / "src"
TEXT = "共下达资金500万元，其中：中央资金300万元，省级资金200万元。"


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (a CID font with a ToUnicode map).

    No font program is embedded: a viewer would draw boxes, but the text layer, which is
    what the scan reads, is exact.
    """
    chars = sorted({ch for line in lines for ch in line})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    content = ["BT /F1 12 Tf 50 800 Td 14 TL"]
    for line in lines:
        content.append("<" + "".join(f"{cid[ch]:04X}" for ch in line) + "> Tj T*")
    content.append("ET")
    stream = "\n".join(content).encode()
    cmap_lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CMapName /Custom def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    entries = [f"<{cid[ch]:04X}> <{ord(ch):04X}>" for ch in chars]
    for start in range(0, len(entries), 100):
        block = entries[start : start + 100]
        cmap_lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
    cmap_lines += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
    cmap = "\n".join(cmap_lines).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Custom /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Custom /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 8 0 R /DW 1000 >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /FontDescriptor /FontName /Custom /Flags 4 /FontBBox [0 0 1000 1000] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def assert_reads_the_sum(path: Path) -> None:
    result = scan_file(path)
    sums = [r for r in result.relations if r.kind == "sum"]
    assert [(r.total.value, [p.value for p in r.parts]) for r in sums] == [(500, [300, 200])]
    assert sums[0].status == "holds"


def test_plain_text_and_markdown(tmp_path: Path):
    for name in ("report.txt", "report.md"):
        path = tmp_path / name
        path.write_text("# 报告\n\n" + TEXT, encoding="utf-8")
        assert_reads_the_sum(path)


def test_utf8_with_bom(tmp_path: Path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + TEXT.encode())
    assert read_text(path).startswith("共下达")


def test_saved_web_page_in_its_declared_charset(tmp_path: Path):
    page = (
        '<html><head><meta charset="gb2312"><title>标题</title>'
        "<script>var x = '共9999万元';</script></head><body>"
        "<div><p>报告</p><p>" + TEXT + "</p></div></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gb2312"))
    text = read_text(path)
    assert "9999" not in text  # scripts are not text
    assert_reads_the_sum(path)


def test_word_file(tmp_path: Path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("一、资金安排", level=1)
    document.add_paragraph(TEXT)
    path = tmp_path / "report.docx"
    document.save(str(path))
    assert_reads_the_sum(path)


def test_pdf_with_a_text_layer(tmp_path: Path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes(["一、资金安排", TEXT]))
    assert_reads_the_sum(path)


def run(path: Path, capsys) -> tuple[int, str, str]:
    code = main([str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each bad input and a word its message must contain."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(TEXT.encode("gbk"))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdf_bytes([]))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # 50 MB, sparse: nothing is written but its size
        handle.truncate(50 * 1024 * 1024)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    missing = tmp_path / "missing.md"
    return {
        "empty": (empty, "no text"),
        "binary": (binary, "binary"),
        "gbk": (gbk, "GBK"),
        "pdf without text": (scan, "no text layer"),
        "50 MB": (huge, "too large"),
        "broken docx": (broken, ".docx"),
        "missing": (missing, "cannot be read"),
    }


@pytest.mark.parametrize(
    "kind", ["empty", "binary", "gbk", "pdf without text", "50 MB", "broken docx", "missing"]
)
def test_bad_input_exits_2_with_a_message(tmp_path: Path, capsys, kind: str):
    path, word = bad_inputs(tmp_path)[kind]
    code, out, err = run(path, capsys)
    assert code == 2
    assert out == ""
    assert word in err and path.name in err
    assert "Traceback" not in err


def test_bad_input_in_a_process_of_its_own_shows_no_traceback(tmp_path: Path):
    path, _ = bad_inputs(tmp_path)["pdf without text"]
    done = subprocess.run(
        [sys.executable, "-m", "fundanalysis.text.scan", str(path)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
        check=False,
    )
    assert done.returncode == 2
    assert "no text layer" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_docx_that_unpacks_to_too_much_is_refused(tmp_path: Path, monkeypatch):
    import zipfile

    from fundanalysis.text.scan import readers

    # The same check as at 100 MB, at a size a test can write in a moment.
    monkeypatch.setattr(readers, "MAX_UNPACKED", 64 * 1024)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * (1024 * 1024))
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(InputError, match="unpacks"):
        read_text(path)


def test_pdf_whose_writer_spaced_every_character(tmp_path: Path):
    path = tmp_path / "spaced.pdf"
    path.write_bytes(pdf_bytes(["一、资金安排", " ".join(TEXT)]))
    assert_reads_the_sum(path)


#: "中央资金300万元" with an invisible format character inside each figure.
SPLIT = "共下达资金5\u200b00万元，其中：中央资金3\u206000万元，省级资金2\ufeff0\u00ad0万元。"


@pytest.mark.parametrize("format", ["txt", "md", "html", "docx", "pdf"])
def test_a_format_character_inside_a_figure_does_not_split_it(tmp_path: Path, format: str):
    """A zero-width space, word joiner, BOM or soft hyphen draws nothing: 5\u200b00 is 500."""
    path = tmp_path / f"report.{format}"
    if format in ("txt", "md"):
        path.write_text("# 报告\n\n" + SPLIT.replace("\u206000", "\u200c0\u200d0"), "utf-8")
    elif format == "html":
        path.write_text(f"<html><body><p>{SPLIT}</p></body></html>", encoding="utf-8")
    elif format == "docx":
        docx = pytest.importorskip("docx")
        document = docx.Document()
        document.add_paragraph(SPLIT)
        document.save(str(path))
    else:
        path.write_bytes(pdf_bytes(["一、资金安排", SPLIT]))
    assert TEXT in read_text(path)  # a fragment transcribed as a reader sees it is found
    assert_reads_the_sum(path)


def test_a_right_to_left_override_is_read_in_the_order_shown(tmp_path: Path):
    """U+202E … U+202C shows "003" as 300; an RTL embedding around digits is refused."""
    path = tmp_path / "report.md"
    path.write_text("# 报告\n\n" + TEXT.replace("300", "\u202e003\u202c"), encoding="utf-8")
    assert TEXT in read_text(path)
    path.write_text("# 报告\n\n" + TEXT.replace("300", "\u202e003"), encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        read_text(path)  # not closed on its line: it may go on over the next
    path.write_text("# 报告\n\n" + TEXT.replace("300", "\u202d300\u202c"), encoding="utf-8")
    assert TEXT in read_text(path)  # left to right: as stored
    path.write_text("# 报告\n\n" + TEXT.replace("300", "\u202b300\u202c"), encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        read_text(path)


def test_markdown_comment_markers_in_code_are_shown(tmp_path: Path):
    """`<!--` in a code span or fenced code is code, not the start of a comment."""
    path = tmp_path / "report.md"
    path.write_text(f"# 报告\n\n代码 `<!--` 示例。\n\n{TEXT}\n\n结尾 `-->` 完。\n", "utf-8")
    assert TEXT in read_text(path)
    path.write_text(f"# 报告\n\n```\n<!--\n```\n\n{TEXT}\n\n```\n-->\n```\n", "utf-8")
    assert TEXT in read_text(path)
    path.write_text(f"# 报告\n\n<!-- `代码` 共9999万元 -->{TEXT}\n", "utf-8")
    text = read_text(path)
    assert TEXT in text and "9999" not in text  # a real comment is still blanked
