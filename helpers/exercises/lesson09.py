"""Exercises of lesson 09 (notebooks/09_practice_penguins.ipynb): the workflow again, with the other choice.

A practice lesson: the learner writes the preparation steps. In section 2 they handle the missing values
of the lesson's table (q1: drop the 2 penguins without measurements, keep the 9 of unknown sex as
"unknown") and make its dummies with ``pd.get_dummies`` (q2); the lesson then does the same and shows that
``features_and_target`` gives the same table. At the end they make the other choice of lesson 02,
dropping every penguin with any missing value, and each key step of their own workflow is checked: rows
left (q3), the feature table (q4), a scaler fitted on the training rows only (q5), their linear model with
its validation R² (q6: the model tells whether year was kept, which moves R² by only 0.003), and the
choice between models (q7).
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from helpers.datasets import load_dataset
from helpers.exercises import (Exercise, Incorrect, ValueCheck, describe_type, expect_choice, expect_int,
                               expect_number, scaler_fitted_on)
from helpers.prep import Split, features_and_target, train_val_test_split

TARGET = "body_mass_g"
MEASUREMENTS = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
TEXT_COLUMNS = ["species", "island", "sex"]


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


def _linear_r2s(version: _Version) -> dict[str, float]:
    """R² of a linear regression fitted on the version's training set, on each of its three sets."""
    from sklearn.linear_model import LinearRegression

    s = version.split
    model = LinearRegression().fit(s.X_train, s.y_train)
    def r2(X: pd.DataFrame, y: pd.Series) -> float:
        errors = y.to_numpy() - model.predict(X)
        return float(1 - np.sum(errors ** 2) / np.sum((y.to_numpy() - y.mean()) ** 2))
    return {"train": r2(s.X_train, s.y_train), "val": r2(s.X_val, s.y_val), "test": r2(s.X_test, s.y_test)}


def _r2(y: np.ndarray, pred: np.ndarray) -> float:
    return float(1 - np.sum((y - pred) ** 2) / np.sum((y - y.mean()) ** 2))


def _not_a_table(answer: Any, name: str, what: str) -> None:
    """Incorrect unless ``answer`` is a DataFrame."""
    if isinstance(answer, pd.DataFrame):
        return
    if isinstance(answer, (int, np.integer)) and not isinstance(answer, (bool, np.bool_)):
        raise Incorrect(f"put the table itself in {name} ({what}, a DataFrame), not a number.")
    if isinstance(answer, tuple) and len(answer) == 2:
        raise Incorrect(f"that is a pair of two things; put only {what} (a DataFrame) in {name}. "
                        "features_and_target returns (X, y): unpack them with X, y = features_and_target(...).")
    if isinstance(answer, pd.Series):
        raise Incorrect(f"that is a single column (a Series); {name} should be {what}, a DataFrame.")
    if answer is None:
        raise Incorrect("your answer is None: did you assign the result of a method that changes the table in "
                        "place (inplace=True)? Assign the returned table instead.")
    raise Incorrect(f"{name} should be {what}, a pandas DataFrame, not {describe_type(answer)}.")


# ------------------------------------------------------------------------------- q1: missing values

