"""Re-execute notebooks in place: the only way the stored outputs are made.

Usage: python tools/regenerate.py notebooks/            (every lesson)
       python tools/regenerate.py notebooks/01_models_and_error.ipynb

Each notebook runs top to bottom in a fresh kernel of this Python, with the same environment
variables as the tests and the notebooks folder as working directory. No timing metadata is
stored, so running it twice on an unchanged lesson leaves ``git diff`` empty.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from helpers.environment import REQUIRED_ENV  # the course package, installed by make venv

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def notebooks_in(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.ipynb")))
        elif path.suffix == ".ipynb" and path.exists():
            found.append(path)
        else:
            raise SystemExit(f"regenerate: {arg} is neither a folder nor an existing .ipynb file")
    if not found:
        raise SystemExit(f"regenerate: no notebooks found in {' '.join(paths)}")
    return found


def merge_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) outputs: prints arrive in pieces, depending on timing."""
    merged: list = []
    for out in outputs:
        previous = merged[-1] if merged else None
        if (
            out.output_type == "stream"
            and previous is not None
            and previous.output_type == "stream"
            and previous.name == out.name
        ):
            previous.text += out.text
        else:
            merged.append(out)
    return merged


def regenerate(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    nb.nbformat_minor = max(nb.nbformat_minor, 5)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=300,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)
    # nbclient adds the kernel's language_info: keep only what does not depend on the machine.
    info = nb.metadata.get("language_info", {})
    nb.metadata["language_info"] = {"name": info.get("name", "python")}
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return seconds


def main(argv: list[str]) -> int:
    os.environ.update(REQUIRED_ENV)
    os.environ.pop("MPLBACKEND", None)
    total = 0.0
    for path in notebooks_in(argv or ["notebooks"]):
        seconds = regenerate(path)
        total += seconds
        print(f"{path}  {seconds:5.1f} s")
    print(f"total  {total:5.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
