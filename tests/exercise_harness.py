"""Run every exercise of a lesson inside its notebook: wrong answers get their hint, the solution passes.

For a notebook that imports its exercises (``from helpers.exercises import lesson03 as ex``), the
harness builds a copy in which each exercise cell (a code cell calling ``ex.qK.check(``) is followed
by new cells that check, in the lesson's live namespace:

0. the stored cell is unanswered: ``ex.qK.evaluate(<answer_name>)`` is "not_attempted";
1. each ``wrong_answers`` entry: its code, then ``ex.qK.evaluate(<answer_name>)`` is "incorrect"
   and the message contains the expected piece of hint;
2. the ``solution`` code, then ``ex.qK.evaluate(<answer_name>)`` is "correct";
3. each ``correct_answers`` entry (another correct way to write it): "correct" too.

Every answer of steps 1-3 is judged through ``ex.qK.audit``: the known mistakes that the checker
met on the way must not collide, with the expected answer or with each other (a probe that does
would tell a learner a mistake they did not make). A collision fails that step.

Each snippet runs with ``exec`` in a *copy* of the notebook's namespace, so names it assigns (the
answer variable, helpers it defines) never leak into the next snippet or the rest of the lesson;
objects it mutates in place (``model.fit``) do change, so lesson authors keep wrong answers and
solutions free of side effects. The copy is then executed with nbclient, cell by cell, in a fresh
``python3`` kernel whose working directory is the notebook's folder. A failing harness cell is
recorded and the run goes on (harness cells change nothing); a failing cell of the lesson itself
stops the run.

>>> problems_of_notebook(Path("notebooks/03_x.ipynb"))  # doctest: +SKIP
[]   # or e.g. ["03_x.ipynb, q2, wrong answer 1 `q2_answer = ...`: AssertionError: expected ..."]
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from helpers.exercises import Exercise, exercises_of

#: Set in the kernel, on top of the inherited environment.
KERNEL_ENV = {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0", "KERAS_BACKEND": "tensorflow"}
CELL_TIMEOUT = 120
METADATA_KEY = "exercise_harness"

_IMPORT = re.compile(r"^[ \t]*from[ \t]+([A-Za-z_][\w.]*)[ \t]+import[ \t]+([A-Za-z_]\w*)[ \t]+as[ \t]+ex[ \t]*(?:#.*)?$",
                     re.M)
_CHECK_CALL = re.compile(r"(?<![\w.])ex\.([A-Za-z_]\w*)\.check\(")
_LESSON_FILE = re.compile(r"^(\d\d)_.*\.ipynb$")


@dataclass(frozen=True)
class Step:
    """What one inserted cell checks, for the failure report."""

    exercise: str
    label: str


def lesson_module_name(nb: nbformat.NotebookNode) -> str | None:
    """The dotted module name imported ``as ex`` by a notebook, or None.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("from helpers.exercises import lesson03 as ex")])
    >>> lesson_module_name(nb)
    'helpers.exercises.lesson03'
    """
    for cell in nb.cells:
        if cell.cell_type == "code":
            match = _IMPORT.search(cell.source)
            if match:
                return f"{match.group(1)}.{match.group(2)}"
    return None


def discover_lesson_notebooks(folder: Path, package: str = "helpers.exercises") -> list[Path]:
    """The ``NN_*.ipynb`` notebooks of ``folder`` that import an exercise module of ``package``."""
    found = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        name = lesson_module_name(nbformat.read(path, as_version=4))
        if name is not None and name.rsplit(".", 1)[0] == package:
            found.append(path)
    return found


def expected_module_for(path: Path, package: str = "helpers.exercises") -> str | None:
    """``helpers.exercises.lessonNN`` for ``NN_*.ipynb``, else None.

    >>> expected_module_for(Path("notebooks/03_training.ipynb"))
    'helpers.exercises.lesson03'
    """
    match = _LESSON_FILE.match(path.name)
    return f"{package}.lesson{match.group(1)}" if match else None


def exercise_cells(nb: nbformat.NotebookNode) -> dict[str, list[int]]:
    """``{exercise name: [indices of the code cells calling ex.<name>.check(]}``, comments ignored."""
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        code = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith("#"))
        for name in dict.fromkeys(_CHECK_CALL.findall(code)):
            found.setdefault(name, []).append(index)
    return found


def static_problems(nb: nbformat.NotebookNode, exercises: Sequence[Exercise], module_name: str) -> list[str]:
    """What is wrong between a notebook and its exercise module, without running anything."""
    problems = []
    cells = exercise_cells(nb)
    defined = {exercise.name: exercise for exercise in exercises}
    for name in defined.keys() - cells.keys():
        problems.append(f"{name} is defined in {module_name} but no cell calls ex.{name}.check(...)")
    for name in cells.keys() - defined.keys():
        problems.append(f"cell {cells[name][0]} calls ex.{name}.check(...) but {module_name} has no exercise {name}")
    for name in defined.keys() & cells.keys():
        if len(cells[name]) > 1:
            problems.append(f"ex.{name}.check(...) is called in cells {cells[name]}: check each exercise in one cell")
            continue
        answer = defined[name].answer_name
        if not re.search(rf"^[ \t]*{re.escape(answer)}[ \t]*=", nb.cells[cells[name][0]].source, re.M):
            problems.append(f"the cell of {name} (cell {cells[name][0]}) does not assign {answer} "
                            f"(expected a line '{answer} = ...')")
    return sorted(problems)


def answers_of(module_name: str) -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[str]]]:
    """``(WRONG, CORRECT)`` of ``tests/answers/lessonNN.py`` for ``...lessonNN``; empty when there is none."""
    try:
        answers = importlib.import_module(f"answers.{module_name.rsplit('.', 1)[-1]}")
    except ModuleNotFoundError:
        return {}, {}
    return getattr(answers, "WRONG", {}), getattr(answers, "CORRECT", {})


def answer_problems(exercises: Sequence[Exercise], wrong: Mapping[str, Sequence[tuple[str, str]]],
                    correct: Mapping[str, Sequence[str]]) -> list[str]:
    """Answers for exercises that do not exist, or that do not assign the exercise's answer variable."""
    by_name = {exercise.name: exercise for exercise in exercises}
    problems = []
    for kind, table in (("wrong", wrong), ("correct", correct)):
        for name, entries in table.items():
            if name not in by_name:
                problems.append(f"{kind} answers are given for {name}, which is not an exercise")
                continue
            for number, entry in enumerate(entries, start=1):
                code, piece = entry if kind == "wrong" else (entry, "-")
                assigns = re.search(rf"^{re.escape(by_name[name].answer_name)}\s*=", code, re.M)
                if not assigns or not (isinstance(piece, str) and piece.strip()):
                    problems.append(f"{name}, {kind} answer {number}: it must assign "
                                    f"{by_name[name].answer_name}" + (" and name a piece of the hint" if kind == "wrong" else ""))
    return problems


def harness_cells(exercise: Exercise, wrong: Sequence[tuple[str, str]] = (),
                  correct: Sequence[str] = ()) -> list[nbformat.NotebookNode]:
    """The code cells inserted after the exercise cell of ``exercise``."""
    name, answer = exercise.name, exercise.answer_name
    cells = [_cell(Step(name, "stored cell"), f"""\
__harness_result = ex.{name}.evaluate({answer})
if __harness_result.status != "not_attempted":
    raise AssertionError("the exercise cell must be stored unanswered ({answer} = ...), but evaluating "
                         "{answer} gives " + repr(__harness_result.status))
del __harness_result""")]
    for number, (code, expected) in enumerate(wrong, start=1):
        cells.append(_cell(Step(name, f"wrong answer {number} `{_one_line(code)}`"), _snippet(exercise, code, f"""\
if __harness_result.status != "incorrect" or {expected!r} not in __harness_result.message:
    raise AssertionError("expected status 'incorrect' with a message containing " + repr({expected!r}) + ", got "
                         + repr(__harness_result.status) + " with message " + repr(__harness_result.message)
                         + (" (" + __harness_result.detail + ")" if __harness_result.detail else ""))""",
                                                                                        f"{name} wrong answer {number}")))
    cells.append(_cell(Step(name, "solution"), _snippet(exercise, exercise.solution_code, """\
if __harness_result.status != "correct":
    raise AssertionError("the solution must be correct, got " + repr(__harness_result.status) + " with message "
                         + repr(__harness_result.message)
                         + (" (" + __harness_result.detail + ")" if __harness_result.detail else ""))""",
                                                     f"{name} solution")))
    for number, code in enumerate(correct, start=1):
        cells.append(_cell(Step(name, f"correct answer {number} `{_one_line(code)}`"), _snippet(exercise, code, """\
if __harness_result.status != "correct":
    raise AssertionError("this other correct answer must be correct too, got " + repr(__harness_result.status)
                         + " with message " + repr(__harness_result.message)
                         + (" (" + __harness_result.detail + ")" if __harness_result.detail else ""))""",
                                                                           f"{name} correct answer {number}")))
    return cells


def with_harness_cells(nb: nbformat.NotebookNode, exercises: Sequence[Exercise],
                       wrong: Mapping[str, Sequence[tuple[str, str]]] | None = None,
                       correct: Mapping[str, Sequence[str]] | None = None) -> nbformat.NotebookNode:
    """A copy of ``nb`` with the harness cells of each exercise after its exercise cell."""
    by_cell = {indices[0]: name for name, indices in exercise_cells(nb).items()}
    by_name = {exercise.name: exercise for exercise in exercises}
    copy = nbformat.from_dict(nb)
    copy.cells = []
    for index, cell in enumerate(nb.cells):
        copy.cells.append(nbformat.from_dict(cell))
        if index in by_cell and by_cell[index] in by_name:
            name = by_cell[index]
            copy.cells.extend(harness_cells(by_name[name], (wrong or {}).get(name, ()), (correct or {}).get(name, ())))
    return copy


def run_with_harness(
    nb: nbformat.NotebookNode,
    *,
    cwd: Path,
    extra_env: Mapping[str, str] | None = None,
    timeout: int = CELL_TIMEOUT,
) -> list[str]:
    """Execute a notebook built by :func:`with_harness_cells`; return one line per failure."""
    env = {**os.environ, **KERNEL_ENV, **(extra_env or {})}
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(cwd)}})
    failures: list[str] = []
    lesson_index = -1  # the cell's index in the lesson as stored, without the harness cells
    with client.setup_kernel(env=env):
        for index, cell in enumerate(nb.cells):
            step = cell.metadata.get(METADATA_KEY)
            lesson_index += 0 if step else 1
            if cell.cell_type != "code" or "nbval-skip" in cell.metadata.get("tags", []):
                continue
            where = f"{step['exercise']}, {step['label']}" if step else f"lesson cell {lesson_index}"
            try:
                client.execute_cell(cell, index)
            except (CellTimeoutError, DeadKernelError) as exc:
                failures.append(f"{where}: {type(exc).__name__}: {_one_line(str(exc), 300)}")
                break
            error = next((out for out in cell.outputs if out.output_type == "error"), None)
            if error is None or (not step and "raises-exception" in cell.metadata.get("tags", [])):
                continue
            failures.append(f"{where}: {error.ename}: {_one_line(error.evalue, 600)}"
                            + ("" if step else " (a cell of the lesson itself failed, so the run stopped there)"))
            if not step:
                break
    return failures