def _check_clean(answer: Any) -> None:
    _not_a_table(answer, "q1_answer", "your table without missing values")
    penguins = load_dataset("penguins")
    expected = _lesson().table
    columns = [str(c) for c in answer.columns]
    extra = [c for c in columns if c not in penguins.columns]
    if extra:
        raise Incorrect(f"your table has columns that the penguins table does not have, {extra}: this step "
                        "only handles the missing values; the dummies come in exercise 2.")
    lacking = [c for c in penguins.columns if c not in columns and c != "year"]
    if lacking:
        raise Incorrect(f"your table lacks the columns {lacking}: keep every column here (the features are "
                        "chosen in exercise 2).")
    measured = answer[MEASUREMENTS]
    if not all(pd.api.types.is_numeric_dtype(measured[c]) for c in MEASUREMENTS):
        raise Incorrect("your measurement columns hold text now: fillna('unknown') on the whole table also wrote "
                        "'unknown' into the 2 penguins without measurements. Drop those 2 first "
                        "(dropna(subset=[...])), then fill the missing sex only.")
    if measured.isna().any().any():
        raise Incorrect("your table still has the 2 penguins without any measurements (NaN): drop them, e.g. "
                        "penguins.dropna(subset=['body_mass_g']).")
    if len(answer) == len(_mine().table):
        raise Incorrect(f"your table has {len(answer)} penguins: you also dropped the 9 whose sex was not "
                        "recorded. The lesson keeps them, with sex 'unknown': fill their sex instead of "
                        "dropping them.")
    if len(answer) == len(penguins):
        raise Incorrect("your table still has all 344 penguins: the 2 without measurements got made-up numbers. "
                        "Drop them instead: their body mass, the target, is unknown.")
    if answer["sex"].isna().any():
        raise Incorrect(f"{int(answer['sex'].isna().sum())} penguins still have no sex (NaN). Fill them with "
                        "'unknown' and keep the result: clean['sex'] = clean['sex'].fillna('unknown'). "
                        "(clean['sex'].fillna(..., inplace=True) changes nothing in pandas 3.)")
    if len(answer) != len(expected):
        raise Incorrect(f"your table has {len(answer)} penguins; after dropping the 2 without measurements it "
                        f"should have {len(expected)}.")
    labels = sorted({str(v) for v in answer["sex"]} - {"male", "female"})
    if not labels:
        raise Incorrect("your column sex has only 'male' and 'female': the 9 penguins of unknown sex got a sex "
                        "that nobody recorded. Give them the category 'unknown' instead.")
    if labels != ["unknown"]:
        named = " and ".join(repr(label) for label in labels)
        raise Incorrect(f"the penguins of unknown sex got the category {named}; write it exactly 'unknown' "
                        "(lower case).")
    for column in [c for c in expected.columns if c in columns]:
        mine, theirs = answer[column].to_numpy(), expected[column].to_numpy()
        if column in TEXT_COLUMNS:
            same = [str(a) for a in mine] == [str(b) for b in theirs]
        else:
            same = np.allclose(np.asarray(mine, dtype=float), np.asarray(theirs, dtype=float))
        if not same:
            raise Incorrect(f"your column {column!r} differs from the expected one: keep the penguins in their "
                            "original order, and change nothing but the missing values.")


# ----------------------------------------------------------------------------------- q2: dummies

def _check_dummy_table(answer: Any, *, name: str, expected: pd.DataFrame, start: str,
                       other_start: tuple[int, str] | None = None) -> None:
    """Shared by q2 (the lesson's table) and q4 (the learner's own): a float feature table with dummies."""
    _not_a_table(answer, name, "the feature table")
    columns = [str(c) for c in answer.columns]
    if TARGET in columns:
        raise Incorrect("the target body_mass_g is among your features: a model must not get the answer as an "
                        "input. Drop it: .drop(columns=['body_mass_g', 'year']).")
    if "year" in columns:
        raise Incorrect("year is still a feature: it is the year of the field study, not a property of the "
                        "penguin. Drop it: .drop(columns=['body_mass_g', 'year']).")
    flags = [c for c in answer.columns if pd.api.types.is_bool_dtype(answer[c])]
    if flags:
        raise Incorrect(f"{len(flags)} of your columns are True/False (bool), e.g. {flags[0]!r}: "
                        "pd.get_dummies makes bool columns unless you pass dtype=float, and a network needs "
                        "numbers.")
    text = [c for c in answer.columns if not pd.api.types.is_numeric_dtype(answer[c])]
    if text:
        raise Incorrect(f"your table still has text columns {text}: pd.get_dummies(table, dtype=float) turns "
                        "each text column into one 0/1 column per category.")
    if other_start is not None and len(answer) == other_start[0]:
        raise Incorrect(other_start[1])
    if len(answer) != len(expected):
        raise Incorrect(f"your table has {len(answer)} rows; start from {start}, which has {len(expected)}.")
    wanted = [str(c) for c in expected.columns]
    if set(columns) != set(wanted):
        _wrong_columns(columns, wanted)
    values = answer[list(expected.columns)].to_numpy(dtype=float)
    if not np.allclose(values, expected.to_numpy(dtype=float)):
        raise Incorrect(f"your columns are right, but some values differ: keep the rows of {start} in their "
                        "original order, and do not scale yet (scaling comes after the split).")


