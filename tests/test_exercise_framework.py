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
    ROUNDED_TOO_MUCH,
    ROUNDING_POLICY,
    CheckResult,
    Exercise,
    Incorrect,
    ValueCheck,
    describe_type,
    exercises_of,
    expect_array_close,
    expect_choice,
    expect_int,
    expect_keras_model,
    expect_number,
    raise_known_mistake,
    scaler_fitted_on,
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
    assert "which is not right" in hint_of(expect_number(2.5, reveal_direction=False), 3.7)


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
    assert "1 of its 3 values is not" in hint_of(check, [1.0, 2.0, 4.0])
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
    assert "has 57 trained parameters" in hint_of(check, model(dense(8, activation="relu"), dense(1), inputs=5))
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


# --------------------------------------------------------------------------------------------
# The rounding policy: 2 decimals or 3 significant digits are accepted everywhere; coarser is
# "rounded too much", never "wrong"; what is not a rounding gets no rounding talk.
# --------------------------------------------------------------------------------------------

ROUNDING_CASES = [
    # expected, answer, status ("correct", "too much" or "other")
    (0.5763, 0.5763, "correct"), (0.5763, 0.58, "correct"), (0.5763, 0.576, "correct"),
    (0.5763, 0.5763001, "correct"), (0.5763, 0.6, "too much"), (0.5763, 1, "too much"),
    (0.5763, 0.57, "cut"), (0.5763, 0.573, "other"), (0.5763, 0.59, "other"),
    (7.0013, 7.0, "correct"), (7.0013, 7, "correct"), (7.0013, 7.00, "correct"),
    (5.9583, 5.96, "correct"), (5.9583, 5.958, "correct"), (5.9583, 6.0, "too much"), (5.9583, 5.9, "cut"),
    (5.9583, 5.95, "cut"), (5.9583, 5.8, "other"),
    (4337.42, 4337.4, "correct"), (4337.42, 4340, "correct"), (4337.42, 4300, "too much"),
    (4337.42, 4000, "too much"), (4337.42, 0, "other"), (4337.42, 4337, "correct"), (4337.42, 4338, "other"),
    (0.125, 0.13, "correct"), (0.125, 0.12, "correct"),                   # either way of rounding a half
    (0.0523, 0.05, "correct"), (0.0523, 0.0523, "correct"),               # the value a lesson prints: 0.05
    (0.0149, 0.01, "too much"), (0.0149, 0.0149, "correct"), (0.0012, 0.0, "other"),
    (-2.3456, -2.35, "correct"), (-2.3456, -2.3, "too much"), (-2.3456, 2.35, "other"),
    (23.4459, 23.45, "correct"), (23.4459, 23.4, "correct"), (23.4459, 23, "too much"),
    (0.81, 0.81, "correct"), (1e6 + 0.4, 1e6, "correct"),
]


@pytest.mark.parametrize(("expected", "answer", "status"), ROUNDING_CASES)
def test_rounding_policy_for_numbers(expected: float, answer: float, status: str) -> None:
    exercise = Exercise("q1", expect_number(expected, rel=1e-6, what="RMSE"), hint="h", solution="a = 1",
                        answer_name="a")
    for form in (answer, np.float32(answer) if status != "correct" else answer, np.array(answer)):
        result = exercise.evaluate(form)
        if status == "correct":
            assert result.status == "correct", (expected, answer, result.message)
        elif status == "too much":
            assert result.status == "incorrect" and "rounded too much" in result.message, result.message
            assert "too large" not in result.message and "too small" not in result.message
        elif status == "cut":
            assert result.status == "incorrect" and "cut digits off" in result.message, result.message
        else:
            assert result.status == "incorrect" and "round" not in result.message, result.message


def test_the_rounding_policy_is_stated_once() -> None:
    assert "2 decimals" in ROUNDING_POLICY and "3 significant digits" in ROUNDING_POLICY
    assert "rounded too much" in ROUNDING_POLICY and "rounded too much" in ROUNDED_TOO_MUCH


