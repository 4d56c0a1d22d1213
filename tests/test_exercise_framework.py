"""Unit tests of the exercise framework (helpers.exercises) on a throwaway exercise set."""

from __future__ import annotations

import doctest
import math
import subprocess
import sys
import types
import warnings
from typing import Any

import numpy as np
import pandas as pd
import pytest

import helpers.exercises as framework
from helpers.exercises import (
    NOT_ATTEMPTED_MESSAGE,
    CheckResult,
    Exercise,
    Incorrect,
    describe_type,
    exercises_of,
    expect_array_close,
    expect_choice,
    expect_int,
    expect_keras_model,
    expect_number,
    raise_known_mistake,
)

NOT_ATTEMPTED_LINE = "⏳ Not attempted yet: replace ... with your answer, then run this cell again.\n"


def make(checker: Any, name: str = "q1", **overrides: Any) -> Exercise:
    """A throwaway exercise answered in ``q1_answer``."""
    arguments: dict[str, Any] = dict(hint="Divide the sum by the count.",
                                     solution="q1_answer = sum(data) / len(data)", answer_name="q1_answer")
    arguments.update(overrides)
    return Exercise(name, checker, **arguments)


RMSE = make(expect_number(3.0, what="RMSE", known_mistakes=[
    (9.0, "your value is the MSE: did you forget the square root?"),
    (lambda v: math.isclose(v, 30.0), "your value is 10 times too large: check the units."),
    (lambda v: v < 0, "an error is never negative."),
]), correct_message="RMSE is in the units of the target.")


class Hostile:
    """An object that breaks everything a checker might try on it."""

    def _fail(self, *args: Any) -> Any:
        raise RuntimeError("hostile object")

    __eq__ = __ne__ = __lt__ = __gt__ = __repr__ = __str__ = __float__ = __int__ = __index__ = _fail
    __bool__ = __len__ = __iter__ = __getitem__ = __array__ = __hash__ = _fail  # type: ignore[assignment]