def _names(columns: list[str]) -> str:
    """'a', 'b' and 'c': column names for a message."""
    quoted = [repr(c) for c in columns]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _wrong_columns(columns: list[str], wanted: list[str]) -> None:
    """Say what is wrong with a feature table whose columns are not ``wanted``."""
    missing = [c for c in wanted if c not in columns]
    extra = [c for c in columns if c not in wanted]
    lost = [text for text in TEXT_COLUMNS if not any(c.startswith(text + "_") for c in columns)
            and any(c.startswith(text + "_") for c in missing)]
    if lost:
        raise Incorrect(f"your table has no dummies of {_names(lost)}: keep "
                        f"{'that column' if len(lost) == 1 else 'those columns'} as a feature. Only "
                        "body_mass_g and year are dropped.")
    if extra and all(c.endswith("_nan") for c in extra):
        raise Incorrect(f"your table has the extra columns {_names(extra)}: dummy_na=True adds a column for "
                        "missing values, but this table has none. Leave dummy_na out.")
    first = {text: min(c for c in wanted if c.startswith(text + "_")) for text in TEXT_COLUMNS}
    if not extra and sorted(missing) == sorted(first.values()):
        raise Incorrect(f"your table lacks {_names(missing)}, the first category of each text column: did you "
                        "use drop_first=True? This exercise keeps one dummy column for every category.")
    if missing:
        raise Incorrect(f"your table lacks the columns {_names(missing)}.")
    raise Incorrect(f"your table has columns that are not features: {_names(extra)}.")


def _check_dummies(answer: Any) -> None:
    _check_dummy_table(answer, name="q2_answer", expected=_lesson().X, start="clean", other_start=(
        len(_mine().table), "your table has 333 rows: it lacks the 9 penguins of unknown sex. Start from clean, "
                            "the lesson's table of exercise 1 (342 penguins)."))


# ------------------------------------------------------------------------------------ q3: rows left

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


# ------------------------------------------------------------------------------ q4: own feature table

def _check_features(answer: Any) -> None:
    if isinstance(answer, pd.DataFrame) and len(answer) == len(_lesson().table):
        raise Incorrect("your table still has the penguins whose sex was not recorded (the lesson's choice, "
                        "sex 'unknown'); this exercise drops every penguin with any missing value: "
                        "start from mine = penguins.dropna().")
    if (isinstance(answer, pd.DataFrame) and "sex_unknown" in [str(c) for c in answer.columns]
            and len(answer) == len(_mine().table)):
        raise Incorrect("your table has a column sex_unknown, but no penguin in mine has sex 'unknown': the "
                        "column is all zeros. Make the dummies from mine itself, "
                        "pd.get_dummies(mine.drop(columns=[...]), dtype=float).")
    _check_dummy_table(answer, name="q4_answer", expected=_mine().X, start="mine = penguins.dropna()")


# ------------------------------------------------------------------------------------- q5: scaler

