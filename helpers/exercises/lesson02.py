"""Exercises of lesson 02 (02_scaling.ipynb): normalization, standardization, fit on train only."""

from typing import Any

import numpy as np
import pandas as pd

from helpers.exercises import Exercise, expect_array_close, expect_choice, expect_number
from helpers.exercises.lesson01 import cars_split


def _one_number(answer: Any) -> Any:
    """A scaler's output of shape (1, 1) as its number; anything else unchanged."""
    try:
        values = np.asarray(answer)
    except Exception:
        return answer
    return values.item() if values.size == 1 and values.dtype.kind in "iuf" else answer


def _minmax_150(hp: pd.Series) -> float:
    """150 hp normalized with the min and max of ``hp``."""
    return (150 - hp.min()) / (hp.max() - hp.min())


def _check_minmax_value(answer: Any) -> None:
    s = cars_split()
    hp = s.X_train["horsepower"]
    low, high, right = hp.min(), hp.max(), _minmax_150(hp)
    every_car = pd.concat([s.X_train, s.X_val, s.X_test])["horsepower"]
    on_all, on_test = _minmax_150(every_car), _minmax_150(s.X_test["horsepower"])
    percent = "that is a percentage: a normalized value is between 0 and 1 here, not × 100."
    brackets = (
        "Python divides before it subtracts: put both in brackets, (150 - min) / (max - min)."
    )
    expect_number(
        right,
        what="normalized horsepower",
        known_mistakes={
            # The validation cars hold the extremes of all cars (46 and 230 hp): one hint for both.
            on_all: "that uses all cars or the validation cars: use the training set only.",
            on_test: "that uses the test cars: use the training set only.",
            lambda v: abs(v - 100 * right) <= 0.5: percent,
            (high - 150) / (high - low): "that is 1 minus the answer: subtract the min from 150.",
            150 / high: "dividing by the max alone is not min-max: subtract the minimum first.",
            # A narrow predicate: as a value, its rounding (150) would catch the raw horsepower too.
            lambda v: abs(v - (150 - low / (high - low))) <= 0.005: brackets,
            (150 - low) / high - low: brackets,
            150: "that is the horsepower itself: normalize it with (150 − min) / (max − min).",
        },
    )(_one_number(answer))


def _check_standardized(answer: Any) -> None:
    s = cars_split()
    train, val = s.X_train["acceleration"], s.X_val["acceleration"]
    every_car = pd.concat([s.X_train, s.X_val, s.X_test])["acceleration"]

    def z(rows: pd.Series, ddof: int = 0) -> np.ndarray:
        return ((val - rows.mean()) / rows.std(ddof=ddof)).to_numpy()

    own = "you used the validation set's own mean and std; use the training set's."
    every = "you used the mean and std of all cars; use the training set's only."
    # abs=1e-5: keras.layers.Normalization computes in float32 and is a correct way too.
    expect_array_close(
        z(train),
        rel=1e-6,
        abs=1e-5,
        what="standardized accelerations",
        squeeze=True,
        known_mistakes=[
            (z(train, ddof=1), "pandas' .std() divides by n − 1; StandardScaler by n: use ddof=0."),
            ((val - train.mean()).to_numpy(), "you subtracted the mean but did not divide by std."),
            (z(val), own),
            (z(val, ddof=1), own),
            (z(every_car), every),
            (z(every_car, ddof=1), every),
        ],
    )(answer)


q1 = Exercise(
    "q1",
    _check_minmax_value,
    hint="x' = (x − min) / (max − min), with the min and max of X_train['horsepower'].",
    solution="hp = X_train['horsepower']\nq1_answer = (150 - hp.min()) / (hp.max() - hp.min())",
    correct_message="About 0.58: a 150 hp car is a little above the middle of the training range.",
)

q2 = Exercise(
    "q2",
    expect_choice(
        "train",
        {
            "all": "validation and test cars move the min and max too: data leakage (데이터 누수).",
            "validation": "the validation set is only transformed, with the training numbers.",
            "test": "the test set is used once, at the very end; it must not shape training.",
        },
        aliases=dict.fromkeys(["all the data", "everything", "전체", "모든", "모두"], "all"),
    ),
    hint="Which set may the model (and everything it learns from) see while it is trained?",
    solution='q2_answer = "train"',
    correct_message="Fit on the training set only; validation and test are only transformed.",
)

q3 = Exercise(
    "q3",
    expect_choice(
        "b",
        {
            "a": "refitting would give the same car another number than in training.",
            "c": "1.03 is not horsepower: it is a place on the training scale (min 0, max 1).",
            "d": "clipping would make this car as strong as the strongest training car: false.",
        },
        options="abcd",
    ),
    hint="0 is the smallest training value and 1 the largest. What is above 1?",
    solution='q3_answer = "b"',
    correct_message="New data may lie outside the training range; the same formula still applies.",
)

q4 = Exercise(
    "q4",
    _check_standardized,
    hint="z = (x − mean) / std with the mean and the std (ddof=0) of X_train['acceleration'], "
    "applied to X_val['acceleration'].",
    solution="acc = X_train['acceleration']\n"
    "q4_answer = (X_val['acceleration'] - acc.mean()) / acc.std(ddof=0)",
    correct_message="The same numbers as StandardScaler().fit(X_train).transform(X_val) give.",
)
