"""The package's layers import one way: a module imports only its own layer and those below.

Layers, from the bottom: store → data → text → audit → analysis → publish; the faces on top
(``fundanalysis/__init__.py``, ``cli``, ``notebook``) may import any of them. Imports are read
from the source with :mod:`ast`, function-level ones included (the package imports lazily).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "fundanalysis"

LAYERS = ("store", "data", "text", "audit", "analysis", "publish")
FACE = len(LAYERS)  # __init__, cli, notebook: above every layer


def layer_of(module: str) -> int:
    """The layer of ``fundanalysis.x.y…`` (the faces rank above every layer)."""
    parts = module.split(".")
    if len(parts) < 2 or parts[1] not in LAYERS:
        return FACE
    return LAYERS.index(parts[1])


def imported_modules(path: Path, package: Path) -> list[tuple[int, str]]:
    """Every module of the package that ``path`` imports, with the line of the import."""
    own = ".".join((package.name, *path.relative_to(package).with_suffix("").parts))
    own = own.removesuffix(".__init__")
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                here = (own if path.name == "__init__.py" else own.rsplit(".", 1)[0]).split(".")
                base = here[: len(here) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            # ``from fundanalysis.publish import views`` imports the module views too
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] == package.name]


def upward_imports(package: Path) -> list[str]:
    """Each import by which a module reaches a layer above its own, as 'file:line → module'."""
    problems = []
    for path in sorted(package.rglob("*.py")):
        own = ".".join((package.name, *path.relative_to(package).with_suffix("").parts))
        for line, module in imported_modules(path, package):
            if layer_of(module) > layer_of(own):
                problems.append(f"{path.relative_to(package)}:{line} → {module}")
    return problems


def test_every_import_runs_down_the_layers():
    assert upward_imports(PACKAGE) == []


def test_every_module_sits_in_a_layer_or_is_a_face():
    """Only the faces stay directly under the package; everything else is in a layer."""
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "cli.py", "notebook.py"]
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == sorted(LAYERS)


def test_no_module_outgrows_its_concern():
    """About 450 lines at most: a longer module holds more than one concern."""
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert long == {}


@pytest.mark.parametrize(
    ("importer", "statement", "upward"),
    [
        ("data/loaders.py", "from fundanalysis.audit.reconcile import reconcile", True),
        ("data/loaders.py", "def f():\n    from fundanalysis.publish import views", True),
        ("store/cache.py", "import fundanalysis.data.paths", True),
        ("analysis/funding.py", "from fundanalysis.publish.present import Chart", True),
        ("analysis/funding.py", "from ..publish import present", True),
        ("publish/views.py", "from fundanalysis.analysis import funding", False),
        ("audit/reconcile.py", "from fundanalysis.data.money import exact_sum", False),
        ("cli.py", "from fundanalysis.publish import views", False),
    ],
)
def test_the_checker_sees_an_upward_import(tmp_path, importer, statement, upward):
    """A package of empty modules with one import added: found exactly when it runs upward."""
    package = tmp_path / "fundanalysis"
    for layer in LAYERS:
        (package / layer).mkdir(parents=True)
        (package / layer / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    target = package / importer
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(statement + "\n")
    found = upward_imports(package)
    assert bool(found) is upward, found
    if upward:
        assert found[0].startswith(importer)
