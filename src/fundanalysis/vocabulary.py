"""Controlled vocabularies: each Chinese term as the report uses it, with its English form.

Terms of the national poverty-fund scheme are fixed here; place names and funding-source
labels, which differ from report to report, live in the data directory instead
(``counties.csv``, ``funding_sources.csv``).
"""

from __future__ import annotations

DOCUMENTS = {
    "SE": "self-evaluation report (绩效自评报告)",
    "FU": "fund-use report (资金管理使用情况报告)",
}

LEVELS = {
    "中央": "central",
    "自治区": "autonomous region",
    "自治州": "prefecture",
    "地方政府债券": "local government bonds",
    "县级": "county",
    "中央、自治区": "central and autonomous region",
    "中央、自治区、自治州": "central, autonomous region and prefecture",
    "合计": "all levels",
}

FUND_TYPES = {
    "扶贫发展资金": "poverty-alleviation development fund",
    "少数民族发展资金": "ethnic minority development fund",
    "国有贫困农场扶贫资金": "state-owned poor farms fund",
    "地方政府债券资金": "local government bond funds",
    "奖励资金": "reward funds",
}

ALLOCATION_FUNDS = {
    "绩效评价资金": "funds under evaluation",
    "州本级资金": "prefecture's own funds",
}

CARRYOVER_KINDS = {
    "质量保证金": "quality deposit",
    "尾款": "tail payment",
    "结余": "surplus",
    "尾款或支付失败": "tail payment or failed payment",
}

PAYMENT_STATUSES = {
    "已支付": "paid",
    "计划支付": "planned",
    "未说明": "not stated",
}

PROJECT_STAGES = {
    "储备": "project pool",
    "实施": "implemented",
    "完工": "completed",
    "投入使用": "in use",
}

MONEY_UNITS = {"万元": "10,000 yuan", "元": "yuan"}

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
