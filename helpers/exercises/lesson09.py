"""Exercises of lesson 09 (notebooks/09_practice_penguins.ipynb): the workflow again, with the other choice.

The lesson keeps the 9 penguins whose sex was not recorded (sex "unknown"); the exercises make the other
choice of lesson 02, dropping every penguin with any missing value, and check each key step of the
learner's own workflow: rows left, the feature table, a scaler fitted on the training set only, the
validation R² of their linear model, and the choice between models.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from helpers.datasets import load_dataset
from helpers.exercises import Exercise, Incorrect, ValueCheck, expect_choice, expect_int, expect_number
from helpers.prep import Split, features_and_target, train_val_test_split

TARGET = "body_mass_g"
MEASUREMENTS = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]


class _Version(NamedTuple):
    table: pd.DataFrame
    X: pd.DataFrame
    split: Split


@cache
def _mine() -> _Version:
    """The exercises' version: every penguin with a missing value dropped."""
    table = load_dataset("penguins").dropna()
    X, y = features_and_target(table, target=TARGET, drop=["year"])
    return _Version(table, X, train_val_test_split(X, y, seed=42))


@cache
def _lesson() -> _Version:
    """The lesson's version: 2 penguins dropped, missing sex kept as "unknown"."""
    penguins = load_dataset("penguins")
    table = penguins.dropna(subset=MEASUREMENTS)
    table = table.assign(sex=table["sex"].fillna("unknown"))
    X, y = features_and_target(table, target=TARGET, drop=["year"])
    return _Version(table, X, train_val_test_split(X, y, seed=42))


@cache
def _with_year() -> _Version:
    """The exercises' version with year wrongly kept as a feature."""
    table = load_dataset("penguins").dropna()
    X, y = features_and_target(table, target=TARGET)
    return _Version(table, X, train_val_test_split(X, y, seed=42))


def _linear_r2s(version: _Version) -> dict[str, float]:
    """R² of a linear regression fitted on the version's training set, on each of its three sets."""
    from sklearn.linear_model import LinearRegression

    s = version.split
    model = LinearRegression().fit(s.X_train, s.y_train)
    def r2(X: pd.DataFrame, y: pd.Series) -> float:
        errors = y.to_numpy() - model.predict(X)
        return float(1 - np.sum(errors ** 2) / np.sum((y.to_numpy() - y.mean()) ** 2))
    return {"train": r2(s.X_train, s.y_train), "val": r2(s.X_val, s.y_val), "test": r2(s.X_test, s.y_test)}


# ------------------------------------------------------------------------------------------ q1

def _check_rows(answer: Any) -> None:
    if isinstance(answer, pd.DataFrame):
        raise Incorrect("that is the table itself; the question asks for its number of rows: len(mine).")
    penguins = load_dataset("penguins")
    n_all, n_mine = len(penguins), len(_mine().table)
    expect_int(n_mine, what="number of penguins", known_mistakes=[
        (n_all, "that is every penguin: nothing was dropped. mine = penguins.dropna() drops every row with "
                "a missing value."),
        (len(_lesson().table), "that is the lesson's choice (only the 2 penguins without measurements "
                               "dropped); this exercise drops every penguin with any missing value, "
                               "also those whose sex was not recorded."),
        (n_all - n_mine, "that is how many penguins were dropped; the question asks how many remain."),
    ])(answer)


# ------------------------------------------------------------------------------------------ q2

