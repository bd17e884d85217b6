"""What a report's data directory may hold: one :class:`TableSpec` per CSV file.

Every table is optional: a file that is absent, or holds only its header, means the report
does not print that kind of figure, and the loaders return it empty with its columns typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fundanalysis.data import vocabulary as vocab

if TYPE_CHECKING:
    from fundanalysis.data.schemas import Table


@dataclass(frozen=True)
class TableSpec:
    """How one CSV file of the data directory is read."""

    name: str
    title: str
    title_en: str
    columns: dict[str, str]
    #: the name of its pandera model in :mod:`fundanalysis.data.schemas`
    model: str
    correctable: tuple[str, ...] = ()
    #: column → vocabulary of vocabulary.csv whose terms it must use
    report_terms: dict[str, str] = field(default_factory=dict)
    #: column → fixed vocabulary of the kind of report (term → English)
    library_terms: dict[str, dict[str, str]] = field(default_factory=dict)
    #: the column holding the stated figure, for money conversion
    amount_column: str | None = None
    #: whether ``value`` is a measured quantity in a unit of :mod:`fundanalysis.data.units`
    #: (held exactly as ``value_micro``, millionths of its kind's base unit)
    measured: bool = False
    #: the module of the pandera model
    models: str = "fundanalysis.data.schemas"
    #: optional columns given together or not at all (a clause and its English, say)
    together: tuple[tuple[str, str], ...] = ()

    @property
    def schema(self) -> type[Table]:
        """The pandera model (imported when first needed: a load from the cache needs none)."""
        from importlib import import_module

        return getattr(import_module(self.models), self.model)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def cites(self) -> bool:
        return "section_id" in self.columns and self.name != "sections"


_MONEY = {"amount": "amount", "unit": "text"}
_CITED = {"section_id": "text", "printed": "text"}
_DESCRIBED = {"description": "text", "description_en": "text", "explanation": "text?"}

SPECS: dict[str, TableSpec] = {
    spec.name: spec
    for spec in [
        TableSpec(
            "documents",
            "报告所含文件",
            "The documents the report consists of",
            {
                "document": "text",
                "title": "text",
                "title_en": "text",
                "issuer": "text",
                "issuer_en": "text",
                "reference": "text?",
                "issued_on": "date?",
                "issued_on_printed": "text?",
                "section_id": "text",
                "printed": "text?",
            },
            "Documents",
        ),
        TableSpec(
            "sections",
            "章节",
            "Sections of the text, located by the text they start and end at",
            {
                "section_id": "text",
                "document": "text",
                "number": "text?",
                "title": "text",
                "title_en": "text",
                "start_anchor": "text",
                "end_anchor": "text?",
            },
            "Sections",
        ),
        TableSpec(
            "vocabulary",
            "词表",
            "The report's own terms (levels, fund types, places, …) with English forms",
            {"vocabulary": "text", "term": "text", "term_en": "text", "parent": "text?"},
            "Vocabulary",
        ),
        TableSpec(
            "budget",
            "本级预算",
            "The jurisdiction's own poverty-alleviation budget by year",
            {"year": "int", **_MONEY, **_CITED},
            "Budget",
            correctable=("unit",),
            amount_column="amount",
        ),
        TableSpec(
            "transfers",
            "资金拨付批次",
            "Transfer batches passed on to the next level down, with their dates",
            {
                "batch": "int",
                "batch_name": "text",
                "batch_name_en": "text",
                "level": "text",
                "fund_type": "text?",
                **_MONEY,
                "disbursed_on": "date",
                "disbursed_on_printed": "text",
                **_CITED,
            },
            "Transfers",
            correctable=("unit",),
            report_terms={"level": "level", "fund_type": "fund_type"},
            amount_column="amount",
        ),
        TableSpec(
            "evaluated_funds",
            "纳入绩效评价的资金",
            "Funds covered by the performance evaluation, by level and fund type",
            {"level": "text", "fund_type": "text?", **_MONEY, **_CITED},
            "EvaluatedFunds",
            correctable=("unit",),
            report_terms={"level": "level", "fund_type": "fund_type"},
            amount_column="amount",
        ),
        TableSpec(
            "allocations",
            "分地区分配",
            "Allocations to places by fund type",
            {"funds": "text", "place": "text", "fund_type": "text?", **_MONEY, **_CITED},
            "Allocations",
            correctable=("unit",),
            report_terms={"funds": "funds", "place": "place", "fund_type": "fund_type"},
            amount_column="amount",
        ),
        TableSpec(
            "carryover",
            "结转结余",
            "Carry-over (结转结余) as leaf items, one row per project line",
            {
                "place": "text",
                "seq": "int",
                "funding_group": "text",
                "funding_source": "text",
                "item": "text",
                "item_en": "text",
                "kind": "text",
                "project_count": "int?",
                **_MONEY,
                "payment_status": "text",
                "payment_date": "date?",
                "payment_printed": "text?",
                **_CITED,
            },
            "Carryover",
            correctable=("unit", "item"),
            report_terms={
                "place": "place",
                "funding_group": "funding_source",
                "funding_source": "funding_source",
                "kind": "carryover_kind",
            },
            library_terms={"payment_status": vocab.PAYMENT_STATUSES},
            amount_column="amount",
        ),
        TableSpec(
            "spending",
            "资金支出",
            "Money spent, by category",
            {
                "category": "text",
                **_MONEY,
                "as_of": "date?",
                "as_of_printed": "text?",
                **_CITED,
            },
            "Spending",
            correctable=("unit",),
            report_terms={"category": "category"},
            amount_column="amount",
        ),
        TableSpec(
            "poverty",
            "贫困人口",
            "Registered poor population, villages and counties, at the dates printed",
            {
                "measure": "text",
                "value": "amount",
                "unit": "text",
                "as_of": "date?",
                "as_of_printed": "text?",
                **_CITED,
            },
            "Poverty",
            measured=True,
        ),
        TableSpec(
            "projects",
            "项目",
            "Projects by stage, level and category, with their funds",
            {
                "stage": "text",
                "level": "text?",
                "category": "text?",
                "project_count": "int?",
                "amount": "amount?",
                "unit": "text",
                "as_of": "date?",
                "as_of_printed": "text?",
                "count_printed": "text?",
                "amount_printed": "text?",
                "section_id": "text",
            },
            "Projects",
            correctable=("unit",),
            report_terms={"level": "level", "category": "category"},
            library_terms={"stage": vocab.PROJECT_STAGES},
            amount_column="amount",
        ),
        TableSpec(
            "supervision",
            "监管",
            "Supervision figures: meetings, policy documents, inspections, deadlines, in any unit",
            {
                "section_id": "text",
                "measure": "text",
                "value": "amount",
                "unit": "text",
                "period": "text?",
                "printed": "text",
            },
            "Supervision",
            measured=True,
        ),
        TableSpec(
            "outputs",
            "产出",
            "What was built or delivered (产出指标): item, exact value and unit, by category",
            {
                "category": "text",
                "item": "text",
                "item_en": "text",
                "value": "amount",
                "unit": "text",
                "place": "text?",
                "as_of": "date?",
                "as_of_printed": "text?",
                **_CITED,
            },
            "Outputs",
            report_terms={"category": "category", "place": "place"},
            measured=True,
        ),
        TableSpec(
            "scores",
            "自评得分",
            "The report's own scorecard: each indicator's maximum and score, the overall score",
            {
                "indicator_id": "text",
                "parent_id": "text?",
                "indicator": "text",
                "indicator_en": "text",
                "kind": "text",
                "max_score": "amount?",
                "score": "amount?",
                "grade": "text?",
                "max_score_printed": "text?",
                "score_printed": "text?",
                "section_id": "text",
            },
            "Scores",
            library_terms={"kind": vocab.SCORE_KINDS},
        ),
        TableSpec(
            "grades",
            "评价等级",
            "The grades a score earns: the scores each covers, as the report states them",
            {
                "grade": "text",
                "grade_en": "text",
                "min_score": "amount?",
                "min_score_printed": "text?",
                "max_score": "amount?",
                "max_score_printed": "text?",
                "section_id": "text",
            },
            "Grades",
        ),
        TableSpec(
            "totals",
            "所述合计",
            "Every total the report states, with the rows that make it up",
            {
                "total_id": "text",
                "table": "text",
                "filter": "text?",
                "measure": "text",
                "stated": "amount",
                "unit": "text",
                **_CITED,
                "as_of": "date?",
                "as_of_printed": "text?",
                **_DESCRIBED,
            },
            "Totals",
            correctable=("unit",),
            amount_column="stated",
        ),
        TableSpec(
            "indicators",
            "所述比率",
            "Every ratio the report states (such as a reimbursement rate), with what it divides",
            {
                "indicator_id": "text",
                "stated": "amount",
                "unit": "text",
                "numerator": "text",
                "denominator": "text",
                **_CITED,
                **_DESCRIBED,
            },
            "Indicators",
        ),
        TableSpec(
            "crosschecks",
            "交叉核对",
            "The same money seen from two tables or documents, which must agree",
            {
                "check_id": "text",
                "description": "text",
                "description_en": "text",
                "left": "text",
                "right": "text",
                "explanation": "text?",
            },
            "Crosschecks",
        ),
        TableSpec(
            "corrections",
            "更正",
            "Corrections of evidently wrong printed values, with reasons",
            {
                "correction_id": "text",
                "table": "text",
                "filter": "text",
                "column": "text",
                "printed": "text",
                "corrected": "text",
                "reason": "text",
                "reason_en": "text",
                "evidence": "text?",
            },
            "Corrections",
        ),
        TableSpec(
            "claims",
            "报告所述",
            "The report's claims, each with how it is tested",
            {
                "claim_id": "text",
                "topic": "text",
                "claim": "text",
                "claim_en": "text",
                "test": "text",
                "explanation": "text?",
                "explanation_en": "text?",
                **_CITED,
            },
            "Claims",
            together=(("explanation", "explanation_en"),),
        ),
        TableSpec(
            "findings",
            "发现",
            "Each distinct inconsistency of the report once, with the checks it makes fail",
            {
                "finding_id": "text",
                "title": "text",
                "title_en": "text",
                "checks": "text?",
                "correction_ids": "text?",
                "explanation": "text",
                "explanation_en": "text",
                "correct": "text?",
                "correct_en": "text?",
                "quote_section": "text?",
                "quote": "text?",
            },
            "Findings",
            together=(("correct", "correct_en"), ("quote_section", "quote")),
        ),
    ]
}

#: Tables whose rows are figures of the report (not its metadata or its checks).
FIGURE_TABLES = (
    "budget",
    "transfers",
    "evaluated_funds",
    "allocations",
    "carryover",
    "spending",
    "poverty",
    "projects",
    "supervision",
    "outputs",
    "scores",
    "grades",
)


def summed_column(table: str, measure: str) -> str:
    """The column a total of ``measure`` over ``table`` adds up: exact 分 for money, exact
    millionths of the base unit for a measured quantity, the column itself for a count."""
    if measure == "amount":
        return "amount_fen"
    if measure == "value" and table in SPECS and SPECS[table].measured:
        return "value_micro"
    return measure
