"""Exercises of lesson 01 (01_models_and_error.ipynb): error metrics and the three sets."""

from functools import cache
from typing import Any

import numpy as np
from sklearn import metrics
from sklearn.linear_model import LinearRegression

from helpers.datasets import load_dataset
from helpers.exercises import Exercise, expect_choice, expect_number
from helpers.language import _
from helpers.prep import Split, features_and_target, train_val_test_split


@cache
def cars_split() -> Split:
    """The split of lessons 01, 02 and 05: the same rows as their X_train, X_val, ..."""
    cars = load_dataset("auto_mpg")
    return train_val_test_split(*features_and_target(cars, target="mpg", drop=["name"]), seed=42)


def _baseline_mae(y: Any, prediction: float) -> float:
    """The MAE of predicting one value for every car."""
    return metrics.mean_absolute_error(y, np.full(len(y), prediction))


def _check_baseline_mae(answer: Any) -> None:
    s = cars_split()
    mean = s.y_train.mean()
    errors = s.y_val - mean
    mse = metrics.mean_squared_error(s.y_val, np.full(len(s.y_val), mean))
    cancel = "positive and negative errors cancel out: take np.abs() of each error, then the mean."
    # The validation mean (22.996) and the training median (23.0) give one MAE: one hint for both.
    about_23 = _(
        "that is the MAE of predicting about 23.0 mpg: the validation mean or the training "
        "median. The baseline predicts the training mean, {mean:.1f} mpg: use pred_baseline."
    ).format(mean=mean)
    # rel=1e-4: the validation RMSE (7.0013) and the training MAE (6.9963) are only 0.07 % apart.
    expect_number(
        _baseline_mae(s.y_val, mean),
        rel=1e-4,
        what="MAE",
        known_mistakes={
            errors.mean(): cancel,
            abs(errors.mean()): cancel,
            _baseline_mae(s.y_train, mean): "that is the error on the training set; use y_val.",
            _baseline_mae(s.y_test, mean): "that is the error on the test set; use y_val.",
            _baseline_mae(s.y_val, s.y_val.mean()): about_23,
            _baseline_mae(s.y_val, s.y_train.median()): about_23,
            mse: "that is the MSE; MAE averages the absolute errors, no squares.",
            np.sqrt(mse): "that is the RMSE; MAE averages the absolute errors, no squares.",
            errors.abs().sum(): "that is the sum of the absolute errors: divide by their number.",
        },
    )(answer)


def _check_train_r2(answer: Any) -> None:
    s = cars_split()
    linear = LinearRegression().fit(s.X_train, s.y_train)
    pred = linear.predict(s.X_train)
    r2, mse = metrics.r2_score(s.y_train, pred), metrics.mean_squared_error(s.y_train, pred)
    sst_val_mean = np.mean((s.y_train - s.y_val.mean()) ** 2)
    # rel=1e-5: every correct form gives the same float64; MSE / y_train.var() is only 0.09 % off.
    expect_number(
        r2,
        rel=1e-5,
        what="training R²",
        known_mistakes={
            1 - r2: "that is SSE / SST; R² is 1 minus that.",
            100 * r2: "R² is a fraction between 0 and 1 here, not a percentage.",
            linear.score(s.X_val, s.y_val): "that is the R² of the validation set.",
            linear.score(s.X_test, s.y_test): "that is the R² of the test set.",
            1 - mse / sst_val_mean: "your SST uses the validation mean; use y_train.mean().",
            metrics.r2_score(pred, s.y_train): "you swapped the arguments: y_true comes first.",
            1 - mse / s.y_train.var(): "your variance divides by n − 1; use np.var(y_train).",
        },
    )(answer)


q1 = Exercise(
    "q1",
    _check_baseline_mae,
    hint="An error is actual minus predicted. MAE takes the size of each error, ignoring its sign, "
    "then averages them over the validation cars.",
    solution="q1_answer = np.mean(np.abs(y_val - pred_baseline))",
    correct_message="The baseline misses by about 6 mpg on average: the number to beat.",
)

q2 = Exercise(
    "q2",
    expect_choice(
        "validation",
        {
            "train": "the training error rewards a model that memorises its training cars.",
            "test": "the test set is used once, at the very end, to report the chosen model.",
        },
    ),
    hint="One set is for fitting, one for choosing, one for the final report.",
    solution='q2_answer = "validation"',
    correct_message="Validation chooses; the test set stays untouched until the end.",
)

q3 = Exercise(
    "q3",
    _check_train_r2,
    hint="SSE: the sum of the squared errors on the training cars. SST: the sum of the squared "
    "differences between each training target and their mean.",
    solution="errors = y_train - linear.predict(X_train)\n"
    "q3_answer = 1 - np.sum(errors ** 2) / np.sum((y_train - y_train.mean()) ** 2)",
    correct_message="About 0.83, a little higher than on validation (0.81): "
    "a model fits the cars it learned from best.",
)

q4 = Exercise(
    "q4",
    # RMSE is not offered, but it is in millimetres too: a learner who gives it is right.
    expect_choice(
        "mae",
        {
            "mape": "on dry days the true rainfall is 0 mm and MAPE would divide by 0.",
            "r2": "R² works with zeros, but it is a fraction without a unit, not millimetres.",
            "mse": "MSE is in square millimetres (mm²), not millimetres.",
            "sse": "SSE is in square millimetres (mm²) and grows with the number of days.",
        },
        options=["MAPE", "MAE", "R2"],
        aliases={"rmse": "mae"},
    ),
    hint="Which metric divides by the true value? Avoid it. Which one is in millimetres?",
    solution='q4_answer = "MAE"',
    correct_message="MAE (and RMSE) stay meaningful when targets are 0. "
    "MAE is the average miss; RMSE weighs the big misses more.",
)
