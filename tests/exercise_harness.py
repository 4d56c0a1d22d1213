"""Run every exercise of a lesson in its notebook: wrong answers get their hint, solutions pass.

For a notebook that imports its exercises (``from helpers.exercises import lesson03 as ex``), the
harness builds a copy in which each exercise cell (a code cell calling ``ex.qK.check(``) is followed
by new cells that check, in the lesson's live namespace:

0. the stored cell is unanswered: ``ex.qK.evaluate(<answer_name>)`` is "not_attempted";
1. each WRONG answer of ``tests/answers/lessonNN.py``: "incorrect", with the expected piece of hint;
2. the ``solution``, then each CORRECT answer (another right way to write it): "correct".

A Korean lesson (notebooks/ko/, the same code and the same answers) has each of them judged twice:
in English (as above: the pieces of hint are English) and in Korean, which must give the same
status with a message in Korean (Hangul, and no English phrase outside code: see
tools/messages.py); ``helpers.language.choose`` switches between the two.

Every answer of steps 1-2 is judged through ``tests/exercise_audit.py``: the known mistakes of the
checks that judged it must not collide with the answer or with each other. Each answer runs with
``exec`` in a *copy* of the notebook's namespace, so the names it assigns never leak into the next
one; objects it changes in place (``model.fit``) do change, so answers avoid side effects. The copy
runs with nbclient in a fresh kernel whose working directory is the notebook's folder. A failing
harness cell is recorded and the run goes on; a failing cell of the lesson itself stops the run.
"""

from __future__ import annotations

import ast
import importlib
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat
from messages import HANGUL, english_left, needs_korean
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from helpers.environment import REQUIRED_ENV
from helpers.exercises import CheckResult, Exercise

TESTS = Path(__file__).resolve().parent
TOOLS = TESTS.parent / "tools"
CELL_TIMEOUT = 120
METADATA_KEY = "exercise_harness"
Wrong = Mapping[str, Sequence[tuple[str, str]]]
Correct = Mapping[str, Sequence[str]]

_IMPORT = re.compile(
    r"^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\w+)[ \t]+as[ \t]+ex[ \t]*(?:#.*)?$", re.M
)
_CHECK_CALL = re.compile(r"(?<![\w.])ex\.([A-Za-z_]\w*)\.check\(")
_KOREAN_SETUP = re.compile(r"setup_lesson\([^)]*language\s*=\s*[\"']ko[\"']")


def korean_problem(english: CheckResult, korean: CheckResult) -> str:
    """What is wrong with the Korean judgement of an answer that English judged ``english``.

    >>> korean_problem(CheckResult("incorrect", "too large"), CheckResult("incorrect", "too large"))
    "the Korean message has no Korean: 'too large'"
    """
    if korean.status != english.status:
        return f"judged {korean.status!r} in Korean but {english.status!r} in English"
    if needs_korean(english.message) and not HANGUL.search(korean.message):
        return f"the Korean message has no Korean: {korean.message!r}"
    if phrase := english_left(korean.message):
        return f"English left in the Korean message ({phrase!r}): {korean.message!r}"
    return ""


def exercises_of(module: ModuleType) -> list[Exercise]:
    """The exercises of a lesson module, q1, q2, ..., q10; ValueError for one stored under another
    name than its own."""
    found = {key: value for key, value in vars(module).items() if isinstance(value, Exercise)}
    for key, exercise in found.items():
        if key != exercise.name:
            raise ValueError(f"{module.__name__}.{key} holds exercise {exercise.name!r}")
    natural = [[int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)] for name in found]
    return [found[name] for _, name in sorted(zip(natural, found, strict=True))]


def lesson_module_name(nb: nbformat.NotebookNode) -> str | None:
    """The dotted name of the module that a notebook imports ``as ex``, or None.

    >>> lesson_module_name(nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("from helpers.exercises import lesson03 as ex")]))
    'helpers.exercises.lesson03'
    """
    for cell in nb.cells:
        if cell.cell_type == "code" and (match := _IMPORT.search(cell.source)):
            return f"{match.group(1)}.{match.group(2)}"
    return None


def discover_lesson_notebooks(folder: Path) -> list[Path]:
    """The ``NN_*.ipynb`` notebooks of ``folder`` that import an exercise module of the course."""
    paths = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    imported = [lesson_module_name(nbformat.read(path, as_version=4)) for path in paths]
    return [
        path
        for path, name in zip(paths, imported, strict=True)
        if name and name.startswith("helpers.exercises.")
    ]


