"""What the scan finds in a report's text on its own, beside what the transcriber declared.

Each relation the scan reads in the text (:mod:`fundanalysis.text.scan`) is listed with its
verdict and with the declared total or rate it corresponds to, where there is one: a declared
total or indicator of the same value and unit whose printed fragment holds the scanned figure.
The result is stored in the data directory (``scan.csv``, written by ``fundanalysis coverage
--write``) so that readers without the text see it, and it is recomputed and compared whenever
the text is present, as the coverage is.
"""

from __future__ import annotations

import bisect
import io
from decimal import Decimal
from pathlib import Path

import pandas as pd

from fundanalysis.data.errors import DataError, Problem
from fundanalysis.data.report import find_text, read_report_info, read_text
from fundanalysis.data.stored import SCAN_FILE, SCAN_SPEC, read_scan

SCAN_COLUMNS = list(SCAN_SPEC.columns)


def _squeezed(text: str) -> str:
    return "".join(text.split())


#: How far around a scanned figure a declared fragment that holds it is looked for.
_REACH = 400


def _declared_at(figure, text: str, declared: list[pd.DataFrame], whole: str) -> str:
    """The declared total or rate that is this scanned figure: same value and unit, and a
    printed fragment that holds this very figure and is printed once in all the report's texts
    (``whole``, the texts without white space: a fragment printed twice may be either figure,
    so it names neither). ``declared``: the totals and indicators tables. Fragments are compared without
    white space, as provenance compares them."""
    offset = max(0, figure.start - _REACH)
    window = text[offset : figure.end + _REACH]
    kept = [i for i, character in enumerate(window) if not character.isspace()]
    squeezed = "".join(window[i] for i in kept)
    first = bisect.bisect_left(kept, figure.start - offset)  # the figure, without white space
    after = bisect.bisect_left(kept, figure.end - offset)
    for table in declared:
        key = "total_id" if "total_id" in table.columns else "indicator_id"
        for row in table.itertuples(index=False):
            try:
                same = Decimal(row.stated) == figure.value
            except ArithmeticError:
                continue
            unit = getattr(row, "unit_as_printed", getattr(row, "unit", None))
            if not same or unit != figure.unit.stored or not isinstance(row.printed, str):
                continue
            fragment = _squeezed(row.printed)
            at = squeezed.find(fragment) if fragment else -1
            while at != -1:
                if at <= first and at + len(fragment) >= after:
                    return str(getattr(row, key)) if whole.count(fragment) == 1 else ""
                at = squeezed.find(fragment, at + 1)
    return ""


def scan_table(data_dir: Path) -> pd.DataFrame | None:
    """The scan of every text the directory names, or None where a text was not supplied."""
    from fundanalysis.data.tables import load_tables
    from fundanalysis.text.scan import scan_text
    from fundanalysis.text.scan.render import parts_side

    info = read_report_info(data_dir)
    found = [find_text(data_dir, text) for text in info.texts]
    if not found or not all(item.verified for item in found):
        return None
    tables = load_tables(data_dir)
    declared = [tables["totals"], tables["indicators"]]
    scanned = []
    for item in found:
        text = read_text(item)
        assert text is not None
        scanned.append((item, scan_text(text, item.text.file)))
    # a declared fragment names a figure only where it is printed once in all the texts
    whole = "\u0000".join(_squeezed(result.text) for _, result in scanned)
    rows = []
    for number, (item, result) in enumerate(scanned, start=1):
        prefix = f"t{number}-" if len(found) > 1 else ""  # relation ids are per text
        for relation in result.relations:
            rows.append(
                {
                    "relation": prefix + relation.id,
                    "section": relation.total.section,
                    "kind": relation.kind,
                    "status": relation.status,
                    "total": relation.total.printed,
                    "parts": parts_side(relation.kind, [p.printed for p in relation.parts]),
                    "gap": format(relation.gap, "f"),
                    "declared": _declared_at(relation.total, result.text, declared, whole),
                    "text_sha256": item.text.sha256,
                }
            )
    return pd.DataFrame(rows, columns=SCAN_COLUMNS)


def render_scan(table: pd.DataFrame) -> str:
    """The scan as the stored ``scan.csv`` holds it."""
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def stored_scan(data_dir: Path) -> pd.DataFrame | None:
    """The scan stored in the data directory, validated (:func:`fundanalysis.data.stored.read_scan`),
    or None where none was stored."""
    return read_scan(data_dir)


def stale_scan(data_dir: Path) -> Problem | None:
    """A problem where the text is present and the stored scan is not what it gives."""
    current = scan_table(data_dir)
    if current is None:
        return None
    stored = stored_scan(data_dir)
    if stored is not None and render_scan(stored) == render_scan(current):
        return None
    return Problem(
        SCAN_FILE,
        None,
        None,
        None,
        (
            "缺少此文件，请运行 fundanalysis coverage --write / missing: run "
            "`fundanalysis coverage --write`"
            if stored is None
            else "与原文的扫描结果不一致，请运行 fundanalysis coverage --write / out of date with "
            "the text: run `fundanalysis coverage --write`"
        ),
    )


def checked_scan(data_dir: Path) -> pd.DataFrame | None:
    """The stored scan, recomputed and compared when the text is present (stale: an error)."""
    problem = stale_scan(data_dir)
    if problem is not None:
        raise DataError([problem])
    return stored_scan(data_dir)
