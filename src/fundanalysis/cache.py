"""Results kept on disk between processes, keyed by every byte they were computed from.

Loading a report validates every table and reconciling it evaluates every declared check; the
result depends only on the files of the data directory, on this library's code and on the
versions of the libraries it runs on. Each notebook kernel, each ``fundanalysis validate`` and
each site build would otherwise redo that work for the same bytes. So a result is stored under
a digest of all of those inputs and reused only when the digest is the same; any change to a
data file, to this package or to a dependency's version gives a new digest and a fresh
computation. Only successful results are stored: a directory with problems is validated, and
its problems reported, every time.

Charts are stored the same way (:func:`fundanalysis.present.show_chart`), under a digest of
what they draw: the report's tables by content, matplotlib's settings and the versions of the
libraries that draw them.

Where: ``$FUNDANALYSIS_CACHE`` if set (``off`` turns the cache off), else the user's cache
directory (``~/.cache/fundanalysis`` on Linux, by :mod:`platformdirs`). The project's Makefile
points it at ``build/cache``. The files are pickles: point the variable only at a directory that
you alone write to. A file that cannot be read or written is ignored; the cache only saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

CACHE_ENV = "FUNDANALYSIS_CACHE"
_OFF = {"0", "off", "no", "false", "none"}

#: Raised when what is stored changes shape, so that old files are never read as new ones.
FORMAT = 1

#: Libraries whose version changes a result (parsing, dtypes, validation, pickling).
_DEPENDENCIES = ("pandas", "pandera", "numpy", "pyarrow")


def cache_dir() -> Path | None:
    """The directory holding the cache, or ``None`` when the cache is off."""
    setting = os.environ.get(CACHE_ENV)
    if setting is not None:
        return None if setting.strip().lower() in _OFF or not setting.strip() else Path(setting)
    import platformdirs

    return Path(platformdirs.user_cache_dir("fundanalysis", appauthor=False))


@cache
def code_digest() -> bytes:
    """A digest of this package's source and of the versions it runs on (once per process)."""
    digest = hashlib.sha256(f"format {FORMAT}; python {sys.version}".encode())
    for name in _DEPENDENCIES:
        digest.update(f"; {name} {importlib.metadata.version(name)}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


def content_digest(directory: Path, files: Iterable[str]) -> str:
    """The digest of the code and of ``files`` of ``directory`` (an absent file counts too)."""
    digest = hashlib.sha256(code_digest())
    for name in files:
        digest.update(b"\0file\0" + name.encode() + b"\0")
        try:
            with (directory / name).open("rb") as handle:
                digest.update(hashlib.file_digest(handle, "sha256").digest())
        except OSError as error:  # absent or unreadable: the load says which, and is not stored
            digest.update(f"unreadable: {type(error).__name__}".encode())
    return digest.hexdigest()


def _entry(place: Path | str, part: str) -> Path | None:
    """The file of ``part`` of ``place`` (a data directory, usually): one per pair, overwritten
    when its inputs change, so the cache grows with the number of results, not of changes."""
    root = cache_dir()
    if root is None:
        return None
    where = str(place.resolve()) if isinstance(place, Path) else place
    return root / f"{hashlib.sha256(where.encode()).hexdigest()[:32]}-{part}.pickle"


def read(place: Path | str, part: str, digest: str) -> Any | None:
    """The ``part`` stored for ``place`` under ``digest``, or ``None``."""
    path = _entry(place, part)
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            stored_digest, value = pickle.load(handle)
    except Exception:  # absent, unreadable or from another version: computed afresh
        return None
    return value if stored_digest == digest else None


def write(place: Path | str, part: str, digest: str, value: Any) -> None:
    """Store ``value`` as ``part`` of ``place`` under ``digest`` (atomically; quietly)."""
    path = _entry(place, part)
    if path is None:
        return
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            temporary = handle.name
            pickle.dump((digest, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:  # a read-only or full disk costs time, never a result
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
