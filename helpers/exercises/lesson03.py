"""Exercises of lesson 03 (notebooks/03_sequential_model.ipynb): declaring a model, counting its
parameters, drawing it, and predicting by hand from its weights.

No data is needed: every expected value follows from the questions themselves.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers.exercises import Exercise, ValueCheck, expect_array_close, expect_int, expect_keras_model

#: Exercise 4's model and cars; the lesson's cell before the exercise sets the same numbers. The weights
#: must not add up to 0: otherwise (new_cars + b) @ w, a mistake, equals new_cars @ w (no bias).
TINY_WEIGHTS = np.array([[1.5], [-2.0], [1.0]])
TINY_BIAS = np.array([3.0])
TINY_ROWS = np.array([[2.0, 1.0, 6.0], [0.0, 3.0, 2.0]])


def _n_inputs(model: Any) -> int | None:
    try:
        return int(model.inputs[0].shape[-1])
    except Exception:  # noqa: BLE001 - not built: expect_keras_model reports that
        return None


def _input_rank(model: Any) -> int | None:
    try:
        return len(model.inputs[0].shape)
    except Exception:  # noqa: BLE001 - not built: expect_keras_model reports that
        return None


q1 = Exercise(
    "q1",
    expect_keras_model(input_shape=(4,), dense_units=[1], activations=[None], n_params=5, known_mistakes=[
        (lambda m: _n_inputs(m) == 9 and _input_rank(m) == 2,
         "your model takes 9 inputs, the number of features of the lesson's data; this one has 4 "
         "features: keras.Input(shape=(4,))."),
        (lambda m: (_input_rank(m) or 0) > 2,
         "your keras.Input has more than one number in its shape, so each example would be a table "
         "(rows × columns), not one row of features. A car here is one row of 4 numbers: "
         "keras.Input(shape=(4,)), one number and a comma."),
    ]),
    hint="Copy the lesson's one-node model and change the shape given to keras.Input.",
    solution="q1_answer = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])",
    answer_name="q1_answer",
    correct_message="4 weights and 1 bias: 5 parameters. Keep starting the list with keras.Input(shape=...): "
                    "the older Dense(1, input_shape=(4,)) also builds, but Keras 3 warns against it.",
)

q2 = Exercise(
    "q2",
    expect_int(33, what="number of parameters", known_mistakes=[
        (28, "that is the weights only (6 × 4 + 4 × 1), or the first layer only: "
             "every Dense node also has a bias, the output node too."),
        (29, "that is 4 short: you left out either the 4 biases of the hidden nodes or the 4 weights of the "
             "output node (one per hidden node). Count both layers' weights and biases."),
        (32, "the output node has a bias too."),
        (11, "that counts the nodes (6 + 4 + 1); count the weights and the biases."),
        (24, "6 × 4 is the first layer's weights only: add its 4 biases and the output layer."),
        (30, "that counts one bias per layer; every node has its own bias: 4 in the hidden layer "
             "(one per unit) and 1 in the output layer."),
    ]),
    hint="A Dense layer has (number of inputs) × (number of units) weights plus one bias per unit. "
         "Add up the two Dense layers.",
    solution="q2_answer = (6 * 4 + 4) + (4 * 1 + 1)",
    answer_name="q2_answer",
    correct_message="28 for the hidden layer, 5 for the output layer. model.count_params() agrees.",
)

q3 = Exercise(
    "q3",
    expect_int(18, what="number of lines", known_mistakes=[
        (22, "22 is the number of parameters: the lines are the weights only; "
             "the 4 biases (one per Dense node) are not drawn."),
        (9, "that counts the nodes (circles); count the lines between them."),
        (15, "those are the lines from the inputs to the hidden layer only: add the lines from the "
             "hidden layer to the output."),
        (8, "that adds up the nodes; every node of a layer is connected to every node of the next one: "
            "multiply."),
    ]),
    hint="Every node of a column has a line to every node of the next column. Multiply, for each pair "
         "of neighbouring columns, then add.",
    solution="q3_answer = 5 * 3 + 3 * 1",
    answer_name="q3_answer",
    correct_message="One line per weight: 15 + 3 = 18. With the 4 biases, the model has 22 parameters.",
)


def _check_tiny_predictions(answer: Any) -> None:
    by_hand = TINY_ROWS @ TINY_WEIGHTS + TINY_BIAS   # shape (2, 1), as model.predict gives
    not_added = ("you multiplied each feature by its weight, but did not add the products up: a node's output "
                 "is their sum, plus the bias once: X @ w + b (or (X * w.T).sum(axis=1) + b).")
    expect_array_close(by_hand, rel=1e-4, abs=1e-4, squeeze=True, what="predictions", known_mistakes=[
        (TINY_ROWS @ TINY_WEIGHTS, "you forgot the bias b: add it after the weighted sum."),
        ((TINY_ROWS + TINY_BIAS) @ TINY_WEIGHTS,
         "you added the bias to every feature before multiplying; the bias is added once, after the "
         "weighted sum: X @ w + b."),
        (TINY_ROWS * TINY_WEIGHTS.T, not_added),
        (TINY_ROWS * TINY_WEIGHTS.T + TINY_BIAS, not_added),
        (lambda v: np.asarray(v).size == 1,
         "give one prediction per car: the 2 rows of new_cars give 2 predictions."),
    ])(answer)


q4 = Exercise(
    "q4",
    ValueCheck(_check_tiny_predictions, expects="an array of 2 predictions"),
    hint="Step by step: (1) tiny.get_weights() returns a list of two arrays: the weights and the bias; "
         "unpack them into two names. (2) For one car, multiply each feature by its weight and add the "
         "products up. (3) Add the bias. Section 5 did steps 2 and 3 for several cars at once with NumPy.",
    solution="w, b = tiny.get_weights()\nq4_answer = new_cars @ w + b",
    answer_name="q4_answer",
    correct_message="1.5·2 − 2·1 + 1·6 + 3 = 10 and 0 − 2·3 + 1·2 + 3 = −1: the same as tiny.predict(new_cars).",
)
