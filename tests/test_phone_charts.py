"""Charts drawn for the phone: every chart of the shipped reports and the scorecard fixture, in
both languages, laid out for a phone keeps every text at 10 CSS pixels or more once the image
is shown across a phone's screen (390 px, less the page's margins)."""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

from conftest import FIXTURES

import fundanalysis as fa
from fundanalysis.analysis import funding
from fundanalysis.analysis.results import NotReported
from fundanalysis.data.paths import shipped_reports
from fundanalysis.publish import chartimages, charts, present

#: The smallest text a reader can be asked to read on a phone, in CSS pixels.
SMALLEST = 10

#: What each chart needs beside the report and the language.
ARGUMENTS = {
    "allocations_chart": lambda report: [(funds,) for funds in funding.allocation_funds(report)],
    "projects_breakdown_chart": lambda report: [("level",), ("category",)],
}


def _charts():
    charts.use_style()
    for directory in [*shipped_reports(), FIXTURES / "scorecard"]:
        report = fa.load_report(directory)
        for name in charts.CHARTS:
            for arguments in ARGUMENTS.get(name, lambda _: [()])(report):
                yield directory.name, name, report, arguments


def text_pixels_on_a_phone(chart: present.Chart) -> list[tuple[str, float]]:
    """Each text of the chart's phone version with its size in CSS pixels on a phone."""
    from matplotlib.text import Text

    _, css_width, _ = chartimages.phone_drawing(chart)
    inches = css_width / chart.figure.get_dpi()  # the saved image, text past the edge included
    per_inch = min(chartimages.PHONE_SCREEN, css_width) / inches
    return [
        (text.get_text(), text.get_fontsize() / 72 * per_inch)
        for text in chart.figure.findobj(Text)
        if text.get_visible() and text.get_text().strip()
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_phone_chart_keeps_its_text_readable(lang):
    small = []
    drawn = 0
    for report_id, name, report, arguments in _charts():
        chart = getattr(charts, name)(report, *arguments, lang=lang)
        if isinstance(chart, NotReported):
            continue
        drawn += 1
        for text, pixels in text_pixels_on_a_phone(chart):
            if pixels < SMALLEST:
                small.append(f"{report_id} {name}{arguments}: {text[:30]!r} {pixels:.1f} px")
        chart.figure.clear()
    assert drawn >= 20  # the measure ran over the charts, not over nothing
    assert small == []


def test_a_chart_drawn_for_a_desktop_alone_would_be_too_small():
    """The measure can fail: the desktop layout, shown across a phone, has text under 10 px."""
    from matplotlib.text import Text

    charts.use_style()
    report = fa.load_report(shipped_reports()[0])
    chart = charts.batch_timeline_chart(report, lang="en")
    _, css_width = chartimages._png(chart)
    per_inch = chartimages.PHONE_SCREEN / (css_width / chart.figure.get_dpi())
    smallest = min(t.get_fontsize() for t in chart.figure.findobj(Text) if t.get_text().strip())
    assert smallest / 72 * per_inch < SMALLEST
