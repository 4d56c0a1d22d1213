"""Exercises of lesson 08 (notebooks/08_project_concrete.ipynb): the concrete-strength project.

The exercises sit along the project: the split's sizes (q1), a scaler fitted without leakage (q2), a
network of the learner's own that reaches a validation R² of 0.85 (q3), the final test report (q4), and
what must travel with a saved model (q5).
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np

from helpers.datasets import load_dataset
from helpers.exercises import Exercise, Incorrect, ValueCheck, describe_type, expect_choice
from helpers.prep import Split, features_and_target, train_val_test_split

TARGET = "compressive_strength"
#: The validation R² that a learner's network must reach in exercise 3.
R2_THRESHOLD = 0.85


@cache
def _split() -> Split:
    """The lesson's split: the same rows as the notebook's split."""
    return train_val_test_split(*features_and_target(load_dataset("concrete"), target=TARGET), seed=42)


@cache
def _scaled() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The lesson's scaled features: a StandardScaler fitted on the training rows, float32."""
    from sklearn.preprocessing import StandardScaler

    s = _split()
    scaler = StandardScaler().fit(s.X_train)
    return tuple(scaler.transform(X).astype("float32") for X in (s.X_train, s.X_val, s.X_test))


def _r2(y: np.ndarray, pred: np.ndarray) -> float:
    return float(1 - np.sum((y - pred) ** 2) / np.sum((y - y.mean()) ** 2))


def _rmse(y: np.ndarray, pred: np.ndarray) -> float:
    return float(np.sqrt(np.mean((y - pred) ** 2)))


# ------------------------------------------------------------------------------------ q1: sizes

def _check_sizes(answer: Any) -> None:
    s = _split()
    expected = (len(s.X_train), len(s.X_val), len(s.X_test))
    if isinstance(answer, (str, bytes)) or not isinstance(answer, (tuple, list)):
        raise Incorrect(f"give three whole numbers in a tuple, (training, validation, test), "
                        f"not {describe_type(answer)}.")
    if len(answer) != 3:
        raise Incorrect(f"your answer has {len(answer)} numbers; give three: (training, validation, test).")
    sizes = []
    for value in answer:
        if isinstance(value, tuple):
            raise Incorrect("give the number of rows of each part (len(...)), not its .shape.")
        try:
            number = float(value)
        except Exception:  # noqa: BLE001 - text, lists, ...
            raise Incorrect(f"each of the three must be a number, not {describe_type(value)}.") from None
        if not number.is_integer():
            raise Incorrect(f"{number:g} rows? A number of rows is a whole number: round it.")
        sizes.append(int(number))
    got = tuple(sizes)
    if got == expected:
        return
    total = len(load_dataset("concrete"))
    if sorted(got) == sorted(expected):
        raise Incorrect("the right numbers, in the wrong order: (training, validation, test).")
    if got[2] == expected[2] and got[1] in (round(0.2 * (total - expected[2])), int(0.2 * (total - expected[2]))):
        raise Incorrect("val_size is a share of ALL rows, like test_size: 20 % of 1030 for validation, "
                        "not 20 % of what is left after the test part.")
    if sum(got) != total:
        raise Incorrect(f"your three parts hold {sum(got)} rows together; every one of the {total} rows "
                        f"goes to exactly one part.")
    raise Incorrect("the parts are 60 % training, 20 % validation and 20 % test of the 1030 rows.")


q1 = Exercise(
    "q1",
    ValueCheck(_check_sizes, expects="a tuple of three whole numbers"),
    hint="train_val_test_split(X, y, seed=42) keeps 20 % of ALL rows for validation and 20 % for test "
         "(its defaults, val_size=0.2 and test_size=0.2); the rest is for training.",
    solution=("n = len(concrete)\n"
              "q1_answer = (round(0.6 * n), round(0.2 * n), round(0.2 * n))"),
    answer_name="q1_answer",
    wrong_answers=[
        ("q1_answer = (206, 206, 618)", "wrong order"),
        ("q1_answer = (659, 165, 206)", "share of ALL rows"),
        ("q1_answer = (824, 206)", "give three"),
    ],
    correct_message="618 rows to learn from, 206 to choose with, 206 for the final report.",
)


# ----------------------------------------------------------------------------------- q2: scaler

