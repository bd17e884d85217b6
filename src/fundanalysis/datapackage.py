"""The Frictionless ``data/datapackage.json``, derived from the table specs and pandera schemas.

The descriptor is committed so that tools and people can read it without Python; the tests
rebuild it here and fail when the committed file has drifted from the schemas. Run
``python -m fundanalysis.datapackage`` to rewrite it after changing a schema.
"""

from __future__ import annotations

import json
from pathlib import Path

from fundanalysis.paths import default_data_dir
from fundanalysis.tables import SPECS, TableSpec

FRICTIONLESS_TYPES = {"text": "string", "int": "integer", "amount": "number", "date": "date"}

FOREIGN_KEYS = {
    "county": ("counties", "county"),
    "section_id": ("sections", "section_id"),
    "funding_source": ("funding_sources", "funding_source"),
    "funding_group": ("funding_sources", "funding_source"),
}

SOURCE = {
    "title": "2020 年度巴州财政专项扶贫资金绩效自评报告 (with the finance bureau's report on fund use)",
    "path": "bazhou-2020-poverty-fund-self-evaluation.md",
}


#: coverage.csv is written by `fundanalysis coverage --write`, not transcribed.
COVERAGE_RESOURCE = {
    "name": "coverage",
    "path": "coverage.csv",
    "title": "Numbers each cited section prints, and how many the tables capture",
    "profile": "tabular-data-resource",
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [SOURCE],
    "schema": {
        "fields": [
            {"name": "section_id", "type": "string", "description": "Section (sections.csv)"},
            {
                "name": "numbers_printed",
                "type": "integer",
                "description": "Numbers the section prints",
            },
            {
                "name": "covered",
                "type": "integer",
                "description": "Of those, captured by a cited figure",
            },
            {
                "name": "not_covered",
                "type": "string",
                "description": "The numbers not captured, space-separated",
            },
            {
                "name": "text_sha256",
                "type": "string",
                "description": "SHA-256 of the text checked against",
            },
        ],
        "missingValues": [""],
        "primaryKey": ["section_id"],
        "foreignKeys": [
            {"fields": "section_id", "reference": {"resource": "sections", "fields": "section_id"}}
        ],
    },
}


def _field(spec: TableSpec, name: str, kind: str) -> dict:
    column = spec.schema.to_schema().columns[name]
    base = kind.rstrip("?")
    field: dict = {
        "name": name,
        "type": FRICTIONLESS_TYPES[base],
        "description": column.description or "",
    }
    if base == "amount":
        field["bareNumber"] = True
        field["description"] += (
            " (exact decimal, at most 6 decimals for 万元, 2 for 元; read as text)"
        )
    if base == "date":
        field["format"] = "%Y-%m-%d"
    constraints: dict = {}
    if not kind.endswith("?"):
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    for check in column.checks:
        stats = check.statistics
        if check.name == "isin":
            constraints["enum"] = sorted(stats["allowed_values"])
        elif check.name == "greater_than_or_equal_to":
            constraints["minimum"] = stats["min_value"]
        elif check.name == "less_than_or_equal_to":
            constraints["maximum"] = stats["max_value"]
    if constraints:
        field["constraints"] = constraints
    return field


def _primary_key(spec: TableSpec) -> list[str]:
    schema = spec.schema.to_schema()
    if schema.unique:
        return list(schema.unique)
    return [name for name in spec.columns if schema.columns[name].unique][:1]


def descriptor() -> dict:
    """The data package descriptor for every table of the data directory."""
    resources = []
    for spec in SPECS.values():
        schema: dict = {
            "fields": [_field(spec, name, kind) for name, kind in spec.columns.items()],
            "missingValues": [""],
        }
        key = _primary_key(spec)
        if key:
            schema["primaryKey"] = key
        foreign = [
            {"fields": column, "reference": {"resource": resource, "fields": target}}
            for column, (resource, target) in FOREIGN_KEYS.items()
            if column in spec.columns and resource != spec.name
        ]
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append(
            {
                "name": spec.name,
                "path": spec.file,
                "title": spec.title,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "sources": [SOURCE],
                "schema": schema,
            }
        )
    resources.append(COVERAGE_RESOURCE)
    return {
        "name": "bazhou-2020-poverty-funds",
        "title": "巴州 2020 年财政专项扶贫资金 / Bayingolin 2020 poverty-alleviation funds",
        "description": (
            "Every figure printed in the 2020 performance self-evaluation report on fiscal special "
            "poverty-alleviation funds of Bayingolin Mongol Autonomous Prefecture and the finance "
            "bureau's report on their use; amounts in 万元 as printed, each row citing its section."
        ),
        "profile": "tabular-data-package",
        "licenses": [{"name": "other-pd", "title": "Public government document"}],
        "sources": [SOURCE],
        "resources": resources,
    }


def render() -> str:
    """The descriptor as the committed file holds it."""
    return json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n"


def write(path: Path | None = None) -> Path:
    path = path or default_data_dir() / "datapackage.json"
    path.write_text(render(), encoding="utf-8")
    return path


if __name__ == "__main__":
    write()