def output(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.err == "", captured.err
    assert "Traceback" not in captured.out
    return captured.out


# --- the three outcomes --------------------------------------------------------------------------

def test_correct(capsys: pytest.CaptureFixture[str]) -> None:
    assert RMSE.evaluate(3.0) == CheckResult("correct", "RMSE is in the units of the target.")
    assert RMSE.check(np.float32(3.0001)) is None
    assert output(capsys) == "✅ Correct! RMSE is in the units of the target.\n"
    make(expect_int(4)).check(4)
    assert output(capsys) == "✅ Correct!\n"


@pytest.mark.parametrize("answer", [..., (..., 1), [1, [2, ...]], {"a": ...}, {...: 1}, {1, ...},
                                    np.array([1, ...], dtype=object)], ids=repr)
def test_not_attempted(answer: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert RMSE.evaluate(answer) == CheckResult("not_attempted", NOT_ATTEMPTED_MESSAGE)
    RMSE.check(answer)
    assert output(capsys) == NOT_ATTEMPTED_LINE


def test_check_without_an_argument_is_not_attempted(capsys: pytest.CaptureFixture[str]) -> None:
    RMSE.check()
    assert output(capsys) == NOT_ATTEMPTED_LINE


def test_ellipsis_deep_or_far_inside_a_container_counts_as_an_attempt() -> None:
    deep: Any = ...
    for _ in range(20):
        deep = [deep]
    assert make(expect_int(1)).evaluate(deep).status == "incorrect"
    assert make(expect_int(1)).evaluate([0] * 50_000 + [...]).status == "incorrect"


@pytest.mark.parametrize("answer, hint", [
    (9.0, "did you forget the square root?"),
    (30.0, "10 times too large"),
    (-3.0, "never negative"),
    (4.0, "your RMSE is 4, which is too large."),
    (2.0, "your RMSE is 2, which is too small."),
])
def test_incorrect_gives_the_specific_hint(answer: float, hint: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = RMSE.evaluate(answer)
    assert result.status == "incorrect" and hint in result.message
    RMSE.check(answer)
    out = output(capsys)
    assert out.startswith("❌ Incorrect: ") and hint in out and out.count("\n") == 1


def test_check_returns_none_and_prints_one_block(capsys: pytest.CaptureFixture[str]) -> None:
    for answer in (..., 3.0, 9.0, "x", Hostile()):
        assert RMSE.check(answer) is None
        assert output(capsys).count("\n") == 1


# --- a checker that fails in unexpected ways never shows a traceback ------------------------------

def _raises(exception: BaseException) -> Any:
    def checker(answer: Any) -> None:
        raise exception
    return checker


class BadMessage(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no message either")


@pytest.mark.parametrize("exception", [
    TypeError("unsupported operand"), ValueError("shapes (3,) and (4,) not aligned"),
    AttributeError("'list' object has no attribute 'mean'"), KeyError("mpg"), IndexError("out of range"),
    ZeroDivisionError("division by zero"), RecursionError("too deep"), MemoryError(), BadMessage(),
], ids=lambda e: type(e).__name__)
def test_unexpected_exceptions_become_a_friendly_message(exception: Exception,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    exercise = make(_raises(exception), expects="a pandas Series")
    result = exercise.evaluate([1, 2])
    assert result.status == "incorrect"
    assert result.message == ("this exercise expects a pandas Series, but your answer is a list. "
                              "Check what you assigned to q1_answer.")
    assert type(exception).__name__ in result.detail
    exercise.check(pd.DataFrame({"a": [1]}))
    assert output(capsys) == ("❌ Incorrect: this exercise expects a pandas Series, but your answer is a "
                              "pandas.DataFrame. Check what you assigned to q1_answer.\n")


def test_unexpected_exception_message_uses_the_helpers_description() -> None:
    def with_description(answer: Any) -> None:
        answer.undefined_method()
    with_description.expects = "a fitted model"  # type: ignore[attr-defined]
    result = make(with_description).evaluate(np.zeros(3))
    assert "expects a fitted model, but your answer is a numpy.ndarray" in result.message
    assert "expects a different kind of value" in make(_raises(ValueError())).evaluate(1).message


def test_a_keras_error_becomes_a_friendly_message(capsys: pytest.CaptureFixture[str]) -> None:
    import keras

    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])

    def predicts_five_features(answer: Any) -> None:
        answer.predict(np.zeros((2, 5)), verbose=0)

    exercise = make(predicts_five_features, expects="a model that takes 5 features")
    exercise.check(model)
    out = output(capsys)
    assert out.startswith("❌ Incorrect: this exercise expects a model that takes 5 features, but your answer is a "
                          "keras.Sequential.") and out.count("\n") == 1


def test_keyboard_interrupt_is_not_swallowed() -> None:
    with pytest.raises(KeyboardInterrupt):
        make(_raises(KeyboardInterrupt())).evaluate(1)


def test_a_checker_that_returns_a_value_is_never_correct() -> None:
    result = make(lambda answer: answer == 3).evaluate(3)
    assert result.status == "incorrect" and "checker is broken" in result.message
    assert "returned a bool" in result.detail


def test_warnings_of_a_checker_are_not_shown(capsys: pytest.CaptureFixture[str]) -> None:
    def noisy(answer: Any) -> None:
        warnings.warn("deprecated", DeprecationWarning, stacklevel=1)
        np.log(np.zeros(1))  # RuntimeWarning: divide by zero

    make(noisy).check(1)
    assert output(capsys) == "✅ Correct!\n"


# --- weird answers --------------------------------------------------------------------------------

def _is_three(answer: Any) -> None:
    if not answer == 3:
        raise Incorrect("not 3")


CHECKERS = {
    "number": expect_number(3.0), "int": expect_int(3), "array": expect_array_close([1.0, 2.0]),
    "choice": expect_choice("b", options="abc"), "model": expect_keras_model(dense_units=[1]),
    "custom ==": _is_three,
}


@pytest.mark.parametrize("kind", CHECKERS)
@pytest.mark.parametrize("answer", [Hostile(), None, "3", np.zeros(2_000_000), b"3", True, {"a": 1}, print],
                         ids=["hostile", "None", "str", "huge-array", "bytes", "bool", "dict", "function"])
def test_weird_answers_give_one_short_line(kind: str, answer: Any, capsys: pytest.CaptureFixture[str]) -> None:
    exercise = make(CHECKERS[kind])
    result = exercise.evaluate(answer)
    assert result.status == "incorrect", result
    assert 0 < len(result.message) < 200 and "\n" not in result.message
    exercise.check(answer)
    assert output(capsys).count("\n") == 1


def test_none_gets_a_hint_about_print_and_inplace() -> None:
    for checker in (expect_number(1.0), expect_array_close([1.0]), expect_choice("a"), _raises(TypeError())):
        assert make(checker).evaluate(None).message.startswith("your answer is None: did you assign the result of print()")


def test_a_string_where_a_number_was_expected() -> None:
    assert make(expect_number(3.0, what="mean")).evaluate("3.0").message == \
        "your mean is text (a str), not a number: remove the quotes."
    assert "remove the quotes" in make(expect_int(3)).evaluate("3").message


# --- hint and solution ----------------------------------------------------------------------------

def test_hint_and_solution_output(capsys: pytest.CaptureFixture[str]) -> None:
    exercise = make(expect_number(2.5), solution="total = sum(data)\nq1_answer = total / len(data)\n")
    assert exercise.hint() is None and exercise.solution() is None
    assert output(capsys) == ("💡 Hint: Divide the sum by the count.\n"
                              "📝 Solution:\ntotal = sum(data)\nq1_answer = total / len(data)\n")


def test_repr_tells_how_to_use_it() -> None:
    assert repr(RMSE) == "<Exercise q1: q1.check(q1_answer), q1.hint(), q1.solution()>"


# --- exercises_of ---------------------------------------------------------------------------------

def test_exercises_of_orders_numerically_and_ignores_other_attributes() -> None:
    lesson = types.ModuleType("lesson99")
    for name in ("q10", "q2", "q1", "q3b", "q3"):
        setattr(lesson, name, make(expect_int(1), name=name))
    lesson.Exercise = Exercise  # type: ignore[attr-defined]
    lesson.data = [1, 2]  # type: ignore[attr-defined]
    assert [e.name for e in exercises_of(lesson)] == ["q1", "q2", "q3", "q3b", "q10"]
    assert exercises_of(types.ModuleType("empty")) == []


def test_exercises_of_rejects_an_exercise_under_another_name() -> None:
    lesson = types.ModuleType("lesson99")
    lesson.q1 = make(expect_int(1), name="q2")  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="holds exercise 'q2'"):
        exercises_of(lesson)


# --- definition-time validation -------------------------------------------------------------------

@pytest.mark.parametrize("overrides, message", [
    ({"hint": ""}, "hint must be a non-empty string"),
    ({"hint": "   "}, "hint must be a non-empty string"),
    ({"solution": ""}, "solution must be a non-empty string"),
    ({"solution": "answer = df['mpg'].mean()"}, "the solution must assign q1_answer"),
    ({"solution": "print(q1_answer)"}, "the solution must assign q1_answer"),
    ({"solution": "q1_answer = = 3"}, "the solution is not valid Python"),
    ({"answer_name": "q1 answer"}, "answer_name must be an identifier"),
    ({"name": "1q"}, "name must be a Python identifier"),
    ({"wrong_answers": [("answer = 1", "hint")]}, "wrong answer 1 must assign q1_answer"),
    ({"wrong_answers": [("q1_answer = 1", "")]}, "wrong answer 1 needs a non-empty hint substring"),
    ({"wrong_answers": ["q1_answer = 1"]}, "wrong answer 1 must be a (code, hint_substring) tuple"),
])
def test_constructor_validation(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as raised:
        make(expect_int(1), **overrides)
    assert message in str(raised.value)


def test_constructor_rejects_a_checker_that_is_not_callable() -> None:
    with pytest.raises(ValueError, match="checker must be callable"):
        Exercise("q1", 3, hint="h", solution="a = 1", answer_name="a")  # type: ignore[arg-type]


def test_solution_may_assign_in_any_statement() -> None:
    for solution in ("q1_answer: float = 2.5", "for q1_answer in [2.5]:\n    pass", "(q1_answer := 2.5)"):
        assert make(expect_number(2.5), solution=solution).solution_code == solution


@pytest.mark.parametrize("build, message", [
    (lambda: expect_number(3.0, known_mistakes=[(3.0, "oops")]), "is the expected answer"),
    (lambda: expect_int(3, known_mistakes=[(3, "oops")]), "is the expected answer"),
    (lambda: expect_array_close([1.0], known_mistakes=[([1.0], "oops")]), "is the expected answer"),
    (lambda: expect_number(3.0, known_mistakes=[(str, "text")]), "not a type"),
    (lambda: expect_number(3.0, known_mistakes=[(2.0, "")]), "(value or predicate, hint) tuple"),
    (lambda: expect_number(float("nan")), "finite"),
    (lambda: expect_int(3.5), "must be an int"),  # type: ignore[arg-type]
    (lambda: expect_choice("a", {"A ": "no"}), "also has a wrong-option hint"),
    (lambda: expect_keras_model(dense_units=[1], activations=["relu", None]), "same number of layers"),
])
def test_helpers_reject_mistakes_of_the_lesson_author(build: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build()


# --- the helper checkers --------------------------------------------------------------------------

def hint_of(checker: Any, answer: Any) -> str:
    result = make(checker).evaluate(answer)
    assert result.status == "incorrect", result
    return result.message


def test_expect_number_accepts_numbers_of_any_kind() -> None:
    check = make(expect_number(2.5, rel=1e-3))
    for answer in (2.5, 2.5005, np.float64(2.5), np.array(2.5), pd.Series([2.5]).mean(), 5 / 2):
        assert check.evaluate(answer).is_correct, answer
    assert make(expect_number(0.0, abs=1e-6)).evaluate(1e-7).is_correct


def test_expect_number_hints() -> None:
    check = expect_number(2.5, what="mean")
    assert "take the number out with .item()" in hint_of(check, pd.Series([2.5]))
    assert "of shape (3,)" in hint_of(check, np.array([1.0, 2.0, 3.0]))
    assert "is True (a bool)" in hint_of(check, True)
    assert "NaN" in hint_of(check, float("nan"))
    assert "infinite" in hint_of(check, float("inf"))
    assert "a list of 2 items" in hint_of(check, [1, 2])
    assert "complex" in hint_of(check, 2.5 + 0j)
    assert "which is not right" in hint_of(expect_number(2.5, reveal_direction=False), 3.0)


def test_expect_int() -> None:
    check = expect_int(10**20, what="count")
    assert make(check).evaluate(10**20).is_correct
    assert "too small" in hint_of(check, 10**20 - 1)  # exact beyond 2**53
    assert make(expect_int(3)).evaluate(3.0).is_correct
    assert make(expect_int(3)).evaluate(np.int64(3)).is_correct
    assert "a whole number was expected" in hint_of(expect_int(3), 3.5)
    assert hint_of(expect_int(4, known_mistakes=[(3, "count the output layer too.")]), 3) == "count the output layer too."


def test_expect_array_close() -> None:
    check = expect_array_close([1.0, 2.0, 3.0], what="predictions",
                               known_mistakes=[([3.0, 2.0, 1.0], "your predictions are in reverse order.")])
    for answer in ([1, 2, 3], np.array([1.0, 2.0, 3.0001]), pd.Series([1.0, 2.0, 3.0]), (1.0, 2.0, 3.0)):
        assert make(check).evaluate(answer).is_correct
    assert hint_of(check, [3, 2, 1]) == "your predictions are in reverse order."
    assert ".ravel()" in hint_of(check, [[1.0], [2.0], [3.0]])
    assert "was expected." in hint_of(check, [1.0, 2.0])
    assert "1 of its 3 values are not" in hint_of(check, [1.0, 2.0, 4.0])
    assert "NaN" in hint_of(check, [1.0, float("nan"), 3.0])
    assert "could not be read as an array of numbers" in hint_of(check, [1.0, [2.0, 3.0], 3.0])
    assert "could not be read as an array of numbers" in hint_of(check, ["a", "b", "c"])
    assert "text" in hint_of(check, "1 2 3")
    assert ".reshape(-1, 1)" in hint_of(expect_array_close([[1.0], [2.0]]), [1.0, 2.0])
    assert ".T transposes" in hint_of(expect_array_close([[1.0, 2.0, 3.0]]), [[1.0], [2.0], [3.0]])
    assert make(expect_array_close([1.0, 2.0, 3.0], squeeze=True)).evaluate([[1.0], [2.0], [3.0]]).is_correct
    predicate = expect_array_close([1.0, 2.0], known_mistakes=[(lambda a: a.ndim == 2, "flatten it")])
    assert hint_of(predicate, [[1.0, 2.0]]) == "flatten it"


def test_expect_choice() -> None:
    check = expect_choice("b", {"a": "MSE is in squared units."}, options="abcd")
    for answer in ("b", "B", " b ", "b)", "(B)", "b."):
        assert make(check).evaluate(answer).is_correct, answer
    assert hint_of(check, " A\n") == "MSE is in squared units."
    assert hint_of(check, "c") == "that is not the right option: read the question again."
    assert "is not one of the options a, b, c, d" in hint_of(check, "z")
    assert "in quotes" in hint_of(check, 2)
    assert make(expect_choice("Yes", {"no": "look again"})).evaluate("YES").is_correct


def test_raise_known_mistake() -> None:
    with pytest.raises(Incorrect, match="zero"):
        raise_known_mistake(0, [(lambda v: 1 / v > 0, "never"), (0, "zero")])  # a raising probe does not match
    raise_known_mistake(Hostile(), [(1, "never"), (lambda v: v > 0, "never")])  # nothing matches, no error


def test_describe_type() -> None:
    import keras

    assert describe_type(None) == "NoneType"
    assert describe_type(pd.Series(dtype=float)) == "pandas.Series"
    assert describe_type(keras.layers.Dense(1)) == "keras.Dense"
    assert describe_type(Hostile()) == f"{__name__.split('.')[0]}.Hostile"  # never calls the broken __repr__
    assert describe_type(type("Learner", (), {"__module__": "__main__"})()) == "Learner"  # a notebook's class


def test_check_result() -> None:
    with pytest.raises(ValueError):
        CheckResult("wrong", "")  # type: ignore[arg-type]
    result = CheckResult("correct", "")
    with pytest.raises(AttributeError):
        result.status = "incorrect"  # type: ignore[misc]
    assert result.render() == "✅ Correct!"


def test_expect_keras_model_uses_public_config() -> None:
    import keras

    check = expect_keras_model(dense_units=[8, 1], activations=["relu", None], n_params=49, known_mistakes=[
        (lambda m: m.layers[-1].get_config()["activation"] == "relu", "a regression output has no activation.")])

    def model(*layers: Any, inputs: int = 4) -> Any:
        return keras.Sequential([keras.Input((inputs,)), *layers])

    dense = keras.layers.Dense
    assert make(check).evaluate(model(dense(8, activation="relu"), dense(1))).is_correct
    assert "not built yet" in hint_of(check, keras.Sequential([dense(8, activation="relu"), dense(1)]))
    assert "single layer (Dense)" in hint_of(check, dense(1))
    assert "no activation" in hint_of(check, model(dense(8, activation="relu"), dense(1, activation="relu")))
    assert "has 1 Dense layer, but 2 Dense layers were" in hint_of(check, model(dense(1)))
    assert "Dense layer 1 of your model has 4 units; it should have 8" in hint_of(check, model(dense(4), dense(1)))
    assert "uses activation 'sigmoid'" in hint_of(check, model(dense(8, activation="sigmoid"), dense(1)))
    assert "has 57 parameters" in hint_of(check, model(dense(8, activation="relu"), dense(1), inputs=5))
    assert "should be a Keras model, not a list" in hint_of(check, [dense(8), dense(1)])


# --- packaging ------------------------------------------------------------------------------------

def test_importing_the_framework_does_not_load_keras() -> None:
    code = "import sys, helpers.exercises; sys.exit(sorted({'keras', 'tensorflow'} & set(sys.modules)) or 0)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr


def test_docstring_examples() -> None:
    assert doctest.testmod(framework, optionflags=doctest.ELLIPSIS).failed == 0


def test_choice_aliases_and_neutral_messages() -> None:
    check = expect_choice("validation", {"test": "used once"}, options=["train"],
                          aliases={"val": "validation", "validation set": "validation", "training": "train"})
    exercise = Exercise("q1", check, hint="h", solution="a = 'validation'", answer_name="a")
    assert exercise.evaluate(" Val ").is_correct and exercise.evaluate("validation set").is_correct
    assert exercise.evaluate("training").message == "that is not the right option: read the question again."
    unknown = exercise.evaluate("dev").message
    assert "not one of the options test, train, validation" in unknown and "e.g." not in unknown
    with pytest.raises(ValueError, match="alias"):
        expect_choice("a", aliases={"x": "z"})


def test_list_of_one_item_reads_well() -> None:
    exercise = Exercise("q1", expect_number(1.0), hint="h", solution="a = 1", answer_name="a")
    assert "a list of 1 item," in exercise.evaluate([1.0]).message


def test_a_rounded_answer_is_told_to_keep_the_full_value() -> None:
    exercise = Exercise("q1", expect_number(0.5763, rel=1e-4), hint="h", solution="a = 1", answer_name="a")
    assert "Keep the full value" in exercise.evaluate(0.58).message
    assert "too large" in exercise.evaluate(0.7).message
