"""In-notebook exercises: ``ex.q1.check(q1_answer)``, ``ex.q1.hint()``, ``ex.q1.solution()``.

Each lesson has a module ``helpers/exercises/lessonNN.py`` (``NN`` = the notebook's number) that
defines its exercises ``q1``, ``q2``, ... as :class:`Exercise` objects. The notebook imports it once
and checks each exercise in the cell where the learner answers it::

    from helpers.exercises import lesson01 as ex      # once, near the top of the lesson

    q1_answer = ...          # replace ... with your answer
    ex.q1.check(q1_answer)   # ⏳ Not attempted yet: replace ... with your answer, then run this cell again.
    # ex.q1.hint()           # 💡 Hint: ...
    # ex.q1.solution()       # 📝 Solution: q1_answer = ...

Checks use only public behaviour of the answer: its value, its predictions, public Keras
configuration (``model.layers``, ``layer.get_config()``, ``model.count_params()``), never private
attributes, so they keep working across Keras 3 releases.

Writing a lesson module
-----------------------
A lesson module is a list of exercises; nothing else is needed (``tests/test_exercises_in_context.py``
finds it from the notebook's import line and tests every exercise inside its lesson)::

    '''Exercises of lesson 01 (notebooks/01_models_and_error.ipynb).'''
    from helpers.exercises import Exercise, expect_choice, expect_number

    q1 = Exercise(
        "q1",
        expect_number(23.45, rel=1e-3, what="the mean of mpg",
                      known_mistakes=[(23.0, "That is the median: use .mean(), not .median().")]),
        hint="A pandas column has a .mean() method.",
        solution="q1_answer = df['mpg'].mean()",
        answer_name="q1_answer",
        wrong_answers=[("q1_answer = df['mpg'].median()", "the median")],
    )
    q2 = Exercise(
        "q2",
        expect_choice("b", {"a": "MAE is in the units of the target, not squared."}),
        hint="Which error keeps the units of the target?",
        solution="q2_answer = 'b'",
        answer_name="q2_answer",
        wrong_answers=[("q2_answer = 'A'", "units of the target")],
    )

Rules that the tests enforce:

* the attribute name is the exercise name (``q1 = Exercise("q1", ...)``);
* ``solution`` and each wrong answer are plain Python that assign ``answer_name`` and may use the
  lesson's variables (``df``, ``model``, ...): they are run in the notebook, right after the
  exercise cell, and must give "correct" and "incorrect" with the given hint respectively;
* the notebook's exercise cell assigns ``answer_name = ...`` (stored unanswered) and calls
  ``ex.qK.check(answer_name)``.

The checker protocol
--------------------
A checker is any callable ``checker(answer) -> None``: it **returns None when the answer is
correct** and **raises** :class:`Incorrect` ``("specific hint")`` when it is not. Build checkers
with the ``expect_*`` helpers below, or write a function::

    def _check_split(answer):
        train, test = answer                  # any other exception becomes a friendly message
        if len(test) != 20:
            raise Incorrect(f"your test set has {len(test)} rows; it should have 20 (20 %).")

    q3 = Exercise("q3", ValueCheck(_check_split, expects="a tuple (train, test)"), ...)

A function may also compute the expected value when it is called and delegate to a helper:
``expect_number(expected_mae(), what="MAE")(answer)``.

Known mistakes: every ``expect_*`` helper takes ``known_mistakes``, a list of ``(probe, hint)``:
``probe`` is a known wrong value (compared with the helper's tolerance) or a predicate
``value -> bool``, e.g. ``(lambda v: math.isclose(v, 10 * rmse, rel_tol=0.01), "10 times too
large: did you forget the square root?")``. They are tried in order, after the correct answer
and before the helper's generic hint; a probe that raises never matches.

Any other exception escaping a checker (TypeError, ValueError, a Keras error, ...) is turned into
an "incorrect" result whose message says which kind of value was expected (``expects=``, or the
helper's own description) and which type was received: a learner never sees a traceback.
A checker that returns something other than None is a bug in the lesson module; it is reported as
"incorrect" (never "correct"), so the in-context tests catch it.
"""

from __future__ import annotations

import ast
import itertools
import math
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Literal

import numpy as np

__all__ = [
    "CheckResult",
    "Checker",
    "Exercise",
    "Incorrect",
    "KnownMistake",
    "NOT_ATTEMPTED_MESSAGE",
    "ROUNDED_TOO_MUCH",
    "ROUNDING_POLICY",
    "ValueCheck",
    "describe_type",
    "exercises_of",
    "expect_array_close",
    "expect_choice",
    "expect_int",
    "expect_keras_model",
    "expect_number",
    "raise_known_mistake",
    "scaler_fitted_on",
]

Status = Literal["correct", "not_attempted", "incorrect", "not_checked"]
STATUSES: tuple[Status, ...] = ("correct", "not_attempted", "incorrect", "not_checked")

#: The message of a "not_attempted" result.
NOT_ATTEMPTED_MESSAGE = "replace ... with your answer, then run this cell again."

#: A checker: returns None when ``answer`` is correct, raises :class:`Incorrect` otherwise.
Checker = Callable[[Any], None]

#: ``(probe, hint)``: ``probe`` is a known wrong value (compared like the expected value) or a
#: predicate ``value -> bool``; when it matches, the learner gets ``hint``.
KnownMistake = tuple[Any, str]

_SCAN_BUDGET = 10_000  # at most this many items are looked at when searching an answer for `...`
_SCAN_DEPTH = 6


