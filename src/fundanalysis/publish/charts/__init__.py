"""Charts for the notebooks and the site: one style, colours by the report's vocabulary order.

Every chart function takes a report and a language (``"zh"`` or ``"en"``) and returns a
:class:`fundanalysis.publish.present.Chart` (figure and alt text), or NotReported where there is
nothing to draw. Show them with :func:`fundanalysis.publish.present.show_chart`.

The functions live in one module per theme (``funding``, ``carryover``, ``outcomes``,
``checks``; ``drawing`` holds what they share), each imported on first use:
matplotlib's figure machinery takes a quarter of a second to import, and a notebook whose
charts all come from the cache (:mod:`fundanalysis.store.cache`) never needs it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from fundanalysis.publish.charts.style import use_style

if TYPE_CHECKING:
    from fundanalysis.analysis.results import NotReported
    from fundanalysis.publish.present import Chart

#: Each chart function, by the module of this package that draws it.
CHARTS = {
    "allocations_chart": "funding",
    "batch_timeline_chart": "funding",
    "budget_chart": "funding",
    "carryover_by_place_chart": "carryover",
    "carryover_kind_chart": "carryover",
    "funds_by_level_chart": "funding",
    "outputs_chart": "outcomes",
    "payment_schedule_chart": "carryover",
    "poverty_chart": "outcomes",
    "project_funnel_chart": "outcomes",
    "projects_breakdown_chart": "outcomes",
    "reconciliation_chart": "checks",
    "spending_chart": "funding",
}

__all__ = [*CHARTS, "use_style"]


class LazyChart:
    """A chart function of this package, named now and imported when it is first called; it is
    the same chart to the cache as the function itself."""

    def __init__(self, name: str) -> None:
        self.__module__ = f"{__name__}.{CHARTS[name]}"
        self.__qualname__ = self.__name__ = name

    def __call__(self, *args, **kwargs) -> Chart | NotReported:
        module = importlib.import_module(self.__module__)
        return getattr(module, self.__qualname__)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyChart({self.__qualname__!r})"


def __getattr__(name: str) -> LazyChart:
    if name in CHARTS:
        return LazyChart(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