def _close(a: Any, b: Any) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=1e-6, atol=1e-9))


def _check_scaler(answer: Any) -> None:
    import pandas as pd
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    s = _split()
    train, every_row, val = s.X_train, pd.concat([s.X_train, s.X_val, s.X_test]), s.X_val
    if isinstance(answer, type):
        raise Incorrect(f"that is the class {answer.__name__} itself: make a scaler with "
                        f"{answer.__name__}() and fit it, {answer.__name__}().fit(split.X_train).")
    if isinstance(answer, (np.ndarray, pd.DataFrame)):
        raise Incorrect("that is scaled data; q2_answer should be the fitted scaler itself. "
                        "fit(...) returns the scaler: q2_answer = StandardScaler().fit(split.X_train).")
    if not isinstance(answer, (StandardScaler, MinMaxScaler)):
        raise Incorrect(f"this exercise expects a StandardScaler or a MinMaxScaler from "
                        f"sklearn.preprocessing, not {describe_type(answer)}.")
    if not hasattr(answer, "n_features_in_"):
        raise Incorrect("your scaler is not fitted yet: call .fit(split.X_train) on it.")
    if answer.n_features_in_ != train.shape[1]:
        raise Incorrect(f"your scaler was fitted on {answer.n_features_in_} columns; fit it on the "
                        f"{train.shape[1]} feature columns of split.X_train (without the target).")
    if isinstance(answer, StandardScaler):
        learned, of = getattr(answer, "mean_", None), lambda X: X.mean()
        if learned is None:
            raise Incorrect("your StandardScaler was made with with_mean=False; use StandardScaler().")
    else:
        learned, of = answer.data_min_, lambda X: X.min()
    if _close(learned, of(every_row)):
        raise Incorrect("your scaler learned its numbers from all 1030 rows, validation and test included: "
                        "that is data leakage (데이터 누수). Fit it on split.X_train only.")
    if _close(learned, of(val)):
        raise Incorrect("your scaler learned its numbers from the validation rows; fit it on split.X_train.")
    if not _close(learned, of(train)):
        raise Incorrect("your scaler's numbers are not the training set's: fit it on split.X_train, the "
                        "training features, with no other rows.")
    if isinstance(answer, MinMaxScaler) and not _close(answer.data_max_, train.max()):
        raise Incorrect("your scaler's maximum is not the training set's: fit it on split.X_train only.")
    if isinstance(answer, StandardScaler) and answer.scale_ is not None \
            and not _close(answer.scale_, train.std(ddof=0)):
        raise Incorrect("your scaler's standard deviations are not the training set's: fit it on split.X_train "
                        "only.")


q2 = Exercise(
    "q2",
    ValueCheck(_check_scaler, expects="a fitted StandardScaler or MinMaxScaler"),
    hint="Make the scaler and fit it in one line: fit learns from the rows you give it, so give it the "
         "training features only.",
    solution="q2_answer = StandardScaler().fit(split.X_train)",
    answer_name="q2_answer",
    wrong_answers=[
        ("q2_answer = StandardScaler().fit(X)", "leakage"),
        ("q2_answer = StandardScaler().fit_transform(split.X_train)", "fitted scaler itself"),
        ("q2_answer = StandardScaler()", "not fitted"),
    ],
    correct_message="It learned its numbers from the 618 training rows only; validation and test rows "
                    "are only transformed.",
)


# ------------------------------------------------------------------------------ q3: own network

def _as_model(answer: Any, what: str) -> Any:
    import keras

    if answer is None:
        raise Incorrect("your answer is None: did you assign the result of print() or of fit()? "
                        "fit returns a History; keep the model itself.")
    if isinstance(answer, keras.callbacks.History):
        raise Incorrect(f"that is the History that fit returns; give the {what} itself "
                        f"(the variable you called fit on).")
    if isinstance(answer, keras.layers.Layer) and not isinstance(answer, keras.Model):
        raise Incorrect(f"that is a single layer ({type(answer).__name__}), not a model: "
                        f"put the layers in keras.Sequential([...]).")
    if not isinstance(answer, keras.Model):
        raise Incorrect(f"your {what} should be a Keras model, not {describe_type(answer)}.")
    try:
        inputs = answer.inputs
    except (AttributeError, ValueError):
        inputs = None
    n_features = _split().X_train.shape[1]
    if not inputs or tuple(inputs[0].shape)[1:] != (n_features,):
        raise Incorrect(f"your {what} should start with keras.Input(shape=({n_features},)): "
                        f"one input per feature.")
    return answer


