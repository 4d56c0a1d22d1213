"""Exercises of lesson 03 (03_sequential_model.ipynb): declare a model, count its parameters,
draw it, and predict by hand from its weights. No data is needed."""

import numpy as np

from helpers.exercises import Exercise, expect_array_close, expect_int, expect_keras_model

# The model and cars of exercise 4, as in the lesson's cell before it. The weights do not add up
# to 0: otherwise (new_cars + b) @ w, a mistake, would equal new_cars @ w (no bias).
_W, _B = np.array([[1.5], [-2.0], [1.0]]), np.array([3.0])
_NEW_CARS = np.array([[2.0, 1.0, 6.0], [0.0, 3.0, 2.0]])
_NOT_ADDED = "you multiplied each feature by its weight; now add the products up: X @ w + b."

q1 = Exercise(
    "q1",
    expect_keras_model(input_shape=(4,), dense_units=[1], activations=[None], n_params=5),
    hint="Copy the lesson's one-node model and change the shape given to keras.Input.",
    solution="q1_answer = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])",
    correct_message="4 weights and 1 bias: 5 parameters.",
)

q2 = Exercise(
    "q2",
    expect_int(
        33,
        what="number of parameters",
        known_mistakes={
            28: "28 is the weights without the biases (6·4 + 4·1), or the first layer alone "
            "(6·4 + 4): count the weights and the biases of both layers.",
            29: "the 4 nodes of the hidden layer have a bias each too: 6·4 + 4 weights and biases.",
            32: "the output node has a bias too: 4·1 + 1 for the output layer.",
            11: "that counts the nodes (6 + 4 + 1); count the weights and the biases.",
            30: "that is one bias per layer; every node has its own bias: 4 + 1 here.",
        },
    ),
    hint="A Dense layer has (number of inputs) × (number of units) weights plus one bias per unit. "
    "Add up the two Dense layers.",
    solution="q2_answer = (6 * 4 + 4) + (4 * 1 + 1)",
    correct_message="28 for the hidden layer, 5 for the output layer. model.count_params() agrees.",
)

q3 = Exercise(
    "q3",
    expect_int(
        18,
        what="number of lines",
        known_mistakes={
            22: "22 is the number of parameters: the lines are the weights; biases are not drawn.",
            9: "that counts the nodes (circles); count the lines between them.",
        },
    ),
    hint="Every node of a column has a line to every node of the next column. Multiply, for each "
    "pair of neighbouring columns, then add.",
    solution="q3_answer = 5 * 3 + 3 * 1",
    correct_message="One line per weight: 15 + 3 = 18. With the 4 biases: 22 parameters.",
)

q4 = Exercise(
    "q4",
    expect_array_close(
        _NEW_CARS @ _W + _B,
        squeeze=True,
        what="predictions",
        known_mistakes=[
            (_NEW_CARS @ _W, "you forgot the bias b: add it after the weighted sum."),
            ((_NEW_CARS + _B) @ _W, "you added the bias to every feature; add it once: X @ w + b."),
            (_NEW_CARS * _W.T, _NOT_ADDED),
            (_NEW_CARS * _W.T + _B, _NOT_ADDED),
        ],
    ),
    hint="Step by step: (1) tiny.get_weights() returns two arrays, the weights and the bias: "
    "unpack them into two names. (2) For one car, multiply each feature by its weight and add the "
    "products up. (3) Add the bias. Section 5 did steps 2 and 3 for many cars at once with NumPy.",
    solution="w, b = tiny.get_weights()\nq4_answer = new_cars @ w + b",
    correct_message="1.5·2 − 2·1 + 1·6 + 3 = 10 and 0 − 2·3 + 1·2 + 3 = −1: "
    "the same as tiny.predict(new_cars).",
)
