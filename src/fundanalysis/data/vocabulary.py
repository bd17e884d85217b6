"""The vocabulary of the *kind* of report: terms every such report shares, in Chinese and English.

What one report names for itself (its levels of government, fund types, places, funding-source
labels, kinds of carry-over, project categories) is not here: it lives in that report's
``vocabulary.csv``, one row per term, and is checked against it (see :data:`REPORT_VOCABULARIES`).
"""

from __future__ import annotations

#: Vocabularies a report declares in its vocabulary.csv, with what each names and, where a
#: term may have a broader term (``parent``), the vocabulary that broader term belongs to.
REPORT_VOCABULARIES: dict[str, tuple[str, str, str | None]] = {
    "level": ("财政级次", "level of government", None),
    "fund_type": ("资金类型", "fund type", None),
    "funds": ("资金口径", "which money (an allocation's funds)", None),
    "place": ("地区", "place (sub-unit of the jurisdiction)", "place"),
    "funding_source": ("资金来源", "funding-source label", "level"),
    "carryover_kind": ("结转类别", "kind of carry-over", None),
    "poverty_measure": ("贫困指标", "poverty measure the library does not name", None),
    "category": ("项目类别", "project or spending category", "category"),
}

PAYMENT_STATUSES = {
    "已支付": "paid",
    "计划支付": "planned",
    "未说明": "not stated",
}

#: The stages a project passes, in order: the funnel of the project-completion analysis.
PROJECT_STAGES = {
    "储备": "project pool",
    "编制": "planned",
    "实施": "implemented",
    "完工": "completed",
    "投入使用": "in use",
}

#: Poverty counts the reports print (建档立卡: registered in the national poverty register).
#: A report that prints another declares it in its vocabulary.csv (``poverty_measure``).
POVERTY_MEASURES = {
    "registered_poor_households": ("建档立卡贫困户", "registered poor households"),
    "registered_poor_people": ("建档立卡贫困人口", "registered poor people"),
    "poor_households_remaining": ("未脱贫户", "poor households not yet out of poverty"),
    "poor_people_remaining": ("未脱贫人口", "poor people not yet out of poverty"),
    "poor_villages_exited": ("退出贫困村", "poor villages that exited poverty"),
    "poor_counties_exited": ("退出贫困县", "poor counties that exited poverty"),
    "non_poor_counties_with_tasks": (
        "有扶贫任务的非贫困县",
        "non-poor counties with poverty tasks",
    ),
    "households_exited": ("脱贫户", "households lifted out of poverty"),
    "people_exited": ("脱贫人口", "people lifted out of poverty"),
    "poor_villages": ("贫困村", "poor villages"),
    "natural_villages": ("自然村", "natural villages"),
    "poverty_incidence": ("贫困发生率", "poverty incidence"),
}

#: The kind of quantity (:data:`fundanalysis.data.units.KINDS`) each library measure is
#: counted in: a count of people printed in 户 is a slip, refused at its unit.
POVERTY_MEASURE_KINDS = {
    "registered_poor_households": "households",
    "registered_poor_people": "people",
    "poor_households_remaining": "households",
    "poor_people_remaining": "people",
    "poor_villages_exited": "count",
    "poor_counties_exited": "count",
    "non_poor_counties_with_tasks": "count",
    "households_exited": "households",
    "people_exited": "people",
    "poor_villages": "count",
    "natural_villages": "count",
    "poverty_incidence": "rate",
}

#: Rows of a scorecard: an indicator (a parent's score is the sum of its children's), a bonus
#: or a deduction applied to its parent, and the overall score at the top.
SCORE_KINDS = {
    "指标": "indicator",
    "加分": "bonus",
    "扣分": "deduction",
    "总分": "overall score",
}

#: Topics of the analyses, which the report's claims are filed under.
TOPICS = {
    "funding": ("资金投入与拨付", "funding and disbursement"),
    "carryover": ("结转结余", "carry-over"),
    "poverty": ("贫困人口减少", "poverty reduction"),
    "projects": ("项目完成情况", "project completion"),
    "spending": ("资金支出", "spending"),
    "overview": ("报告概览", "overview"),
    "scores": ("自评得分", "the report's own score"),
}

MONEY_UNITS = {"亿元": "100 million yuan", "万元": "10,000 yuan", "元": "yuan"}

#: Units of counted figures (households, people, items, times, days, categories).
COUNT_UNITS = {
    "户": "households",
    "人": "people",
    "个": "items",
    "次": "times",
    "项": "items",
    "类": "categories",
    "日": "days",
}

#: Other spellings a report prints a unit in: traditional characters, as some mirrors of the
#: published pages print them, and 万 alone where the text means 万元 ("4000万资金"). A figure is
#: stored in its unit's own spelling and agrees with a fragment printing any of these.
PRINTED_FORMS = {"万元": ("萬元", "万"), "亿元": ("億元",), "个": ("個",), "户": ("戶",)}

#: Units of stated ratios.
RATE_UNITS = {"%": "per cent"}

#: The grade words such reports print, in English: the name of a grade whose band a report
#: does not print (so that its grades.csv gives no English for it). A report's own grade_en
#: comes first wherever it has one.
GRADES_EN = {
    "优": "excellent",
    "优秀": "excellent",
    "良": "good",
    "良好": "good",
    "中": "fair",
    "中等": "fair",
    "合格": "pass",
    "及格": "pass",
    "差": "poor",
    "较差": "poor",
    "不合格": "fail",
    "不及格": "fail",
}
