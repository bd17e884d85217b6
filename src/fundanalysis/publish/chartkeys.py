"""What a chart is stored under in the result cache (:mod:`fundanalysis.store.cache`).

A chart drawn by one of the package's chart functions depends on its arguments (a report's
tables, checks and findings as they are in memory), on this library's code, on matplotlib's
settings and registered fonts, and on the versions of the libraries that draw it. Its key is a
digest of all of them, written the same way in every process, so that a notebook kernel shows
the chart an earlier kernel drew for the same inputs and draws afresh after any change.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import pickle
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pandas as pd

#: Libraries whose version changes the pixels of a chart.
_DRAWING_LIBRARIES = ("matplotlib", "pillow", "noto-cjk-sans-otc")


@functools.cache
def _versions(names: tuple[str, ...]) -> tuple[str, ...]:
    import importlib.metadata

    return tuple(importlib.metadata.version(name) for name in names)


def _as_drawn(argument: object) -> object:
    """What of an argument a chart can draw, in a form that is written alike in every process.

    For a report: its descriptor, the bytes of its directory (its checks are computed from
    those) and its tables by content. A frame's own pickle is not used: the same frame pickles
    differently depending on how it was made (read afresh or from the cache).
    """
    from fundanalysis.audit.audited import AuditedReport
    from fundanalysis.data.tables import load_report_tables

    if isinstance(argument, AuditedReport):
        digest = load_report_tables(argument.data_dir).digest
        tables = {name: _frame_digest(frame) for name, frame in argument.tables.items()}
        # the report's checks and findings, which a chart may draw and a user may have changed
        # in memory; computed here if not yet, so the key does not depend on what ran before
        derived = {name: _frame_digest(getattr(argument, name)) for name in ("checks", "findings")}
        return ("report", str(argument.data_dir), digest, argument.info, tables, derived)
    if isinstance(argument, pd.DataFrame | pd.Series):
        return _frame_digest(argument)
    return argument


def _frame_digest(frame: pd.DataFrame | pd.Series) -> bytes:
    """A frame's content: labels, dtypes (a categorical's order too) and each column's Arrow
    buffers with their type, offset and length, which together fix every value; columns of
    Python objects value by value with each value's type (so 1 and "1" differ).

    Buffers are not canonical: the same values laid out differently (sliced, or read back from
    the cache) give another digest, which costs a drawing, never a wrong chart.
    """
    import pyarrow as pa

    whole = frame.to_frame() if isinstance(frame, pd.Series) else frame
    digest = hashlib.sha256(
        repr(
            (
                type(frame).__name__,
                [(str(c), repr(t)) for c, t in whole.dtypes.items()],
                repr(whole.index.dtype),
                len(whole),
            )
        ).encode()
    )
    if isinstance(whole.index, pd.RangeIndex):
        digest.update(repr(whole.index).encode())
    else:
        digest.update(pd.util.hash_pandas_object(whole.index).to_numpy().tobytes())
    for position in range(whole.shape[1]):
        column = whole.iloc[:, position]
        if pd.api.types.is_object_dtype(column.dtype):
            digest.update(repr([(type(v).__name__, repr(v)) for v in column.tolist()]).encode())
            continue
        array = pa.array(column, from_pandas=True)
        if isinstance(array, pa.ChunkedArray):
            array = array.combine_chunks()
        digest.update(repr((str(array.type), len(array), array.offset)).encode())
        for buffer in array.buffers():
            digest.update(b"\0" if buffer is None else bytes([1]) + buffer)
    return digest.digest()


#: matplotlib settings that change how a figure is shown on screen, never its pixels.
_INTERACTIVE_SETTINGS = {"backend", "backend_fallback", "interactive", "toolbar"}


def _canonical(value: object) -> bytes:
    """``value`` as bytes that are the same in every process for the same content.

    Pickles are not: equal strings pickle differently when one process shares them between
    two places and another does not. Plain values are written by ``repr``; anything else by its
    pickle, which at worst misses the cache, never hits it wrongly.
    """
    if value is None or isinstance(value, str | bytes | bool | int | float | Decimal | Path):
        return f"{type(value).__name__}:{value!r}".encode()
    if isinstance(value, list | tuple):
        inner = b",".join(_canonical(member) for member in value)
        return type(value).__name__.encode() + b"(" + inner + b")"
    if isinstance(value, dict):
        inner = b",".join(_canonical(k) + b":" + _canonical(v) for k, v in value.items())
        return b"dict(" + inner + b")"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value)]
        return type(value).__qualname__.encode() + _canonical(fields)
    return b"pickle:" + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def chart_key(make: Callable, args: tuple, kwargs: dict) -> tuple[str, str, str] | None:
    """Where a chart is stored (place, slot) and the digest of what it draws; ``None`` when the
    cache is off or an argument cannot be digested.

    Only the package's own chart functions are stored: a user's function may change under the
    same name. The digest covers the arguments, this library's code, matplotlib's settings and
    fonts and the drawing libraries' versions, so a changed table or setting draws afresh.
    """
    import matplotlib as mpl

    from fundanalysis.store import cache

    name = f"{getattr(make, '__module__', '')}.{getattr(make, '__qualname__', '')}"
    if cache.cache_dir() is None or not name.startswith("fundanalysis."):
        return None  # a function of the user's may change under the same name: drawn each time
    try:
        inputs = _canonical(([_as_drawn(a) for a in args], kwargs))
    except Exception:  # arguments that cannot be pickled are drawn each time
        return None
    from matplotlib import font_manager

    settings = repr(
        sorted(
            (key, repr(value))
            for key, value in dict.items(mpl.rcParams)  # raw: reading "backend" imports pyplot
            if key not in _INTERACTIVE_SETTINGS  # set when a kernel makes its first figure
        )
    )
    # the fonts matplotlib knows: a CJK font not registered draws boxes under the same settings
    fonts = repr(
        sorted((f.fname, f.name, f.style, f.weight) for f in font_manager.fontManager.ttflist)
    )
    settings += fonts
    versions = _versions(_DRAWING_LIBRARIES)
    digest = hashlib.sha256(
        cache.code_digest() + repr((name, versions, settings)).encode() + inputs
    ).hexdigest()
    place = str(getattr(args[0], "data_dir", "")) if args else ""
    others = repr((name, [a for a in args if not hasattr(a, "data_dir")], kwargs))
    slot = f"chart-{make.__qualname__}-{hashlib.sha256(others.encode()).hexdigest()[:16]}"
    return place, slot, digest
