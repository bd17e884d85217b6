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
points it at ``build/cache``. A file that cannot be read or written is ignored; the cache only
saves time.

The files are pickles, and unpickling runs code, so nothing is unpickled that this user did not
write. Two locks, either enough alone: the directory and each file must be this user's own and
writable by no one else (else the cache is not used: it is never read from, nor written to);
and every file carries an HMAC-SHA-256 of its contents under a key of 32 random bytes kept in
the user's own configuration directory (``~/.config/fundanalysis/cache-key`` on Linux, created
``0600``), checked before anything is unpickled. A file planted or forged under the right
digest, by someone who can write the directory but not read the key, is ignored and the result
computed afresh. Where the key cannot be read or made safely, the cache is off.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
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

from fundanalysis.store.environment import setting, user_path

CACHE_ENV = "FUNDANALYSIS_CACHE"
_OFF = {"0", "off", "no", "false", "none"}

#: Raised when what is stored changes shape, so that old files are never read as new ones.
FORMAT = 4

#: Libraries whose version changes a result (parsing, dtypes, validation, pickling).
_DEPENDENCIES = ("pandas", "pandera", "numpy", "pyarrow")


def cache_dir() -> Path | None:
    """The directory holding the cache, or ``None`` when the cache is off.

    Raises :class:`~fundanalysis.store.environment.SettingError` for a setting that names no
    usable path (not UTF-8, or ``~user`` of no such user): the environment's problem.
    """
    value = setting(CACHE_ENV)
    if value is not None:
        if value.strip().lower() in _OFF or not value.strip():
            return None
        return user_path(CACHE_ENV, value)
    import platformdirs

    return Path(platformdirs.user_cache_dir("fundanalysis", appauthor=False))


#: The name of the key file in the user's configuration directory.
KEY_FILE = "cache-key"
_KEY_SIZE = 32


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (group and others)."""
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def key_path() -> Path:
    """Where the key that signs this user's cache files is kept."""
    import platformdirs

    return Path(platformdirs.user_config_dir("fundanalysis", appauthor=False)) / KEY_FILE


def _key() -> bytes | None:
    """The user's signing key, made on first use (``0600``, in a ``0700`` directory), or None.

    None, and so no cache, where the key is not the user's own, can be read by others, or
    cannot be made: a key others can read signs nothing.
    """
    path = key_path()
    cached = _KEYS.get(path)
    if cached is not None:
        return cached
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(path.parent.stat()):
            return None
        try:
            descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            _make_key(path)
            descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
                return None
            key = handle.read(_KEY_SIZE + 1)
    except OSError:
        return None
    if len(key) != _KEY_SIZE:
        return None
    _KEYS[path] = key
    return key


def _make_key(path: Path) -> None:
    """Write a new random key, atomically: two processes starting at once agree on one."""
    temporary = path.with_name(f".{KEY_FILE}-{os.getpid()}-{os.urandom(4).hex()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(os.urandom(_KEY_SIZE))
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)  # never replaces a key another process made first
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


_KEYS: dict[Path, bytes] = {}


def _root(create: bool) -> Path | None:
    """The cache directory if it is safe to use (made ``0700`` if absent and ``create``)."""
    root = cache_dir()
    if root is None:
        return None
    try:
        if create:
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = root.stat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or not _private(info):
        return None  # another user's, or one others may write to: never read, never written
    return root


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
            # a pipe, a device or a link is never read here (a load refuses a link, unread)
            if not stat.S_ISREG(path.lstat().st_mode):
                digest.update(b"not a regular file")
                continue
            with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as handle:
                digest.update(hashlib.file_digest(handle, "sha256").digest())
        except OSError as error:  # absent or unreadable: the load says which, and is not stored
            digest.update(f"unreadable: {type(error).__name__}".encode())
    return digest.hexdigest()


def _entry(place: Path | str, part: str, create: bool = False) -> Path | None:
    """The file of ``part`` of ``place`` (a data directory, usually): one per pair, overwritten
    when its inputs change, so the cache grows with the number of results, not of changes."""
    root = _root(create)
    if root is None:
        return None
    where = str(place.resolve()) if isinstance(place, Path) else place
    name = hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return root / f"{name}-{part}.pickle"


def _signer(key: bytes, path: Path, digest: str) -> hmac.HMAC:
    """The HMAC of one entry: it names the file and the digest too, so that a genuine entry
    copied under another name or digest does not verify either."""
    signer = hmac.new(key, digestmod=hashlib.sha256)
    signer.update(f"{MAGIC.decode()}{path.name}\n{digest}\n".encode())
    return signer


#: A stored file: this line; the digest it was stored under (one line); the out-of-band
#: buffers of pickle protocol 5, each after its size; the pickle itself; and last the pickle's
#: size, the number of buffers and the HMAC-SHA-256 (under the user's key) of the file's name,
#: the digest, the buffers and the pickle. Large arrays travel as buffers, written to the file
#: as the pickler meets them, so storing a table never holds a second copy of it in memory; the
#: HMAC is verified before anything is unpickled, so a damaged or forged file is computed
#: afresh, never read as a wrong figure, a crash or code that runs.
MAGIC = b"fundanalysis cache 4\n"
_SIZE = struct.Struct("<Q")
_TRAILER = struct.Struct("<QQ32s")


def read(place: Path | str, part: str, digest: str) -> Any | None:
    """The ``part`` stored for ``place`` under ``digest``, or ``None``."""
    path = _entry(place, part)
    key = None if path is None else _key()
    if path is None or key is None:
        return None
    try:
        with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or not _private(info):
                return None  # planted by someone else, or open to them: never unpickled
            if handle.readline() != MAGIC or handle.readline() != digest.encode() + b"\n":
                return None  # another format, or other bytes: nothing is unpickled
            start = handle.tell()
            length = info.st_size
            handle.seek(length - _TRAILER.size)
            head_size, count, checksum = _TRAILER.unpack(handle.read(_TRAILER.size))
            handle.seek(start)
            check = _signer(key, path, digest)
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
            if not hmac.compare_digest(check.digest(), checksum):
                return None  # damaged on disk, or not written by this user's key
            return pickle.loads(head, buffers=buffers)
    except Exception:  # absent, unreadable or damaged: computed afresh
        return None


def write(place: Path | str, part: str, digest: str, value: Any) -> None:
    """Store ``value`` as ``part`` of ``place`` under ``digest`` (atomically; quietly).

    Nothing is stored if this package's files changed since the process imported it: the
    digest names the code as imported, and the result may come from either version.
    """
    path = _entry(place, part, create=True)
    key = None if path is None else _key()
    if path is None or key is None or _sources() != _SOURCES_AT_IMPORT:
        return
    temporary = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            temporary = handle.name  # made 0600 by tempfile
            handle.write(MAGIC + digest.encode() + b"\n")
            count = 0
            check = _signer(key, path, digest)

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
