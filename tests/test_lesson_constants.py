"""What a lesson module keeps for its checks cannot be changed in place by a learner (issue 10).

A learner may do anything to what a lesson gives them (``colleague["val_loss"].sort()``,
``ex.ACTS[0] = 1``); the checks must still expect the same answers, so a lesson module holds no
public list, dict, set, writable array or DataFrame, and hands out fresh copies.
"""

from __future__ import annotations

import importlib
from types import ModuleType

import numpy as np
import pandas as pd
import pytest

from helpers.exercises import lesson05, lesson06

MODULES = [importlib.import_module(f"helpers.exercises.lesson{n:02d}") for n in range(10)]


def _changeable(value: object) -> bool:
    if isinstance(value, np.ndarray):
        return bool(value.flags.writeable)
    return isinstance(value, (list, dict, set, bytearray, pd.DataFrame, pd.Series))


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_no_public_constant_can_be_changed_in_place(module: ModuleType) -> None:
    changeable = [
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and _changeable(value)
    ]
    assert changeable == [], f"{module.__name__}: make these read-only (tuple, array): {changeable}"


def test_the_table_of_dead_units_cannot_be_changed() -> None:
    with pytest.raises(ValueError):
        lesson06.ACTS[:, 0] = 1.0  # node 1 would come alive: 2 dead units instead of 3
    assert lesson06.q3.evaluate(3).status == "correct"


def test_changing_the_colleagues_history_does_not_change_the_next_copy_or_the_check() -> None:
    # v0.1 handed out one shared dict of lists: a learner's .sort() changed it for the kernel's
    # life, and the correct np.argmin(colleague["val_loss"]) + 1 was judged wrong until a restart.
    colleague = lesson05.colleague_history()
    colleague["val_loss"].sort()
    colleague["loss"].reverse()
    colleague.pop("loss")
    assert not lesson05.q3.evaluate(25).is_correct
    colleague = lesson05.colleague_history()  # the exercise cell, run again
    assert set(colleague) == {"loss", "val_loss"} and len(colleague["loss"]) == 25
    assert (
        colleague == lesson05.colleague_history() and colleague is not lesson05.colleague_history()
    )
    assert lesson05.q3.evaluate(int(np.argmin(colleague["val_loss"])) + 1).is_correct