def test_rounding_policy_for_arrays() -> None:
    target = np.array([0.5763, -1.23456, 12.3456])
    check = expect_array_close(target, rel=1e-6, abs=1e-9, what="values")
    exercise = Exercise("q1", check, hint="h", solution="a = 1", answer_name="a")
    for decimals in (2, 3, 6):
        assert exercise.evaluate(np.round(target, decimals)).status == "correct", decimals
    assert exercise.evaluate(pd.Series(np.round(target, 2))).status == "correct"
    assert exercise.evaluate([0.576, -1.23, 12.3]).status == "correct"          # 3 significant digits
    too_much = exercise.evaluate(np.round(target, 1))
    assert too_much.status == "incorrect" and "rounded too much" in too_much.message
    # Values near 0 among larger ones round with their neighbours (v0.1's 02 q4 standardized values).
    standardized = np.array([0.00638, -0.0647, 1.2345, -2.0411])
    near_zero = Exercise("q1", expect_array_close(standardized, rel=1e-6, abs=1e-9), hint="h", solution="a = 1",
                         answer_name="a")
    for decimals in (2, 3):
        assert near_zero.evaluate(np.round(standardized, decimals)).status == "correct", decimals
    assert "rounded too much" in near_zero.evaluate(np.round(standardized, 1)).message
    assert near_zero.evaluate(np.zeros(4)).status == "incorrect"
    other = exercise.evaluate(np.round(target, 2) + [0, 0, 0.5])
    assert other.status == "incorrect" and "round" not in other.message and "1 of its 3" in other.message


def test_known_mistakes_match_rounded_too() -> None:
    check = expect_number(5.9583, rel=1e-6, what="MAE",
                          known_mistakes=[(8.3419, "that is the RMSE"), (-0.0123, "errors cancel out")])
    exercise = Exercise("q1", check, hint="h", solution="a = 1", answer_name="a")
    assert exercise.evaluate(8.34).message == "that is the RMSE"
    assert exercise.evaluate(-0.0123).message == "errors cancel out"


def test_an_answer_matching_two_different_mistakes_gets_no_specific_hint() -> None:
    # v0.1, lesson 01 q1: the validation RMSE (7.0013) was told "that is the error on the training set"
    # because the training MAE (6.9963) was within the tolerance and came first.
    check = expect_number(5.9583, what="MAE", known_mistakes=[
        (6.9963, "that is the error on the training set"), (7.0013, "that is the RMSE")])
    exercise = Exercise("q1", check, hint="h", solution="a = 1", answer_name="a")
    result = exercise.evaluate(7.0013)
    assert result.status == "incorrect"
    assert "training set" not in result.message and "RMSE" not in result.message
    assert "too large" in result.message
    # ... and the audit that the in-context tests run reports the collision.
    _, problems = exercise.audit(5.9583)
    assert len(problems) == 1 and "match each other" in problems[0], problems


def test_audit_reports_every_kind_of_collision() -> None:
    def checker(answer: object) -> None:   # a custom checker that builds its expect_* at check time
        expect_number(2.0, what="mean", known_mistakes=[
            (lambda v: v > 1.5, "too big: a predicate that matches the expected value"),
            (10.0, "the sum"),
        ])(answer)
        expect_array_close([1.0, 2.0], known_mistakes=[([1.0, 3.0], "a"), ([1.0, 3.0000001], "b")])([1, 2])
        expect_int(3, known_mistakes=[(4, "four"), (lambda v: v == 4, "also four"), (4, "four")])(3)

    exercise = Exercise("q1", ValueCheck(checker, expects="x"), hint="h", solution="a = 1", answer_name="a")
    result, problems = exercise.audit(2.0)
    assert result.status == "correct"
    report = "\n".join(problems)
    assert "known mistake 1 (a predicate: 'too big" in report and "matches the expected answer" in report
    assert "the sum" in report                                     # the predicate also matches 10.0
    assert "'a'" in report and "'b'" in report                     # two array probes within tolerance
    assert "'four'" in report and "'also four'" in report          # predicate vs value of another hint
    assert len(problems) == 5, report      # "also four" collides with both (4, "four") entries
    clean = Exercise("q2", expect_number(2.0, known_mistakes=[(10.0, "the sum"), (0.5, "inverted")]),
                     hint="h", solution="a = 1", answer_name="a")
    assert clean.audit(2.0) == (CheckResult("correct", ""), [])
    assert clean.audit("text")[0].status == "incorrect"


def test_correct_answers_are_validated() -> None:
    with pytest.raises(ValueError, match="correct answer 1 must assign a"):
        Exercise("q1", expect_int(1), hint="h", solution="a = 1", answer_name="a", correct_answers=["b = 1"])
    with pytest.raises(ValueError, match="list of code strings"):
        Exercise("q1", expect_int(1), hint="h", solution="a = 1", answer_name="a", correct_answers="a = 1")
    ok = Exercise("q1", expect_int(1), hint="h", solution="a = 1", answer_name="a", correct_answers=["a = 1.0\n"])
    assert ok.correct_answers == ("a = 1.0",)


