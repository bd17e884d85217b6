"""fundanalysis: poverty-alleviation fund self-evaluation reports as exact, checked, traceable data.

A report is a data directory (see the how-to); ``load_report()`` reads one, ``reconcile()``
checks every total, ratio and cross-check it declares, and the analysis and chart modules
serve the notebooks.
"""

from fundanalysis.errors import DataError, Problem
from fundanalysis.loaders import (
    Report,
    load_all,
    load_allocations,
    load_budget,
    load_carryover,
    load_corrections,
    load_evaluated_funds,
    load_poverty,
    load_projects,
    load_report,
    load_sections,
    load_spending,
    load_supervision,
    load_table,
    load_totals,
    load_transfers,
    load_vocabulary,
)
from fundanalysis.reconcile import findings, reconcile

__all__ = [
    "DataError",
    "Problem",
    "Report",
    "findings",
    "load_all",
    "load_allocations",
    "load_budget",
    "load_carryover",
    "load_corrections",
    "load_evaluated_funds",
    "load_poverty",
    "load_projects",
    "load_report",
    "load_sections",
    "load_spending",
    "load_supervision",
    "load_table",
    "load_totals",
    "load_transfers",
    "load_vocabulary",
    "reconcile",
]
