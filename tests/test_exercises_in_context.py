"""Every exercise works inside its lesson: wrong answers get their hint, solutions pass.

The lessons are ``notebooks/NN_*.ipynb`` importing ``from helpers.exercises import lessonNN as ex``,
and their Korean editions ``notebooks/ko/NN_*.ipynb`` (same code, same exercises, judged in English
and in Korean: test_exercises_in_context_ko.py); their test answers are
``tests/answers/lessonNN.py``. The ``test_harness_*`` tests prove the harness itself on throwaway
lessons built in ``tmp_path``, including lessons it must reject.
"""

from __future__ import annotations

import importlib
import os
import textwrap
import uuid
from pathlib import Path

import nbformat
import pytest
from exercise_harness import (
    answer_problems,
    answers_of,
    discover_lesson_notebooks,
    exercises_of,
    expected_module_for,
    korean_problem,
    lesson_module_name,
    problems_of_notebook,
)

from helpers.exercises import CheckResult, Exercise, expect_int

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = ROOT / "notebooks"
LESSON_NOTEBOOKS = discover_lesson_notebooks(NOTEBOOKS_DIR)
KOREAN_NOTEBOOKS = discover_lesson_notebooks(NOTEBOOKS_DIR / "ko")
LESSON_MODULES = sorted((ROOT / "helpers" / "exercises").glob("lesson[0-9][0-9].py"))


@pytest.mark.parametrize("path", LESSON_NOTEBOOKS, ids=[p.name for p in LESSON_NOTEBOOKS])
def test_exercises_work_in_their_lesson(path: Path) -> None:
    check_in_context(path)


def check_in_context(path: Path) -> None:
    """Run the lesson at ``path`` with its exercises' harness (the Korean lessons use it too)."""
    imported, expected = (
        lesson_module_name(nbformat.read(path, as_version=4)),
        expected_module_for(path),
    )
    assert imported == expected, (
        f"{path.name} imports {imported} as ex; its exercises are {expected}"
    )
    language = "ko" if path.parent.name == "ko" else "en"
    answers = None
    if language == "ko":  # the other correct forms are judged by the same code as in English
        wrong, _correct = answers_of(expected)  # (tools/translations.py: identical code cells);
        answers = (wrong, {})  # the solution and every wrong answer, in Korean, are run here
    problems = problems_of_notebook(path, cwd=path.parent, language=language, answers=answers)
    if problems:
        pytest.fail(
            f"exercise problems in {path.relative_to(ROOT)}:\n  " + "\n  ".join(problems),
            pytrace=False,
        )


@pytest.mark.parametrize("module_path", LESSON_MODULES, ids=[p.stem for p in LESSON_MODULES])
def test_every_lesson_module_has_its_notebook_and_answers(module_path: Path) -> None:
    number = module_path.stem.removeprefix("lesson")
    for edition, notebooks in (("notebooks", LESSON_NOTEBOOKS), ("notebooks/ko", KOREAN_NOTEBOOKS)):
        assert any(p.name.startswith(f"{number}_") for p in notebooks), (
            f"no {edition}/{number}_*.ipynb imports helpers/exercises/{module_path.name} as ex, "
            "so its exercises are never tested in context"
        )
    module_name = f"helpers.exercises.{module_path.stem}"
    wrong, correct = answers_of(module_name)
    exercises = exercises_of(importlib.import_module(module_name))
    assert answer_problems(exercises, wrong, correct) == []
    for exercise in exercises:
        where = f"tests/answers/{module_path.name}, {exercise.name}"
        assert wrong.get(exercise.name), f"{where}: no WRONG answer"
        assert correct.get(exercise.name), f"{where}: no CORRECT answer"


# --------------------------------------------------------------------------------------------
# Self-tests of the harness on throwaway lessons
# --------------------------------------------------------------------------------------------

FAKE_LESSON = """
from helpers.exercises import Exercise, expect_choice, expect_keras_model, expect_number

q1 = Exercise(
    "q1",
    expect_number(2.5, what="mean", known_mistakes={10.0: "that is the sum, divide by the count"}),
    hint="Add the values up, then divide by how many there are.",
    solution="q1_answer = sum(data) / len(data)",
)
q2 = Exercise("q2", expect_choice("b", {"a": "MSE is in squared units"}, options="abc"), hint="h",
              solution="q2_answer = 'b'")
q10 = Exercise("q10", expect_keras_model(dense_units=[4, 1], n_params=21), hint="h",
               solution="q10_answer = keras.Sequential([keras.Input((n_features,)), "
                        "keras.layers.Dense(4), keras.layers.Dense(1)])")
"""
FAKE_WRONG = {
    "q1": [
        ("q1_answer = sum(data)", "the sum"),
        ("scratch = 'leaks?'\nq1_answer = max(data)", "too large"),
    ],
    "q2": [("q2_answer = ' A '", "squared units"), ("q2_answer = 2", "in quotes")],
    "q10": [
        (
            "q10_answer = keras.Sequential([keras.layers.Dense(4), keras.layers.Dense(1)])",
            "not built",
        ),
        ("q10_answer = keras.layers.Dense(1)", "single layer"),
    ],
}
FAKE_CORRECT = {
    "q1": ["q1_answer = 2.5", "q1_answer = round(sum(data) / len(data), 2)", "q1_answer = 5 / 2"]
}

