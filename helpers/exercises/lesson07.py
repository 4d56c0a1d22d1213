"""Exercises of lesson 07 (notebooks/07_activation_functions.ipynb): two linear layers are one,
the slope of tanh, the output activation, a tanh network."""

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
from helpers.exercises.lesson04 import _short_name
from helpers.language import N_, _

# Exercise 1: the notebook's two layers; merged into one, W = W1 @ W2 and b = b1 @ W2 + b2.
_W1, _W2 = np.array([[1.0, 2.0], [0.0, -1.0]]), np.array([[3.0], [1.0]])
_B1, _B2 = np.array([1.0, 1.0]), -2.0


def _check_merge(answer: Any) -> None:
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        raise Incorrect(N_("answer with a pair of two arrays: q1_answer = (W, b)."))
    W, b = (np.asarray(part, dtype=float) for part in answer)
    if W.shape == (1, 2):  # squeezed, W.T would pass
        if np.allclose(W, _W2.T @ _W1):
            raise Incorrect(N_("the order matters: layer 1 comes first, W = W1 @ W2."))
        raise Incorrect(N_("your W has shape (1, 2): W has one row per input, shape (2, 1)."))
    expect_array_close(
        _W1 @ _W2,
        what="W",
        squeeze=True,
        known_mistakes=[
            (_W1 * _W2, "* multiplies element by element; combine layers with @ (W1 @ W2).")
        ],
    )(W)
    if b.size != 1:
        told = N_("your b has {count} values; 1 node has 1 bias: b1 goes through W2.")
        raise Incorrect(told, count=b.size)
    expect_number(
        (_B1 @ _W2).item() + _B2,
        what="b",
        known_mistakes={
            _B2: "that is b2 alone: b1 also reaches the output, through W2.",
            (_B1 @ _W2).item(): "that is b1 @ W2: add layer 2's own bias b2 too.",
            (_B1.sum() + _B2): "b1 is not simply added: it goes through W2 first (b1 @ W2 + b2).",
        },
    )(b.item())


def _check_tanh_slope(answer: Any) -> None:
    # 1 is also 0.79 rounded to 0 decimals ("rounded too much"); the likelier mistake is z = 0.
    if isinstance(answer, (int, float, np.number)) and not isinstance(answer, bool) and answer == 1:
        raise Incorrect(
            N_("1 is tanh's slope at z = 0, not 0.5 (if you rounded: keep 2 decimals).")
        )
    sigmoid = 1 / (1 + math.exp(-0.5))
    expect_number(
        1 - math.tanh(0.5) ** 2,
        what="slope of tanh at 0.5",
        known_mistakes={
            math.tanh(0.5): "that is tanh(0.5) itself; the question asks for its slope.",
            1 - math.tanh(0.5): "square tanh(0.5) before you subtract: 1 − tanh(z)².",
            1 - 0.5**2: "square tanh(0.5), not 0.5 itself: 1 − tanh(z)².",
            sigmoid * (1 - sigmoid): "that is the slope of sigmoid; tanh's is 1 − tanh(z)².",
        },
    )(answer)


@cache
def _validation_set() -> tuple[np.ndarray, np.ndarray]:
    """The lesson's validation points: the same rows as the notebook's x_val, y_val."""
    from sklearn.model_selection import train_test_split

    curve = make_nonlinear_1d(n=300, noise=0.2, seed=0)
    x, y = curve[["x"]].to_numpy(), curve["y"].to_numpy()
    _x_train, x_val, _y_train, y_val = train_test_split(x, y, test_size=0.2, random_state=42)
    return x_val, y_val


def _tanh_output(model: Any) -> bool:
    return model.layers[-1].get_config().get("activation") == "tanh"


