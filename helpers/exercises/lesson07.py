"""Exercises of lesson 07 (notebooks/07_activation_functions.ipynb)."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np

from helpers.datasets import make_nonlinear_1d
from helpers.exercises import (
    Exercise,
    Incorrect,
    ValueCheck,
    expect_choice,
    expect_keras_model,
    expect_number,
)

# Exercise 1: the two layers given in the notebook's exercise cell.
_W1 = np.array([[1.0, 2.0], [0.0, -1.0]])
_B1 = np.array([1.0, 1.0])
_W2 = np.array([[3.0], [1.0]])
_B2 = np.array([-2.0])


def _check_merge(answer: Any) -> None:
    if not (isinstance(answer, (tuple, list)) and len(answer) == 2):
        raise Incorrect("answer with a pair of two arrays: q1_answer = (W, b).")
    weights, bias = (np.asarray(part, dtype=float) for part in answer)
    if weights.shape == (2, 2) and np.allclose(weights, _W1 * _W2):
        raise Incorrect("* multiplies element by element; a layer's weights are combined with the matrix "
                        "product @ (W1 @ W2).")
    if weights.size != 2:
        raise Incorrect(f"your W has shape {weights.shape}, but the merged layer has 2 inputs and 1 node, "
                        f"so W has shape (2, 1): multiply the weight matrices, W1 @ W2.")
    if not np.allclose(weights.reshape(2, 1), _W1 @ _W2):
        raise Incorrect("your W is not right: it is the product of the weight matrices in the order of the "
                        "layers, W1 @ W2.")
    if bias.size != 1:
        raise Incorrect(f"your b has {bias.size} values, but the merged layer has 1 node, so 1 bias: "
                        f"b1 first goes through layer 2 (b1 @ W2).")
    value = float(bias.reshape(-1)[0])
    mistakes = [
        (float(_B2[0]), "that is b2 alone: b1 also reaches the output, multiplied by W2 on the way."),
        (float((_B1 @ _W2)[0]), "that is b1 @ W2: add layer 2's own bias b2 too."),
        (float(_B1.sum() + _B2[0]), "b1 is not simply added: it goes through layer 2, so it is multiplied "
                                    "by W2 first (b1 @ W2 + b2)."),
    ]
    expected = float((_B1 @ _W2 + _B2)[0])
    if math.isclose(value, expected, rel_tol=1e-6, abs_tol=1e-9):
        return
    for wrong, hint in mistakes:
        if math.isclose(value, wrong, rel_tol=1e-6, abs_tol=1e-9):
            raise Incorrect(hint)
    raise Incorrect(f"your W is right, but your b is {value:g}: b = b1 @ W2 + b2.")


q1 = Exercise(
    "q1",
    ValueCheck(_check_merge, expects="a pair of arrays (W, b)"),
    hint="Section 2's formulas with two layers instead of three: W = W1 W2 and b = b1 W2 + b2. "
         "In NumPy, @ is the matrix product.",
    solution="W = W1 @ W2\nb = b1 @ W2 + b2\nq1_answer = (W, b)",
    answer_name="q1_answer",
    wrong_answers=[
        ("q1_answer = (W1 @ W2, b2)", "b2 alone"),
        ("q1_answer = (W1 @ W2, b1 + b2)", "1 bias"),
        ("q1_answer = (W1 * W2, b1 @ W2 + b2)", "element by element"),
    ],
    correct_message="W = [[5], [-1]] and b = [2]: two layers, one linear formula, y = 5·x1 − x2 + 2.",
)

_Z = 0.5
_TANH_SLOPE = 1 - math.tanh(_Z) ** 2
_SIGMOID = 1 / (1 + math.exp(-_Z))

q2 = Exercise(
    "q2",
    expect_number(_TANH_SLOPE, rel=1e-3, what="slope of tanh at 0.5", known_mistakes=[
        (math.tanh(_Z), "that is tanh(0.5) itself, the function's value; the question asks for its slope."),
        (1 - math.tanh(_Z), "square tanh(0.5) before you subtract: the slope is 1 − tanh(z)²."),
        (1 - _Z ** 2, "square tanh(0.5), not 0.5 itself: the slope is 1 − tanh(z)²."),
        (_SIGMOID * (1 - _SIGMOID), "that is the slope of sigmoid; tanh's slope is 1 − tanh(z)²."),
    ]),
    hint="The table in section 4: the slope of tanh is 1 − tanh(z)². np.tanh computes tanh.",
    solution="q2_answer = 1 - np.tanh(0.5) ** 2",
    answer_name="q2_answer",
    wrong_answers=[
        ("q2_answer = np.tanh(0.5)", "slope"),
        ("q2_answer = 1 - np.tanh(0.5)", "square"),
    ],
    correct_message="About 0.79: near 0, tanh is almost as steep as a straight line of slope 1.",
)

q3 = Exercise(
    "q3",
    expect_choice("d", {
        "a": "a relu output is never below 0, so every freezing day would be predicted at 0 °C or above "
             "(section 5).",
        "b": "sigmoid squeezes every prediction into 0 to 1: fine for a probability, not for degrees.",
        "c": "tanh squeezes every prediction into −1 to 1, but temperatures reach 30 °C and −15 °C.",
    }),
    hint="A temperature can be any number, negative too. Which output can be any number?",
    solution='q3_answer = "d"',
    answer_name="q3_answer",
    wrong_answers=[('q3_answer = "a"', "never below 0"), ('q3_answer = "b"', "probability")],
    correct_message="A regression output is 1 node with no activation: it can predict any number.",
)


@cache
def _validation_set() -> tuple[np.ndarray, np.ndarray]:
    """The lesson's validation points: the same rows as the notebook's x_val, y_val."""
    from sklearn.model_selection import train_test_split

    curve = make_nonlinear_1d(n=300, noise=0.2, seed=0)
    _, x_val, _, y_val = train_test_split(curve[["x"]].to_numpy(), curve["y"].to_numpy(),
                                          test_size=0.2, random_state=42)
    return x_val, y_val


def _output_activation_is(name: str):  # noqa: ANN202 - returns a predicate on a model
    def probe(model: Any) -> bool:
        config = model.layers[-1].get_config()
        return str(config.get("activation")).lower() == name
    return probe


_tanh_structure = expect_keras_model(
    dense_units=[32, 32, 1],
    activations=["tanh", "tanh", None],
    what="model",
    known_mistakes=[
        (_output_activation_is("tanh"), "the output layer has tanh: its predictions cannot go above 1, but "
                                        "y reaches 3.4. Use tanh in the hidden layers only."),
    ],
)


def _check_tanh_network(answer: Any) -> None:
    _tanh_structure(answer)
    x_val, y_val = _validation_set()
    pred = np.asarray(answer.predict(x_val, verbose=0), dtype=float).reshape(-1)
    r2 = 1 - np.sum((y_val - pred) ** 2) / np.sum((y_val - y_val.mean()) ** 2)
    if not r2 > 0.8:
        raise Incorrect(f"the structure is right, but your model's validation R² is {r2:.2f}: did you "
                        f"compile it and fit it on x_train, y_train (30 epochs, learning rate 0.02)?")


q4 = Exercise(
    "q4",
    ValueCheck(_check_tanh_network, expects="a trained Keras model"),
    hint='make_network builds the network of section 3 with any activation: make_network("tanh"). '
         "Then call its fit method with the same arguments as for relu_net.",
    solution=('q4_answer = make_network("tanh")\n'
              "q4_answer.fit(x_train, y_train, epochs=30, batch_size=32, verbose=0)"),
    answer_name="q4_answer",
    wrong_answers=[
        ('q4_answer = make_network("tanh")', "did you"),
        ('q4_answer = make_network("relu")', "'tanh'"),
        ('q4_answer = make_network("tanh", output_activation="tanh")', "hidden layers only"),
    ],
    correct_message="tanh bends too: any non-linear activation does. relu stays the default because it is "
                    "cheap and its slope does not vanish.",
)