class Incorrect(Exception):
    """Raised by a checker when the answer is wrong; the message is the hint the learner sees.

    >>> try:
    ...     raise Incorrect("your value is 10 times too large: did you forget the square root?")
    ... except Incorrect as exc:
    ...     print(exc.hint)
    your value is 10 times too large: did you forget the square root?
    """

    def __init__(self, hint: str) -> None:
        super().__init__(hint)
        self.hint = str(hint)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of :meth:`Exercise.evaluate`.

    ``status`` is ``"correct"``, ``"not_attempted"``, ``"incorrect"`` or ``"not_checked"`` (the
    check itself could not run, e.g. a damaged data file: not the learner's mistake); ``message`` is what the
    learner reads; ``detail`` is for course authors and tests only (e.g. the exception that a
    checker raised), it is never printed by :meth:`Exercise.check`.

    >>> CheckResult("incorrect", "your value is too large").render()
    '❌ Incorrect: your value is too large'
    >>> CheckResult("correct", "").render()
    '✅ Correct!'
    """

    status: Status
    message: str
    detail: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {self.status!r}")

    @property
    def is_correct(self) -> bool:
        """True when the status is ``"correct"``."""
        return self.status == "correct"

    def render(self) -> str:
        """The block that :meth:`Exercise.check` prints."""
        if self.status == "correct":
            return f"✅ Correct! {self.message}".rstrip()
        if self.status == "not_attempted":
            return f"⏳ Not attempted yet: {self.message}"
        if self.status == "not_checked":
            return f"⚠️ Not checked: {self.message}"
        return f"❌ Incorrect: {self.message}"


@dataclass(frozen=True)
class ValueCheck:
    """A checker made by an ``expect_*`` helper: a callable plus a description of what it expects.

    ``audit`` (set by the ``expect_*`` helpers) lists the ways its known mistakes collide: a probe
    that matches the expected answer, or two probes with different hints that match each other.
    :meth:`Exercise.audit` collects it from every ``ValueCheck`` called while checking an answer.

    >>> check = ValueCheck(lambda answer: None, expects="anything")
    >>> check(42) is None
    True
    """

    func: Checker
    expects: str
    audit: Callable[[], list[str]] | None = None

    def __call__(self, answer: Any) -> None:
        if _RECORDER:
            _RECORDER[-1].append(self)
        self.func(answer)


#: While :meth:`Exercise.audit` runs, the ValueChecks called are appended to ``_RECORDER[-1]``.
_RECORDER: list[list[ValueCheck]] = []


class Exercise:
    """One exercise of a lesson: check an answer, print a hint or the reference solution.

    Args:
        name: the exercise's name and the attribute it is stored under, e.g. ``"q1"``.
        checker: ``checker(answer) -> None``; raises :class:`Incorrect` ("hint") when wrong.
        hint: a hint that does not give the answer away.
        solution: the reference code; it must assign ``answer_name``.
        answer_name: the variable the notebook's exercise cell assigns, e.g. ``"q1_answer"``.
        correct_message: printed after "✅ Correct!", e.g. a takeaway.
        expects: what kind of value is expected, for the message shown when the checker fails
            with an unexpected exception; defaults to the helper's own description.

    Raises:
        ValueError: at definition time, when an argument is unusable (empty hint, a solution or
            wrong answer that does not assign ``answer_name`` or is not valid Python, ...).

    >>> q1 = Exercise("q1", expect_number(2.5), hint="Add them up, divide by the count.",
    ...               solution="q1_answer = sum(data) / len(data)", answer_name="q1_answer")
    >>> q1.check(...)
    ⏳ Not attempted yet: replace ... with your answer, then run this cell again.
    >>> q1.check(2.5)
    ✅ Correct!
    >>> q1.evaluate("2.5").status
    'incorrect'
    """

    def __init__(
        self,
        name: str,
        checker: Checker,
        *,
        hint: str,
        solution: str,
        answer_name: str,
        correct_message: str = "",
        expects: str | None = None,
    ) -> None:
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"name must be a Python identifier such as 'q1', not {name!r}")
        where = f"exercise {name}"
        if not callable(checker):
            raise ValueError(f"{where}: checker must be callable, not {type(checker).__name__}")
        if not isinstance(answer_name, str) or not answer_name.isidentifier():
            raise ValueError(f"{where}: answer_name must be an identifier such as 'q1_answer'")
        for label, text in (("hint", hint), ("solution", solution)):
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"{where}: {label} must be a non-empty string")
        _require_assignment(solution, answer_name, f"{where}: the solution")
        if not isinstance(correct_message, str):
            raise ValueError(f"{where}: correct_message must be a string")
        self.name = name
        self.checker = checker
        self.hint_text = hint.strip()
        self.solution_code = solution.strip("\n")
        self.answer_name = answer_name
        self.correct_message = correct_message.strip()
        self.expects = expects or getattr(checker, "expects", None) or "a different kind of value"

    def __repr__(self) -> str:
        return (f"<Exercise {self.name}: {self.name}.check({self.answer_name}), "
                f"{self.name}.hint(), {self.name}.solution()>")

    def evaluate(self, answer: Any = ...) -> CheckResult:
        """Check ``answer`` without printing. Never raises an Exception (KeyboardInterrupt, the stop
        button, still stops it).

        >>> q = Exercise("q1", expect_int(3), hint="Count them.", solution="q1_answer = 3",
        ...              answer_name="q1_answer")
        >>> q.evaluate((..., 1)).status
        'not_attempted'
        >>> q.evaluate(None).message
        'your answer is None: did you assign the result of print() or of a method that changes things in place?'
        """
        if _contains_ellipsis(answer):
            return CheckResult("not_attempted", NOT_ATTEMPTED_MESSAGE)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                returned = self.checker(answer)
        except Incorrect as exc:
            return CheckResult("incorrect", exc.hint)
        except Exception as exc:  # noqa: BLE001 - a learner must never see a traceback
            from helpers.datasets import DatasetError

            if isinstance(exc, DatasetError):  # the course's data is damaged, not the learner's answer
                return CheckResult("not_checked", f"this check could not read the course's data, so your "
                                   f"answer was not judged. {exc}", detail=_describe_exception(exc))
            return CheckResult("incorrect", self._unexpected_message(answer),
                               detail=_describe_exception(exc))
        if returned is not None:
            return CheckResult(
                "incorrect",
                "this exercise's checker is broken, please tell your instructor.",
                detail=f"the checker returned a {describe_type(returned)} instead of None",
            )
        return CheckResult("correct", self.correct_message)

    def audit(self, answer: Any = ...) -> tuple[CheckResult, list[str]]:
        """Evaluate ``answer`` and report how the known mistakes met on the way collide.

        Returns the result of :meth:`evaluate` and one line per problem of every checker built
        with an ``expect_*`` helper that judged the answer: a known-mistake probe that matches the
        expected answer, or two probes with different hints that match each other (so a learner
        would be told the wrong mistake). For course authors and tests, not for learners.

        >>> q = Exercise("q1", expect_number(7.0, known_mistakes=[(5.0, "the MAE"), (5.001, "the median")]),
        ...              hint="h", solution="a = 7.0", answer_name="a")
        >>> q.audit(7.0)[1]
        ["known mistakes 1 (5.0: 'the MAE') and 2 (5.001: 'the median') match each other: a learner who makes one is told the other"]
        """
        _RECORDER.append([])
        try:
            result = self.evaluate(answer)
        finally:
            called = _RECORDER.pop()
        problems: list[str] = []
        for check in called:
            if check.audit is not None:
                problems.extend(problem for problem in check.audit() if problem not in problems)
        return result, problems

    def check(self, answer: Any = ...) -> None:
        """Print whether ``answer`` is correct: one short block, nothing else.

        >>> q = Exercise("q1", expect_choice("b"), hint="Think.", solution="q1_answer = 'b'",
        ...              answer_name="q1_answer", correct_message="MAE keeps the target's units.")
        >>> q.check(" B ")
        ✅ Correct! MAE keeps the target's units.
        """
        _say(self.evaluate(answer).render())

    def hint(self) -> None:
        """Print the hint.

        >>> Exercise("q1", expect_int(3), hint="Count them.", solution="q1_answer = 3",
        ...          answer_name="q1_answer").hint()
        💡 Hint: Count them.
        """
        _say(f"💡 Hint: {self.hint_text}")

    def solution(self) -> None:
        """Print the reference solution code.

        >>> Exercise("q1", expect_int(3), hint="Count them.", solution="q1_answer = 3",
        ...          answer_name="q1_answer").solution()
        📝 Solution:
        q1_answer = 3
        """
        _say(f"📝 Solution:\n{self.solution_code}")

    def _unexpected_message(self, answer: Any) -> str:
        if answer is None:
            return _NONE_MESSAGE
        return (f"this exercise expects {self.expects}, but your answer is {_a(describe_type(answer))}. "
                f"Check what you assigned to {self.answer_name}.")


def exercises_of(module: ModuleType) -> list[Exercise]:
    """The exercises of a lesson module, in natural order of their names (q1, q2, ..., q10).

    Raises:
        ValueError: when an exercise is stored under an attribute other than its name.

    >>> import types
    >>> lesson = types.ModuleType("lesson99")
    >>> for n in ("q10", "q2", "q1"):
    ...     setattr(lesson, n, Exercise(n, expect_int(1), hint="h", solution=f"{n}_a = 1",
    ...                                  answer_name=f"{n}_a"))
    >>> [e.name for e in exercises_of(lesson)]
    ['q1', 'q2', 'q10']
    """
    found = []
    for attribute, value in vars(module).items():
        if isinstance(value, Exercise):
            if attribute != value.name:
                raise ValueError(f"{module.__name__}.{attribute} holds exercise {value.name!r}: "
                                 f"store each exercise under its own name ({value.name} = Exercise({value.name!r}, ...))")
            found.append(value)
    return sorted(found, key=lambda exercise: _natural_key(exercise.name))


# --------------------------------------------------------------------------------------------
# Helper checkers
# --------------------------------------------------------------------------------------------

def expect_number(
    expected: float,
    *,
    rel: float = 1e-3,
    abs: float = 1e-9,  # noqa: A002 - mirrors math.isclose / pytest.approx
    what: str = "answer",
    known_mistakes: Sequence[KnownMistake] = (),
    reveal_direction: bool = True,
) -> ValueCheck:
    """A checker for a single number close to ``expected`` (``math.isclose(rel_tol=rel, abs_tol=abs)``).

    Ints, floats, NumPy scalars and 0-d arrays are accepted; text, booleans, None and arrays get a
    specific hint. The course's rounding policy applies (:data:`ROUNDING_POLICY`): ``expected``
    rounded to 2 or more decimals, or to 3 or more significant digits, is correct; rounded further,
    it is "rounded too much". ``known_mistakes`` values match like the expected value (within the
    tolerance, or rounded); predicates get the answer as a float. An answer that matches known
    mistakes with different hints gets no specific hint: it cannot be told which mistake it is.

    >>> check = expect_number(3.0172, what="RMSE", known_mistakes=[
    ...     (9.1035, "your value is the MSE: did you forget the square root?"),
    ...     (lambda v: v < 0, "an error can never be negative.")])
    >>> check(3.02) is None and check(3.017) is None and check(3.0171) is None
    True
    >>> ex = Exercise("q1", check, hint="h", solution="a = 3.0", answer_name="a")
    >>> ex.check(9.1)
    ❌ Incorrect: your value is the MSE: did you forget the square root?
    >>> ex.check(3)
    ❌ Incorrect: your RMSE is 3: that is the right value rounded too much. Keep at least 2 decimals or 3 significant digits (e.g. 0.58 or 0.576 for 0.5763; 4337.4 or 4340 for 4337.42).
    >>> ex.check("3.02")
    ❌ Incorrect: your RMSE is text (a str), not a number: remove the quotes.
    """
    expected = float(expected)
    if not math.isfinite(expected):
        raise ValueError("expected must be a finite number")
    same = _close(rel, abs)
    _validate_mistakes(known_mistakes, lambda probe: same(float(probe), expected))

    def matches(value: float, target: float) -> bool:
        return same(value, target) or _rounding(value, target) == "accepted"

    def check(answer: Any) -> None:
        value = _as_float(answer, what)
        cut = _is_cut(value, expected) and _rounding(value, expected) != "accepted"
        if matches(value, expected) and not cut:
            return
        if _rounding(value, expected) == "too much":
            raise Incorrect(f"your {what} is {value:.6g}: that is the right value {ROUNDED_TOO_MUCH}")
        if cut:  # the right digits, cut short (even within the tolerance): no known mistake can be named
            raise Incorrect(f"your {what} is {value:.6g}, which is not right. {CUT_DIGITS}")
        raise_known_mistake(value, known_mistakes, equal=lambda v, probe: matches(v, float(probe)))
        direction = ("too large" if value > expected else "too small") if reveal_direction else "not right"
        raise Incorrect(f"your {what} is {value:.6g}, which is {direction}.")

    def audit() -> list[str]:
        return _collisions(known_mistakes, expected, lambda a, b: same(float(a), float(b)),
                           lambda probe: matches(float(probe), expected))

    return ValueCheck(check, expects="a single number (int or float)", audit=audit)


def expect_int(
    expected: int,
    *,
    what: str = "answer",
    known_mistakes: Sequence[KnownMistake] = (),
    reveal_direction: bool = True,
) -> ValueCheck:
    """A checker for a whole number equal to ``expected`` (e.g. a count or ``model.count_params()``).

    A float with no fractional part (``3.0``) is accepted; text, booleans and arrays get a hint.

    >>> check = expect_int(4, what="number of layers", known_mistakes=[(3, "count the output layer too.")])
    >>> check(4.0) is None
    True
    >>> Exercise("q1", check, hint="h", solution="a = 4", answer_name="a").check(3)
    ❌ Incorrect: count the output layer too.
    """
    if isinstance(expected, bool) or not isinstance(expected, (int, np.integer)):
        raise ValueError("expected must be an int")
    expected = int(expected)
    _validate_mistakes(known_mistakes, lambda probe: probe == expected)

    def check(answer: Any) -> None:
        if isinstance(answer, (int, np.integer)) and not isinstance(answer, (bool, np.bool_)):
            number = int(answer)  # exact, even beyond 2**53
        else:
            value = _as_float(answer, what)
            if not value.is_integer():
                raise Incorrect(f"your {what} is {value:.6g}, but a whole number was expected.")
            number = int(value)
        if number == expected:
            return
        raise_known_mistake(number, known_mistakes)
        direction = ("too large" if number > expected else "too small") if reveal_direction else "not right"
        raise Incorrect(f"your {what} is {number}, which is {direction}.")

    def audit() -> list[str]:
        return _collisions(known_mistakes, expected, _equals, lambda probe: probe == expected)

    return ValueCheck(check, expects="a whole number (int)", audit=audit)


def expect_array_close(
    expected: Any,
    *,
    rel: float = 1e-3,
    abs: float = 1e-6,  # noqa: A002 - mirrors numpy.allclose's atol
    what: str = "array",
    squeeze: bool = False,
    known_mistakes: Sequence[KnownMistake] = (),
) -> ValueCheck:
    """A checker for an array of numbers of ``expected``'s shape, element-wise close to it.

    Lists, NumPy arrays, pandas Series/DataFrames and tensors are accepted (anything
    ``numpy.asarray`` turns into numbers). With ``squeeze=True`` length-1 axes are ignored, so
    ``model.predict(X)`` of shape ``(n, 1)`` matches an expected ``(n,)``. The course's rounding
    policy applies to each value (``np.round(answer, 2)`` is correct, ``np.round(answer, 1)`` is
    "rounded too much"). Known-mistake values match when they have the answer's shape and are close
    (or rounded); predicates get the answer as an array.

    >>> check = expect_array_close([1.0, 2.0, 3.2571], what="predictions")
    >>> check([1, 2, 3.2572]) is None and check([1, 2, 3.26]) is None
    True
    >>> ex = Exercise("q1", check, hint="h", solution="a = 1", answer_name="a")
    >>> ex.check([[1], [2], [3.2571]])
    ❌ Incorrect: the shape of your predictions is (3, 1), but (3,) was expected: .ravel() makes a column flat.
    >>> ex.check([1, 2, 3.3])
    ❌ Incorrect: your predictions are the right values rounded too much. Keep at least 2 decimals or 3 significant digits (e.g. 0.58 or 0.576 for 0.5763; 4337.4 or 4340 for 4337.42).
    """
    target = np.asarray(expected, dtype=float)
    if not np.all(np.isfinite(target)):
        raise ValueError("expected must contain finite numbers only")
    expected_shape = target.shape

    def aligned(value: np.ndarray, probe: Any) -> tuple[np.ndarray, np.ndarray] | None:
        probe_array = np.asarray(probe, dtype=float)
        if squeeze:
            value, probe_array = np.squeeze(value), np.squeeze(probe_array)
        return (value, probe_array) if value.shape == probe_array.shape else None

    def close(value: np.ndarray, probe: Any) -> bool:
        pair = aligned(value, probe)
        return pair is not None and bool(np.allclose(*pair, rtol=rel, atol=abs, equal_nan=False))

    def status(value: np.ndarray, probe: Any) -> str | None:
        """"correct" (close or rounded as allowed), "too much" (some values rounded further) or None."""
        pair = aligned(value, probe)
        if pair is None:
            return None
        got, want = pair
        rounding = _rounding_status(got, want, scale=_scale(want))
        # Digits cut off are not accepted even within the tolerance, as for single numbers.
        cut = np.reshape([_is_cut(float(g), float(w)) for g, w in zip(np.ravel(got), np.ravel(want))],
                         np.shape(got)).astype(bool) & (rounding != _ACCEPTED)
        near = np.isclose(got, want, rtol=rel, atol=abs) & ~cut
        if bool(np.all(near)):
            return "correct"
        if bool(np.all(near | (rounding == _ACCEPTED))):
            return "correct"
        if bool(np.all(near | (rounding != _NOT_ROUNDED))):
            return "too much"
        return None

    _validate_mistakes(known_mistakes, lambda probe: close(target, probe))

    def check(answer: Any) -> None:
        value = _as_float_array(answer, what)
        judged = status(value, target)
        if judged == "correct":
            return
        raise_known_mistake(value, known_mistakes, equal=lambda v, probe: status(v, probe) == "correct")
        if judged == "too much":
            raise Incorrect(f"your {what} are the right values {ROUNDED_TOO_MUCH}")
        pair = aligned(value, target)
        if pair is not None:
            got, want = (np.ravel(part) for part in pair)
            rounded = _rounding_status(got, want, _scale(want)) == _ACCEPTED
            cut = np.array([_is_cut(float(g), float(w)) for g, w in zip(got, want)], dtype=bool) & ~rounded
            fine = (np.isclose(got, want, rtol=rel, atol=abs) | rounded) & ~cut
            if cut.any() and bool(np.all(fine | cut)):
                raise Incorrect(f"some of your {what} are not right. {CUT_DIGITS}")
        shown, wanted = (np.squeeze(value).shape, np.squeeze(target).shape) if squeeze else (value.shape, expected_shape)
        if shown != wanted:
            raise Incorrect(f"the shape of your {what} is {value.shape}, but {expected_shape} was expected"
                            + _shape_advice(value.shape, expected_shape))
        if not np.all(np.isfinite(value)):
            raise Incorrect(f"there are NaN or infinite values in your {what}.")
        got, want = np.reshape(value, shown), np.reshape(target, wanted)
        if status(np.sort(got, axis=None), np.sort(want, axis=None)) == "correct":
            raise Incorrect(f"your {what} hold the right values, but in another order: keep the rows in their "
                            f"original order (no sorting).")
        wrong = int(np.sum(~np.isclose(got, want, rtol=rel, atol=abs)
                           & (_rounding_status(got, want, scale=_scale(want)) != _ACCEPTED)))
        raise Incorrect(f"the shape of your {what} is right, but {wrong} of its {value.size} values "
                        f"{'is' if wrong == 1 else 'are'} not.")

    def audit() -> list[str]:
        return _collisions(known_mistakes, target, lambda a, b: close(np.asarray(a, dtype=float), b),
                           lambda probe: status(np.asarray(probe, dtype=float), target) == "correct")

    return ValueCheck(check, expects=f"an array of numbers of shape {expected_shape}", audit=audit)


def expect_choice(
    correct_option: str,
    hints_per_wrong_option: Mapping[str, str] | None = None,
    *,
    options: Iterable[str] = (),
    aliases: Mapping[str, str] | None = None,
    default_hint: str = "that is not the right option: read the question again.",
) -> ValueCheck:
    """A checker for a multiple-choice answer given as a string, e.g. ``"b"``.

    Case, surrounding whitespace and a trailing ``)`` or ``.`` are ignored (``" B) "`` is ``"b"``), and
    natural forms are understood: an option letter followed by its text (``"c) the last 100 days"``),
    ``"the validation set"`` or ``"validation data"`` for ``"validation"``, and the Korean names of
    the three sets (훈련/학습, 검증, 테스트/평가, with or without 데이터/세트) where those options exist.
    The valid options are ``correct_option``, the keys of ``hints_per_wrong_option`` and
    ``options``; ``aliases`` maps other spellings to an option (``{"val": "validation"}``);
    anything else gets "not one of the options" (the message never suggests a particular option).

    >>> check = expect_choice("b", {"a": "MSE is in squared units."}, options="abcd")
    >>> check(" B ") is None
    True
    >>> ex = Exercise("q1", check, hint="h", solution="a = 'b'", answer_name="a")
    >>> ex.check("a")
    ❌ Incorrect: MSE is in squared units.
    >>> ex.check("c")
    ❌ Incorrect: that is not the right option: read the question again.
    >>> ex.check("e")
    ❌ Incorrect: 'e' is not one of the options a, b, c, d: answer with one of them, in quotes.
    """
    hints = {_normalize_option(k): v for k, v in (hints_per_wrong_option or {}).items()}
    alias = {_normalize_option(k): _normalize_option(v) for k, v in (aliases or {}).items()}
    correct = _normalize_option(correct_option)
    if not correct:
        raise ValueError("correct_option must be a non-empty string")
    if correct in hints:
        raise ValueError(f"the correct option {correct_option!r} also has a wrong-option hint")
    valid = sorted({correct, *hints, *(_normalize_option(o) for o in options)})
    if any(target not in valid for target in alias.values()):
        raise ValueError(f"every alias must map to one of the options {valid}")
    listed = ", ".join(valid)

    def check(answer: Any) -> None:
        if not isinstance(answer, str):
            if answer is None:
                raise Incorrect(_NONE_MESSAGE)
            raise Incorrect(f"answer with one of the options {listed} as text in quotes, "
                            f"not {_a(describe_type(answer))}.")
        chosen = _choose_option(answer, valid, alias)
        if chosen == correct:
            return
        if chosen in hints:
            raise Incorrect(hints[chosen])
        if chosen not in valid:
            raise Incorrect(f"{_short(answer)!r} is not one of the options {listed}: "
                            f"answer with one of them, in quotes.")
        raise Incorrect(default_hint)

    return ValueCheck(check, expects=f"one of the options {listed} as text in quotes")


def expect_keras_model(
    *,
    input_shape: Sequence[int] | None = None,
    dense_units: Sequence[int] | None = None,
    activations: Sequence[str | None] | None = None,
    n_params: int | None = None,
    what: str = "model",
    known_mistakes: Sequence[tuple[Callable[[Any], bool], str]] = (),
) -> ValueCheck:
    """A checker for a built Keras model that judges the whole model, using public API only
    (``model.inputs``, ``model.layers``, ``layer.get_config()``, ``model.count_params()``).

    ``input_shape`` is the shape given to ``keras.Input`` (e.g. ``(4,)``); whether given or not, a
    model of this course takes a table, so an input of more than one axis (``shape=(1, 4)``) is
    wrong. ``dense_units`` and ``activations`` describe the model's Dense layers in order (an
    activation of None means ``"linear"``). A layer such as ``layers.Activation("relu")``,
    ``layers.ReLU()`` or ``layers.LeakyReLU()`` right after a Dense layer without activation counts as
    that Dense layer's activation. ``n_params`` is the number of trained parameters (weights and
    biases: a Normalization layer's stored mean and variance do not count). Known mistakes are
    predicates on the model. Keras is imported only when an answer is checked.

    >>> import keras
    >>> check = expect_keras_model(input_shape=(4,), dense_units=[8, 1], activations=["relu", None], n_params=49)
    >>> model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"),
    ...                           keras.layers.Dense(1)])
    >>> check(model) is None
    True
    >>> check(keras.Sequential([keras.Input((4,)), keras.layers.Dense(8), keras.layers.ReLU(),
    ...                         keras.layers.Dense(1)])) is None
    True
    """
    if dense_units is not None and activations is not None and len(dense_units) != len(activations):
        raise ValueError("dense_units and activations must describe the same number of layers")
    wanted_shape = None if input_shape is None else tuple(int(n) for n in input_shape)
    for probe, hint in known_mistakes:
        if not callable(probe) or isinstance(probe, type) or not isinstance(hint, str):
            raise ValueError("known_mistakes of a model must be (predicate, hint) pairs")

    def check(answer: Any) -> None:
        import keras  # only when checking: importing this package must not load TensorFlow

        if not isinstance(answer, keras.Model):
            if isinstance(answer, keras.layers.Layer):
                raise Incorrect(f"your {what} is a single layer ({type(answer).__name__}), not a model: "
                                f"put the layers in a list inside keras.Sequential([...]).")
            if answer is None:
                raise Incorrect(_NONE_MESSAGE)
            raise Incorrect(f"your {what} should be a Keras model, not {_a(describe_type(answer))}.")
        if not answer.layers:
            raise Incorrect(f"your {what} has no layers after keras.Input: add its Dense layer(s) to the list.")
        try:
            answer.count_params()
        except ValueError:
            raise Incorrect(f"your {what} is not built yet: start it with keras.Input(shape=(number_of_features,)).") from None
        # The parameters are what training adjusts (the course's meaning): a Normalization layer's stored
        # mean and variance are not trained, so they do not count.
        total = sum(math.prod(int(n) for n in weight.shape) for weight in answer.trainable_weights)
        raise_known_mistake(answer, known_mistakes)
        shape = _input_shape(answer)
        if shape is not None and len(shape) != 1:
            raise Incorrect(f"your {what} takes inputs of shape {shape}, a table of tables: each example here "
                            f"is one row of features, so give keras.Input one number, shape=(number_of_features,)"
                            + (f", here shape={wanted_shape}." if wanted_shape else "."))
        if wanted_shape is not None and shape is not None and shape != wanted_shape:
            raise Incorrect(f"your {what} takes {shape[0]} inputs (keras.Input(shape={shape})); "
                            f"it should take {wanted_shape[0]}: keras.Input(shape={wanted_shape}).")
        dense = _dense_layers(answer, keras, what)
        if dense_units is not None:
            units = [count for count, _ in dense]
            if len(units) != len(dense_units):
                raise Incorrect(f"your {what} has {_count(len(units), 'Dense layer')}, "
                                f"but {_count(len(dense_units), 'Dense layer')} {_was(len(dense_units))} asked for.")
            for index, (got, want) in enumerate(zip(units, dense_units), start=1):
                if got != want:
                    raise Incorrect(f"Dense layer {index} of your {what} has {got} units; it should have {want}.")
        if activations is not None:
            if len(dense) != len(activations):
                raise Incorrect(f"your {what} has {_count(len(dense), 'Dense layer')}, "
                                f"but {_count(len(activations), 'Dense layer')} {_was(len(activations))} asked for.")
            for index, ((_, got), want) in enumerate(zip(dense, activations), start=1):
                if got != _activation_name(want):
                    raise Incorrect(f"Dense layer {index} of your {what} uses activation {got!r}; "
                                    f"it should use {_activation_label(want)}.")
        if n_params is not None and total != n_params:
            no_bias = [index for index, layer in enumerate(
                (layer for layer in answer.layers if isinstance(layer, keras.layers.Dense)), start=1)
                if not layer.get_config().get("use_bias", True)]
            if no_bias:
                raise Incorrect(f"Dense layer {no_bias[0]} of your {what} has no bias (use_bias=False); "
                                f"the model asked for has one bias per node: leave use_bias out.")
            raise Incorrect(f"your {what} has {total} trained parameters; the model asked for has {n_params}: "
                            f"check the number of inputs and of units.")

    return ValueCheck(check, expects="a Keras model (e.g. keras.Sequential([...]))")


def _input_shape(model: Any) -> tuple[int | None, ...] | None:
    """The shape of one example that ``model`` takes (without the batch axis), or None if unknown."""
    try:
        inputs = model.inputs
        if inputs:
            return tuple(inputs[0].shape)[1:]
    except Exception:  # noqa: BLE001 - a model built without keras.Input has no inputs
        pass
    try:
        return tuple(model.input_shape)[1:]
    except Exception:  # noqa: BLE001
        return None


#: Layers that only apply an activation, and the activation they apply.
_ACTIVATION_LAYERS = {"ReLU": "relu", "LeakyReLU": "leaky_relu", "ELU": "elu", "Softmax": "softmax",
                      "PReLU": "prelu"}


def _dense_layers(model: Any, keras: Any, what: str) -> list[tuple[int, str]]:
    """``[(units, effective activation)]`` for each Dense layer of ``model``, in order.

    A layer that only applies an activation (``Activation``, ``ReLU``, ...) right after a Dense layer
    without one becomes that layer's activation; any other layer (``Dropout``, ``Normalization``)
    changes neither. Raises Incorrect for an activation with nothing to act on, or two in a row."""
    dense: list[list[Any]] = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            config = layer.get_config()
            dense.append([int(config["units"]), _activation_name(config.get("activation"))])
            continue
        name = type(layer).__name__
        if isinstance(layer, keras.layers.Activation):
            applied = _activation_name(layer.get_config().get("activation"))
        elif name in _ACTIVATION_LAYERS:
            applied = _ACTIVATION_LAYERS[name]
            if name == "ReLU":
                config = layer.get_config()
                if config.get("max_value") is not None or config.get("negative_slope") or config.get("threshold"):
                    applied = "relu (with other settings)"
        else:
            continue
        if applied == "linear":
            continue
        if not dense:
            raise Incorrect(f"your {what} applies {applied!r} to its inputs, before any Dense layer: "
                            f"an activation belongs after a layer's weighted sum.")
        if dense[-1][1] != "linear":
            raise Incorrect(f"Dense layer {len(dense)} of your {what} gets two activations "
                            f"({dense[-1][1]!r}, then {applied!r}): give it one.")
        dense[-1][1] = applied
    return [(units, activation) for units, activation in dense]


def scaler_fitted_on(scaler: Any, row_sets: Mapping[str, Any]) -> str | None:
    """The name of the first set of rows in ``row_sets`` that a fitted scikit-learn scaler learned from.

    The scaler's WHOLE fitted state is compared with what each set of rows would teach it: the minimum
    and the maximum (MinMaxScaler) or the mean and the standard deviation (StandardScaler) of every
    column, and the number of rows. One part alone is not enough: the training rows may hold every
    column's minimum, or the training and validation rows together the same extremes as all rows.
    Put the right rows first, so that a correct scaler is never blamed for numbers it shares with
    others. Columns are matched by name when the scaler was fitted on a DataFrame. Returns None
    when no set matches (or the scaler is of another kind, or not fitted).

    >>> import pandas as pd
    >>> from sklearn.preprocessing import MinMaxScaler
    >>> train = pd.DataFrame({"a": [0.0, 10.0, 5.0]})
    >>> every_row = pd.concat([train, pd.DataFrame({"a": [4.0]})])
    >>> scaler_fitted_on(MinMaxScaler().fit(every_row), {"train": train, "all": every_row})  # same min and max
    'all'
    """
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    if isinstance(scaler, MinMaxScaler):
        parts, of_rows = ("data_min_", "data_max_"), lambda v: (v.min(axis=0), v.max(axis=0))
    elif isinstance(scaler, StandardScaler):
        parts, of_rows = ("mean_", "scale_"), lambda v: (v.mean(axis=0), v.std(axis=0))
    else:
        return None
    learned = [getattr(scaler, part, None) for part in parts]
    if any(part is None for part in learned) or not hasattr(scaler, "n_samples_seen_"):
        return None
    learned = [np.asarray(part, dtype=float) for part in learned]
    seen = int(np.max(scaler.n_samples_seen_))
    names = [str(name) for name in getattr(scaler, "feature_names_in_", [])]
    for label, rows in row_sets.items():
        columns = [str(c) for c in getattr(rows, "columns", [])]
        if names and sorted(names) == sorted(columns):
            rows = rows[names]
        values = np.asarray(rows, dtype=float)
        if values.ndim != 2 or len(values) != seen or values.shape[1] != learned[0].shape[0]:
            continue
        # rtol 1e-5: a scaler fitted on float32 copies of the rows is still fitted on those rows.
        if all(np.allclose(got, want, rtol=1e-5, atol=1e-8) for got, want in zip(learned, of_rows(values))):
            return label
    return None


def raise_known_mistake(
    value: Any,
    known_mistakes: Sequence[KnownMistake],
    *,
    equal: Callable[[Any, Any], bool] | None = None,
) -> None:
    """Raise :class:`Incorrect` with the hint of the known mistake that ``value`` matches.

    A probe that is callable is a predicate ``probe(value) -> bool``; any other probe is a wrong
    value, compared with ``equal(value, probe)`` (default ``==``). A probe that raises never matches.
    When ``value`` matches known mistakes with *different* hints, nothing is raised: the answer
    cannot be told apart, and a hint must never name a mistake the learner did not make.
    For custom checkers::

    >>> raise_known_mistake(10, [(0, "zero?"), (lambda v: v > 5, "too big: divide by 2.")])
    Traceback (most recent call last):
    ...
    helpers.exercises.Incorrect: too big: divide by 2.
    >>> raise_known_mistake(10, [(10, "the sum"), (lambda v: v > 5, "too big")])  # two hints: none
    """
    compare = equal if equal is not None else _equals
    hints: list[str] = []
    for probe, hint in known_mistakes:
        try:
            matched = bool(probe(value)) if callable(probe) else bool(compare(value, probe))
        except Exception:  # noqa: BLE001 - a probe that cannot be evaluated does not match
            matched = False
        if matched and hint not in hints:
            hints.append(hint)
    if len(hints) == 1:
        raise Incorrect(hints[0])


def describe_type(value: Any) -> str:
    """A short, safe name for the type of ``value`` (never calls its ``__repr__``).

    >>> describe_type(3.0), describe_type("x"), describe_type(np.zeros(2))
    ('float', 'str', 'numpy.ndarray')
    """
    try:
        kind = type(value)
        module = str(getattr(kind, "__module__", "") or "")
        name = str(getattr(kind, "__qualname__", None) or getattr(kind, "__name__", "object"))
    except Exception:  # noqa: BLE001 - a type with a broken metaclass
        return "object"
    if module in ("builtins", "__main__", ""):
        return name
    return f"{module.split('.')[0]}.{name}"


# --------------------------------------------------------------------------------------------
# Internals
# --------------------------------------------------------------------------------------------

_NONE_MESSAGE = ("your answer is None: did you assign the result of print() "
                 "or of a method that changes things in place?")


#: The course's rounding policy, stated in lesson 00 and applied by every numeric check.
ROUNDING_POLICY = ("round a numeric answer to 2 decimals or to 3 significant digits, or not at all: "
                   "all are accepted everywhere; a value rounded further is told 'rounded too much'.")
ROUND_DECIMALS = 2        # rounding to this many decimals or more is accepted ...
ROUND_SIGNIFICANT = 3     # ... and so is rounding to this many significant digits or more,
_ROUND_MAX_SHARE = 0.05   # but 2 decimals of a small number (0.0012 -> 0.0) must keep it within 5 %.
CUT_DIGITS = ("If you cut digits off a longer number, round it instead: cutting 0.5763 after 2 decimals "
              "gives 0.57, rounding gives 0.58.")
ROUNDED_TOO_MUCH = ("rounded too much. Keep at least 2 decimals or 3 significant "
                    "digits (e.g. 0.58 or 0.576 for 0.5763; 4337.4 or 4340 for 4337.42).")

_NOT_ROUNDED, _ACCEPTED, _TOO_MUCH = 0, 1, 2


def _rounding_status(values: Any, targets: Any, scale: float | None = None) -> np.ndarray:
    """For each value: _ACCEPTED if it is its target rounded as the policy allows, _TOO_MUCH if it is
    the target rounded further (and not 0), else _NOT_ROUNDED. Works element-wise on arrays.

    ``scale`` is what a rounding error is compared with for the 5 % guard of 2-decimal roundings:
    each target itself by default; for an array, the size of its largest value, so that a value near
    0 among values near 1 may be rounded to 2 decimals like its neighbours (0.0064 -> 0.01)."""
    v, x = np.broadcast_arrays(np.asarray(values, dtype=float), np.asarray(targets, dtype=float))
    accepted = np.zeros(v.shape, dtype=bool)
    coarse = np.zeros(v.shape, dtype=bool)
    with np.errstate(all="ignore"):
        magnitude = np.floor(np.log10(np.where(x != 0, np.abs(x), 1.0)))
        size = np.abs(x) if scale is None else np.full(x.shape, float(scale))
        share = np.where(size != 0, np.abs(v - x) / np.where(size != 0, size, 1.0), np.inf)

        def rounded(step: Any) -> np.ndarray:
            k = v / step
            return (np.isfinite(k) & (np.abs(k) < 1e9) & (np.abs(k - np.round(k)) <= 1e-6)
                    & (np.abs(v - x) <= np.asarray(step) / 2 * (1 + 1e-9) + 1e-12))

        for decimals in range(0, 9):
            hit = rounded(10.0 ** -decimals)
            if decimals >= ROUND_DECIMALS:
                accepted |= hit & (share <= _ROUND_MAX_SHARE)
                coarse |= hit & (share > _ROUND_MAX_SHARE)
            else:
                coarse |= hit
        for digits in range(1, 9):
            hit = rounded(10.0 ** (magnitude - digits + 1))
            if digits >= ROUND_SIGNIFICANT:
                accepted |= hit
            else:
                coarse |= hit
    # A single number rounded to 0 is not "rounded"; in an array, a small value may round to 0.
    status = np.where(accepted, _ACCEPTED, np.where(coarse & ((v != 0) | (scale is not None)), _TOO_MUCH,
                                                    _NOT_ROUNDED))
    return status


def _is_cut(value: float, target: float) -> bool:
    """True when ``value`` is ``target`` with its digits cut off (towards 0), not rounded.

    >>> _is_cut(5.95, 5.9585), _is_cut(5.9, 5.9585), _is_cut(0.57, 0.5763), _is_cut(5.96, 5.9585)
    (True, True, True, False)
    """
    if value == 0 or not math.isfinite(value) or not math.isfinite(target) or target == 0:
        return False
    finest = 10.0 ** (math.floor(math.log10(abs(target))) - 3)   # a cut keeping 5+ digits is precise enough
    for decimals in range(0, 7):
        step = 10.0 ** -decimals
        if step < finest * (1 - 1e-9):
            break
        k = target / step
        cut = (round(k) if math.isclose(k, round(k), rel_tol=1e-9, abs_tol=1e-9) else math.trunc(k)) * step
        if math.isclose(cut, target, rel_tol=1e-9):
            return False                     # no digit left to cut: the value is the target itself
        # Typed digits are exact (or float32 of them): a value computed in float32 is not "cut" by chance.
        if cut != 0 and (math.isclose(value, cut, rel_tol=1e-12) or value == float(np.float32(cut))):
            return True
    return False


def _scale(values: np.ndarray) -> float | None:
    """The size of an array's largest value (None for an array of zeros or no values)."""
    largest = float(np.max(np.abs(values))) if values.size else 0.0
    return largest if largest > 0 and math.isfinite(largest) else None


