"""Unit tests of the exercise framework (helpers.exercises) and of the audit of known mistakes."""

from __future__ import annotations

import doctest
import io
import math
import sys
import types
import warnings
from typing import Any

import exercise_audit
import numpy as np
import pandas as pd
import pytest
from exercise_audit import audit

import helpers.exercises as framework
from helpers.exercises import (
    KEEP_DIGITS,
    NOT_ATTEMPTED,
    CheckResult,
    Exercise,
    Incorrect,
    ValueCheck,
    dense_layers,
    describe_type,
    expect_array_close,
    expect_choice,
    expect_fitted_scaler,
    expect_int,
    expect_keras_model,
    expect_number,
    raise_known_mistake,
    scaler_fitted_on,
)
from helpers.language import choose


def make(checker: Any, **overrides: Any) -> Exercise:
    """A throwaway exercise q1, answered in ``q1_answer``."""
    arguments = {
        "hint": "Divide the sum by the count.",
        "solution": "q1_answer = sum(data) / len(data)",
    }
    return Exercise("q1", checker, **{**arguments, **overrides})


def message(checker: Any, answer: Any, status: str = "incorrect") -> str:
    result = make(checker).evaluate(answer)
    assert result.status == status, result
    return result.message


RMSE = make(
    expect_number(
        3.0,
        what="RMSE",
        known_mistakes={
            9.0: "your value is the MSE: did you forget the square root?",
            lambda v: math.isclose(v, 30.0): "your value is 10 times too large: check the units.",
            lambda v: v < 0: "an error is never negative.",
        },
    ),
    correct_message="RMSE is in the units of the target.",
)


class Hostile:
    """An object that breaks everything a check might try on it."""

    def _fail(self, *args: Any) -> Any:
        raise RuntimeError("hostile object")

    __eq__ = __ne__ = __lt__ = __gt__ = __repr__ = __str__ = __float__ = __int__ = __index__ = _fail
    __bool__ = __len__ = __iter__ = __getitem__ = __array__ = __hash__ = _fail


def printed(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.err == "" and "Traceback" not in captured.out, captured
    return captured.out


# --- outcomes and what check() prints --------------------------------------------------------


def test_correct_prints_the_correct_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert RMSE.evaluate(3.0) == CheckResult("correct", "RMSE is in the units of the target.")
    assert RMSE.evaluate(3.0).is_correct
    assert RMSE.check(np.float32(3.0001)) is None
    make(expect_int(4)).check(4)
    assert printed(capsys) == "✅ Correct! RMSE is in the units of the target.\n✅ Correct!\n"


@pytest.mark.parametrize(
    "answer",
    [
        ...,
        (..., 1),
        [1, [2, ...]],
        {"a": ...},
        {...: 1},
        {1, ...},
        np.array([1, ...], dtype=object),
    ],
    ids=repr,
)
def test_not_attempted(answer: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert RMSE.evaluate(answer) == CheckResult("not_attempted", NOT_ATTEMPTED)
    RMSE.check(answer)
    RMSE.check()
    assert printed(capsys) == f"⏳ Not attempted yet: {NOT_ATTEMPTED}\n" * 2


def test_ellipsis_deep_or_far_inside_a_container_counts_as_an_attempt() -> None:
    deep: Any = ...
    for _ in range(20):
        deep = [deep]
    assert make(expect_int(1)).evaluate(deep).status == "incorrect"
    assert make(expect_int(1)).evaluate([0] * 50_000 + [...]).status == "incorrect"


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (9.0, "did you forget the square root?"),
        (30.0, "10 times too large"),
        (-3.0, "never negative"),
        (4.0, "your RMSE is 4, which is too large."),
        (2.0, "your RMSE is 2, which is too small."),
        ("x", "your RMSE is text (a str), not a number: remove the quotes."),
        (Hostile(), "your RMSE should be a single number, not a "),
    ],
)
def test_incorrect_prints_one_line_with_the_hint(
    answer: Any, hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    result = RMSE.evaluate(answer)
    assert result.status == "incorrect" and hint in result.message
    RMSE.check(answer)
    out = printed(capsys)
    assert out.startswith("❌ Incorrect: ") and hint in out and out.count("\n") == 1


def test_hint_solution_and_repr(capsys: pytest.CaptureFixture[str]) -> None:
    exercise = make(
        expect_number(2.5), solution="total = sum(data)\nq1_answer = total / len(data)\n"
    )
    assert exercise.hint() is None and exercise.solution() is None
    assert printed(capsys) == (
        "💡 Hint: Divide the sum by the count.\n"
        "📝 Solution:\ntotal = sum(data)\nq1_answer = total / len(data)\n"
    )
    assert repr(exercise) == "<Exercise q1: q1.check(q1_answer), q1.hint(), q1.solution()>"
    assert (
        Exercise("q2", expect_int(1), hint="h", solution="a = 1", answer_name="a").answer_name
        == "a"
    )


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("encoding", ["cp949", "ascii"])
def test_messages_print_on_a_console_without_emoji(
    encoding: str, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding=encoding, errors="strict"))
    exercise = make(expect_number(2.0, what="R²"), hint="누수 (leakage) − 힌트")
    choose(language)
    try:
        for show in (lambda: exercise.check(2.0), lambda: exercise.check(3.5)):
            show()
        exercise.hint()
        exercise.solution()
    finally:
        choose("en")
    sys.stdout.flush()
    text = raw.getvalue().decode(encoding)
    expected = {
        "en": ["[OK] Correct!", "[X] Incorrect: your R2 is 3.5", "[solution] Solution:"],
        "ko": [
            "[OK] 정답입니다!",
            "[X] 오답: 입력한 R2 값(3.5)이 너무 큽니다.",
            "[solution] 풀이:",
        ],
    }[language]
    if encoding == "ascii":  # Hangul cannot be shown: question marks, never an exception
        expected = [line.encode("ascii", errors="replace").decode() for line in expected]
    assert all(line in text for line in expected), text
    hint = "누수 (leakage) - 힌트" if encoding == "cp949" else "?? (leakage) - ??"
    assert ("[hint] " + ("Hint: " if language == "en" else "힌트: ") + hint).encode(
        encoding, errors="replace"
    ).decode(encoding) in text


