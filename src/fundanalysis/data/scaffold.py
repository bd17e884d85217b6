"""``fundanalysis new DIR``: an empty data directory that documents itself.

Every file a report may hold is written with its header only (header-only means "this report
does not print it"), beside a ``report.toml`` to fill in and a README generated from the same
table specifications and schemas the loaders use, so the instructions cannot drift from them.
"""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path

from fundanalysis.data import units
from fundanalysis.data import vocabulary as vocab
from fundanalysis.data.specs import SPECS
from fundanalysis.store.environment import shown

REPORT_TEMPLATE = """\
# What this directory transcribes. Fill in every field; keep Chinese as printed.

[report]
id = "{name}"                       # short id, also the directory's name: place-year
title = ""                          # the report's title as printed
title_en = ""
jurisdiction = ""                   # e.g. 保定市满城区
jurisdiction_en = ""
short_name = ""                     # how pages name it, e.g. 满城区
short_name_en = ""
jurisdiction_level = ""             # e.g. 区, 县, 自治州
jurisdiction_level_en = ""
province = ""
province_en = ""
year = ""                           # the year the report evaluates, a number such as 2019
# materiality = 0.01                # a finding this large against the figure it touches is material

# The text the figures were transcribed from: its file name and SHA-256 (sha256sum FILE).
# The text itself stays outside the directory; checks find it through FUNDANALYSIS_SOURCES.
[[texts]]
file = ""
sha256 = ""
documents = ["SE"]                  # the documents (documents.csv) this text holds
published_at = ""                   # where the report is published (URL)
"""


def table_reference() -> str:
    """Markdown describing every table and column, from the specs and the pandera schemas."""
    lines = []
    for spec in SPECS.values():
        schema = spec.schema.to_schema()
        lines += [f"### `{spec.file}`: {spec.title} · {spec.title_en}", ""]
        lines += ["| column | required | what it holds |", "|---|---|---|"]
        for column, kind in spec.columns.items():
            described = schema.columns[column].description or ""
            if column in spec.report_terms:
                described += f" — a term of vocabulary `{spec.report_terms[column]}`"
            if column in spec.library_terms:
                described += " — one of " + ", ".join(spec.library_terms[column])
            required = "" if kind.endswith("?") else "yes"
            lines.append(f"| `{column}` | {required} | {described} |")
        lines.append("")
    lines += ["### Vocabularies (`vocabulary.csv`, column `vocabulary`)", ""]
    for name, (zh, en, parent) in vocab.REPORT_VOCABULARIES.items():
        broader = f"; `parent` is a term of `{parent}`" if parent else ""
        lines.append(f"- `{name}`: {zh} · {en}{broader}")
    lines += ["", "### Poverty measures (`poverty.csv`, column `measure`)", ""]
    lines += [
        f"- `{code}`: {zh} · {en} (in {units.KINDS[vocab.POVERTY_MEASURE_KINDS[code]][2]})"
        for code, (zh, en) in vocab.POVERTY_MEASURES.items()
    ]
    lines += [
        "",
        "A measure the report prints that is not among these is declared in `vocabulary.csv` "
        "(vocabulary `poverty_measure`, the Chinese term and its English) and used as printed.",
    ]
    return "\n".join(lines) + "\n"


README = """\
# A report's data directory

Transcribe the report into these files; leave a file with its header only where the report
prints no such figure. Then run `fundanalysis validate {name}` and, with the text supplied
(`FUNDANALYSIS_SOURCES`), `fundanalysis coverage {name}`. The how-to in the project's
`docs/howto-new-report.md` walks through it step by step.

Every row that holds a figure cites the section that prints it (`section_id`, defined in
`sections.csv`) and the figure as printed (`printed`), so that a reader can go from any number
back to its sentence. Never type a number you worked out: only what the report prints.

"""


def unwritable_name(name: str) -> str | None:
    """Why ``name`` cannot be a report's name (its id in ``report.toml``), or None.

    The name is written into a TOML string and into every message: it must be UTF-8 text
    (a byte no character is made of cannot be), and hold no quote, backslash or control
    character, which would end or escape the string and make ``report.toml`` invalid.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return f"{shown(name)}: 不是 UTF-8 文本 / is not UTF-8 text"
    if not name or name in (".", ".."):
        return f"{name!r}: 空名 / an empty name"
    bad = [c for c in name if c in '"\\' or not c.isprintable()]
    if bad:
        listed = ", ".join(sorted({repr(c) for c in bad}))
        return f"{shown(name)}: 含有 / holds {listed} (TOML)"
    try:
        tomllib.loads(REPORT_TEMPLATE.format(name=name))
    except tomllib.TOMLDecodeError as error:  # anything else TOML cannot hold
        return f"{shown(name)}: {error}"
    return None


def write_new_report(directory: Path) -> list[Path]:
    """Create ``directory`` with a template descriptor, every table's header and a README.

    Raises ValueError for a name :func:`unwritable_name` refuses, before anything is written.
    """
    refused = unwritable_name(directory.name)
    if refused:
        raise ValueError(refused)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    descriptor = directory / "report.toml"
    descriptor.write_text(REPORT_TEMPLATE.format(name=directory.name), encoding="utf-8")
    written.append(descriptor)
    for spec in SPECS.values():
        path = directory / spec.file
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerow(spec.columns)
        written.append(path)
    readme = directory / "README.md"
    readme.write_text(README.format(name=directory.name) + table_reference(), encoding="utf-8")
    written.append(readme)
    return written