def expected_module_for(path: Path) -> str | None:
    """``helpers.exercises.lessonNN`` for ``NN_*.ipynb``, else None."""
    match = re.match(r"(\d\d)_.*\.ipynb$", path.name)
    return f"helpers.exercises.lesson{match.group(1)}" if match else None


def exercise_cells(nb: nbformat.NotebookNode) -> dict[str, list[int]]:
    """``{exercise name: [indices of the code cells that call ex.<name>.check(]}``."""
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            code = "\n".join(
                line for line in cell.source.splitlines() if not line.lstrip().startswith("#")
            )
            for name in dict.fromkeys(_CHECK_CALL.findall(code)):
                found.setdefault(name, []).append(index)
    return found


def static_problems(
    nb: nbformat.NotebookNode, exercises: Sequence[Exercise], module_name: str
) -> list[str]:
    """What is wrong between a notebook and its exercise module, without running anything."""
    cells, defined = exercise_cells(nb), {exercise.name: exercise for exercise in exercises}
    problems = [
        f"{name} is defined in {module_name} but no cell calls ex.{name}.check(...)"
        for name in defined.keys() - cells.keys()
    ]
    problems += [
        f"cell {cells[name][0]} calls ex.{name}.check(...) but {module_name} has no exercise {name}"
        for name in cells.keys() - defined.keys()
    ]
    for name in defined.keys() & cells.keys():
        answer, source = defined[name].answer_name, nb.cells[cells[name][0]].source
        if len(cells[name]) > 1:
            problems.append(f"ex.{name}.check(...) is called in cells {cells[name]}: use one cell")
        elif not re.search(rf"^[ \t]*{re.escape(answer)}[ \t]*=", source, re.M):
            problems.append(f"the cell of {name} (cell {cells[name][0]}) does not assign {answer}")
    return sorted(problems)


def answers_of(module_name: str) -> tuple[Wrong, Correct]:
    """``(WRONG, CORRECT)`` of ``tests/answers/lessonNN.py`` for ``helpers.exercises.lessonNN``."""
    package, lesson = module_name.rsplit(".", 1)
    if package != "helpers.exercises" or not (TESTS / "answers" / f"{lesson}.py").exists():
        return {}, {}  # a throwaway lesson of the self-tests passes its answers itself
    answers = importlib.import_module(f"answers.{lesson}")
    return answers.WRONG, answers.CORRECT


def answer_problems(exercises: Sequence[Exercise], wrong: Wrong, correct: Correct) -> list[str]:
    """Authoring mistakes found without running: an empty hint, a solution or an answer that is
    not Python or does not assign the answer variable, a WRONG answer without a piece of hint,
    answers for an exercise that does not exist."""
    by_name = {exercise.name: exercise for exercise in exercises}
    problems = [
        f"answers are given for {name}, which is not an exercise"
        for name in {*wrong, *correct} - by_name.keys()
    ]
    for name, exercise in by_name.items():
        if not exercise.hint_text.strip():
            problems.append(f"{name}: the hint is empty")
        snippets = [("the solution", exercise.solution_code, "-")]
        snippets += [
            (f"wrong answer {n}", *entry) for n, entry in enumerate(wrong.get(name, ()), start=1)
        ]
        snippets += [
            (f"correct answer {n}", code, "-")
            for n, code in enumerate(correct.get(name, ()), start=1)
        ]
        for label, code, piece in snippets:
            if not (isinstance(piece, str) and piece.strip()):
                problems.append(f"{name}, {label}: give the piece of the hint that it must get")
            if problem := _assignment_problem(code, exercise.answer_name):
                problems.append(f"{name}, {label}: {problem}")
    return problems


