"""Tests for helpers.diagnose: each label on constructed curves, edge cases, input checks."""

from __future__ import annotations

import dataclasses
import doctest
import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from helpers import diagnose
from helpers.diagnose import LABELS, MIN_EPOCHS, Diagnosis, diagnose_history

NAN, INF = float("nan"), float("inf")

# Constructed curves, 20 epochs each unless said otherwise.
FALLING = [100 * 0.8**k for k in range(20)]                        # still falling 20 % per epoch
PLATEAU = [10 + 90 * math.exp(-k) for k in range(20)]              # steep drop, bend, flat at 10
VAL_PLATEAU = [12 + 60 * math.exp(-k) for k in range(20)]
VAL_U = [12 + 60 * math.exp(-k) + max(0, k - 6) * 0.5 for k in range(20)]  # minimum at epoch 7, then +0.5 per epoch


class FakeHistory:
    """Stands in for keras.callbacks.History: only the .history attribute matters."""

    def __init__(self, history: dict) -> None:
        self.history = history


class FakeModel:
    """Stands in for a Keras model after fit: model.history is the History."""

    def __init__(self, history: dict) -> None:
        self.history = FakeHistory(history)


# ----------------------------------------------------------------------------- the labels


def test_good_with_validation() -> None:
    d = diagnose_history({"loss": PLATEAU, "val_loss": VAL_PLATEAU})
    assert d.label == "good"
    assert "validation loss" in d.reason and "flat" in d.reason


def test_not_converged_still_falling() -> None:
    d = diagnose_history({"loss": FALLING, "val_loss": [v * 1.1 for v in FALLING]})
    assert d.label == "not converged"
    assert "still falling" in d.reason and "-" in d.reason


def test_not_converged_steady_slope_at_a_high_level() -> None:
    # a straight line down from 600 to 400: only a few % per epoch, but no bend at all
    line = [600 - 10 * k for k in range(20)]
    d = diagnose_history({"loss": line})
    assert d.label == "not converged"
    assert "steadily" in d.reason


def test_not_converged_when_the_loss_barely_moved() -> None:
    d = diagnose_history({"loss": [600 - 0.1 * k for k in range(10)]})
    assert d.label == "not converged"
    assert "barely moved" in d.reason


def test_overfitting() -> None:
    d = diagnose_history({"loss": PLATEAU[:10] + [10 - 0.5 * k for k in range(10)], "val_loss": VAL_U})
    assert d.label == "overfitting"
    assert "lowest at epoch 7" in d.reason and "kept falling" in d.reason


def test_overfitting_needs_a_clear_rise() -> None:
    small_rise = [12 + 60 * math.exp(-k) + max(0, k - 6) * 0.05 for k in range(20)]  # +5 % at the end
    assert diagnose_history({"loss": PLATEAU, "val_loss": small_rise}).label == "good"


def test_one_noisy_last_epoch_is_averaged_away() -> None:
    spike = VAL_PLATEAU[:-1] + [VAL_PLATEAU[-1] * 1.15]   # +15 % in the very last epoch only
    assert diagnose_history({"loss": PLATEAU, "val_loss": spike}).label == "good"


def test_diverging_growth() -> None:
    d = diagnose_history({"loss": [100, 50, 40, 45, 60, 80, 120, 200, 400, 900]})
    assert d.label == "diverging"
    assert "growing" in d.reason and "lowest at epoch 3" in d.reason


def test_diverging_from_the_first_epoch() -> None:
    assert diagnose_history({"loss": [10.0, 20.0, 40.0, 80.0]}).label == "diverging"


def test_tiny_jitter_near_zero_is_not_growth() -> None:
    # a model that memorised its rows: the loss wobbles around 1e-6 after falling from 400
    loss = [400, 30, 3, 0.3, 0.01, 1e-6, 3e-7, 2e-6, 5e-6, 9e-6]
    assert diagnose_history({"loss": loss}).label != "diverging"


