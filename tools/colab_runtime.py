"""Run every lesson as Google Colab would: `make test-colab`.

Colab opens only the .ipynb file and brings its own preinstalled versions. This script simulates
that:

1. a separate virtual environment (.venv-colab) with Colab's published versions (COLAB_RUNTIME);
2. the course built as a wheel and served to the notebooks' install cell through COURSE_PIP_TARGET
   (the cell's `%pip install` would otherwise fetch it from the repository);
3. a stub `google.colab` module, so the install cell believes it runs in Colab;
4. each notebook copied ALONE into an empty temporary folder and executed end to end, after the
   course package was uninstalled, so that its own install cell must bring helpers and datasets.

A notebook passes when no cell fails (the lessons' asserts are their conclusions), every exercise
check shows its stored state, the course came from the wheel, and the install left TensorFlow,
Keras, NumPy and pandas untouched. Outputs are not compared: numbers move between versions.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-colab"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")

# Google Colab's published runtime (2026-08), on the Python we have.
# TensorFlow's CPU build keeps it small.
COLAB_RUNTIME = [
    "tensorflow-cpu==2.20.0",
    "keras==3.13.2",
    "numpy==2.1.3",
    "pandas==2.2.3",
    "scikit-learn==1.6.1",
    "matplotlib==3.10.0",
    "ipykernel",
    "nbclient",
    "nbformat",
]
UNTOUCHED = ("tensorflow-cpu", "keras", "numpy", "pandas")
PACKAGE = "keras-regression-course"


def _pip(*args: str) -> None:
    subprocess.run([str(PYTHON), "-m", "pip", *args], check=True)


def build_environment() -> None:
    """Create .venv-colab with Colab's versions (again only when that list changes)."""
    stamp = VENV / ".colab-runtime"
    wanted = "\n".join(COLAB_RUNTIME)
    if stamp.exists() and stamp.read_text() == wanted:
        return
    shutil.rmtree(VENV, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    _pip("install", "--quiet", "--upgrade", "pip")
    _pip("install", "--quiet", *COLAB_RUNTIME)
    stamp.write_text(wanted)


def build_wheel(folder: Path) -> Path:
    """The course as a wheel, built from this checkout with the main environment's setuptools."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(folder),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = folder.glob("*.whl")
    return wheel


def versions() -> dict[str, str]:
    """The installed versions of the packages the install cell must leave alone."""
    code = (
        "import importlib.metadata as m, json; "
        f"print(json.dumps({{n: m.version(n) for n in {list(UNTOUCHED)!r}}}))"
    )
    return json.loads(
        subprocess.run([str(PYTHON), "-c", code], capture_output=True, text=True, check=True).stdout
    )


def make_colab_stub(folder: Path) -> Path:
    """A `google.colab` module that only exists so that the notebooks detect "Colab"."""
    package = folder / "google" / "colab"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        '"""Stand-in for Google Colab\'s module (tests only)."""\n'
    )
    return folder


def run_one(notebook: Path) -> list[str]:
    """Execute one notebook in this interpreter's kernel (inside .venv-colab); return problems."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(notebook, as_version=4)
    stored = [_text(cell) for cell in nb.cells]
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=300,
        record_timing=False,
        resources={"metadata": {"path": str(notebook.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        return [f"a cell failed: {str(error).strip().splitlines()[-1]}"]
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and ".check(" in cell.source and _text(cell) != stored[index]:
            problems.append(
                f"cell {index}: the exercise check printed {_text(cell)!r}, "
                f"the stored notebook shows {stored[index]!r}"
            )
    origin = [c for c in nb.cells if c.cell_type == "code"][0]
    if any(out.get("output_type") == "error" for out in origin.outputs):
        problems.append("the install cell failed")
    return problems


def _text(cell) -> str:
    return "".join(
        out.get("text", "") for out in cell.get("outputs", []) if out.get("name") == "stdout"
    )


def main(argv: list[str]) -> int:
    if argv[:1] == ["--run-one"]:
        problems = run_one(Path(argv[1]))
        print(json.dumps(problems))
        return 0
    notebooks = [Path(a) for a in argv] or [
        *sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")),
        *sorted((ROOT / "notebooks" / "ko").glob("[0-9][0-9]_*.ipynb")),
    ]
    if not notebooks:
        raise SystemExit("test-colab: no notebooks found")
    start = time.perf_counter()
    build_environment()
    print(f"Colab runtime ready in {time.perf_counter() - start:.0f} s: {versions()}")
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        scratch_path = Path(scratch)
        wheel = build_wheel(scratch_path / "wheel")
        stub = make_colab_stub(scratch_path / "stub")
        before = versions()
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("TF_", "KERAS_", "COLUMNS"))
        }
        env.update(
            COURSE_PIP_TARGET=str(wheel), PYTHONPATH=str(stub), PIP_DISABLE_PIP_VERSION_CHECK="1"
        )
        env.pop("VIRTUAL_ENV", None)
        for notebook in notebooks:
            _pip("uninstall", "--quiet", "--yes", PACKAGE)
            # ko/00_start_here gets a folder of its own, apart from 00_start_here
            alone = scratch_path / "run" / f"{notebook.parent.name}-{notebook.stem}"
            alone.mkdir(parents=True)
            shutil.copy(notebook, alone / notebook.name)
            began = time.perf_counter()
            result = subprocess.run(
                [
                    str(PYTHON),
                    str(Path(__file__).resolve()),
                    "--run-one",
                    str(alone / notebook.name),
                ],
                cwd=alone,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            try:
                problems = json.loads(result.stdout.strip().splitlines()[-1])
            except (IndexError, json.JSONDecodeError):
                problems = [f"the runner failed: {result.stderr.strip()[-1500:]}"]
            if not problems and versions() != before:
                problems.append(f"the install cell changed the runtime: {before} -> {versions()}")
            if not problems and not _installed_from_wheel():
                problems.append(
                    "the course package was not installed by the notebook's install cell"
                )
            status = "ok" if not problems else "FAILED"
            label = f"{notebook.parent.name}/{notebook.name}"
            print(f"{label:<46} {time.perf_counter() - began:5.1f} s  {status}")
            for problem in problems:
                print(f"    {problem}")
            failures += bool(problems)
    total = time.perf_counter() - start
    print(f"{len(notebooks) - failures} passed, {failures} failed  ({total:.0f} s in all)")
    return 1 if failures else 0


def _installed_from_wheel() -> bool:
    code = "import helpers, sys; print(helpers.__file__)"
    result = subprocess.run(
        [str(PYTHON), "-c", code],
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
        check=False,
    )
    return result.returncode == 0 and "site-packages" in result.stdout


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
