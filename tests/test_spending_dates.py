"""Spending printed at two dates (截至6月30日 … ；截至12月31日 …) is one sum of money counted
twice: the analyses take the rows of the latest date, and say what they left out."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from fundanalysis.analysis.spending import spending_at_one_date, spending_dates_note


def _report(rows: list[tuple[str, int, str | None]]) -> SimpleNamespace:
    frame = pd.DataFrame(rows, columns=["category", "amount_fen", "as_of"])
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    return SimpleNamespace(tables={"spending": frame})


def test_spending_at_two_dates_is_taken_at_the_latest():
    report = _report(
        [
            ("产业", 300, "2020-06-30"),
            ("基础设施", 100, "2020-06-30"),
            ("产业", 500, "2020-12-31"),
            ("基础设施", 400, "2020-12-31"),
        ]
    )
    assert int(spending_at_one_date(report)["amount_fen"].sum()) == 900  # not 1,300
    zh, en = spending_dates_note(report)
    assert "2020-12-31" in zh and "2 行" in zh and "2020-12-31" in en


def test_rows_of_no_date_beside_dated_ones_are_left_out_and_said():
    report = _report([("产业", 500, None), ("产业", 900, "2020-12-31")])
    assert spending_at_one_date(report)["amount_fen"].tolist() == [900]
    assert spending_dates_note(report) is not None


def test_spending_of_one_date_or_none_is_all_of_it():
    for dates in ([None, None], ["2020-12-31", "2020-12-31"]):
        report = _report([("产业", 500, dates[0]), ("基础设施", 400, dates[1])])
        assert int(spending_at_one_date(report)["amount_fen"].sum()) == 900
        assert spending_dates_note(report) is None