def _predict(model: Any, X: np.ndarray) -> np.ndarray:
    return np.asarray(model.predict(X, verbose=0), dtype=float).reshape(len(X), -1)[:, 0]


def _check_own_network(answer: Any) -> None:
    import keras

    model = _as_model(answer, "model")
    s = _split()
    _, X_val_s, _ = _scaled()
    y_val = s.y_val.to_numpy(dtype=float)
    pred = _predict(model, X_val_s)
    if not np.all(np.isfinite(pred)):
        raise Incorrect("your model predicts NaN or infinite values: the training diverged. "
                        "Lower the learning rate and train a new model.")
    r2 = _r2(y_val, pred)
    if r2 >= R2_THRESHOLD:
        return
    if np.ptp(pred) < 1e-3:
        raise Incorrect("your model predicts the same number for every mix: its relu units died "
                        "(lesson 06). Start the output bias at y_train.mean(), or use more nodes.")
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    hidden = dense[:-1]
    if not hidden:
        raise Incorrect(f"your model has no hidden layer: it is a linear regression, whose validation R² "
                        f"is about 0.63 here. Add hidden Dense layers with activation='relu'.")
    if all(layer.get_config().get("activation") in (None, "linear") for layer in hidden):
        raise Incorrect("your hidden layers have no activation, so the network is a linear regression "
                        "(lesson 07). Use activation='relu' in the hidden layers.")
    raw = _predict(model, s.X_val.to_numpy(dtype="float32"))
    if np.all(np.isfinite(raw)) and _r2(y_val, raw) > r2 + 0.2:
        raise Incorrect("your model works better on the unscaled features than on the scaled ones: "
                        "train it on X_train_s, the standardized training features.")
    if r2 < 0:
        raise Incorrect(f"your model's validation R² is {r2:.2f}, worse than predicting the mean: is it "
                        f"trained enough? Fit it on X_train_s and y_train for more epochs or with a larger "
                        f"learning rate (Adam 0.01), or start the output bias at y_train.mean().")
    raise Incorrect(f"your model's validation R² is {r2:.3f}; it should reach {R2_THRESHOLD}. Train "
                    f"longer, raise Adam's learning rate (e.g. 0.01), or start the output bias at the mean.")


q3 = Exercise(
    "q3",
    ValueCheck(_check_own_network, expects="a trained Keras model"),
    hint="Hidden Dense layers with activation='relu', one output node; Adam with learning_rate=0.01; "
         "fit on X_train_s and y_train for about 40 epochs with batch_size=64. No validation_data is "
         "needed: the check measures R² on the validation set.",
    solution=("keras.utils.set_random_seed(42)\n"
              "q3_answer = keras.Sequential([\n"
              "    keras.Input(shape=(n_features,)),\n"
              "    layers.Dense(64, activation='relu'),\n"
              "    layers.Dense(64, activation='relu'),\n"
              "    layers.Dense(1, bias_initializer=keras.initializers.Constant(y_train.mean())),\n"
              "])\n"
              "q3_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse')\n"
              "q3_answer.fit(X_train_s, y_train, epochs=40, batch_size=64, verbose=0)"),
    answer_name="q3_answer",
    wrong_answers=[
        ("q3_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])", "no hidden layer"),
        ("q3_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(16, activation='relu'), "
         "layers.Dense(1)])", "worse than predicting the mean"),
        ("q3_answer = layers.Dense(1)", "single layer"),
    ],
    correct_message=f"Its validation R² is above {R2_THRESHOLD}, far above linear regression's 0.63.",
)


# ------------------------------------------------------------------------------ q4: test report

