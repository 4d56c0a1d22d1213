"""Exercises of lesson 05 (notebooks/05_fit_and_history.ipynb): steps, validation_split, the best
epoch, one gradient step by hand."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from helpers.exercises import Exercise, ValueCheck, expect_array_close, expect_choice, expect_int
from helpers.exercises.lesson01 import cars_split
from helpers.language import N_

# A colleague's run (one value per epoch) for exercise 3: it overfits after epoch 11.
# Kept as text, which nothing can change; colleague_history() hands out fresh lists.
_LOSS = "80 35 20 13 10 8.5 7.6 7 6.5 6.1 5.8 5.5 5.2 4.9 4.7 4.4 4.2 4 3.8 3.6 3.4 3.3 3.1 3 2.8"
_VAL_LOSS = "60 31 19 14 11.5 10.2 9.5 9.1 8.9 8.8 8.75 8.8 8.9 9.1 9.3 9.6 9.8 10.1 10.4 10.6 10.9"
_VAL_LOSS += " 11.2 11.4 11.7 12"


def colleague_history() -> dict[str, list[float]]:
    """A colleague's history, like ``history.history``, for exercise 3 of lesson 05
    (05_fit_and_history.ipynb). A fresh copy each time: changing it never changes the check.

    >>> colleague_history()["val_loss"][:3]
    [60.0, 31.0, 19.0]
    """
    loss, val_loss = ([float(v) for v in text.split()] for text in (_LOSS, _VAL_LOSS))
    return {"loss": loss, "val_loss": val_loss}


_BEST = int(np.argmin(colleague_history()["val_loss"])) + 1


@cache
def _x2_and_y() -> tuple[np.ndarray, np.ndarray]:
    """The lesson's X2 (standardized weight and year of the training cars) and y_train."""
    from sklearn.preprocessing import StandardScaler

    split = cars_split()
    X2 = StandardScaler().fit_transform(split.X_train[["weight", "year"]]).astype("float32")
    return X2.astype(float), split.y_train.to_numpy(dtype="float32").astype(float)


def _step(rows: int | None = 32) -> np.ndarray:
    """The new w after one step from w = 0, b = 0 on the first ``rows`` rows (None: all rows).
    The prediction is 0, so the error is y and the gradient is -2 / B * X.T @ y."""
    X, y = (part[:rows] for part in _x2_and_y())
    return 0.1 * 2 / len(y) * (X.T @ y)


def _check_one_step(answer: Any) -> None:
    w = _step()
    mistakes = [
        (-w / 0.1, "that is the gradient (step 3). Step 4 moves w: w - 0.1 * gradient."),
        (-w, "your step goes uphill: subtract the learning rate times the gradient."),
        (w / 2, "half the right step: the derivative of error² brings a factor 2."),
        (w * 32, "32 times too large: the MSE is a mean, so divide by the batch size 32."),
        (_step(None), "that step uses all 234 rows; one step uses one batch, X2[:32]."),
    ]
    expect_array_close(w, what="new w", squeeze=True, known_mistakes=mistakes)(answer)


q1 = Exercise(
    "q1",
    expect_int(
        5 * 12,
        what="number of updates",
        known_mistakes={
            5 * 11: "the last batch has only 14 rows, but it is a step too: round up (math.ceil).",
            12: "that is the number of steps in one epoch; fit runs 5 epochs.",
            59: "that rounds up once: every epoch ends with its own short batch.",
        },
    ),
    hint="One update per batch: how many batches of 20 rows make 234 rows? Times the epochs.",
    solution="q1_answer = 5 * math.ceil(234 / 20)",
    correct_message="12 batches per epoch (11 of 20 rows and one of 14), times 5 epochs.",
)

_DAYS = {"last 100 days": "c", "first 100 days": "b", "마지막 100일": "c", "처음 100일": "b"}
q2 = Exercise(
    "q2",
    expect_choice(
        "c",
        {
            "a": "Keras does not choose at random: it takes the last rows, as they are.",
            "b": "Keras takes the end of the arrays, not the beginning.",
            "d": "shuffle=True shuffles only the training part, after the split.",
        },
        aliases=_DAYS,
    ),
    hint="Keras cuts off the validation rows first, then shuffles what is left. From which end?",
    solution='q2_answer = "c"',
    correct_message="The last 100 days. Shuffle first, or split yourself: validation_data.",
)

q3 = Exercise(
    "q3",
    expect_int(
        _BEST,
        what="best epoch",
        known_mistakes={
            _BEST - 1: "np.argmin counts from 0, epochs count from 1: add 1.",
            25: "that is where the training loss is lowest. Look at colleague['val_loss'].",
            1: "epoch 1 has the highest loss: did you sort the list, or use np.argmax?",
        },
    ),
    hint="np.argmin(colleague['val_loss']) gives the position of the smallest value, from 0.",
    solution="q3_answer = int(np.argmin(colleague['val_loss'])) + 1",
    correct_message="After epoch 11 the validation loss rises, the training loss falls: overfit.",
)

q4 = Exercise(
    "q4",
    ValueCheck(_check_one_step, expects="an array of 2 numbers"),
    hint="With w = 0 and b = 0 the prediction is 0. error = y_batch - y_hat; grad_w = -2 / 32 * "
    "(X_batch.T @ error); new w = w - 0.1 * grad_w.",
    solution=N_(
        "w, b = np.zeros(2, dtype='float32'), 0.0\n"
        "X_batch, y_batch = X2[:32], y_train[:32]\n"
        "error = y_batch - (X_batch @ w + b)             # 1. predict, 2. error\n"
        "grad_w = -2 / len(y_batch) * (X_batch.T @ error)  # 3. gradient\n"
        "q4_answer = w - 0.1 * grad_w                    # 4. update"
    ),
    correct_message="One step already lowers the predictions of heavier cars, raises newer ones'.",
)
