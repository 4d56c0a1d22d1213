"""Exercises of lesson 01 (notebooks/01_models_and_error.ipynb): error metrics and the three sets."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from helpers.datasets import load_dataset
from helpers.exercises import Exercise, ValueCheck, expect_choice, expect_number
from helpers.prep import Split, features_and_target, train_val_test_split


@cache
def _split() -> Split:
    """The lesson's split: the same rows as the notebook's X_train, X_val, ..."""
    return train_val_test_split(*features_and_target(load_dataset("auto_mpg"), target="mpg", drop=["name"]),
                                seed=42)


def _check_baseline_mae(answer: Any) -> None:
    from sklearn.linear_model import LinearRegression

    s = _split()
    errors = s.y_val.to_numpy() - s.y_train.mean()
    linear_errors = s.y_val.to_numpy() - LinearRegression().fit(s.X_train, s.y_train).predict(s.X_val)
    train_errors = s.y_train.to_numpy() - s.y_train.mean()
    test_errors = s.y_test.to_numpy() - s.y_train.mean()
    # The validation mean (22.996) and the training median (23.0) are 0.004 mpg apart: their MAEs (5.90755,
    # 5.90759) cannot be told apart, so both get one hint that names both.
    about_23 = (f"your value is the MAE of a baseline that predicts about {s.y_train.median():.1f} mpg: the "
                f"validation mean or the training median (both give this MAE). The baseline predicts the "
                f"training mean, {s.y_train.mean():.1f} mpg, for every car: use pred_baseline.")
    # rel=1e-4: two real mistakes lie 0.07 % apart (the validation RMSE 7.0013 and the training MAE
    # 6.9963); with the default 1e-3 they would collide and the RMSE would be called "the training set".
    expect_number(np.mean(np.abs(errors)), rel=1e-4, what="MAE", known_mistakes=[
        (np.mean(errors), "positive and negative errors cancel out: take np.abs() of the errors first."),
        (abs(np.mean(errors)), "positive and negative errors cancel out: take np.abs() of each error, "
                               "then the mean."),
        (np.mean(np.abs(train_errors)), "that is the error on the training set; use y_val."),
        (np.mean(np.abs(test_errors)),
         "that is the baseline's error on the test set (y_test). The test set is used once, at the very "
         "end; this question is about the validation set: use y_val."),
        (np.mean(np.abs(s.y_val - s.y_val.mean())), about_23),
        (np.mean(np.abs(s.y_val - s.y_train.median())), about_23),
        (np.mean(np.abs(linear_errors)), "that is the linear model's MAE; the question asks for the baseline's."),
        (np.mean(errors ** 2), "that is the MSE (squared errors); MAE averages the absolute errors."),
        (np.sqrt(np.mean(errors ** 2)), "that is the RMSE; MAE averages the absolute errors, no squares."),
        (np.sum(np.abs(errors)), "that is the sum of the absolute errors: divide by the number of cars."),
    ])(answer)


def _check_train_r2(answer: Any) -> None:
    from sklearn.linear_model import LinearRegression

    s = _split()
    model = LinearRegression().fit(s.X_train, s.y_train)
    def r2(X, y):  # noqa: ANN001, ANN202 - tiny local helper
        e = y.to_numpy() - model.predict(X)
        return 1 - np.sum(e ** 2) / np.sum((y.to_numpy() - y.mean()) ** 2), e
    train_r2, train_errors = r2(s.X_train, s.y_train)
    val_r2, _ = r2(s.X_val, s.y_val)
    test_r2, _ = r2(s.X_test, s.y_test)
    sst_with_val_mean = np.sum((s.y_train.to_numpy() - s.y_val.mean()) ** 2)
    pred = model.predict(s.X_train)
    swapped = 1 - np.sum(train_errors ** 2) / np.sum((pred - pred.mean()) ** 2)  # r2_score(pred, y_train)
    mse_over_var_n_minus_1 = 1 - np.mean(train_errors ** 2) / np.var(s.y_train.to_numpy(), ddof=1)
    # rel=1e-5: every correct form computes in float64 (differences ~1e-15), and MSE / np.var(ddof=1), a
    # mistake, is only 0.09 % off. Rounded answers are accepted by the rounding policy, not by rel.
    expect_number(train_r2, rel=1e-5, what="training R²", known_mistakes=[
        (1 - train_r2, "that is SSE / SST; R² is 1 minus that."),
        (100 * train_r2, "R² is a fraction between 0 and 1 here, not a percentage."),
        (val_r2, "that is the R² on the validation set; use X_train and y_train."),
        (test_r2, "that is the R² on the test set; use X_train and y_train."),
        (1 - np.sum(train_errors ** 2) / sst_with_val_mean,
         "your SST uses the mean of the validation targets; SST measures the training targets' spread "
         "around their own mean: y_train.mean()."),
        (swapped, "you swapped the arguments: r2_score(y_true, y_pred) takes the actual values first, "
                  "r2_score(y_train, linear.predict(X_train)). R² is not symmetric: SST measures the spread "
                  "of the actual values."),
        (mse_over_var_n_minus_1,
         "off by a hair: your variance divides by n − 1 (np.var(..., ddof=1), or pandas' .var()), while the "
         "MSE divides by n. Use np.var(y_train) (it divides by n), or sums for both: 1 − SSE / SST."),
    ])(answer)


q1 = Exercise(
    "q1",
    ValueCheck(_check_baseline_mae, expects="a single number"),
    hint="An error is actual minus predicted. MAE takes the size of each error, ignoring its sign, "
         "then averages them over the validation cars.",
    solution="q1_answer = np.mean(np.abs(y_val - pred_baseline))",
    answer_name="q1_answer",
    correct_message="The baseline misses by about 6 mpg on average: the number to beat.",
)

q2 = Exercise(
    "q2",
    expect_choice("validation", {
        "train": "the training error rewards a model that memorises its training cars; "
                 "compare on cars the models did not learn from.",
        "test": "the test set is used once, at the very end, to report the chosen model; if it helps "
                "choose, its score is no longer an honest estimate.",
    }, aliases={"val": "validation", "valid": "validation", "validation set": "validation",
                "training": "train", "training set": "train", "train set": "train", "test set": "test"}),
    hint="One set is for fitting, one for choosing, one for the final report.",
    solution='q2_answer = "validation"',
    answer_name="q2_answer",
    correct_message="Validation chooses; the test set stays untouched until the end.",
)

q3 = Exercise(
    "q3",
    ValueCheck(_check_train_r2, expects="a single number"),
    hint="SSE: the sum of the squared errors on the training cars. SST: the sum of the squared differences "
         "between each training target and their mean.",
    solution=("errors = y_train - linear.predict(X_train)\n"
              "q3_answer = 1 - np.sum(errors ** 2) / np.sum((y_train - y_train.mean()) ** 2)"),
    answer_name="q3_answer",
    correct_message="About 0.83, a little higher than on validation (0.81): a model fits the cars it "
                    "learned from best.",
)

q4 = Exercise(
    "q4",
    # RMSE is not among the three options offered, but it answers the question too (it is in millimetres
    # and works with 0 mm days): a learner who gives it is right, so it counts as the correct option.
    expect_choice("mae", {
        "mape": "on dry days the true rainfall is 0 mm and MAPE would divide by 0.",
        "r2": "R² works with zeros, but it is a fraction without a unit; the question asks for millimetres.",
        "mse": "MSE is in square millimetres (mm²), not millimetres: its square root, the RMSE, or the MAE is "
               "in millimetres.",
        "sse": "SSE is in square millimetres (mm²) and grows with the number of days; the question asks for "
               "a typical miss in millimetres.",
    }, aliases={"rmse": "mae", "r²": "r2", "r^2": "r2", "r-squared": "r2"}),
    hint="Which metric divides by the true value? Avoid it. Which one is in millimetres?",
    solution='q4_answer = "MAE"',
    answer_name="q4_answer",
    correct_message="MAE (and RMSE, which is in millimetres too) stays meaningful when targets are 0. "
                    "MAE is the average miss; RMSE weighs the big misses more.",
)
