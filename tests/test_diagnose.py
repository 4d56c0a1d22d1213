"""Tests for helpers.diagnose: each label on constructed curves, edge cases, input checks."""

from __future__ import annotations

import dataclasses
import doctest
import math

import numpy as np
import pandas as pd
import pytest

from helpers import diagnose
from helpers.diagnose import LABELS, MIN_EPOCHS, diagnose_history

NAN, INF = float("nan"), float("inf")

# Constructed curves, 20 epochs each.
FALLING = [100 * 0.8**k for k in range(20)]  # still falling 20 % per epoch
PLATEAU = [10 + 90 * math.exp(-k) for k in range(20)]  # steep drop, bend, flat at 10
VAL_PLATEAU = [12 + 60 * math.exp(-k) for k in range(20)]
VAL_U = [v + max(0, k - 6) * 0.5 for k, v in enumerate(VAL_PLATEAU)]  # lowest at epoch 7, then up


class FakeHistory:
    """Stands in for keras.callbacks.History: only the .history attribute matters."""

    def __init__(self, history: object) -> None:
        self.history = history


# ----------------------------------------------------------------------------- the labels


@pytest.mark.parametrize(
    ("history", "label", "fragments"),
    [
        ({"loss": PLATEAU, "val_loss": VAL_PLATEAU}, "good", ["validation loss", "flat"]),
        ({"loss": PLATEAU}, "good", ["training loss", "no val_loss"]),  # says what it cannot see
        ({"loss": FALLING, "val_loss": [v * 1.1 for v in FALLING]}, "not converged", ["falling:"]),
        ({"loss": [600 - 10 * k for k in range(20)]}, "not converged", ["steadily"]),  # no bend
        ({"loss": [600 - 0.1 * k for k in range(10)]}, "not converged", ["barely moved"]),
        ({"loss": [600.0, 300.0, 150.0]}, "not converged", []),  # three epochs are enough
        ({"loss": [600.0, 50.0, 49.0]}, "good", []),
        (
            {"loss": PLATEAU[:10] + [10 - 0.5 * k for k in range(10)], "val_loss": VAL_U},
            "overfitting",
            ["lowest at epoch 7", "kept falling"],
        ),
        (  # a rise of 5 % is not overfitting yet
            {
                "loss": PLATEAU,
                "val_loss": [v + max(0, k - 6) * 0.05 for k, v in enumerate(VAL_PLATEAU)],
            },
            "good",
            [],
        ),
        (  # +15 % in the very last epoch only is averaged away
            {"loss": PLATEAU, "val_loss": VAL_PLATEAU[:-1] + [VAL_PLATEAU[-1] * 1.15]},
            "good",
            [],
        ),
        (
            {"loss": [100, 50, 40, 45, 60, 80, 120, 200, 400, 900]},
            "diverging",
            ["growing", "lowest at epoch 3"],
        ),
        ({"loss": [10.0, 20.0, 40.0, 80.0]}, "diverging", []),
        ({"loss": [5.0, 1.0, 0.0, 0.0, 2.0]}, "diverging", []),
        (
            {"loss": [9.0, 3.0, 1.0, 0.5, 0.2], "val_loss": [5.0, 0.0, 1.0, 2.0, 3.0]},
            "overfitting",
            ["3 (above 0)"],
        ),
    ],
)
def test_labels(history: dict, label: str, fragments: list[str]) -> None:
    d = diagnose_history(history)
    assert d.label == label
    assert all(fragment in d.reason for fragment in fragments), d.reason


def test_edge_cases_give_a_label() -> None:
    # a model that memorised its rows: the loss wobbles around 1e-6 after falling from 400
    wobble = [400, 30, 3, 0.3, 0.01, 1e-6, 3e-7, 2e-6, 5e-6, 9e-6]
    assert diagnose_history({"loss": wobble}).label != "diverging"
    assert diagnose_history({"loss": [0.0, 0.0, 0.0]}).label in LABELS
    falling_to_zero = [100 * 0.7**k for k in range(20)]
    assert diagnose_history({"loss": falling_to_zero, "mae": [1] * 20}).label != "overfitting"