def test_check_output_survives_a_console_without_emoji(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="cp949", errors="strict")
    monkeypatch.setattr(sys, "stdout", console)
    exercise = Exercise("q1", expect_number(2.0, what="R²"), hint="누수 (leakage) − 힌트", solution="a = 2",
                        answer_name="a")
    exercise.check(2.0)
    exercise.check(3.5)
    exercise.hint()
    exercise.solution()
    console.flush()
    text = raw.getvalue().decode("cp949")
    assert "[OK] Correct!" in text and "[X] Incorrect: your R2 is 3.5" in text
    assert "[hint] Hint: 누수 (leakage) - 힌트" in text and "[solution] Solution:" in text


def test_a_model_check_judges_the_whole_model() -> None:
    import keras
    from keras import layers

    check = expect_keras_model(input_shape=(4,), dense_units=[8, 1], activations=["relu", None], n_params=49)
    exercise = Exercise("q1", check, hint="h", solution="a = 1", answer_name="a")

    def model(*stack: Any, shape: tuple[int, ...] = (4,)) -> Any:
        return keras.Sequential([keras.Input(shape=shape), *stack])

    for good in (model(layers.Dense(8, activation="relu"), layers.Dense(1)),
                 model(layers.Dense(8), layers.ReLU(), layers.Dense(1)),
                 model(layers.Dense(8), layers.Activation("relu"), layers.Dense(1)),
                 model(layers.Dense(8, activation=keras.activations.relu), layers.Dense(1, activation="linear")),
                 model(layers.Dense(8, activation="relu"), layers.Dropout(0.1), layers.Dense(1))):
        assert exercise.evaluate(good).status == "correct", [layer.name for layer in good.layers]
    wrong = {
        # v0.1 lesson 03 q1: a 3-D input passed because the units and parameter count matched.
        "of shape (1, 4)": model(layers.Dense(8, activation="relu"), layers.Dense(1), shape=(1, 4)),
        "it should take 4": model(layers.Dense(8, activation="relu"), layers.Dense(1), shape=(5,)),
        "uses activation 'linear'": model(layers.Dense(8), layers.Dense(1)),
        "uses activation 'sigmoid'": model(layers.Dense(8), layers.Activation("sigmoid"), layers.Dense(1)),
        "Dense layer 2 of your model uses activation 'relu'": model(layers.Dense(8, activation="relu"),
                                                                    layers.Dense(1), layers.ReLU()),
        "two activations": model(layers.Dense(8, activation="relu"), layers.ReLU(), layers.Dense(1)),
        "before any Dense layer": model(layers.ReLU(), layers.Dense(8, activation="relu"), layers.Dense(1)),
        "has 2 units": model(layers.Dense(2, activation="relu"), layers.Dense(1)),
    }
    for piece, answer in wrong.items():
        result = exercise.evaluate(answer)
        assert result.status == "incorrect" and piece in result.message, (piece, result.message)
    # Without input_shape=, the input must still be one row of features.
    loose = Exercise("q1", expect_keras_model(dense_units=[1]), hint="h", solution="a = 1", answer_name="a")
    assert "of shape (1, 4)" in loose.evaluate(model(layers.Dense(1), shape=(1, 4))).message


def test_choice_questions_understand_natural_forms() -> None:
    sets = Exercise("q1", expect_choice("validation", {"train": "memorises", "test": "used once"}),
                    hint="h", solution="a = 1", answer_name="a")
    for good in ("validation", "the validation set", "Validation data", " VALIDATION SET. ", "검증",
                 "검증 데이터", "검증 세트", "검증셋"):
        assert sets.evaluate(good).status == "correct", good
    for bad, piece in (("the training set", "memorises"), ("훈련 데이터", "memorises"), ("학습", "memorises"),
                       ("Training data", "memorises"), ("the test set", "used once"), ("평가 데이터", "used once"),
                       ("테스트", "used once")):
        result = sets.evaluate(bad)
        assert result.status == "incorrect" and result.message == piece, (bad, result.message)
    assert "not one of the options" in sets.evaluate("the whole thing").message
    letters = Exercise("q1", expect_choice("c", {"a": "shuffled first"}, options="abcd"), hint="h",
                       solution="a = 1", answer_name="a")
    for good in ("c", "C)", "c) the last 100 days", "(c) the last 100 days", "c. the last 100 days"):
        assert letters.evaluate(good).status == "correct", good
    assert letters.evaluate("a) the first 100 days").message == "shuffled first"
    assert "not one of the options" in letters.evaluate("e) none").message
    # Sets are named only where the options are sets: "검증" is not an option of a lettered question.
    assert "not one of the options" in letters.evaluate("검증").message


