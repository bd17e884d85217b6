"""What the notebooks show a reader: tables, charts and sentences, in Chinese and in English.

Each ``show_*`` function displays one output per language, tagged with the language in its
metadata; the site keeps the outputs of the page's language, JupyterLab shows both (or one:
set ``FUNDANALYSIS_LANG=zh`` or ``en``). Tables have no index, headers in the reader's words,
numbers formatted, empty cells as "—"; charts are 2× PNG with an alt text that says what they
show. Anything a report does not print is said in one plain line.
"""

from __future__ import annotations

import html
import math
import numbers
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from markupsafe import Markup

from fundanalysis.analysis.results import NotReported
from fundanalysis.data.labels import LANGUAGES, label
from fundanalysis.data.money import WAN_IN_ENGLISH, wan_for_reading
from fundanalysis.publish.chartimages import chart_html
from fundanalysis.publish.pagetext import sentence_html

if TYPE_CHECKING:
    from matplotlib.figure import Figure

EMPTY = "—"

#: What a page shows for a value that cannot be computed (a rate over 0, funds per 0 people).
NOT_COMPUTABLE = {"zh": "无法计算", "en": "not computable"}

#: Chinese characters (a cell in the report's own words on an English page).
_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

#: Text this short (a status, a place, an id) stays on one line in a table cell.
SHORT = 12


def languages() -> tuple[str, ...]:
    """The languages to show: the one ``FUNDANALYSIS_LANG`` names (``zh`` or ``en``), else
    both (``both``, empty or unset)."""
    chosen = os.environ.get("FUNDANALYSIS_LANG", "")
    return (chosen,) if chosen in LANGUAGES else LANGUAGES


@dataclass(frozen=True)
class Chart:
    """A finished chart and the sentence that says what it shows (its alt text)."""

    figure: Figure
    alt: str


def _display(bundle: dict[str, str], lang: str) -> None:
    from IPython.display import display

    display(bundle, raw=True, metadata={"fundanalysis": {"lang": lang}})


def show_text(zh: str, en: str) -> None:
    """A sentence in each language: plain text, or HTML made by :func:`pagetext.sentence`.

    The sentence enters the page here, as HTML built by markupsafe: whatever markup plain
    text holds is shown as text, and no value inside a :func:`sentence` can add any.
    """
    for lang, text in zip(LANGUAGES, (zh, en), strict=True):
        if lang in languages():
            html_out = sentence_html(text)
            plain = Markup(html_out).striptags()
            _display({"text/html": html_out, "text/plain": plain}, lang)


def show_html(markup: str, lang: str) -> None:
    """HTML built with markupsafe (every value in it escaped) as the output of ``lang``."""
    if lang in languages():
        _display({"text/html": markup, "text/plain": Markup(markup).striptags()}, lang)


def show_missing(missing: NotReported) -> None:
    show_text(missing.sentence("zh"), missing.sentence("en"))


def is_infinite(value: object) -> bool:
    """Whether ``value`` is an infinite number (what a division by zero gives)."""
    if isinstance(value, bool | str) or not isinstance(value, numbers.Number):
        return False
    try:
        return math.isinf(value)
    except (TypeError, ValueError, OverflowError):
        return False


def _format(value, kind: str, lang: str = "zh") -> str:
    if is_infinite(value):  # a division by zero in an analysis: say so, never "inf"
        return NOT_COMPUTABLE[lang]
    if value is None or (not isinstance(value, str | list) and pd.isna(value)):
        return EMPTY
    if kind == "money":  # 万元 at two decimals; the figure to the 分 is the cell's title
        return wan_for_reading(value)[0]
    if kind in ("yuan", "average"):  # 元 per person to the 分; people per household
        return f"{value:,.2f}"
    if kind == "figure":  # a number written out already (views/common.checks_for_reading)
        return str(value)
    if kind == "percent":  # a share so large that as a percentage it overflows: no share
        return NOT_COMPUTABLE[lang] if math.isinf(float(value) * 100) else percent(float(value))
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