def _check_tanh_network(answer: Any) -> None:
    from sklearn.metrics import r2_score

    expect_keras_model(
        input_shape=(1,),
        dense_units=[32, 32, 1],
        activations=["tanh", "tanh", None],
        known_mistakes={_tanh_output: "tanh cannot go above 1: use it in the hidden layers only."},
    )(answer)
    config = answer.get_compile_config() or {}
    kind, loss = type(getattr(answer, "optimizer", None)).__name__, _short_name(config.get("loss"))
    if config and (kind != "Adam" or loss != "mse"):
        asked = N_("your model is compiled with {kind} and loss {loss!r}; use Adam and loss 'mse'.")
        raise Incorrect(asked, kind=kind, loss=loss)
    x_val, y_val = _validation_set()
    r2 = r2_score(y_val, answer.predict(x_val, verbose=0).ravel())
    if r2 > 0.8:
        return
    optimizer: Any = getattr(answer, "optimizer", None)
    steps = int(optimizer.iterations) if optimizer else 0
    rate = float(optimizer.learning_rate) if optimizer else 0.0
    if steps == 0 and optimizer is not None:
        fix = N_("{told}: not trained yet: fit it.")
    elif steps == 0:
        fix = N_("{told}: not trained yet: compile it like make_network, then fit it.")
    elif not math.isclose(rate, 0.02, rel_tol=1e-3):
        fix = N_("{told}: its learning rate is {rate}; use Adam(learning_rate=0.02).")
    elif steps < 200:
        fix = N_("{told} after {steps} steps: fit it for EPOCHS epochs (200 steps).")
    else:
        fix = N_("{told}: fit it on x_train, y_train with loss 'mse'.")
    told = _("your model's validation R² is {r2}").format(r2=f"{r2:.2f}")
    raise Incorrect(fix, told=told, rate=f"{rate:g}", steps=steps)


_OUTPUTS = {"relu": "a", "sigmoid": "b", "tanh": "c", "none": "d", "no activation": "d"}
_OUTPUTS |= {"없음": "d", "활성화 함수 없음": "d", "선형": "d", "linear": "d"}

q1 = Exercise(
    "q1",
    ValueCheck(_check_merge, expects="a pair of arrays (W, b)"),
    hint="Section 2's formulas with two layers: W = W1 W2 and b = b1 W2 + b2; @ multiplies.",
    solution="W = W1 @ W2\nb = b1 @ W2 + b2\nq1_answer = (W, b)",
    correct_message="W = [[5], [-1]], b = [2]: two layers, one linear formula, 5·x1 − x2 + 2.",
)

q2 = Exercise(
    "q2",
    ValueCheck(_check_tanh_slope, expects="a single number (int or float)"),
    hint="The table in section 4: the slope of tanh is 1 − tanh(z)². np.tanh computes tanh.",
    solution="q2_answer = 1 - np.tanh(0.5) ** 2",
    correct_message="About 0.79: near 0, tanh is almost as steep as a line of slope 1.",
)

q3 = Exercise(
    "q3",
    expect_choice(
        "d",
        {
            "a": "relu is never below 0: every freezing day would be predicted at 0 °C or above.",
            "b": "sigmoid squeezes every prediction into 0 to 1: a probability, not degrees.",
            "c": "tanh squeezes every prediction into −1 to 1; temperatures reach 30 °C.",
        },
        aliases=_OUTPUTS,
    ),
    hint="A temperature can be any number, negative too. Which output can be any number?",
    solution='q3_answer = "d"',
    correct_message="A regression output is 1 node with no activation: it can predict any number.",
)

q4 = Exercise(
    "q4",
    ValueCheck(_check_tanh_network, expects="a trained Keras model"),
    hint='make_network("tanh") builds and compiles it (Adam, learning rate 0.02); fit it like '
    'relu_net. (optimizer="adam" would use 0.001, too small for 20 epochs.)',
    solution=(
        'q4_answer = make_network("tanh")\n'
        "q4_answer.fit(x_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)"
    ),
    correct_message="tanh bends too: any non-linear activation does. relu stays the default: it "
    "is cheap and its slope does not vanish.",
)