# --- a check that fails in an unexpected way never shows a traceback ---------------------------


def _raises(exception: BaseException) -> Any:
    def checker(answer: Any) -> None:
        raise exception

    return checker


class BadMessage(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no message either")


@pytest.mark.parametrize(
    "exception",
    [
        TypeError("unsupported operand"),
        KeyError("mpg"),
        ZeroDivisionError(),
        RecursionError(),
        MemoryError(),
        BadMessage(),
    ],
    ids=lambda e: type(e).__name__,
)
def test_unexpected_exceptions_become_a_friendly_message(
    exception: Exception, capsys: pytest.CaptureFixture[str]
) -> None:
    exercise = make(_raises(exception), expects="a pandas Series")
    result = exercise.evaluate([1, 2])
    assert (
        result.message == "this exercise expects a pandas Series, but your answer is a list. "
        "Check what you assigned to q1_answer."
    )
    assert type(exception).__name__ in result.detail
    exercise.check(pd.DataFrame({"a": [1]}))
    assert printed(capsys) == (
        "❌ Incorrect: this exercise expects a pandas Series, but your answer is a "
        "pandas.DataFrame. "
        "Check what you assigned to q1_answer.\n"
    )
    assert "expects a different kind of value" in make(_raises(exception)).evaluate(1).message


def test_a_keras_error_becomes_a_friendly_message() -> None:
    import keras

    def predicts_five_features(answer: Any) -> None:
        answer.predict(np.zeros((2, 5)), verbose=0)

    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    checker = ValueCheck(predicts_five_features, "a model that takes 5 features")
    assert message(checker, model).startswith(
        "this exercise expects a model that takes 5 features, but your answer is a "
        "keras.Sequential."
    )


def test_what_a_check_must_not_do() -> None:
    with pytest.raises(KeyboardInterrupt):  # the stop button stops a check
        make(_raises(KeyboardInterrupt())).evaluate(1)
    assert "check is broken" in message(lambda answer: answer == 3, 3)  # a check returns None

    def noisy(answer: Any) -> None:
        warnings.warn("deprecated", DeprecationWarning, stacklevel=1)
        np.log(np.zeros(1))  # RuntimeWarning: divide by zero

    assert make(noisy).evaluate(1).status == "correct"  # and its warnings are not shown


def test_a_damaged_data_file_is_not_the_learners_mistake(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    # v0.1: a corrupted dataset inside a check was reported as "expects a tuple ... but your
    # answer is a tuple".
    import helpers.datasets as datasets

    (tmp_path / "concrete.csv").write_bytes(b"changed")
    monkeypatch.setattr(datasets, "DATA_DIR", tmp_path)
    exercise = make(lambda answer: expect_int(len(datasets.load_dataset("concrete")))(answer))
    result = exercise.evaluate((618, 206, 206))
    assert (
        result.status == "not_checked"
        and "not judged" in result.message
        and "changed or corrupted" in result.message
    )
    assert "your answer is" not in result.message


# --- weird answers -------------------------------------------------------------------------------


def _is_three(answer: Any) -> None:
    if not answer == 3:
        raise Incorrect("not 3")


CHECKERS = {
    "number": expect_number(3.0),
    "int": expect_int(3),
    "array": expect_array_close([1.0, 2.0]),
    "choice": expect_choice("b", options="abc"),
    "model": expect_keras_model(dense_units=[1]),
    "scaler": expect_fitted_scaler(np.zeros((3, 2)), fit_on="X_train"),
    "custom ==": _is_three,
}


@pytest.mark.parametrize("kind", CHECKERS)
@pytest.mark.parametrize(
    "answer",
    [Hostile(), None, "3", np.zeros(2_000_000), b"3", True, {"a": 1}, print],
    ids=["hostile", "None", "str", "huge-array", "bytes", "bool", "dict", "function"],
)
def test_weird_answers_give_one_short_line(kind: str, answer: Any) -> None:
    text = message(CHECKERS[kind], answer)
    assert 0 < len(text) < 200 and "\n" not in text
    if answer is None:
        assert text.startswith("your answer is None: print() returns None, and so do the methods")


# --- expect_number, expect_int -------------------------------------------------------------------


def test_expect_number_accepts_numbers_of_any_kind() -> None:
    for answer in (2.5, 2.5005, np.float64(2.5), np.array(2.5), pd.Series([2.5]).mean(), 5 / 2):
        assert make(expect_number(2.5)).evaluate(answer).is_correct, answer
    # One value in an array, a Series or a tensor is that number (02 q1 and 04 q2 alike: review
    # of the Korean edition); more values are not.
    for answer in (np.array([2.5]), np.array([[2.5]]), pd.Series([2.5]), TensorLike()):
        assert make(expect_number(2.5)).evaluate(answer).is_correct, answer
    assert make(expect_number(0.0, abs=1e-6)).evaluate(1e-7).is_correct


class TensorLike:
    """Like a one-value tf tensor (07 q2): its shape is no tuple (a TensorShape); no .item()."""

    shape = [1]

    def __float__(self) -> float:
        return 2.5


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (
            np.array([1.0, 2.0, 3.0]),
            "your mean is a numpy.ndarray of shape (3,), but a single number was expected.",
        ),
        (True, "your mean should be a single number, not a bool."),
        (np.True_, "your mean should be a single number, not a numpy.bool"),
        (float("nan"), "your mean is nan: is a value missing in the data"),
        (float("inf"), "your mean is inf: is a value missing in the data, or did you divide by 0?"),
        ([1, 2], "your mean is a list of 2 items, but a single number was expected."),
        ([1.0], "a list of 1 item,"),
        (pd.Series([1.0, 4.0]).mean, "your mean is a method or function, not its result: call it"),
        (2.5 + 0j, "not a complex"),
    ],
)
def test_expect_number_says_why_an_answer_is_not_a_number(answer: Any, hint: str) -> None:
    assert hint in message(expect_number(2.5, what="mean"), answer)


