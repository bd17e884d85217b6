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


class UnsafeDraft(ValueError):
    """A file of the draft is a link, or not UTF-8 text: the drafter neither follows nor reads it."""


def _read(path: Path) -> str | None:
    """A file of the draft as text (None where absent); a link or non-UTF-8 bytes are refused."""
    if path.is_symlink():
        raise UnsafeDraft(
            f"{path}: 是链接，草稿不跟随 / is a link, which the draft does not follow"
        )
    if not path.exists():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UnsafeDraft(
            f"{path}: 不是 UTF-8 编码（Excel 另存为“CSV UTF-8”）/ is not UTF-8 (in Excel, save as "
            "CSV UTF-8)"
        ) from None
    except OSError as error:
        raise UnsafeDraft(f"{path}: 无法读取 / cannot be read ({error.strerror})") from None


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
    if directory.is_symlink() or record.is_symlink():
        raise UnsafeDraft(
            f"{record}: 是链接，草稿不跟随 / is a link, which the draft does not follow"
        )
    if directory.exists() and any(directory.iterdir()) and not record.is_dir():
        raise NotADraft(str(directory))
    record.mkdir(parents=True, exist_ok=True)
    done = Written()
    files = [(name, new, directory / name, record / name) for name, new in draft.files.items()]
    read = {name: (_read(path), _read(copy)) for name, _, path, copy in files}  # all, first
    for name, new, path, copy in files:
        current, previous = read[name]
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
