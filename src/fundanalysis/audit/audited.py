"""A report together with what checking it finds: the object the analyses and pages take.

The data layer's :class:`~fundanalysis.data.loaders.Report` holds a report's descriptor and
tables; this subclass adds its checks and findings, computed on first use, so that the data
layer never imports the audit layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from fundanalysis.audit.findings import findings
from fundanalysis.audit.reconcile import reconcile
from fundanalysis.data.loaders import PathLike, Report, read_report


@dataclass(frozen=True)
class AuditedReport(Report):
    """One report: its descriptor, its validated tables, and what checking it finds."""

    @cached_property
    def checks(self) -> pd.DataFrame:
        """Every declared check, reconciled (see :func:`fundanalysis.audit.reconcile.reconcile`)."""
        return reconcile(self.data_dir)

    @cached_property
    def findings(self) -> pd.DataFrame:
        """The findings register with sizes and materiality."""
        return findings(self.data_dir)


def load_report(data_dir: PathLike = None) -> AuditedReport:
    """The report of ``data_dir`` (default: the default report), validated, with its checks."""
    report = read_report(data_dir)
    return AuditedReport(report.data_dir, report.info, report.tables)
