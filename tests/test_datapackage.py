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


def test_keys_are_columns_and_a_primary_key_holds_no_empty_cell() -> None:
    for directory in REPORTS:
        for resource in resources(directory).values():
            schema = resource["schema"]
            fields = {f["name"]: f for f in schema["fields"]}
            (key,) = [schema["primaryKey"]] if "primaryKey" in schema else schema["uniqueKeys"]
            assert key and set(key) <= set(fields)
            if "primaryKey" in schema:  # no empty value: every column of it is required
                assert all(fields[c]["constraints"]["required"] for c in key), resource["name"]
            else:  # a column of it may be empty, as the data prints it
                assert not all(fields[c].get("constraints", {}).get("required") for c in key)


def test_projects_key_is_unique_not_primary_because_the_data_leaves_level_empty() -> None:
    # 巴州 SE-4.5 prints the project pool (储备) as one count, not broken down by level
    (bazhou,) = [d for d in REPORTS if d.name == "bazhou-2020"]
    projects = resources(bazhou)["projects"]["schema"]
    assert "primaryKey" not in projects
    assert projects["uniqueKeys"] == [["stage", "level", "category"]]
    with (bazhou / "projects.csv").open(encoding="utf-8") as handle:
        assert any(row["level"] == "" for row in csv.DictReader(handle))
    assert resources(bazhou)["carryover"]["schema"]["primaryKey"] == ["place", "seq"]


def test_two_rows_alike_and_empty_in_a_key_column_are_duplicates(tiny_dir) -> None:
    import fundanalysis as fa

    pool = "储备,,,3,,万元,,,3个,,T-1\n"  # a count not broken down by level: valid once
    with (tiny_dir / "projects.csv").open("a", encoding="utf-8") as handle:
        handle.write(pool)
    assert len(fa.load_all(tiny_dir)["projects"]) == 2
    with (tiny_dir / "projects.csv").open("a", encoding="utf-8") as handle:
        handle.write(pool)
    with pytest.raises(fa.DataError, match="duplicate key") as refused:
        fa.load_all(tiny_dir)
    assert [(p.file, p.row) for p in refused.value.problems] == [("projects.csv", 4)]


def test_the_coverage_resource_is_described_from_its_schema() -> None:
    fields = {f["name"]: f for f in resources(REPORTS[0])["coverage"]["schema"]["fields"]}
    assert fields["numbers_printed"]["type"] == "integer"
    assert fields["numbers_printed"]["constraints"]["minimum"] == 0
    assert fields["text_sha256"]["constraints"]["pattern"] == "[0-9a-f]{64}"