def test_losses_of_exactly_zero() -> None:
    assert diagnose_history({"loss": [5.0, 1.0, 0.0, 0.0, 2.0]}).label == "diverging"
    d = diagnose_history({"loss": [9.0, 3.0, 1.0, 0.5, 0.2], "val_loss": [5.0, 0.0, 1.0, 2.0, 3.0]})
    assert d.label == "overfitting" and "3 (above 0)" in d.reason
    assert diagnose_history({"loss": [0.0, 0.0, 0.0]}).label in LABELS


def test_each_label_is_reachable() -> None:
    found = {
        diagnose_history({"loss": PLATEAU, "val_loss": VAL_PLATEAU}).label,
        diagnose_history({"loss": FALLING}).label,
        diagnose_history({"loss": PLATEAU, "val_loss": VAL_U}).label,
        diagnose_history({"loss": [1.0, NAN, NAN]}).label,
    }
    assert found == set(LABELS)


# ------------------------------------------------------------------------- NaN and inf


@pytest.mark.parametrize("bad", [NAN, INF])
def test_nan_or_inf_in_the_training_loss(bad: float) -> None:
    d = diagnose_history({"loss": [500.0, 3e12, bad, bad], "val_loss": [400.0, 1e13, bad, bad]})
    assert d.label == "diverging"
    assert f"became {bad} at epoch 3" in d.reason and "it was 3e+12 at epoch 2" in d.reason


def test_nan_in_the_first_epoch() -> None:
    d = diagnose_history({"loss": [NAN]})  # one epoch is enough to see a NaN
    assert d.label == "diverging" and "from epoch 1" in d.reason and "it was" not in d.reason


@pytest.mark.parametrize("bad", [NAN, INF])
def test_bad_from_the_first_epoch_points_to_the_data_first(bad: float) -> None:
    # One NaN (or inf) in the features gives a nan loss from epoch 1 at ANY learning rate: lowering the
    # rate cannot help, so the reason must not say only "lower the learning rate" (review of v0.1).
    d = diagnose_history({"loss": [bad, bad, bad], "val_loss": [bad, bad, bad]})
    assert d.label == "diverging"
    assert "NaN or inf values in the training data" in d.reason and "np.isnan(X_train).any()" in d.reason
    assert d.reason.index("training data") < d.reason.index("lower the learning rate")


def test_bad_validation_loss_from_the_first_epoch_points_to_the_validation_data() -> None:
    d = diagnose_history({"loss": PLATEAU, "val_loss": [NAN] * len(PLATEAU)})
    assert d.label == "diverging"
    assert "training loss stayed finite" in d.reason and "validation data" in d.reason
    assert "learning rate" not in d.reason


def test_growth_before_the_nan_means_the_learning_rate() -> None:
    d = diagnose_history({"loss": [500.0, 3e12, NAN], "val_loss": [400.0, 1e13, NAN]})
    assert d.reason.endswith("lower the learning rate") and "data" not in d.reason


def test_nan_only_in_the_validation_loss() -> None:
    d = diagnose_history({"loss": PLATEAU, "val_loss": VAL_PLATEAU[:-1] + [NAN]})
    assert d.label == "diverging" and d.reason.startswith("the validation loss became nan at epoch 20")


def test_numpy_nan_and_float32_values() -> None:
    loss = np.array([5.0, 2.0, np.nan], dtype=np.float32)
    assert diagnose_history({"loss": loss}).label == "diverging"


# ----------------------------------------------------------------------- without val_loss


def test_without_val_loss_uses_the_training_loss_and_says_so() -> None:
    d = diagnose_history({"loss": PLATEAU})
    assert d.label == "good"
    assert "training loss" in d.reason and "no val_loss" in d.reason


def test_without_val_loss_overfitting_cannot_be_seen() -> None:
    falling_to_zero = [100 * 0.7**k for k in range(20)]
    d = diagnose_history({"loss": falling_to_zero})
    assert d.label != "overfitting"
    assert d.label == diagnose_history({"loss": falling_to_zero, "mae": falling_to_zero}).label  # other keys ignored


# ------------------------------------------------------------------------ short histories


@pytest.mark.parametrize("n", [1, 2])
def test_too_few_epochs(n: int) -> None:
    with pytest.raises(ValueError, match=rf"has {n} epochs?; a learning curve needs at least {MIN_EPOCHS}"):
        diagnose_history({"loss": PLATEAU[:n], "val_loss": VAL_PLATEAU[:n]})