# ------------------------------------------------------------------------- NaN and inf


@pytest.mark.parametrize("bad", [NAN, INF])
def test_nan_or_inf_after_growth_means_the_learning_rate(bad: float) -> None:
    d = diagnose_history({"loss": [500.0, 3e12, bad, bad], "val_loss": [400.0, 1e13, bad, bad]})
    assert d.label == "diverging"
    assert f"became {bad} at epoch 3" in d.reason and "it was 3e+12 at epoch 2" in d.reason
    assert d.reason.endswith("lower the learning rate") and "data" not in d.reason


@pytest.mark.parametrize("loss", [[NAN], [INF, INF, INF], np.array([NAN, 2, 1], "float32")])
def test_bad_from_the_first_epoch_points_to_the_data_first(loss: list[float]) -> None:
    # One NaN in the features gives a NaN loss from epoch 1 at ANY learning rate (review of v0.1);
    # one epoch is enough to see it.
    d = diagnose_history({"loss": loss, "val_loss": loss})
    assert d.label == "diverging" and "from epoch 1" in d.reason and "it was" not in d.reason
    assert "NaN or inf values in the training data" in d.reason
    assert d.reason.index("np.isnan(X_train).any()") < d.reason.index("lower the learning rate")


def test_bad_validation_loss_from_the_first_epoch_points_to_the_validation_data() -> None:
    d = diagnose_history({"loss": PLATEAU, "val_loss": [NAN] * len(PLATEAU)})
    assert d.label == "diverging"
    assert "validation data" in d.reason and "np.isnan(X_val).any()" in d.reason
    assert "learning rate" not in d.reason


def test_nan_only_in_the_validation_loss() -> None:
    d = diagnose_history({"loss": PLATEAU, "val_loss": VAL_PLATEAU[:-1] + [NAN]})
    assert d.label == "diverging"
    assert d.reason.startswith("the validation loss became nan at epoch 20")


# --------------------------------------------------------------------------- input


def test_accepts_a_history_a_dict_and_a_dataframe() -> None:
    data = {"loss": PLATEAU, "val_loss": VAL_U}
    expected = diagnose_history(data)
    assert diagnose_history(FakeHistory(data)) == expected
    assert diagnose_history(pd.DataFrame(data)) == expected
    for kind in (np.array, pd.Series, tuple):
        assert diagnose_history({k: kind(v) for k, v in data.items()}) == expected