def _rounding(value: float, target: float) -> str | None:
    """"accepted", "too much" or None: is ``value`` ``target`` rounded, and how far?

    >>> _rounding(0.58, 0.5763), _rounding(0.576, 0.5763), _rounding(0.6, 0.5763), _rounding(0.57, 0.5763)
    ('accepted', 'accepted', 'too much', None)
    >>> _rounding(7.0, 7.0013), _rounding(4340, 4337.42), _rounding(0.0, 0.0012), _rounding(0.01, 0.0149)
    ('accepted', 'accepted', None, 'too much')
    """
    status = int(_rounding_status(value, target))
    return {_ACCEPTED: "accepted", _TOO_MUCH: "too much"}.get(status)


def _collisions(known_mistakes: Sequence[KnownMistake], expected: Any,
                same: Callable[[Any, Any], bool], is_expected: Callable[[Any], bool]) -> list[str]:
    """How the known mistakes of one checker collide with the expected answer or with each other."""
    problems = []

    def label(index: int) -> str:
        probe, hint = known_mistakes[index]
        shown = "a predicate" if callable(probe) else _short(repr(_plain(probe)), 24)
        return f"{index + 1} ({shown}: {_short(hint, 40)!r})"

    def safely(test: Callable[[], Any]) -> bool:
        try:
            return bool(test())
        except Exception:  # noqa: BLE001 - a probe that cannot be evaluated does not match
            return False

    for i, (probe, _) in enumerate(known_mistakes):
        if callable(probe):
            if safely(lambda: probe(expected)):
                problems.append(f"known mistake {label(i)} matches the expected answer")
        elif safely(lambda: is_expected(probe)):
            problems.append(f"known mistake {label(i)} is accepted as the expected answer")
    for i, j in itertools.combinations(range(len(known_mistakes)), 2):
        (a, hint_a), (b, hint_b) = known_mistakes[i], known_mistakes[j]
        if hint_a == hint_b or (callable(a) and callable(b)):
            continue
        if callable(a) or callable(b):
            predicate, value = (a, b) if callable(a) else (b, a)
            hit = safely(lambda: predicate(value))
        else:
            hit = safely(lambda: same(a, b))
        if hit:
            problems.append(f"known mistakes {label(i)} and {label(j)} match each other: "
                            f"a learner who makes one is told the other")
    return problems