def _check_features(answer: Any) -> None:
    expected = _mine().X
    if isinstance(answer, (int, np.integer)) and not isinstance(answer, bool):
        raise Incorrect("put the feature table itself in q2_answer (a DataFrame, X_mine), not its number of "
                        "columns.")
    if isinstance(answer, tuple) and len(answer) == 2:
        raise Incorrect("features_and_target returns two things, (X, y): unpack them with "
                        "X_mine, y_mine = features_and_target(...) and put only X_mine in q2_answer.")
    if isinstance(answer, pd.Series):
        raise Incorrect("that is a single column (a Series); q2_answer should be the feature table X_mine, "
                        "a DataFrame.")
    if not isinstance(answer, pd.DataFrame):
        raise Incorrect(f"q2_answer should be the feature table X_mine, a pandas DataFrame, "
                        f"not a {type(answer).__name__}.")
    columns = [str(c) for c in answer.columns]
    if TARGET in columns:
        raise Incorrect("the target body_mass_g is among your features: a model must not get the answer as an "
                        "input. Use features_and_target(mine, target='body_mass_g', drop=['year']).")
    if "year" in columns:
        raise Incorrect("year is still a feature: it is the year of the field study, not a property of the "
                        "penguin. Drop it: drop=['year'].")
    text = [c for c in answer.columns if not (pd.api.types.is_numeric_dtype(answer[c])
                                               or pd.api.types.is_bool_dtype(answer[c]))]
    if text:
        raise Incorrect(f"your table still has text columns {text}: turn them into dummy columns "
                        "(features_and_target does it for you).")
    flags = [c for c in answer.columns if pd.api.types.is_bool_dtype(answer[c])]
    if flags:
        raise Incorrect(f"{len(flags)} of your columns are True/False (bool), e.g. {flags[0]!r}: "
                        "pd.get_dummies makes bool columns unless you pass dtype=float, and a network needs "
                        "numbers.")
    if "sex_unknown" in columns or len(answer) == len(_lesson().table):
        raise Incorrect("your table still has the penguins whose sex was not recorded (the lesson's choice, "
                        "sex 'unknown'); this exercise drops every penguin with any missing value: "
                        "start from mine = penguins.dropna().")
    if len(answer) != len(expected):
        raise Incorrect(f"your table has {len(answer)} rows; after dropping every penguin with a missing value "
                        f"it should have {len(expected)}.")
    wanted = [str(c) for c in expected.columns]
    if set(columns) != set(wanted):
        missing = [c for c in wanted if c not in columns]
        extra = [c for c in columns if c not in wanted]
        if len(columns) < len(wanted) and not extra:
            raise Incorrect(f"your table has {len(columns)} columns and lacks {missing}: did you use "
                            "drop_first=True? Keep one dummy column per category here.")
        raise Incorrect(f"your columns differ from the expected ones: missing {missing}, not expected {extra}.")
    values = answer[list(expected.columns)].to_numpy(dtype=float)
    if not np.allclose(values, expected.to_numpy(dtype=float)):
        raise Incorrect("your columns are right, but some values differ: keep the rows of mine in their "
                        "original order, and do not scale yet (scaling comes after the split).")


# ------------------------------------------------------------------------------------------ q3

def _check_scaler(answer: Any) -> None:
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    if isinstance(answer, (np.ndarray, pd.DataFrame)):
        raise Incorrect("that is scaled data; put the fitted scaler object itself in q3_answer "
                        "(e.g. my_scaler = MinMaxScaler().fit(...)).")
    if not isinstance(answer, (MinMaxScaler, StandardScaler)):
        raise Incorrect(f"q3_answer should be a fitted MinMaxScaler or StandardScaler, "
                        f"not {type(answer).__name__}.")
    if not hasattr(answer, "n_samples_seen_"):
        raise Incorrect("your scaler is not fitted yet: call .fit(...) with your training features.")
    names = [str(n) for n in getattr(answer, "feature_names_in_", [])]
    if "year" in names:
        raise Incorrect("your scaler learned a 'year' column: year is not a feature; drop it (drop=['year']).")
    if "sex_unknown" in names:
        raise Incorrect("your scaler learned from the lesson's table (with sex 'unknown'); fit it on the "
                        "training set of your own split of X_mine.")
    seen = int(np.max(answer.n_samples_seen_))
    mine = _mine().split
    n_train, n_val, n_test = len(mine.X_train), len(mine.X_val), len(mine.X_test)
    if seen == n_train + n_val + n_test:
        raise Incorrect(f"your scaler learned from all {seen} penguins: validation and test penguins shaped the "
                        "scaling, which is data leakage (데이터 누수). Fit it on my_split.X_train only, then "
                        "transform the three sets.")
    if seen == n_train + n_val:
        raise Incorrect("your scaler learned from the training and validation penguins together; fit it on the "
                        "training set only.")
    if seen in (n_val, n_test) and seen != n_train:
        raise Incorrect(f"your scaler learned from {seen} penguins: that is the validation or the test set. "
                        "Fit it on the training set, then only transform the others.")
    if seen == len(_lesson().split.X_train):
        raise Incorrect(f"your scaler learned from {seen} penguins, the lesson's training set; fit it on the "
                        "training set of your own split of X_mine.")
    if seen != n_train:
        raise Incorrect(f"your scaler learned from {seen} penguins; the training set of "
                        f"train_val_test_split(X_mine, y_mine, seed=42) has {n_train}.")
    train = mine.X_train
    if answer.n_features_in_ != train.shape[1]:
        raise Incorrect(f"your scaler learned {answer.n_features_in_} columns; your features have "
                        f"{train.shape[1]}.")
    if names and set(names) == set(train.columns):
        train = train[names]  # compare column by column in the scaler's own order
    values = train.to_numpy(dtype=float)
    if isinstance(answer, MinMaxScaler):
        same = np.allclose(answer.data_min_, values.min(axis=0)) and np.allclose(answer.data_max_, values.max(axis=0))
    else:
        same = np.allclose(answer.mean_, values.mean(axis=0)) and np.allclose(answer.var_, values.var(axis=0))
    if not same:
        raise Incorrect(f"your scaler saw {n_train} rows, but not the training rows of "
                        "train_val_test_split(X_mine, y_mine, seed=42): did you use another seed, or another "
                        "part of the split?")


