"""Execute notebooks top to bottom in fresh kernels, in place or into another folder.

Used by `make notebooks` (refresh the stored outputs) and `make site` (execute copies into the
build folder). A cell that raises or writes to stderr fails the run: stored outputs must be clean.
Execution timing is not recorded, so a re-run changes nothing unless results change.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KERNEL = "fundanalysis"


def execute(source: Path, target: Path) -> str:
    """Run ``source`` and write the executed notebook to ``target``; return a problem or ''."""
    notebook = nbformat.read(source, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=300,
        record_timing=False,
        resources={"metadata": {"path": str(source.parent)}},
    )
    client.execute()
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)
        for output in cell.get("outputs", []):
            if output.get("name") == "stderr":
                return f"{source.name}: cell {cell.get('id')} wrote to stderr: {output.get('text', '')[:300]}"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--into", type=Path, help="write executed copies here (default: in place)")
    parser.add_argument("--jobs", type=int, default=1, help="notebooks run at once")
    args = parser.parse_args(argv)
    targets = [args.into / nb.name if args.into else nb for nb in args.notebooks]
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {
            pool.submit(execute, nb, target): nb
            for nb, target in zip(args.notebooks, targets, strict=True)
        }
        problems = []
        for future, nb in futures.items():
            problem = future.result()
            print(f"  {'✗' if problem else '✓'} {nb.name}", flush=True)
            if problem:
                problems.append(problem)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
