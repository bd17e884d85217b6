"""fundanalysis: Bayingolin Prefecture's 2020 poverty-alleviation fund report as exact, traceable data."""

from fundanalysis.errors import DataError, Problem
from fundanalysis.loaders import (
    load_all,
    load_allocations,
    load_budget,
    load_carryover,
    load_corrections,
    load_counties,
    load_evaluated_funds,
    load_poverty,
    load_projects,
    load_sections,
    load_supervision,
    load_table,
    load_totals,
    load_transfers,
)
from fundanalysis.reconcile import reconcile

__all__ = [
    "DataError",
    "Problem",
    "load_all",
    "load_allocations",
    "load_budget",
    "load_carryover",
    "load_corrections",
    "load_counties",
    "load_evaluated_funds",
    "load_poverty",
    "load_projects",
    "load_sections",
    "load_supervision",
    "load_table",
    "load_totals",
    "load_transfers",
    "reconcile",
]
