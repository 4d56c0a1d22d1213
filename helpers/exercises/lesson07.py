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
    expect_array_close,
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
    expect_array_close(_W1 @ _W2, what="W", squeeze=True, known_mistakes=[
        ((_W2.T @ _W1).reshape(2, 1), "the order of the product matters: the layers come in the order W1, "
                                      "then W2, so W = W1 @ W2."),
    ])(weights.reshape(2, 1))
    if bias.size != 1:
        raise Incorrect(f"your b has {bias.size} values, but the merged layer has 1 node, so 1 bias: "
                        f"b1 first goes through layer 2 (b1 @ W2).")
    expect_number(float((_B1 @ _W2 + _B2)[0]), what="b", known_mistakes=[
        (float(_B2[0]), "that is b2 alone: b1 also reaches the output, multiplied by W2 on the way."),
        (float((_B1 @ _W2)[0]), "that is b1 @ W2: add layer 2's own bias b2 too."),
        (float(_B1.sum() + _B2[0]), "b1 is not simply added: it goes through layer 2, so it is multiplied "
                                    "by W2 first (b1 @ W2 + b2)."),
    ])(float(bias.reshape(-1)[0]))


q1 = Exercise(
    "q1",
    ValueCheck(_check_merge, expects="a pair of arrays (W, b)"),
    hint="Section 2's formulas with two layers instead of three: W = W1 W2 and b = b1 W2 + b2. "
         "In NumPy, @ is the matrix product.",
    solution="W = W1 @ W2\nb = b1 @ W2 + b2\nq1_answer = (W, b)",
    answer_name="q1_answer",
    correct_message="W = [[5], [-1]] and b = [2]: two layers, one linear formula, y = 5·x1 − x2 + 2.",
)

_Z = 0.5
_TANH_SLOPE = 1 - math.tanh(_Z) ** 2
_SIGMOID = 1 / (1 + math.exp(-_Z))

_slope_check = expect_number(_TANH_SLOPE, rel=1e-3, what="slope of tanh at 0.5", known_mistakes=[
    (math.tanh(_Z), "that is tanh(0.5) itself, the function's value; the question asks for its slope."),
    (1 - math.tanh(_Z), "square tanh(0.5) before you subtract: the slope is 1 − tanh(z)²."),
    (1 - _Z ** 2, "square tanh(0.5), not 0.5 itself: the slope is 1 − tanh(z)²."),
    (_SIGMOID * (1 - _SIGMOID), "that is the slope of sigmoid; tanh's slope is 1 − tanh(z)²."),
])


def _check_tanh_slope(answer: Any) -> None:
    try:
        _slope_check(answer)
    except Incorrect:
        # 1 is also 0.79 rounded to a whole number, so the framework calls it "rounded too much"; the
        # likelier mistake is the slope at z = 0 (the table's "at most 1"). Name both.
        if isinstance(answer, (int, float, np.number)) and not isinstance(answer, bool) and float(answer) == 1.0:
            raise Incorrect("your slope is 1: that is the slope of tanh at z = 0, its steepest point, not at "
                            "z = 0.5 (and if you rounded, keep at least 2 decimals).") from None
        raise


q2 = Exercise(
    "q2",
    ValueCheck(_check_tanh_slope, expects="a single number (int or float)"),
    hint="The table in section 4: the slope of tanh is 1 − tanh(z)². np.tanh computes tanh.",
    solution="q2_answer = 1 - np.tanh(0.5) ** 2",
    answer_name="q2_answer",
    correct_message="About 0.79: near 0, tanh is almost as steep as a straight line of slope 1.",
)

