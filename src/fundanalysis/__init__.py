"""fundanalysis: poverty-alleviation fund self-evaluation reports as exact, checked, traceable data.

A report is a data directory (see the how-to); ``load_report()`` reads one, ``reconcile()``
checks every total, ratio and cross-check it declares, and the analysis and chart modules
serve the notebooks.

The package is laid out by layer, each importing only the layers below it (a test keeps it so):
``store`` (results kept between processes) → ``data`` (a report as a data directory and its
validated tables) → ``text`` (the report's prose) → ``audit`` (checks and findings) →
``analysis`` (what the notebooks analyse) → ``publish`` (pages, charts and downloads); this
module, ``cli`` and ``notebook`` are the faces on top.
"""

from fundanalysis.audit.audited import load_report
from fundanalysis.audit.findings import findings
from fundanalysis.audit.reconcile import reconcile
from fundanalysis.data.errors import DataError, Problem
from fundanalysis.data.loaders import (
    Report,
    load_all,
    load_allocations,
    load_budget,
    load_carryover,
    load_corrections,
    load_evaluated_funds,
    load_poverty,
    load_projects,
    load_sections,
    load_spending,
    load_supervision,
    load_table,
    load_totals,
    load_transfers,
    load_vocabulary,
)

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


def __getattr__(name: str):
    """``from fundanalysis import views``, as the notebooks write it: the views of the pages,
    imported on first use (they bring the drawing machinery, which a plain load never needs)."""
    if name == "views":
        from fundanalysis.publish import views

        return views
    raise AttributeError(f"module 'fundanalysis' has no attribute {name!r}")