def test_a_damaged_data_file_is_not_the_learners_mistake(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    # v0.1: a corrupted dataset inside a check was reported as "expects a tuple ... but your answer is a tuple".
    import helpers.datasets as datasets
    from helpers.datasets import load_dataset

    (tmp_path / "concrete.csv").write_bytes(b"changed")
    monkeypatch.setattr(datasets, "DATA_DIR", tmp_path)

    def checker(answer: Any) -> None:
        expect_int(len(load_dataset("concrete")))(answer)

    exercise = Exercise("q1", ValueCheck(checker, expects="a tuple"), hint="h", solution="a = 1", answer_name="a")
    result = exercise.evaluate((618, 206, 206))
    assert result.status == "not_checked"
    assert "not judged" in result.message and "changed or corrupted" in result.message
    assert "your answer is" not in result.message
    assert result.render().startswith("⚠️ Not checked: ")


def test_digits_cut_off_get_no_known_mistake_hint() -> None:
    # Review of v0.1+: 5.9 (5.9585 cut short) was told "that is the error on the test set" (5.899 rounds to 5.9),
    # and 0.57 (0.5763 cut short) "that uses the minimum and maximum of all cars".
    check = expect_number(5.9585, rel=1e-4, what="MAE", known_mistakes=[(5.899, "that is the test set")])
    exercise = Exercise("q1", check, hint="h", solution="a = 1", answer_name="a")
    for cut in (5.9, 5.95):
        message = exercise.evaluate(cut).message
        assert "test set" not in message and "cut digits off" in message, (cut, message)
    assert exercise.evaluate(5.899).message == "that is the test set"
    assert exercise.evaluate(5.90).message != "that is the test set"      # 5.9 could be either: no guess
    assert exercise.evaluate(5.96).status == "correct"
    # Cut short within the tolerance is still cut: 5.37 for 5.37502 (which rounds to 5.38), like 0.821 for 0.82188.
    close = Exercise("q1", expect_number(5.37502, what="RMSE"), hint="h", solution="a = 1", answer_name="a")
    assert "cut digits off" in close.evaluate(5.37).message
    assert close.evaluate(5.38).status == "correct" and close.evaluate(5.375).status == "correct"
    assert close.evaluate(5.3749).status == "correct"          # not a cut: a nearby value within the tolerance


def test_array_in_another_order_is_told_so() -> None:
    exercise = Exercise("q1", expect_array_close([0.3, -1.2, 2.5, 0.7], what="values"), hint="h",
                        solution="a = 1", answer_name="a")
    assert "in another order" in exercise.evaluate(pd.Series([0.3, -1.2, 2.5, 0.7]).sort_values()).message
    assert "1 of its 4 values is not." in exercise.evaluate([0.3, -1.2, 2.5, 0.8]).message
    assert "2 of its 4 values are not." in exercise.evaluate([0.3, -1.2, 2.6, 0.8]).message


def test_model_check_counts_trained_parameters_and_names_missing_parts() -> None:
    import keras
    from keras import layers

    exercise = Exercise("q1", expect_keras_model(input_shape=(4,), dense_units=[1], n_params=5), hint="h",
                        solution="a = 1", answer_name="a")
    normalized = keras.Sequential([keras.Input(shape=(4,)), layers.Normalization(), layers.Dense(1)])
    assert exercise.evaluate(normalized).status == "correct"       # 9 stored, untrained numbers do not count
    assert "no layers after keras.Input" in exercise.evaluate(keras.Sequential([keras.Input(shape=(4,))])).message
    no_bias = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1, use_bias=False)])
    assert "use_bias=False" in exercise.evaluate(no_bias).message


