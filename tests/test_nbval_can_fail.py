"""The notebook tests can fail: a lesson whose stored number was changed must not pass nbval."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "00_start_here.ipynb"
NUMBER = re.compile(r"\d+")


def _change_one_stored_number(path: Path) -> str:
    """Change the last digit of the first number of the stored dataset check ("392 rows")."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream" and out.name == "stdout" and " rows " in out.text:
                match = NUMBER.search(out.text)
                digits = match.group(0)
                changed = digits[:-1] + str((int(digits[-1]) + 1) % 10)
                out.text = out.text[: match.start()] + changed + out.text[match.end() :]
                nbformat.write(nb, path)
                return out.text.splitlines()[0]
    raise AssertionError(f"{path.name} stores no stdout with a number to change")


def _nbval(path: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(path),
        "--nbval",
        "--nbval-current-env",
        f"--nbval-sanitize-with={ROOT / 'tests' / 'sanitize.cfg'}",
        "-p",
        "no:cacheprovider",
        "-o",
        "addopts=",
        "-q",
        f"--rootdir={path.parent}",
    ]
    return subprocess.run(
        command,
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ),
        check=False,
    )


def test_changed_stored_number_fails(tmp_path: Path) -> None:
    copy = tmp_path / LESSON.name
    shutil.copy(LESSON, copy)
    _change_one_stored_number(copy)
    result = _nbval(copy)
    assert result.returncode == 1, result.stdout[-2000:]
    assert re.search(r"\b1 failed\b", result.stdout), result.stdout[-2000:]
    assert "393 rows" in result.stdout, "the failure must show the changed number"