def _check_report(answer: Any) -> None:
    if isinstance(answer, (str, bytes)) or not isinstance(answer, (tuple, list)) or len(answer) != 2:
        raise Incorrect("give a pair: q4_answer = (chosen, test_rmse), the model and its test RMSE.")
    model, number = answer
    model = _as_model(model, "first item (the chosen model)")
    if isinstance(number, (bool, np.bool_)) or getattr(number, "shape", ()) not in ((), None):
        raise Incorrect("the second item should be one number, the RMSE: take np.sqrt(np.mean(...)) of "
                        "the squared errors.")
    try:
        value = float(number)
    except Exception:  # noqa: BLE001 - text, lists, ...
        raise Incorrect(f"the second item should be a number, not {describe_type(number)}.") from None
    s = _split()
    X_train_s, X_val_s, X_test_s = _scaled()
    y_train, y_val, y_test = (part.to_numpy(dtype=float) for part in (s.y_train, s.y_val, s.y_test))
    val_r2 = _r2(y_val, _predict(model, X_val_s))
    if not val_r2 >= R2_THRESHOLD:
        raise Incorrect(f"that model's validation R² is {val_r2:.2f}: is it the chosen model? Use chosen.")
    pred_test = _predict(model, X_test_s)
    expected = _rmse(y_test, pred_test)
    if math.isclose(value, expected, rel_tol=2e-3):
        return
    mistakes = [
        (expected ** 2, "that is the MSE: take its square root."),
        (_rmse(y_val, _predict(model, X_val_s)), "that is the RMSE on the validation set; the report uses "
                                                 "the test set (X_test_s, y_test)."),
        (_rmse(y_train, _predict(model, X_train_s)), "that is the RMSE on the training set; use X_test_s "
                                                     "and y_test."),
        (float(np.mean(np.abs(y_test - pred_test))), "that is the MAE; the RMSE is the square root of the "
                                                     "mean squared error."),
        (_rmse(y_test, np.full(len(y_test), y_train.mean())), "that is the baseline's RMSE; use the chosen "
                                                              "model's predictions."),
    ]
    raw = _predict(model, s.X_test.to_numpy(dtype="float32"))
    if np.all(np.isfinite(raw)):
        mistakes.append((_rmse(y_test, raw), "those predictions come from the unscaled X_test: give the "
                                             "model X_test_s, scaled with the training scaler."))
    for wrong, hint in mistakes:
        if math.isclose(value, wrong, rel_tol=2e-3):
            raise Incorrect(hint)
    raise Incorrect(f"your RMSE is {value:.4g}; the RMSE of that model's test predictions is not that. "
                    f"Compute np.sqrt(np.mean((y_test - predictions) ** 2)).")


q4 = Exercise(
    "q4",
    ValueCheck(_check_report, expects="a pair (model, test RMSE)"),
    hint="Predict X_test_s with the chosen model (.ravel() the result), subtract from y_test, square, take "
         "the mean, then the square root.",
    solution=("test_pred = chosen.predict(X_test_s, verbose=0).ravel()\n"
              "q4_answer = (chosen, np.sqrt(np.mean((y_test - test_pred) ** 2)))"),
    answer_name="q4_answer",
    wrong_answers=[
        ("q4_answer = (chosen, np.mean((y_test - chosen.predict(X_test_s, verbose=0).ravel()) ** 2))", "MSE"),
        ("q4_answer = (chosen, np.sqrt(np.mean((y_val - chosen.predict(X_val_s, verbose=0).ravel()) ** 2)))",
         "validation set"),
        ("q4_answer = np.sqrt(np.mean((y_test - chosen.predict(X_test_s, verbose=0).ravel()) ** 2))", "a pair"),
    ],
    correct_message="That is the number to report: the typical miss of the chosen model on new mixes, in MPa.",
)


# ------------------------------------------------------------------------ q5: what travels along

q5 = Exercise(
    "q5",
    expect_choice("b", {
        "a": "the test set already did its job: it gave the final score. The saved model does not need it "
             "to predict.",
        "c": "the learning curves tell how training went; predicting a new mix does not need them.",
        "d": "the .keras file stores the weights, but the model expects standardized features: it cannot "
             "predict from raw kg/m³ and days without the training means and standard deviations.",
    }, options="abcd"),
    hint="The model was trained on X_train_s, not on kg/m³ and days. What turns a new mix into the numbers "
         "the model expects?",
    solution='q5_answer = "b"',
    answer_name="q5_answer",
    wrong_answers=[('q5_answer = "d"', "standardized features"), ('q5_answer = "a"', "test set")],
    correct_message="Keep the scaler with the model (e.g. joblib.dump(scaler, 'scaler.joblib')), or put the "
                    "scaling inside the model as a Normalization layer (lesson 02).",
)