def harness_cells(
    exercise: Exercise,
    wrong: Sequence[tuple[str, str]] = (),
    correct: Sequence[str] = (),
    language: str = "en",
) -> list[nbformat.NotebookNode]:
    """The code cells inserted after the exercise cell of ``exercise``; ``language="ko"``: each
    answer is judged in English and in Korean."""
    name, answer, korean = exercise.name, exercise.answer_name, language == "ko"
    stored = f"""\
__harness_result = ex.{name}.evaluate({answer})
if __harness_result.status != "not_attempted":
    raise AssertionError("the exercise cell must be stored unanswered ({answer} = ...), but "
                         "evaluating {answer} gives " + repr(__harness_result.status))
del __harness_result"""
    if korean:
        stored = _snippet(exercise, None, _NOT_ATTEMPTED, _STORED, korean)
    cells = [_cell(name, "stored cell", stored)]
    for number, (code, piece) in enumerate(wrong, start=1):
        expectation = (
            f'__harness_result.status == "incorrect" and {piece!r} in __harness_result.message'
        )
        failure = f"expected status 'incorrect' with a message containing {piece!r}"
        source = _snippet(exercise, code, expectation, failure, korean)
        cells.append(_cell(name, f"wrong answer {number} `{_one_line(code)}`", source))
    expectation = '__harness_result.status == "correct"'
    source = _snippet(
        exercise, exercise.solution_code, expectation, "the solution must be correct", korean
    )
    cells.append(_cell(name, "solution", source))
    for number, code in enumerate(correct, start=1):
        failure = "this other correct answer must be correct too"
        source = _snippet(exercise, code, expectation, failure, korean)
        cells.append(_cell(name, f"correct answer {number} `{_one_line(code)}`", source))
    return cells


_NOT_ATTEMPTED = '__harness_result.status == "not_attempted"'
_STORED = "the exercise cell must be stored unanswered (... as the answer)"


def with_harness_cells(
    nb: nbformat.NotebookNode,
    exercises: Sequence[Exercise],
    wrong: Wrong,
    correct: Correct,
    language: str = "en",
) -> nbformat.NotebookNode:
    """A copy of ``nb`` with the harness cells of each exercise after its exercise cell."""
    by_cell = {indices[0]: name for name, indices in exercise_cells(nb).items()}
    by_name = {exercise.name: exercise for exercise in exercises}
    copy = nbformat.from_dict(nb)
    copy.cells = []
    for index, cell in enumerate(nb.cells):
        copy.cells.append(nbformat.from_dict(cell))
        if by_cell.get(index) in by_name:
            name = by_cell[index]
            copy.cells.extend(
                harness_cells(by_name[name], wrong.get(name, ()), correct.get(name, ()), language)
            )
    return copy


def run_with_harness(
    nb: nbformat.NotebookNode,
    *,
    cwd: Path,
    extra_env: Mapping[str, str] | None = None,
    timeout: int = CELL_TIMEOUT,
) -> list[str]:
    """Execute a notebook built by :func:`with_harness_cells`; return one line per failure."""
    env = {**os.environ, **REQUIRED_ENV, **(extra_env or {})}
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(TESTS), str(TOOLS), env.get("PYTHONPATH")])
    )  # the audit, and the Korean checks
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(cwd)}},
    )
    failures: list[str] = []
    lesson_index = -1  # the cell's index in the lesson as stored, without the harness cells
    with client.setup_kernel(env=env):
        for index, cell in enumerate(nb.cells):
            step = cell.metadata.get(METADATA_KEY)
            lesson_index += 0 if step else 1
            if cell.cell_type != "code" or "nbval-skip" in cell.metadata.get("tags", []):
                continue
            where = (
                f"{step['exercise']}, {step['label']}" if step else f"lesson cell {lesson_index}"
            )
            try:
                client.execute_cell(cell, index)
            except (CellTimeoutError, DeadKernelError) as exc:
                failures.append(f"{where}: {type(exc).__name__}: {_one_line(str(exc), 300)}")
                break
            error = next((out for out in cell.outputs if out.output_type == "error"), None)
            if error is None or (not step and "raises-exception" in cell.metadata.get("tags", [])):
                continue
            failures.append(f"{where}: {error.ename}: {_one_line(error.evalue, 600)}")
            if not step:
                failures[-1] += " (a cell of the lesson itself failed, so the run stopped there)"
                break
    return failures


