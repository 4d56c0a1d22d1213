"""The audit of known mistakes: no known mistake may be the right answer, nor match another known
mistake with a different hint (a learner would be told a mistake they did not make).

``audit(exercise, answer)`` evaluates an answer and audits every ``expect_*`` check that judged it,
including those that a lesson's own check function builds while checking. The exercise harness
(``tests/exercise_harness.py``) runs it on every answer of every lesson, inside the lesson's kernel.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from typing import Any

from helpers.exercises import CheckResult, Exercise, ValueCheck


@contextlib.contextmanager
def recording() -> Iterator[list[ValueCheck]]:
    """The ValueChecks called inside the ``with`` block, in the order they were called."""
    called: list[ValueCheck] = []
    original = ValueCheck.__call__

    def record(check: ValueCheck, answer: Any) -> None:
        called.append(check)
        original(check, answer)

    ValueCheck.__call__ = record
    try:
        yield called
    finally:
        ValueCheck.__call__ = original


def audit(exercise: Exercise, answer: Any) -> tuple[CheckResult, list[str]]:
    """The result of ``exercise.evaluate(answer)``, and the problems of the checks that judged it.

    >>> from helpers.exercises import expect_number
    >>> check = expect_number(7.0, known_mistakes={5.0: "the MAE", 5.001: "the median"})
    >>> q1 = Exercise("q1", check, hint="h", solution="q1_answer = 7.0")
    >>> audit(q1, 7.0)[1]
    ["known mistakes 1 (5.0: 'the MAE') and 2 (5.001: 'the median') match each other"]
    """
    with recording() as called:
        result = exercise.evaluate(answer)
    problems: list[str] = []
    for check in called:
        problems += [problem for problem in collisions(check) if problem not in problems]
    return result, problems


def collisions(check: ValueCheck) -> list[str]:
    """How the known mistakes of one check are malformed, or collide with the expected answer or
    with each other (a pair of predicates cannot be compared)."""
    mistakes = list(check.known_mistakes)
    malformed = [
        f"known mistake {number} must be (a wrong value, or a predicate such as "
        f"lambda v: isinstance(v, T) rather than a type T; a hint)"
        for number, mistake in enumerate(mistakes, start=1)
        if not (isinstance(mistake, tuple) and len(mistake) == 2)
        or not (isinstance(mistake[1], str) and mistake[1].strip())
        or isinstance(mistake[0], type)
    ]
    if malformed:
        return malformed
    problems = []
    for number, (probe, _) in enumerate(mistakes, start=1):
        if callable(probe) and _holds(probe, check.expected):
            problems.append(f"known mistake {_label(mistakes, number)} matches the expected answer")
        elif not callable(probe) and _holds(check.func, probe, accepted=True):
            problems.append(f"known mistake {_label(mistakes, number)} is accepted as the answer")
    pairs = itertools.combinations(enumerate(mistakes, start=1), 2)
    for (first, (a, hint_a)), (second, (b, hint_b)) in pairs:
        if hint_a == hint_b or (callable(a) and callable(b)):
            continue
        if callable(a) or callable(b):
            hit = _holds(a, b) if callable(a) else _holds(b, a)
        else:
            hit = check.same is not None and _holds(check.same, a, b)
        if hit:
            labels = f"{_label(mistakes, first)} and {_label(mistakes, second)}"
            problems.append(f"known mistakes {labels} match each other")
    return problems


def _holds(function: Any, *arguments: Any, accepted: bool = False) -> bool:
    """``function(*arguments)`` is true (or, with ``accepted``, returns without raising)."""
    try:
        returned = function(*arguments)
    except Exception:
        return False
    return accepted or bool(returned)


def _label(mistakes: list[tuple[Any, str]], number: int) -> str:
    probe, hint = mistakes[number - 1]
    shown = "a predicate" if callable(probe) else " ".join(repr(probe).split())[:24]
    return f"{number} ({shown}: {hint[:40]!r})"