def test_expect_number_can_hide_the_direction() -> None:
    assert (
        message(expect_number(2.5, reveal_direction=False), 3.7)
        == "your answer is 3.7, which is not right."
    )


def test_expect_int() -> None:
    assert make(expect_int(10**20)).evaluate(10**20).is_correct
    assert "too small" in message(expect_int(10**20), 10**20 - 1)  # exact beyond 2**53
    for answer in (3.0, np.int64(3)):
        assert make(expect_int(3)).evaluate(answer).is_correct
    assert "your answer is 3.5, but a whole number was expected." == message(expect_int(3), 3.5)
    assert "remove the quotes" in message(expect_int(3), "3")
    assert (
        message(expect_int(4, known_mistakes=[(3, "count the output layer too.")]), 3)
        == "count the output layer too."
    )


# --- the rounding policy: 2 decimals or 3 significant digits; coarser is "rounded too much" ---

ROUNDING_CASES = [
    # expected, answer, status ("correct", "too much", "cut" or "other")
    (0.5763, 0.5763, "correct"), (0.5763, 0.58, "correct"), (0.5763, 0.576, "correct"),
    (0.5763, 0.5763001, "correct"), (0.5763, 0.6, "too much"), (0.5763, 1, "too much"),
    (0.5763, 0.57, "cut"), (0.5763, 0.573, "other"), (0.5763, 0.59, "other"),
    (7.0013, 7.0, "correct"), (7.0013, 7, "correct"),
    (5.9583, 5.96, "correct"), (5.9583, 5.958, "correct"), (5.9583, 6.0, "too much"),
    (5.9583, 5.9, "cut"), (5.9583, 5.95, "cut"), (5.9583, 5.8, "other"),
    (4337.42, 4337.4, "correct"), (4337.42, 4340, "correct"), (4337.42, 4300, "too much"),
    (4337.42, 4000, "too much"), (4337.42, 0, "other"), (4337.42, 4337, "correct"),
    (4337.42, 4338, "other"),
    (0.125, 0.13, "correct"), (0.125, 0.12, "correct"),  # either way of rounding a half
    (0.0523, 0.05, "correct"), (0.0523, 0.0523, "correct"),  # the value a lesson prints: 0.05
    (0.0149, 0.01, "too much"), (0.0149, 0.0149, "correct"), (0.0012, 0.0, "other"),
    (-2.3456, -2.35, "correct"), (-2.3456, -2.3, "too much"), (-2.3456, 2.35, "other"),
    (23.4459, 23.45, "correct"), (23.4459, 23.4, "correct"), (23.4459, 23, "too much"),
    (0.81, 0.81, "correct"), (1e6 + 0.4, 1e6, "correct"),
    (5.37502, 5.37, "cut"), (5.37502, 5.38, "correct"), (5.37502, 5.375, "correct"),
    (23.44594, 23.4459, "correct"), (23.44594, 23.44, "cut"),  # 6 digits kept: precise enough
]  # fmt: skip


@pytest.mark.parametrize(("expected", "answer", "status"), ROUNDING_CASES)
def test_rounding_policy_for_numbers(expected: float, answer: float, status: str) -> None:
    exercise = make(expect_number(expected, rel=1e-6, what="RMSE"))
    for form in (answer, np.array(answer), *([np.float32(answer)] if status != "correct" else [])):
        result = exercise.evaluate(form)
        assert (result.status == "correct") == (status == "correct"), (form, result)
        assert ("rounded too much" in result.message) == (status == "too much"), (form, result)
        assert ("cut digits off" in result.message) == (status == "cut"), (form, result)
        if status == "too much":
            assert "too large" not in result.message and "too small" not in result.message
        if status == "other":
            assert "round" not in result.message, result
    # Within the tolerance is right, unless it is the right digits cut off.
    assert make(expect_number(5.37502)).evaluate(5.3749).is_correct
    assert "cut digits off" in message(expect_number(5.37502), 5.37)


