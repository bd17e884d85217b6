"""One bilingual vocabulary for everything the notebooks and the site show a reader.

Table headers, chart titles, axis labels and alt texts all take their words from here, in
Chinese and in English, so the two languages cannot drift apart. Terms a report names for
itself (places, levels, fund types) come from its vocabulary.csv instead.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")

#: Column (or concept) code → (Chinese, English).
LABELS: dict[str, tuple[str, str]] = {
    # money and counts
    "amount_wan": ("金额（万元）", "amount (10,000 yuan)"),
    "as_printed_wan": ("原文金额（万元）", "as printed (10,000 yuan)"),
    "change_wan": ("较上年增减（万元）", "change on the year before (10,000 yuan)"),
    "growth": ("增长率", "growth"),
    "share": ("占比", "share"),
    "cumulative_wan": ("累计（万元）", "running total (10,000 yuan)"),
    "days_since_previous": ("距上批天数", "days since the previous batch"),
    "items": ("明细项数", "items"),
    "projects_stated": ("所列项目数", "projects stated"),
    "items_stating_no_count": ("未列项目数的明细项", "items stating no project count"),
    "project_count": ("项目数", "projects"),
    "projects": ("项目数", "projects"),
    "of_first_stage": ("占首阶段比例", "share of the first stage"),
    "funds_wan": ("资金（万元）", "funds (10,000 yuan)"),
    "funds_per_project_wan": ("项目平均资金（万元）", "funds per project (10,000 yuan)"),
    "share_of_projects": ("项目数占比", "share of projects"),
    "share_of_funds": ("资金占比", "share of funds"),
    "spent_wan": ("支出（万元）", "spent (10,000 yuan)"),
    "planned_wan": ("安排（万元）", "planned (10,000 yuan)"),
    "execution": ("执行率", "execution rate"),
    "carryover_wan": ("结转（万元）", "carry-over (10,000 yuan)"),
    "allocated_wan": ("分配资金（万元）", "allocated (10,000 yuan)"),
    "carryover_rate": ("结转率", "carry-over rate"),
    "per_person_yuan": ("人均（元）", "per person (yuan)"),
    "per_household_yuan": ("户均（元）", "per household (yuan)"),
    "value": ("数值", "value"),
    "first": ("期初", "first"),
    "last": ("期末", "last"),
    "change": ("变化", "change"),
    "change_share": ("变化率", "change (share)"),
    "people_per_household": ("户均人口", "people per household"),
    # identities
    "year": ("年度", "year"),
    "batch": ("批次", "batch"),
    "batch_name": ("批次名称", "name"),
    "level": ("财政级次", "level of government"),
    "fund_type": ("资金类型", "fund type"),
    "funds": ("资金口径", "funds"),
    "place": ("地区", "place"),
    "funding_source": ("资金来源", "funding source"),
    "kind": ("类别", "kind"),
    "item": ("项目", "item"),
    "seq": ("序号", "no."),
    "category": ("类别", "category"),
    "stage": ("阶段", "stage"),
    "measure": ("指标", "measure"),
    "unit": ("单位", "unit"),
    "as_of": ("截至日期", "as of"),
    "disbursed_on": ("拨付日期", "passed on"),
    "payment_status": ("支付状态", "payment"),
    "payment_date": ("支付日期", "payment date"),
    "printed": ("原文", "as printed"),
    "section": ("出处", "where printed"),
    "total": ("合计", "total"),
    "funds_total": ("资金合计", "funds in all"),
    # checks, claims, findings
    "check": ("核对项", "check"),
    "description": ("说明", "what is checked"),
    "stated": ("所述", "stated"),
    "computed": ("计算", "computed"),
    "difference": ("差额（计算−所述）", "difference (computed − stated)"),
    "status": ("结果", "result"),
    "checks": ("核对项数", "checks"),
    "note": ("备注", "note"),
    "source": ("出处", "source"),
    "claim": ("报告所述", "the report says"),
    "verdict": ("核对结论", "verdict"),
    "evidence": ("依据", "evidence"),
    "finding": ("发现", "finding"),
    "title": ("问题", "inconsistency"),
    "amount": ("金额", "amount"),
    "materiality": ("重要性", "materiality"),
    "material": ("是否重大", "material"),
    "explanation": ("解释", "explanation"),
    "correction_id": ("更正", "correction"),
    "table": ("表", "table"),
    "column": ("列", "column"),
    "corrected": ("更正为", "corrected to"),
    "reason": ("理由", "reason"),
    "section_id": ("章节", "section"),
    "numbers_printed": ("原文数字", "numbers printed"),
    "covered": ("已采集", "captured"),
    "not_covered": ("未采集的数字", "numbers not captured"),
    "figure": ("指标", "figure"),
    "relation": ("关系", "relation"),
    "parts": ("各部分", "parts"),
    "gap": ("差额（计算−所述）", "gap (computed − stated)"),
    "declared": ("对应的声明合计或比率", "declared total or rate"),
    # outputs and scores
    "outputs": ("产出项数", "outputs"),
    "units": ("单位", "units"),
    "indicator": ("评价指标", "indicator"),
    "max_score": ("分值", "maximum"),
    "score": ("得分", "score"),
    "grade": ("等级", "grade"),
    "min_score": ("最低得分", "lowest score"),
    # columns of the data files and downloads
    "amount_wan_corrected": ("更正后金额（万元）", "corrected amount (10,000 yuan)"),
    "basis": ("重要性依据", "basis of materiality"),
    "check_id": ("核对编号", "check id"),
    "claim_id": ("陈述编号", "claim id"),
    "correction_ids": ("相关更正", "corrections"),
    "corrections": ("所用更正", "corrections applied"),
    "count": ("数量", "count"),
    "denominator": ("分母", "denominator"),
    "document": ("文件", "document"),
    "start_anchor": ("起始标记", "start anchor"),
    "end_anchor": ("结束标记", "end anchor"),
    "filter": ("筛选条件", "filter"),
    "finding_id": ("发现编号", "finding id"),
    "funding_group": ("资金组", "funding group"),
    "indicator_id": ("指标编号", "indicator id"),
    "issued_on": ("发文日期", "issued on"),
    "issuer": ("发文机关", "issuer"),
    "left": ("左式", "left side"),
    "right": ("右式", "right side"),
    "measure_name": ("指标名称", "measure"),
    "number": ("编号", "number"),
    "numerator": ("分子", "numerator"),
    "of_stated": ("所涉数字", "of the figure"),
    "parent": ("上级", "broader term"),
    "parent_id": ("上级指标", "parent indicator"),
    "payment": ("支付", "payment"),
    "period": ("期间", "period"),
    "reference": ("文号", "document number"),
    "row_kind": ("行类型", "row kind"),
    "term": ("词", "term"),
    "test": ("检验", "test"),
    "tolerance": ("容差", "tolerance"),
    "topic": ("主题", "topic"),
    "total_id": ("合计编号", "total id"),
    "vocabulary": ("词表", "vocabulary"),
    "correct": ("应为", "what is right"),
    "quote_section": ("引文章节", "section quoted"),
    "quote": ("引文", "passage quoted"),
}

#: Reconciliation statuses and claim verdicts, for readers.
STATUS_LABELS = {
    "ok": ("一致", "ok"),
    "rounding": ("四舍五入", "rounding"),
    "corrected": ("更正后一致", "corrected"),
    "discrepancy": ("不一致", "discrepancy"),
    "not_computable": ("无法计算", "not computable"),
}

#: What the scan reads in a text, and its verdicts (see fundanalysis.text.scan).
SCAN_KINDS = {
    "sum": ("合计", "sum"),
    "difference": ("差额", "difference"),
    "rate": ("比率", "rate"),
    "part": ("部分", "part"),
}
SCAN_VERDICTS = {
    "holds": ("成立", "holds"),
    "rounding": ("四舍五入", "rounding"),
    "fails": ("不成立", "fails"),
}

VERDICTS = {
    "holds": ("成立", "holds"),
    "holds_corrected": ("更正后成立", "holds once corrected"),
    "rounding": ("四舍五入，无法判定", "rounding: cannot tell"),
    "fails": ("不成立", "does not hold"),
    "unverifiable": ("无法核实", "cannot be verified"),
}


def label(code: str, lang: str) -> str:
    """The reader's word for ``code`` in ``lang`` (the code itself where none is defined)."""
    pair = LABELS.get(code)
    if pair is None:
        return code
    return pair[LANGUAGES.index(lang)]


def pick(pair: tuple[str, str], lang: str) -> str:
    """The ``lang`` half of a (Chinese, English) pair."""
    return pair[LANGUAGES.index(lang)]