def _check_scaler(answer: Any) -> None:
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    if isinstance(answer, type):
        raise Incorrect(f"that is the class {answer.__name__} itself: make a scaler with {answer.__name__}() "
                        "and fit it on your training features.")
    if isinstance(answer, (np.ndarray, pd.DataFrame)):
        raise Incorrect("that is scaled data; put the fitted scaler object itself in q5_answer "
                        "(e.g. my_scaler = MinMaxScaler().fit(...)).")
    if not isinstance(answer, (MinMaxScaler, StandardScaler)):
        raise Incorrect(f"q5_answer should be a fitted MinMaxScaler or StandardScaler, not {describe_type(answer)}.")
    if not hasattr(answer, "n_samples_seen_"):
        raise Incorrect("your scaler is not fitted yet: call .fit(...) with your training features.")
    if isinstance(answer, StandardScaler) and not (answer.with_mean and answer.with_std):
        raise Incorrect("your StandardScaler was made with with_mean=False or with_std=False, so it does not "
                        "standardize: use StandardScaler() with its default settings.")
    names = [str(n) for n in getattr(answer, "feature_names_in_", [])]
    if "year" in names:
        raise Incorrect("your scaler learned a 'year' column: year is not a feature; drop it.")
    if TARGET in names:
        raise Incorrect("your scaler learned the target body_mass_g as a feature: fit it on the features only.")
    if "sex_unknown" in names:
        raise Incorrect("your scaler learned from the lesson's table (with sex 'unknown'); fit it on the "
                        "training set of your own split of X_mine.")
    mine = _mine()
    s = mine.split
    columns = list(s.X_train.columns)
    if answer.n_features_in_ == len(MEASUREMENTS) - 1:
        raise Incorrect(f"your scaler learned only {answer.n_features_in_} columns. Fit it on all {len(columns)} "
                        "columns of my_split.X_train, as the lesson does: then it scales the whole table in one "
                        "step.")
    if answer.n_features_in_ != len(columns):
        raise Incorrect(f"your scaler learned {answer.n_features_in_} columns, but X_mine has {len(columns)}: "
                        "fit it on my_split.X_train.")
    seen = int(np.max(answer.n_samples_seen_))
    # A diagnosis names a set of rows only when the scaler's whole fitted state is that of these rows;
    # otherwise it names only the number of rows the scaler saw, which it knows for sure.
    fitted_on = scaler_fitted_on(answer, {"train": s.X_train, "all": mine.X, "val": s.X_val, "test": s.X_test})
    if fitted_on == "train":
        return
    n_train, n_all = len(s.X_train), len(mine.X)
    if fitted_on == "all":
        raise Incorrect(f"your scaler learned from all {n_all} penguins, validation and test included: that is "
                        "data leakage (데이터 누수). Fit it on my_split.X_train only.")
    if fitted_on == "val":
        raise Incorrect("your scaler learned from the validation penguins. Fit it on my_split.X_train, then "
                        "only transform the other sets.")
    if fitted_on == "test":
        raise Incorrect("your scaler learned from the test penguins. Fit it on my_split.X_train, then only "
                        "transform the other sets.")
    if seen == n_train + len(s.X_val):
        raise Incorrect(f"your scaler learned from {seen} penguins (80 %), but my_split.X_train has {n_train} "
                        "(60 %). Split in three with train_val_test_split(X_mine, y_mine, seed=42), and fit on "
                        "my_split.X_train only.")
    if seen == n_train:
        raise Incorrect(f"your scaler learned from {n_train} penguins, but not those of my_split.X_train. Split "
                        "with train_val_test_split(X_mine, y_mine, seed=42), and fit on my_split.X_train.")
    raise Incorrect(f"your scaler learned from {seen} penguins; fit it on my_split.X_train ({n_train} penguins).")


# ------------------------------------------------------------------------------- q6: validation R²

