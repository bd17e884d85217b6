"""pandera schemas: one ``DataFrameModel`` per table, as returned by the loaders.

Every column is typed and described; the shared base makes each model strict (no column
that is not declared) and lazy validation reports every failing cell at once. Rules that
span tables (a place must be a term of the report's vocabulary, a total must match its parts)
are not here: see :mod:`fundanalysis.data.tables` and :mod:`fundanalysis.audit.reconcile`.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from fundanalysis.data import units
from fundanalysis.data import vocabulary as vocab

MAX_FEN = 10**15  # 1,000,000,000 万元: far above any poverty budget, far below int64 limits.
#: Far above any count of people or projects; a million of them still sum in int64.
MAX_COUNT = 10**12


def _field(description: str, **checks) -> object:
    return pa.Field(description=description, **checks)


class Table(pa.DataFrameModel):
    """Shared configuration: strict columns, explicit dtypes, no coercion."""

    class Config:
        strict = True
        coerce = False


class Corrected(Table):
    corrections: Series[str] = _field("Ids of corrections applied to this row (corrections.csv)")


class Cited(Corrected):
    """Columns that trace a row to the report."""

    section_id: Series[str] = _field("Section of the report that prints the figure (sections.csv)")


class Printed(Cited):
    printed: Series[str] = _field("The figure as printed in the cited section")


class Money(Printed):
    """An amount as printed, its unit, and its exact and analysable forms."""

    amount: Series[str] = _field("Amount as printed (digits only), in `unit`")
    unit: Series[str] = _field("Unit of `amount` after corrections", isin=list(vocab.MONEY_UNITS))
    unit_as_printed: Series[str] = _field("Unit as printed", isin=list(vocab.MONEY_UNITS))
    amount_fen: Series[pd.Int64Dtype] = _field(
        "Exact amount in 分 (0.000001 万元), after corrections", ge=0, le=MAX_FEN
    )
    amount_as_printed_fen: Series[pd.Int64Dtype] = _field(
        "Exact amount in 分 as printed, before corrections", ge=0, le=MAX_FEN
    )
    amount_wan: Series[float] = _field("Amount in 万元 for analysis and charts (float)", ge=0)


def _english(term: str) -> object:
    return _field(f"English form of `{term}`, from the report's vocabulary")


class Documents(Corrected):
    document: Series[str] = _field("Document id, as sections.csv names it", unique=True)
    title: Series[str] = _field("Title as printed")
    title_en: Series[str] = _field("Title in English")
    issuer: Series[str] = _field("Issuing bodies as printed")
    issuer_en: Series[str] = _field("Issuing bodies in English")
    reference: Series[str] = _field("Document number as printed", nullable=True)
    issued_on: Series[pd.Timestamp] = _field("Date of issue", nullable=True)
    issued_on_printed: Series[str] = _field("Date of issue as printed", nullable=True)
    section_id: Series[str] = _field("Section that prints the date")
    printed: Series[str] = _field("The date as printed", nullable=True)


class Sections(Corrected):
    section_id: Series[str] = _field(
        "Section id: document and the report's own numbering", unique=True
    )
    document: Series[str] = _field("Document id (documents.csv)")
    number: Series[str] = _field("The report's numbering of the section", nullable=True)
    title: Series[str] = _field("Heading as printed")
    title_en: Series[str] = _field("Heading in English")
    start_anchor: Series[str] = _field("Text at which the section starts in the source")
    end_anchor: Series[str] = _field(
        "Text at which the next section starts in the source; empty: to the end of the text",
        nullable=True,
    )


class Vocabulary(Corrected):
    vocabulary: Series[str] = _field(
        "Which vocabulary the term belongs to", isin=list(vocab.REPORT_VOCABULARIES)
    )
    term: Series[str] = _field("The term as the report prints it")
    term_en: Series[str] = _field("The term in English")
    parent: Series[str] = _field(
        "Broader term (a funding source's level, a category's parent category)", nullable=True
    )

    class Config:
        unique = ("vocabulary", "term")


class Budget(Money):
    year: Series[pd.Int64Dtype] = _field("Budget year", ge=2000, le=2100, unique=True)


class Transfers(Money):
    batch: Series[pd.Int64Dtype] = _field("Batch number in the order the report lists them", ge=1)
    batch_name: Series[str] = _field("Batch as printed")
    batch_name_en: Series[str] = _field("Batch in English")
    level: Series[str] = _field("Level of government (vocabulary: level)")
    level_en: Series[str] = _english("level")
    fund_type: Series[str] = _field(
        "Fund type, where printed (vocabulary: fund_type)", nullable=True
    )
    fund_type_en: Series[str] = _english("fund_type")
    disbursed_on: Series[pd.Timestamp] = _field("Date passed on to the next level down")
    disbursed_on_printed: Series[str] = _field("Date as printed")

    class Config:
        unique = ("batch", "fund_type")


class EvaluatedFunds(Money):
    level: Series[str] = _field("Level of government (vocabulary: level)")
    level_en: Series[str] = _english("level")
    fund_type: Series[str] = _field(
        "Fund type, where printed (vocabulary: fund_type)", nullable=True
    )
    fund_type_en: Series[str] = _english("fund_type")

    class Config:
        unique = ("level", "fund_type")


class Allocations(Money):
    funds: Series[str] = _field("Which money (vocabulary: funds)")
    funds_en: Series[str] = _english("funds")
    place: Series[str] = _field("Place the money went to (vocabulary: place)")
    place_en: Series[str] = _english("place")
    fund_type: Series[str] = _field(
        "Fund type, where printed (vocabulary: fund_type)", nullable=True
    )
    fund_type_en: Series[str] = _english("fund_type")

    class Config:
        unique = ("funds", "place", "fund_type")


class Carryover(Money):
    place: Series[str] = _field("Place whose carry-over this is (vocabulary: place)")
    place_en: Series[str] = _english("place")
    seq: Series[pd.Int64Dtype] = _field("Order of the item within its place's section", ge=1)
    funding_group: Series[str] = _field(
        "Funding source heading the report subtotals under (vocabulary: funding_source)"
    )
    funding_source: Series[str] = _field(
        "Most specific funding source printed for the item (vocabulary: funding_source)"
    )
    funding_source_en: Series[str] = _english("funding_source")
    level: Series[str] = _field("Level of government of the funding source (its parent term)")
    level_en: Series[str] = _english("level")
    item: Series[str] = _field("Project line after corrections")
    item_as_printed: Series[str] = _field("Project line as printed")
    item_en: Series[str] = _field("Project line in English")
    kind: Series[str] = _field("Kind of carry-over (vocabulary: carryover_kind)")
    kind_en: Series[str] = _english("kind")
    project_count: Series[pd.Int64Dtype] = _field(
        "Projects in the line, where stated", ge=1, le=MAX_COUNT, nullable=True
    )
    payment_status: Series[str] = _field("Payment status", isin=list(vocab.PAYMENT_STATUSES))
    payment_status_en: Series[str] = _field("Payment status in English")
    payment_date: Series[pd.Timestamp] = _field("Date paid, or planned latest date", nullable=True)
    payment_printed: Series[str] = _field("Payment statement as printed", nullable=True)

    class Config:
        unique = ("place", "seq")


class Spending(Money):
    category: Series[str] = _field("Spending category (vocabulary: category)")
    category_en: Series[str] = _english("category")
    as_of: Series[pd.Timestamp] = _field(
        "Date the spending is counted to, where printed", nullable=True
    )
    as_of_printed: Series[str] = _field("Date as printed", nullable=True)

    class Config:
        unique = ("category", "as_of")


class Projects(Cited):
    stage: Series[str] = _field("Stage", isin=list(vocab.PROJECT_STAGES))
    stage_en: Series[str] = _field("Stage in English")
    level: Series[str] = _field("Funding level, where printed (vocabulary: level)", nullable=True)
    level_en: Series[str] = _english("level")
    category: Series[str] = _field(
        "Project category, where printed (vocabulary: category)", nullable=True
    )
    category_en: Series[str] = _english("category")
    project_count: Series[pd.Int64Dtype] = _field(
        "Number of projects, where printed", ge=0, le=MAX_COUNT, nullable=True
    )
    amount: Series[str] = _field("Funds as printed, in `unit`", nullable=True)
    unit: Series[str] = _field("Unit of `amount`", isin=list(vocab.MONEY_UNITS))
    unit_as_printed: Series[str] = _field("Unit as printed", isin=list(vocab.MONEY_UNITS))
    amount_fen: Series[pd.Int64Dtype] = _field("Exact funds in 分", ge=0, le=MAX_FEN, nullable=True)
    amount_as_printed_fen: Series[pd.Int64Dtype] = _field(
        "Exact funds in 分 as printed", ge=0, le=MAX_FEN, nullable=True
    )
    amount_wan: Series[float] = _field("Funds in 万元 (float)", ge=0, nullable=True)
    as_of: Series[pd.Timestamp] = _field("Date the count refers to", nullable=True)
    as_of_printed: Series[str] = _field("Date as printed", nullable=True)
    count_printed: Series[str] = _field("Count as printed", nullable=True)
    amount_printed: Series[str] = _field("Funds as printed", nullable=True)

    class Config:
        unique = ("stage", "level", "category")


class Measured(Printed):
    """A value as printed in a unit of :mod:`fundanalysis.data.units`, its kind, exact and
    analysable forms (see :func:`fundanalysis.data.derive.measured_columns`)."""

    value: Series[str] = _field("Value as printed (digits only), in `unit`")
    unit: Series[str] = _field("Unit as printed", isin=list(units.UNITS))
    unit_en: Series[str] = _field("Unit in English")
    kind: Series[str] = _field("Kind of quantity of the unit", isin=list(units.KINDS))
    kind_en: Series[str] = _field("Kind of quantity in English")
    value_micro: Series[pd.Int64Dtype] = _field(
        "Exact value in millionths of its kind's base unit (米, 平方米, 亩, 个 …)", ge=0
    )
    value_number: Series[float] = _field("Value in `unit` as a float, for charts", ge=0)


class Poverty(Measured):
    measure: Series[str] = _field("A measure of the library or of vocabulary poverty_measure")
    measure_name: Series[str] = _field("The measure in Chinese")
    measure_en: Series[str] = _field("The measure in English")
    as_of: Series[pd.Timestamp] = _field("Date the count refers to", nullable=True)
    as_of_printed: Series[str] = _field("Date as printed", nullable=True)

    class Config:
        unique = ("measure", "as_of")


class Supervision(Measured):
    measure: Series[str] = _field("What is counted or measured")
    period: Series[str] = _field("Period as printed, where stated", nullable=True)

    class Config:
        unique = ("section_id", "measure")


class Outputs(Measured):
    category: Series[str] = _field("Category of output (vocabulary: category)")
    category_en: Series[str] = _english("category")
    item: Series[str] = _field("What was built or delivered, as printed")
    item_en: Series[str] = _field("The same in English")
    place: Series[str] = _field("Place, where printed (vocabulary: place)", nullable=True)
    place_en: Series[str] = _english("place")
    as_of: Series[pd.Timestamp] = _field("Date the value refers to, where printed", nullable=True)
    as_of_printed: Series[str] = _field("Date as printed", nullable=True)

    class Config:
        unique = ("category", "item", "unit", "place", "as_of")


class Scores(Cited):
    indicator_id: Series[str] = _field("Id of the indicator", unique=True)
    parent_id: Series[str] = _field(
        "The indicator this one adds to (empty for the overall score)", nullable=True
    )
    indicator: Series[str] = _field("Indicator as printed")
    indicator_en: Series[str] = _field("Indicator in English")
    kind: Series[str] = _field(
        "indicator, bonus, deduction or overall score", isin=list(vocab.SCORE_KINDS)
    )
    kind_en: Series[str] = _field("Kind in English")
    max_score: Series[str] = _field("Points it may earn (分值), where printed", nullable=True)
    score: Series[str] = _field("Points given (得分), where printed", nullable=True)
    grade: Series[str] = _field("Grade the report gives, on the overall score", nullable=True)
    max_score_printed: Series[str] = _field("The maximum as printed", nullable=True)
    score_printed: Series[str] = _field("The score (and grade) as printed", nullable=True)


class Grades(Cited):
    grade: Series[str] = _field("Grade as printed (优, 良, 中, 差 …)", unique=True)
    grade_en: Series[str] = _field("Grade in English")
    min_score: Series[str] = _field(
        "Lowest score that earns the grade, as printed (empty for the lowest grade)",
        nullable=True,
        unique=True,
    )
    min_score_printed: Series[str] = _field("The grade's threshold as printed", nullable=True)
    max_score: Series[str] = _field(
        "Score below which the grade holds, as printed (empty for the highest grade)",
        nullable=True,
    )
    max_score_printed: Series[str] = _field("The grade's upper bound as printed", nullable=True)


class Described(Printed):
    description: Series[str] = _field("What is checked, in Chinese")
    description_en: Series[str] = _field("What is checked, in English")
    explanation: Series[str] = _field(
        "Why the check comes out as it does, where not obvious", nullable=True
    )


class Indicators(Described):
    indicator_id: Series[str] = _field("Id of the stated ratio", unique=True)
    stated: Series[str] = _field("The ratio as printed (digits only), in `unit`")
    unit: Series[str] = _field("Unit of `stated`", isin=list(vocab.RATE_UNITS))
    numerator: Series[str] = _field("Expression of the money on top, e.g. spending[]")
    denominator: Series[str] = _field("Expression of the money below, e.g. evaluated_funds[]")


class Totals(Described):
    total_id: Series[str] = _field("Id of the stated total", unique=True)
    table: Series[str] = _field("Table holding the parts")
    filter: Series[str] = _field(
        "Parts: rows where column=value (';' joins conditions)", nullable=True
    )
    measure: Series[str] = _field("Column summed", isin=["amount", "project_count", "value"])
    stated: Series[str] = _field("Total as printed (digits only), in `unit`")
    unit: Series[str] = _field("Unit of `stated` after corrections")
    unit_as_printed: Series[str] = _field("Unit as printed")
    amount_fen: Series[pd.Int64Dtype] = _field(
        "Exact stated amount in 分, money totals only", ge=0, nullable=True
    )
    amount_as_printed_fen: Series[pd.Int64Dtype] = _field(
        "Exact stated amount in 分 as printed", ge=0, nullable=True
    )
    amount_wan: Series[float] = _field("Stated amount in 万元 (float)", ge=0, nullable=True)
    as_of: Series[pd.Timestamp] = _field("Date the total refers to, where printed", nullable=True)
    as_of_printed: Series[str] = _field("Date as printed", nullable=True)


class Crosschecks(Corrected):
    check_id: Series[str] = _field("Id of the cross-check", unique=True)
    description: Series[str] = _field("What must agree, in Chinese")
    description_en: Series[str] = _field("What must agree, in English")
    left: Series[str] = _field("Expression: the money one table or document gives")
    right: Series[str] = _field(
        "Expression: the same money from elsewhere; 'label: expr; …' names parts"
    )
    explanation: Series[str] = _field("Why the two must agree, or why they do not", nullable=True)


class Corrections(Table):
    correction_id: Series[str] = _field("Correction id", unique=True)
    table: Series[str] = _field("Table corrected")
    filter: Series[str] = _field("The one row corrected: column=value (';' joins conditions)")
    column: Series[str] = _field("Column corrected")
    printed: Series[str] = _field("Value as printed")
    corrected: Series[str] = _field("Value after correction")
    reason: Series[str] = _field("Why the printed value is wrong, in Chinese")
    reason_en: Series[str] = _field("The same in English")
    evidence: Series[str] = _field(
        "Check (total or cross-check) that shows the evidence", nullable=True
    )


class Claims(Printed):
    claim_id: Series[str] = _field("Id of the claim", unique=True)
    topic: Series[str] = _field("Analysis the claim belongs to", isin=list(vocab.TOPICS))
    claim: Series[str] = _field("The claim as the report words it")
    claim_en: Series[str] = _field("The claim in English")
    test: Series[str] = _field(
        "How it is tested: check:ID, increasing:TABLE, all:TABLE[filter], unverifiable"
    )
    explanation: Series[str] = _field(
        "What the test shows or why it cannot, in Chinese", nullable=True
    )
    explanation_en: Series[str] = _field("The same in English", nullable=True)


class Findings(Corrected):
    finding_id: Series[str] = _field("Id of the finding", unique=True)
    title: Series[str] = _field("The inconsistency in a few words, in Chinese")
    title_en: Series[str] = _field("The same in English")
    checks: Series[str] = _field(
        "Checks it makes fail, ';'-joined; the first is its measure", nullable=True
    )
    correction_ids: Series[str] = _field("Corrections it led to, ';'-joined", nullable=True)
    explanation: Series[str] = _field("What is wrong and what is right, in Chinese")
    explanation_en: Series[str] = _field("The same in English")
    correct: Series[str] = _field(
        "What is right, in a clause that ends the finding's sentence, in Chinese", nullable=True
    )
    correct_en: Series[str] = _field("The same in English", nullable=True)
    quote_section: Series[str] = _field(
        "Section quoted as evidence where no check or correction cites one (sections.csv)",
        nullable=True,
    )
    quote: Series[str] = _field("The words of that section quoted as evidence", nullable=True)
