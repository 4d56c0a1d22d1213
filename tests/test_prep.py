"""features_and_target and train_val_test_split: the same rows every time, errors in their words."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from helpers.datasets import load_dataset
from helpers.prep import features_and_target, train_val_test_split


def test_the_split_is_the_same_every_time_and_shares_are_of_all_rows() -> None:
    X, y = features_and_target(load_dataset("auto_mpg"), target="mpg", drop=["name"])
    assert (X.dtypes == "float64").all() and "origin_USA" in X.columns and "name" not in X.columns
    first, second = train_val_test_split(X, y, seed=42), train_val_test_split(X, y, seed=42)
    assert [len(part) for part in first[:3]] == [234, 79, 79]
    for a, b in zip(first, second, strict=True):
        assert a.index.equals(b.index)
    assert not set(first.X_train.index) & set(first.X_val.index)
    assert not set(first.X_val.index) & set(first.X_test.index)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"val_size": None},
            ValueError,
            "val_size must be a share between 0 and 1, such as 0.2; got None",
        ),
        (
            {"test_size": "0.2"},
            ValueError,
            "test_size must be a share between 0 and 1, such as 0.2; got '0.2'",
        ),
        ({"val_size": 1.5}, ValueError, "val_size must be a share between 0 and 1"),
        ({"test_size": 0}, ValueError, "test_size must be a share between 0 and 1"),
        (
            {"val_size": 0.5, "test_size": 0.5},
            ValueError,
            "val_size + test_size must be less than 1; got 1.0",
        ),
        ({"seed": "42"}, TypeError, "seed must be a whole number such as 42; got '42'"),
        ({"seed": 4.2}, TypeError, "seed must be a whole number such as 42; got 4.2"),
        ({"seed": None}, TypeError, "seed must be a whole number such as 42; got None"),
        ({"seed": -1}, ValueError, "seed must be from 0 to 2**32 - 1; got -1"),
        ({"seed": 2**32}, ValueError, "seed must be from 0 to 2**32 - 1; got 4294967296"),
        ({"X": None}, TypeError, "X and y must be a table and a column"),
        ({"y": 5}, TypeError, "X and y must be a table and a column"),
        ({"y": pd.Series([1.0, 2.0])}, ValueError, "X has 10 rows but y has 2: they must match"),
    ],
)
def test_split_rejects_bad_arguments_in_its_own_words(
    kwargs: dict, error: type, message: str
) -> None:
    arguments = {
        "X": pd.DataFrame({"a": np.arange(10.0)}),
        "y": pd.Series(np.arange(10.0)),
        **kwargs,
    }
    with pytest.raises(error) as excinfo:
        train_val_test_split(**arguments)
    assert message in str(excinfo.value)


@pytest.mark.parametrize(
    ("df", "error", "message"),
    [
        # v0.1: a text target reached pandas/scikit-learn and failed there, in their words.
        (
            pd.DataFrame({"a": [1.0, 2.0], "t": ["x", "y"]}),
            ValueError,
            "the target column 't' holds",
        ),
        (pd.DataFrame({"a": [1.0, 2.0], "t": [True, False]}), ValueError, "not numbers"),
        (
            pd.DataFrame({"a": [1.0, None], "t": [1.0, 2.0]}),
            ValueError,
            "the table has missing values ({'a': 1})",
        ),
        (
            pd.DataFrame({"a": [1.0, 2.0]}),
            KeyError,
            "no column ['t'] in the table; its columns are ['a']",
        ),
        ([[1.0, 2.0]], TypeError, "features_and_target needs a pandas DataFrame, got list"),
    ],
)
def test_features_and_target_rejects_bad_tables(df: object, error: type, message: str) -> None:
    with pytest.raises(error) as excinfo:
        features_and_target(df, target="t")
    assert message in str(excinfo.value)


# --- the Korean edition: setup_lesson(language="ko") ----------------------------------------------


X10, Y10 = pd.DataFrame({"a": np.arange(10.0)}), pd.Series(np.arange(10.0))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: train_val_test_split(X10, Y10, seed="42"),
            TypeError,
            "seed 인수는 42 같은 정수여야 합니다. 받은 값: '42'",
        ),
        (
            lambda: train_val_test_split(X10, Y10[:2]),
            ValueError,
            "X에는 행이 10개, y에는 2개 있습니다. 행의 개수가 같아야 합니다.",
        ),
        (
            lambda: features_and_target(pd.DataFrame({"a": [1.0], "t": [True]}), target="t"),
            ValueError,
            "타깃 열 't'에는 숫자가 아니라 bool 값이 들어 있습니다.",
        ),
    ],
)
def test_a_korean_lesson_gets_its_errors_in_korean(
    korean: None, call: Callable[[], object], error: type, message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        call()
