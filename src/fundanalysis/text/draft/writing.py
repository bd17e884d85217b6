"""Write a draft into its directory, keeping what a person changed since the last draft.

Beside the files, ``.draft/`` holds a copy of each file as the drafter last wrote it. On a
second run a file still equal to its copy is the drafter's and is rewritten; a file that
differs from its copy, or was deleted, was a person's choice and is kept as it is (or left
deleted), and what the drafter would change in it is shown as a diff instead. A directory
that holds files but no ``.draft/`` was not drafted and is refused.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from fundanalysis.text.draft.drafting import Draft

RECORD = ".draft"


class NotADraft(ValueError):
    """The directory holds files the drafter did not write: nothing is written into it."""


@dataclass
class Written:
    """What a run did: files written, files left as a person edited them, and the diffs."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)


def _diff(name: str, old: str, new: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        f"{before}/{name}",
        f"{after}/{name}",
    )
    return "".join(lines)


def write_draft(draft: Draft, directory: Path) -> Written:
    """Write ``draft`` into ``directory`` (created if absent), keeping a person's edits."""
    record = directory / RECORD
    if directory.exists() and any(directory.iterdir()) and not record.is_dir():
        raise NotADraft(str(directory))
    record.mkdir(parents=True, exist_ok=True)
    done = Written()
    for name, new in draft.files.items():
        path, copy = directory / name, record / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        previous = copy.read_text(encoding="utf-8") if copy.exists() else None
        if previous is not None and current != previous:  # edited, or deleted, by a person
            done.kept.append(name)
            if new != current:
                done.diffs.append(_diff(name, current or "", new, "yours", "draft"))
        elif current == new:
            done.unchanged.append(name)
        else:
            if current is not None:
                done.diffs.append(_diff(name, current, new, "before", "draft"))
            path.write_text(new, encoding="utf-8")
            done.written.append(name)
        copy.write_text(new, encoding="utf-8")
    return done
