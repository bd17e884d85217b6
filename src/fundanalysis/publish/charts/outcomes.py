"""Charts of outcomes: poverty counts and project completion."""

from __future__ import annotations

import pandas as pd
from matplotlib.ticker import PercentFormatter

from fundanalysis.analysis import outputs, poverty, projects
from fundanalysis.analysis.results import NotReported
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.data import units
from fundanalysis.data import vocabulary as vocab
from fundanalysis.publish.charts.drawing import (
    THOUSANDS,
    axis_end,
    hbars,
    pick_language,
    source_line,
    subplots,
    terms_of,
)
from fundanalysis.publish.charts.style import (
    add_source,
    fit,
)
from fundanalysis.publish.present import Chart


def poverty_chart(report: AuditedReport, lang: str) -> Chart | NotReported:
    """Each count of poor people or households printed at two or more dates, one bar per date:
    the reduction (rates and counts of villages are in the table, not on this axis)."""
    counts = poverty.poverty_counts(report)
    if isinstance(counts, NotReported):
        return counts
    counts = counts[counts["kind"].isin(["people", "households"])].dropna(subset=["as_of"])
    # one axis of people (or households) whatever unit each count is printed in (3.5 万人)
    counts = counts.assign(value_number=counts["value_micro"].astype(float) / units.MICRO)
    dated = counts.groupby("measure_code")["as_of"].nunique()
    counts = counts[counts["measure_code"].isin(dated[dated >= 2].index)]
    if counts.empty:
        return NotReported("同一指标在两个日期的贫困人口数", "a poverty count at two dates")
    measures = list(dict.fromkeys(counts["measure_code"]))
    dates = sorted(set(counts["as_of"]))
    fig, ax = subplots(figsize=(7.2, 0.5 * len(measures) * len(dates) + 1.8))
    height = 0.8 / len(dates)
    shades = ["#56B4E9", "#0072B2", "#003f63", "#999999"]
    for i, date in enumerate(dates):
        values = [
            counts.loc[
                (counts["measure_code"] == m) & (counts["as_of"] == date), "value_number"
            ].sum()
            if ((counts["measure_code"] == m) & (counts["as_of"] == date)).any()
            else 0
            for m in measures
        ]
        positions = [
            len(measures) - 1 - j + (len(dates) - 1 - i) * height - 0.4 + height / 2
            for j in range(len(measures))
        ]
        bars = ax.barh(
            positions,
            values,
            height=height * 0.95,
            color=shades[i % len(shades)],
            label=f"{date:%Y-%m-%d}",
        )
        ax.bar_label(
            bars, labels=[f"{int(v):,}" if v else "" for v in values], padding=3, fontsize=9
        )
    column = "measure" if lang == "zh" else "measure_en"
    named = dict(zip(counts["measure_code"], counts[column], strict=True))
    names = [named[m] for m in measures]
    ax.set_yticks([len(measures) - 1 - j for j in range(len(measures))], names)
    ax.xaxis.set_major_formatter(THOUSANDS)
    ax.set_xlim(0, axis_end(counts["value_number"].max(), 1.25))
    ax.set_title(
        pick_language(lang, "贫困人口（按日期）", "Poverty counts by date"), loc="left", wrap=True
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(dates))
    add_source(fig, source_line(report, lang, pick_language(lang, "贫困人口", "poverty")))
    alt = pick_language(
        lang,
        f"横向柱状图：{len(measures)} 项贫困人口指标在 {len(dates)} 个日期的数值。",
        f"Bar chart of {len(measures)} poverty counts at {len(dates)} dates.",
    )
    return Chart(fig, alt)


