"""Exercises of lesson 02 (notebooks/02_scaling.ipynb): normalization, standardization, fit on train only."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from helpers.datasets import load_dataset
from helpers.exercises import Exercise, ValueCheck, expect_array_close, expect_choice, expect_number
from helpers.prep import Split, features_and_target, train_val_test_split

#: The car of exercise 1, in horsepower.
HORSEPOWER = 150.0


@cache
def _split() -> Split:
    """The lesson's split: the same rows as the notebook's X_train, X_val, ..."""
    return train_val_test_split(*features_and_target(load_dataset("auto_mpg"), target="mpg", drop=["name"]),
                                seed=42)


def _one_number(answer: Any) -> Any:
    """A size-1 array, Series, DataFrame or list of numbers (e.g. a scaler's output of shape (1, 1)) as
    that number; anything else unchanged, for expect_number to judge."""
    try:
        values = np.asarray(answer)
    except Exception:  # noqa: BLE001 - ragged lists and the like: expect_number explains
        return answer
    if values.ndim == 0 or values.size != 1 or values.dtype.kind not in "iuf":
        return answer
    return float(values.reshape(()))


def _check_minmax_value(answer: Any) -> None:
    s = _split()
    train = s.X_train["horsepower"]
    every_car = pd.concat([s.X_train, s.X_val, s.X_test])["horsepower"]
    test = s.X_test["horsepower"]
    low, high = train.min(), train.max()
    expected = (HORSEPOWER - low) / (high - low)
    other_sets = "the training set only: the scaler learns from the training cars alone."
    percentage = "that is a percentage: a normalized value is a plain number between 0 and 1 here, not × 100."
    precedence = "Python divides before it subtracts (× and / come before + and −, as in maths): "
    # The validation cars hold both extremes of all cars (46 and 230 hp), so those two mistakes give
    # the same value: one probe whose hint names both (two probes would collide).
    expect_number(expected, rel=1e-4, what="normalized horsepower", known_mistakes=[
        ((HORSEPOWER - every_car.min()) / (every_car.max() - every_car.min()),
         "that uses the minimum and maximum of all cars or of the validation cars (here they are the same); "
         "use " + other_sets),
        ((HORSEPOWER - test.min()) / (test.max() - test.min()),
         "that uses the minimum and maximum of the test cars; use " + other_sets),
        (100 * expected, percentage),
        # The percentage rounded to a whole number (58 for 57.63) is not a rounding the policy accepts, so
        # the value probe above misses it: this predicate (same hint) catches 57.13 to 58.13.
        (lambda v: abs(v - 100 * expected) <= 0.5, percentage),
        ((high - HORSEPOWER) / (high - low),
         "that is 1 minus the answer: subtract the minimum from the value, not the value from the maximum."),
        (HORSEPOWER / high, "dividing by the maximum alone is not min-max: subtract the minimum first, "
                            "then divide by (max − min)."),
        ((HORSEPOWER - low) / high, "divide by the range (max − min), not by the maximum."),
        # A predicate with a narrow tolerance: as a value probe, its 3-digit rounding (150) would also
        # catch the raw horsepower, a different mistake (next probe).
        (lambda v: abs(v - (HORSEPOWER - low / (high - low))) <= 0.005,
         precedence + "150 - hp.min() / (hp.max() - hp.min()) divides only hp.min() by the range. "
                      "Put the subtraction in parentheses: (150 - hp.min()) / (hp.max() - hp.min())."),
        (HORSEPOWER, "that is the horsepower itself: normalize it with the formula, "
                     "(150 − min) / (max − min), using the training minimum and maximum."),
        ((HORSEPOWER - low) / high - low,
         precedence + "(150 - hp.min()) / hp.max() - hp.min() divides by hp.max() alone, then subtracts "
                      "hp.min(). Put the range in parentheses too: (150 - hp.min()) / (hp.max() - hp.min())."),
        ((HORSEPOWER - train.mean()) / train.std(ddof=0),
         "that is standardization (mean and standard deviation); min-max uses the minimum and maximum."),
        ((HORSEPOWER - train.mean()) / train.std(),
         "that is standardization (mean and standard deviation); min-max uses the minimum and maximum."),
    ])(_one_number(answer))


def _check_standardized(answer: Any) -> None:
    s = _split()
    train, val = s.X_train["acceleration"], s.X_val["acceleration"]
    every_car = pd.concat([s.X_train, s.X_val, s.X_test])["acceleration"]
    own = "you used the validation set's own mean and std; use the training set's (fit on train only)."
    every = "you used the mean and std of all cars; use the training set's only (fit on train only)."
    # abs=1e-5: keras.layers.Normalization computes in float32 and is a correct way too.
    expect_array_close(((val - train.mean()) / train.std(ddof=0)).to_numpy(), rel=1e-6, abs=1e-5,
                       what="standardized accelerations", squeeze=True, known_mistakes=[
        (((val - train.mean()) / train.std(ddof=1)).to_numpy(),
         "pandas' .std() divides by n − 1; StandardScaler divides by n: use .std(ddof=0)."),
        ((val - train.mean()).to_numpy(),
         "you subtracted the mean but did not divide by the standard deviation."),
        ((val / train.std(ddof=0)).to_numpy(),
         "you divided by the standard deviation but did not subtract the mean first."),
        (((val - train.mean()) / train.var(ddof=0)).to_numpy(),
         "you divided by the variance; divide by the standard deviation (its square root, .std(ddof=0))."),
        (((val - val.mean()) / val.std(ddof=0)).to_numpy(), own),
        (((val - val.mean()) / val.std(ddof=1)).to_numpy(), own),
        (((val - every_car.mean()) / every_car.std(ddof=0)).to_numpy(), every),
        (((val - every_car.mean()) / every_car.std(ddof=1)).to_numpy(), every),
        (((val - train.min()) / (train.max() - train.min())).to_numpy(),
         "that is min-max normalization; standardization subtracts the mean and divides by the std."),
        (((train - train.mean()) / train.std(ddof=0)).to_numpy(),
         "those are the training cars; standardize the validation cars (X_val) with the training numbers."),
    ])(answer)


q1 = Exercise(
    "q1",
    ValueCheck(_check_minmax_value, expects="a single number"),
    hint="x' = (x − min) / (max − min), with the min and max of X_train['horsepower'].",
    solution=("hp = X_train['horsepower']\n"
              "q1_answer = (150 - hp.min()) / (hp.max() - hp.min())"),
    answer_name="q1_answer",
    correct_message="About 0.58: a 150 hp car sits a little above the middle of the training range.",
)

q2 = Exercise(
    "q2",
    expect_choice("train", {
        "all": "fitting on all the data lets validation and test cars choose the min and max: that is data "
               "leakage (데이터 누수), and your validation score is no longer about unseen cars.",
        "validation": "the validation set must be transformed with the numbers learned from the training "
                      "set, so that a value means the same thing in every set.",
        "test": "the test set is used once, at the very end; it must not shape any step of training.",
    }, aliases={"training": "train", "training set": "train", "train set": "train", "x_train": "train",
                "training data": "train", "val": "validation", "valid": "validation",
                "validation set": "validation", "x_val": "validation", "test set": "test", "testing": "test",
                "x_test": "test", "all data": "all", "all the data": "all", "everything": "all"}),
    hint="Which set may the model (and everything it learns from) see while it is trained?",
    solution='q2_answer = "train"',
    answer_name="q2_answer",
    # The message started in lower case ("fit on the training set; ...").
    correct_message="Fit on the training set only; validation and test are only transformed, with the "
                    "training numbers.",
)

q3 = Exercise(
    "q3",
    expect_choice("b", {
        "a": "refitting on the validation set would give the same car a different number than during "
             "training: the model's weights were learned for the training scale.",
        "c": "1.03 is not in horsepower: it is a position relative to the training minimum (0) and maximum (1).",
        "d": "clipping would tell the model this car is exactly as strong as the strongest training car, which "
             "is false; the model can use 1.03 as it is.",
    }, options="abcd"),
    hint="0 is the smallest training value and 1 the largest. What is above 1?",
    solution='q3_answer = "b"',
    answer_name="q3_answer",
    correct_message="New data may lie outside the training range; the same formula still applies.",
)

q4 = Exercise(
    "q4",
    ValueCheck(_check_standardized, expects="an array or Series of numbers, one per validation car"),
    hint="z = (x − mean) / std with the mean and the std (ddof=0) of X_train['acceleration'], applied to "
         "X_val['acceleration'].",
    solution=("acc = X_train['acceleration']\n"
              "q4_answer = (X_val['acceleration'] - acc.mean()) / acc.std(ddof=0)"),
    answer_name="q4_answer",
    correct_message="The same numbers as StandardScaler().fit(X_train).transform(X_val) give for acceleration.",
)
