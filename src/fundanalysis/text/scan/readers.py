"""Read a report's text from the formats government sites publish it in.

- ``.txt``/``.md``: UTF-8 only (a BOM is allowed). A GBK file is refused with the command
  that converts it, not guessed at: a wrong guess would scan a different text.
- ``.html``/``.htm``: BeautifulSoup 4 over lxml, the usual pairing for the broken markup of
  saved pages; the page's declared charset (many are GB2312) is honoured, since the page
  itself states it. What the page hides from its reader is dropped (see
  :mod:`fundanalysis.text.scan.webpage`); block elements become line breaks so that
  paragraphs and table rows stay apart.
- ``.docx``: python-docx; paragraphs and table cells in document order, as Word shows them
  (see :mod:`fundanalysis.text.scan.wordfile`).
- ``.pdf``: pypdf, pure Python and maintained, less what a reader cannot see (see
  :mod:`fundanalysis.text.scan.pdffile`); a PDF with no text layer (a scan) is refused
  by name, since reading it needs OCR, which this tool does not do.

Every format's text then goes through :mod:`fundanalysis.text.scan.shown`: characters that
draw nothing are dropped, and a right-to-left override is read in the order it is shown. A
Markdown file is read as it renders (see :mod:`fundanalysis.text.scan.markdownfile`).

All input is untrusted: size is checked before reading, archives before unpacking, and every
failure is an ``InputError`` with a message for a person (the command exits 2).
"""

from __future__ import annotations

import codecs
import re
import zipfile
from pathlib import Path

from fundanalysis.text.scan.markdownfile import markdown_as_shown
from fundanalysis.text.scan.shown import UncertainOrder, display_order, without_ignorable

MAX_BYTES = 20 * 1024 * 1024  # reports are 20 kB to 5 MB; anything larger is refused unread
MAX_UNPACKED = 100 * 1024 * 1024  # a .docx whose parts unpack to more is a zip bomb
MAX_CHARS = 2_000_000
MAX_PAGES = 1_000  # reports run to tens of pages
PDF_SECONDS = 60  # a report's PDF reads in seconds; one that takes longer is built to be slow


class InputError(Exception):
    """A file the scan cannot use, with the reason in words (Chinese and English)."""


def _fail(path: Path, zh: str, en: str) -> InputError:
    return InputError(f"{path.name}: {zh} / {en}")


