"""Check every total the report states against its parts, exactly, and explain each result.

Two kinds of check, one table of results:

* **Stated totals** (``totals.csv``): each printed total against the rows its filter selects.
* **Cross-checks**: the same money seen from two tables or two documents (transfers against
  the evaluated funds, allocations against fund types, the project breakdown against the
  bond funds). These also derive what the report leaves implicit, such as how the combined
  central/autonomous-region reward batch splits between the two levels.

Sums use integer 分, never floats. A difference is ``rounding`` only where the total was
printed with fewer decimals than its parts and the gap is within half a unit of the total's
last printed digit; any other difference is a ``discrepancy``. ``corrected`` marks a check that
fails as printed and holds once the documented corrections are applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from fundanalysis import vocabulary as vocab
from fundanalysis.errors import Problem
from fundanalysis.loaders import PathLike
from fundanalysis.money import FEN_PER_UNIT, FEN_PER_WAN, decimals_of, fen_to_wan
from fundanalysis.paths import data_dir as resolve_data_dir
from fundanalysis.tables import load_tables, matching_rows, parse_filter, source_lines

STATUSES = ("ok", "rounding", "corrected", "discrepancy")

COLUMNS = [
    "check",
    "description",
    "stated",
    "computed",
    "difference",
    "status",
    "unit",
    "parts",
    "computed_as_printed",
    "tolerance",
    "explained",
    "source",
    "note",
]


@dataclass(frozen=True)
class Side:
    """One side of a check: an exact value (分 for money, a count otherwise) and its precision."""

    value: int
    as_printed: int
    decimals: int


def _wan(fen: int) -> Decimal:
    return fen_to_wan(fen)


def _source(tables: dict[str, pd.DataFrame], section_id: str, printed: str) -> str:
    sections = tables["sections"].set_index("section_id")
    section = sections.loc[section_id]
    document = {"SE": "自评报告 self-evaluation", "FU": "资金使用报告 fund-use report"}.get(
        section["document"], section["document"]
    )
    number = section["number"] if isinstance(section["number"], str) else ""
    return f"{document} {number}{section['title']}：「{printed}」"


def _status(stated: Side, computed: Side, per_unit: int = FEN_PER_WAN) -> tuple[str, int]:
    """Status of a check and the rounding tolerance it allowed (in 分, or in counts).

    ``per_unit`` is how many of the values' units make one unit of the printed total (分 per
    万元 or per 元): half of the total's last printed digit is what rounding can explain.
    """
    tolerance = 0
    if stated.decimals < computed.decimals:
        tolerance = per_unit // 10**stated.decimals // 2
    if stated.value == computed.value:
        return ("ok" if stated.as_printed == computed.as_printed else "corrected"), tolerance
    if abs(stated.value - computed.value) <= tolerance:
        return "rounding", tolerance
    return "discrepancy", tolerance


def _money_side(frame: pd.DataFrame, text_column: str = "amount") -> Side:
    present = frame[frame["amount_fen"].notna()]
    return Side(
        int(present["amount_fen"].sum()),
        int(present["amount_as_printed_fen"].sum()),
        max((decimals_of(t) for t in present[text_column]), default=0),
    )


def _exact_side(frame: pd.DataFrame) -> Side:
    """Exact sum of a cross-check side; derived rows without a printed form count as printed."""
    present = frame[frame["amount_fen"].notna()]
    as_printed = present.get("amount_as_printed_fen", present["amount_fen"])
    return Side(
        int(present["amount_fen"].sum()),
        int(as_printed.fillna(present["amount_fen"]).sum()),
        0,  # both sides are held to the 分: no rounding is allowed between tables
    )


def _note(status: str, stated: Side, computed: Side, tolerance: int, money: bool) -> str:
    show = (lambda v: f"{_wan(v)} 万元") if money else str
    if status == "ok":
        return "与各部分之和一致 / equals the sum of its parts."
    if status == "corrected":
        return (
            f"按原文各部分之和为 {show(computed.as_printed)}，与所述 {show(stated.as_printed)} 不符；"
            "更正后一致 / as printed the figures disagree; with the corrections applied they agree."
        )
    gap = show(abs(stated.value - computed.value))
    if status == "rounding":
        return (
            f"差 {gap}，在总数所印精度的半个单位 ({show(tolerance)}) 之内，可由四舍五入解释 / "
            f"gap of {gap} is within half a unit of the total's printed precision: rounding."
        )
    return f"差 {gap}，不能由四舍五入解释 / gap of {gap} cannot be explained by rounding."


def _stated_total_checks(tables: dict[str, pd.DataFrame]) -> list[dict]:
    rows = []
    for total in tables["totals"].itertuples(index=False):
        explained = isinstance(total.explanation, str)
        parts_table = tables[total.table]
        filter_text = total.filter if isinstance(total.filter, str) else ""
        parts = parts_table[matching_rows(parts_table, parse_filter(filter_text))]
        money = total.measure == "amount"
        stated_decimals = decimals_of(total.stated)
        if money:
            stated = Side(int(total.amount_fen), int(total.amount_as_printed_fen), stated_decimals)
            computed = _money_side(parts, "stated" if total.table == "totals" else "amount")
            counted = int(parts["amount_fen"].notna().sum())
        else:
            stated = Side(int(total.stated), int(total.stated), 0)
            value = int(parts[total.measure].sum())
            computed = Side(value, value, 0)
            counted = len(parts)
        per_unit = FEN_PER_UNIT.get(total.unit, 1) if money else 1
        status, tolerance = _status(stated, computed, per_unit)
        note = _note(status, stated, computed, tolerance, money)
        if money and counted < len(parts):
            note += f" {len(parts) - counted} 个部分未印金额 / {len(parts) - counted} part(s) print no amount."
        if explained:
            note += f" {total.explanation}"
        row = _row(
            total.total_id,
            f"{total.description} / {total.description_en}",
            stated,
            computed,
            status,
            tolerance,
            money,
            counted,
            _source(tables, total.section_id, total.printed),
            note,
        )
        row["explained"] = explained
        rows.append(row)
    return rows


def _row(
    check, description, stated, computed, status, tolerance, money, parts, source, note
) -> dict:
    convert = _wan if money else Decimal
    return {
        "check": check,
        "description": description,
        "stated": convert(stated.value),
        "computed": convert(computed.value),
        "difference": convert(computed.value - stated.value),
        "status": status,
        "unit": "万元" if money else "个",
        "parts": parts,
        "computed_as_printed": convert(computed.as_printed),
        "tolerance": convert(tolerance),
        "explained": False,
        "source": source,
        "note": note,
    }


def _fen(frame: pd.DataFrame, **conditions: str) -> int:
    mask = pd.Series(True, index=frame.index)
    for column, value in conditions.items():
        mask &= frame[column] == value
    return int(frame.loc[mask, "amount_fen"].sum())


def implied_reward_split(data_dir: PathLike = None) -> pd.DataFrame:
    """How the combined central/autonomous-region reward batch splits between the two levels.

    The self-evaluation prints the reward batch as one amount for 中央、自治区; the fund-use
    report prints each level's total. Each level's share is its evaluated total minus the
    batches that belong to that level alone. Returns one row per level, amounts in 分 and 万元.
    """
    tables = load_tables(resolve_data_dir(data_dir))
    return _reward_split(tables)


def _reward_split(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    transfers, evaluated = tables["transfers"], tables["evaluated_funds"]
    rows = []
    for level in ("中央", "自治区"):
        share = _fen(evaluated, level=level) - _fen(transfers, level=level)
        rows.append({"level": level, "amount_fen": share, "amount_wan": share / FEN_PER_WAN})
    frame = pd.DataFrame(rows)
    frame["amount_fen"] = frame["amount_fen"].astype("Int64")
    return frame


def _cross_checks(tables: dict[str, pd.DataFrame]) -> list[dict]:
    transfers, evaluated = tables["transfers"], tables["evaluated_funds"]
    allocations, projects, budget = tables["allocations"], tables["projects"], tables["budget"]
    evaluated_alloc = allocations[allocations["funds"] == "绩效评价资金"]
    own_alloc = allocations[allocations["funds"] == "州本级资金"]
    implemented = projects[projects["stage"] == "实施"]
    rows: list[dict] = []

    def add(
        check: str,
        description: str,
        stated: pd.DataFrame,
        computed: pd.DataFrame,
        source: str,
        note: str = "",
    ) -> None:
        if stated.empty or computed.empty:
            return  # the data directory has no such money on one side: nothing to compare
        left, right = _exact_side(stated), _exact_side(computed)
        status, tolerance = _status(left, right)
        text = _note(status, left, right, tolerance, True) + (f" {note}" if note else "")
        rows.append(
            _row(
                check,
                description,
                left,
                right,
                status,
                tolerance,
                True,
                len(computed),
                source,
                text,
            )
        )

    add(
        "cross_evaluated_vs_transfers",
        "绩效评价资金 = 到位资金 − 自治州本级资金 / evaluated funds = all transfers less the prefecture's own",
        evaluated,
        transfers[transfers["level"] != "自治州"],
        "evaluated_funds.csv vs transfers.csv",
        "The two documents differ only by the prefecture's own funds, which the evaluation excludes.",
    )
    for fund_type in [t for t in vocab.FUND_TYPES if t != "奖励资金"]:
        add(
            f"cross_allocations_{fund_type}",
            f"分县{fund_type}之和 = 绩效评价{fund_type} / county allocations of this fund type = evaluated funds",
            evaluated[evaluated["fund_type"] == fund_type],
            evaluated_alloc[evaluated_alloc["fund_type"] == fund_type],
            "evaluated_funds.csv vs allocations.csv",
        )
    add(
        "cross_bonds_transfers",
        "债券资金两批之和 = 绩效评价债券资金 / the two bond batches = evaluated bond funds",
        evaluated[evaluated["level"] == "地方政府债券"],
        transfers[transfers["level"] == "地方政府债券"],
        "evaluated_funds.csv vs transfers.csv",
    )
    for level, fund_type in (("中央", "少数民族发展资金"), ("中央", "国有贫困农场扶贫资金")):
        add(
            f"cross_transfers_{level}_{fund_type}",
            f"{level}{fund_type}：拨付批次 = 绩效评价 / batches = evaluated funds",
            evaluated[(evaluated["level"] == level) & (evaluated["fund_type"] == fund_type)],
            transfers[(transfers["level"] == level) & (transfers["fund_type"] == fund_type)],
            "evaluated_funds.csv vs transfers.csv",
        )
    split = _reward_split(tables)
    reward = transfers[transfers["level"] == "中央、自治区"]
    shares = ", ".join(f"{r.level} {_wan(int(r.amount_fen))} 万元" for r in split.itertuples())
    add(
        "cross_reward_batch_split",
        "奖励资金批次 = 中央、自治区各自隐含份额之和 / reward batch = implied central + region shares",
        reward,
        split,
        "transfers.csv vs evaluated_funds.csv",
        f"The report prints the reward batch as one amount; each level's share is its evaluated total "
        f"less its own batches: {shares}. The shares add up to the batch, so the two documents agree.",
    )
    central_dev = transfers[
        (transfers["level"] == "中央") & (transfers["fund_type"] == "扶贫发展资金")
    ]
    central_share = split[split["level"] == "中央"]
    add(
        "cross_central_development",
        "中央扶贫发展资金 = 提前下达 + 新增 + 奖励资金中央份额 / central development fund = its batches + central reward share",
        evaluated[(evaluated["level"] == "中央") & (evaluated["fund_type"] == "扶贫发展资金")],
        pd.concat([central_dev, central_share], ignore_index=True),
        "evaluated_funds.csv vs transfers.csv",
        "Holds only if the central reward share is development funds, which the fund-use report implies.",
    )
    year = int(budget["year"].max())
    for check, other, description, file in (
        (
            "cross_prefecture_transfer",
            transfers[transfers["level"] == "自治州"],
            "自治州配套批次",
            "transfers.csv",
        ),
        ("cross_prefecture_allocations", own_alloc, "州本级资金分县之和", "allocations.csv"),
        (
            "cross_prefecture_projects",
            implemented[implemented["level"] == "自治州"],
            "自治州项目资金",
            "projects.csv",
        ),
    ):
        add(
            check,
            f"{year} 年州本级预算 = {description} / the prefecture's {year} budget = the same money elsewhere",
            budget[budget["year"] == year],
            other,
            f"budget.csv vs {file}",
        )
    for level in ("中央", "自治区"):
        add(
            f"cross_projects_{level}",
            f"{level}项目资金 = 绩效评价{level}资金 / project funds at this level = evaluated funds",
            evaluated[evaluated["level"] == level],
            implemented[implemented["level"] == level],
            "evaluated_funds.csv vs projects.csv",
        )
    totals = tables["totals"]
    stated_funds = totals[(totals["table"] == "projects") & (totals["measure"] == "amount")]
    if len(stated_funds) == 1:
        gap = int(stated_funds["amount_fen"].iloc[0]) - _money_side(implemented).value
        gap_frame = pd.DataFrame({"amount_fen": pd.array([gap], dtype="Int64")})
        add(
            "cross_projects_funds_gap_is_bonds",
            "项目资金总额减所列各级资金 = 债券资金 / project funds total less its printed parts = bond funds",
            evaluated[evaluated["level"] == "地方政府债券"],
            gap_frame,
            "totals.csv and projects.csv vs evaluated_funds.csv",
            "The project-funds breakdown leaves out the bond funds; what it leaves out is exactly the bond total.",
        )
    return rows


def unexplained_discrepancies(checks: pd.DataFrame, data_dir: PathLike = None) -> list[Problem]:
    """Discrepancies that no ``explanation`` in totals.csv accounts for: errors in the data.

    A documented finding of the report (the explanation says why the printed figures
    disagree) is not an error; a total that stopped matching its parts without a word is.
    """
    directory = resolve_data_dir(data_dir)
    totals = load_tables(directory)["totals"]
    lines = dict(zip(totals["total_id"], source_lines(directory)["totals"], strict=True))
    problems = []
    for row in checks[(checks["status"] == "discrepancy") & ~checks["explained"]].itertuples():
        message = (
            f"总数与各部分之和不符 / total does not match its parts: stated {row.stated}, "
            f"parts sum to {row.computed} {row.unit} ({row.check})"
        )
        if row.check in lines:
            problems.append(
                Problem("totals.csv", lines[row.check], "stated", str(row.stated), message)
            )
        else:
            problems.append(Problem(row.source, None, None, None, message))
    return problems


def reconcile(data_dir: PathLike = None) -> pd.DataFrame:
    """One row per check of a stated total or cross-table identity, with status and explanation."""
    tables = load_tables(resolve_data_dir(data_dir))
    rows = _stated_total_checks(tables) + _cross_checks(tables)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["status"] = pd.Categorical(frame["status"], categories=STATUSES)
    return frame
