"""Charts for the notebooks and the site: one style, fixed colours per funding level.

Every chart function takes a table from :mod:`fundanalysis.analysis` and returns a matplotlib
``Figure`` with units on its axes and a source line naming the report section underneath.
"""

from fundanalysis.charts.figures import (
    allocations_chart,
    batch_timeline_chart,
    budget_chart,
    carryover_by_county_chart,
    carryover_kind_chart,
    funds_by_level_chart,
    payment_schedule_chart,
    project_funnel_chart,
    projects_by_level_chart,
    reconciliation_chart,
)
from fundanalysis.charts.style import LEVEL_COLORS, use_style

__all__ = [
    "LEVEL_COLORS",
    "allocations_chart",
    "batch_timeline_chart",
    "budget_chart",
    "carryover_by_county_chart",
    "carryover_kind_chart",
    "funds_by_level_chart",
    "payment_schedule_chart",
    "project_funnel_chart",
    "projects_by_level_chart",
    "reconciliation_chart",
    "use_style",
]