def test_a_float32_result_is_not_taken_for_cut_digits() -> None:
    # 08 q4: a float32 RMSE (5.3750215) next to the float64 one (5.3750289) was told "cut digits".
    exercise = make(expect_number(5.3750289, what="RMSE"))
    for value in (5.3750215, np.float32(5.3750289), 0.821875 / 0.821875 * 5.37503):
        assert exercise.evaluate(value).is_correct, value
    assert "cut digits off" in exercise.evaluate(np.float32(5.37)).message


@pytest.mark.parametrize("decimals", [2, 3, 4])
def test_float32_values_rounded_in_float32_are_judged_at_float32_precision(decimals: int) -> None:
    # Review 05-09: np.round(float32, d) was judged at float64 and read as "digits cut" (51 % at 2).
    rng = np.random.default_rng(decimals)
    signs, sizes = rng.choice([-1, 1], 1000), rng.uniform(0.1, 1000, 1000)
    targets = (signs * sizes).astype("float32")
    for target in targets:
        result = make(expect_number(float(target))).evaluate(np.round(target, decimals))
        assert result.is_correct, (target, result.message)
    pairs = targets.reshape(-1, 2)
    for pair in pairs[:200]:
        assert make(expect_array_close(pair)).evaluate(np.round(pair, decimals)).is_correct, pair
    # Real cuts and too much rounding are still caught, float32 or not.
    check = expect_number(23.446, rel=1e-6)
    for form in (23.44, np.float32(23.44), np.trunc(np.float32(23.446) * 100) / 100):
        assert "cut digits off" in message(check, form), form
    for form in (23, np.float32(23.0), np.round(np.float32(23.446), 0)):
        assert "rounded too much" in message(check, form), form
    weights = expect_array_close(np.array([-0.8196, 1.1214]))
    assert "cut digits off" in message(weights, np.array([-0.81, 1.12], dtype="float32"))
    assert "rounded too much" in message(weights, np.array([-0.8, 1.1], dtype="float32"))


def test_known_mistakes_match_rounded_but_never_cut_digits() -> None:
    # Review of v0.1+: 5.9 (5.9585 cut short) was told "that is the test set" (5.899 rounds to 5.9).
    check = expect_number(
        5.9585, rel=1e-4, what="MAE", known_mistakes=[(5.899, "that is the test set")]
    )
    for cut in (5.9, 5.95):
        assert "test set" not in message(check, cut) and "cut digits off" in message(check, cut)
    assert message(check, 5.899) == "that is the test set"
    assert make(check).evaluate(5.96).is_correct
    rmse = expect_number(
        5.9583, rel=1e-6, known_mistakes={8.3419: "that is the RMSE", -0.0123: "errors cancel out"}
    )
    assert (
        message(rmse, 8.34) == "that is the RMSE" and message(rmse, -0.0123) == "errors cancel out"
    )


def test_an_answer_matching_two_different_mistakes_gets_no_specific_hint() -> None:
    # v0.1, lesson 01 q1: the validation RMSE (7.0013) was told "that is the training set's error"
    # because the training MAE (6.9963) was within the tolerance and came first.
    check = expect_number(
        5.9583, what="MAE", known_mistakes={6.9963: "the training set", 7.0013: "the RMSE"}
    )
    assert message(check, 7.0013) == "your MAE is 7.0013, which is too large."
    assert [
        p for p in audit(make(check), 5.9583)[1] if "match each other" in p
    ]  # the audit reports it


# --- expect_array_close --------------------------------------------------------------------------

PREDICTIONS = expect_array_close(
    [1.0, 2.0, 3.0],
    what="predictions",
    known_mistakes=[([3.0, 2.0, 1.0], "your predictions are in reverse order.")],
)


@pytest.mark.parametrize(
    ("checker", "answer", "hint"),
    [
        (PREDICTIONS, [3, 2, 1], "your predictions are in reverse order."),
        (
            PREDICTIONS,
            [[1.0], [2.0], [3.0]],
            "is (3, 1), but (3,) was expected: .ravel() makes a column flat.",
        ),
        (PREDICTIONS, [1.0, 2.0], "is (2,), but (3,) was expected."),
        (
            PREDICTIONS,
            [1.0, 2.0, 4.0],
            "the shape of your predictions is right; wrong values: 1 of 3.",
        ),
        (PREDICTIONS, [1.0, float("nan"), 3.0], "NaN"),
        (PREDICTIONS, [1.0, [2.0, 3.0], 3.0], "could not be read as an array of numbers"),
        (PREDICTIONS, ["a", "b", "c"], "could not be read as an array of numbers"),
        (PREDICTIONS, "1 2 3", "should be an array of numbers, not text (a str)."),
        (
            expect_array_close([[1.0], [2.0]]),
            [1.0, 2.0],
            ".reshape(-1, 1) makes a flat array a column.",
        ),
        (expect_array_close([[1.0, 2.0, 3.0]]), [[1.0], [2.0], [3.0]], ".T transposes"),
        (
            expect_array_close([1.0, 2.0], known_mistakes={lambda a: a.ndim == 2: "flatten"}),
            [[1.0, 2.0]],
            "flatten",
        ),
        (
            expect_array_close([0.3, -1.2, 2.5, 0.7]),
            pd.Series([0.3, -1.2, 2.5, 0.7]).sort_values(),
            "but sorted: keep the rows in their original order (no sorting).",
        ),
        (  # shuffled, not sorted: no "no sorting" (review of lessons 00-04)
            expect_array_close([0.3, -1.2, 2.5, 0.7]),
            pd.Series([0.3, -1.2, 2.5, 0.7]).iloc[[2, 0, 3, 1]],
            "in another order: keep the rows in their original order.",
        ),
        (
            expect_array_close([0.3, -1.2, 2.5, 0.7]),
            [0.3, -1.2, 2.6, 0.8],
            "wrong values: 2 of 4.",
        ),
    ],
)
def test_expect_array_close_hints(checker: ValueCheck, answer: Any, hint: str) -> None:
    assert hint in message(checker, answer)