#: What a phone shows across, in half-width characters (a CJK character is two): a table wider
#: than this, at its columns' natural widths, becomes one card per row on a phone.
PHONE_CHARACTERS = 46  # measured: a table of 50 overflowed a 390 px screen by 8 px
#: A column of long text counts at most this wide: it wraps; none is narrower than 5em.
WRAPPED = 20
NARROWEST = 10


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def too_wide_for_a_phone(shown: list[tuple[str, list[str], bool]]) -> bool:
    """Whether a table (header, cells, numeric per column) is too wide to read on a phone:
    small tables stay tables there; wide ones become cards, one per row."""
    widths = [
        min(WRAPPED, max(NARROWEST, *(_display_width(t) for t in [*header.split(), *cells])))
        + 2  # the cell's padding; a header wraps between its words
        for header, cells, _ in shown
    ]
    return sum(widths) > PHONE_CHARACTERS


def percent(value: float) -> str:
    """A share as a percentage: two decimals, as reports print rates (96.35%), or two
    significant digits when it is tinier than that."""
    shown = value * 100
    if shown != 0 and abs(shown) < 0.01:  # 0.00002%, never 2e-05%
        return np.format_float_positional(shown, precision=2, fractional=False, trim="-") + "%"
    return f"{shown:.2f}%"


#: Said under a table where two decimals round some amount (the downloads keep it exact): to
#: a reader with a pointer, and to one on a phone, where no figure is dotted (site.css).
ROUNDED_NOTE = (
    "金额保留两位小数；带点线的金额经四舍五入，指向它即显示至分的数值，下载的数据中为精确值。",
    "Amounts are shown to two decimals; a dotted amount is rounded: point at it for its figure "
    "to the fen (0.01 yuan). The downloads hold every figure exactly.",
)
ROUNDED_NOTE_ON_A_PHONE = (
    "金额保留两位小数，部分经四舍五入；下载的数据中为精确值。",
    "Amounts are shown to two decimals, some of them rounded; the downloads hold every figure "
    "exactly.",
)


#: Said under a table that shows a range: its figure is computed from one printed coarser.
RANGE_NOTE = (
    "“甲 至 乙”为区间：所据数字印得比表中单位粗（如 1.8 万人、1.2 亿元），代表四舍五入前的一个区间，"
    "由此算出的数只能给出范围。",
    '"a to b" is a range: a figure it is computed from is printed coarser than the table\'s unit '
    "(such as 1.8 × 10,000 people, or 1.2 × 100 million yuan) and stands for the interval its "
    "rounding allows, so only a range can be given.",
)


