"""Each report's Frictionless ``datapackage.json``, derived from the table specs and pandera schemas.

The descriptor is committed in every data directory so that tools and people can read it
without Python; the tests rebuild it and fail when a committed file has drifted from the
schemas. Run ``python -m fundanalysis.publish.datapackage [DIR …]`` to rewrite them after a change.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fundanalysis.audit.checkrows import STATUSES
from fundanalysis.data.paths import shipped_reports
from fundanalysis.data.report import ReportInfo, read_report_info
from fundanalysis.data.specs import SPECS, TableSpec
from fundanalysis.data.stored import COVERAGE_SPEC, SCAN_SPEC

FRICTIONLESS_TYPES = {"text": "string", "int": "integer", "amount": "number", "date": "date"}

FOREIGN_KEYS = {"section_id": ("sections", "section_id")}

#: Amounts that can never be negative (money, counts); the schemas check the same.
NON_NEGATIVE = {"amount", "stated", "value", "project_count", "year", "batch", "seq"}


def _sources(info: ReportInfo) -> list[dict]:
    """The report's texts by their published address (never a local path)."""
    sources = []
    for text in info.texts:
        source = {"title": info.title}
        if text.published_at:
            source["path"] = text.published_at
        sources.append(source)
    return sources or [{"title": info.title}]


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
            " (exact decimal, at most 10 decimals for 亿元, 6 for 万元, 2 for 元; read as text)"
            if name != "stated" or spec.name != "indicators"
            else " (exact decimal, read as text)"
        )
    if name == "unit" and spec.amount_column:
        field["description"] += (
            ": the unit the figure is printed in; 万元 = 10,000 yuan, 亿元 = 100,000,000 yuan"
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
        elif check.name == "str_matches":  # Table Schema patterns match the whole value
            constraints["pattern"] = stats["pattern"].removeprefix("^").removesuffix("$")
    if name in NON_NEGATIVE and base in ("amount", "int") and "minimum" not in constraints:
        constraints["minimum"] = 0
    if constraints:
        field["constraints"] = constraints
    return field


def table_key(spec: TableSpec) -> list[str]:
    """The columns whose values name a row (the schema's uniqueness)."""
    schema = spec.schema.to_schema()
    if schema.unique:
        return list(schema.unique)
    return [name for name in spec.columns if schema.columns[name].unique][:1]


def primary_key(spec: TableSpec) -> list[str]:
    """The key, where every column of it is required; else none (see :func:`key_properties`)."""
    key = table_key(spec)
    return key if all(not spec.columns[c].endswith("?") for c in key) else []


def key_properties(spec: TableSpec) -> dict:
    """How the table's key is declared: ``primaryKey`` where none of its columns may be empty.

    A key with a column that may be empty (``projects.level``: a count not broken down by
    level, as the shipped reports print it) cannot be a primary key, which holds no empty
    value; it is declared as a unique key (Table Schema 2's ``uniqueKeys``). The validator is
    stricter than that declaration: an empty cell is a value of the key, so two rows alike and
    both empty there are duplicates (refused), where SQL-like readers would let them pass.
    """
    primary = primary_key(spec)
    if primary:
        return {"primaryKey": primary}
    return {"uniqueKeys": [table_key(spec)]}


def _resource(name: str, path: str, title: str, schema: dict, sources: list[dict]) -> dict:
    return {
        "name": name,
        "path": path,
        "title": title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "sources": sources,
        "schema": schema,
    }


_FIGURE = (
    " (a number in the check's unit; empty where it cannot be computed, or where the check is "
    "a grade's, which no figure measures)"
)

#: ``checks.csv`` of the downloads: every check and its result (see ``fundanalysis.reconcile``).
CHECK_FIELDS: dict[str, tuple[str, str]] = {
    "check": ("string", "Id of the check (a total's total_id, a cross-check's id, …)"),
    "kind": ("string", "What is checked: total, cross-check, ratio, score, grade, …"),
    "description": ("string", "What the check compares (Chinese)"),
    "description_en": ("string", "What the check compares (English)"),
    "stated": ("number", "The figure the report states, after corrections" + _FIGURE),
    "computed": ("number", "The figure computed from its parts, after corrections" + _FIGURE),
    "difference": ("number", "computed − stated, after corrections" + _FIGURE),
    "status": (
        "string",
        "The verdict: ok, rounding (within what rounding at the printed "
        "precision explains), corrected (holds once corrected), discrepancy, not_computable "
        "(a rate over a base of 0: cannot be checked)",
    ),
    "unit": ("string", "The check's unit (万元, 亿元, 个, %, …); empty for a grade"),
    "parts": ("integer", "How many parts the computed figure is made of"),
    "stated_as_printed": ("number", "The stated figure as printed, before corrections" + _FIGURE),
    "computed_as_printed": ("number", "The computed figure before corrections" + _FIGURE),
    "tolerance": ("number", "What rounding at the printed precision can explain" + _FIGURE),
    "finding": ("string", "The finding (findings-register.csv) the check supports, if any"),
    "source": ("string", "Where the report states the figure: section and words quoted"),
    "note": ("string", "The verdict explained (Chinese)"),
    "note_en": ("string", "The verdict explained (English)"),
}

#: ``findings-register.csv`` of the downloads: each finding, its size and its materiality.
REGISTER_FIELDS: dict[str, tuple[str, str]] = {
    "finding": ("string", "Id of the finding (findings.csv)"),
    "title": ("string", "The finding in a line (Chinese)"),
    "title_en": ("string", "The finding in a line (English)"),
    "checks": ("string", "The checks (checks.csv) it rests on, separated by ';'"),
    "corrections": ("string", "The corrections (corrections.csv) it rests on, separated by ';'"),
    "amount": (
        "number",
        "Its size: the gap of its first failing check, in unit (a rate's in percentage points); empty if none",
    ),
    "unit": ("string", "The unit of amount and of_stated"),
    "of_stated": ("number", "The stated figure the gap is weighed against"),
    "materiality": ("number", "amount ÷ of_stated (0.02 = 2 %); empty where not computable"),
    "basis": (
        "string",
        "How it is weighed: money or rate (against the threshold), count (any gap is "
        "material) or grade (a wrong grade, always material); empty where it has no size",
    ),
    "material": ("boolean", "Whether the finding is material; empty where it cannot be said"),
    "explanation": ("string", "The finding explained (Chinese)"),
    "explanation_en": ("string", "The finding explained (English)"),
    "correct": ("string", "What the evidence says is correct (Chinese)"),
    "correct_en": ("string", "What the evidence says is correct (English)"),
    "quote_section": ("string", "The section (sections.csv) the quote is from"),
    "quote": ("string", "The words of the report the finding quotes"),
}

_ENUMS = {"status": STATUSES, "basis": ("money", "rate", "count", "grade")}


def result_schema(columns: list[str], known: dict[str, tuple[str, str]]) -> dict:
    """The Table Schema of a result the downloads ship (checks.csv, findings-register.csv)."""
    fields = []
    for column in columns:
        kind, description = known.get(column, ("string", ""))
        field: dict = {"name": column, "type": kind, "description": description}
        if kind == "number":
            field["bareNumber"] = True
        if column in _ENUMS:
            field["constraints"] = {"enum": list(_ENUMS[column])}
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def descriptor(data_dir: Path) -> dict:
    """The data package descriptor of the tables present in ``data_dir``."""
    info = read_report_info(data_dir)
    sources = _sources(info)
    resources = []
    present = [spec for spec in SPECS.values() if (data_dir / spec.file).is_file()]
    names = {spec.name for spec in present}
    for spec in present:
        schema: dict = {
            "fields": [_field(spec, name, kind) for name, kind in spec.columns.items()],
            "missingValues": [""],
            **key_properties(spec),
        }
        foreign = [
            {"fields": column, "reference": {"resource": resource, "fields": target}}
            for column, (resource, target) in FOREIGN_KEYS.items()
            if column in spec.columns and resource != spec.name and resource in names
        ]
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append(
            _resource(spec.name, spec.file, f"{spec.title} · {spec.title_en}", schema, sources)
        )
    for spec, title in (
        (
            COVERAGE_SPEC,
            "原文数字的覆盖 · Numbers each cited section prints, and how many the tables capture",
        ),
        (
            SCAN_SPEC,
            "原文自动扫描 · The relations the scan reads in the text on its own, and their verdicts",
        ),
    ):
        if (data_dir / spec.file).is_file():
            schema = {
                "fields": [_field(spec, name, kind) for name, kind in spec.columns.items()],
                "missingValues": [""],
                **key_properties(spec),
            }
            resources.append(_resource(spec.name, spec.file, title, schema, sources))
    return {
        "name": info.id,
        "title": f"{info.title} · {info.title_en}",
        "description": (
            f"Every figure printed in {info.title_en} ({info.jurisdiction_en}, {info.year}), as "
            "printed, each row citing the section of the report that prints it."
        ),
        "profile": "tabular-data-package",
        "licenses": [{"name": "other-pd", "title": "Public government document"}],
        "sources": sources,
        "resources": resources,
    }


def render(data_dir: Path) -> str:
    """The descriptor as the committed file holds it."""
    return json.dumps(descriptor(data_dir), ensure_ascii=False, indent=2) + "\n"


def write(data_dir: Path) -> Path:
    path = data_dir / "datapackage.json"
    path.write_text(render(data_dir), encoding="utf-8")
    return path


if __name__ == "__main__":
    for directory in [Path(arg) for arg in sys.argv[1:]] or shipped_reports():
        print(write(directory))


def download_descriptor(
    report,
    printed: list[str],
    corrected: dict[str, list[str]],
    checks: list[str] | None = None,
    register: list[str] | None = None,
) -> dict:
    """The descriptor of a report's downloads: the tables as printed and as corrected, and the
    checks (``checks.csv``) and findings register (``findings-register.csv``) by their columns.

    The files carry a byte-order mark and Windows line ends for spreadsheets, so the encoding is
    declared as ``utf-8-sig``; corrected tables describe their amounts in 万元 as numbers.
    """
    base = descriptor(report.data_dir)
    resources = []
    for resource in base["resources"]:
        if resource["path"] in printed:
            resources.append({**resource, "encoding": "utf-8-sig"})
    for name, columns in corrected.items():
        fields = []
        for column in columns:
            if column == "amount_wan_corrected":
                field = {
                    "name": column,
                    "type": "number",
                    "description": "Amount in 万元 after corrections",
                    "constraints": {"minimum": 0},
                }
            elif column == "row_kind":
                field = {
                    "name": column,
                    "type": "string",
                    "constraints": {"enum": ["all levels", "item", "total"]},
                    "description": "total: a total the report states; all levels: not broken down; item: a part",
                }
            else:
                original = next(
                    (
                        f
                        for r in base["resources"]
                        if r["name"] == name
                        for f in r["schema"]["fields"]
                        if f["name"] == column
                    ),
                    None,
                )
                field = dict(original) if original else {"name": column, "type": "string"}
                field.pop("constraints", None) if column.endswith("_en") else None
            fields.append(field)
        resources.append(
            _resource(
                f"{name}-corrected",
                f"{name}-corrected.csv",
                f"{name} (corrected)",
                {"fields": fields, "missingValues": [""]},
                base["sources"],
            )
            | {"encoding": "utf-8-sig"}
        )
    for name, path, title, columns, known in (
        (
            "checks",
            "checks.csv",
            "全部核对及其结果 · Every check and its result",
            checks,
            CHECK_FIELDS,
        ),
        (
            "findings-register",
            "findings-register.csv",
            "发现登记（含重要性）· The findings register, with materiality",
            register,
            REGISTER_FIELDS,
        ),
    ):
        if columns is not None:
            resources.append(
                _resource(name, path, title, result_schema(columns, known), base["sources"])
                | {"encoding": "utf-8-sig"}
            )
    return {**base, "name": f"{base['name']}-downloads", "resources": resources}
