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

from __future__ import annotations

from typing import TYPE_CHECKING

#: Each public name and the module it lives in, imported on first use: ``import fundanalysis``
#: costs nothing, and ``fundanalysis scan`` runs without pandas.
_PUBLIC = {
    "DataError": "fundanalysis.data.errors",
    "Problem": "fundanalysis.data.errors",
    "Report": "fundanalysis.data.loaders",
    "findings": "fundanalysis.audit.findings",
    "load_report": "fundanalysis.audit.audited",
    "reconcile": "fundanalysis.audit.reconcile",
    **{
        name: "fundanalysis.data.loaders"
        for name in (
            "load_all",
            "load_allocations",
            "load_budget",
            "load_carryover",
            "load_corrections",
            "load_evaluated_funds",
            "load_poverty",
            "load_projects",
            "load_sections",
            "load_spending",
            "load_supervision",
            "load_table",
            "load_totals",
            "load_transfers",
            "load_vocabulary",
        )
    },
}

if TYPE_CHECKING:
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
    """A public name, imported on first use; ``from fundanalysis import views``, as the
    notebooks write it, gives the views of the pages."""
    import importlib

    if name in _PUBLIC:
        value = getattr(importlib.import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value
    if name == "views":
        return importlib.import_module("fundanalysis.publish.views")
    raise AttributeError(f"module 'fundanalysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