# ------------------------------------------------------------------------------------------ q4

def _check_val_r2(answer: Any) -> None:
    mine = _linear_r2s(_mine())
    expect_number(mine["val"], rel=1e-3, what="validation R²", known_mistakes=[
        (mine["train"], "that is the R² on the training set; predict my_split.X_val (scaled) and compare with "
                        "my_split.y_val."),
        (mine["test"], "that is the R² on the test set: the test set is used once, for the chosen model at the "
                       "end; use the validation set."),
        (_linear_r2s(_lesson())["val"], "that is the lesson's validation R² (the table with sex 'unknown'); "
                                        "fit and evaluate your own model, on your own split."),
        # year kept moves R² by only 0.003: match it tightly, so that a rounded correct answer is not blamed on year
        (lambda v: math.isclose(v, _linear_r2s(_with_year())["val"], rel_tol=1e-6),
         "your model still uses year as a feature; drop it (drop=['year'])."),
        (100 * mine["val"], "R² is a fraction here (at most 1), not a percentage."),
        (1 - mine["val"], "that is SSE / SST; R² is 1 minus that."),
    ])(answer)


# ------------------------------------------------------------------------------------------ exercises

q1 = Exercise(
    "q1",
    ValueCheck(_check_rows, expects="a whole number (int)"),
    hint="DataFrame.dropna() with no arguments drops every row that has a missing value; len() counts rows.",
    solution="mine = penguins.dropna()  # every penguin with any missing value goes\nq1_answer = len(mine)",
    answer_name="q1_answer",
    wrong_answers=[
        ("q1_answer = len(penguins)", "nothing was dropped"),
        ("q1_answer = len(clean)", "lesson's choice"),
        ("q1_answer = len(penguins) - len(penguins.dropna())", "how many remain"),
    ],
    correct_message="333 penguins: the 2 without measurements and the 9 without a recorded sex are gone.",
)

q2 = Exercise(
    "q2",
    ValueCheck(_check_features, expects="a pandas DataFrame (your feature table X_mine)"),
    hint="features_and_target(table, target=..., drop=[...]) from helpers.prep makes float dummies for every "
         "text column. Which column is not a property of the penguin?",
    solution=("X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g', drop=['year'])\n"
              "q2_answer = X_mine"),
    answer_name="q2_answer",
    wrong_answers=[
        ("X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g')\nq2_answer = X_mine",
         "year is still a feature"),
        ("q2_answer = pd.get_dummies(penguins.dropna().drop(columns=['body_mass_g', 'year']))", "bool"),
        ("q2_answer = X", "not recorded"),
        ("q2_answer = features_and_target(penguins.dropna(), target='body_mass_g', drop=['year'])",
         "two things"),
    ],
    correct_message="11 columns, not 12: no penguin is left with sex 'unknown', so there is no sex_unknown "
                    "dummy. 3 measurements + 3 species + 3 islands + 2 sexes.",
)

