"""Exercises of lesson 04 (04_compile.ipynb): loss, gradient descent, learning rate, compile."""

import math
from typing import Any

import numpy as np

from helpers.exercises import Exercise, Incorrect, expect_choice, expect_keras_model, expect_number
from helpers.language import N_, _

# Exercise 2: one step from w = 1 on the tiny data of section 3 (the notebook's x_tiny, y_tiny).
_X, _Y = np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.array([2.1, 3.9, 6.2, 7.8, 10.1])
_G = -2 * np.mean(_X * (_Y - 1.0 * _X))  # gradient(1.0)
_W_BEST = np.sum(_X * _Y) / np.sum(_X**2)
_one_step = expect_number(
    1.0 - 0.02 * _G,
    what="new w",
    known_mistakes={
        1.0 + 0.02 * _G: "you stepped uphill: w - learning_rate * gradient(w) subtracts.",
        -0.02 * _G: "that is the step only; add it to the starting w = 1.0.",
        1.0 - _G: "you forgot the learning rate: multiply the gradient by 0.02.",
        1.0 - 0.2 * _G: "that step used a learning rate of 0.2, not 0.02.",
        1.0 - 0.002 * _G: "that step used a learning rate of 0.002, not 0.02.",
        lambda v: abs(v - _W_BEST) < 0.01: "that is the best w: take one step from w = 1.0.",
    },
)


def _check_one_step(answer: Any) -> None:
    if isinstance(answer, np.ndarray) and answer.ndim == 1 and answer.size > 1 and answer[0] == 1:
        message = N_(
            "that is a path of {count} values of w (the start, then one per step): "
            "the new w is the value after the first step."
        )
        raise Incorrect(message, count=answer.size)
    _one_step(answer)


_diverged = expect_number(
    1.0,
    what="learning rate",
    reveal_direction=False,
    known_mistakes={
        0.001: "0.001 is too small, not divergent: its loss went down. Look for nan.",
        0.1: "0.1 was the best rate here. Look for nan.",
    },
)


def _check_diverged(answer: Any) -> None:
    text = isinstance(answer, str) and answer.strip().strip("'\"").lower() == "nan"
    if text or isinstance(answer, (float, np.floating)) and np.isnan(answer):
        message = N_("nan is what the loss became, not a learning rate: answer with the rate.")
        raise Incorrect(message)
    _diverged(answer)


def _short_name(entry: Any) -> str:
    """'mse', 'mae' or another name of a loss or metric in a compile config."""
    if isinstance(entry, dict):  # a Keras function or object, serialized
        config = entry.get("config")
        entry = config if isinstance(config, str) else (config or {}).get("name", "")
    name = str(entry).lower().replace("_", "")
    return {"meansquarederror": "mse", "meanabsoluteerror": "mae"}.get(name, name)


def _check_compiled(answer: Any) -> None:
    expect_keras_model(input_shape=(9,), dense_units=[1], activations=[None], n_params=10)(answer)
    config = answer.get_compile_config()
    if not config:
        raise Incorrect(N_("your model is built but not compiled: call q4_answer.compile(...)."))
    optimizer, kind = answer.optimizer, type(answer.optimizer).__name__
    if int(optimizer.iterations):
        message = N_("your model has been trained already: build and compile a new one, no fit.")
        raise Incorrect(message)
    if kind != "Adam":
        message = N_("your optimizer is {kind}; use keras.optimizers.Adam(learning_rate=0.5).")
        raise Incorrect(message, kind=kind)
    rate = float(optimizer.learning_rate)
    if not math.isclose(rate, 0.5, rel_tol=1e-6):
        default = N_(" (Keras's default)") if math.isclose(rate, 0.001, rel_tol=1e-6) else ""
        message = N_("your Adam's learning rate is {rate:g}{default}: pass learning_rate=0.5.")
        raise Incorrect(message, rate=rate, default=_(default))
    loss = _short_name(config.get("loss"))
    metrics = [_short_name(metric) for metric in config.get("metrics") or []]
    if loss == "mae" and "mse" in metrics:
        raise Incorrect(N_("loss and metric are swapped: the loss is 'mse', the metric 'mae'."))
    if loss != "mse":
        raise Incorrect(N_("your loss is {loss!r}; for this regression use loss='mse'."), loss=loss)
    if "mae" not in metrics:
        raise Incorrect(N_("MAE is not tracked: add metrics=['mae'] to compile."))


q1 = Exercise(
    "q1",
    expect_choice(
        "mse",
        {
            "mae": "MAE counts a miss of 8 like four misses of 2; squared errors punish it more.",
            "crossentropy": "cross-entropy is a loss for classification; a price is a number.",
        },
        aliases={"cross entropy": "crossentropy", "binary crossentropy": "crossentropy"},
    ),
    hint="Section 2: models A and B had the same MAE. Which loss told them apart, and why?",
    solution='q1_answer = "mse"',
    correct_message="MSE squares each error: one miss of 8 costs 64, four misses of 2 cost 16.",
)

q2 = Exercise(
    "q2",
    _check_one_step,
    hint="gradient(1.0) is the slope at w = 1.0; the step is the learning rate times the slope. "
    "Gradient descent walks downhill, against the slope: add or subtract the step?",
    solution="q2_answer = 1.0 - 0.02 * gradient(1.0)",
    correct_message="The gradient at 1 is negative: w moves up, towards the best w (about 2).",
)

q3 = Exercise(
    "q3",
    _check_diverged,
    hint="A diverging run's loss grows instead of falling, overflows and ends as nan.",
    solution="q3_answer = 1.0",
    correct_message="At 1 every step overshoots: the loss grew to about 1e30, then to inf and nan. "
    "On data without NaN, a loss that grows to nan means: lower the learning rate.",
)

q4 = Exercise(
    "q4",
    _check_compiled,
    expects="a compiled Keras model",
    hint="Build the one-node model of section 4 and assign it to q4_answer. Then call "
    "q4_answer.compile as in section 5, with keras.optimizers.Adam(learning_rate=...).",
    solution="q4_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])\n"
    "q4_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.5), "
    'loss="mse", metrics=["mae"])',
    correct_message="fit(...) would now train it; evaluate(...) would return [MSE, MAE].",
)

q5 = Exercise(
    "q5",
    expect_choice(
        "b",
        {
            "a": "a too large rate makes the loss grow first; nan at any rate points to the data.",
            "c": "one NaN in a feature makes the loss nan, MSE or MAE alike.",
            "d": "once a weight is nan it stays nan: more epochs repeat the same nan.",
        },
        aliases={"lower the learning rate": "a", "학습률 낮추기": "a", "학습률을 낮추기": "a"},
    ),
    hint="Section 4 showed two ways to get a nan loss. Which one depends on the learning rate, and "
    "which one gives nan from the first epoch at any learning rate?",
    solution='q5_answer = "b"',
    correct_message="np.isnan(X).any() finds NaN, np.isfinite(X).all() checks for inf too. "
    "Lower the learning rate only when the loss grows before it turns nan.",
)
