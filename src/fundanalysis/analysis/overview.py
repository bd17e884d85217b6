"""The headline figures of 2020 on one page, each pointing to the notebook that derives it."""

from __future__ import annotations

import pandas as pd

from fundanalysis.money import format_wan


def headline_figures(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Headline figures from the tables, exact, with their unit and the notebook behind each."""
    transfers, evaluated = tables["transfers"], tables["evaluated_funds"]
    carry, poverty, projects = tables["carryover"], tables["poverty"], tables["projects"]
    figures = poverty.set_index("measure")["value"]
    stage = projects.groupby("stage")["project_count"].sum()
    rows = [
        (
            "到位资金 funds received and passed on, 2020",
            format_wan(int(transfers["amount_fen"].sum())),
            "01-funding-and-disbursement",
        ),
        (
            "纳入绩效评价资金 funds under evaluation",
            format_wan(int(evaluated["amount_fen"].sum())),
            "01-funding-and-disbursement",
        ),
        (
            "其中地方政府债券 of which local government bonds",
            format_wan(
                int(evaluated.loc[evaluated["level"] == "地方政府债券", "amount_fen"].sum())
            ),
            "01-funding-and-disbursement",
        ),
        (
            "拨付批次 transfer batches",
            f"{transfers['batch'].nunique()} 批",
            "01-funding-and-disbursement",
        ),
        (
            "结转结余（叶项目之和） carry-over, sum of leaf items",
            format_wan(int(carry["amount_fen"].sum())),
            "02-carry-over",
        ),
        ("有结转的县 counties with carry-over", f"{carry['county'].nunique()} 个", "02-carry-over"),
        (
            "建档立卡贫困户 registered poor households",
            f"{int(figures['registered_poor_households']):,} 户",
            "03-poverty-reduction",
        ),
        (
            "建档立卡贫困人口 registered poor people",
            f"{int(figures['registered_poor_people']):,} 人",
            "03-poverty-reduction",
        ),
        (
            "实施项目 projects implemented",
            f"{int(stage.get('实施', 0))} 个",
            "04-project-completion",
        ),
        ("完工项目 projects completed", f"{int(stage.get('完工', 0))} 个", "04-project-completion"),
    ]
    return pd.DataFrame(rows, columns=["figure", "value", "notebook"])