def _end(value, kind: str, up: bool) -> Decimal:
    """One end of a range to two decimals (a percentage's as a percentage), rounded outwards
    (the low end down, the high end up), so the range shown holds every value the inputs allow."""
    scaled = Fraction(value) * (10_000 if kind == "percent" else 100)
    hundredths = -(-scaled.numerator // scaled.denominator) if up else math.floor(scaled)
    return Decimal(hundredths).scaleb(-2)


def range_text(low, high, kind: str, lang: str) -> str:
    """A range of a numeric column: "3.50 至 3.70" ("3.50 to 3.70"), ends rounded outwards;
    one figure where both ends show the same (100.00 % for the only part of a whole)."""
    word = "至" if lang == "zh" else "to"
    if kind == "exact":  # a change written in full: both ends to the same digit (-1.0 to -0.8)
        exact = [Decimal(low), Decimal(high)]
        places = max(-min(e.as_tuple().exponent, 0) for e in exact)
        ends = [f"{e:,.{places}f}" for e in exact]
    else:
        pattern = "{:.2f}%" if kind == "percent" else "{:,.2f}"
        ends = [pattern.format(_end(low, kind, False)), pattern.format(_end(high, kind, True))]
    return ends[0] if ends[0] == ends[1] else f" {word} ".join(ends)


def _exact(value, kind: str, unit: str) -> str:
    """The cell's figure in full where the page rounds it ("" where it does not)."""
    if kind != "money" or value is None or is_infinite(value):
        return ""
    if not isinstance(value, Decimal) and pd.isna(value):
        return ""
    exact = wan_for_reading(value)[1]
    return f"{exact} {unit}" if exact else ""


def table_html(
    frame: pd.DataFrame,
    columns: Iterable[str],
    lang: str,
    formats: dict[str, str] | None = None,
    headers: dict[str, tuple[str, str]] | None = None,
    row_ids: list[str] | None = None,
) -> tuple[str, str]:
    """(HTML, plain text) of ``columns`` of ``frame`` for a reader of ``lang``.

    For English, a column ``x`` is shown from ``x_en`` where the frame has one. ``formats``
    maps columns to money (万元), yuan (元), average (a mean that is not money, to two
    decimals), percent, exact, count or date; other columns are text.
    Money is shown to two decimals; where that rounds it, the cell's title gives its figure to
    the 分, as does a column ``x_exact`` (``x_exact_en``) for a column of text, and a note
    under the table says so. ``row_ids`` give each row a stable anchor (``id``), so that a
    page can link to it.
    """
    formats = formats or {}
    headers = headers or {}
    columns = list(columns)
    shown: list[tuple[str, list[str], bool]] = []
    titles: list[list[str]] = []
    originals: list[bool] = []
    ranged = False
    unit = "万元" if lang == "zh" else WAN_IN_ENGLISH
    for column in columns:
        source = f"{column}_en" if lang == "en" and f"{column}_en" in frame.columns else column
        values = frame[source].tolist()
        kind = formats.get(column, "text")
        given = f"{column}_exact_en" if lang == "en" else f"{column}_exact"
        if given in frame.columns:
            titles.append(["" if pd.isna(t) else str(t) for t in frame[given].tolist()])
        else:
            titles.append([_exact(v, kind, unit) for v in values])
        if kind == "text" and (
            frame[source].dtype == bool or isinstance(frame[source].dtype, pd.BooleanDtype)
        ):
            words = {True: ("是", "yes"), False: ("否", "no")}
            values = [None if pd.isna(v) else words[bool(v)][LANGUAGES.index(lang)] for v in values]
        header = (
            headers[column][LANGUAGES.index(lang)] if column in headers else label(column, lang)
        )
        numeric = kind in ("money", "yuan", "average", "percent", "exact", "count", "figure")
        texts = [_format(v, kind, lang) for v in values]
        if f"{column}_range" in frame.columns:  # a figure from inputs printed coarser: a range
            texts = [
                range_text(*r, kind, lang) if isinstance(r, tuple) else text
                for text, r in zip(texts, frame[f"{column}_range"].tolist(), strict=True)
            ]
            ranges = [isinstance(r, tuple) for r in frame[f"{column}_range"].tolist()]
            titles[-1] = ["" if r else t for t, r in zip(titles[-1], ranges, strict=True)]
            ranged = ranged or any(ranges)
        unit_column = f"{column}_unit_en" if lang == "en" else f"{column}_unit"
        if unit_column in frame.columns:  # each row's own unit, after its figure
            texts = [
                f"{text} {u}" if isinstance(u, str) and u and text != EMPTY else text
                for text, u in zip(texts, frame[unit_column].tolist(), strict=True)
            ]
        flag = f"{column}_computable"  # an analysis' word that a value cannot be computed
        if flag in frame.columns:
            texts = [
                NOT_COMPUTABLE[lang] if computable is False else text
                for text, computable in zip(texts, frame[flag].tolist(), strict=True)
            ]
        shown.append((header, texts, numeric))
        # a column with no English form is the report's own words: marked as Chinese there
        originals.append(lang == "en" and source == column and kind == "text")

    def cell(
        tag: str, text: str, numeric: bool, header: str = "", title: str = "", quoted=False
    ) -> str:
        # numbers and short words never break inside; long text wraps
        if numeric:
            marked = "num"
        elif len(text) <= SHORT:
            marked = "short"
        else:  # long text keeps a readable width; the table scrolls instead
            marked = "long"
        if title:
            marked += f' rounded" title="{html.escape(title, quote=True)}'
        label = f' data-label="{html.escape(header, quote=True)}"' if header else ""
        if quoted and _CHINESE.search(text):
            label += ' lang="zh-CN"'
        return f'<{tag} class="{marked}"{label}>{html.escape(text)}</{tag}>'

    head = "".join(cell("th", header, numeric) for header, _, numeric in shown)
    ids = [f' id="{html.escape(i, quote=True)}"' for i in row_ids] if row_ids else None
    rows = [
        f"<tr{ids[i] if ids else ''}>"
        + "".join(
            cell("td", cells[i], numeric, header, titles[j][i], originals[j])
            for j, (header, cells, numeric) in enumerate(shown)
        )
        + "</tr>"
        for i in range(len(frame))
    ]
    language = "zh-CN" if lang == "zh" else "en"
    rounded = any(any(column) for column in titles)
    at = LANGUAGES.index(lang)
    note = (
        f'<span class="fa-note-pointer">{html.escape(ROUNDED_NOTE[at])}</span>'
        f'<span class="fa-note-phone">{html.escape(ROUNDED_NOTE_ON_A_PHONE[at])}</span>'
    )
    html_out = (
        f'<div class="fa-table-wrap" lang="{language}"><table class="fa-table{" fa-cards" if too_wide_for_a_phone(shown) else ""}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        + (f'<p class="fa-table-note">{note}</p>' if rounded else "")
        + (f'<p class="fa-table-note">{html.escape(RANGE_NOTE[at])}</p>' if ranged else "")
        + "</div>"
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
    headers: dict[str, tuple[str, str]] | None = None,
    row_ids: list[str] | None = None,
) -> None:
    """Display a table in each language, or the line saying the report does not print it."""
    if isinstance(result, NotReported):
        show_missing(result)
        return
    columns = list(columns)
    for lang in languages():
        html_out, text = table_html(result, columns, lang, formats, headers, row_ids)
        _display({"text/html": html_out, "text/plain": text}, lang)


def _drawn(
    make: Callable[..., Chart | NotReported],
    args: tuple,
    kwargs: dict,
    lang: str,
    key: tuple[str, str, str] | None,
) -> tuple[str, str] | NotReported:
    """``make``'s chart in ``lang`` as (HTML, alt text), from the cache if drawn before."""
    from fundanalysis.store import cache

    if key is not None:
        place, slot, digest = key
        stored = cache.read(place, f"{slot}-{lang}", digest)
        if stored is not None:
            return stored
    chart = make(*args, lang=lang, **kwargs)
    result = chart if isinstance(chart, NotReported) else (chart_html(chart, lang), chart.alt)
    if key is not None:
        cache.write(place, f"{slot}-{lang}", digest, result)
    return result


def show_chart(make: Callable[..., Chart | NotReported], *args, **kwargs) -> None:
    """Draw ``make(*args, lang=…)`` for each language and display it with its alt text.

    Where there is nothing to draw, nothing is shown: each chart follows the table of the same
    figures, which has said in one line that the report does not print them.
    """
    from fundanalysis.publish.chartkeys import chart_key

    key = chart_key(make, args, kwargs)
    for lang in languages():
        drawn = _drawn(make, args, kwargs, lang, key)
        if isinstance(drawn, NotReported):
            continue  # the table this chart draws has already said that it is not reported
        figure_html, alt = drawn
        _display({"text/html": figure_html, "text/plain": alt}, lang)