def test_expect_array_close_accepts_arrays_of_any_kind() -> None:
    for answer in (
        [1, 2, 3],
        np.array([1.0, 2.0, 3.0001]),
        pd.Series([1.0, 2.0, 3.0]),
        (1.0, 2.0, 3.0),
    ):
        assert make(PREDICTIONS).evaluate(answer).is_correct
    assert (
        make(expect_array_close([1.0, 2.0, 3.0], squeeze=True))
        .evaluate([[1.0], [2.0], [3.0]])
        .is_correct
    )


def test_rounding_policy_for_arrays() -> None:
    target = np.array([0.5763, -1.23456, 12.3456])
    check = expect_array_close(target, rel=1e-6, abs=1e-9, what="values")
    for answer in (
        np.round(target, 2),
        np.round(target, 3),
        pd.Series(np.round(target, 2)),
        [0.576, -1.23, 12.3],
    ):
        assert make(check).evaluate(answer).is_correct, answer
    assert (
        message(check, np.round(target, 1))
        == f"your values are the right values rounded too much. {KEEP_DIGITS}"
    )
    other = message(check, np.round(target, 2) + [0, 0, 0.5])
    assert "round" not in other and "1 of 3" in other
    # Values near 0 among larger ones round with their neighbours (v0.1's 02 q4 standardized).
    standardized = np.array([0.00638, -0.0647, 1.2345, -2.0411])
    near_zero = expect_array_close(standardized, rel=1e-6, abs=1e-9)
    assert all(make(near_zero).evaluate(np.round(standardized, d)).is_correct for d in (2, 3))
    assert "rounded too much" in message(near_zero, np.round(standardized, 1))
    assert "round" not in message(near_zero, np.zeros(4))


def test_arrays_with_digits_cut_off_are_told_to_round() -> None:
    check = expect_array_close([-0.8196, 1.1214], what="weights")
    for cut in ([-0.81, 1.12], [-0.819, 1.12], np.trunc(np.array([-0.8196, 1.1214]) * 100) / 100):
        assert "cut digits off" in message(check, cut), cut
    assert make(check).evaluate([-0.82, 1.12]).is_correct
    assert "cut digits off" not in message(check, [-0.5, 1.12])
    # A float32 copy of a large number is not a cut at 6 decimals (lesson 05 q4's gradient).
    big = expect_array_close([-12.3456789, 40.1234567])
    assert make(big).evaluate(np.array([-12.3456789, 40.1234567], dtype="float32")).is_correct


# --- expect_choice -------------------------------------------------------------------------------

LETTERS = expect_choice("b", {"a": "MSE is in squared units."}, options="abcd")
SETS = expect_choice("validation", {"train": "memorises", "test": "used once"})
METRICS = expect_choice("mae", {"mape": "divides by 0", "r2": "no unit"})
TARGET = expect_choice("compressive_strength", {"age": "a feature"})
ALIASED = expect_choice(
    "validation", {"test": "used once"}, options=["train"], aliases={"val set": "validation"}
)


@pytest.mark.parametrize(
    ("checker", "answers"),
    [
        (
            LETTERS,
            [
                "b",
                "B",
                " b ",
                "b)",
                "(B)",
                "b.",
                "b) the last 100 days",
                "(b) the last",
                "b. the last",
            ],
        ),
        (
            SETS,
            [
                "validation",
                "the validation set",
                "Validation data",
                " VALIDATION SET. ",
                "검증",
                "검증 데이터",
            ],
        ),
        (
            SETS,
            ["검증 세트", "검증셋", "X_val", "valid", "only the validation rows", "검증만"],
        ),
        (
            METRICS,
            [
                "MAE",
                "mean absolute error",
                "Mean Absolute Error (MAE)",
                "MAE (mean absolute error)",
            ],
        ),
        (METRICS, ["평균 절대 오차", "mae.", "mean_absolute_error"]),
        (
            TARGET,
            [
                "compressive_strength",
                "compressive strength",
                "Compressive-Strength",
                "'compressive_strength'",
            ],
        ),
        (ALIASED, [" Val set ", "validation"]),
        (
            expect_choice("train", {"test": "x"}),
            ["train only", "only the training set", "x_train", "훈련 데이터만"],
        ),
        (expect_choice("Yes", {"no": "look again"}), ["YES"]),
    ],
)
def test_choice_understands_natural_forms(checker: ValueCheck, answers: list[str]) -> None:
    for answer in answers:
        assert make(checker).evaluate(answer).is_correct, answer