def test_three_epochs_are_enough() -> None:
    assert diagnose_history({"loss": [600.0, 50.0, 49.0]}).label == "good"
    assert diagnose_history({"loss": [600.0, 300.0, 150.0]}).label == "not converged"


# --------------------------------------------------------------------------- input types


def test_accepts_a_history_a_dict_and_a_dataframe() -> None:
    data = {"loss": PLATEAU, "val_loss": VAL_U}
    expected = diagnose_history(data)
    assert diagnose_history(FakeHistory(data)) == expected
    assert diagnose_history(pd.DataFrame(data)) == expected
    assert diagnose_history({k: np.array(v) for k, v in data.items()}) == expected
    assert diagnose_history({k: pd.Series(v) for k, v in data.items()}) == expected
    assert diagnose_history({k: tuple(v) for k, v in data.items()}) == expected


@pytest.mark.parametrize("value", [None, 3, "loss", [1.0, 2.0, 3.0], object()])
def test_wrong_type(value: object) -> None:
    with pytest.raises(TypeError, match="expects a Keras History"):
        diagnose_history(value)


def test_the_model_instead_of_its_history() -> None:
    with pytest.raises(TypeError, match="looks like the model itself"):
        diagnose_history(FakeModel({"loss": PLATEAU}))


def test_no_loss_key() -> None:
    with pytest.raises(ValueError, match=r"no 'loss' key; found keys: \['mae', 'val_mae'\]"):
        diagnose_history({"mae": [1, 2, 3], "val_mae": [1, 2, 3]})


@pytest.mark.parametrize("values", ["1, 2, 3", 5.0, [1.0, "2", 3.0], [1.0, None, 3.0], [True, False, True],
                                    [[1.0], [2.0], [3.0]]])
def test_loss_must_be_a_flat_list_of_numbers(values: object) -> None:
    with pytest.raises(TypeError, match=r"history\['loss'\] must"):
        diagnose_history({"loss": values})


def test_empty_loss() -> None:
    with pytest.raises(ValueError, match="is empty"):
        diagnose_history({"loss": []})


def test_negative_loss() -> None:
    with pytest.raises(ValueError, match="negative"):
        diagnose_history({"loss": [3.0, 2.0, -1.0]})


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError, match="has 20 epochs but history\\['val_loss'\\] has 19"):
        diagnose_history({"loss": PLATEAU, "val_loss": VAL_PLATEAU[:-1]})


# ------------------------------------------------------------------------------ Diagnosis


def test_diagnosis_prints_label_and_reason() -> None:
    d = diagnose_history({"loss": PLATEAU, "val_loss": VAL_PLATEAU})
    assert str(d) == f"good: {d.reason}"
    assert "\n" not in str(d)


def test_diagnosis_is_frozen_and_checks_its_label() -> None:
    d = Diagnosis("good", "fine")
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.label = "overfitting"  # type: ignore[misc]
    with pytest.raises(ValueError, match="label must be one of"):
        Diagnosis("great", "unknown label")


def test_reasons_use_three_significant_digits() -> None:
    d = diagnose_history({"loss": [612.345, 55.555, 12.3456, 12.1, 12.05], "val_loss": [91.53, 20.84, 10.94, 9.76, 9.7]})
    assert "from 91.5 to 9.7 " in d.reason


def test_doctests() -> None:
    assert doctest.testmod(diagnose).failed == 0


def test_importing_does_not_load_keras() -> None:
    code = "import sys, helpers.diagnose; print('keras' in sys.modules or 'tensorflow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_real_keras_history() -> None:
    keras = pytest.importorskip("keras")
    keras.utils.set_random_seed(0)
    X = np.linspace(-1, 1, 32, dtype="float32").reshape(-1, 1)
    y = 3 * X[:, 0] + 1
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="mse")
    history = model.fit(X, y, epochs=15, batch_size=8, validation_split=0.25, verbose=0)
    d = diagnose_history(history)
    assert d.label in LABELS and d == diagnose_history(history.history)
    with pytest.raises(TypeError, match="looks like the model itself"):
        diagnose_history(model)
