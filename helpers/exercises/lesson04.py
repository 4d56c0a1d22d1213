"""Exercises of lesson 04 (notebooks/04_compile.ipynb): loss, gradient descent, learning rate, compile."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from helpers.exercises import (
    Exercise,
    Incorrect,
    ValueCheck,
    expect_choice,
    expect_keras_model,
    expect_number,
)

# The tiny data of section 3 (the same numbers as the notebook's x_tiny, y_tiny).
_X_TINY = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
_Y_TINY = np.array([2.1, 3.9, 6.2, 7.8, 10.1])
_N_FEATURES = 9  # Auto MPG's features after dummies: 6 numbers + 3 origins


def _gradient(w: float) -> float:
    return float(-2 * np.mean(_X_TINY * (_Y_TINY - w * _X_TINY)))


def _check_one_step(answer: Any) -> None:
    w, lr = 1.0, 0.02
    g = _gradient(w)
    w_best = float(np.sum(_X_TINY * _Y_TINY) / np.sum(_X_TINY ** 2))
    _reject_a_path(answer)
    expect_number(w - lr * g, rel=1e-4, what="new w", known_mistakes=[
        (w + lr * g, "you stepped uphill: the rule subtracts the step, w - learning_rate * gradient(w)."),
        (-lr * g, "that is the step only; add it to the starting w = 1.0."),
        (lr * g, "that is the step only (with the wrong sign); the new w is w - learning_rate * gradient(w)."),
        (g, "that is the gradient at w = 1; multiply it by the learning rate and subtract it from w."),
        (w - g, "you forgot the learning rate: multiply the gradient by 0.02 before subtracting."),
        (w - 10 * lr * g, "that step used a learning rate of 0.2, ten times the exercise's 0.02."),
        (w - lr / 10 * g, "that step used a learning rate of 0.002, a tenth of the exercise's 0.02."),
        (lambda v: abs(v - w_best) < 0.01, "that is (about) the bottom of the bowl, where many steps end "
                                           "(gradient_descent takes 10 by default). The exercise asks for "
                                           "one step from w = 1.0."),
    ])(answer)


def _reject_a_path(answer: Any) -> None:
    """A whole path of w values (what gradient_descent returns) instead of one number."""
    if isinstance(answer, (str, bytes)) or not isinstance(answer, (list, tuple, np.ndarray)):
        return
    try:
        values = np.asarray(answer, dtype=float).ravel()
    except Exception:  # noqa: BLE001 - not numbers: expect_number explains
        return
    if values.size > 1 and math.isclose(values[0], 1.0):
        raise Incorrect(f"that is a path of {values.size} values of w (the start, then one value per step), "
                        "not one number: the new w is the value after the first step.")


def _is_nan(answer: Any) -> bool:
    """True for a number (or a NumPy scalar) that is nan."""
    if isinstance(answer, (str, bytes, bool)):
        return False
    try:
        return math.isnan(float(answer))
    except Exception:  # noqa: BLE001 - not a number: expect_number explains
        return False


def _check_diverged(answer: Any) -> None:
    if _is_nan(answer):
        raise Incorrect("nan is what the loss became in the diverging run, not a learning rate: answer with the "
                        "learning rate of that row of the table (the number on its left).")
    expect_number(1.0, rel=1e-6, what="learning rate", reveal_direction=False, known_mistakes=[
        (0.001, "0.001 is too small, not divergent: its loss went down. Look for nan in the table."),
        (0.01, "0.01 learns, only slowly. Look for nan in the table."),
        (0.1, "0.1 was the best rate here. Look for nan in the table."),
    ])(answer)


def _loss_name(loss: Any) -> str:
    """'mse', 'mae' or another name for the loss in a compile config (a string or a serialized object)."""
    if isinstance(loss, dict):
        config = loss.get("config", {})
        # A loss object stores its name in a dict; a function (keras.losses.mean_squared_error) is the string.
        loss = (config if isinstance(config, str) else config.get("name")) or loss.get("class_name", "")
    name = str(loss).lower().replace("_", "")
    return {"meansquarederror": "mse", "meanabsoluteerror": "mae"}.get(name, name)


def _to_numpy(value: Any) -> np.ndarray:
    """A Keras variable or tensor as a NumPy array (imports Keras only when an answer is checked)."""
    import keras

    return keras.ops.convert_to_numpy(value)


def _check_compiled(answer: Any) -> None:
    expect_keras_model(input_shape=(_N_FEATURES,), dense_units=[1], activations=[None],
                       n_params=_N_FEATURES + 1, what="model")(answer)
    config = answer.get_compile_config()
    if not config:
        raise Incorrect("your model is built but not compiled: call q4_answer.compile(optimizer=..., loss=..., "
                        "metrics=[...]) on it.")
    try:
        steps = int(_to_numpy(answer.optimizer.iterations))
    except Exception:  # noqa: BLE001 - no optimizer object: the compile checks below explain
        steps = 0
    if steps:
        raise Incorrect(f"your model has been trained already (its optimizer took {steps} "
                        f"step{'' if steps == 1 else 's'}): the exercise asks for a compiled model that has not "
                        "been trained. Build and compile a new one, and do not call fit on it.")
    optimizer = config.get("optimizer", {})
    name = optimizer.get("class_name", "") if isinstance(optimizer, dict) else str(optimizer)
    if name.lower() != "adam":
        raise Incorrect(f"your optimizer is {name}; use keras.optimizers.Adam(learning_rate=0.5).")
    lr = float(optimizer.get("config", {}).get("learning_rate", float("nan")))
    if not math.isclose(lr, 0.5, rel_tol=1e-6):
        extra = " (Keras's default)" if math.isclose(lr, 0.001, rel_tol=1e-6) else ""
        raise Incorrect(f"your Adam's learning rate is {lr:g}{extra}: pass learning_rate=0.5, "
                        f"as in keras.optimizers.Adam(learning_rate=0.5).")
    loss = _loss_name(config.get("loss"))
    metrics = [_loss_name(m) for m in (config.get("metrics") or [])]
    if loss == "mae" and "mse" in metrics:
        raise Incorrect("loss and metric are swapped: the loss (what training minimises) is 'mse', "
                        "the metric (only tracked) is 'mae'.")
    if loss != "mse":
        raise Incorrect(f"your loss is {loss!r}; for this regression use loss='mse'.")
    if "mae" not in metrics:
        raise Incorrect("MAE is not tracked: add metrics=['mae'] to compile.")


q1 = Exercise(
    "q1",
    expect_choice("mse", {
        "mae": "MAE counts a miss of 8 exactly like four misses of 2 (section 2); "
               "the loss that squares the errors punishes one big miss more.",
        "crossentropy": "cross-entropy is the loss for classification (predicting a category); "
                        "a price is a number.",
    }, aliases={"mean_squared_error": "mse", "mean squared error": "mse", "meansquarederror": "mse",
                "mean_absolute_error": "mae", "mean absolute error": "mae", "meanabsoluteerror": "mae",
                "cross-entropy": "crossentropy", "cross entropy": "crossentropy",
                "binary_crossentropy": "crossentropy", "categorical_crossentropy": "crossentropy",
                "sparse_categorical_crossentropy": "crossentropy"}),
    hint="Section 2: models A and B had the same MAE. Which loss told them apart, and why?",
    solution='q1_answer = "mse"',
    answer_name="q1_answer",
    correct_message="MSE squares each error, so one miss of 8 costs 64 while four misses of 2 cost 16.",
)

q2 = Exercise(
    "q2",
    ValueCheck(_check_one_step, expects="a single number"),
    hint="Step by step: (1) find the slope of the loss at the start, w = 1.0, with the gradient function. "
         "(2) The step is the learning rate times that slope. (3) Gradient descent walks downhill, against "
         "the slope: which sign does the step get when you add it to the starting w?",
    solution="q2_answer = 1.0 - 0.02 * gradient(1.0)",
    answer_name="q2_answer",
    correct_message="The gradient at w = 1 is negative, so the step moves w up, towards the best w (about 2).",
)

q3 = Exercise(
    "q3",
    ValueCheck(_check_diverged, expects="a single number, e.g. 0.01"),
    hint="A diverging run's loss grows instead of falling, overflows and ends as nan.",
    solution="q3_answer = 1.0",
    answer_name="q3_answer",
    correct_message="At 1 every step overshoots: the loss grew to about 1e30 in the first epoch, then to inf and "
                    "nan. On data without NaN, a loss that grows to nan means: lower the learning rate.",
)

q4 = Exercise(
    "q4",
    ValueCheck(_check_compiled, expects="a compiled Keras model"),
    hint="Step by step: (1) build the model as in section 4 (an input of n_features numbers, then one Dense "
         "node) and assign it to q4_answer. (2) Create the optimizer object with the learning rate you were "
         "given: keras.optimizers has an Adam class. (3) Call compile on q4_answer with that optimizer, the "
         "loss's short name, and a list with the metric's short name. Section 5's cell compiles a model "
         "the same way.",
    solution=("q4_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])\n"
              'q4_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.5), loss="mse", metrics=["mae"])'),
    answer_name="q4_answer",
    correct_message="fit(...) would now train it; evaluate(...) would return [MSE, MAE].",
)

q5 = Exercise(
    "q5",
    expect_choice("b", {
        "a": "a learning rate that is too large makes the loss grow for a while before it overflows (section 4: "
             "about 1e30 in the first epoch at rate 1). At 0.001 and 0.0001 the steps are tiny, and the lesson's "
             "data trained fine at 0.001: a nan from the first epoch at every rate points to the data.",
        "c": "one NaN in a feature makes that row's prediction nan, and then any loss of its batch is nan, "
             "MSE or MAE alike.",
        "d": "once a weight is nan it stays nan: more epochs repeat the same nan.",
    }, aliases={"np.isnan(x).any()": "b", "check the data": "b", "the data": "b",
                "lower the learning rate": "a", "mae": "c", "more epochs": "d"}),
    hint="Section 4 showed two ways to get a nan loss. Which one depends on the learning rate, and which one "
         "gives nan from the first epoch at any learning rate?",
    solution='q5_answer = "b"',
    answer_name="q5_answer",
    correct_message="np.isnan(X).any() (and np.isnan(y).any() for the target) finds the bad values; "
                    "np.isfinite(X).all() checks for inf as well. Lower the learning rate only when the data are "
                    "clean and the loss grows before it turns nan.",
)
