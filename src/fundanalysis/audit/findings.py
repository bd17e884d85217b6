"""The findings register: each distinct inconsistency once, with its size and materiality.

``findings.csv`` names the checks each finding makes fail; :func:`findings` adds how large it
is against the total it concerns and whether that is material by the report's threshold.
:func:`unregistered` lists the failing checks no finding accounts for: errors in the data.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

from fundanalysis.audit.checkrows import FAILING, NOT_COMPUTABLE, VERDICT_KINDS
from fundanalysis.audit.reconcile import CANCELLING, reconcile
from fundanalysis.data.crosstable import SCORECARD_CHECKS, scorecard_checks
from fundanalysis.data.errors import Problem
from fundanalysis.data.loaders import PathLike
from fundanalysis.data.money import FEN_PER_UNIT
from fundanalysis.data.paths import data_dir as resolve_data_dir
from fundanalysis.data.tables import load_report_tables
from fundanalysis.data.vocabulary import MONEY_UNITS

#: The name every cap check of a scorecard starts with.
_CAP = SCORECARD_CHECKS["cap"].format("")

#: Columns of findings.csv passed on as text ("" where empty): what is right, and the passage
#: quoted where no check or correction cites one.
_TEXT = ("correct", "correct_en", "quote_section", "quote")


def unregistered(checks: pd.DataFrame, data_dir: PathLike = None) -> list[Problem]:
    """Failing checks that the findings register does not account for: errors in the data.

    A documented finding of the report is not an error; a total that stopped matching its parts
    without a word in ``findings.csv`` is, and it is reported at the line that declares it.
    """
    loaded = load_report_tables(resolve_data_dir(data_dir))
    declared = {}
    for file, table, key in (
        ("totals.csv", "totals", "total_id"),
        ("indicators.csv", "indicators", "indicator_id"),
        ("crosschecks.csv", "crosschecks", "check_id"),
    ):
        for line, check in zip(loaded.lines[table], loaded.tables[table][key], strict=True):
            declared[check] = (file, line)
    for check, line in scorecard_checks(loaded.tables, loaded.lines).items():
        declared[check] = ("scores.csv", line)
    problems = []
    failing = set(checks.loc[checks["status"].isin(FAILING), "check"])
    for line, finding in zip(
        loaded.lines["findings"], loaded.tables["findings"].itertuples(), strict=True
    ):
        named = finding.checks.split(";") if isinstance(finding.checks, str) else []
        holding = [name for name in named if name not in failing]
        if not named or not holding:
            continue
        uncomputable = set(checks.loc[checks["status"] == NOT_COMPUTABLE, "check"])
        if set(holding) <= uncomputable:  # a rate over 0: nothing to explain, nothing failed
            message = (
                "所列核对无法计算（分母为零），不必登记为发现 / its checks cannot be computed "
                "(a base of 0): they need no finding"
            )
        elif len(holding) == len(named):
            message = "所列核对均成立，这不是问题 / none of its checks fails: nothing to explain"
        else:  # a finding is sized by its checks: one that holds would size it wrongly
            message = (
                f"所列核对 {'、'.join(holding)} 成立，发现只列出它所致不成立的核对 / "
                f"{', '.join(holding)} hold(s): a finding lists only the checks it makes fail"
            )
        problems.append(Problem("findings.csv", line, "checks", finding.checks, message))
    # a rate over a base printed as 0 is not computable: neither failing nor an error in the
    # data (the report printed what it printed), so it needs no finding; a denominator whose
    # parts cancel out to 0 is the declaration's mistake
    for row in checks[
        (checks["kind"] == "ratio") & checks["note_en"].str.startswith(CANCELLING[1])
    ].itertuples():
        file, line = declared[row.check]
        problems.append(
            Problem(
                file, line, "denominator", row.check, "分母之和为零 / the denominator sums to zero"
            )
        )
    for row in checks[checks["status"].isin(FAILING) & (checks["finding"] == "")].itertuples():
        file, line = declared[row.check]
        # a verdict, or a cap, says in its own note what failed; a sum, by its two figures
        found = (
            f"{row.note} / {row.note_en}"
            if row.kind in VERDICT_KINDS or str(row.check).startswith(_CAP)
            else f"stated {row.stated}, computed {row.computed} {row.unit}"
        )
        problems.append(
            Problem(
                file,
                line,
                None,
                row.check,
                f"核对不成立且未登记于 findings.csv / check {row.status} and not in findings.csv: "
                + found,
            )
        )
    return problems + _unfounded_figures(loaded, checks)


#: A number in a clause: digits with optional thousands separators and a decimal part.
_NUMBER = re.compile(
    r"(?<![0-9.])[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|(?<![0-9.,])[0-9]+(?:\.[0-9]+)?"
)


def _numbers(text: str) -> set[Decimal]:
    return {Decimal(n.replace(",", "")).normalize() for n in _NUMBER.findall(text)}


def _unfounded_figures(loaded, checks: pd.DataFrame) -> list[Problem]:
    """Figures in a finding's ``correct`` clause that neither the data nor a check holds.

    What is right must come from the report or from the checks' arithmetic, never from the
    person who wrote the finding. The clause is read as the scan reads a report (digits of
    any width, Chinese numerals, units): an amount of money must be one the tables or the
    checks hold, in 分, whatever unit it is written in; any other number must be printed in
    some cell of the tables or be a figure of a check.
    """
    known: set[Decimal] = set()
    money: set[int] = set()
    for name, frame in loaded.tables.items():
        if name == "findings":
            continue
        for column in frame.columns:
            for value in frame[column].dropna().unique():
                if isinstance(value, str):
                    known |= _numbers(value)
                elif isinstance(value, int | np.integer) and not isinstance(value, bool):
                    known.add(Decimal(int(value)))  # a year, a count
                    if column.endswith("_fen"):
                        money.add(int(value))
    for column in ("stated", "computed", "difference", "stated_as_printed", "computed_as_printed"):
        for value, unit in zip(checks[column], checks["unit"], strict=True):
            if pd.isna(value):
                continue
            known.add(Decimal(str(value)).normalize())
            if unit in FEN_PER_UNIT:
                money.add(int(abs(Decimal(str(value))) * FEN_PER_UNIT[unit]))
    problems = []
    for line, finding in zip(
        loaded.lines["findings"], loaded.tables["findings"].itertuples(), strict=True
    ):
        for column in ("correct", "correct_en"):
            text = getattr(finding, column)
            if not isinstance(text, str) or not text:
                continue
            for shown in _unfounded(text, known, money):
                problems.append(
                    Problem(
                        "findings.csv",
                        line,
                        column,
                        shown,
                        "报告数据及核对中均无此数 / no table of the report and no check holds "
                        "this figure",
                    )
                )
    return problems


def _unfounded(text: str, known: set[Decimal], money: set[int]) -> list[str]:
    """The figures and numbers of ``text`` that are not known, as printed."""
    from fundanalysis.text.scan.figures import extract
    from fundanalysis.text.scan.sections import Sections

    figures, _ = extract(text, Sections(text))
    found = []
    for figure in figures:
        if figure.unit.dimension == "money":
            fen = figure.value * figure.unit.scale * 100
            if fen != fen.to_integral_value() or int(fen) not in money:
                found.append(figure.printed)
        elif figure.value.normalize() not in known:
            found.append(figure.printed)
    rest = list(text)
    for figure in figures:  # numbers outside the figures: held to the tables' numbers
        rest[figure.start : figure.end] = " " * (figure.end - figure.start)
    found += [
        f"{n:f}" for n in sorted(_numbers(unicodedata.normalize("NFKC", "".join(rest))) - known)
    ]
    return found


def sizing_check(names: list[str], checks: pd.DataFrame) -> str:
    """The check that sizes a finding: the first it lists that fails (validate refuses a
    finding listing one that holds, whose gap is not the finding's)."""
    statuses = checks["status"].astype(str)
    return next((name for name in names if statuses.get(name) in FAILING), names[0])


def findings(data_dir: PathLike = None) -> pd.DataFrame:
    """The findings register: each inconsistency once, its size, and whether it is material.

    ``amount`` is the gap of the finding's first failing check as printed (before corrections), in the
    unit of that check; ``materiality`` is that gap over the figure the check states, and a
    finding is ``material`` at or above the report's threshold (``report.toml``, default 1%).
    A finding with no check (a misprinted name, say) has no amount and is not material.
    Against a figure stated as 0 the share is not computable: ``materiality`` is None and
    ``material`` is ``pd.NA`` (neither material nor immaterial; pages say 无法计算 / not
    computable), never a number, an infinity or "immaterial". ``material`` is pandas'
    nullable boolean.

    Materiality by kind (``basis``): a gap of money, or of a rate (in percentage points, as a
    share of the rate stated), is weighed against the threshold; a gap of a count or a measured
    quantity is not, because counts are exact and the threshold is one of
    money: any such gap is material, and is shown as what it is ("1 of 52"). A finding on a
    check said in words (``grade``: the grade the report's bands give is not the one given)
    has no amount and is always material.
    """
    loaded = load_report_tables(resolve_data_dir(data_dir))
    checks = reconcile(data_dir).set_index("check")
    threshold = Fraction(loaded.info.materiality).limit_denominator(10**6)
    rows = []
    for finding in loaded.tables["findings"].itertuples(index=False):
        names = finding.checks.split(";") if isinstance(finding.checks, str) else []
        amount = base = materiality = None
        basis = ""
        material: bool | pd.api.typing.NAType = False
        if names:
            first = checks.loc[sizing_check(names, checks)]
            computed, stated = first["computed_as_printed"], first["stated_as_printed"]
            if first["kind"] in VERDICT_KINDS:  # a wrong grade: no gap of points, and material
                basis, material = first["kind"], True
            elif pd.isna(computed) or pd.isna(stated):  # a ratio over nothing: no gap to size
                material = pd.NA
            else:
                amount = abs(computed - stated)
                base = abs(stated)
                basis = (
                    "money"
                    if first["unit"] in MONEY_UNITS
                    else "rate"
                    if first["kind"] == "ratio"
                    else "count"
                )
                if basis == "count":
                    # counts (and measures) are exact: any difference is a misstatement, never
                    # a share to weigh against the money threshold; shown as "1 of 52"
                    materiality = float(Fraction(amount) / Fraction(base)) if base else None
                    material = bool(amount)
                elif base:
                    ratio = Fraction(amount) / Fraction(base)
                    materiality = float(ratio)
                    material = bool(ratio >= threshold)
                else:  # a gap against 0: no share of it, so neither material nor immaterial
                    material = pd.NA
        rows.append(
            {
                "finding": finding.finding_id,
                "title": finding.title,
                "title_en": finding.title_en,
                "checks": names,
                "corrections": (finding.correction_ids or "").split(";")
                if isinstance(finding.correction_ids, str)
                else [],
                "amount": amount,
                "unit": checks.loc[sizing_check(names, checks), "unit"] if names else "",
                "of_stated": base,
                "materiality": materiality,
                "basis": basis,
                "material": material,
                "explanation": finding.explanation,
                "explanation_en": finding.explanation_en,
                **{
                    column: value if isinstance(value := getattr(finding, column), str) else ""
                    for column in _TEXT
                },
            }
        )
    register = pd.DataFrame(
        rows,
        columns=[
            "finding",
            "title",
            "title_en",
            "checks",
            "corrections",
            "amount",
            "unit",
            "of_stated",
            "materiality",
            "basis",
            "material",
            "explanation",
            "explanation_en",
            *_TEXT,
        ],
    )
    register["material"] = register["material"].astype("boolean")
    return register
