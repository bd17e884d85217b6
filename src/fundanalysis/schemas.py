"""pandera schemas: one ``DataFrameModel`` per table, as returned by the loaders.

Every column is typed and described; the shared base makes each model strict (no column
that is not declared) and lazy validation reports every failing cell at once. Rules that
span tables (a county must be one of ``counties.csv``, a total must match its parts) are
not here: see :mod:`fundanalysis.tables` and :mod:`fundanalysis.reconcile`.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from fundanalysis import vocabulary as vocab

MAX_FEN = 10**15  # 1,000,000,000 万元: far above any poverty budget, far below int64 limits.


def _field(description: str, **checks) -> object:
    return pa.Field(description=description, **checks)


class Table(pa.DataFrameModel):
    """Shared configuration: strict columns, explicit dtypes, no coercion."""

    class Config:
        strict = True
        coerce = False


class Cited(Table):
    """Columns that trace a row to the report."""

    section_id: Series[str] = _field("Section of the report that prints the figure (sections.csv)")
    corrections: Series[str] = _field("Ids of corrections applied to this row (corrections.csv)")


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


class Documents(Table):
    document: Series[str] = _field("Document id", isin=list(vocab.DOCUMENTS), unique=True)
    title: Series[str] = _field("Title as printed")
    title_en: Series[str] = _field("Title in English")
    issuer: Series[str] = _field("Issuing bodies as printed")
    issuer_en: Series[str] = _field("Issuing bodies in English")
    reference: Series[str] = _field("Document number as printed", nullable=True)
    issued_on: Series[pd.Timestamp] = _field("Date of issue", nullable=True)
    issued_on_printed: Series[str] = _field("Date of issue as printed", nullable=True)
    section_id: Series[str] = _field("Section that prints the date")
    printed: Series[str] = _field("The date as printed", nullable=True)
    corrections: Series[str] = _field("Ids of corrections applied to this row")


class Sections(Table):
    section_id: Series[str] = _field(
        "Section id: document and the report's own numbering", unique=True
    )
    document: Series[str] = _field("Document id", isin=list(vocab.DOCUMENTS))
    number: Series[str] = _field("The report's numbering of the section", nullable=True)
    title: Series[str] = _field("Heading as printed")
    title_en: Series[str] = _field("Heading in English")
    start_anchor: Series[str] = _field("Text at which the section starts in the source")
    end_anchor: Series[str] = _field("Text at which the next section starts in the source")
    corrections: Series[str] = _field("Ids of corrections applied to this row")


class Counties(Table):
    county: Series[str] = _field("County-level unit as printed", unique=True)
    county_en: Series[str] = _field("English name")
    corrections: Series[str] = _field("Ids of corrections applied to this row")


class FundingSources(Table):
    funding_source: Series[str] = _field("Funding-source label as printed", unique=True)
    funding_source_en: Series[str] = _field("English form of the label")
    level: Series[str] = _field("Level of government the label belongs to", isin=list(vocab.LEVELS))
    corrections: Series[str] = _field("Ids of corrections applied to this row")


class Budget(Money):
    year: Series[pd.Int64Dtype] = _field("Budget year", ge=2000, le=2100, unique=True)


class LevelAndFundType(Money):
    """Money identified by its level of government and fund type."""

    level: Series[str] = _field("Level of government", isin=list(vocab.LEVELS))
    level_en: Series[str] = _field("Level in English")
    fund_type: Series[str] = _field("Fund type", isin=list(vocab.FUND_TYPES))
    fund_type_en: Series[str] = _field("Fund type in English")


class Transfers(LevelAndFundType):
    batch: Series[pd.Int64Dtype] = _field("Batch number in the order the report lists them", ge=1)
    batch_name: Series[str] = _field("Batch as printed")
    batch_name_en: Series[str] = _field("Batch in English")
    disbursed_on: Series[pd.Timestamp] = _field("Date passed on to the counties")
    disbursed_on_printed: Series[str] = _field("Date as printed")

    class Config:
        unique = ("batch", "fund_type")


class EvaluatedFunds(LevelAndFundType):
    class Config:
        unique = ("level", "fund_type")


class Allocations(Money):
    funds: Series[str] = _field("Which funds", isin=list(vocab.ALLOCATION_FUNDS))
    funds_en: Series[str] = _field("Which funds, in English")
    county: Series[str] = _field("County-level unit (counties.csv)")
    county_en: Series[str] = _field("County in English")
    fund_type: Series[str] = _field("Fund type", isin=list(vocab.FUND_TYPES))
    fund_type_en: Series[str] = _field("Fund type in English")

    class Config:
        unique = ("funds", "county", "fund_type")


class Carryover(Money):
    county: Series[str] = _field("County-level unit (counties.csv)")
    county_en: Series[str] = _field("County in English")
    seq: Series[pd.Int64Dtype] = _field("Order of the item within its county's section", ge=1)
    funding_group: Series[str] = _field("Funding source heading the report subtotals under")
    funding_source: Series[str] = _field("Most specific funding source printed for the item")
    funding_source_en: Series[str] = _field("Funding source in English")
    level: Series[str] = _field(
        "Level of government of the funding source", isin=list(vocab.LEVELS)
    )
    level_en: Series[str] = _field("Level in English")
    item: Series[str] = _field("Project line after corrections")
    item_as_printed: Series[str] = _field("Project line as printed")
    item_en: Series[str] = _field("Project line in English")
    kind: Series[str] = _field("Kind of carry-over", isin=list(vocab.CARRYOVER_KINDS))
    kind_en: Series[str] = _field("Kind in English")
    project_count: Series[pd.Int64Dtype] = _field(
        "Projects in the line, where stated", ge=1, nullable=True
    )
    payment_status: Series[str] = _field("Payment status", isin=list(vocab.PAYMENT_STATUSES))
    payment_status_en: Series[str] = _field("Payment status in English")
    payment_date: Series[pd.Timestamp] = _field("Date paid, or planned latest date", nullable=True)
    payment_printed: Series[str] = _field("Payment statement as printed", nullable=True)

    class Config:
        unique = ("county", "seq")


class Poverty(Printed):
    measure: Series[str] = _field("What is counted", unique=True)
    value: Series[pd.Int64Dtype] = _field("Count", ge=0)
    unit: Series[str] = _field("Unit of the count", isin=list(vocab.COUNT_UNITS))
    as_of: Series[pd.Timestamp] = _field("Date the count refers to", nullable=True)
    as_of_printed: Series[str] = _field("Date as printed", nullable=True)


class Projects(Cited):
    stage: Series[str] = _field("Stage", isin=list(vocab.PROJECT_STAGES))
    stage_en: Series[str] = _field("Stage in English")
    level: Series[str] = _field("Funding level", isin=list(vocab.LEVELS))
    level_en: Series[str] = _field("Level in English")
    project_count: Series[pd.Int64Dtype] = _field("Number of projects", ge=0)
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
    count_printed: Series[str] = _field("Count as printed")
    amount_printed: Series[str] = _field("Funds as printed", nullable=True)

    class Config:
        unique = ("stage", "level")


class Supervision(Printed):
    measure: Series[str] = _field("What is counted")
    value: Series[pd.Int64Dtype] = _field("Count", ge=0)
    unit: Series[str] = _field("Unit of the count", isin=list(vocab.COUNT_UNITS))
    period: Series[str] = _field("Period as printed, where stated", nullable=True)

    class Config:
        unique = ("section_id", "measure")


class Totals(Printed):
    total_id: Series[str] = _field("Id of the stated total", unique=True)
    table: Series[str] = _field("Table holding the parts")
    filter: Series[str] = _field(
        "Parts: rows where column=value (';' joins conditions)", nullable=True
    )
    measure: Series[str] = _field("Column summed", isin=["amount", "project_count"])
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
    description: Series[str] = _field("What the total is, in Chinese")
    description_en: Series[str] = _field("What the total is, in English")
    explanation: Series[str] = _field(
        "Why the check comes out as it does, where not obvious", nullable=True
    )


class Corrections(Table):
    correction_id: Series[str] = _field("Correction id", unique=True)
    table: Series[str] = _field("Table corrected")
    filter: Series[str] = _field("The one row corrected: column=value (';' joins conditions)")
    column: Series[str] = _field("Column corrected")
    printed: Series[str] = _field("Value as printed")
    corrected: Series[str] = _field("Value after correction")
    reason: Series[str] = _field("Why the printed value is wrong")
    evidence: Series[str] = _field("Stated total whose check shows the evidence", nullable=True)
