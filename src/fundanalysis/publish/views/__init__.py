"""What each section of a notebook shows: the analysis, laid out for readers, in both languages.

One function per notebook section, so that the notebooks hold narrative and one call each; the
analysis functions return data (see :mod:`fundanalysis.analysis`), these only choose the columns,
their formats and the charts, and say in one line whatever the report does not print. Where a
whole page's subject is missing, its first section says so and the others stay silent.

The sections live in one module per page (``overview``, ``funding``, ``carryover``,
``outcomes``, ``audit``; ``common`` holds what they share); the notebooks call them from here.
"""

from __future__ import annotations

from fundanalysis.publish.views.audit import (
    check_results,
    corrections,
    coverage,
    every_check,
    failing_checks,
    findings_register,
    scan_beside_declared,
)
from fundanalysis.publish.views.carryover import (
    carryover_items,
    carryover_overview,
    carryover_rates,
    carryover_sources,
    payments,
)
from fundanalysis.publish.views.common import checks_of, report_claims
from fundanalysis.publish.views.findings import finding_evidence, key_findings_summary
from fundanalysis.publish.views.funding import allocations, batches, budget, spending_and_execution
from fundanalysis.publish.views.outcomes import (
    funds_per_poor,
    poverty_counts,
    poverty_reduction,
    project_breakdowns,
    project_outputs,
    project_stages,
)
from fundanalysis.publish.views.overview import (
    about,
    evaluated_funds,
    findings_summary,
    funds_by_level,
    headlines,
    scorecard,
)

__all__ = [
    "about",
    "allocations",
    "batches",
    "budget",
    "carryover_items",
    "carryover_overview",
    "carryover_rates",
    "carryover_sources",
    "check_results",
    "checks_of",
    "corrections",
    "coverage",
    "evaluated_funds",
    "every_check",
    "failing_checks",
    "finding_evidence",
    "findings_register",
    "findings_summary",
    "funds_by_level",
    "funds_per_poor",
    "headlines",
    "key_findings_summary",
    "payments",
    "poverty_counts",
    "poverty_reduction",
    "project_breakdowns",
    "project_outputs",
    "project_stages",
    "report_claims",
    "scan_beside_declared",
    "scorecard",
    "spending_and_execution",
]
