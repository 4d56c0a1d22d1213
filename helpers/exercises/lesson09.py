"""Exercises of lesson 09 (notebooks/09_practice_penguins.ipynb): the workflow again, on penguins.
q1-q2 follow the lesson's choice (2 penguins dropped, missing sex "unknown"); q3-q7 the other one
(every penguin with a missing value dropped): rows left, features, scaler, linear model, choice."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.types import is_bool_dtype, is_numeric_dtype

from helpers.datasets import load_dataset
from helpers.exercises import (
    Exercise,
    Incorrect,
    ValueCheck,
    describe_type,
    expect_choice,
    expect_fitted_scaler,
    expect_int,
    expect_number,
)
from helpers.language import N_
from helpers.prep import Split, features_and_target, train_val_test_split

_MEASURED = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
_DROP = "drop(columns=['body_mass_g', 'year'])"


@cache
def _version(lesson: bool) -> tuple[pd.DataFrame, pd.DataFrame, Split]:
    """The table, features and split of the lesson (2 penguins dropped, missing sex "unknown"),
    or of the exercises (every penguin with a missing value dropped)."""
    penguins = load_dataset("penguins")
    clean = penguins.dropna(subset=_MEASURED).fillna({"sex": "unknown"})
    table = clean if lesson else penguins.dropna()
    X, y = features_and_target(table, target="body_mass_g", drop=["year"])
    return table, X, train_val_test_split(X, y, seed=42)


def _table(answer: Any, name: str) -> None:
    if type(answer) is tuple:
        told = N_(
            "{name} should be a table (a DataFrame), not a value of type tuple "
            "(features_and_target returns X, y: unpack them)."
        )
        raise Incorrect(told, name=name)
    if not isinstance(answer, pd.DataFrame):
        told = N_("{name} should be a table (a DataFrame), not a value of type {kind}.")
        raise Incorrect(told, name=name, kind=describe_type(answer))


def _check_clean(answer: Any) -> None:
    _table(answer, "q1_answer")
    penguins, expected = load_dataset("penguins"), _version(True)[0]
    odd = sorted(set(map(str, answer.columns)).symmetric_difference(penguins.columns) - {"year"})
    if odd:
        told = N_("keep the columns of penguins (these differ: {columns}).")
        raise Incorrect(told, columns=odd)
    measured = answer[_MEASURED]
    if (
        len(answer) == len(penguins)
        or measured.isna().any().any()
        or not all(is_numeric_dtype(column) for _, column in measured.items())
    ):
        raise Incorrect(N_("drop the 2 penguins without measurements first, then fill the sex."))
    if len(answer) == len(_version(False)[0]):
        raise Incorrect(N_("you also dropped the 9 penguins of unknown sex: keep them."))
    if answer["sex"].isna().any():
        raise Incorrect(N_("some sex is still NaN: clean['sex'] = clean['sex'].fillna('unknown')."))
    if len(answer) != len(expected):
        told = N_("your table has {count} penguins; it should have {expected}.")
        raise Incorrect(told, count=len(answer), expected=len(expected))
    sexes = sorted(set(answer["sex"].astype(str)))
    if sexes != ["female", "male", "unknown"]:
        told = N_("your column sex holds {values}: the 9 of unknown sex get 'unknown'.")
        raise Incorrect(told, values=sexes)
    for column in expected.columns.intersection(answer.columns):
        if list(answer[column]) != list(expected[column]):
            told = N_("your column {column} differs: keep the penguins in their order.")
            raise Incorrect(told, column=repr(column))


def _check_features(answer: Any, name: str, lesson: bool) -> None:
    """q2 (the lesson's table) and q4 (the learner's own): a feature table of numbers."""
    _table(answer, name)
    expected, start = _version(lesson)[1], "clean" if lesson else "mine = penguins.dropna()"
    columns, wanted = [str(c) for c in answer.columns], list(expected.columns)
    dropped = [c for c in ("body_mass_g", "year") if c in columns]
    if dropped:
        told = N_("{columns} must not be features: .{code}.")
        raise Incorrect(told, columns=dropped, code=_DROP)
    if not all(is_numeric_dtype(c) and not is_bool_dtype(c) for _, c in answer.items()):
        raise Incorrect(N_("every column must hold numbers: pd.get_dummies(table, dtype=float)."))
    if len(answer) != len(expected):
        told = N_("your table has {count} rows; start from {start}.")
        raise Incorrect(told, count=len(answer), start=start)
    missing = [c for c in wanted if c not in columns]
    extra = [c for c in columns if c not in wanted]
    firsts = {min(c for c in wanted if c.startswith(f"{t}_")) for t in ("species", "island", "sex")}
    if missing and not extra and firsts <= set(missing):
        told = N_("your table lacks {columns}: leave out drop_first=True.")
        raise Incorrect(told, columns=missing)
    if missing or extra:
        told = N_("your columns are not the features: missing {missing}, extra {extra}.")
        raise Incorrect(told, missing=missing, extra=extra)
    if not np.allclose(answer[wanted].to_numpy(dtype=float), expected.to_numpy(dtype=float)):
        told = N_("some values differ: keep the rows of {start} in order, unscaled.")
        raise Incorrect(told, start=start)


def _check_rows(answer: Any) -> None:
    tables = (load_dataset("penguins"), _version(True)[0], _version(False)[0])
    n_all, n_lesson, n_mine = (len(table) for table in tables)
    expect_int(
        n_mine,
        what="number of penguins",
        known_mistakes={
            n_all: "that is every penguin: penguins.dropna() drops every row with a missing value.",
            n_lesson: "that is the lesson's choice; here the 9 of unknown sex go too.",
            n_all - n_mine: "that is how many penguins were dropped, not how many remain.",
        },
    )(answer)


_LESSON_X = "your scaler learned the lesson's X; fit it on my_split.X_train."


def _check_scaler(answer: Any) -> None:
    _, X, split = _version(False)
    expect_fitted_scaler(
        split.X_train,
        fit_on="my_split.X_train",
        known_mistakes=[
            (X, "your scaler learned from all penguins: that is data leakage (데이터 누수)."),
            (lambda s: "sex_unknown" in s.feature_names_in_, _LESSON_X),
            (
                lambda s: np.max(s.n_samples_seen_) == 266,
                "your scaler learned from 266 penguins (80 %): split in three, "
                "train_val_test_split(X_mine, y_mine, seed=42).",
            ),
        ],
    )(answer)


def _check_val_r2(answer: Any) -> None:
    from sklearn.linear_model import LinearRegression
    from sklearn.metrics import r2_score
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        raise Incorrect(N_("give a pair: q6_answer = (my_linear, r2_value)."))
    model, number = answer
    if not isinstance(model, LinearRegression) or not hasattr(model, "coef_"):
        raise Incorrect(N_("the first item should be your fitted LinearRegression, my_linear."))
    _, X, s = _version(False)
    if model.n_features_in_ != X.shape[1]:
        told = N_("your model learned {count} features; X_mine has 11.")
        raise Incorrect(told, count=model.n_features_in_)
    linear = LinearRegression().fit(s.X_train, s.y_train)  # scaling does not change its predictions
    _, _, lesson = _version(True)
    lesson_linear = LinearRegression().fit(lesson.X_train, lesson.y_train)
    mistakes = {
        linear.score(s.X_train, s.y_train): "that is the R² on the training set.",
        linear.score(s.X_test, s.y_test): "that is the R² on the test set, used once at the end.",
        lesson_linear.score(lesson.X_val, lesson.y_val): "that is the lesson's validation R².",
        r2_score(linear.predict(s.X_val), s.y_val): "that is r2(predictions, y): y comes first.",
    }
    for kind in (MinMaxScaler, StandardScaler):  # fitted on scaled features, given unscaled ones
        scaled = LinearRegression().fit(kind().fit_transform(s.X_train), s.y_train)
        r2_unscaled = r2_score(s.y_val, scaled.predict(s.X_val.to_numpy()))
        mistakes[r2_unscaled] = N_("your model predicted the unscaled my_split.X_val: scale it.")
    r2 = linear.score(s.X_val, s.y_val)
    expect_number(r2, what="validation R²", known_mistakes=mistakes)(number)


_MINE = f"mine = penguins.dropna()\nX_mine = pd.get_dummies(mine.{_DROP}, dtype=float)\n"
_MINE += "y_mine = mine['body_mass_g']\n"
_MY_SPLIT = _MINE + "my_split = train_val_test_split(X_mine, y_mine, seed=42)\n"
_MY_SCALER = _MY_SPLIT + "my_scaler = MinMaxScaler().fit(my_split.X_train)\n"
_MY_LINEAR = _MY_SCALER + (
    "my_linear = LinearRegression().fit(my_scaler.transform(my_split.X_train), my_split.y_train)\n"
)
_VAL_R2 = "r2(my_split.y_val, my_linear.predict(my_scaler.transform(my_split.X_val)))"

q1 = Exercise(
    "q1",
    ValueCheck(_check_clean, expects="a pandas DataFrame (the table without missing values)"),
    hint="Two steps. penguins.dropna(subset=['body_mass_g']) drops the 2 penguins without "
    "measurements; then table.fillna({'sex': 'unknown'}) fills the missing sex only.",
    solution=(
        "clean = penguins.dropna(subset=['body_mass_g'])\n"
        "clean = clean.fillna({'sex': 'unknown'})\n"
        "q1_answer = clean"
    ),
    correct_message="342 penguins: the 9 of unknown sex stay, with a category of their own.",
)

q2 = Exercise(
    "q2",
    lambda answer: _check_features(answer, "q2_answer", lesson=True),
    expects="a pandas DataFrame (the feature table)",
    hint="Drop the two columns that are not features, then make the dummies: "
    "pd.get_dummies(clean.drop(columns=[...]), dtype=float).",
    solution=f"q2_answer = pd.get_dummies(clean.{_DROP}, dtype=float)",
    correct_message="12 columns: 3 measurements, then one 0/1 column per category.",
)

q3 = Exercise(
    "q3",
    ValueCheck(_check_rows, expects="a whole number (int)"),
    hint="dropna() with no arguments drops every row with a missing value; len() counts rows.",
    solution="mine = penguins.dropna()\nq3_answer = len(mine)",
    correct_message="333 penguins: the 2 without measurements and the 9 of unknown sex are gone.",
)

q4 = Exercise(
    "q4",
    lambda answer: _check_features(answer, "q4_answer", lesson=False),
    expects="a pandas DataFrame (your feature table X_mine)",
    hint="As in exercise 2, from mine = penguins.dropna(). Which two columns are not features?",
    solution=_MINE + "q4_answer = X_mine",
    correct_message="11 columns, not 12: no penguin of mine has sex 'unknown'.",
)

q5 = Exercise(
    "q5",
    ValueCheck(_check_scaler, expects="a fitted MinMaxScaler or StandardScaler"),
    hint="Split first: my_split = train_val_test_split(X_mine, y_mine, seed=42). Then fit the "
    "scaler on one part only: which one may the model learn from?",
    solution=_MY_SCALER + "q5_answer = my_scaler",
    correct_message="Fitted on the 199 training penguins only.",
)

q6 = Exercise(
    "q6",
    ValueCheck(_check_val_r2, expects="a pair (your LinearRegression, its validation R²)"),
    hint="Fit LinearRegression on the scaled my_split.X_train, predict the scaled my_split.X_val, "
    "then r2(my_split.y_val, predictions). q6_answer = (my_linear, r2_value).",
    solution=_MY_LINEAR + f"q6_answer = (my_linear, {_VAL_R2})",
    correct_message="About 0.82, lower than the lesson's 0.88: other penguins, another score. "
    "Compare models on the same split only.",
)

q7 = Exercise(
    "q7",
    expect_choice(
        "b",
        {
            "a": "2 g less MAE for 5000 times the parameters: far less than what another set of "
            "penguins changes. Prefer the simpler model when it is as good.",
            "c": "the test set is used once, for the model already chosen.",
            "d": "the aim is the best predictions for the least cost: "
            "check the linear model first.",
        },
        options="abcd",
    ),
    hint="Are the differences between the models large, compared with how much a score moves from "
    "one set of penguins to another? What does each model cost?",
    solution='q7_answer = "b"',
    correct_message="Linear regression: as good, with 13 parameters and coefficients in grams.",
)