def _plain(value: Any) -> Any:
    """A number or a short list for messages (NumPy scalars and arrays made plain)."""
    try:
        array = np.asarray(value, dtype=float)
    except Exception:  # noqa: BLE001
        return value
    if array.ndim == 0:
        return round(float(array), 6)
    return f"array of shape {array.shape}"


_SYMBOLS = {"⚠️": "[!]", "✅": "[OK]", "❌": "[X]", "⏳": "[...]", "💡": "[hint]", "📝": "[solution]", "²": "2",
            "−": "-", "…": "...", "×": "x"}


def _say(text: str) -> None:
    """print(text); on a console that cannot show every character (e.g. cp949), plain symbols."""
    try:
        print(text)
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "ascii"
        for symbol, plain in _SYMBOLS.items():
            text = text.replace(symbol, plain)
        print(text.encode(encoding, errors="replace").decode(encoding, errors="replace"))


def _require_assignment(code: Any, answer_name: str, where: str) -> None:
    """ValueError unless ``code`` is valid Python that assigns ``answer_name``."""
    if not isinstance(code, str) or not code.strip():
        raise ValueError(f"{where} must be non-empty code")
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        raise ValueError(f"{where} is not valid Python: {exc.msg} (line {exc.lineno})") from None
    assigned = any(isinstance(node, ast.Name) and node.id == answer_name and isinstance(node.ctx, ast.Store)
                   for node in ast.walk(tree))
    if not assigned:
        raise ValueError(f"{where} must assign {answer_name} (e.g. '{answer_name} = ...'): {code!r}")


