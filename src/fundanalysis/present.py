"""What the notebooks show a reader: tables, charts and sentences, in Chinese and in English.

Each ``show_*`` function displays one output per language, tagged with the language in its
metadata; the site keeps the outputs of the page's language, JupyterLab shows both (or one:
set ``FUNDANALYSIS_LANG=zh`` or ``en``). Tables have no index, headers in the reader's words,
numbers formatted, empty cells as "—"; charts are 2× PNG with an alt text that says what they
show. Anything a report does not print is said in one plain line.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import html
import io
import os
import pickle
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from fundanalysis.labels import LANGUAGES, label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

EMPTY = "—"

#: Text this short (a status, a place, an id) stays on one line in a table cell.
SHORT = 12


def languages() -> tuple[str, ...]:
    """The languages to show: both, or the one ``FUNDANALYSIS_LANG`` names."""
    chosen = os.environ.get("FUNDANALYSIS_LANG", "")
    return (chosen,) if chosen in LANGUAGES else LANGUAGES


@dataclass(frozen=True)
class NotReported:
    """The result of an analysis whose figures the report does not print."""

    what: str
    what_en: str

    def sentence(self, lang: str) -> str:
        if lang == "zh":
            return f"本报告未印{self.what}。"
        return f"This report does not print {self.what_en}."

    def _repr_markdown_(self) -> str:
        return " / ".join(self.sentence(lang) for lang in LANGUAGES)


@dataclass(frozen=True)
class Chart:
    """A finished chart and the sentence that says what it shows (its alt text)."""

    figure: Figure
    alt: str


def _display(bundle: dict[str, str], lang: str) -> None:
    from IPython.display import display

    display(bundle, raw=True, metadata={"fundanalysis": {"lang": lang}})


def show_text(zh: str, en: str) -> None:
    """A sentence (Markdown) in each language."""
    for lang, text in zip(LANGUAGES, (zh, en), strict=True):
        if lang in languages():
            _display({"text/markdown": text, "text/plain": text}, lang)


def show_missing(missing: NotReported) -> None:
    show_text(missing.sentence("zh"), missing.sentence("en"))


def _format(value, kind: str, decimals: int) -> str:
    if value is None or (not isinstance(value, str | list) and pd.isna(value)):
        return EMPTY
    if kind == "money":
        text = f"{value:,.{decimals}f}"
        if decimals > 2:  # amounts of 万元 to the 分: show the decimals they have, at least two
            text = text.rstrip("0")
            text += "0" * max(0, 2 - len(text.partition(".")[2]))
        return text
    if kind == "percent":
        return percent(float(value))
    if kind == "exact":
        return f"{Decimal(value):,f}"
    if kind == "count":
        return f"{int(value):,}"
    if kind == "date":
        return value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else str(value)
    if isinstance(value, list):
        return "、".join(str(v) for v in value) if value else EMPTY
    text = str(value)
    return text if text else EMPTY


def percent(value: float) -> str:
    """A share as a percentage: one decimal, or two significant digits when it is tiny."""
    shown = value * 100
    if shown != 0 and abs(shown) < 0.1:
        return f"{shown:.2g}%"
    return f"{shown:.1f}%"


def table_html(
    frame: pd.DataFrame,
    columns: Iterable[str],
    lang: str,
    formats: dict[str, str] | None = None,
    decimals: int = 2,
    headers: dict[str, tuple[str, str]] | None = None,
) -> tuple[str, str]:
    """(HTML, plain text) of ``columns`` of ``frame`` for a reader of ``lang``.

    For English, a column ``x`` is shown from ``x_en`` where the frame has one. ``formats``
    maps columns to money, percent, exact, count or date; other columns are text.
    """
    formats = formats or {}
    headers = headers or {}
    columns = list(columns)
    shown: list[tuple[str, list[str], bool]] = []
    for column in columns:
        source = f"{column}_en" if lang == "en" and f"{column}_en" in frame.columns else column
        values = frame[source].tolist()
        kind = formats.get(column, "text")
        if kind == "text" and (
            frame[source].dtype == bool or isinstance(frame[source].dtype, pd.BooleanDtype)
        ):
            words = {True: ("是", "yes"), False: ("否", "no")}
            values = [None if pd.isna(v) else words[bool(v)][LANGUAGES.index(lang)] for v in values]
        header = (
            headers[column][LANGUAGES.index(lang)] if column in headers else label(column, lang)
        )
        numeric = kind in ("money", "percent", "exact", "count")
        shown.append((header, [_format(v, kind, decimals) for v in values], numeric))

    def cell(tag: str, text: str, numeric: bool, header: str = "") -> str:
        # numbers and short words never break inside; long text wraps
        if numeric:
            marked = ' class="num"'
        elif len(text) <= SHORT:
            marked = ' class="short"'
        else:  # long text keeps a readable width; the table scrolls instead
            marked = ' class="long"'

        label = f' data-label="{html.escape(header, quote=True)}"' if header else ""
        return f"<{tag}{marked}{label}>{html.escape(text)}</{tag}>"

    head = "".join(cell("th", header, numeric) for header, _, numeric in shown)
    rows = [
        "<tr>"
        + "".join(cell("td", cells[i], numeric, header) for header, cells, numeric in shown)
        + "</tr>"
        for i in range(len(frame))
    ]
    language = "zh-CN" if lang == "zh" else "en"
    html_out = (
        f'<div class="fa-table-wrap" lang="{language}"><table class="fa-table{" fa-cards" if len(shown) > 3 else ""}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
    text = "\n".join(
        ["\t".join(header for header, _, _ in shown)]
        + ["\t".join(cells[i] for _, cells, _ in shown) for i in range(len(frame))]
    )
    return html_out, text


def show_table(
    result: pd.DataFrame | NotReported,
    columns: Iterable[str],
    formats: dict[str, str] | None = None,
    decimals: int = 2,
    headers: dict[str, tuple[str, str]] | None = None,
) -> None:
    """Display a table in each language, or the line saying the report does not print it."""
    if isinstance(result, NotReported):
        show_missing(result)
        return
    columns = list(columns)
    for lang in languages():
        html_out, text = table_html(result, columns, lang, formats, decimals, headers)
        _display({"text/html": html_out, "text/plain": text}, lang)


#: Width (inches) of the phone version of a chart: its text, the same size in points, then
#: fills most of a 360-400 px wide screen.
PHONE_WIDTH = 4.2


def _png(chart: Chart) -> tuple[str, int]:
    """The chart as base64 PNG at twice its resolution, and its width in CSS pixels."""
    buffer = io.BytesIO()
    chart.figure.savefig(
        buffer,
        format="png",
        dpi=chart.figure.get_dpi() * 2,
        bbox_inches="tight",  # text that reaches past the figure's edge is kept, not cut
        pad_inches=0.08,
        metadata={"Software": None},
    )
    data = buffer.getvalue()
    pixels = int.from_bytes(data[16:20], "big")  # the PNG header's width
    return base64.b64encode(data).decode("ascii"), pixels // 2


def chart_html(chart: Chart) -> str:
    """The chart as an HTML figure: 2× PNG, redrawn narrower for phones, with its alt text.

    The phone version is the same figure laid out again at :data:`PHONE_WIDTH`, so its labels
    keep their size in points and stay readable when the screen is narrow; where they do not
    fit, it is laid out again a little wider.
    """
    width, height = chart.figure.get_size_inches()
    wide, wide_px = _png(chart)
    for phone in (PHONE_WIDTH, (PHONE_WIDTH + width) / 2):  # wider if the labels need it
        chart.figure.set_size_inches(phone, height * 1.25)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            narrow, _ = _png(chart)
        if not any("constrained_layout not applied" in str(w.message) for w in caught):
            break
    chart.figure.set_size_inches(width, height)
    alt = html.escape(chart.alt, quote=True)
    return (
        '<figure class="fa-chart"><picture>'
        f'<source media="(max-width: 600px)" srcset="data:image/png;base64,{narrow}">'
        f'<img src="data:image/png;base64,{wide}" alt="{alt}" width="{wide_px}">'
        "</picture></figure>"
    )


#: Libraries whose version changes the pixels of a chart.
_DRAWING_LIBRARIES = ("matplotlib", "pillow", "noto-cjk-sans-otc")


@functools.cache
def _versions(names: tuple[str, ...]) -> tuple[str, ...]:
    import importlib.metadata

    return tuple(importlib.metadata.version(name) for name in names)


def _as_drawn(argument: object) -> object:
    """What of an argument a chart can draw, in a form that pickles alike in every process.

    For a report: its descriptor, the bytes of its directory (its checks are computed from
    those) and its tables by content. A frame's own pickle is not used: the same frame pickles
    differently depending on how it was made (read afresh or from the cache).
    """
    from fundanalysis.loaders import Report
    from fundanalysis.tables import load_report_tables

    if isinstance(argument, Report):
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


def _chart_key(make: Callable, args: tuple, kwargs: dict) -> tuple[str, str, str] | None:
    """Where a chart is stored (place, slot) and the digest of what it draws; ``None`` when the
    cache is off or an argument cannot be digested.

    A chart is a function of its arguments (the report's tables among them), this library's
    code, matplotlib's settings and the drawing libraries' versions; the digest covers all of
    them, so a changed table or setting draws afresh.
    """
    import matplotlib as mpl

    from fundanalysis import cache

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


def _drawn(
    make: Callable[..., Chart | NotReported],
    args: tuple,
    kwargs: dict,
    lang: str,
    key: tuple[str, str, str] | None,
) -> tuple[str, str] | NotReported:
    """``make``'s chart in ``lang`` as (HTML, alt text), from the cache if drawn before."""
    from fundanalysis import cache

    if key is not None:
        place, slot, digest = key
        stored = cache.read(place, f"{slot}-{lang}", digest)
        if stored is not None:
            return stored
    chart = make(*args, lang=lang, **kwargs)
    result = chart if isinstance(chart, NotReported) else (chart_html(chart), chart.alt)
    if key is not None:
        cache.write(place, f"{slot}-{lang}", digest, result)
    return result


def show_chart(make: Callable[..., Chart | NotReported], *args, **kwargs) -> None:
    """Draw ``make(*args, lang=…)`` for each language and display it with its alt text.

    Where there is nothing to draw, nothing is shown: each chart follows the table of the same
    figures, which has said in one line that the report does not print them.
    """
    key = _chart_key(make, args, kwargs)
    for lang in languages():
        drawn = _drawn(make, args, kwargs, lang, key)
        if isinstance(drawn, NotReported):
            continue  # the table this chart draws has already said that it is not reported
        figure_html, alt = drawn
        _display({"text/html": figure_html, "text/plain": alt}, lang)