@pytest.mark.parametrize(
    ("checker", "answer", "hint"),
    [
        (LETTERS, " A\n", "MSE is in squared units."),
        (LETTERS, "a) the first 100 days", "MSE is in squared units."),
        (LETTERS, "c", "that is not the right option: read the question again."),
        (LETTERS, "z", "'z' is not one of the options a, b, c, d: answer with one, in quotes."),
        (LETTERS, "e) none", "not one of the options"),
        (
            LETTERS,
            "검증",
            "not one of the options",
        ),  # sets are named only where the options are sets
        (LETTERS, 2, "answer with one of the options a, b, c, d as text in quotes, not an int."),
        (SETS, "the training set", "memorises"),
        (SETS, "훈련 데이터", "memorises"),
        (SETS, "학습", "memorises"),
        (SETS, "Training data", "memorises"),
        (SETS, "y_test", "used once"),
        (SETS, "평가 데이터", "used once"),
        (SETS, "the whole thing", "not one of the options"),
        (METRICS, "mean absolute percentage error", "divides by 0"),
        (METRICS, "R²", "no unit"),
        (METRICS, "결정 계수", "no unit"),
        (
            METRICS,
            "mean squared error",
            "not one of the options",
        ),  # a metric, but not an option here
        (ALIASED, "train", "that is not the right option"),
        (ALIASED, "dev", "not one of the options test, train, validation: answer"),
    ],
)
def test_choice_hints(checker: ValueCheck, answer: Any, hint: str) -> None:
    assert hint in message(checker, answer)


# --- expect_keras_model, dense_layers ------------------------------------------------------------


def _model(*stack: Any, shape: tuple[int, ...] = (4,)) -> Any:
    import keras

    return keras.Sequential([keras.Input(shape=shape), *stack])


def test_a_model_check_judges_the_whole_model() -> None:
    import keras
    from keras import layers

    check = expect_keras_model(
        input_shape=(4,), dense_units=[8, 1], activations=["relu", None], n_params=49
    )
    for good in (
        _model(layers.Dense(8, activation="relu"), layers.Dense(1)),
        _model(layers.Dense(8), layers.ReLU(), layers.Dense(1)),
        _model(layers.Dense(8), layers.Activation("relu"), layers.Dense(1)),
        _model(
            layers.Dense(8, activation=keras.activations.relu), layers.Dense(1, activation="linear")
        ),
        _model(layers.Dense(8, activation="relu"), layers.Dropout(0.1), layers.Dense(1)),
        _model(
            layers.Normalization(), layers.Dense(8, activation="relu"), layers.Dense(1)
        ),  # stores 9 numbers
    ):
        assert make(check).evaluate(good).is_correct, [layer.name for layer in good.layers]
    assert dense_layers(_model(layers.Dense(8), layers.LeakyReLU(), layers.Dense(1))) == [
        (8, "leaky_relu"),
        (1, "linear"),
    ]


@pytest.mark.parametrize(
    ("stack", "shape", "hint"),
    [
        # v0.1 lesson 03 q1: a 3-D input passed because the units and parameter count matched.
        (
            lambda L: [L.Dense(8, activation="relu"), L.Dense(1)],
            (1, 4),
            "of shape (1, 4), a table of tables",
        ),
        (
            lambda L: [L.Dense(8, activation="relu"), L.Dense(1)],
            (5,),
            "takes 5 inputs (keras.Input(shape=(5,))); it should take 4",
        ),
        (
            lambda L: [L.Dense(8), L.Dense(1)],
            (4,),
            "uses activation 'linear'; it should use 'relu'",
        ),
        (
            lambda L: [L.Dense(8, activation="relu"), L.Dense(1, activation="relu")],
            (4,),
            "it should have none: leave out activation=...",
        ),
        (
            lambda L: [L.Dense(8), L.Activation("sigmoid"), L.Dense(1)],
            (4,),
            "uses activation 'sigmoid'",
        ),
        (
            lambda L: [L.Dense(8, activation="relu"), L.Dense(1), L.ReLU()],
            (4,),
            "Dense layer 2 of your model uses activation 'relu'",
        ),
        (
            lambda L: [L.Dense(8, activation="relu"), L.ReLU(), L.Dense(1)],
            (4,),
            "two activations ('relu', then 'relu')",
        ),
        (
            lambda L: [L.ReLU(), L.Dense(8, activation="relu"), L.Dense(1)],
            (4,),
            "before any Dense layer",
        ),
        (
            lambda L: [L.Dense(2, activation="relu"), L.Dense(1)],
            (4,),
            "Dense layer 1 of your model has 2 units; it should have 8",
        ),
        (
            lambda L: [L.Dense(1)],
            (4,),
            "your model has 1 Dense layer, but the exercise asks for 2 Dense layers.",
        ),
        (
            lambda L: [L.Dense(8, activation="relu"), L.Dense(1, use_bias=False)],
            (4,),
            "Dense layer 2 of your model has no bias (use_bias=False)",
        ),
        (lambda L: [], (4,), "has no layers after keras.Input"),
    ],
)
def test_a_model_check_names_what_is_wrong(stack: Any, shape: tuple[int, ...], hint: str) -> None:
    from keras import layers

    check = expect_keras_model(
        input_shape=(4,), dense_units=[8, 1], activations=["relu", None], n_params=49
    )
    assert hint in message(check, _model(*stack(layers), shape=shape))


