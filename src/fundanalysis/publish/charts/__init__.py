"""Charts for the notebooks and the site: one style, colours by the report's vocabulary order.

Every chart function takes a report and a language (``"zh"`` or ``"en"``) and returns a
:class:`fundanalysis.present.Chart` (figure and alt text), or NotReported where there is
nothing to draw. Show them with :func:`fundanalysis.present.show_chart`.

The functions live in :mod:`fundanalysis.charts.figures`, which is imported on first use:
matplotlib's figure machinery takes a quarter of a second to import, and a notebook whose
charts all come from the cache (:mod:`fundanalysis.cache`) never needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fundanalysis.charts.style import use_style

if TYPE_CHECKING:
    from fundanalysis.present import Chart, NotReported

CHARTS = (
    "allocations_chart",
    "batch_timeline_chart",
    "budget_chart",
    "carryover_by_place_chart",
    "carryover_kind_chart",
    "funds_by_level_chart",
    "payment_schedule_chart",
    "poverty_chart",
    "project_funnel_chart",
    "projects_breakdown_chart",
    "reconciliation_chart",
    "spending_chart",
)

__all__ = [*CHARTS, "use_style"]


class LazyChart:
    """A chart function of :mod:`fundanalysis.charts.figures`, named now and imported when it
    is first called; it is the same chart to the cache as the function itself."""

    def __init__(self, name: str) -> None:
        self.__module__ = "fundanalysis.charts.figures"
        self.__qualname__ = self.__name__ = name

    def __call__(self, *args, **kwargs) -> Chart | NotReported:
        from fundanalysis.charts import figures

        return getattr(figures, self.__qualname__)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyChart({self.__qualname__!r})"


def __getattr__(name: str) -> LazyChart:
    if name in CHARTS:
        return LazyChart(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