q3 = Exercise(
    "q3",
    expect_choice("d", {
        "a": "a relu output is never below 0, so every freezing day would be predicted at 0 °C or above "
             "(section 5).",
        "b": "sigmoid squeezes every prediction into 0 to 1: fine for a probability, not for degrees.",
        "c": "tanh squeezes every prediction into −1 to 1, but temperatures reach 30 °C and −15 °C.",
    }, aliases={"relu": "a", "sigmoid": "b", "tanh": "c", "none": "d", "no activation": "d", "linear": "d",
                "activation=none": "d", "d) none": "d"}),
    hint="A temperature can be any number, negative too. Which output can be any number?",
    solution='q3_answer = "d"',
    answer_name="q3_answer",
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
    input_shape=(1,),
    dense_units=[32, 32, 1],
    activations=["tanh", "tanh", None],
    what="model",
    known_mistakes=[
        (_output_activation_is("tanh"), "the output layer has tanh: its predictions cannot go above 1, but "
                                        "y reaches 3.4. Use tanh in the hidden layers only."),
    ],
)

#: The lesson's training: Adam at this learning rate, EPOCHS epochs of BATCH_SIZE points (10 steps each).
LEARNING_RATE, EPOCHS, BATCH_SIZE = 0.02, 20, 24
_STEPS = EPOCHS * 10


def _as_float(value: Any) -> float:
    import keras

    return float(keras.ops.convert_to_numpy(value))


def _training_advice(model: Any, r2: float) -> str:
    """Why a model of the right structure has a low R²: the learner's actual mistake, if it can be seen."""
    told = f"the structure is right, but your model's validation R² is {r2:.2f}"
    optimizer = getattr(model, "optimizer", None)
    if optimizer is None:
        return (f"{told}: it is not compiled and trained. Compile it with "
                f"optimizer=keras.optimizers.Adam(learning_rate={LEARNING_RATE}) and loss=\"mse\", then fit it "
                f"on x_train, y_train (epochs=EPOCHS, batch_size=BATCH_SIZE).")
    try:
        steps = int(_as_float(optimizer.iterations))
        rate = _as_float(optimizer.learning_rate)
    except Exception:  # noqa: BLE001 - an optimizer without these public attributes
        steps, rate = None, None
    if steps == 0:
        return (f"{told}: it is compiled but not trained yet. Fit it on x_train, y_train "
                f"(epochs=EPOCHS, batch_size=BATCH_SIZE).")
    if rate is not None and not math.isclose(rate, LEARNING_RATE, rel_tol=1e-3):
        default = " (Adam's default, what optimizer=\"adam\" gives)" if math.isclose(rate, 0.001, rel_tol=1e-3) else ""
        return (f"{told}: it was trained with learning rate {rate:g}{default}, too small to follow the curve in "
                f"{EPOCHS} epochs. Compile it like make_network does, with "
                f"optimizer=keras.optimizers.Adam(learning_rate={LEARNING_RATE}).")
    if steps is not None and steps < _STEPS:
        return (f"{told}: it made only {steps} training steps; {EPOCHS} epochs of batch size {BATCH_SIZE} make "
                f"{_STEPS}. Fit it with epochs=EPOCHS, batch_size=BATCH_SIZE.")
    return (f"{told}: did you fit it on x_train, y_train, with loss \"mse\", learning rate {LEARNING_RATE}, "
            f"epochs=EPOCHS and batch_size=BATCH_SIZE?")


def _check_tanh_network(answer: Any) -> None:
    import keras

    _tanh_structure(answer)
    x_val, y_val = _validation_set()
    pred = np.asarray(keras.ops.convert_to_numpy(answer(x_val)), dtype=float).reshape(-1)
    r2 = 1 - np.sum((y_val - pred) ** 2) / np.sum((y_val - y_val.mean()) ** 2)
    if not r2 > 0.8:
        raise Incorrect(_training_advice(answer, r2))


q4 = Exercise(
    "q4",
    ValueCheck(_check_tanh_network, expects="a trained Keras model"),
    hint='make_network builds and compiles the network of section 3 (Adam at learning rate 0.02) with any '
         'activation: make_network("tanh"). Then call its fit method with the same arguments as for relu_net. '
         "If you build the model yourself, compile it with keras.optimizers.Adam(learning_rate=0.02): "
         'optimizer="adam" uses 0.001, too small for 20 epochs.',
    solution=('q4_answer = make_network("tanh")\n'
              "q4_answer.fit(x_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)"),
    answer_name="q4_answer",
    correct_message="tanh bends too: any non-linear activation does. relu stays the default because it is "
                    "cheap and its slope does not vanish.",
)