@pytest.mark.parametrize(
    ("history", "error", "message"),
    [
        (None, TypeError, "expected a Keras History"),
        ("loss", TypeError, "expected a Keras History"),
        ([1.0, 2.0, 3.0], TypeError, "expected a Keras History"),
        (FakeHistory(FakeHistory({"loss": PLATEAU})), TypeError, "looks like the model itself"),
        ({"mae": [1, 2, 3]}, ValueError, r"no 'loss' key; found keys: \['mae'\]"),
        ({"loss": "1, 2, 3"}, TypeError, r"history\['loss'\] must be a list of numbers"),
        ({"loss": 5.0}, TypeError, r"history\['loss'\] must be a list of numbers"),
        ({"loss": [1.0, "2", 3.0]}, TypeError, r"history\['loss'\] must be a list of numbers"),
        ({"loss": [1.0, None, 3.0]}, TypeError, r"history\['loss'\] must be a list of numbers"),
        ({"loss": [True, False, True]}, TypeError, r"history\['loss'\] must be a list of numbers"),
        (
            {"loss": [[1.0], [2.0], [3.0]]},
            TypeError,
            r"history\['loss'\] must be a list of numbers",
        ),
        ({"loss": []}, ValueError, "is empty"),
        ({"loss": [3.0, 2.0, -1.0]}, ValueError, "negative"),
        (
            {"loss": PLATEAU, "val_loss": VAL_PLATEAU[:-1]},
            ValueError,
            r"history\['loss'\] has 20 but history\['val_loss'\] has 19 epochs",
        ),
        (
            {"loss": PLATEAU[:1]},
            ValueError,
            f"has 1 epoch; a learning curve needs at least {MIN_EPOCHS}",
        ),
        (
            {"loss": PLATEAU[:2]},
            ValueError,
            f"has 2 epochs; a learning curve needs at least {MIN_EPOCHS}",
        ),
    ],
)
def test_bad_input(history: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        diagnose_history(history)


# ------------------------------------------------------------------------------ Diagnosis


def test_diagnosis_prints_on_one_line_and_is_frozen() -> None:
    d = diagnose_history({"loss": PLATEAU, "val_loss": VAL_PLATEAU})
    assert str(d) == f"good: {d.reason}" and "\n" not in str(d) and d.label in LABELS
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.label = "overfitting"


def test_reasons_use_three_significant_digits() -> None:
    loss = [612.345, 55.555, 12.3456, 12.1, 12.05]
    d = diagnose_history({"loss": loss, "val_loss": [91.53, 20.84, 10.94, 9.76, 9.7]})
    assert "from 91.5 to 9.7 " in d.reason


def test_doctests() -> None:
    assert doctest.testmod(diagnose).failed == 0


def test_a_real_keras_history() -> None:
    keras = pytest.importorskip("keras")
    keras.utils.set_random_seed(0)
    X = np.linspace(-1, 1, 32, dtype="float32").reshape(-1, 1)
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="mse")
    history = model.fit(
        X, 3 * X[:, 0] + 1, epochs=15, batch_size=8, validation_split=0.25, verbose=0
    )
    d = diagnose_history(history)
    assert d.label in LABELS and d == diagnose_history(history.history)
    with pytest.raises(TypeError, match="looks like the model itself"):
        diagnose_history(model)


# --- the Korean edition: setup_lesson(language="ko") ----------------------------------------------


@pytest.mark.parametrize(
    ("history", "label", "printed"),
    [
        (
            {"loss": PLATEAU, "val_loss": VAL_PLATEAU},
            "good",
            "좋음(good): 검증 손실이 72에서 12까지 떨어졌고, "
            "끝부분은 평평합니다(마지막 4 에포크 동안 -0.0%).",
        ),
        (
            {"loss": FALLING, "val_loss": [v * 1.1 for v in FALLING]},
            "not converged",
            "수렴하지 않음(not converged): 검증 손실이 아직 떨어지고 있습니다. "
            "마지막 4 에포크 동안 59% 떨어졌습니다(현재 1.59). "
            "더 오래 학습하거나 학습률을 높이십시오.",
        ),
        (
            {"loss": PLATEAU[:10] + [10 - 0.5 * k for k in range(10)], "val_loss": VAL_U},
            "overfitting",
            "과대적합(overfitting): 검증 손실은 에포크 7에서 최저(12.1)였고, "
            "마지막 4 에포크의 평균은 그보다 46% 높습니다. "
            "그동안 학습 손실은 계속 떨어졌습니다(10.2 -> 5.5).",
        ),
        (
            {"loss": [100, 50, 40, 45, 60, 80, 120, 200, 400, 900]},
            "diverging",
            "발산(diverging): 학습 손실이 커지고 있습니다. 에포크 3에서 최저(40)였는데 "
            "마지막 2 에포크의 평균은 그보다 1525% 높습니다. 학습률을 낮추십시오.",
        ),
    ],
)
def test_a_korean_lesson_prints_the_verdict_in_korean(
    korean: None, history: dict, label: str, printed: str
) -> None:
    diagnosis = diagnose_history(history)
    assert diagnosis.label == label  # code (lesson 05's asserts) compares the English label
    assert str(diagnosis) == printed


def test_a_korean_lesson_gets_its_errors_in_korean(korean: None) -> None:
    with pytest.raises(ValueError, match=r"^학습 기록에 에포크 1개만 있습니다\. .* 3개 이상 필요"):
        diagnose_history({"loss": [600.0], "val_loss": [480.0]})
