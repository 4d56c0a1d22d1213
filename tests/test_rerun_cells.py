"""Every lesson survives a learner who runs each cell twice: no cell may depend on running once.

``tests/rerun_harness.py`` runs each code cell, then the same cell again, in one kernel. The
self-tests below prove the harness on throwaway notebooks: a cell that only works once is caught.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import nbformat
import pytest
from rerun_harness import rerun_failures

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_every_cell_can_be_run_twice(path: Path) -> None:
    failures = rerun_failures(path)
    if failures:
        pytest.fail(
            f"notebooks/{path.name}: cells that fail when run twice in a row:\n  "
            + "\n  ".join(failures),
            pytrace=False,
        )


def _notebook(path: Path, *sources: str) -> Path:
    cells = [nbformat.v4.new_markdown_cell("# A throwaway lesson")]
    cells += [nbformat.v4.new_code_cell(textwrap.dedent(source).strip()) for source in sources]
    nb = nbformat.v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}
        },
    )
    nbformat.write(nb, path)
    return path


def test_the_harness_catches_cells_that_only_work_once(tmp_path: Path) -> None:
    path = _notebook(
        tmp_path / "99_once.ipynb",
        "import pandas as pd\ndf = pd.DataFrame({'a': [1, 2], 'b': [3, 4]})",
        "df = df.drop(columns=['b'])                       # fails the second time: 'b' is gone",
        "names = []\nnames.append('x')",
        "seen = globals().setdefault('seen', [])\nseen.append(1)\nassert len(seen) == 1  # bare",
        "print('still running')",
    )
    failures = rerun_failures(path)
    assert len(failures) == 2, failures
    assert (
        failures[0].startswith("cell 2 `df = df.drop") and "(second run): KeyError" in failures[0]
    )
    assert failures[1].startswith("cell 4 ") and "(second run): AssertionError" in failures[1]


def test_the_harness_passes_cells_that_can_be_rerun(tmp_path: Path) -> None:
    path = _notebook(
        tmp_path / "99_ok.ipynb",
        "import numpy as np\nrng = np.random.default_rng(0)",
        "x = rng.normal(size=3)\nassert x.shape == (3,)",
        "total = 0\ntotal += 1\nassert total == 1",
    )
    assert rerun_failures(path) == []
