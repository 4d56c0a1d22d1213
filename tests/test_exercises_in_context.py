"""Every exercise of every lesson works inside its lesson: wrong answers get their hint, solutions pass.

The real lessons are ``notebooks/NN_*.ipynb`` importing ``from helpers.exercises import lessonNN as ex``
(none yet is fine: the parametrization is then empty). The ``test_harness_*`` tests prove the
harness itself on a throwaway lesson built in ``tmp_path``, including lessons it must reject.
"""

from __future__ import annotations

import os
import textwrap
import uuid
from pathlib import Path

import nbformat
import pytest

# Plain import: tests/ is on sys.path (pytest's default rootdir-relative "prepend" import mode).
from exercise_harness import (
    discover_lesson_notebooks,
    expected_module_for,
    lesson_module_name,
    problems_of_notebook,
)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = ROOT / "notebooks"
LESSON_NOTEBOOKS = discover_lesson_notebooks(NOTEBOOKS_DIR)
LESSON_MODULES = sorted((ROOT / "helpers" / "exercises").glob("lesson[0-9][0-9].py"))


@pytest.mark.parametrize("path", LESSON_NOTEBOOKS, ids=[p.name for p in LESSON_NOTEBOOKS])
def test_exercises_work_in_their_lesson(path: Path) -> None:
    imported = lesson_module_name(nbformat.read(path, as_version=4))
    expected = expected_module_for(path)
    if imported != expected:
        pytest.fail(f"{path.name} imports {imported} as ex; lesson NN's exercises are {expected}", pytrace=False)
    problems = problems_of_notebook(path, cwd=NOTEBOOKS_DIR)
    if problems:
        pytest.fail(f"exercise problems in notebooks/{path.name}:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.mark.parametrize("module_path", LESSON_MODULES, ids=[p.stem for p in LESSON_MODULES])
def test_every_lesson_module_has_its_notebook(module_path: Path) -> None:
    number = module_path.stem.removeprefix("lesson")
    users = [p.name for p in LESSON_NOTEBOOKS if p.name.startswith(f"{number}_")]
    assert users, (f"helpers/exercises/{module_path.name} is not imported 'as ex' by any notebooks/{number}_*.ipynb, "
                   f"so its exercises are never tested in context")


# --------------------------------------------------------------------------------------------
# Self-tests of the harness on a throwaway lesson
# --------------------------------------------------------------------------------------------

FAKE_LESSON = '''
from helpers.exercises import Exercise, Incorrect, expect_choice, expect_keras_model, expect_number

q1 = Exercise(
    "q1",
    expect_number(2.5, what="mean", known_mistakes=[(10.0, "that is the sum, divide by the count")]),
    hint="Add the values up, then divide by how many there are.",
    solution="q1_answer = sum(data) / len(data)",
    answer_name="q1_answer",
    correct_answers=["q1_answer = 2.5", "q1_answer = round(sum(data) / len(data), 2)", "q1_answer = 5 / 2"],
    wrong_answers=[("q1_answer = sum(data)", "the sum"),
                   ("scratch = 'leaks?'\\nq1_answer = max(data)", "too large")],
)
q2 = Exercise(
    "q2",
    expect_choice("b", {"a": "MSE is in squared units"}, options="abc"),
    hint="Which error keeps the units of the target?",
    solution="q2_answer = 'b'",
    answer_name="q2_answer",
    wrong_answers=[("q2_answer = ' A '", "squared units"), ("q2_answer = 2", "in quotes")],
)
q10 = Exercise(
    "q10",
    expect_keras_model(dense_units=[4, 1], n_params=21),
    hint="Sequential, Input, Dense, Dense.",
    solution="q10_answer = keras.Sequential([keras.Input((n_features,)), keras.layers.Dense(4), keras.layers.Dense(1)])",
    answer_name="q10_answer",
    wrong_answers=[("q10_answer = keras.Sequential([keras.layers.Dense(4), keras.layers.Dense(1)])", "not built"),
                   ("q10_answer = keras.layers.Dense(1)", "single layer")],
)
'''

BROKEN_LESSON = '''
from helpers.exercises import Exercise, expect_choice, expect_int, expect_number

q1 = Exercise("q1", expect_number(2.5, known_mistakes=[(10.0, "that is the sum")]), hint="h",
              solution="q1_answer = sum(data) / len(data)", answer_name="q1_answer",
              wrong_answers=[("q1_answer = sum(data)", "that is the sum"),
                             ("q1_answer = max(data)", "that is the sum")])        # wrong: gives "too large"
q6 = Exercise("q6", expect_number(2.5, known_mistakes=[(10.0, "that is the sum"), (10.001, "that is 4 x mean")]),
              hint="h", answer_name="q6_answer", solution="q6_answer = 2.5")               # wrong: probes collide
q7 = Exercise("q7", expect_number(2.5), hint="h", answer_name="q7_answer", solution="q7_answer = 2.5",
              correct_answers=["q7_answer = 2.50", "q7_answer = 2.6"])                     # wrong: 2.6 is not 2.5
q2 = Exercise("q2", expect_choice("b"), hint="h", answer_name="q2_answer",
              solution="q2_answer = 'a'")                                          # wrong: not correct
q3 = Exercise("q3", expect_choice("b"), hint="h", answer_name="q3_answer", solution="q3_answer = 'b'",
              wrong_answers=[("q3_answer = ' B'", "anything")])                     # wrong: is correct
q4 = Exercise("q4", expect_int(3), hint="h", answer_name="q4_answer", solution="q4_answer = 3")
q5 = Exercise("q5", expect_int(3), hint="h", answer_name="q5_answer",
              solution="q5_answer = len(undefined_data)")                          # wrong: NameError
'''


def _notebook(path: Path, *sources: str) -> Path:
    cells = [nbformat.v4.new_markdown_cell("# A throwaway lesson")]
    cells += [nbformat.v4.new_code_cell(textwrap.dedent(source).strip()) for source in sources]
    nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "language": "python",
                                                                        "display_name": "Python 3"}})
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **modules: str) -> tuple[str, dict[str, str]]:
    """A package of throwaway lesson modules, importable here and in the kernel; (name, kernel env)."""
    package = f"fake_lessons_{uuid.uuid4().hex[:8]}"
    folder = tmp_path / "site" / package
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("")
    for name, source in modules.items():
        (folder / f"{name}.py").write_text(source)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    python_path = os.pathsep.join(filter(None, [str(tmp_path / "site"), os.environ.get("PYTHONPATH", "")]))
    return package, {"PYTHONPATH": python_path}