BROKEN_LESSON = """
from helpers.exercises import Exercise, expect_choice, expect_int, expect_number

q1 = Exercise("q1", expect_number(2.5, known_mistakes={10.0: "that is the sum"}), hint="h",
              solution="q1_answer = sum(data) / len(data)")
q2 = Exercise("q2", expect_choice("b"), hint="h", solution="q2_answer = 'a'")  # not correct
q3 = Exercise("q3", expect_choice("b"), hint="h", solution="q3_answer = 'b'")
q4 = Exercise("q4", expect_int(3), hint="h", solution="q4_answer = 3")
q5 = Exercise("q5", expect_int(3), hint="h", solution="q5_answer = len(undefined)")  # NameError
q6 = Exercise("q6", expect_number(2.5, known_mistakes={10.0: "that is the sum", 10.001: "4 mean"}),
              hint="h", solution="q6_answer = 2.5")  # the two known mistakes collide
q7 = Exercise("q7", expect_number(2.5), hint="h", solution="q7_answer = 2.5")
"""
BROKEN_WRONG = {
    "q1": [
        ("q1_answer = sum(data)", "that is the sum"),
        ("q1_answer = max(data)", "that is the sum"),
    ],
    "q3": [("q3_answer = ' B'", "anything")],  # judged correct
}
BROKEN_CORRECT = {"q7": ["q7_answer = 2.50", "q7_answer = 2.6"]}  # 2.6 is not 2.5


def _notebook(path: Path, *sources: str) -> Path:
    cells = [nbformat.v4.new_markdown_cell("# A throwaway lesson")]
    cells += [nbformat.v4.new_code_cell(textwrap.dedent(source).strip()) for source in sources]
    kernel = {"name": "python3", "language": "python", "display_name": "Python 3"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernel}), path)
    return path


def _fake_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> tuple[str, dict[str, str]]:
    """A package holding ``lesson99``, importable here and in the kernel: (its name, kernel env)."""
    package = f"fake_lessons_{uuid.uuid4().hex[:8]}"
    folder = tmp_path / "site" / package
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("")
    (folder / "lesson99.py").write_text(source)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    python_path = os.pathsep.join(
        filter(None, [str(tmp_path / "site"), os.environ.get("PYTHONPATH")])
    )
    return package, {"PYTHONPATH": python_path}


