"""The report descriptor (``report.toml``): what a data directory transcribes, and its texts.

The descriptor is the one place that names the report (title, jurisdiction, year) and the
text files it was transcribed from, each with the SHA-256 of the exact text, so that checks
that need the text can tell whether they were given the right one.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from fundanalysis.errors import DataError, Problem
from fundanalysis.paths import source_dirs

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


def read_report_info(data_dir: Path) -> ReportInfo:
    """Read and check ``report.toml``; raises :class:`DataError` naming every problem."""
    path = data_dir / DESCRIPTOR
    if not path.is_file():
        raise DataError([_problem("文件不存在 / file not found: every report needs a descriptor")])
    try:
        raw = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DataError([_problem("文件不是 UTF-8 编码 / file is not UTF-8")]) from None
    except tomllib.TOMLDecodeError as error:
        raise DataError([_problem(f"TOML 格式错误 / not valid TOML: {error}")]) from None
    problems: list[Problem] = []
    report = raw.get("report")
    if not isinstance(report, dict):
        raise DataError([_problem("缺少 [report] 表 / the [report] table is missing", "report")])
    for key in _REQUIRED_TEXT:
        if not isinstance(report.get(key), str) or not report.get(key):
            problems.append(_problem("必须是非空文本 / must be non-empty text", f"report.{key}"))
    year = report.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        problems.append(_problem("应为 2000-2100 的整数 / must be a year", "report.year", year))
    materiality = report.get("materiality", 0.01)
    if not isinstance(materiality, int | float) or not 0 < materiality < 1:
        problems.append(
            _problem(
                "应为 0 与 1 之间的比例 / must be a fraction", "report.materiality", materiality
            )
        )
    texts = []
    for number, text in enumerate(raw.get("texts", []), start=1):
        key = f"texts[{number}]"
        file, digest = text.get("file"), text.get("sha256", "")
        if not isinstance(file, str) or not file or "/" in file or "\\" in file:
            problems.append(_problem("应为文件名 / must be a file name", f"{key}.file", file))
            continue
        if not (
            isinstance(digest, str) and len(digest) == 64 and set(digest) <= set("0123456789abcdef")
        ):
            problems.append(
                _problem(
                    "应为 64 位十六进制 SHA-256 / must be a SHA-256 in hex", f"{key}.sha256", digest
                )
            )
            continue
        documents = text.get("documents", [])
        texts.append(Text(file, digest, tuple(documents), str(text.get("published_at", ""))))
    if problems:
        raise DataError(problems)
    return ReportInfo(
        id=report["id"],
        title=report["title"],
        title_en=report["title_en"],
        jurisdiction=report["jurisdiction"],
        jurisdiction_en=report["jurisdiction_en"],
        short_name=report.get("short_name", report["jurisdiction"]),
        short_name_en=report.get("short_name_en", report["jurisdiction_en"]),
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
    for directory in source_dirs(data_dir):
        candidate = directory / text.file
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
