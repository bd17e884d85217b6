"""Execute notebooks top to bottom in fresh kernels, in place or into other folders.

Used by `make notebooks` (refresh the stored outputs, against the default report) and
`make site` (execute copies against each report: ``--report DATA_DIR=INTO_DIR``, repeatable).
A cell that raises fails the run, and every such cell is named. A cell that writes to
stderr fails it too where outputs are stored (they must be clean); for the site it is reported
as a warning (the page does not show stderr), since a warning about a report's data (a glyph
no font has) must not stop a report from being published. Execution timing is not recorded, so
a re-run changes nothing unless results change.

Each kernel gets its environment from here, not from the caller's: the variables of ours that
change what a notebook shows are set explicitly (``FUNDANALYSIS_LANG`` to both languages,
``FUNDANALYSIS_DATA`` to the report, or unset for the default one).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

KERNEL = "fundanalysis"

#: Our variables a kernel may inherit: where the texts are and where results are cached.
PASSED_ON = ("FUNDANALYSIS_SOURCES", "FUNDANALYSIS_CACHE")


def own_environment() -> dict[str, str]:
    """The caller's environment without the FUNDANALYSIS_ variables that change outputs."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("FUNDANALYSIS_") or name in PASSED_ON
    }


def kernel_environment(data_dir: str | None) -> dict[str, str]:
    """The kernel's environment: the caller's, with every FUNDANALYSIS_ variable that changes
    the outputs set by us (both languages; the report given, else the default one)."""
    env = own_environment()
    env["FUNDANALYSIS_LANG"] = "both"
    if data_dir is not None:
        env["FUNDANALYSIS_DATA"] = data_dir
    return env


def execute(source: Path, target: Path, data_dir: str | None = None) -> tuple[list[str], list[str]]:
    """Run ``source`` to the end and write it to ``target``; return (failures, warnings).

    Errors do not stop the run: each cell that raises or writes to stderr is named, with its
    number among the code cells, so one run shows every problem a data directory causes.
    Writing to stderr is a failure for stored outputs (no ``data_dir``), a warning for the site.
    """
    notebook = nbformat.read(source, as_version=4)
    # The kernel talks over Unix sockets in a folder of its own: with TCP, kernels started at
    # the same time by parallel workers can pick the same free port ("Address already in use").
    with tempfile.TemporaryDirectory(prefix="fundanalysis-kernel-") as sockets:
        manager = KernelManager(kernel_name=KERNEL, transport="ipc", ip=str(Path(sockets) / "k"))
        client = NotebookClient(
            notebook,
            km=manager,
            timeout=300,
            record_timing=False,
            allow_errors=True,
            resources={"metadata": {"path": str(source.parent)}},
        )
        try:
            client.execute(env=kernel_environment(data_dir))
        finally:  # a kernel manager passed in is not shut down by nbclient
            if manager.has_kernel:
                manager.shutdown_kernel(now=False)
    problems, warned = [], []
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for number, cell in enumerate(code_cells, start=1):
        cell.get("metadata", {}).pop("execution", None)
        where = f"{source.name}, code cell {number} (id {cell.get('id')})"
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                report = f" [{Path(data_dir).name}]" if data_dir else ""
                problems.append(f"{where}{report}: {output.get('ename')}: {output.get('evalue')}")
            elif output.get("name") == "stderr":
                said = f"{where} wrote to stderr: {output.get('text', '')[:300]}"
                (problems if data_dir is None else warned).append(said)
    if not problems:
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, target)
    return problems, warned


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument(
        "--report",
        action="append",
        default=[],
        metavar="DATA_DIR=INTO_DIR",
        help="execute against this data directory, writing into that folder (repeatable)",
    )
    parser.add_argument("--jobs", type=int, default=1, help="notebooks run at once")
    args = parser.parse_args(argv)
    plan: list[tuple[Path, Path, str | None]] = []
    for pair in args.report:
        data_dir, _, into = pair.partition("=")
        plan += [(nb, Path(into) / nb.name, data_dir) for nb in args.notebooks]
    if not args.report:
        plan = [(nb, nb, None) for nb in args.notebooks]
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(execute, *task): task for task in plan}
        problems, warned = [], []
        for future, (nb, target, _) in futures.items():
            found, said = future.result()
            print(f"  {'✗' if found else '✓'} {target.parent.name}/{nb.name}", flush=True)
            problems += found
            warned += said
    for warning in warned:
        print(f"warning: {warning}", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