def read_text(path: Path) -> str:
    """The text of a report file, whatever its format; raises ``InputError``."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise _fail(path, "无法读取", f"cannot be read ({error.strerror})") from None
    if not path.is_file():
        raise _fail(path, "不是文件", "is not a file")
    if size > MAX_BYTES:
        raise _fail(
            path,
            f"文件过大（{size // 1024 // 1024} MB，上限 {MAX_BYTES // 1024 // 1024} MB）",
            f"is too large ({size // 1024 // 1024} MB; at most {MAX_BYTES // 1024 // 1024} MB)",
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _fail(path, "无法读取", f"cannot be read ({error.strerror})") from None
    kind = _kind(path, data)
    text = {"pdf": _pdf, "docx": _docx, "html": _html}.get(kind, _plain)(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    try:
        text = without_ignorable(display_order(text))
    except UncertainOrder as error:
        raise _fail(
            path,
            f"第 {error.line} 行有从右到左的排版控制，数字显示的顺序不确定",
            f"line {error.line} has right-to-left layout controls: the order its digits "
            "are shown in is not certain",
        ) from None
    if path.suffix.lower() in (".md", ".markdown"):  # as rendered: no link targets, comments …
        text = markdown_as_shown(text)
    if not text.strip():
        raise _fail(path, "没有文字", "has no text")
    if len(text) > MAX_CHARS:
        raise _fail(path, "文字过长", f"has more than {MAX_CHARS:,} characters of text")
    if not re.search(r"[\u4e00-\u9fff]", text):
        raise _fail(path, "没有中文文字", "has no Chinese text: not a report of this kind")
    return text


def _kind(path: Path, data: bytes) -> str:
    """The format by the file's first bytes, then by its name."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml", ".shtml"):
        return "html"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _plain(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise _fail(path, "是二进制文件，不是文本", "is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        data.decode("gb18030")
        likely = "GBK"
    except UnicodeDecodeError:
        likely = None
    if likely:
        raise _fail(
            path,
            "不是 UTF-8 编码（很可能是 GBK）；请先转换：iconv -f GBK -t UTF-8",
            "is not UTF-8 (most likely GBK); convert it first: iconv -f GBK -t UTF-8",
        )
    raise _fail(path, "不是 UTF-8 文本", "is not UTF-8 text")


def _html_encoding(path: Path, data: bytes) -> str | None:
    """The encoding a browser reads the page in: its byte-order mark, else the charset it
    declares as the WHATWG Encoding Standard reads the label (webencodings: gb2312 is GBK,
    a label browsers do not know, such as utf-7, is refused by name), else None (Beautiful
    Soup's own guess). A declaration of UTF-16 or UTF-32 read from the bytes themselves cannot
    be true (it would not be legible as ASCII): browsers then read UTF-8, and so do we."""
    import webencodings
    from bs4.dammit import EncodingDetector

    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    declared = EncodingDetector.find_declared_encoding(data, is_html=True)
    if not declared:
        return None
    encoding = webencodings.lookup(declared)
    if encoding is None:
        raise _fail(
            path,
            f"声明的字符集 {declared!r} 浏览器不认识；请另存为 UTF-8",
            f"declares the charset {declared!r}, which browsers do not read; save it as UTF-8",
        )
    if encoding.name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return encoding.codec_info.name


def _html(path: Path, data: bytes) -> str:
    from bs4 import BeautifulSoup  # imported here: only HTML input pays for it

    encoding = _html_encoding(path, data)
    try:
        soup = BeautifulSoup(data, "lxml", from_encoding=encoding)
    except Exception as error:
        raise _fail(path, "无法解析网页", f"cannot be parsed as HTML ({error})") from None
    from fundanalysis.text.scan.webpage import page_text

    return page_text(soup)


def _docx(path: Path, data: bytes) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise _fail(path, "不是有效的 Word 文件", "is not a valid Word (.docx) file") from None
    if unpacked > MAX_UNPACKED:
        raise _fail(path, "解压后过大", "unpacks to too much data (a zip bomb?)")
    import docx  # imported here: only Word input pays for it

    try:
        document = docx.Document(str(path))
    except Exception as error:
        raise _fail(path, "无法读取 Word 文件", f"cannot be read as .docx ({error})") from None
    from fundanalysis.text.scan.wordfile import document_text

    return document_text(document)


_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACED = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_ANY_SPACED = re.compile(r"(?<=\S) (?=\S)")


def _unspaced(text: str) -> str:
    """A PDF's text without the space some writers put between every two characters.

    Only a text spaced so throughout ("共 安 排 资 金 5 0 0 万 元") is joined up: in it a single
    space separates characters, not words.
    """
    cjk = len(re.findall(f"[{_CJK}]", text))
    if cjk and len(_SPACED.findall(text)) > 0.3 * cjk:
        return _ANY_SPACED.sub("", text)
    return text


def _pdf(path: Path, data: bytes) -> str:
    import logging
    import time

    from pypdf import PdfReader  # imported here: only PDF input pays for it
    from pypdf.errors import PyPdfError

    from fundanalysis.text.scan.pdffile import shown_page_text

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    started = time.monotonic()
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise _fail(path, "PDF 已加密", "is an encrypted PDF")
        if len(reader.pages) > MAX_PAGES:
            raise _fail(path, f"页数超过 {MAX_PAGES}", f"has more than {MAX_PAGES} pages")
        pages = []
        for page in reader.pages:
            pages.append(shown_page_text(page))
            if time.monotonic() - started > PDF_SECONDS:  # content built to be slow to unpack
                raise _fail(
                    path,
                    f"读取超过 {PDF_SECONDS} 秒仍未完成（内容异常庞大）",
                    f"takes more than {PDF_SECONDS} s to read (its content is abnormally large)",
                )
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        raise _fail(path, "无法读取 PDF", f"cannot be read as PDF ({error})") from None
    text = _unspaced("\n\n".join(pages))
    if not re.search(r"[0-9\u4e00-\u9fff]", text):
        raise _fail(
            path,
            "PDF 没有文字层（可能是扫描件），需先做文字识别（OCR）",
            "is a PDF with no text layer (a scan?): it needs OCR first, which this tool does not do",
        )
    return text