def project_funnel_chart(report: AuditedReport, lang: str) -> Chart | NotReported:
    """Projects at each stage (count)."""
    funnel = projects.project_funnel(report)
    if isinstance(funnel, NotReported):
        return funnel
    values = funnel["projects"].tolist()
    labels = [
        (s if lang == "zh" else e) + ("" if pd.isna(d) else f"\n{d:%Y-%m-%d}")
        for s, e, d in funnel[["stage", "stage_en", "as_of"]].itertuples(index=False)
    ]
    fig = hbars(
        labels,
        values,
        ["#0072B2"] * len(values),
        pick_language(lang, "项目：各阶段数量", "Projects at each stage"),
        pick_language(lang, "项目数", "projects"),
        [f"{p:,}" for p in values],
        source_line(report, lang, pick_language(lang, "项目", "projects")),
        lang,
    )
    alt = pick_language(
        lang,
        "横向柱状图：各阶段项目数，"
        + "，".join(f"{s} {p:,} 个" for s, p in zip(funnel["stage"], values, strict=True))
        + "。",
        "Bar chart of projects by stage: "
        + ", ".join(f"{e} {p:,}" for e, p in zip(funnel["stage_en"], values, strict=True))
        + ".",
    )
    return Chart(fig, alt)


def projects_breakdown_chart(report: AuditedReport, by: str, lang: str) -> Chart | NotReported:
    """Projects of one stage by level or category: share of projects against share of funds."""
    table = (
        projects.projects_by_level(report)
        if by == "level"
        else projects.projects_by_category(report)
    )
    if isinstance(table, NotReported):
        return table
    stage = table["stage"].iloc[0]
    table = table[table["stage"] == stage].reset_index(drop=True)
    fig, ax = subplots(figsize=(7.2, 0.7 * len(table) + 2.0))
    positions = list(range(len(table)))[::-1]
    # a share not known (some count or amount of the stage unprinted) is no bar, not 0
    counted = table["share_of_projects"].notna().tolist()
    known = table["share_of_funds"].notna().tolist()
    for shares, shown, offset, colour, zh, en in (
        (table["share_of_projects"], counted, 0.2, "#bbbbbb", "项目数占比", "share of projects"),
        (table["share_of_funds"], known, -0.2, "#0072B2", "资金占比", "share of funds"),
    ):
        if any(shown):
            ax.barh(
                [p + offset for p, k in zip(positions, shown, strict=True) if k],
                shares[shares.notna()].astype(float),
                0.38,
                color=colour,
                label=pick_language(lang, zh, en),
            )
    ax.set_yticks(positions, [fit(term) for term in terms_of(table, by, lang)])
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    stage_name = stage if lang == "zh" else vocab.PROJECT_STAGES[stage]
    what = pick_language(
        lang,
        {"level": "级次", "category": "类别"}[by],
        {"level": "level", "category": "category"}[by],
    )
    ax.set_title(
        pick_language(
            lang,
            f"{stage_name}项目：数量与资金（按{what}）",
            f"Projects ({stage_name}): count and funds by {what}",
        ),
        loc="left",
        wrap=True,
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)
    add_source(fig, source_line(report, lang, pick_language(lang, "项目", "projects")))
    alt = pick_language(
        lang,
        f"横向柱状图：{stage_name}项目按{what}的"
        + ("项目数占比" if any(counted) else "项目数（未全部载明，不示占比）")
        + ("与资金占比" if any(known) else "，资金未全部载明，不示占比")
        + f"，共 {len(table)} 项。",
        "Bar chart of the share of projects"
        + ("" if any(counted) else " (counts not all printed: no share of them)")
        + (" and of funds" if any(known) else " (funds not all printed: no share of them)")
        + f" by {what} ({stage_name}), {len(table)} rows.",
    )
    return Chart(fig, alt)


def outputs_chart(report: AuditedReport, lang: str) -> Chart | NotReported:
    """How many outputs each category reports (counted: their units cannot be added)."""
    table = outputs.outputs_by_category(report)
    if isinstance(table, NotReported):
        return table
    values = table["outputs"].tolist()
    names = terms_of(table, "category", lang)
    fig = hbars(
        names,
        values,
        ["#009E73"] * len(values),
        pick_language(lang, "产出：各类别的产出项数", "Outputs reported, by category"),
        pick_language(lang, "产出项数", "outputs"),
        [f"{v:,}" for v in values],
        source_line(report, lang, pick_language(lang, "产出指标", "outputs")),
        lang,
    )
    alt = pick_language(
        lang,
        "横向柱状图：各类别的产出项数，"
        + "，".join(f"{n} {v} 项" for n, v in zip(names, values, strict=True))
        + "。",
        "Bar chart of outputs by category: "
        + ", ".join(f"{n} {v}" for n, v in zip(names, values, strict=True))
        + ".",
    )
    return Chart(fig, alt)