def test_a_model_check_of_other_answers() -> None:
    import keras

    dense = keras.layers.Dense
    check = expect_keras_model(
        dense_units=[8, 1],
        n_params=49,
        known_mistakes={lambda m: m.layers[-1].get_config()["activation"] == "relu": "no relu."},
    )
    assert "not built yet" in message(
        check, keras.Sequential([dense(8, activation="relu"), dense(1)])
    )
    assert "your model is a single layer (Dense), not a model" in message(check, dense(1))
    assert "should be a Keras model, not a list" in message(check, [dense(8), dense(1)])
    assert message(check, _model(dense(8), dense(1, activation="relu"))) == "no relu."
    assert "your model has 57 trained parameters; the model asked for has 49" in message(
        check, _model(dense(8), dense(1), shape=(5,))
    )
    assert "of shape (1, 4)" in message(
        expect_keras_model(dense_units=[1]), _model(dense(1), shape=(1, 4))
    )


# --- scalers -------------------------------------------------------------------------------------

TRAIN = pd.DataFrame({"a": [0.0, 10.0, 5.0, 2.0], "b": [1.0, 3.0, 2.0, 9.0]})
VAL = pd.DataFrame({"a": [4.0, 6.0], "b": [2.5, 9.5]})
EVERY_ROW = pd.concat([TRAIN, VAL])


SCALER = expect_fitted_scaler(
    TRAIN,
    fit_on="X_train",
    known_mistakes=[(EVERY_ROW, "leakage"), (lambda s: s.n_features_in_ == 1, "one column")],
)


@pytest.mark.parametrize("kind", ["MinMaxScaler", "StandardScaler"])
def test_scaler_fitted_on_compares_the_whole_fitted_state(kind: str) -> None:
    # v0.1, lesson 08 q2: MinMaxScaler().fit(X_train) was called leakage because the training rows
    # held every column's minimum, and the check compared the minima alone, with all rows first.
    import sklearn.preprocessing

    scaler = getattr(sklearn.preprocessing, kind)
    sets = {"train": TRAIN, "all": EVERY_ROW, "val": VAL}
    for rows, name in [(TRAIN, "train"), (TRAIN.to_numpy("float32"), "train"),
                       (TRAIN[["b", "a"]], "train"), (EVERY_ROW, "all"), (VAL, "val"),
                       (TRAIN.iloc[:3], None)]:  # fmt: skip
        assert scaler_fitted_on(scaler().fit(rows), sets) == name
    # The same minima and maxima from more rows: the number of rows tells them apart.
    more = pd.concat([TRAIN, pd.DataFrame({"a": [3.0], "b": [2.0]})])
    assert scaler_fitted_on(scaler().fit(more), {"train": TRAIN, "more": more}) == "more"


def test_expect_fitted_scaler_accepts_a_scaler_fitted_on_the_training_rows() -> None:
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    for scaler in (
        StandardScaler().fit(TRAIN),
        MinMaxScaler((-1, 1)).fit(TRAIN.to_numpy("float32")),
        MinMaxScaler().fit(TRAIN[["b", "a"]]),
    ):
        assert make(SCALER).evaluate(scaler).is_correct
    assert "a fitted StandardScaler or MinMaxScaler (sklearn.preprocessing), not a list" in message(
        SCALER, [1]
    )


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (
            lambda S, M: S,
            "that is the class StandardScaler itself: make a scaler with StandardScaler() and fit "
            "it, StandardScaler().fit(X_train).",
        ),
        (
            lambda S, M: S().fit_transform(TRAIN),
            "that is scaled data; the answer is the fitted scaler itself",
        ),
        (lambda S, M: TRAIN, "that is scaled data"),
        (lambda S, M: S(), "your scaler is not fitted yet: call .fit(X_train) on it."),
        (
            lambda S, M: S(with_mean=False).fit(TRAIN),
            "made with with_mean=False: use StandardScaler() with its default settings",
        ),
        (
            lambda S, M: S(with_std=False).fit(TRAIN),
            "made with with_std=False: use StandardScaler() with its default",
        ),
        (lambda S, M: M().fit(EVERY_ROW), "leakage"),
        (lambda S, M: S().fit(TRAIN[["a"]]), "one column"),
        (
            lambda S, M: S().fit(EVERY_ROW.assign(c=1.0)),
            "your scaler was fitted on 3 columns; fit it on the 2 feature columns of X_train.",
        ),
        (
            lambda S, M: S().fit(TRAIN + 1),
            "your scaler learned from 4 rows, but not those of X_train: fit it on X_train itself.",
        ),
        (lambda S, M: S().fit(VAL), "your scaler learned from 2 rows; fit it on X_train (4 rows)."),
    ],
)
def test_expect_fitted_scaler_hints(answer: Any, hint: str) -> None:
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    assert hint in message(SCALER, answer(StandardScaler, MinMaxScaler))


# --- raise_known_mistake, describe_type, the module's docstrings ----------------------------


