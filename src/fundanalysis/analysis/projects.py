"""Project completion: from the pool to projects in use, by level and by category."""

from __future__ import annotations

import pandas as pd

from fundanalysis.analysis._common import with_english
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.money import FEN_PER_WAN

MISSING = NotReported("项目数据", "projects")


def project_funnel(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Projects at each stage the report counts, in stage order, with the date where printed."""
    projects = report.tables["projects"].dropna(subset=["project_count"])
    if projects.empty:
        return MISSING
    stages = []
    for stage, stage_en in vocab.PROJECT_STAGES.items():
        rows = projects[projects["stage"] == stage]
        if rows.empty:
            continue
        as_of = rows["as_of"].dropna()
        stages.append(
            {
                "stage": stage,
                "stage_en": stage_en,
                "projects": int(rows["project_count"].sum()),
                "as_of": as_of.iloc[0] if not as_of.empty else pd.NaT,
            }
        )
    frame = pd.DataFrame(stages)
    first = frame["projects"].iloc[0]
    frame["of_first_stage"] = frame["projects"] / first if first else None
    frame["of_first_stage_computable"] = bool(first)
    return frame


def _breakdown(report: AuditedReport, by: str, vocabulary: str) -> pd.DataFrame | NotReported:
    projects = report.tables["projects"]
    rows = projects[projects[by].notna()]
    if rows.empty:
        return NotReported(
            {"level": "分级次的项目", "category": "分类别的项目"}[by],
            {"level": "projects by level", "category": "projects by category"}[by],
        )
    terms = list(report.terms(vocabulary))
    stage_rank = {stage: i for i, stage in enumerate(vocab.PROJECT_STAGES)}
    rows = rows.assign(
        stage_rank=rows["stage"].map(stage_rank),
        term_rank=rows[by].map({t: i for i, t in enumerate(terms)}),
    ).sort_values(["stage_rank", "term_rank"], kind="stable")
    result = rows[["stage", "stage_en", by, "project_count", "amount_fen"]].reset_index(drop=True)
    counts = result["project_count"].astype("Float64")
    money = result["amount_fen"].astype("Float64")
    result["funds_wan"] = money / FEN_PER_WAN
    result["funds_per_project_wan"] = result["funds_wan"] / counts.where(counts > 0)
    by_stage = result.groupby("stage")

    # a stage's projects, and its funds, are known only where every row of it prints them:
    # otherwise no share of them is (100 % beside a category whose figure is not printed
    # would mislead)
    def known_whole(column: str) -> pd.Series:
        whole = by_stage[column].transform(
            lambda values: values.sum() if values.notna().all() else pd.NA
        )
        return whole.astype("Float64")

    for share, part, column in (
        ("share_of_projects", counts, "project_count"),
        ("share_of_funds", money, "amount_fen"),
    ):
        whole = known_whole(column)
        result[share] = (part / whole.where(whole != 0)).astype("Float64")
        # a whole printed as 0 has no shares: not computable (not: not printed)
        result[f"{share}_computable"] = (whole != 0).fillna(True).astype(bool)
    return with_english(result.drop(columns="amount_fen"), by, report.terms(vocabulary))


def projects_by_level(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Projects per stage and level, with their funds and funds per project where printed."""
    return _breakdown(report, "level", "level")


def projects_by_category(report: AuditedReport) -> pd.DataFrame | NotReported:
    """Projects per stage and category, with counts and funds as printed."""
    return _breakdown(report, "category", "category")
