"""Headline figures of the shipped data against the values the report prints (cited)."""

from __future__ import annotations

import pandas as pd

import fundanalysis as fa
import fundanalysis.data.paths


def test_budget_by_year_as_printed_in_section_1_1() -> None:
    budget = fa.load_budget().set_index("year")
    assert budget["amount"].to_dict() == {
        2016: "1510",
        2017: "3100",
        2018: "3800",
        2019: "3850",
        2020: "3900",
    }
    assert budget.loc[2017, "unit_as_printed"] == "元"
    assert budget.loc[2017, "amount_wan"] == 3100.0
    assert budget.loc[2017, "corrections"] == "C1"


def test_seven_batches_with_their_dates_section_2_1() -> None:
    transfers = fa.load_transfers()
    assert transfers["batch"].nunique() == 7
    dates = transfers.drop_duplicates("batch").set_index("batch")["disbursed_on"]
    assert dates[1] == pd.Timestamp("2019-12-06")
    assert dates[7] == pd.Timestamp("2020-06-04")
    assert transfers.groupby("batch")["amount_fen"].sum()[5] == 40000 * 1_000_000


def test_nine_places_in_report_order() -> None:
    places = fa.load_report().terms("place")
    assert list(places)[:2] == ["库尔勒市", "轮台县"]
    assert len(places) == 9
    assert set(fa.load_allocations()["place"]) == set(places)


def test_carryover_leaves_section_4_1() -> None:
    carry = fa.load_carryover()
    assert carry.groupby("place")["seq"].count().to_dict() == {
        "轮台县": 13,
        "尉犁县": 8,
        "且末县": 12,
        "若羌县": 14,
    }
    item = carry[(carry["place"] == "若羌县") & (carry["seq"] == 1)].iloc[0]
    assert (item["amount"], item["amount_fen"]) == ("5.39946", 5_399_460)
    assert set(carry["kind_en"]) == {
        "quality deposit",
        "tail payment",
        "surplus",
        "tail payment or failed payment",
    }


def test_name_correction_keeps_the_printed_form() -> None:
    carry = fa.load_carryover().set_index(["place", "seq"])
    row = carry.loc[("轮台县", 11)]
    assert row["item_as_printed"].startswith("阿克苏来乡")
    assert row["item"].startswith("阿克萨来乡")
    assert row["corrections"] == "C3"


def test_amount_wan_works_with_ordinary_pandas() -> None:
    carry = fa.load_carryover()
    assert carry.groupby("place")["amount_wan"].sum().round(6)["轮台县"] == 691.53
    assert carry["amount_wan"].describe()["count"] == 47
    shares = carry["amount_wan"] / carry["amount_wan"].sum()
    assert abs(shares.sum() - 1) < 1e-12
    assert carry["amount_fen"].sum() == 1_441_168_302


def test_poverty_and_projects_sections_4_2_to_4_5() -> None:
    poverty = fa.load_poverty().set_index("measure")
    counts = poverty.loc[["registered_poor_households", "registered_poor_people"]]
    assert list(counts["value"]) == ["24450", "69733"]  # exact, as printed
    assert list(counts["unit"]) == ["户", "人"] and list(counts["kind"]) == ["households", "people"]
    assert list(counts["value_micro"]) == [24450 * 10**6, 69733 * 10**6]
    projects = fa.load_projects()
    completed = projects[projects["stage"] == "完工"].iloc[0]
    assert completed["project_count"] == 551 and pd.isna(completed["level"])
    assert completed["as_of"] == pd.Timestamp("2020-09-30")
    bonds = projects[(projects["stage"] == "实施") & (projects["level"] == "地方政府债券")]
    assert pd.isna(bonds["amount_fen"].iloc[0])


def test_second_report_mancheng_2019() -> None:
    # 满城区 2019, sections 一 and 二 of the published page
    report = fa.load_report(fa.data.paths.shipped_reports()[1])
    funds = report.tables["evaluated_funds"].set_index("level")["amount_fen"]
    assert funds.to_dict() == {"省级": 365 * 10**6, "市级": 20 * 10**6, "区级": 570 * 10**6}
    poverty = report.tables["poverty"]
    people = poverty[poverty["measure"] == "registered_poor_people"].set_index("as_of")["value"]
    assert people.to_dict() == {
        pd.Timestamp("2019-01-01"): "1012",
        pd.Timestamp("2019-09-30"): "982",
    }
    assert report.tables["spending"]["amount_fen"].sum() == 92_014 * 10**4


def test_loaders_return_independent_copies() -> None:
    first = fa.load_budget()
    first.loc[0, "amount_wan"] = -1.0
    assert fa.load_budget().loc[0, "amount_wan"] == 1510.0
