"""The draft and validate read a printed figure alike: a figure the scan reads from
``1,000万元``, full-width digits, Chinese numerals or 萬元 is one validate finds in its own
fragment, and a figure no reader sees there is refused. Lifted-out poverty counts are not
drafted as remaining, and no control character of a text reaches a cell or a terminal."""

from __future__ import annotations

import pandas as pd
import pytest

from fundanalysis.cli import main
from fundanalysis.data.agreement import disagreements
from fundanalysis.data.specs import SPECS
from tests.test_draft import _fill_for_a_person, drafted


def _refused(amount: str, unit: str, printed: str) -> bool:
    frame = pd.DataFrame(
        [{"level": "中央", "fund_type": None, "amount": amount, "unit": unit, "printed": printed}]
    )
    frame.index = [2]
    return bool(disagreements(SPECS["evaluated_funds"], frame, 2020))


@pytest.mark.parametrize(
    ("amount", "unit", "printed"),
    [
        ("1000", "万元", "中央资金1,000万元"),
        ("100.5", "万元", "中央资金１００．５万元"),
        ("955", "万元", "中央资金９５５万元"),
        ("100", "万元", "中央资金一百万元"),  # 一百 before 万元
        ("1000000", "元", "中央资金一百万元"),  # 一百万 before 元
        ("60", "万元", "中央資金60萬元"),
        ("4000", "万元", "中央资金4000万资金"),
        ("12", "万元", "中央资金共12万。"),
    ],
)
def test_a_figure_printed_as_the_scan_reads_it_is_accepted(amount, unit, printed) -> None:
    assert not _refused(amount, unit, printed)


@pytest.mark.parametrize(
    ("amount", "unit", "printed"),
    [
        ("100", "万元", "中央资金1,000万元"),  # the tail of 1,000 is not 100
        ("234000", "万元", "中央资金1234,000万元"),  # not the tail of a longer number
        ("100.5", "万元", "中央资金１００．５０万元"),  # printed to two decimals, not one
        ("1", "万元", "帮扶1万人，中央资金60万元"),  # 万人 is people, not money
        ("10", "万元", "中央资金一百万元"),
        ("60", "元", "中央資金60萬元"),
    ],
)
def test_a_figure_the_fragment_does_not_print_is_refused(amount, unit, printed) -> None:
    assert _refused(amount, unit, printed)


TEXT = """# 某县 2020 年度财政专项扶贫资金绩效自评报告

一、资金情况

2020年我县财政专项扶贫资金共{total}，其中，中央资金{a}，省级资金{b}，县级资金{c}。

二、减贫成效

全县建档立卡贫困户478户，其中未脱贫229户，已脱贫249户。
"""


@pytest.mark.parametrize(
    "figures",
    [
        ("1,000万元", "600万元", "300万元", "100万元"),
        ("１００．５万元", "６０．５万元", "３０万元", "１０万元"),
        ("一百万元", "六十万元", "三十万元", "十万元"),
        ("100萬元", "60萬元", "30萬元", "10萬元"),
    ],
)
def test_a_draft_of_figures_printed_otherwise_validates(
    tmp_path, capsys, monkeypatch, figures
) -> None:
    total, a, b, c = figures
    text = TEXT.format(total=total, a=a, b=b, c=c)
    target = drafted(tmp_path, monkeypatch, "mou-2020.md", text, "mou-2020")
    _fill_for_a_person(target)
    assert main(["validate", str(target)]) == 0, capsys.readouterr().out
    funds = pd.read_csv(target / "evaluated_funds.csv", dtype=str)
    assert set(funds["unit"]) <= {"万元", "元"}  # the unit as the tables spell it
    assert len(funds) == 3


def test_people_lifted_out_of_poverty_are_not_drafted_as_remaining(tmp_path, monkeypatch):
    text = TEXT.format(total="100万元", a="60万元", b="30万元", c="10万元")
    target = drafted(tmp_path, monkeypatch, "mou-2020.md", text, "mou-2020")
    poverty = pd.read_csv(target / "poverty.csv", dtype=str)
    remaining = poverty.loc[poverty["measure"] == "poor_households_remaining", "value"]
    assert list(remaining) == ["229"]
    assert "249" not in set(poverty["value"])
    assert "249户" in (target / "REVIEW.md").read_text(encoding="utf-8")  # listed for a person


def test_control_characters_of_a_text_reach_no_cell_and_no_terminal(
    tmp_path, capsys, monkeypatch
) -> None:
    text = TEXT.format(total="100万元", a="60万元", b="30万元", c="10万元").replace(
        "一、资金情况", "一、资金\x1b[2J情况\x1b]0;x\x07"
    )
    target = drafted(tmp_path, monkeypatch, "mou-2020.md", text, "mou-2020")
    for path in target.iterdir():
        if path.is_file():
            content = path.read_text(encoding="utf-8")
            assert "\x1b" not in content and "\x07" not in content, path.name
    review = (target / "REVIEW.md").read_text(encoding="utf-8")
    assert "资金\\x1b[2J情况" in review  # shown as its code where REVIEW.md quotes the heading
