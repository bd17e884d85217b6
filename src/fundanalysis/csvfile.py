"""Read a CSV file of the data directory as text, keeping every cell and its line number.

Nothing is interpreted here: cells stay strings, so that the parsing step can refuse any
value it cannot read exactly. The frame's index is the file's line number (header = 1), which
is what every error message reports.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from fundanalysis.errors import DataError, Problem


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


def read_text_table(path: Path, columns: list[str]) -> pd.DataFrame:
    """Read ``path`` into a frame of strings with exactly ``columns``, indexed by line number.

    Blank lines are skipped (they hold no figure); every other deviation is a problem:
    a missing file, an empty file, a file that is not UTF-8, missing or unexpected columns,
    or a row with the wrong number of cells.
    """
    name = path.name
    if not path.is_file():
        raise DataError([Problem(name, None, None, None, "文件不存在 / file not found")])
    text = _decode(path, path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header or all(cell == "" for cell in header):
        raise DataError(
            [Problem(name, 1, None, None, "文件为空，缺少表头 / file is empty: no header")]
        )

    problems: list[Problem] = []
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

    records: dict[int, list[str]] = {}
    for cells in reader:
        if not cells or (all(cell == "" for cell in cells) and len(cells) <= 1):
            continue
        line = reader.line_num
        if len(cells) != len(header):
            problems.append(
                Problem(
                    name,
                    line,
                    None,
                    ",".join(cells),
                    f"此行有 {len(cells)} 个单元格，应为 {len(header)} 个 / "
                    f"row has {len(cells)} cells, expected {len(header)}",
                )
            )
            continue
        records[line] = cells
    if problems:
        raise DataError(problems)

    frame = pd.DataFrame.from_dict(records, orient="index", columns=header, dtype=object)
    frame.index.name = "line"
    return frame.reindex(columns=columns).astype(object)