def problems_of_notebook(
    path: Path,
    *,
    module_name: str | None = None,
    cwd: Path | None = None,
    extra_env: Mapping[str, str] | None = None,
    timeout: int = CELL_TIMEOUT,
    answers: tuple[Mapping[str, Sequence[tuple[str, str]]], Mapping[str, Sequence[str]]] | None = None,
) -> list[str]:
    """Every problem of a lesson notebook's exercises, each line starting with the notebook's name.

    ``module_name`` defaults to the module that the notebook imports ``as ex``; ``cwd`` to the
    notebook's folder. Static problems (exercises missing on either side, an exercise cell that
    does not assign its answer variable) are reported without running the notebook.
    """
    nb = nbformat.read(path, as_version=4)
    prefix = f"{path.name}"
    imported = lesson_module_name(nb)
    module_name = module_name or imported
    if module_name is None:
        return [f"{prefix}: no cell imports the exercises ('from helpers.exercises import lessonNN as ex')"]
    if imported != module_name:
        return [f"{prefix}: imports {imported} as ex, but its exercises are in {module_name}"]
    try:
        module: ModuleType = importlib.import_module(module_name)
        exercises = exercises_of(module)
    except Exception as exc:  # noqa: BLE001 - reported as a problem
        return [f"{prefix}: cannot load the exercises of {module_name}: {type(exc).__name__}: {exc}"]
    wrong, correct = answers if answers is not None else answers_of(module_name)
    found = static_problems(nb, exercises, module_name) + answer_problems(exercises, wrong, correct)
    if not found:
        found = run_with_harness(with_harness_cells(nb, exercises, wrong, correct), cwd=cwd or path.parent,
                                 extra_env=extra_env, timeout=timeout)
    return [f"{prefix}, {line}" for line in found]


def _snippet(exercise: Exercise, code: str, assertion: str, filename: str) -> str:
    """Cell source: run ``code`` in a copy of the namespace, evaluate the answer, then ``assertion``."""
    answer = exercise.answer_name
    return f"""\
__harness_ns = dict(globals())
try:
    __harness_ns.pop({answer!r}, None)
    exec(compile({code!r}, {f"<{filename}>"!r}, "exec"), __harness_ns)
    if {answer!r} not in __harness_ns:
        raise AssertionError("the code did not assign {answer}")
    __harness_result, __harness_audit = ex.{exercise.name}.audit(__harness_ns[{answer!r}])
finally:
    del __harness_ns
if __harness_audit:
    raise AssertionError("colliding known mistakes: " + "; ".join(__harness_audit))
{assertion}
del __harness_result, __harness_audit"""


def _cell(step: Step, source: str) -> nbformat.NotebookNode:
    header = f"# [exercise harness] {step.exercise}: {step.label}\n"
    return nbformat.v4.new_code_cell(header + source,
                                     metadata={METADATA_KEY: {"exercise": step.exercise, "label": step.label}})


def _one_line(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
