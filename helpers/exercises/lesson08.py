"""Exercises of lesson 08 (notebooks/08_project_concrete.ipynb): the concrete-strength project.

A check cannot see the notebook's variables, so the lesson tells exercises 3 and 4 its two trained
networks and its choice: ``ex.remember_networks({"A": network_a, "B": network_b}, chosen)``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from helpers.datasets import load_dataset
from helpers.exercises import (
    Exercise,
    Incorrect,
    ValueCheck,
    dense_layers,
    expect_choice,
    expect_fitted_scaler,
    expect_int,
    expect_keras_model,
    expect_number,
)
from helpers.language import N_, _
from helpers.prep import Split, features_and_target, train_val_test_split


@cache
def _split() -> Split:
    """The lesson's split: the same rows as the notebook's split."""
    table = load_dataset("concrete")
    return train_val_test_split(*features_and_target(table, target="compressive_strength"), seed=42)


@cache
def _scaled() -> tuple[np.ndarray, ...]:
    """The lesson's training, validation and test features, standardized (float32)."""
    from sklearn.preprocessing import StandardScaler

    s = _split()
    scaler = StandardScaler().fit(s.X_train)
    return tuple(scaler.transform(X).astype("float32") for X in (s.X_train, s.X_val, s.X_test))


def _predict(model: Any, X: Any) -> np.ndarray:
    return model.predict(np.asarray(X, dtype="float32"), verbose=0).reshape(len(X), -1)[:, 0]


def _check_sizes(answer: Any) -> None:
    if not isinstance(answer, (tuple, list, np.ndarray)) or len(answer) != 3:
        raise Incorrect(N_("give three whole numbers: (training, validation, test)."))
    order = N_("the right numbers, in the wrong order: (training, validation, test).")
    share = N_("val_size is a share of ALL rows, like test_size: 20 % of 1030.")
    mistakes = [{206: order, 659: share}, {618: order, 165: share}, {618: order}]
    names = [N_("number of training rows"), N_("number of validation rows")]
    names.append(N_("number of test rows"))
    parts = zip(names, _split()[:3], mistakes, strict=True)
    for item, (what, rows, known) in zip(answer, parts, strict=True):
        expect_int(len(rows), what=what, known_mistakes=known)(item)


def _check_scaler(answer: Any) -> None:
    import pandas as pd

    s = _split()
    expect_fitted_scaler(
        s.X_train,
        fit_on="split.X_train",
        known_mistakes=[
            (
                pd.concat([s.X_train, s.X_val, s.X_test]),
                "your scaler learned from all 1030 rows: that is data leakage (데이터 누수).",
            ),
            (
                pd.concat([s.X_train, s.X_val]),
                "your scaler learned from the training and validation rows: the "
                "validation rows must stay unseen.",
            ),
        ],
    )(answer)


_NETWORKS: dict[str, Any] = {}  # the lesson's networks by name, told by remember_networks
_CHOSEN: list[str] = []  # the name of the chosen one


def remember_networks(networks: dict[str, Any], chosen: Any) -> None:
    """Tell the checks of lesson 08 (08_project_concrete.ipynb) its networks and the chosen one.

    Exercise 3 then rejects these networks and their copies (it asks for a network of your own);
    exercise 4 accepts a report only about ``chosen`` (itself, or a copy with its weights).
    """
    names = [name for name, model in networks.items() if model is chosen]
    if len(names) != 1:
        raise ValueError(_("chosen must be one of the networks given to remember_networks"))
    if not all(hasattr(model, "get_weights") for model in networks.values()):
        raise TypeError(_("networks must map names to Keras models, e.g. {'A': network_a}"))
    _NETWORKS.clear()
    _NETWORKS.update(networks)
    _CHOSEN[:] = names


def _lesson_network(model: Any) -> str | None:
    """The name of the lesson's network that ``model`` is, or copies (the same weights)."""
    mine = model.get_weights()
    for name, network in _NETWORKS.items():
        theirs = network.get_weights()
        same = len(mine) == len(theirs) and all(
            a.shape == b.shape and np.allclose(a, b) for a, b in zip(mine, theirs, strict=True)
        )
        if model is network or same:
            return name
    return None


def _check_own_network(answer: Any) -> None:
    from sklearn.metrics import r2_score

    expect_keras_model(input_shape=(8,))(answer)
    name = _lesson_network(answer)
    if name is not None:
        which = _(" (the chosen one)") if [name] == _CHOSEN else ""
        told = N_("that is the lesson's network {name}{which}: train one of your own.")
        raise Incorrect(told, name=name, which=which)
    pred = _predict(answer, _scaled()[1])
    if not np.all(np.isfinite(pred)):
        raise Incorrect(N_("your model predicts NaN: training diverged. Lower the learning rate."))
    r2 = r2_score(_split().y_val, pred)
    if r2 >= 0.85:
        return
    hidden = dense_layers(answer)[:-1]
    if not hidden:
        raise Incorrect(N_("your model has no hidden layer: it is a linear regression (R² 0.63)."))
    if all(activation == "linear" for _, activation in hidden):
        raise Incorrect(N_("your hidden layers have no activation: use activation='relu'."))
    verdict = _("your model's validation R² is {r2}; it should reach 0.85.")
    if r2 < 0.005:  # 0.00 or less when printed
        verdict = _("your model's validation R² is {r2}: no better than predicting the mean.")
    if r2 <= -0.005:
        verdict = _("your model's validation R² is {r2}: worse than predicting the mean.")
    verdict = verdict.format(r2=f"{r2:.3f}" if r2 >= 0.005 else f"{r2:.2f}")
    raise Incorrect(N_("{verdict} ex.q3.hint() has a recipe."), verdict=verdict)