def problems_of_notebook(
    path: Path,
    *,
    module_name: str | None = None,
    cwd: Path | None = None,
    extra_env: Mapping[str, str] | None = None,
    answers: tuple[Wrong, Correct] | None = None,
    language: str | None = None,
) -> list[str]:
    """Every problem of a lesson notebook's exercises, each line starting with the notebook's name.

    ``module_name`` defaults to the module that the notebook imports ``as ex``, ``answers`` to its
    :func:`answers_of`, ``cwd`` to the notebook's folder, ``language`` to the one its setup cell
    chooses (``setup_lesson(language="ko")``: Korean); a Korean lesson must choose Korean. Problems
    found without running (see :func:`static_problems`, :func:`answer_problems`) are reported
    without running the notebook.
    """
    nb = nbformat.read(path, as_version=4)
    imported = lesson_module_name(nb)
    module_name = module_name or imported
    if module_name is None:
        return [f"{path.name}: no cell imports the exercises (from ... import lessonNN as ex)"]
    if imported != module_name:
        return [f"{path.name}: imports {imported} as ex, but its exercises are in {module_name}"]
    try:
        exercises = exercises_of(importlib.import_module(module_name))
    except Exception as exc:
        return [
            f"{path.name}: cannot load the exercises of {module_name}: {type(exc).__name__}: {exc}"
        ]
    wrong, correct = answers if answers is not None else answers_of(module_name)
    found = static_problems(nb, exercises, module_name) + answer_problems(exercises, wrong, correct)
    chosen = (
        "ko"
        if any(_KOREAN_SETUP.search(c.source) for c in nb.cells if c.cell_type == "code")
        else "en"
    )
    if language == "ko" and chosen != "ko":
        found.append('no cell calls setup_lesson(language="ko"): its messages would be English')
    if not found:
        notebook = with_harness_cells(nb, exercises, wrong, correct, language or chosen)
        found = run_with_harness(notebook, cwd=cwd or path.parent, extra_env=extra_env)
    return [f"{path.name}, {line}" for line in found]


def _assignment_problem(code: Any, answer_name: str) -> str | None:
    """Why ``code`` is not Python that assigns ``answer_name``, or None."""
    if not isinstance(code, str):
        return f"it must be code (a str), not {type(code).__name__}"
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        return f"not valid Python: {exc.msg} (line {exc.lineno})"
    assigned = any(
        isinstance(node, ast.Name) and node.id == answer_name and isinstance(node.ctx, ast.Store)
        for node in ast.walk(tree)
    )
    return None if assigned else f"it must assign {answer_name} (e.g. '{answer_name} = ...')"


def _snippet(
    exercise: Exercise, code: str | None, expectation: str, failure: str, korean: bool = False
) -> str:
    """Cell source: run ``code`` in a copy of the namespace (None: judge the stored answer), audit
    the answer, check the status; ``korean``: judge it in English, then in Korean
    (:func:`korean_problem`)."""
    answer, name = exercise.answer_name, exercise.name
    run = f"""
    __harness_ns.pop({answer!r}, None)
    exec(compile({code!r}, "<{name} answer>", "exec"), __harness_ns)"""
    in_korean = f"""
    __harness_language.choose("ko")
    __harness_korean = __import__("exercise_harness").korean_problem(
        __harness_result, ex.{name}.evaluate(__harness_ns[{answer!r}]))"""
    return f"""\
__harness_ns, __harness_korean = dict(globals()), ""
__harness_language = __import__("helpers.language", fromlist=["choose"])
__harness_was = __harness_language.chosen()
try:{run if code is not None else ""}
    if {answer!r} not in __harness_ns:
        raise AssertionError("the code did not assign {answer}")
    __harness_language.choose("en")
    __harness_result, __harness_audit = __import__("exercise_audit").audit(
        ex.{name}, __harness_ns[{answer!r}]){in_korean if korean else ""}
finally:
    __harness_language.choose(__harness_was)
    del __harness_ns, __harness_language, __harness_was
if __harness_audit:
    raise AssertionError("colliding known mistakes: " + "; ".join(__harness_audit))
if not ({expectation}):
    raise AssertionError({failure!r} + ", got " + repr(__harness_result.status) + " with message "
                         + repr(__harness_result.message) + " " + __harness_result.detail)
if __harness_korean:
    raise AssertionError(__harness_korean)
del __harness_result, __harness_audit, __harness_korean"""


def _cell(exercise: str, label: str, source: str) -> nbformat.NotebookNode:
    header = f"# [exercise harness] {exercise}: {label}\n"
    return nbformat.v4.new_code_cell(
        header + source, metadata={METADATA_KEY: {"exercise": exercise, "label": label}}
    )


def _one_line(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
