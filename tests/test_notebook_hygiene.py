"""Every stored notebook comes from one clean run and has the lesson anatomy."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from notebook_checks import problems

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
KOREAN = sorted((ROOT / "notebooks" / "ko").glob("[0-9][0-9]_*.ipynb"))
NOTEBOOKS = ENGLISH + KOREAN


def test_there_are_lessons() -> None:
    assert len(NOTEBOOKS) >= 2, f"expected the lessons in {ROOT / 'notebooks'}, found {NOTEBOOKS}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_clean(path: Path) -> None:
    edition = KOREAN if path in KOREAN else ENGLISH
    index = edition.index(path)
    following = edition[index + 1].name if index + 1 < len(edition) else None
    assert problems(path, next_notebook=following) == []


def _variant(tmp_path: Path, change) -> Path:
    nb = nbformat.read(NOTEBOOKS[0], as_version=4)
    change(nb)
    out = tmp_path / "variant.ipynb"
    nbformat.write(nb, out)
    return out


def _strip(nb) -> None:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None


def _add_error(nb) -> None:
    code = [c for c in nb.cells if c.cell_type == "code"]
    code[-1].outputs.append(
        nbformat.v4.new_output("error", ename="NameError", evalue="x", traceback=[])
    )


def _add_stderr(nb) -> None:
    code = [c for c in nb.cells if c.cell_type == "code"]
    code[0].outputs.append(
        nbformat.v4.new_output("stream", name="stderr", text="W0000 oneDNN custom ops\n")
    )


def _reorder(nb) -> None:
    code = [c for c in nb.cells if c.cell_type == "code"]
    code[0].execution_count, code[1].execution_count = (
        code[1].execution_count,
        code[0].execution_count,
    )


def _path_in_output(nb) -> None:
    code = [c for c in nb.cells if c.cell_type == "code"]
    code[0].outputs.append(
        nbformat.v4.new_output(
            "stream", name="stdout", text="/home/learner/.venv/lib/site-packages\n"
        )
    )


def _drop_glossary(nb) -> None:
    nb.cells = [c for c in nb.cells if not (c.cell_type == "markdown" and "Glossary" in c.source)]


def _wide_figure(nb) -> None:
    import base64
    import io

    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(12, 4), dpi=100)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    code = [c for c in nb.cells if c.cell_type == "code"]
    code[-1].outputs.append(
        nbformat.v4.new_output(
            "display_data",
            data={
                "image/png": base64.b64encode(buffer.getvalue()).decode(),
                "text/plain": "<Figure>",
            },
        )
    )


@pytest.mark.parametrize(
    "change, expected",
    [
        (_strip, "not 1.."),
        (_add_error, "stores an error"),
        (_add_stderr, "stderr"),
        (_reorder, "not 1.."),
        (_path_in_output, "machine path"),
        (_drop_glossary, "'Glossary'"),
        (_wide_figure, "a figure 1200 px wide"),
    ],
)
def test_checks_catch_a_bad_notebook(tmp_path: Path, change, expected: str) -> None:
    found = problems(_variant(tmp_path, change))
    assert any(expected in p for p in found), found