def test_choice_names_with_underscores_only_and_metric_names() -> None:
    target = Exercise("q1", expect_choice("compressive_strength", {"age": "a feature"}), hint="h",
                      solution="a = 1", answer_name="a")
    for good in ("compressive_strength", "compressive strength", "Compressive-Strength", "'compressive_strength'"):
        assert target.evaluate(good).status == "correct", good
    sets = Exercise("q1", expect_choice("train", {"validation": "no", "test": "never"}), hint="h",
                    solution="a = 1", answer_name="a")
    for good in ("train only", "only the training set", "X_train", "x_train", "훈련 데이터만", "the training data only"):
        assert sets.evaluate(good).status == "correct", good
    assert sets.evaluate("X_val").message == "no" and sets.evaluate("y_test").message == "never"
    metrics = Exercise("q1", expect_choice("mae", {"mape": "divides by 0", "r2": "no unit"}), hint="h",
                       solution="a = 1", answer_name="a")
    for good in ("MAE", "mean absolute error", "Mean Absolute Error (MAE)", "평균 절대 오차", "mae."):
        assert metrics.evaluate(good).status == "correct", good
    assert metrics.evaluate("mean absolute percentage error").message == "divides by 0"
    assert metrics.evaluate("R²").message == "no unit" and metrics.evaluate("결정 계수").message == "no unit"
    assert "not one of the options" in metrics.evaluate("mean squared error").message  # not an option here


def test_a_float32_result_is_not_taken_for_cut_digits() -> None:
    # 08 q4: a float32 RMSE (5.3750215) next to the float64 one (5.3750289) was told "cut digits off".
    exercise = Exercise("q1", expect_number(5.3750289, what="RMSE"), hint="h", solution="a = 1", answer_name="a")
    for value in (5.3750215, np.float32(5.3750289), 0.821875 / 0.821875 * 5.37503):
        assert exercise.evaluate(value).status == "correct", value
    assert "cut digits off" in exercise.evaluate(np.float32(5.37)).message


def test_scaler_fitted_on_compares_the_whole_fitted_state() -> None:
    # v0.1, lesson 08 q2: MinMaxScaler().fit(X_train) was called leakage because the training rows held every
    # column's minimum, and the check compared the minima alone, with all rows first.
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    train = pd.DataFrame({"a": [0.0, 10.0, 5.0, 2.0], "b": [1.0, 3.0, 2.0, 9.0]})
    val = pd.DataFrame({"a": [4.0, 6.0], "b": [2.5, 9.5]})
    every_row = pd.concat([train, val])
    sets = {"train": train, "all": every_row, "val": val}
    for kind in (MinMaxScaler, StandardScaler):
        assert scaler_fitted_on(kind().fit(train), sets) == "train", kind
        assert scaler_fitted_on(kind().fit(train.to_numpy(dtype="float32")), sets) == "train", kind
        assert scaler_fitted_on(kind().fit(train[["b", "a"]]), sets) == "train", kind   # columns by name
        assert scaler_fitted_on(kind().fit(every_row), sets) == "all", kind
        assert scaler_fitted_on(kind().fit(val), sets) == "val", kind
        assert scaler_fitted_on(kind().fit(train.iloc[:3]), sets) is None, kind
    # The same minima and maxima from more rows: the number of rows tells them apart.
    more = pd.concat([train, pd.DataFrame({"a": [3.0], "b": [2.0]})])
    assert scaler_fitted_on(MinMaxScaler().fit(more), {"train": train, "more": more}) == "more"
    assert scaler_fitted_on(MinMaxScaler(), sets) is None and scaler_fitted_on("scaler", sets) is None


def test_arrays_with_digits_cut_off_are_told_to_round() -> None:
    exercise = Exercise("q1", expect_array_close([-0.8196, 1.1214], what="weights"), hint="h", solution="a = 1",
                        answer_name="a")
    for cut in ([-0.81, 1.12], [-0.819, 1.12], np.trunc(np.array([-0.8196, 1.1214]) * 100) / 100):
        assert "cut digits off" in exercise.evaluate(cut).message, cut
    assert exercise.evaluate([-0.82, 1.12]).status == "correct"
    assert "cut digits off" not in exercise.evaluate([-0.5, 1.12]).message


def test_a_cut_that_keeps_five_digits_or_more_is_precise_enough() -> None:
    exercise = Exercise("q1", expect_number(23.44594, what="mean"), hint="h", solution="a = 1", answer_name="a")
    assert exercise.evaluate(23.4459).status == "correct"            # 6 digits: more than the policy asks
    assert "cut digits off" in exercise.evaluate(23.44).message        # 4 digits, cut instead of rounded
    # A float32 value of a large number is not taken for a cut at 6 decimals (lesson 05 q4's gradient).
    big = Exercise("q1", expect_array_close([-12.3456789, 40.1234567], what="gradient"), hint="h",
                   solution="a = 1", answer_name="a")
    assert big.evaluate(np.array([-12.3456789, 40.1234567], dtype="float32")).status == "correct"