def _check_val_r2(answer: Any) -> None:
    from sklearn.linear_model import LinearRegression
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    if isinstance(answer, (str, bytes)) or not isinstance(answer, (tuple, list)) or len(answer) != 2:
        raise Incorrect("give a pair: q6_answer = (my_linear, r2_value), your model and its validation R².")
    model, number = answer
    if isinstance(number, LinearRegression) and not isinstance(model, LinearRegression):
        raise Incorrect("the pair is the other way round: q6_answer = (my_linear, r2_value), the model first.")
    if not isinstance(model, LinearRegression):
        raise Incorrect(f"the first item should be your fitted LinearRegression, not {describe_type(model)}.")
    if not hasattr(model, "coef_"):
        raise Incorrect("your LinearRegression is not fitted yet: call .fit(...) with your scaled training set.")
    n_features = len(_mine().X.columns)
    if "year" in [str(n) for n in getattr(model, "feature_names_in_", [])]:
        raise Incorrect("your model uses year as a feature; drop it, as in exercise 4.")
    if model.n_features_in_ != n_features:
        raise Incorrect(f"your model learned {model.n_features_in_} features, but X_mine has {n_features} (no "
                        "year, and no sex_unknown). Fit it on your own scaled my_split.X_train.")

    mine = _linear_r2s(_mine())
    s = _mine().split
    y_val = s.y_val.to_numpy(dtype=float)
    unscaled = []  # R² of a model fitted on scaled features that was given the raw validation features
    for kind in (MinMaxScaler, StandardScaler):
        scaler = kind().fit(s.X_train)
        model = LinearRegression().fit(scaler.transform(s.X_train), s.y_train)
        unscaled.append(_r2(y_val, model.predict(s.X_val.to_numpy(dtype=float))))
    model = LinearRegression().fit(s.X_train, s.y_train)
    swapped = _r2(model.predict(s.X_val), y_val)
    unscaled_hint = ("your model learned from scaled features but predicted the unscaled my_split.X_val: "
                     "transform it with my_scaler first, my_linear.predict(my_scaler.transform(my_split.X_val)).")
    expect_number(mine["val"], what="validation R²", known_mistakes=[
        (mine["train"], "that is the R² on the training set; predict my_split.X_val (scaled) and compare with "
                        "my_split.y_val."),
        (mine["test"], "that is the R² on the test set: the test set is used once, for the chosen model at the "
                       "end; use the validation set."),
        (_linear_r2s(_lesson())["val"], "that is the lesson's validation R² (the table with sex 'unknown'); "
                                        "fit and evaluate your own model, on your own split."),
        (swapped, "the arguments are the other way round: r2(y_true, y_pred) takes the true masses first, "
                  "r2(my_split.y_val, predictions)."),
        *((value, unscaled_hint) for value in unscaled),
        (100 * mine["val"], "R² is a fraction here (at most 1), not a percentage."),
        (1 - mine["val"], "that is SSE / SST; R² is 1 minus that."),
    ])(number)


# ------------------------------------------------------------------------------------------ exercises

_SEX_FILLED = "clean = clean.assign(sex=clean['sex'].fillna('unknown'))"
_MINE = ("mine = penguins.dropna()\n"
         "X_mine = pd.get_dummies(mine.drop(columns=['body_mass_g', 'year']), dtype=float)\n"
         "y_mine = mine['body_mass_g']\n")
_MY_SPLIT = _MINE + "my_split = train_val_test_split(X_mine, y_mine, seed=42)\n"
_MY_SCALER = _MY_SPLIT + "my_scaler = MinMaxScaler().fit(my_split.X_train)\n"

q1 = Exercise(
    "q1",
    ValueCheck(_check_clean, expects="a pandas DataFrame (the table without missing values)"),
    hint="Two steps. penguins.dropna(subset=['body_mass_g']) drops the rows whose body_mass_g is missing (the 2 "
         "penguins without any measurement). Then fill the missing sex of the others: "
         "table.fillna({'sex': 'unknown'}) fills that column only.",
    solution=("clean = penguins.dropna(subset=['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', "
              "'body_mass_g'])\n"
              "clean = clean.fillna({'sex': 'unknown'})\n"
              "q1_answer = clean"),
    answer_name="q1_answer",
    correct_message="342 penguins: the 2 without measurements are gone, and the 9 of unknown sex stay, with a "
                    "category of their own.",
)