def _contains_ellipsis(answer: Any) -> bool:
    """True when ``answer`` is ``...`` or a (nested) container that still holds ``...``."""
    budget = [_SCAN_BUDGET]

    def scan(value: Any, depth: int) -> bool:
        if value is Ellipsis:
            return True
        if depth >= _SCAN_DEPTH or budget[0] <= 0:
            return False
        if isinstance(value, dict):
            items: Iterable[Any] = itertools.chain(value.keys(), value.values())
        elif isinstance(value, (list, tuple, set, frozenset)):
            items = value
        elif isinstance(value, np.ndarray) and value.dtype == object:
            items = value.ravel()[: budget[0]]
        else:
            return False
        for item in items:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if scan(item, depth + 1):
                return True
        return False

    try:
        return scan(answer, 0)
    except Exception:  # noqa: BLE001 - a container that cannot be scanned is an attempt
        return False


def _as_float(answer: Any, what: str) -> float:
    """``answer`` as a float, or Incorrect with a hint saying why it is not a single number."""
    if answer is None:
        raise Incorrect(_NONE_MESSAGE)
    if isinstance(answer, (bool, np.bool_)):
        raise Incorrect(f"your {what} is {bool(answer)} (a bool), but a number was expected.")
    if isinstance(answer, (str, bytes)):
        raise Incorrect(f"your {what} is text (a {type(answer).__name__}), not a number: remove the quotes.")
    shape = getattr(answer, "shape", None)
    if isinstance(shape, tuple) and shape != ():
        raise Incorrect(f"your {what} is {_a(describe_type(answer))} of shape {shape}, but a single number "
                        f"was expected" + (": take the number out with .item()." if _size(shape) == 1 else "."))
    if isinstance(answer, (list, tuple, dict, set)):
        count = len(answer)
        raise Incorrect(f"your {what} is {_a(describe_type(answer))} of {count} item{'s' if count != 1 else ''}, "
                        f"but a single number was expected.")
    if isinstance(answer, complex):
        raise Incorrect(f"your {what} is a complex number, but a real number was expected.")
    try:
        value = float(answer)
    except Exception:  # noqa: BLE001 - anything that is not a number
        raise Incorrect(f"your {what} should be a single number, not {_a(describe_type(answer))}.") from None
    if math.isnan(value):
        raise Incorrect(f"your {what} is NaN (not a number): is there a missing value in the data?")
    if math.isinf(value):
        raise Incorrect(f"your {what} is infinite: did you divide by zero?")
    return value