def test_harness_passes_a_good_lesson_and_runs_in_its_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package, env = _fake_package(tmp_path, monkeypatch, lesson99=FAKE_LESSON)
    folder = tmp_path / "notebooks"
    path = _notebook(
        folder / "99_fake.ipynb",
        f"""
        import os
        import keras
        from {package} import lesson99 as ex
        data = [1.0, 2.0, 3.0, 4.0]
        n_features = 3
        """,
        """
        q1_answer = ...  # replace ... with your answer
        ex.q1.check(q1_answer)
        """,
        f"""
        # The harness ran q1's wrong answers and solution in copies of the namespace: nothing leaked.
        assert q1_answer is ...
        assert "scratch" not in globals()
        assert os.getcwd() == {str(folder)!r}
        assert os.environ["KERAS_BACKEND"] == "tensorflow" and os.environ["TF_CPP_MIN_LOG_LEVEL"] == "3"
        """,
        """
        q2_answer = ...
        ex.q2.check(q2_answer)
        """,
        """
        q10_answer = ...
        ex.q10.check(q10_answer)
        """,
    )
    assert problems_of_notebook(path, extra_env=env) == []


def test_harness_reports_every_broken_exercise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package, env = _fake_package(tmp_path, monkeypatch, lesson99=BROKEN_LESSON)
    path = _notebook(
        tmp_path / "notebooks" / "99_broken.ipynb",
        f"from {package} import lesson99 as ex\ndata = [1.0, 2.0, 3.0, 4.0]",
        "q1_answer = ...\nex.q1.check(q1_answer)",
        "q2_answer = ...\nex.q2.check(q2_answer)",
        "q3_answer = ...\nex.q3.check(q3_answer)",
        "q4_answer = 3  # stored answered: the learner would see the answer\nex.q4.check(q4_answer)",
        "q5_answer = ...\nex.q5.check(q5_answer)",
        "q6_answer = ...\nex.q6.check(q6_answer)",
        "q7_answer = ...\nex.q7.check(q7_answer)",
        "1 / 0",
        "q6 = 'never run'",
    )
    problems = problems_of_notebook(path, extra_env=env)
    report = "\n".join(problems)
    assert all(p.startswith("99_broken.ipynb, ") for p in problems), report
    expected = [
        ("q1, wrong answer 2 `q1_answer = max(data)`", "containing 'that is the sum'", "too large"),
        ("q2, solution", "the solution must be correct", "'incorrect'"),
        ("q3, wrong answer 1", "expected status 'incorrect'", "got 'correct'"),
        ("q4, stored cell", "stored unanswered", "'correct'"),
        ("q5, solution", "NameError", "undefined_data"),
        ("q6, solution", "colliding known mistakes", "'that is the sum'"),
        ("q7, correct answer 2 `q7_answer = 2.6`", "must be correct too", "too large"),
        ("lesson cell 9", "ZeroDivisionError", "run stopped there"),
    ]
    assert len(problems) == len(expected), report
    for problem, pieces in zip(problems, expected):
        assert all(piece in problem for piece in pieces), (pieces, report)


