"""pandera schemas of the results stored in a data directory (``coverage.csv``, ``scan.csv``):
validated like the tables, but neither corrected nor cited (see :mod:`fundanalysis.data.stored`)."""

from __future__ import annotations

import pandas as pd
from pandera.typing import Series

from fundanalysis.data import labels
from fundanalysis.data.schemas import Table, _field

#: More numbers than any section of a report prints (the longest prints a few hundred).
MAX_NUMBERS = 100_000


class Coverage(Table):
    """``coverage.csv``: a stored result, validated like a table (not corrected, not cited)."""

    section_id: Series[str] = _field("Section (sections.csv)", unique=True)
    numbers_printed: Series[pd.Int64Dtype] = _field(
        "Numbers the section's text prints", ge=0, le=MAX_NUMBERS
    )
    covered: Series[pd.Int64Dtype] = _field(
        "How many of them a cited fragment captures", ge=0, le=MAX_NUMBERS
    )
    not_covered: Series[str] = _field(
        "The numbers no fragment captures, as printed, separated by spaces",
        nullable=True,
        str_matches=r"^[0-9]+(?:\.[0-9]+)?(?: [0-9]+(?:\.[0-9]+)?)*$",
    )
    text_sha256: Series[str] = _field(
        "SHA-256 of the text the coverage was found in (64 hexadecimal digits)",
        str_matches=r"^[0-9a-f]{64}$",
    )


class Scan(Table):
    """``scan.csv``: a stored result of the scan, validated like a table (not corrected, not cited)."""

    relation: Series[str] = _field(
        "Id of the relation the scan read (t2-r5: the fifth of the report's second text)",
        unique=True,
        str_matches=r"^(?:t[1-9][0-9]*-)?r[1-9][0-9]*$",
    )
    section: Series[str] = _field("Section of the text, by its headings ('/'-joined)")
    kind: Series[str] = _field("sum, difference, rate or part", isin=list(labels.SCAN_KINDS))
    status: Series[str] = _field("holds, rounding or fails", isin=list(labels.SCAN_VERDICTS))
    total: Series[str] = _field("The total (or whole, or rate) as printed")
    parts: Series[str] = _field("Its parts as printed, ' + '-joined", nullable=True)
    gap: Series[str] = _field(
        "The total less the parts, in the total's printed unit (exact decimal, may be negative)",
        str_matches=r"^-?[0-9]+(?:\.[0-9]+)?$",
    )
    declared: Series[str] = _field(
        "The declared total (totals.csv) or rate (indicators.csv) it corresponds to, where there is one",
        nullable=True,
    )
    text_sha256: Series[str] = _field(
        "SHA-256 of the text scanned (64 hexadecimal digits)", str_matches=r"^[0-9a-f]{64}$"
    )