def _as_float_array(answer: Any, what: str) -> np.ndarray:
    """``answer`` as a float array, or Incorrect with a hint saying why it is not one."""
    if answer is None:
        raise Incorrect(_NONE_MESSAGE)
    if isinstance(answer, (str, bytes)):
        raise Incorrect(f"you gave text (a {type(answer).__name__}) as your {what}, but an array of numbers was expected.")
    if isinstance(answer, (dict, set)) or callable(answer):
        raise Incorrect(f"your {what} should be an array of numbers, not {_a(describe_type(answer))}.")
    try:
        value = np.asarray(answer, dtype=float)
    except Exception:  # noqa: BLE001 - ragged lists, text columns, ...
        raise Incorrect(f"your {what} could not be read as an array of numbers "
                        f"(it is {_a(describe_type(answer))}): does it contain text or lists of different lengths?") from None
    return value


def _shape_advice(got: tuple[int, ...], wanted: tuple[int, ...]) -> str:
    if got == (*wanted, 1):
        return ": .ravel() makes a column flat."
    if wanted == (*got, 1):
        return ": .reshape(-1, 1) makes a flat array a column."
    if len(got) == 2 and got == wanted[::-1]:
        return ": rows and columns are swapped (.T transposes)."
    return "."


def _close(rel: float, abs_: float) -> Callable[[float, float], bool]:
    if rel < 0 or abs_ < 0:
        raise ValueError("tolerances must be >= 0")
    return lambda a, b: math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


