"""Results kept on disk between processes, keyed by every byte they were computed from.

Loading a report validates every table and reconciling it evaluates every declared check; the
result depends only on the files of the data directory, on this library's code and on the
versions of the libraries it runs on. Each notebook kernel, each ``fundanalysis validate`` and
each site build would otherwise redo that work for the same bytes. So a result is stored under
a digest of all of those inputs and reused only when the digest is the same; any change to a
data file, to this package or to a dependency's version gives a new digest and a fresh
computation. Only successful results are stored: a directory with problems is validated, and
its problems reported, every time.

Charts of the package's own chart functions are stored the same way
(:func:`fundanalysis.publish.present.show_chart`), under a digest of what they draw: the report's
tables, checks and findings as they are in memory, matplotlib's settings and fonts, and the
versions of the libraries that draw them.

Where: ``$FUNDANALYSIS_CACHE`` if set (``off`` turns the cache off), else the user's cache
directory (``~/.cache/fundanalysis`` on Linux, by :mod:`platformdirs`). The project's Makefile
points it at ``build/cache``. The files are pickles: point the variable only at a directory that
you alone write to. A file that cannot be read or written is ignored; the cache only saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import io
import os
import pickle
import stat
import struct
import sys
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

CACHE_ENV = "FUNDANALYSIS_CACHE"
_OFF = {"0", "off", "no", "false", "none"}

#: Raised when what is stored changes shape, so that old files are never read as new ones.
FORMAT = 3

#: Libraries whose version changes a result (parsing, dtypes, validation, pickling).
_DEPENDENCIES = ("pandas", "pandera", "numpy", "pyarrow")


def cache_dir() -> Path | None:
    """The directory holding the cache, or ``None`` when the cache is off."""
    setting = os.environ.get(CACHE_ENV)
    if setting is not None:
        if setting.strip().lower() in _OFF or not setting.strip():
            return None
        return Path(setting).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("fundanalysis", appauthor=False))


def _sources() -> bytes:
    """A digest of this package's source files as they are on disk now."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


#: The package's source when this process imported it: what its results were computed by.
_SOURCES_AT_IMPORT = _sources()


@cache
def code_digest() -> bytes:
    """A digest of this package's source (as imported) and of the versions it runs on."""
    digest = hashlib.sha256(f"format {FORMAT}; python {sys.version}".encode())
    for name in _DEPENDENCIES:
        digest.update(f"; {name} {importlib.metadata.version(name)}".encode())
    digest.update(_SOURCES_AT_IMPORT)
    return digest.digest()


#: pandas options that change what a load gives (the type strings are read as, for one).
_PANDAS_OPTIONS = ("future.infer_string", "mode.string_storage", "future.no_silent_downcasting")


def _settings() -> bytes:
    import pandas as pd

    values = []
    for name in _PANDAS_OPTIONS:
        try:
            values.append((name, repr(pd.get_option(name))))
        except Exception:  # an option this version of pandas does not have
            values.append((name, "absent"))
    return repr(values).encode()


def content_digest(directory: Path, files: Iterable[str]) -> str:
    """The digest of the code and of ``files`` of ``directory`` (an absent file counts too)."""
    digest = hashlib.sha256(code_digest() + _settings())
    for name in files:
        digest.update(b"\0file\0" + name.encode() + b"\0")
        path = directory / name
        try:
            if not stat.S_ISREG(path.stat().st_mode):  # a pipe or a device is never read here
                digest.update(b"not a regular file")
                continue
            with path.open("rb") as handle:
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


#: A stored file: this line; the digest it was stored under (one line); the out-of-band
#: buffers of pickle protocol 5, each after its size; the pickle itself; and last the pickle's
#: size, the number of buffers and the SHA-256 of buffers and pickle. Large arrays travel as
#: buffers, written to the file as the pickler meets them, so storing a table never holds a
#: second copy of it in memory; the checksum is verified before anything is unpickled, so a
#: damaged file is computed afresh, never read as a wrong figure or a crash.
MAGIC = b"fundanalysis cache 3\n"
_SIZE = struct.Struct("<Q")
_TRAILER = struct.Struct("<QQ32s")


def read(place: Path | str, part: str, digest: str) -> Any | None:
    """The ``part`` stored for ``place`` under ``digest``, or ``None``."""
    path = _entry(place, part)
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            if handle.readline() != MAGIC or handle.readline() != digest.encode() + b"\n":
                return None  # another format, or other bytes: nothing is unpickled
            start = handle.tell()
            length = os.fstat(handle.fileno()).st_size
            handle.seek(length - _TRAILER.size)
            head_size, count, checksum = _TRAILER.unpack(handle.read(_TRAILER.size))
            handle.seek(start)
            check = hashlib.sha256()
            buffers = []
            for _ in range(count):
                (size,) = _SIZE.unpack(handle.read(_SIZE.size))
                if size > length - handle.tell():
                    return None  # damaged: a size larger than the file
                buffers.append(bytearray(size))
                if handle.readinto(buffers[-1]) != size:
                    return None  # cut short
                check.update(buffers[-1])
            if head_size > length - handle.tell():
                return None
            head = handle.read(head_size)
            check.update(head)
            if check.digest() != checksum:
                return None  # damaged on disk
            return pickle.loads(head, buffers=buffers)
    except Exception:  # absent, unreadable or damaged: computed afresh
        return None


def write(place: Path | str, part: str, digest: str, value: Any) -> None:
    """Store ``value`` as ``part`` of ``place`` under ``digest`` (atomically; quietly).

    Nothing is stored if this package's files changed since the process imported it: the
    digest names the code as imported, and the result may come from either version.
    """
    path = _entry(place, part)
    if path is None or _sources() != _SOURCES_AT_IMPORT:
        return
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            temporary = handle.name
            handle.write(MAGIC + digest.encode() + b"\n")
            count = 0
            check = hashlib.sha256()

            def spill(buffer: pickle.PickleBuffer) -> bool:
                nonlocal count
                view = buffer.raw()
                handle.write(_SIZE.pack(view.nbytes))
                handle.write(view)
                check.update(view)
                count += 1
                return False  # out of band: the pickle only says "next buffer"

            head = io.BytesIO()
            pickler = pickle.Pickler(head, protocol=5, buffer_callback=spill)
            # No memo: what the pickler has met is not kept alive until the end (our values hold
            # no cycles; one would fail here, and the result would simply not be stored).
            pickler.fast = True
            pickler.dump(value)
            check.update(head.getbuffer())
            handle.write(head.getbuffer())
            handle.write(_TRAILER.pack(head.tell(), count, check.digest()))
        os.replace(temporary, path)
    except Exception:  # a read-only or full disk costs time, never a result
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