def test_harness_passes_a_good_lesson_and_runs_in_its_context(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package, env = _fake_package(tmp_path, monkeypatch, FAKE_LESSON)
    folder = tmp_path / "notebooks"
    path = _notebook(
        folder / "99_fake.ipynb",
        f"import os\nimport keras\nfrom {package} import lesson99 as ex",
        "data = [1.0, 2.0, 3.0, 4.0]\nn_features = 3",
        "q1_answer = ...  # replace ... with your answer\nex.q1.check(q1_answer)",
        f"""
        # The harness ran q1's answers in copies of the namespace: nothing leaked.
        assert q1_answer is ... and "scratch" not in globals()
        assert os.getcwd() == {str(folder)!r}
        assert os.environ["KERAS_BACKEND"] == "tensorflow"
        assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "3"
        """,
        "q2_answer = ...\nex.q2.check(q2_answer)",
        "q10_answer = ...\nex.q10.check(q10_answer)",
    )
    assert problems_of_notebook(path, extra_env=env, answers=(FAKE_WRONG, FAKE_CORRECT)) == []


def test_harness_reports_every_broken_exercise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package, env = _fake_package(tmp_path, monkeypatch, BROKEN_LESSON)
    path = _notebook(
        tmp_path / "notebooks" / "99_broken.ipynb",
        f"from {package} import lesson99 as ex\ndata = [1.0, 2.0, 3.0, 4.0]",
        *[f"q{k}_answer = ...\nex.q{k}.check(q{k}_answer)" for k in (1, 2, 3)],
        "q4_answer = 3  # stored answered: the learner sees the answer\nex.q4.check(q4_answer)",
        *[f"q{k}_answer = ...\nex.q{k}.check(q{k}_answer)" for k in (5, 6, 7)],
        "1 / 0",
        "q6 = 'never run'",
    )
    problems = problems_of_notebook(path, extra_env=env, answers=(BROKEN_WRONG, BROKEN_CORRECT))
    report = "\n".join(problems)
    expected = [
        ("q1, wrong answer 2 `q1_answer = max(data)`", "containing 'that is the sum'", "too large"),
        ("q2, solution", "the solution must be correct", "'incorrect'"),
        ("q3, wrong answer 1", "expected status 'incorrect'", "got 'correct'"),
        ("q4, stored cell", "stored unanswered", "'correct'"),
        ("q5, solution", "NameError", "undefined"),
        ("q6, solution", "colliding known mistakes", "'that is the sum'"),
        ("q7, correct answer 2 `q7_answer = 2.6`", "must be correct too", "too large"),
        ("lesson cell 9", "ZeroDivisionError", "run stopped there"),
    ]
    assert len(problems) == len(expected), report
    for problem, pieces in zip(problems, expected, strict=True):
        assert problem.startswith("99_broken.ipynb, ") and all(p in problem for p in pieces), (
            pieces,
            report,
        )


def test_harness_reports_mismatches_without_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lesson = (
        FAKE_LESSON.replace('"q10"', '"q3"')
        .replace("q10 =", "q3 =")
        .replace("q10_answer", "q3_answer")
    )
    package, env = _fake_package(tmp_path, monkeypatch, lesson)
    path = _notebook(
        tmp_path / "notebooks" / "99_mismatch.ipynb",
        f"from {package} import lesson99 as ex\n1 / 0  # never run: static problems come first",
        "q1_answer = ...\nex.q1.check(q1_answer)",
        "answer = ...\nex.q2.check(answer)",  # q2's cell does not assign q2_answer
        "q9_answer = ...\nex.q9.check(q9_answer)",  # no q9 in the module, no q3 in the notebook
        "ex.q1.check(q1_answer)  # checked twice",
    )
    problems = problems_of_notebook(
        path, extra_env=env, answers=({"q8": [("q8_answer = 1", "x")]}, {})
    )
    assert sorted(problem.split(", ", 1)[1] for problem in problems) == [
        "answers are given for q8, which is not an exercise",
        f"cell 4 calls ex.q9.check(...) but {package}.lesson99 has no exercise q9",
        "ex.q1.check(...) is called in cells [2, 5]: use one cell",
        f"q3 is defined in {package}.lesson99 but no cell calls ex.q3.check(...)",
        "the cell of q2 (cell 3) does not assign q2_answer",
    ]


def test_answer_problems_are_found_without_running() -> None:
    exercises = [
        Exercise("q1", expect_int(1), hint="h", solution="answer = 1"),
        Exercise("q2", expect_int(1), hint=" ", solution="q2_answer = = 1"),
    ]
    wrong = {"q1": [("q1_answer = 2", ""), ("print(q1_answer)", "too large")]}
    correct = {
        "q1": ["(q1_answer := 1)", "for q1_answer in [1]: pass", "q1_answer: int = 1"],
        "q2": [3],
    }
    assert answer_problems(exercises, wrong, correct) == [
        "q1, the solution: it must assign q1_answer (e.g. 'q1_answer = ...')",
        "q1, wrong answer 1: give the piece of the hint that it must get",
        "q1, wrong answer 2: it must assign q1_answer (e.g. 'q1_answer = ...')",
        "q2: the hint is empty",
        "q2, the solution: not valid Python: invalid syntax (line 1)",
        "q2, correct answer 1: it must be code (a str), not int",
    ]


def test_harness_reports_a_notebook_without_its_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package, _ = _fake_package(tmp_path, monkeypatch, FAKE_LESSON)
    folder = tmp_path / "notebooks"
    no_import = _notebook(folder / "01_a.ipynb", "q1_answer = ...")
    missing = _notebook(folder / "02_b.ipynb", f"from {package} import lesson42 as ex")
    other = _notebook(folder / "03_c.ipynb", f"from {package} import lesson99 as ex")
    assert "no cell imports the exercises" in problems_of_notebook(no_import)[0]
    assert "cannot load the exercises" in problems_of_notebook(missing)[0]
    assert (
        "but its exercises are in x.lesson03"
        in problems_of_notebook(other, module_name="x.lesson03")[0]
    )


def test_discovery_finds_only_lessons_importing_their_exercises(tmp_path: Path) -> None:
    _notebook(tmp_path / "01_first.ipynb", "from helpers.exercises import lesson01 as ex")
    _notebook(tmp_path / "02_no_exercises.ipynb", "print('hi')")
    _notebook(tmp_path / "03_commented.ipynb", "# from helpers.exercises import lesson03 as ex")
    _notebook(tmp_path / "scratch.ipynb", "from helpers.exercises import lesson01 as ex")
    _notebook(tmp_path / "04_other.ipynb", "from somewhere_else import lesson04 as ex")
    assert [p.name for p in discover_lesson_notebooks(tmp_path)] == ["01_first.ipynb"]
    assert expected_module_for(Path("07_training.ipynb")) == "helpers.exercises.lesson07"
    assert expected_module_for(Path("scratch.ipynb")) is None


def test_exercises_of_orders_numerically_and_rejects_a_misplaced_exercise() -> None:
    import types

    lesson = types.ModuleType("lesson99")
    for name in ("q10", "q2", "q1", "q3b", "q3"):
        setattr(
            lesson, name, Exercise(name, expect_int(1), hint="h", solution=f"{name}_answer = 1")
        )
    lesson.data = [1, 2]
    assert [e.name for e in exercises_of(lesson)] == ["q1", "q2", "q3", "q3b", "q10"]
    lesson.q1 = lesson.q2
    with pytest.raises(ValueError, match="lesson99.q1 holds exercise 'q2'"):
        exercises_of(lesson)


KOREAN_LESSON = """
from helpers.exercises import Exercise, expect_choice, expect_int, expect_number

q1 = Exercise("q1", expect_number(2.5), hint="h", solution="q1_answer = sum(data) / len(data)")
q2 = Exercise("q2", expect_choice("b", options="abc"), hint="h", solution="q2_answer = 'b'")
q3 = Exercise("q3", expect_int(10, known_mistakes={4: "that is the count, not the sum"}),
              hint="h", solution="q3_answer = int(sum(data))")
"""
KOREAN_WRONG = {
    "q1": [("q1_answer = max(data)", "too large"), ("q1_answer = 3", "rounded too much")],
    "q2": [("q2_answer = 'a'", "not the right option"), ("q2_answer = 'z'", "not one of")],
    "q3": [("q3_answer = 4", "the count")],  # its hint has no Korean version
}
KOREAN_CORRECT = {"q1": ["q1_answer = 2.50"]}


def test_harness_judges_a_korean_lesson_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package, env = _fake_package(tmp_path, monkeypatch, KOREAN_LESSON)
    sources = [
        f"from helpers import setup_lesson\nsetup_lesson(language='ko')\n"
        f"from {package} import lesson99 as ex\ndata = [1.0, 2.0, 3.0, 4.0]",
        *[
            f"q{k}_answer = ...  # ... 자리에 답을 넣으십시오\nex.q{k}.check(q{k}_answer)"
            for k in (1, 2, 3)
        ],
        # The harness switched languages around each answer, then back to the lesson's own.
        "import helpers.language\nassert helpers.language.chosen() == 'ko'",
    ]
    path = _notebook(tmp_path / "notebooks" / "ko" / "99_fake.ipynb", *sources)
    problems = problems_of_notebook(
        path, extra_env=env, answers=(KOREAN_WRONG, KOREAN_CORRECT), language="ko"
    )
    assert len(problems) == 1, problems
    assert problems[0].startswith("99_fake.ipynb, q3, wrong answer 1 `q3_answer = 4`: ")
    assert "the Korean message has no Korean: 'that is the count, not the sum'" in problems[0]

    english = _notebook(tmp_path / "notebooks" / "ko" / "98_fake.ipynb", *sources[1:])
    setup_free = nbformat.read(english, as_version=4)
    setup_free.cells.insert(1, nbformat.v4.new_code_cell(f"from {package} import lesson99 as ex"))
    nbformat.write(setup_free, english)
    assert problems_of_notebook(english, extra_env=env, answers=({}, {}), language="ko") == [
        '98_fake.ipynb, no cell calls setup_lesson(language="ko"): its messages would be English'
    ]


def test_korean_problem() -> None:
    wrong, korean = CheckResult("incorrect", "too large"), "답의 값(4)이 너무 큽니다."
    assert korean_problem(wrong, CheckResult("incorrect", korean)) == ""
    assert korean_problem(wrong, CheckResult("correct", "")) == (
        "judged 'correct' in Korean but 'incorrect' in English"
    )
    assert "English left" in korean_problem(wrong, CheckResult("incorrect", "값이 too large."))
    assert korean_problem(CheckResult("correct", ""), CheckResult("correct", "")) == ""
    quoted = "'the validation set': 보기 a, b 중 하나가 아닙니다."  # the learner's own text
    assert korean_problem(wrong, CheckResult("incorrect", quoted)) == ""
