"""Run a lesson with every code cell executed twice in a row, as a learner who re-runs cells does.

Learners run a cell, read it, and run it again (Shift+Enter twice, or "Run All" after a few cells).
A lesson must survive that: no cell may depend on having run only once. :func:`rerun_failures`
executes each code cell of a notebook, then the same cell again, in one fresh kernel whose working
directory is the notebook's folder, and returns one line per cell that raised on either run.

Usage (also what ``tests/test_rerun_cells.py`` does for every lesson)::

    python tests/rerun_harness.py notebooks/03_sequential_model.ipynb   # failures; exit 1 if any
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from helpers.environment import REQUIRED_ENV

CELL_TIMEOUT = 120


def rerun_failures(
    path: Path, *, extra_env: Mapping[str, str] | None = None, timeout: int = CELL_TIMEOUT
) -> list[str]:
    """One line per code cell of ``path`` that raised when run, or when run a second time."""
    nb = nbformat.read(path, as_version=4)
    env = {**os.environ, **REQUIRED_ENV, **(extra_env or {})}
    env.pop("MPLBACKEND", None)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    failures: list[str] = []
    with client.setup_kernel(env=env):
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            for attempt in ("first run", "second run"):
                try:
                    client.execute_cell(cell, index)
                except (CellTimeoutError, DeadKernelError) as exc:
                    failures.append(f"cell {index} ({attempt}): {type(exc).__name__}")
                    return failures
                error = next((out for out in cell.outputs if out.output_type == "error"), None)
                if error is not None:
                    first_line = (cell.source.strip().splitlines() or [""])[0][:60]
                    failures.append(
                        f"cell {index} `{first_line}` ({attempt}): {error.ename}: "
                        f"{' '.join(str(error.evalue).split())[:300]}"
                    )
                    break
    return failures


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python tests/rerun_harness.py NOTEBOOK.ipynb [...]")
        return 2
    status = 0
    for arg in argv:
        failures = rerun_failures(Path(arg))
        for line in failures:
            print(f"{arg}: {line}")
        status |= bool(failures)
        if not failures:
            print(f"{arg}: every cell ran twice without an error")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
