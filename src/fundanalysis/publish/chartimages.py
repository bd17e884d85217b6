"""A chart as a page shows it: a 2× PNG for the desktop and one laid out again for a phone,
its alt text, and a note where the chart cannot draw some of the report's text.

Every text of a phone chart stays at 10 CSS pixels or more across a phone's screen
(``tests/test_phone_charts.py`` measures it): long labels are broken into short lines,
legends put in one column, and axes given fewer ticks.
"""

from __future__ import annotations

import base64
import html
import io
import re
import unicodedata
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from fundanalysis.publish.present import Chart


_LAYOUT_GAVE_UP = "constrained_layout not applied"

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


#: What a chart says under itself when some of its text cannot be drawn as written.
CHART_NOTE = {
    "zh": "图中有些文字无法按原样绘出（{chars}），请以上表为准。",
    "en": "Some text in this chart cannot be drawn as written ({chars}); the table above shows it.",
}
_MISSING_GLYPH = re.compile(r"Glyph (\d+) \(.*\) missing from font")


def _undrawable(chart: Chart, caught: list[warnings.WarningMessage]) -> list[str]:
    """Characters of the chart's text, in the order it shows them, that its fonts lack
    (matplotlib warned) or that it draws wrongly (right-to-left scripts such as Uyghur, which
    matplotlib neither shapes nor reorders)."""
    from matplotlib.text import Text

    missing = {chr(int(m[1])) for w in caught if (m := _MISSING_GLYPH.search(str(w.message)))}
    shown = "".join(text.get_text() for text in chart.figure.findobj(Text))
    found = [c for c in shown if c in missing or unicodedata.bidirectional(c) in ("R", "AL")]
    return list(dict.fromkeys(found + sorted(missing - set(found))))


def _drawing(chart: Chart) -> tuple[str, int, list[warnings.WarningMessage]]:
    """:func:`_png`, with the warnings matplotlib gave while drawing it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data, pixels = _png(chart)
    return data, pixels, caught


#: A phone's screen, less the page's margins, in CSS pixels: what a chart is shown across.
PHONE_SCREEN = 358


#: Labels on a phone: broken into lines of about this many columns (a CJK character is two).
PHONE_LABEL = 18


def _narrowed(figure: Figure) -> None:
    """Make a chart's axes fit a phone: long tick labels broken into short lines, so that the
    bars keep their width, legends in one column, and at most three ticks on a numeric or
    date axis."""
    from matplotlib import dates, ticker

    from fundanalysis.publish.charts.style import fit

    figure.draw_without_rendering()  # tick labels exist once laid out
    for ax in figure.axes:
        labels = [t.get_text() for t in ax.get_yticklabels()]
        if any(len(label) > PHONE_LABEL // 2 for label in labels):
            short = [fit(label.replace("\n", " "), PHONE_LABEL, PHONE_LABEL, 3) for label in labels]
            ax.set_yticks(ax.get_yticks(), short)
        legend = ax.get_legend()
        if legend is not None and legend._ncols > 1:  # side by side it is wider than a phone
            anchor = legend.get_bbox_to_anchor().transformed(ax.transAxes.inverted())
            handles, texts = ax.get_legend_handles_labels()
            ax.legend(handles, texts, loc=legend._loc, bbox_to_anchor=(anchor.x0, anchor.y0))
        for axis in (ax.xaxis, ax.yaxis):
            locator = axis.get_major_locator()
            if type(locator) is ticker.AutoLocator:
                axis.set_major_locator(ticker.MaxNLocator(nbins=3, steps=[1, 2, 2.5, 5, 10]))
            elif isinstance(locator, dates.AutoDateLocator):
                locator.minticks = 2
                locator.maxticks = dict.fromkeys(locator.maxticks, 3)


def phone_drawing(chart: Chart) -> tuple[str, int, list[warnings.WarningMessage]]:
    """The chart laid out again for a phone, :data:`PHONE_WIDTH` wide (a little wider where its
    labels do not fit), as :func:`_drawing` gives it; the figure is left at that size, with
    its labels narrowed (:func:`_narrowed`): draw the wide version first."""
    width, height = chart.figure.get_size_inches()
    with warnings.catch_warnings(record=True) as narrowing:  # laid out once: glyphs warn
        warnings.simplefilter("always")
        _narrowed(chart.figure)
    for phone in (PHONE_WIDTH, (PHONE_WIDTH + width) / 2):  # wider if the labels need it
        chart.figure.set_size_inches(phone, height * 1.25)
        data, pixels, caught = _drawing(chart)
        if not any(_LAYOUT_GAVE_UP in str(w.message) for w in caught):
            break
    return data, pixels, narrowing + caught


def chart_html(chart: Chart, lang: str | None = None) -> str:
    """The chart as an HTML figure: 2× PNG, redrawn narrower for phones, with its alt text.

    The phone version is the same figure laid out again at :data:`PHONE_WIDTH`, so its labels
    keep their size in points and stay readable when the screen is narrow; where they do not
    fit, it is laid out again a little wider. Where the report's text holds characters the
    chart cannot draw (a script or emoji its fonts lack), a note under the chart says so and
    points to the table; constrained layout giving up on a crowded figure is no fault either
    (the image is cut to what was drawn). Any other warning is passed on.
    """
    width, height = chart.figure.get_size_inches()
    wide, wide_px, caught = _drawing(chart)
    narrow, _, phone_caught = phone_drawing(chart)
    caught += phone_caught
    chart.figure.set_size_inches(width, height)
    undrawable = _undrawable(chart, caught)
    for w in caught:
        message = str(w.message)
        if not (_LAYOUT_GAVE_UP in message or _MISSING_GLYPH.search(message)):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    alt = html.escape(chart.alt, quote=True)
    note = ""
    if undrawable:
        chars = " ".join(undrawable[:8]) + (" …" if len(undrawable) > 8 else "")
        note = (
            '<figcaption class="fa-chart-note">'
            + html.escape(CHART_NOTE[lang or "zh"].format(chars=chars))
            + "</figcaption>"
        )
    return (
        '<figure class="fa-chart"><picture>'
        f'<source media="(max-width: 600px)" srcset="data:image/png;base64,{narrow}">'
        f'<img src="data:image/png;base64,{wide}" alt="{alt}" width="{wide_px}">'
        f"</picture>{note}</figure>"
    )
