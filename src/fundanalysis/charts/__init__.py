"""Charts for the notebooks and the site: one style, colours by the report's vocabulary order.

Every chart function takes a report and a language (``"zh"`` or ``"en"``) and returns a
:class:`fundanalysis.present.Chart` (figure and alt text), or NotReported where there is
nothing to draw. Show them with :func:`fundanalysis.present.show_chart`.
"""

from fundanalysis.charts.figures import (
    allocations_chart,
    batch_timeline_chart,
    budget_chart,
    carryover_by_place_chart,
    carryover_kind_chart,
    funds_by_level_chart,
    payment_schedule_chart,
    poverty_chart,
    project_funnel_chart,
    projects_breakdown_chart,
    reconciliation_chart,
    spending_chart,
)
from fundanalysis.charts.style import use_style

__all__ = [
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
    "use_style",
]