def _validate_mistakes(known_mistakes: Sequence[KnownMistake], matches_expected: Callable[[Any], bool]) -> None:
    """ValueError for a malformed known mistake or a known-wrong value equal to the expected one."""
    for index, mistake in enumerate(known_mistakes, start=1):
        if not (isinstance(mistake, tuple) and len(mistake) == 2 and isinstance(mistake[1], str) and mistake[1].strip()):
            raise ValueError(f"known mistake {index} must be a (value or predicate, hint) tuple")
        probe = mistake[0]
        if isinstance(probe, type):
            raise ValueError(f"known mistake {index}: use a predicate such as lambda v: isinstance(v, T), not a type")
        if not callable(probe) and matches_expected(probe):
            raise ValueError(f"known mistake {index}: the value {probe!r} is the expected answer")


def _equals(a: Any, b: Any) -> bool:
    return bool(a == b)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _was(n: int) -> str:
    return "was" if n == 1 else "were"


def _activation_label(activation: Any) -> str:
    name = _activation_name(activation)
    return "no activation (leave out activation=..., Keras calls this 'linear')" if name == "linear" else repr(name)


#: Other names (Korean among them) of the three sets, for choice questions whose options are train/validation/test.
_SET_NAMES = {"훈련": "train", "학습": "train", "검증": "validation", "테스트": "test", "평가": "test",
              "시험": "test", "training": "train", "val": "validation", "valid": "validation", "testing": "test",
              "x train": "train", "y train": "train", "x val": "validation", "y val": "validation",
              "x test": "test", "y test": "test"}
