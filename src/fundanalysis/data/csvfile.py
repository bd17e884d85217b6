"""Read a CSV file of the data directory as text, keeping every cell and its line number.

Nothing is interpreted here: cells stay strings, so that the parsing step can refuse any
value it cannot read exactly. The frame's index is the file's line number (header = 1), which
is what every error message reports.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from fundanalysis.data.errors import DataError, Problem

#: Why a file of a data directory that is a link is not read: the directory's files are its own.
LINKED = (
    "是符号链接或在数据目录之外，不读取 / is a symbolic link, or lies outside the data "
    "directory: a data directory's files are its own, and a link is neither followed nor read"
)


def link_problem(path: Path) -> Problem | None:
    """The problem of ``path``, a file of a data directory, if it is a symbolic link or resolves
    outside the directory it is named in: refused at its name, its content never read."""
    try:
        outside = path.is_symlink() or not path.resolve().is_relative_to(path.parent.resolve())
    except (OSError, RuntimeError):  # a loop of links, or a directory that cannot be searched
        outside = True
    return Problem(path.name, None, None, None, LINKED) if outside else None


def misnamed(directory: Path, expected: Iterable[str]) -> list[Problem]:
    """The files of ``directory`` named like one of ``expected`` but not exactly, each refused
    at its name, unread.

    Another case (``Poverty.CSV``), or spaces or dots at the end, is the expected file to a
    case-insensitive system and no file to a case-sensitive one, so the directory would load
    differently by machine; an extension added (``poverty.csv.txt``, as Windows writes while
    hiding extensions) counts while the expected file is absent. Other files are the user's own.
    """
    try:
        names = os.listdir(directory)
    except OSError:  # not a directory, or unreadable: said where the directory is read
        return []
    wanted = {name.casefold(): name for name in expected}
    problems = []
    for name in sorted(names):
        if name in wanted.values() or not (name.isascii() and name.isprintable()):
            continue
        key = name.rstrip(" .").casefold()
        if key in wanted:
            right = wanted[key]
        else:  # an extension added, while the file named without it is absent
            added = (f for folded, f in wanted.items() if key.startswith(f"{folded}."))
            right = next((f for f in added if f not in names), None)
        if right is not None:
            message = _misnamed_message(right, right in names)
            problems.append(Problem(name, None, None, None, message))
    return problems


def _misnamed_message(right: str, right_present: bool) -> str:
    if right_present:
        return (
            f"与 {right} 仅大小写或末尾不同，在不区分大小写的系统上两者冲突，请删除或改名 / "
            f"differs from {right} only in case or ending: on a case-insensitive file system "
            "the two clash; remove or rename it"
        )
    return (
        f"文件名应为 {right}，此名不读取 / the file must be named {right}: "
        "under this name it is not read"
    )


def read_data_file(path: Path) -> bytes:
    """The bytes of ``path``, a file of a data directory, never through a link.

    Raises :class:`DataError` at the file's name where it is a link (checked, and the file opened
    without following one, so a link put in its place meanwhile is not followed either) or
    cannot be read.
    """
    problem = link_problem(path)
    if problem is not None:
        raise DataError([problem])
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        if path.is_symlink():
            raise DataError([Problem(path.name, None, None, None, LINKED)]) from None
        reason = error.strerror or str(error)
        raise DataError(
            [Problem(path.name, None, None, None, f"无法读取 / cannot read the file: {reason}")]
        ) from None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            return handle.read()
    except OSError as error:
        reason = error.strerror or str(error)
        raise DataError(
            [Problem(path.name, None, None, None, f"无法读取 / cannot read the file: {reason}")]
        ) from None


def _decode(path: Path, raw: bytes) -> str:
    try:
        # utf-8-sig also accepts a byte-order mark, as Excel writes for "CSV UTF-8".
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        hint = ""
        try:
            raw.decode("gb18030")
            hint = (
                "；看起来是 GBK/GB18030 编码 / it looks like GBK (Excel's 'CSV' on Chinese Windows)"
            )
        except UnicodeDecodeError:
            pass
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            [
                Problem(
                    path.name,
                    line,
                    None,
                    None,
                    "文件不是 UTF-8 编码，请另存为 'CSV UTF-8' / file is not UTF-8; "
                    f"save it as 'CSV UTF-8'{hint}",
                )
            ]
        ) from None


def _records(name: str, text: str) -> tuple[list[str] | None, dict[int, list[str]], list[Problem]]:
    """Header, records by the line each starts at, and the structural problem if any.

    The reader is strict about quoting: a quote left open is named at the line where its record
    starts, once, instead of swallowing the rest of the file into one cell.
    """
    # the limit is ours, whatever another library set for the process (frictionless raises it)
    before = csv.field_size_limit(CELL_LIMIT)
    try:
        return _read_records(name, text)
    finally:
        csv.field_size_limit(before)


#: The longest cell a table may hold, in characters (the csv module's own default).
CELL_LIMIT = 131_072


def _read_records(
    name: str, text: str
) -> tuple[list[str] | None, dict[int, list[str]], list[Problem]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    records: dict[int, list[str]] = {}
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return header, records, []
        except csv.Error as error:
            rest = text.splitlines()[start - 1 :]
            if "field larger than field limit" in str(error):
                message = (
                    f"单元格超过 {CELL_LIMIT:,} 个字符，或引号未闭合 / a cell longer "
                    f"than {CELL_LIMIT:,} characters, or a quote that is never closed"
                )
            else:
                message = (
                    '引号未闭合或位置不对（单元格内的引号须写成两个 ""）/ a quote is left open or '
                    'misplaced (a quote inside a cell is written twice: "")'
                )
            shown = rest[0][:80] if rest else None
            return header, records, [Problem(name, start, None, shown, message)]
        if header is None:
            header = cells
            continue
        if not cells or (len(cells) == 1 and cells[0] == ""):
            continue  # a blank line holds no figure
        records[start] = cells


def read_text_table(path: Path, columns: list[str]) -> pd.DataFrame:
    """Read ``path`` into a frame of strings with exactly ``columns``, indexed by line number.

    Blank lines are skipped (they hold no figure); every other deviation is a problem:
    an unreadable or empty file, a file that is not UTF-8, a quote left open, missing or
    unexpected columns, or a row with the wrong number of cells.
    """
    name = path.name
    linked = link_problem(path)
    if linked is not None:
        raise DataError([linked])
    if not path.is_file():
        raise DataError([Problem(name, None, None, None, "文件不存在 / file not found")])
    raw = read_data_file(path)
    if len(raw) >= ARROW_FROM:
        fast = _read_with_arrow(raw, columns)
        if fast is not None:
            return fast
    text = _decode(path, raw)
    header, records, problems = _records(name, text)
    if not header or all(cell == "" for cell in header):
        raise DataError(
            problems
            or [Problem(name, 1, None, None, "文件为空，缺少表头 / file is empty: no header")]
        )
    missing = [c for c in columns if c not in header]
    unexpected = [c for c in header if c not in columns]
    duplicated = sorted({c for c in header if header.count(c) > 1})
    for column in missing:
        problems.append(Problem(name, 1, column, None, "缺少此列 / column is missing"))
    for column in unexpected:
        problems.append(
            Problem(name, 1, column, None, f"多余的列 / unexpected column; expected {columns}")
        )
    for column in duplicated:
        problems.append(Problem(name, 1, column, None, "列名重复 / column appears twice"))
    if problems:
        raise DataError(problems)
    for line, cells in records.items():
        if len(cells) != len(header):
            problems.append(
                Problem(
                    name,
                    line,
                    None,
                    ",".join(cells),
                    f"此行有 {len(cells)} 个单元格，应为 {len(header)} 个 / "
                    f"row has {len(cells)} cells, expected {len(header)}"
                    + (
                        '；含逗号的单元格须加英文双引号，如 "甲县,乙县" / a cell that holds a '
                        'comma must be quoted: "甲县,乙县"'
                        if len(cells) > len(header)
                        else ""
                    ),
                )
            )
    if problems:
        raise DataError(problems)
    frame = pd.DataFrame.from_dict(records, orient="index", columns=header, dtype="str")
    frame.index.name = "line"
    return frame.reindex(columns=columns).astype("str")


#: Files this large are read by Arrow's CSV reader when they hold nothing it could read
#: differently from the csv module (no quotes, no lone carriage returns); any problem sends the
#: file back to the exact path, which names it.
ARROW_FROM = 1_000_000


def _read_with_arrow(raw: bytes, columns: list[str]) -> pd.DataFrame | None:
    """The fast path: every cell as text, each row indexed by its line in the file, or None."""
    import numpy as np
    import pyarrow as pa
    from pyarrow import csv as arrow_csv

    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    if b'"' in body or (b"\r" in body and body.count(b"\r") != body.count(b"\r\n")):
        return None
    end_of_header = body.find(b"\n")
    first_line = (body if end_of_header < 0 else body[:end_of_header]).rstrip(b"\r")
    try:
        header = first_line.decode("utf-8").split(",")
    except UnicodeDecodeError:
        return None
    if header != columns:
        return None  # let the exact path name the missing, extra or doubled columns
    try:
        table = arrow_csv.read_csv(
            pa.py_buffer(body),
            read_options=arrow_csv.ReadOptions(use_threads=True),
            parse_options=arrow_csv.ParseOptions(quote_char=False, newlines_in_values=False),
            convert_options=arrow_csv.ConvertOptions(
                column_types={c: pa.large_string() for c in header},  # pandas' own type
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    # line numbers: every non-blank line after the header, in order (Arrow skips blank ones)
    if b"\n\n" not in body and b"\n\r\n" not in body:  # no blank line: the 2nd line onwards
        records = body.count(b"\n") - body.endswith(b"\n")
        if records != table.num_rows:
            return None
        return _as_frame(table, np.arange(2, 2 + records))
    data = np.frombuffer(body, dtype=np.uint8)
    ends = np.flatnonzero(data == 10)
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [len(data)]))
    lengths = stops - starts - (data[np.maximum(stops - 1, 0)] == 13) * (stops > starts)
    numbers = np.flatnonzero(lengths > 0)[1:] + 1
    if len(numbers) != table.num_rows:
        return None
    return _as_frame(table, numbers)


def arrow_text(table) -> pd.DataFrame:
    """An Arrow table of text (large strings, pandas' own storage) as a frame of pandas' text
    columns, without copying the strings."""
    import numpy as np
    import pyarrow as pa

    return table.to_pandas(
        types_mapper=lambda t: (
            pd.StringDtype("pyarrow", na_value=np.nan) if t == pa.large_string() else None
        )
    )


def _as_frame(table, numbers) -> pd.DataFrame:
    """Arrow's table as a frame of Arrow-backed text, indexed by line number."""
    frame = arrow_text(table)
    frame.index = pd.Index(numbers, name="line")
    return frame.astype("str")
