"""data/datapackage.json describes the CSV files and agrees with the pandera schemas."""

from __future__ import annotations

import csv
import json

import pytest
from conftest import DEFAULT_DATA_DIR

from fundanalysis import datapackage
from fundanalysis.tables import SPECS

COMMITTED = json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in COMMITTED["resources"]}


def test_committed_descriptor_is_up_to_date() -> None:
    """Fails when a schema changed and `python -m fundanalysis.datapackage` was not re-run."""
    assert (DEFAULT_DATA_DIR / "datapackage.json").read_text(
        encoding="utf-8"
    ) == datapackage.render()


def test_every_csv_is_a_resource_and_back() -> None:
    csv_files = {p.name for p in DEFAULT_DATA_DIR.glob("*.csv")}
    assert {r["path"] for r in RESOURCES.values()} == csv_files


@pytest.mark.parametrize("name", list(SPECS))
def test_fields_match_the_csv_header(name: str) -> None:
    with (DEFAULT_DATA_DIR / RESOURCES[name]["path"]).open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert [f["name"] for f in RESOURCES[name]["schema"]["fields"]] == header


@pytest.mark.parametrize("name", list(SPECS))
def test_fields_agree_with_the_pandera_schema(name: str) -> None:
    columns = SPECS[name].schema.to_schema().columns
    for field in RESOURCES[name]["schema"]["fields"]:
        column = columns[field["name"]]
        constraints = field.get("constraints", {})
        allowed = [c.statistics["allowed_values"] for c in column.checks if c.name == "isin"]
        if allowed:
            assert constraints["enum"] == sorted(allowed[0])
        else:
            assert "enum" not in constraints
        assert constraints.get("unique", False) == column.unique
        assert field["description"].startswith(column.description)
        if constraints.get("required"):
            assert not column.nullable or field["name"] in {"amount", "stated"}
        expected_type = {"int": "integer", "date": "date", "amount": "number", "text": "string"}
        assert field["type"] == expected_type[SPECS[name].columns[field["name"]].rstrip("?")]


def test_money_fields_name_their_unit() -> None:
    for resource in RESOURCES.values():
        names = [f["name"] for f in resource["schema"]["fields"]]
        if "amount" in names or "stated" in names:
            assert "unit" in names


def test_primary_keys_are_columns() -> None:
    for resource in RESOURCES.values():
        names = {f["name"] for f in resource["schema"]["fields"]}
        assert set(resource["schema"].get("primaryKey", [])) <= names
        assert resource["schema"].get("primaryKey"), resource["name"]