_SET_WORDS = re.compile(r"^(?:the\s+|only\s+(?:the\s+)?)?(.*?)"
                        r"(?:\s*(?:set|data|dataset|rows|세트|셋|데이터|데이터셋|용 데이터))?(?:\s+only|만)?$")
#: Full names of the metrics (English and Korean), for choice questions whose options are metrics.
_METRIC_NAMES = {"mean absolute error": "mae", "mean squared error": "mse", "root mean squared error": "rmse",
                 "mean absolute percentage error": "mape", "r squared": "r2", "r²": "r2", "r^2": "r2",
                 "coefficient of determination": "r2", "sum of squared errors": "sse",
                 "평균 절대 오차": "mae", "평균 제곱 오차": "mse", "평균 제곱근 오차": "rmse",
                 "평균 절대 백분율 오차": "mape", "결정 계수": "r2", "결정계수": "r2", "오차 제곱합": "sse"}


def _choose_option(answer: str, valid: Sequence[str], alias: Mapping[str, str]) -> str:
    """The option that ``answer`` names: itself, an alias, a letter with its text, a set's name."""
    plain = _normalize_option(answer)
    candidates = [plain]
    letter = re.match(r"^\(?([a-z])\s*[).:]\s*\S", plain)
    if letter and letter.group(1) in valid and all(len(option) == 1 for option in valid):
        candidates.append(letter.group(1))
    words = _SET_WORDS.match(plain)
    if words and words.group(1):
        candidates.append(words.group(1).strip())
        candidates.append(_SET_NAMES.get(words.group(1).strip(), ""))
    candidates.append(_METRIC_NAMES.get(plain, ""))
    named = re.match(r"^(.*?)\s*\((\w+)\)$", plain)  # "mean absolute error (mae)"
    if named:
        candidates += [named.group(2), _METRIC_NAMES.get(named.group(1), "")]
    for candidate in candidates:
        candidate = alias.get(candidate, candidate)
        if candidate in valid:
            return candidate
    return alias.get(plain, plain)


def _normalize_option(text: Any) -> str:
    """Lower case, "_" and "-" as spaces, no surrounding quotes, brackets or full stop."""
    plain = " ".join(re.sub(r"[_\-]", " ", str(text)).split()).casefold().strip("'\"` ").rstrip(".").strip()
    letter = re.fullmatch(r"\(?(\w)\)", plain)          # "c)" and "(c)" are "c"
    if letter:
        return letter.group(1)
    if plain.endswith(")") and "(" not in plain:
        plain = plain[:-1].strip()
    return plain


def _activation_name(activation: Any) -> str:
    if activation is None:
        return "linear"
    if isinstance(activation, str):
        return activation.strip().lower()
    if isinstance(activation, Mapping):  # a serialized custom activation
        return str(activation.get("config", {}).get("name", activation.get("class_name", "custom")))
    return str(getattr(activation, "__name__", "custom"))


def _describe_exception(exc: BaseException) -> str:
    try:
        return f"{type(exc).__name__}: {exc}"[:500]
    except Exception:  # noqa: BLE001 - an exception whose __str__ fails
        return type(exc).__name__


def _natural_key(name: str) -> tuple[Any, ...]:
    parts = re.split(r"(\d+)", name)
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts))


def _size(shape: tuple[int, ...]) -> int:
    return math.prod(int(n) for n in shape)


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _a(noun: str) -> str:
    """``noun`` with "a" or "an" before it."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