def test_harness_reports_mismatches_without_running(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lesson = FAKE_LESSON.replace('"q10"', '"q3"').replace("q10 =", "q3 =").replace("q10_answer", "q3_answer")
    package, env = _fake_package(tmp_path, monkeypatch, lesson99=lesson)
    path = _notebook(
        tmp_path / "notebooks" / "99_mismatch.ipynb",
        f"from {package} import lesson99 as ex\n1 / 0  # never run: static problems come first",
        "q1_answer = ...\nex.q1.check(q1_answer)",
        "answer = ...\nex.q2.check(answer)",                   # q2's cell does not assign q2_answer
        "q9_answer = ...\nex.q9.check(q9_answer)",            # q9 is not in the module; q3 is not in the notebook
        "ex.q1.check(q1_answer)  # checked twice",
    )
    problems = problems_of_notebook(path, extra_env=env)
    report = "\n".join(problems)
    assert any("q3 is defined in" in p and "no cell calls ex.q3.check" in p for p in problems), report
    assert any("calls ex.q9.check(...)" in p and "has no exercise q9" in p for p in problems), report
    assert any("does not assign q2_answer" in p for p in problems), report
    assert any("ex.q1.check(...) is called in cells [2, 5]" in p for p in problems), report
    assert not any("ZeroDivisionError" in p for p in problems), report


def test_harness_reports_a_notebook_without_its_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package, env = _fake_package(tmp_path, monkeypatch, lesson99=FAKE_LESSON)
    folder = tmp_path / "notebooks"
    no_import = _notebook(folder / "01_a.ipynb", "q1_answer = ...")
    missing = _notebook(folder / "02_b.ipynb", f"from {package} import lesson42 as ex")
    other = _notebook(folder / "03_c.ipynb", f"from {package} import lesson99 as ex")
    assert "no cell imports the exercises" in problems_of_notebook(no_import)[0]
    assert "cannot load the exercises" in problems_of_notebook(missing)[0]
    assert "but its exercises are in x.lesson03" in problems_of_notebook(other, module_name="x.lesson03")[0]


def test_discovery_finds_only_lessons_importing_their_exercises(tmp_path: Path) -> None:
    _notebook(tmp_path / "01_first.ipynb", "from helpers.exercises import lesson01 as ex")
    _notebook(tmp_path / "02_no_exercises.ipynb", "print('hi')")
    _notebook(tmp_path / "03_commented.ipynb", "# from helpers.exercises import lesson03 as ex")
    _notebook(tmp_path / "scratch.ipynb", "from helpers.exercises import lesson01 as ex")
    _notebook(tmp_path / "04_other.ipynb", "from somewhere_else import lesson04 as ex")
    assert [p.name for p in discover_lesson_notebooks(tmp_path)] == ["01_first.ipynb"]
    assert expected_module_for(Path("07_training.ipynb")) == "helpers.exercises.lesson07"
    assert expected_module_for(Path("scratch.ipynb")) is None
