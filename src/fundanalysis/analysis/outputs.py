"""Outputs (产出指标): what the funds built or delivered, as the report prints it, by category."""

from __future__ import annotations

import pandas as pd

from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport

MISSING = NotReported("产出指标", "outputs")


def outputs_table(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Every output in the report's order: category, item, value exactly as printed, unit."""
    outputs = report.tables["outputs"]
    if outputs.empty:
        return MISSING
    columns = ["category", "category_en", "item", "item_en", "value", "unit", "unit_en"]
    columns += ["place", "place_en", "kind", "kind_en", "value_number"]
    return outputs[columns].reset_index(drop=True)


def outputs_by_category(report: AuditedReport) -> pd.DataFrame | NotReported:
    """How many outputs (distinct items) each category reports, in the report's order.

    Items are counted, not added: a category's outputs are in units of different kinds (个,
    千米, 亩), which no sum may mix.
    """
    outputs = report.tables["outputs"]
    if outputs.empty:
        return MISSING
    grouped = outputs.groupby(["category", "category_en"], sort=False, observed=True)
    frame = grouped["item"].nunique().rename("outputs").reset_index()
    frame["units"] = grouped["unit"].agg(lambda u: "、".join(dict.fromkeys(u))).to_numpy()
    return frame
