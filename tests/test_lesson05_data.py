"""Lesson 05's colleague history: a learner may change what they are given, never what the check uses.

The bad-input review found that ``lesson05.COLLEAGUE_HISTORY`` was one shared dict of lists: a learner's
``colleague["val_loss"].sort()`` changed it for the rest of the kernel's life, so running the exercise
cell again (``colleague = ex.COLLEAGUE_HISTORY``) gave the sorted list back, and the correct code
``np.argmin(colleague["val_loss"]) + 1`` then gave 1, judged wrong, until a kernel restart.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import lesson05


def test_changing_a_copy_does_not_change_the_next_one() -> None:
    colleague = lesson05.colleague_history()
    colleague["val_loss"].sort()
    colleague["loss"].reverse()
    colleague["val_loss"].append(0.0)
    colleague.pop("loss")

    colleague = lesson05.colleague_history()  # the exercise cell, run again
    answer = int(np.argmin(colleague["val_loss"])) + 1
    assert lesson05.q3.evaluate(answer).is_correct
    assert len(colleague["loss"]) == len(colleague["val_loss"]) == 25


def test_every_call_gives_new_lists_of_the_same_numbers() -> None:
    first, second = lesson05.colleague_history(), lesson05.colleague_history()
    assert first == second
    assert first is not second
    assert first["loss"] is not second["loss"] and first["val_loss"] is not second["val_loss"]


def test_the_history_has_the_shape_of_a_keras_history() -> None:
    colleague = lesson05.colleague_history()
    assert set(colleague) == {"loss", "val_loss"}
    assert all(isinstance(values, list) for values in colleague.values())
    assert all(isinstance(v, float) for values in colleague.values() for v in values)


def test_the_check_does_not_read_a_learners_copy() -> None:
    colleague = lesson05.colleague_history()
    colleague["val_loss"][:] = sorted(colleague["val_loss"], reverse=True)  # best epoch would now be 25
    assert not lesson05.q3.evaluate(25).is_correct
    assert lesson05.q3.evaluate(11).is_correct


def test_no_shared_mutable_history_is_handed_out() -> None:
    for name in dir(lesson05):
        value = getattr(lesson05, name)
        if isinstance(value, dict):
            assert not any(isinstance(v, list) for v in value.values()), (
                f"lesson05.{name} is a dict of lists that every caller shares: hand out copies instead")
