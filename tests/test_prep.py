"""features_and_target and train_val_test_split: the same rows every time, and clear errors in their own words."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.datasets import load_dataset
from helpers.prep import features_and_target, train_val_test_split


def test_the_split_is_the_same_every_time_and_shares_are_of_all_rows() -> None:
    X, y = features_and_target(load_dataset("auto_mpg"), target="mpg", drop=["name"])
    first, second = train_val_test_split(X, y, seed=42), train_val_test_split(X, y, seed=42)
    assert [len(part) for part in first[:3]] == [234, 79, 79]
    for a, b in zip(first, second):
        assert a.index.equals(b.index)
    assert not set(first.X_train.index) & set(first.X_val.index)
    assert not set(first.X_val.index) & set(first.X_test.index)


@pytest.mark.parametrize(("kwargs", "error", "fragment"), [
    ({"val_size": None}, TypeError, "val_size=...) needs a share such as 0.2, got NoneType"),
    ({"test_size": "0.2"}, TypeError, "test_size=...) needs a share"),
    ({"seed": 4.2}, TypeError, "seed=...) needs a whole number"),
    ({"seed": 2**32}, TypeError, "seed=...) needs a whole number"),
    ({"seed": None}, TypeError, "seed=...) needs a whole number"),
    ({"X": None}, TypeError, "needs X as a table"),
    ({"y": 5}, TypeError, "needs y as a table"),
    ({"val_size": 0.5, "test_size": 0.5}, ValueError, "add up to less than 1"),
    ({"y": pd.Series([1.0, 2.0])}, ValueError, "X has 10 rows but y has 2"),
])
def test_split_rejects_bad_arguments_in_its_own_words(kwargs: dict, error: type, fragment: str) -> None:
    arguments = {"X": pd.DataFrame({"a": np.arange(10.0)}), "y": pd.Series(np.arange(10.0)), **kwargs}
    with pytest.raises(error) as excinfo:
        train_val_test_split(**arguments)
    assert fragment in str(excinfo.value)


@pytest.mark.parametrize(("df", "kwargs", "error", "fragment"), [
    (pd.DataFrame({"a": [1.0, 2.0], "t": ["x", "y"]}), {"target": "t"}, ValueError, "not numbers"),
    (pd.DataFrame({"a": [1.0, 2.0], "t": [True, False]}), {"target": "t"}, ValueError, "not numbers"),
    (pd.DataFrame({"a": [1.0, None], "t": [1.0, 2.0]}), {"target": "t"}, ValueError, "missing values"),
    (pd.DataFrame({"a": [1.0, 2.0]}), {"target": "t"}, KeyError, "no column ['t']"),
    ([[1.0, 2.0]], {"target": "t"}, TypeError, "needs a pandas DataFrame"),
])
def test_features_and_target_rejects_bad_tables(df: object, kwargs: dict, error: type, fragment: str) -> None:
    with pytest.raises(error) as excinfo:
        features_and_target(df, **kwargs)  # type: ignore[arg-type]
    assert fragment in str(excinfo.value)