q2 = Exercise(
    "q2",
    ValueCheck(_check_dummies, expects="a pandas DataFrame (the feature table)"),
    hint="Drop the two columns that are not features, then let pandas make the dummies: "
         "pd.get_dummies(clean.drop(columns=[...]), dtype=float). Without dtype=float the dummies are "
         "True/False.",
    solution="q2_answer = pd.get_dummies(clean.drop(columns=['body_mass_g', 'year']), dtype=float)",
    answer_name="q2_answer",
    correct_message="12 columns: 3 measurements, then one 0/1 column per category of species, island and sex "
                    "(sex_unknown included).",
)

q3 = Exercise(
    "q3",
    ValueCheck(_check_rows, expects="a whole number (int)"),
    hint="DataFrame.dropna() with no arguments drops every row that has a missing value; len() counts rows.",
    solution="mine = penguins.dropna()  # every penguin with any missing value goes\nq3_answer = len(mine)",
    answer_name="q3_answer",
    correct_message="333 penguins: the 2 without measurements and the 9 without a recorded sex are gone.",
)

q4 = Exercise(
    "q4",
    ValueCheck(_check_features, expects="a pandas DataFrame (your feature table X_mine)"),
    hint="As in exercise 2, on your own table: pd.get_dummies(mine.drop(columns=[...]), dtype=float), where "
         "mine = penguins.dropna(). Which two columns are not features?",
    solution=_MINE + "q4_answer = X_mine",
    answer_name="q4_answer",
    correct_message="11 columns, not 12: no penguin is left with sex 'unknown', so there is no sex_unknown "
                    "dummy. 3 measurements + 3 species + 3 islands + 2 sexes.",
)

q5 = Exercise(
    "q5",
    ValueCheck(_check_scaler, expects="a fitted MinMaxScaler or StandardScaler"),
    hint="Split first: my_split = train_val_test_split(X_mine, y_mine, seed=42) (three parts, as in the lesson). "
         "Then fit the scaler on one part only: which one may the model learn from?",
    solution=_MY_SCALER + "q5_answer = my_scaler  # fitted on the training set only",
    answer_name="q5_answer",
    correct_message="Fitted on the 199 training penguins only; transform the training, validation and test "
                    "sets with it.",
)

_MY_LINEAR = (_MY_SCALER + "my_linear = LinearRegression().fit(my_scaler.transform(my_split.X_train), "
              "my_split.y_train)\n")

_VAL_R2 = "r2(my_split.y_val, my_linear.predict(my_scaler.transform(my_split.X_val)))"

q6 = Exercise(
    "q6",
    ValueCheck(_check_val_r2, expects="a pair (your LinearRegression, its validation R²)"),
    hint="Fit LinearRegression on my_scaler.transform(my_split.X_train) and my_split.y_train, predict the scaled "
         "my_split.X_val, and compare the predictions with my_split.y_val using r2(y_true, y_pred). Give the "
         "model with the number: q6_answer = (my_linear, r2_value).",
    solution=_MY_LINEAR + "q6_answer = (my_linear, " + _VAL_R2 + ")",
    answer_name="q6_answer",
    correct_message="About 0.82, lower than the lesson's 0.88: your validation set holds other penguins, and with "
                    "67 of them the score moves by several hundredths from one set to another (section 8). "
                    "Compare models on the same split, never across splits.",
)

q7 = Exercise(
    "q7",
    expect_choice("b", {
        "a": "its MAE is 2 g lower, with more than 5000 times as many parameters. A difference that small on "
             "69 penguins is far below what a different set of penguins changes (section 8: 0.88 on "
             "validation, 0.81 on test for the same model). Prefer the simpler model when it is as good.",
        "c": "the test set is used once, for the model you have already chosen; choosing on it makes its score "
             "optimistic, and then nothing unseen is left to report on.",
        "d": "the aim is the best predictions for the least cost, not a network for its own sake: a good "
             "deep-learning practitioner always checks the linear model first.",
    }, options="abcd"),
    hint="Are the differences between the three models (not the baseline) large compared with how much a score "
         "moves from one set of penguins to another? If not, what does each model cost?",
    solution='q7_answer = "b"',
    answer_name="q7_answer",
    correct_message="Linear regression: as good, with 13 parameters, instant training and coefficients in grams.",
)
