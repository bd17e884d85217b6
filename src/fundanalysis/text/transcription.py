"""Transcription slips, told apart from the report's own errors, wherever the text is supplied.

A figure typed wrong in both ``amount`` and ``printed`` agrees with itself and may make a
total fail: without the text it would read as the report's error. With the text, every cited
fragment must occur in its section, and every label a row gives (level, place, fund type,
funding source, category) must not be contradicted by its own fragment. Each slip is a problem
at its cell, named as a transcription problem: no finding can account for it.

A label is contradicted only where its fragment names another term of the same vocabulary and
not the row's own: a fragment that names no term of it says nothing either way (a carry-over
line rarely repeats its county), so nothing is guessed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from fundanalysis.data.errors import Problem
from fundanalysis.data.report import read_text
from fundanalysis.data.specs import SPECS
from fundanalysis.text.provenance import verify

#: What a transcription problem says first, so that it is never taken for a finding.
PREFIX = "转录问题 / transcription problem: "

#: Columns whose terms a fragment may contradict, by the vocabulary they take terms from.
LABELLED = ("level", "place", "fund_type", "funding_source", "category")


def _fragment_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c == "printed" or c.endswith("_printed")]


def contradicted_labels(
    tables: dict[str, pd.DataFrame], lines: dict[str, list[int]]
) -> list[Problem]:
    """Labels whose own fragment names another term of their vocabulary and not theirs."""
    words = tables["vocabulary"]
    problems = []
    for spec in SPECS.values():
        frame = tables[spec.name]
        labelled = [c for c in LABELLED if c in spec.report_terms and c in frame.columns]
        if frame.empty or not labelled:
            continue
        fragments = _fragment_columns(frame)
        for position, row in enumerate(frame.itertuples(index=False)):
            said = " ".join(
                v for v in (getattr(row, c) for c in fragments) if isinstance(v, str) and v
            )
            if not said:
                continue
            for column in labelled:
                own = getattr(row, column)
                if not isinstance(own, str) or not own or own in said:
                    continue
                vocabulary = spec.report_terms[column]
                terms = words.loc[words["vocabulary"] == vocabulary, "term"]
                # another term named, and not merely as part of a longer one the row's own contains
                others = [t for t in terms if t != own and t in said and t not in own]
                if others:
                    problems.append(
                        Problem(
                            spec.file,
                            lines[spec.name][position],
                            column,
                            own,
                            f"{PREFIX}本行的原文片段「{said}」写的是「{others[0]}」，不是「{own}」"
                            f" / this row's fragment names {others[0]!r}, not {own!r}: the label "
                            "was mistyped or the row belongs to another line of the text",
                        )
                    )
    return problems


def transcription_problems(data_dir: Path) -> list[Problem] | None:
    """Every transcription slip the texts show, or None where no text was supplied."""
    from fundanalysis.data.tables import load_tables, source_lines

    result = verify(data_dir)
    if not result.texts or not any(read_text(found) is not None for found in result.texts):
        return None
    missing = [
        Problem(p.file, p.row, p.column, p.value, PREFIX + p.message) for p in result.problems
    ]
    tables = load_tables(data_dir)
    return missing + contradicted_labels(tables, source_lines(data_dir))