def _check_report(answer: Any) -> None:
    import keras
    from sklearn.metrics import mean_absolute_error as mae
    from sklearn.metrics import root_mean_squared_error as rmse

    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        raise Incorrect(N_("give a pair: q4_answer = (chosen, test_rmse)."))
    model, number = answer
    if not _CHOSEN:
        raise Incorrect(N_("first run the cell of section 8 that calls ex.remember_networks(...)."))
    if not isinstance(model, keras.Model) or _lesson_network(model) != _CHOSEN[0]:
        raise Incorrect(
            N_("the first item is not the chosen model: q4_answer = (chosen, test_rmse).")
        )
    s, (X_train_s, X_val_s, X_test_s) = _split(), _scaled()
    y_test, pred = s.y_test.to_numpy(dtype=float), _predict(model, X_test_s)
    mistakes = {
        rmse(y_test, pred) ** 2: "that is the MSE: take its square root.",
        rmse(s.y_val, _predict(model, X_val_s)): "that is the RMSE on the validation set.",
        rmse(s.y_train, _predict(model, X_train_s)): "that is the RMSE on the training set.",
        mae(y_test, pred): "that is the MAE, the mean of the errors' sizes.",
        # predict gives a column (206, 1): y_test minus a column is a 206 x 206 table
        np.sqrt(np.mean((y_test - pred[:, np.newaxis]) ** 2)): "y_test minus a column of shape "
        "(206, 1) is a 206 × 206 table: .ravel() the predictions first.",
    }
    raw = _predict(model, s.X_test)
    if np.all(np.isfinite(raw)):
        mistakes[rmse(y_test, raw)] = N_("those predictions come from the unscaled X_test.")
    expect_number(rmse(y_test, pred), what="test RMSE", known_mistakes=mistakes)(number)


q1 = Exercise(
    "q1",
    ValueCheck(_check_sizes, expects="a tuple of three whole numbers"),
    hint="train_val_test_split keeps 20 % of ALL rows for validation and 20 % for test.",
    solution="n = len(concrete)\nq1_answer = (round(0.6 * n), round(0.2 * n), round(0.2 * n))",
    correct_message="618 rows to learn from, 206 to choose with, 206 for the final report.",
)

q2 = Exercise(
    "q2",
    ValueCheck(_check_scaler, expects="a fitted StandardScaler or MinMaxScaler"),
    hint="fit learns from the rows you give it: give it the training features only.",
    solution="q2_answer = StandardScaler().fit(split.X_train)",
    correct_message="It learned from the 618 training rows only; the others are only transformed.",
)

q3 = Exercise(
    "q3",
    ValueCheck(_check_own_network, expects="a trained Keras model"),
    hint="As make_network: two hidden layers of 64 relu nodes, and an output whose bias "
    "starts at y_train.mean(). Adam(learning_rate=0.01), loss='mse'; fit on X_train_s, "
    "y_train for 40 epochs, batch_size=64.",
    solution=(
        "keras.utils.set_random_seed(42)\n"
        "q3_answer = keras.Sequential([\n"
        "    keras.Input(shape=(n_features,)),\n"
        "    layers.Dense(64, activation='relu'),\n"
        "    layers.Dense(64, activation='relu'),\n"
        "    layers.Dense(1, bias_initializer=keras.initializers.Constant(y_train.mean())),\n"
        "])\n"
        "q3_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse')\n"
        "q3_answer.fit(X_train_s, y_train, epochs=40, batch_size=64, verbose=0)"
    ),
    correct_message="Its validation R² is above 0.85, far above linear regression's 0.63.",
)

q4 = Exercise(
    "q4",
    ValueCheck(_check_report, expects="a pair (model, test RMSE)"),
    hint="Predict X_test_s with chosen (.ravel() it), subtract from y_test, square, take the "
    "mean, then the square root.",
    solution=(
        "test_pred = chosen.predict(X_test_s, verbose=0).ravel()\n"
        "q4_answer = (chosen, np.sqrt(np.mean((y_test - test_pred) ** 2)))"
    ),
    correct_message="The number to report: the typical miss of the chosen model on new mixes.",
)

q5 = Exercise(
    "q5",
    expect_choice(
        "b",
        {
            "a": "the test set gave the final score; the saved model does not need it to predict.",
            "c": "the learning curves tell how training went; predicting does not need them.",
            "d": "the model expects standardized features: it needs the training "
            "means and standard deviations.",
        },
        options="abcd",
    ),
    hint="The model was trained on X_train_s. What turns a new mix into such numbers?",
    solution='q5_answer = "b"',
    correct_message="Keep the scaler with the model (joblib.dump), or scale inside the model with "
    "a Normalization layer (lesson 02).",
)
