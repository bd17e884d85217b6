"""The notebooks narrate and call the library: executed, clean, thin, and all under nbval."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]

NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
READS_FILES = re.compile(
    r"\bopen\(|read_csv|read_excel|Path\(|\.csv\b|data/|\.read_text|\.read_bytes"
)


def code_cells(path: Path) -> list[nbformat.NotebookNode]:
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def test_the_six_numbered_notebooks_exist() -> None:
    names = [p.stem for p in NOTEBOOKS]
    assert names == [
        "00-overview",
        "01-funding-and-disbursement",
        "02-carry-over",
        "03-poverty-reduction",
        "04-project-completion",
        "05-data-audit",
    ]


def test_every_notebook_is_in_the_nbval_run() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))" in makefile
    nbval = makefile[makefile.index("\nnbval:") :].split("\n\n")[0]
    assert "--nbval " in nbval and "--nbval-lax" not in nbval and "$(NOTEBOOKS)" in nbval
    assert "nbval" in makefile[makefile.index("\ntest:") + 1 :].splitlines()[0]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_executed_with_outputs_and_clean(path: Path) -> None:
    cells = code_cells(path)
    assert all(c.execution_count is not None for c in cells), "run `make notebooks`"
    assert sum(len(c.outputs) for c in cells) >= 3
    for cell in cells:
        for output in cell.outputs:
            assert output.output_type != "error"
            assert output.get("name") != "stderr"
            text = str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
            assert not re.search(r"0x[0-9a-f]{6,}", text), "memory address in an output"
            assert not re.search(r"\d{2}:\d{2}:\d{2}", text), "time of day in an output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_thin_no_classes_no_long_functions_no_file_reads(path: Path) -> None:
    for cell in code_cells(path):
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, ast.ClassDef), "classes belong in the package"
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                pytest.fail(f"{path.name}: define functions in the package, not in a notebook")
        assert not READS_FILES.search(cell.source), f"{path.name} reads a file: {cell.source[:80]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_report_is_named_in_a_notebook(path: Path) -> None:
    """The notebooks serve any report: nothing of one report appears in their sources."""
    import fundanalysis as fa
    from fundanalysis.data.paths import shipped_reports

    names = set()
    for directory in shipped_reports():
        report = fa.load_report(directory)
        names |= {report.info.id, report.info.short_name, report.info.jurisdiction}
        words = report.tables["vocabulary"]
        names |= set(
            words.loc[words["vocabulary"].isin(["place", "funding_source", "funds"]), "term"]
        )
        names |= set(report.checks["check"])
    for cell in nbformat.read(path, as_version=4).cells:
        found = sorted(n for n in names if n in cell.source)
        assert not found, f"{path.name} names {found}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_narrative_cell_has_its_twin_in_the_other_language(path: Path) -> None:
    cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]
    tags = [c.metadata.get("tags", []) for c in cells]
    assert all(("lang-zh" in t) != ("lang-en" in t) for t in tags)
    assert sum("lang-zh" in t for t in tags) == sum("lang-en" in t for t in tags)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_kernel_and_links(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    assert notebook.metadata["kernelspec"]["name"] == "fundanalysis"
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for target in re.findall(r"\]\(([^)#]+\.ipynb)", cell.source):
                assert (NOTEBOOK_DIR / target).is_file(), target
