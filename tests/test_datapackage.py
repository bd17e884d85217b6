"""Each report's datapackage.json describes its CSV files and agrees with the pandera schemas."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from fundanalysis.data.paths import shipped_reports
from fundanalysis.data.specs import SPECS
from fundanalysis.publish import datapackage

REPORTS = shipped_reports()
#: The shipped reports and a fixture that prints outputs and a scorecard, which they do not.
DESCRIBED = [*REPORTS, Path(__file__).parent / "fixtures" / "scorecard"]


def resources(directory: Path) -> dict[str, dict]:
    committed = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: r for r in committed["resources"]}


@pytest.mark.parametrize("directory", DESCRIBED, ids=lambda d: d.name)
def test_committed_descriptor_is_up_to_date(directory: Path) -> None:
    """Fails when a schema changed and `python -m fundanalysis.publish.datapackage` was not re-run."""
    assert (directory / "datapackage.json").read_text(encoding="utf-8") == datapackage.render(
        directory
    )


@pytest.mark.parametrize("directory", REPORTS, ids=lambda d: d.name)
def test_every_csv_is_a_resource_and_back(directory: Path) -> None:
    csv_files = {p.name for p in directory.glob("*.csv")}
    assert {r["path"] for r in resources(directory).values()} == csv_files


@pytest.mark.parametrize("directory", REPORTS, ids=lambda d: d.name)
def test_fields_match_the_csv_header(directory: Path) -> None:
    for resource in resources(directory).values():
        with (directory / resource["path"]).open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert [f["name"] for f in resource["schema"]["fields"]] == header


@pytest.mark.parametrize("name", list(SPECS))
def test_fields_agree_with_the_pandera_schema(name: str) -> None:
    (resource,) = [r for d in DESCRIBED for r in resources(d).values() if r["name"] == name][
        :1
    ] or [None]
    if resource is None:
        pytest.skip(f"no described directory has {name}.csv")
    columns = SPECS[name].schema.to_schema().columns
    for field in resource["schema"]["fields"]:
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


def test_money_cannot_be_negative_and_sources_are_addresses() -> None:
    for directory in REPORTS:
        for resource in resources(directory).values():
            fields = {f["name"]: f for f in resource["schema"]["fields"]}
            for name in ("amount", "stated", "value"):
                if name in fields:
                    assert fields[name]["constraints"]["minimum"] == 0, (
                        directory.name,
                        resource["name"],
                    )
            if "amount" in fields or "stated" in fields:
                assert "unit" in fields
            for source in resource["sources"]:
                assert "shared" not in source.get("path", "") and not source.get(
                    "path", ""
                ).startswith(".")


def test_primary_keys_are_columns() -> None:
    for directory in REPORTS:
        for resource in resources(directory).values():
            names = {f["name"] for f in resource["schema"]["fields"]}
            assert resource["schema"]["primaryKey"]
            assert set(resource["schema"]["primaryKey"]) <= names