q3 = Exercise(
    "q3",
    ValueCheck(_check_scaler, expects="a fitted MinMaxScaler or StandardScaler"),
    hint="Split first: my_split = train_val_test_split(X_mine, y_mine, seed=42). Then fit the scaler on one "
         "part only: which one may the model learn from?",
    solution=("X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g', drop=['year'])\n"
              "my_split = train_val_test_split(X_mine, y_mine, seed=42)\n"
              "my_scaler = MinMaxScaler().fit(my_split.X_train)  # the training set only\n"
              "q3_answer = my_scaler"),
    answer_name="q3_answer",
    wrong_answers=[
        ("X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g', drop=['year'])\n"
         "q3_answer = MinMaxScaler().fit(X_mine)", "data leakage"),
        ("q3_answer = MinMaxScaler().fit(split.X_train)", "lesson's table"),
        ("X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g', drop=['year'])\n"
         "my_split = train_val_test_split(X_mine, y_mine, seed=42)\n"
         "q3_answer = MinMaxScaler().fit(my_split.X_val)", "validation or the test set"),
        ("X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g', drop=['year'])\n"
         "my_split = train_val_test_split(X_mine, y_mine, seed=42)\n"
         "q3_answer = MinMaxScaler()", "not fitted"),
    ],
    correct_message="Fitted on the 199 training penguins only; transform the training, validation and test "
                    "sets with it.",
)

q4 = Exercise(
    "q4",
    ValueCheck(_check_val_r2, expects="a single number"),
    hint="Fit LinearRegression on my_scaler.transform(my_split.X_train) and my_split.y_train, predict the scaled "
         "my_split.X_val, and compare the predictions with my_split.y_val using r2(y_true, y_pred).",
    solution=("X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g', drop=['year'])\n"
              "my_split = train_val_test_split(X_mine, y_mine, seed=42)\n"
              "my_scaler = MinMaxScaler().fit(my_split.X_train)\n"
              "my_linear = LinearRegression().fit(my_scaler.transform(my_split.X_train), my_split.y_train)\n"
              "q4_answer = r2(my_split.y_val, my_linear.predict(my_scaler.transform(my_split.X_val)))"),
    answer_name="q4_answer",
    wrong_answers=[
        ("X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g', drop=['year'])\n"
         "my_split = train_val_test_split(X_mine, y_mine, seed=42)\n"
         "my_linear = LinearRegression().fit(my_split.X_train, my_split.y_train)\n"
         "q4_answer = r2(my_split.y_train, my_linear.predict(my_split.X_train))", "training set"),
        ("q4_answer = r2_linear", "lesson's validation R²"),
        ("X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g')\n"
         "my_split = train_val_test_split(X_mine, y_mine, seed=42)\n"
         "my_linear = LinearRegression().fit(my_split.X_train, my_split.y_train)\n"
         "q4_answer = r2(my_split.y_val, my_linear.predict(my_split.X_val))", "year"),
    ],
    correct_message="About 0.82, lower than the lesson's 0.88: your validation set holds other penguins, and with "
                    "67 of them the score moves by several hundredths from one set to another (section 8). "
                    "Compare models on the same split, never across splits.",
)

q5 = Exercise(
    "q5",
    expect_choice("b", {
        "a": "its MAE is 2 g lower, with more than 5000 times as many parameters. A difference that small on "
             "69 penguins is far below what a different set of penguins changes (section 8: 0.88 on "
             "validation, 0.81 on test for the same model). Prefer the simpler model when it is as good.",
        "c": "the test set is used once, for the model you have already chosen; choosing on it makes its score "
             "optimistic, and then nothing unseen is left to report on.",
        "d": "the aim is the best predictions for the least cost, not a network for its own sake: a good "
             "deep-learning practitioner always checks the linear model first.",
    }, options="abcd"),
    hint="Are the differences between the three real models large compared with how much a score moves from one "
         "set of penguins to another? If not, what does each model cost?",
    solution='q5_answer = "b"',
    answer_name="q5_answer",
    wrong_answers=[('q5_answer = "a"', "simpler model"), ('q5_answer = "c"', "used once"),
                   ('q5_answer = "d"', "least cost")],
    correct_message="Linear regression: as good, with 13 parameters, instant training and coefficients in grams.",
)
