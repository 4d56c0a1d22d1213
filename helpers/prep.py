"""Preparing a table for a model: features and target, and a three-way split.

Lesson 01 shows these steps one by one; later lessons call these functions so that every lesson
(and every exercise check) uses exactly the same rows.

Example:
    >>> from helpers.datasets import load_dataset
    >>> X, y = features_and_target(load_dataset("auto_mpg"), target="mpg", drop=["name"])
    >>> parts = train_val_test_split(X, y, seed=42)
    >>> [len(part) for part in parts[:3]]
    [234, 79, 79]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd
from sklearn.model_selection import train_test_split


class Split(NamedTuple):
    """The six parts of a train / validation / test split."""

    X_train: pd.DataFrame
    X_val: pd.DataFrame
    X_test: pd.DataFrame
    y_train: pd.Series
    y_val: pd.Series
    y_test: pd.Series


def features_and_target(
    df: pd.DataFrame, *, target: str, drop: Sequence[str] = ()
) -> tuple[pd.DataFrame, pd.Series]:
    """Split a table into numeric features ``X`` (text columns become 0/1 dummies) and target ``y``.

    Args:
        df: the table, one row per example.
        target: the column to predict.
        drop: columns that are not features (for example an identifier such as a car's name).

    Returns:
        ``(X, y)``: ``X`` has only float columns; ``y`` is the target column as floats.

    Raises:
        TypeError: if ``df`` is not a DataFrame.
        KeyError: if ``target`` or a column of ``drop`` is not in the table.
        ValueError: if the target is not numeric, or the table has missing values (handle them
            first, see lesson 02).
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"features_and_target needs a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in [target, *drop] if c not in df.columns]
    if missing:
        raise KeyError(f"no column {missing} in the table; its columns are {list(df.columns)}")
    if not pd.api.types.is_numeric_dtype(df[target]) or pd.api.types.is_bool_dtype(df[target]):
        raise ValueError(f"the target column {target!r} holds {df[target].dtype} values, not numbers: "
                         "a regression predicts a number, so choose a numeric column as the target")
    if df.isna().any().any():
        counts = df.isna().sum()
        raise ValueError(f"the table has missing values ({counts[counts > 0].to_dict()}): "
                         "drop or fill them before making features")
    X = df.drop(columns=[target, *drop])
    text_columns = [c for c in X.columns if not pd.api.types.is_numeric_dtype(X[c])]
    X = pd.get_dummies(X, columns=text_columns, dtype=float).astype(float)
    return X, df[target].astype(float)


def train_val_test_split(
    X: pd.DataFrame, y: pd.Series, *, val_size: float = 0.2, test_size: float = 0.2, seed: int = 42
) -> Split:
    """Shuffle and split into training, validation and test parts, the same way every time.

    The test part is cut first; the validation part is then cut from what remains, so that
    ``val_size`` and ``test_size`` are both fractions of the whole table.

    Args:
        X: the features.
        y: the target, with as many rows as ``X``.
        val_size: the share of all rows for validation (choosing between models).
        test_size: the share of all rows for the test (used once, at the very end).
        seed: fixes the shuffle, so the split is reproducible.

    Returns:
        A :class:`Split`: ``X_train, X_val, X_test, y_train, y_val, y_test``.

    Raises:
        TypeError: if X or y is not a table or column, a size is not a number, or seed not a whole number.
        ValueError: if the sizes are not between 0 and 1 together, or X and y differ in length.
    """
    for name, value in (("X", X), ("y", y)):
        if not hasattr(value, "__len__") or isinstance(value, (str, bytes)):
            raise TypeError(f"train_val_test_split needs {name} as a table or column of numbers "
                            f"(a DataFrame, Series or array), got {type(value).__name__}")
    for name, value in (("val_size", val_size), ("test_size", test_size)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"train_val_test_split({name}=...) needs a share such as 0.2, got {type(value).__name__}")
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**32:
        raise TypeError(f"train_val_test_split(seed=...) needs a whole number from 0 to 2**32 - 1 such as 42, "
                        f"got {seed!r}")
    if not (0 < val_size < 1 and 0 < test_size < 1 and val_size + test_size < 1):
        raise ValueError(f"val_size and test_size must be between 0 and 1 and add up to less than 1; "
                         f"got {val_size} and {test_size}")
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} rows but y has {len(y)}: they must match")
    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=test_size, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_rest, y_rest, test_size=val_size / (1 - test_size), random_state=seed)
    return Split(X_train, X_val, X_test, y_train, y_val, y_test)
