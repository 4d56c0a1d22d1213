"""Preparing a table for a model: features and target, and a three-way split.

Lesson 01 shows these steps one by one; later lessons call these functions, so that every lesson
(and every exercise check) uses exactly the same rows.
"""

from collections.abc import Sequence
from typing import Any, NamedTuple

import pandas as pd
from sklearn.model_selection import train_test_split

from helpers.language import _


class Split(NamedTuple):
    """The six parts of a train / validation / test split (lesson 01, 01_models_and_error)."""

    X_train: pd.DataFrame
    X_val: pd.DataFrame
    X_test: pd.DataFrame
    y_train: pd.Series
    y_val: pd.Series
    y_test: pd.Series


def features_and_target(
    df: pd.DataFrame, *, target: str, drop: Sequence[str] = ()
) -> tuple[pd.DataFrame, pd.Series]:
    """Float features ``X`` (text columns become 0/1 dummies) and the float target ``y``.

    Introduced in lesson 01 (01_models_and_error.ipynb); lesson 02 explains the dummies. ``drop``
    names columns that are not features, such as a car's name. The table must have no missing
    values (lesson 02 shows how to handle them).
    """
    if not isinstance(df, pd.DataFrame):
        message = _("features_and_target needs a pandas DataFrame, got {type}")
        raise TypeError(message.format(type=type(df).__name__))
    missing = [c for c in [target, *drop] if c not in df.columns]
    if missing:
        message = _("no column {missing} in the table; its columns are {columns}")
        raise KeyError(message.format(missing=missing, columns=list(df.columns)))
    if not pd.api.types.is_numeric_dtype(df[target]) or pd.api.types.is_bool_dtype(df[target]):
        message = _(
            "the target column {target!r} holds {dtype} values, not numbers: "
            "a regression predicts a number, so choose a numeric column as the target"
        )
        raise ValueError(message.format(target=target, dtype=df[target].dtype))
    if df.isna().any().any():
        counts = df.isna().sum()
        message = _(
            "the table has missing values ({counts}): drop or fill them before making features"
        )
        raise ValueError(message.format(counts=counts[counts > 0].to_dict()))
    X = pd.get_dummies(df.drop(columns=[target, *drop]), dtype=float).astype(float)
    return X, df[target].astype(float)


def train_val_test_split(
    X: Any, y: Any, *, val_size: float = 0.2, test_size: float = 0.2, seed: int = 42
) -> Split:
    """Shuffle and split into training, validation and test parts, the same way every time.

    Introduced in lesson 01 (01_models_and_error.ipynb). The test part is cut first, then the
    validation part from the rest, so that both sizes are shares of the whole table.
    """
    for name, size in (("val_size", val_size), ("test_size", test_size)):
        if isinstance(size, bool) or not isinstance(size, (int, float)) or not 0 < size < 1:
            message = _("{name} must be a share between 0 and 1, such as 0.2; got {size!r}")
            raise ValueError(message.format(name=name, size=size))
    if val_size + test_size >= 1:
        message = _("val_size + test_size must be less than 1; got {total}")
        raise ValueError(message.format(total=val_size + test_size))
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(_("seed must be a whole number such as 42; got {seed!r}", seed=seed))
    if not 0 <= seed < 2**32:
        raise ValueError(_("seed must be from 0 to 2**32 - 1; got {seed}", seed=seed))
    if not all(hasattr(v, "__len__") and not isinstance(v, str) for v in (X, y)):
        raise TypeError(_("X and y must be a table and a column (a DataFrame, Series or array)"))
    if len(X) != len(y):
        raise ValueError(_("X has {n} rows but y has {m}: they must match", n=len(X), m=len(y)))
    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=test_size, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_rest, y_rest, test_size=val_size / (1 - test_size), random_state=seed
    )
    return Split(X_train, X_val, X_test, y_train, y_val, y_test)
