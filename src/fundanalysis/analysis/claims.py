"""The report's claims, each checked against the data: holds, holds once corrected, fails, or unverifiable.

Every function returns one row per claim: the claim in Chinese (as the report words it) and in
English, where it is printed, the verdict, and the evidence as computed from the tables.
"""

from __future__ import annotations

import pandas as pd

from fundanalysis.money import format_wan

HOLDS = "holds 成立"
HOLDS_CORRECTED = "holds once corrected 更正后成立"
FAILS = "does not hold 不成立"
UNVERIFIABLE = "cannot be verified 无法核实"

COLUMNS = ["claim", "claim_en", "where", "verdict", "evidence"]


def _frame(rows: list[tuple[str, str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


def _check(checks: pd.DataFrame, check: str) -> pd.Series:
    return checks.set_index("check").loc[check]


def funding_claims(tables: dict[str, pd.DataFrame], checks: pd.DataFrame) -> pd.DataFrame:
    """Claims about the prefecture budget and the 2020 transfers."""
    budget = tables["budget"].sort_values("year")
    rose = bool((budget["amount_fen"].diff().dropna() > 0).all())
    rose_printed = bool((budget["amount_as_printed_fen"].diff().dropna() > 0).all())
    transfers = tables["transfers"]
    total = _check(checks, "transfers_2020")
    evaluated = _check(checks, "cross_evaluated_vs_transfers")
    return _frame(
        [
            (
                "2016-2020 年我州逐年增加财政预算安排专项扶贫资金的投入力度",
                "The prefecture raised its poverty budget every year 2016-2020",
                "自评报告 一、（一）",
                HOLDS_CORRECTED if rose and not rose_printed else (HOLDS if rose else FAILS),
                f"As printed, 2017 is 3100 元 and the series falls; with 万元 it rises every year: {rose}.",
            ),
            (
                "共安排专项资金 16160 万元",
                "The five years total 16160 万元",
                "自评报告 一、（一）",
                HOLDS_CORRECTED
                if _check(checks, "budget_2016_2020")["status"] == "corrected"
                else str(_check(checks, "budget_2016_2020")["status"]),
                f"Years as printed sum to {_check(checks, 'budget_2016_2020')['computed_as_printed']} 万元; corrected, {_check(checks, 'budget_2016_2020')['computed']} 万元.",
            ),
            (
                "到位…资金共计 107941 万元…已全部拨付下达各县市",
                "107941 万元 arrived and all of it was passed on to the counties",
                "自评报告 二、（一）",
                HOLDS
                if total["status"] == "ok" and transfers["disbursed_on"].notna().all()
                else FAILS,
                f"The {transfers['batch'].nunique()} batches sum to {total['computed']} 万元 and every batch has a date it was passed on.",
            ),
            (
                "收到资金指标文件后，按照 5 日内的时间节点要求已全部拨付",
                "Every batch was passed on within 5 days of the allocation document",
                "自评报告 二、（一）",
                UNVERIFIABLE,
                "The report gives the date each batch was passed on but not the date its allocation document arrived, so the 5-day rule cannot be checked from it.",
            ),
            (
                "纳入 2020 年度财政专项扶贫资金绩效评价的资金总额 104041 万元",
                "104041 万元 of funds fall under the evaluation",
                "资金使用报告 一、（二）1.",
                HOLDS if evaluated["status"] == "ok" else FAILS,
                f"Equals the transfers less the prefecture's own batch: {evaluated['computed']} 万元; "
                f"the allocations to the {tables['allocations']['county'].nunique()} county-level units sum to it too.",
            ),
        ]
    )


def carryover_claims(tables: dict[str, pd.DataFrame], checks: pd.DataFrame) -> pd.DataFrame:
    """Claims about the carry-over of 25 September 2020."""
    carry = tables["carryover"]
    kinds = sorted(set(carry["kind_en"]))
    headline = _check(checks, "carryover_all")
    counties = _check(checks, "carryover_all_vs_counties")
    luntai_planned = _check(checks, "carryover_luntai_county_planned")
    return _frame(
        [
            (
                "全州结转财政专项扶贫资金 1441.16 万元",
                "The prefecture carried over 1441.16 万元",
                "自评报告 四、（一）",
                HOLDS if counties["status"] == "ok" else FAILS,
                f"Equals the four county totals printed with it; the leaf items sum to {headline['computed']} 万元, because Qiemo's printed total is below its own items.",
            ),
            (
                "（项目质量保证金和工程尾款）",
                "All of it is quality deposits and tail payments",
                "自评报告 四、（一）",
                FAILS,
                f"The county sections also name surplus (结余) and failed payments; kinds in the data: {', '.join(kinds)}.",
            ),
            (
                "其余资金 535.13 万元计划于 10 月中旬全部支付完毕",
                "Luntai's remaining county funds are planned for mid-October",
                "自评报告 四、（一）1.",
                HOLDS if luntai_planned["status"] == "ok" else FAILS,
                f"The planned items sum to {luntai_planned['computed']} 万元.",
            ),
            (
                "截至 9 月 30 日…已支付完毕",
                "What was paid by 30 September",
                "自评报告 四、（一）1.",
                HOLDS,
                f"Paid items ({', '.join(sorted(set(carry.loc[carry['payment_status'] == '已支付', 'county'])))}) "
                f"sum to {format_wan(int(carry.loc[carry['payment_status'] == '已支付', 'amount_fen'].sum()))}.",
            ),
        ]
    )


def poverty_claims(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Claims about poverty reduction and the counties."""
    counties = tables["counties"]
    allocated = tables["allocations"]["county"].nunique()
    figures = tables["poverty"].set_index("measure")["value"]
    return _frame(
        [
            (
                "贫困发生率实现动态清零",
                "The poverty incidence was brought to zero",
                "自评报告 四、（二）",
                UNVERIFIABLE,
                "The report prints no total rural population and no count of poor people remaining, so no incidence can be computed from it.",
            ),
            (
                "38 个贫困村、贫困户整体脱贫退出",
                "38 poor villages exited poverty by the end of 2019",
                "自评报告 四、（二）",
                UNVERIFIABLE,
                f"Stated once ({int(figures['poor_villages_exited'])}); the report lists no villages to check it against.",
            ),
            (
                "我州有扶贫任务的非贫困县 9 个",
                "Nine non-poor counties carry poverty-alleviation tasks",
                "自评报告 四、（三）",
                HOLDS if allocated == int(figures["non_poor_counties_with_tasks"]) else FAILS,
                f"The fund-use report allocates funds to {allocated} county-level units ({len(counties)} in counties.csv, Korla City among them).",
            ),
        ]
    )


def project_claims(tables: dict[str, pd.DataFrame], checks: pd.DataFrame) -> pd.DataFrame:
    """Claims about the projects of 2020."""
    count = _check(checks, "projects_implemented_count")
    funds = _check(checks, "projects_implemented_funds")
    gap = _check(checks, "cross_projects_funds_gap_is_bonds")
    central = _check(checks, "cross_projects_中央")
    return _frame(
        [
            (
                "确定实施扶贫资金项目 551 个（其中：中央 273 个…县市 29 个）",
                "551 projects, by level",
                "自评报告 四、（五）",
                HOLDS if count["status"] == "ok" else FAILS,
                f"The {count['parts']} levels sum to {count['computed']} projects.",
            ),
            (
                "涉及扶贫资金 124029.13 万元（其中：中央…县级及其他资金 16088.13 万元）",
                "124029.13 万元 of funds, by level",
                "自评报告 四、（五）",
                FAILS if funds["status"] == "discrepancy" else HOLDS,
                f"The printed parts sum to {funds['computed']} 万元; the gap, {gap['computed']} 万元, is exactly the bond funds, which the breakdown leaves out.",
            ),
            (
                "中央资金 23984 万元",
                "Central project funds equal the central funds under evaluation",
                "自评报告 四、（五）; 资金使用报告 一、（二）1.",
                HOLDS if central["status"] == "ok" else FAILS,
                f"Both are {central['stated']} 万元.",
            ),
            (
                "截至 9 月 30 日，完工项目 551 个，竣工投入使用项目 551 个",
                "All 551 projects were completed and in use by 30 September",
                "自评报告 四、（五）",
                UNVERIFIABLE,
                "Stated as counts only; consistent with the carry-over, which is mostly deposits and final payments of finished works.",
            ),
        ]
    )
