"""Test configuration shared by the unit tests and the notebook (nbval) tests.

The kernel of every notebook inherits this process's environment, so the variables TensorFlow
reads at import time are set here, before any kernel starts.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import pytest

from helpers import language
from helpers.environment import REQUIRED_ENV

os.environ.update(REQUIRED_ENV)
# Kernels pick Jupyter's inline backend themselves; a user's MPLBACKEND would override it.
os.environ.pop("MPLBACKEND", None)
matplotlib.use("Agg")  # this process (the unit tests) draws off-screen; the only such call

ROOT = Path(__file__).resolve().parent
NOTEBOOKS = ROOT / "notebooks"

_seconds: dict[str, float] = defaultdict(float)


@pytest.fixture
def korean() -> Iterator[None]:
    """The helpers speak Korean in the test, as after setup_lesson(language="ko"); then English."""
    language.choose("ko")
    yield
    language.choose("en")


def _is_notebook_item(item: pytest.Item) -> bool:
    return str(item.fspath).endswith(".ipynb")


def pytest_collection_finish(session: pytest.Session) -> None:
    """A run that was asked to test the notebooks but found none must fail, not pass."""
    asked = [Path(str(arg).split("::")[0]).resolve() for arg in session.config.args]
    wants_notebooks = any(NOTEBOOKS == p or NOTEBOOKS.is_relative_to(p) for p in asked)
    if wants_notebooks and not any(_is_notebook_item(i) for i in session.items):
        raise pytest.UsageError(
            f"no notebook cells were collected from {NOTEBOOKS}: nothing was tested"
        )


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    path = report.nodeid.split("::")[0]
    if path.endswith(".ipynb"):
        _seconds[path] += report.duration


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _seconds:
        return
    tr = terminalreporter
    tr.section("seconds per notebook (kernel start included)")
    width = max(len(p) for p in _seconds)
    for path in sorted(_seconds):
        flag = "  <-- over the 20 s budget" if _seconds[path] > 20 else ""
        tr.write_line(f"{path:<{width}}  {_seconds[path]:6.1f}{flag}")
    tr.write_line(f"{'total':<{width}}  {sum(_seconds.values()):6.1f}")
