"""Project completion: pool → implemented → completed → in use, by funding level."""

from __future__ import annotations

import pandas as pd

from fundanalysis import vocabulary as vocab
from fundanalysis.money import FEN_PER_WAN


def project_funnel(projects: pd.DataFrame) -> pd.DataFrame:
    """Projects at each stage, all levels together, with the stage's as-of date where printed."""
    stages = []
    for stage in vocab.PROJECT_STAGES:
        rows = projects[projects["stage"] == stage]
        if rows.empty:
            continue
        as_of = rows["as_of"].dropna()
        stages.append(
            {
                "stage": stage,
                "stage_en": vocab.PROJECT_STAGES[stage],
                "projects": int(rows["project_count"].sum()),
                "as_of": as_of.iloc[0].strftime("%Y-%m-%d") if not as_of.empty else "not stated",
            }
        )
    frame = pd.DataFrame(stages)
    frame["of_pool"] = frame["projects"] / frame["projects"].iloc[0]
    return frame


def implemented_by_level(projects: pd.DataFrame, evaluated: pd.DataFrame) -> pd.DataFrame:
    """Implemented projects per level with their funds and funds per project (万元).

    The report prints no funds for the bond-funded projects; ``funds_source`` says where each
    level's funds come from, and the bond funds are taken from the evaluated funds, which the
    reconciliation shows to be exactly the part missing from the printed breakdown.
    """
    implemented = projects[projects["stage"] == "实施"].copy()
    bonds = int(evaluated[evaluated["level"] == "地方政府债券"]["amount_fen"].sum())
    missing = implemented["amount_fen"].isna() & (implemented["level"] == "地方政府债券")
    implemented["funds_source"] = "printed"
    implemented.loc[missing, "amount_fen"] = bonds
    implemented.loc[missing, "funds_source"] = "evaluated_funds (derived)"
    result = implemented[
        ["level", "level_en", "project_count", "amount_fen", "funds_source"]
    ].reset_index(drop=True)
    result["funds_wan"] = result["amount_fen"].astype(float) / FEN_PER_WAN
    result["funds_per_project_wan"] = result["funds_wan"] / result["project_count"].astype(float)
    result["share_of_projects"] = result["project_count"] / result["project_count"].sum()
    result["share_of_funds"] = result["amount_fen"].astype(float) / float(
        result["amount_fen"].sum()
    )
    return result.drop(columns=["amount_fen"])
