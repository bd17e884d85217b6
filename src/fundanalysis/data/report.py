"""The report descriptor (``report.toml``): what a data directory transcribes, and its texts.

The descriptor is the one place that names the report (title, jurisdiction, year) and the
text files it was transcribed from, each with the SHA-256 of the exact text, so that checks
that need the text can tell whether they were given the right one.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from fundanalysis.data.csvfile import link_problem, read_data_file
from fundanalysis.data.errors import INVISIBLE, DataError, Problem
from fundanalysis.data.paths import source_dirs

DESCRIPTOR = "report.toml"

_REQUIRED_TEXT = ("id", "title", "title_en", "jurisdiction", "jurisdiction_en")


@dataclass(frozen=True)
class Text:
    """One text file of the report, as the descriptor names it."""

    file: str
    sha256: str
    documents: tuple[str, ...]
    published_at: str


@dataclass(frozen=True)
class ReportInfo:
    """What ``report.toml`` says about the report."""

    id: str
    title: str
    title_en: str
    jurisdiction: str
    jurisdiction_en: str
    short_name: str
    short_name_en: str
    jurisdiction_level: str
    jurisdiction_level_en: str
    province: str
    province_en: str
    year: int
    texts: tuple[Text, ...]
    materiality: float


def _problem(message: str, key: str | None = None, value: object = None) -> Problem:
    return Problem(DESCRIPTOR, None, key, None if value is None else str(value), message)


_OPTIONAL_TEXT = (
    "short_name",
    "short_name_en",
    "jurisdiction_level",
    "jurisdiction_level_en",
    "province",
    "province_en",
)


def _text_problem(value: object, key: str, required: bool) -> Problem | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value):
        return _problem("必须是非空文本 / must be non-empty text", key, value)
    if not value.isprintable() or any(c in INVISIBLE for c in value):
        return _problem("含不可见字符 / contains an invisible character", key, value)
    return None


#: A report id names the report's folder of the site and its files: lower-case letters, digits
#: and hyphens, starting with a letter or digit ("bazhou-2020"), so that it can never be a path.
REPORT_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


#: Names the site already uses at its top level (the English site, Sphinx's own pages): a
#: report of that id would overwrite them.
RESERVED_IDS = frozenset({"en", "zh", "index", "genindex", "search", "objects", "py-modindex"})


def _id_problem(value: object) -> Problem | None:
    found = _text_problem(value, "report.id", required=True)
    if not found and value in RESERVED_IDS:
        return _problem(
            f"「{value}」已被站点占用，请换一个代号 / is a name the site itself uses "
            f"({', '.join(sorted(RESERVED_IDS))}): choose another id",
            "report.id",
            value,
        )
    if found or REPORT_ID.fullmatch(value):
        return found
    return _problem(
        "应为由小写字母、数字和连字符组成的代号（至多 64 个字符），如 bazhou-2020 / must be a slug: "
        "lower-case letters, digits and hyphens, starting with a letter or digit, at most 64 "
        "characters (such as bazhou-2020)",
        "report.id",
        value,
    )


def _texts(raw: object, problems: list[Problem]) -> list[Text]:
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        problems.append(
            _problem("应为 [[texts]] 表的列表 / must be a list of [[texts]] tables", "texts")
        )
        return []
    texts = []
    for number, text in enumerate(raw, start=1):
        key = f"texts[{number}]"
        file, digest = text.get("file"), text.get("sha256", "")
        documents, published = text.get("documents", []), text.get("published_at", "")
        if not isinstance(file, str) or not file or "/" in file or "\\" in file:
            problems.append(_problem("应为文件名 / must be a file name", f"{key}.file", file))
            continue
        if not (
            isinstance(digest, str)
            and len(digest) == 64
            and set(digest.lower()) <= set("0123456789abcdef")
        ):
            problems.append(
                _problem(
                    "应为 64 位十六进制 SHA-256 / must be a SHA-256 in hex", f"{key}.sha256", digest
                )
            )
            continue
        if not isinstance(documents, list) or not all(isinstance(d, str) and d for d in documents):
            problems.append(
                _problem(
                    '应为文件代号的列表，如 ["SE"] / must be a list of document ids',
                    f"{key}.documents",
                    documents,
                )
            )
            continue
        if not isinstance(published, str) or (published and not is_web_address(published)):
            problems.append(
                _problem(
                    "应为一个 http:// 或 https:// 网址，不含空白 / must be one http:// or "
                    "https:// address, with no spaces or line breaks",
                    f"{key}.published_at",
                    published,
                )
            )
            continue
        texts.append(Text(file, digest.lower(), tuple(documents), published))
    return texts


def is_web_address(text: str) -> bool:
    """Whether ``text`` is one web address a reader can open: http or https, a host, and no
    space, line break or other invisible character (the pages link to it as it is)."""
    from urllib.parse import urlsplit

    if not text.isprintable() or any(c.isspace() for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def read_report_info(data_dir: Path) -> ReportInfo:
    """Read and check ``report.toml``; raises :class:`DataError` naming every problem."""
    path = data_dir / DESCRIPTOR
    if not path.exists() and not path.is_symlink():
        raise DataError([_problem("文件不存在 / file not found: every report needs a descriptor")])
    linked = link_problem(path)
    if linked is not None:
        raise DataError([linked])
    if not path.is_file():
        raise DataError([_problem("不是文件 / not a file (a directory, or a link to nothing?)")])
    try:
        raw = tomllib.loads(read_data_file(path).decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DataError([_problem("文件不是 UTF-8 编码 / file is not UTF-8")]) from None
    except tomllib.TOMLDecodeError as error:
        raise DataError([_problem(f"TOML 格式错误 / not valid TOML: {error}")]) from None
    problems: list[Problem] = []
    report = raw.get("report")
    if not isinstance(report, dict):
        raise DataError([_problem("缺少 [report] 表 / the [report] table is missing", "report")])
    for key in _REQUIRED_TEXT:
        found = (
            _id_problem(report.get(key))
            if key == "id"
            else _text_problem(report.get(key), f"report.{key}", required=True)
        )
        problems += [found] if found else []
    for key in _OPTIONAL_TEXT:
        found = _text_problem(report.get(key), f"report.{key}", required=False)
        problems += [found] if found else []
    year = report.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        problems.append(_problem("应为 2000-2100 的整数 / must be a year", "report.year", year))
    materiality = report.get("materiality", 0.01)
    if (
        isinstance(materiality, bool)
        or not isinstance(materiality, int | float)
        or not 0 < materiality < 1
    ):
        problems.append(
            _problem(
                "应为 0 与 1 之间的比例 / must be a fraction", "report.materiality", materiality
            )
        )
    texts = _texts(raw.get("texts", []), problems)
    if problems:
        raise DataError(problems)
    return ReportInfo(
        id=report["id"],
        title=report["title"],
        title_en=report["title_en"],
        jurisdiction=report["jurisdiction"],
        jurisdiction_en=report["jurisdiction_en"],
        short_name=report.get("short_name") or report["jurisdiction"],
        short_name_en=report.get("short_name_en") or report["jurisdiction_en"],
        jurisdiction_level=report.get("jurisdiction_level", ""),
        jurisdiction_level_en=report.get("jurisdiction_level_en", ""),
        province=report.get("province", ""),
        province_en=report.get("province_en", ""),
        year=year,
        texts=tuple(texts),
        materiality=float(materiality),
    )


@dataclass(frozen=True)
class FoundText:
    """A report text located on this machine: where, and whether it is the one transcribed."""

    text: Text
    path: Path | None
    actual_sha256: str | None

    @property
    def verified(self) -> bool:
        return self.actual_sha256 == self.text.sha256

    def describe(self) -> str:
        """One plain line: found and right, found but different, or not supplied."""
        if self.path is None:
            return (
                f"未提供原文 {self.text.file} / the text {self.text.file} was not supplied "
                "(set FUNDANALYSIS_SOURCES to the directory holding it)"
            )
        if not self.verified:
            return (
                f"{self.path} 与转录所用原文不同 / is not the text the data was transcribed from "
                f"(SHA-256 {self.actual_sha256}, expected {self.text.sha256})"
            )
        return f"原文 / text: {self.path} (SHA-256 {self.text.sha256[:12]}…)"


def find_text(data_dir: Path, text: Text) -> FoundText:
    """Look for ``text`` in the source directories; report what was found."""
    own = data_dir / "source"
    for directory in source_dirs(data_dir):
        candidate = directory / text.file
        if directory == own and (
            candidate.is_symlink() or not candidate.resolve().is_relative_to(own.resolve())
        ):
            continue  # a data directory's texts are its own: a link out of it is not followed
        if candidate.is_file():
            try:
                digest = hashlib.sha256(candidate.read_bytes()).hexdigest()
            except OSError:
                continue
            return FoundText(text, candidate, digest)
    return FoundText(text, None, None)


def read_text(found: FoundText) -> str | None:
    """The text if it was found and is the one transcribed, else None."""
    if found.path is None or not found.verified:
        return None
    return found.path.read_text(encoding="utf-8")
