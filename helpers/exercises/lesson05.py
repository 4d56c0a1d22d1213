"""Exercises of lesson 05 (notebooks/05_fit_and_history.ipynb): steps, validation_split, the best epoch,
one gradient step by hand."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np

from helpers.datasets import load_dataset
from helpers.exercises import Exercise, ValueCheck, expect_array_close, expect_choice, expect_int
from helpers.prep import features_and_target, train_val_test_split

# The history of "a colleague's run" for exercise 3: it overfits after epoch 11. Stored as tuples, which
# nothing can change; the exercise's check uses these, never the copy a learner received.
_COLLEAGUE_LOSS = (80.0, 35.0, 20.0, 13.0, 10.0, 8.5, 7.6, 7.0, 6.5, 6.1, 5.8, 5.5, 5.2,
                   4.9, 4.7, 4.4, 4.2, 4.0, 3.8, 3.6, 3.4, 3.3, 3.1, 3.0, 2.8)
_COLLEAGUE_VAL_LOSS = (60.0, 31.0, 19.0, 14.0, 11.5, 10.2, 9.5, 9.1, 8.9, 8.8, 8.75, 8.8, 8.9,
                       9.1, 9.3, 9.6, 9.8, 10.1, 10.4, 10.6, 10.9, 11.2, 11.4, 11.7, 12.0)


def colleague_history() -> dict[str, list[float]]:
    """A fresh copy of the colleague's history, a dict like ``history.history``: ``{"loss": [...],
    "val_loss": [...]}``, one value per epoch. Each call returns new lists, so sorting or changing
    them never affects the next call (or exercise 3's check).

    >>> h = colleague_history()
    >>> h["val_loss"].sort()
    >>> colleague_history()["val_loss"][:3]
    [60.0, 31.0, 19.0]
    """
    return {"loss": list(_COLLEAGUE_LOSS), "val_loss": list(_COLLEAGUE_VAL_LOSS)}


_TRAIN_ROWS = 234  # the training set of the course's split of Auto MPG
_BATCH, _LEARNING_RATE = 32, 0.1


@cache
def _x2_and_y() -> tuple[np.ndarray, np.ndarray]:
    """The lesson's X2 (standardized weight and model year of the training cars) and y_train, float32."""
    from sklearn.preprocessing import StandardScaler

    split = train_val_test_split(*features_and_target(load_dataset("auto_mpg"), target="mpg", drop=["name"]),
                                 seed=42)
    X2 = StandardScaler().fit_transform(split.X_train[["weight", "year"]]).astype("float32")
    return X2, split.y_train.to_numpy(dtype="float32")


def _step_from_zero(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The new w after one SGD step from w = 0, b = 0: the prediction is 0, so the error is y."""
    gradient = -2 / len(y) * (X.astype("float64").T @ y.astype("float64"))
    return -_LEARNING_RATE * gradient


def _check_one_step(answer: Any) -> None:
    X2, y = _x2_and_y()
    new_w = _step_from_zero(X2[:_BATCH], y[:_BATCH])
    gradient = -new_w / _LEARNING_RATE
    expect_array_close(new_w, rel=1e-3, what="new w", squeeze=True, known_mistakes=[
        (gradient, "that is the gradient (step 3). Step 4 moves the weights: w - 0.1 * gradient."),
        (-new_w, "your step goes uphill: the loss grows. Subtract the learning rate times the gradient."),
        (new_w / 2, "half the right step: the derivative of error² brings a factor 2."),
        (new_w * _BATCH, "32 times too large: the MSE is a mean, so divide by the batch size B = 32."),
        (_step_from_zero(X2, y), "that step uses all 234 rows; one step of fit uses one batch: X2[:32] and "
                                 "y_train[:32]."),
    ])(answer)


q1 = Exercise(
    "q1",
    expect_int(5 * math.ceil(_TRAIN_ROWS / 20), what="number of updates", known_mistakes=[
        (5 * (_TRAIN_ROWS // 20), "the last batch has only 14 rows, but it is a step too: round up (math.ceil)."),
        (math.ceil(_TRAIN_ROWS / 20), "that is the number of steps in one epoch; fit runs 5 epochs."),
        (5, "that is the number of epochs; every epoch has several steps, one per batch."),
        (5 * _TRAIN_ROWS, "that counts rows (234 × 5), not batches: one update per batch of 20 rows."),
        (math.ceil(5 * _TRAIN_ROWS / 20), "that rounds up once for all 5 epochs, but every epoch ends with its "
                                          "own short batch: count the steps of one epoch, then multiply."),
    ]),
    hint="One update per batch. How many batches of 20 rows does 234 rows make (the last one may be smaller)? "
         "Then multiply by the number of epochs.",
    solution="q1_answer = 5 * math.ceil(234 / 20)",
    answer_name="q1_answer",
    correct_message="12 batches per epoch (11 of 20 rows and one of 14), times 5 epochs.",
)

q2 = Exercise(
    "q2",
    expect_choice("c", {
        "a": "Keras does not choose at random: it takes the last rows of the arrays, as they are.",
        "b": "Keras takes the end of the arrays, not the beginning.",
        "d": "shuffle=True shuffles only the training part, after the split; the validation rows stay the same "
             "in every epoch.",
    }, aliases={"the last 100 days": "c", "last 100 days": "c", "the first 100 days": "b", "first 100 days": "b"}),
    hint="Keras cuts off the validation rows first, then shuffles what is left. From which end does it cut?",
    solution='q2_answer = "c"',
    answer_name="q2_answer",
    correct_message="The last 100 days: the model is validated only on the most recent days. Shuffle first, "
                    "or split yourself and use validation_data.",
)

q3 = Exercise(
    "q3",
    expect_int(int(np.argmin(_COLLEAGUE_VAL_LOSS)) + 1, what="best epoch", known_mistakes=[
        (int(np.argmin(_COLLEAGUE_VAL_LOSS)), "np.argmin counts from 0, epochs count from 1: add 1."),
        (lambda v: v in (len(_COLLEAGUE_LOSS), len(_COLLEAGUE_LOSS) - 1),
         "that is where the training loss is lowest (the last epoch). Look at colleague['val_loss']."),
        (1, "epoch 1 has the highest validation loss, not the lowest: did you sort the list (sorting loses "
            "the epochs' order), or use np.argmax? You want the position of the lowest value, counted from 1."),
    ]),
    hint="np.argmin(colleague['val_loss']) gives the position of the smallest value, counting from 0.",
    solution="q3_answer = int(np.argmin(colleague['val_loss'])) + 1",
    answer_name="q3_answer",
    correct_message="After epoch 11 the validation loss rises while the training loss falls: overfitting. "
                    "EarlyStopping(patience=5) would have stopped after epoch 16.",
)

q4 = Exercise(
    "q4",
    ValueCheck(_check_one_step, expects="an array of 2 numbers"),
    hint="With w = 0 and b = 0 the prediction is 0. error = y_batch - y_hat; "
         "grad_w = -2 / 32 * (X_batch.T @ error); new w = w - 0.1 * grad_w.",
    solution=("w, b = np.zeros(2, dtype='float32'), 0.0\n"
              "X_batch, y_batch = X2[:32], y_train[:32]\n"
              "error = y_batch - (X_batch @ w + b)             # 1. predict, 2. error\n"
              "grad_w = -2 / len(y_batch) * (X_batch.T @ error)  # 3. gradient\n"
              "q4_answer = w - 0.1 * grad_w                    # 4. update"),
    answer_name="q4_answer",
    correct_message="After one step the weight of `weight` is negative and the weight of `year` positive: "
                    "heavier cars already get lower predictions, newer cars higher ones. fit does this 8 times "
                    "per epoch.",
)