def test_raise_known_mistake() -> None:
    with pytest.raises(Incorrect, match="zero"):
        raise_known_mistake(
            0, [(lambda v: 1 / v > 0, "never"), (0, "zero")]
        )  # a raising probe does not match
    with pytest.raises(Incorrect, match="too big"):
        raise_known_mistake(10, {0: "zero?", lambda v: v > 5: "too big"})
    raise_known_mistake(
        Hostile(), [(1, "never"), (lambda v: v > 0, "never")]
    )  # nothing matches, no error
    raise_known_mistake(10, [(10, "the sum"), (lambda v: v > 5, "too big")])  # two hints: none


def test_describe_type() -> None:
    import keras

    assert (
        describe_type(None) == "NoneType"
        and describe_type(pd.Series(dtype=float)) == "pandas.Series"
    )
    assert describe_type(keras.layers.Dense(1)) == "keras.Dense"
    assert (
        describe_type(Hostile()) == f"{__name__.split('.')[0]}.Hostile"
    )  # never calls the broken __repr__
    assert (
        describe_type(type("Learner", (), {"__module__": "__main__"})()) == "Learner"
    )  # a notebook's class


@pytest.mark.parametrize("module", [framework, exercise_audit], ids=lambda m: m.__name__)
def test_docstring_examples(module: types.ModuleType) -> None:
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0


# --- the audit of known mistakes (tests/exercise_audit.py, run by the harness on every answer)


def test_audit_reports_every_kind_of_collision() -> None:
    def checker(
        answer: object,
    ) -> None:  # a check of a lesson, that builds its expect_* while checking
        expect_number(
            2.0,
            known_mistakes=[(lambda v: v > 1.5, "too big: matches the answer"), (10.0, "the sum")],
        )(answer)
        expect_array_close([1.0, 2.0], known_mistakes=[([1.0, 3.0], "a"), ([1.0, 3.0000001], "b")])(
            [1, 2]
        )
        expect_int(
            3,
            known_mistakes=[
                (4, "four"),
                (lambda v: v == 4, "also four"),
                (4, "four"),
                (3, "three"),
            ],
        )(3)

    result, problems = audit(make(checker), 2.0)
    assert result.is_correct
    assert problems == [
        "known mistake 1 (a predicate: 'too big: matches the answer') matches the expected answer",
        "known mistakes 1 (a predicate: 'too big: matches the answer') and 2 (10.0: 'the sum') "
        "match each other",
        "known mistakes 1 ([1.0, 3.0]: 'a') and 2 ([1.0, 3.0000001]: 'b') match each other",
        "known mistake 4 (3: 'three') is accepted as the answer",
        "known mistakes 1 (4: 'four') and 2 (a predicate: 'also four') match each other",
        "known mistakes 2 (a predicate: 'also four') and 3 (4: 'four') match each other",
    ]
    clean = make(expect_number(2.0, known_mistakes={10.0: "the sum", 0.5: "inverted"}))
    assert (
        audit(clean, 2.0) == (CheckResult("correct", ""), [])
        and audit(clean, "text")[0].status == "incorrect"
    )


@pytest.mark.parametrize(
    "mistakes",
    [[(str, "text")], [(2.0, "")], [(2.0,)], ["2.0"]],
    ids=["a type", "no hint", "no pair", "a string"],
)
def test_audit_reports_malformed_known_mistakes(mistakes: Any) -> None:
    assert (
        "known mistake 1 must be (a wrong value, or a predicate"
        in audit(make(expect_number(3.0, known_mistakes=mistakes)), 3.0)[1][0]
    )


def test_the_audit_leaves_value_check_as_it_was() -> None:
    call = ValueCheck.__call__
    audit(make(_raises(ValueError())), 1)
    assert ValueCheck.__call__ is call


def test_a_rounding_that_is_also_a_known_wrong_value_gets_no_guess() -> None:
    # 04 q2: 1.0, the starting w, is also 1.4416 rounded to 0 decimals: neither hint is sure.
    check = expect_number(1.4416, what="new w", known_mistakes={1.0: "that is the starting w."})
    assert message(check, 1.0) == "your new w is 1, which is too small."
    rounded = "your new w is 1.4: that is the right value rounded too much. "
    assert message(check, 1.4) == rounded + KEEP_DIGITS


@pytest.mark.parametrize(
    ("lesson", "name", "answer", "said", "not_said"),
    [  # reviews of the Korean edition: hints that named a mistake the learner did not make
        ("00", "q2", pd.Series([1.0]), "give a name as text in quotes.", "[-1:]"),
        ("00", "q2", pd.Index(["compressive_strength"]), "columns[-1:] is a list", "of type"),
        ("01", "q4", ["MAE"], "options MAPE, MAE, R2 as text", "sse"),
        ("03", "q2", 28, "or the first layer alone", "weights only"),
        ("04", "q3", "nan", "not a learning rate", "remove the quotes"),
        ("04", "q4", None, "such as model.compile(...)", "did you"),
    ],
)
def test_hints_name_only_the_mistake_made(
    lesson: str, name: str, answer: Any, said: str, not_said: str
) -> None:
    import importlib

    exercise = getattr(importlib.import_module(f"helpers.exercises.lesson{lesson}"), name)
    text = exercise.evaluate(answer).message
    assert said in text and not_said not in text, text
