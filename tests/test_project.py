"""Project promises: one source of pins and of TensorFlow's variables; the README's commands."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.environment import REQUIRED_ENV

ROOT = Path(__file__).resolve().parent.parent

#: The modules a lesson may import before setup_lesson() has set TensorFlow's variables.
NO_KERAS_ON_IMPORT = [
    "helpers",
    "helpers.datasets",
    "helpers.diagnose",
    "helpers.environment",
    "helpers.exercises",
    "helpers.metrics",
    "helpers.network",
    "helpers.plots",
    "helpers.prep",
    "helpers.training",
]


def _requirement_lines(text: str) -> list[str]:
    lines = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    return [re.sub(r"\s+", " ", line) for line in lines if line]


def test_environment_yml_pins_exactly_requirements_txt() -> None:
    requirements = _requirement_lines((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    yml = (ROOT / "environment.yml").read_text(encoding="utf-8")
    pip_section = yml.split("- pip:", 1)[1]
    conda_pins = [
        re.sub(r"\s+", " ", m.split("#", 1)[0].strip())
        for m in re.findall(r"^\s+- (.+)$", pip_section, re.M)
    ]
    assert conda_pins == requirements
    assert re.search(r"^\s+- python=3\.11$", yml, re.M)


def test_every_requirement_is_pinned_exactly() -> None:
    for line in _requirement_lines((ROOT / "requirements.txt").read_text(encoding="utf-8")):
        spec = line.split(";", 1)[0]
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*", spec.strip()), line


def test_tensorflow_markers_cover_each_platform_once() -> None:
    lines = _requirement_lines((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    tf = [line for line in lines if line.startswith("tensorflow")]
    assert {line.split("==")[0] for line in tf} == {"tensorflow-cpu", "tensorflow"}
    assert all(";" in line for line in tf), "tensorflow pins need environment markers"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [
        line.strip() for line in ci.splitlines() if line.strip() and not line.startswith("#")
    ]
    for command in commands:
        if command.startswith(("set ", "cd ")):
            continue
        assert command in readme, f".ci/run calls {command!r}, which the README does not document"
    assert "make test" in commands


def test_a_run_that_collects_no_notebook_fails() -> None:
    """Without nbval (or with every notebook missing), asking for notebooks/ must fail, not pass."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "notebooks", "-o", "addopts=", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "no notebook cells were collected" in result.stdout + result.stderr


def test_git_never_converts_the_datasets_line_endings() -> None:
    # v0.1: with Git for Windows' default core.autocrlf, every CSV failed its checksum.
    files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "datasets").glob("*.csv"))
    assert files
    out = subprocess.run(
        ["git", "check-attr", "text", "--", *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.splitlines() == [f"{name}: text: unset" for name in files], out
    for name in files:
        assert b"\r\n" not in (ROOT / name).read_bytes()[:100_000], name


@pytest.mark.parametrize("module", NO_KERAS_ON_IMPORT)
def test_importing_a_helper_module_does_not_load_keras_or_pyplot(module: str) -> None:
    # Keras (TensorFlow) takes seconds to load, and pyplot picks a backend: only a lesson does that.
    heavy = "{'keras', 'tensorflow', 'matplotlib.pyplot'}"
    code = f"import sys, {module}; print(sorted({heavy} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", f"importing {module} loaded {result.stdout.strip()}"


def test_the_makefile_exports_exactly_required_env() -> None:
    # REQUIRED_ENV (helpers/environment.py) is the one list; the Makefile's kernels get the same.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    exported = dict(re.findall(r"^export (\w+) := (.*)$", makefile, re.M))
    assert exported == REQUIRED_ENV


def test_jupyterlab_asks_no_news_and_no_updates() -> None:
    # make lab and make classroom's servers read these defaults from .venv (the browser test
    # checks that the pop-up does not show); the keys are JupyterLab's plugin ids.
    overrides = json.loads((ROOT / "settings" / "jupyterlab-overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"] == {
        "fetchNews": "false",
        "checkForUpdates": False,
    }
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    copy = "cp settings/jupyterlab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json"
    assert copy in makefile
