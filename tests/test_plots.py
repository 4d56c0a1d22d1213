"""Tests for helpers.plots: what is drawn, labels and legends, and error messages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection

from helpers.plots import history_curves, plot_history, plot_predictions

HISTORY = {
    "loss": [1.0, 0.6, 0.4, 0.3],
    "val_loss": [1.1, 0.8, 0.7, 0.75],
    "mae": [0.8, 0.6, 0.5, 0.45],
    "val_mae": [0.9, 0.7, 0.65, 0.66],
}


class FakeHistory:
    """Stands in for keras.callbacks.History: only the .history attribute matters."""

    def __init__(self, history: object) -> None:
        self.history = history


class FakeModel:
    """Stands in for a fitted Keras model, which keeps its last History as .history."""

    def __init__(self) -> None:
        self.history = FakeHistory(HISTORY)


@pytest.fixture(autouse=True)
def close_figures(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail if a plot calls plt.show(); close every figure after each test."""

    def no_show(*args: object, **kwargs: object) -> None:
        raise AssertionError("plots must not call plt.show()")

    monkeypatch.setattr(plt, "show", no_show)
    yield
    plt.close("all")


def legend_texts(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None, "the plot has no legend"
    return [text.get_text() for text in legend.get_texts()]


# ------------------------------------------------------------------------- plot_history


@pytest.mark.parametrize(
    "history", [HISTORY, FakeHistory(HISTORY), pd.DataFrame(HISTORY)], ids=["dict", "History", "df"]
)
def test_history_default_plots_the_loss(history: object) -> None:
    ax = plot_history(history)
    assert isinstance(ax, Axes)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("epoch", "loss")
    assert legend_texts(ax) == ["train", "validation"]
    train, validation = ax.get_lines()  # loss and val_loss only: mae is not plotted by default
    assert list(train.get_xdata()) == [1, 2, 3, 4]  # epochs counted from 1
    assert list(train.get_ydata()) == HISTORY["loss"]
    assert list(validation.get_ydata()) == HISTORY["val_loss"]
    assert validation.get_linestyle() == "--"
    assert tuple(ax.figure.get_size_inches()) == (6.0, 4.0)


def test_history_without_validation_and_a_single_epoch() -> None:
    ax = plot_history({"loss": [0.5]})
    assert legend_texts(ax) == ["train"]
    assert ax.get_lines()[0].get_marker() == "o"  # one epoch is still visible


def test_history_several_metrics_one_axes_each() -> None:
    axes = plot_history(HISTORY, metrics=["loss", "mae"], title="Run 1")
    assert isinstance(axes, list) and len(axes) == 2
    assert [ax.get_ylabel() for ax in axes] == ["loss", "mae"]
    assert axes[0].figure is axes[1].figure
    assert axes[0].figure.get_suptitle() == "Run 1"
    for ax, key in zip(axes, ["loss", "mae"], strict=True):
        assert legend_texts(ax) == ["train", "validation"]
        assert list(ax.get_lines()[1].get_ydata()) == HISTORY[f"val_{key}"]


def test_history_on_given_axes_with_title_and_log_y() -> None:
    fig, ax = plt.subplots()
    assert plot_history(HISTORY, ax=ax, title="Training curves", log_y=True) is ax
    assert ax.get_title() == "Training curves" and ax.get_yscale() == "log"
    fig, axes = plt.subplots(1, 2)  # as lesson 04: an array of Axes, one per metric
    assert plot_history(HISTORY, ax=axes, metrics=["loss", "mae"]) == list(axes)
    assert plot_history(HISTORY, metrics="mae").get_ylabel() == "mae"


@pytest.mark.parametrize("history", [[0.5, 0.4], None, "loss", FakeHistory([0.5])])
def test_history_of_the_wrong_kind(history: object) -> None:
    with pytest.raises(TypeError, match=re.escape("expected a Keras History (what model.fit")):
        plot_history(history)


def test_the_model_instead_of_its_history() -> None:
    with pytest.raises(TypeError, match="looks like the model itself"):
        plot_history(FakeModel())


@pytest.mark.parametrize(
    ("history", "kwargs", "error", "message"),
    [
        ({}, {}, ValueError, "the history has no 'loss' key; found keys: []"),
        ({"mae": [0.5]}, {}, ValueError, "no 'loss' key; found keys: ['mae']"),
        (HISTORY, {"metrics": ["loss", "rmse"]}, ValueError, "the history has no 'rmse' key"),
        (HISTORY, {"metrics": ["val_mae"]}, ValueError, "without 'val_' (got 'val_mae')"),
        ({"loss": ["high", "low"]}, {}, TypeError, "history['loss'] must be a list of numbers"),
        ({"loss": [[1.0], [2.0]]}, {}, TypeError, "history['loss'] must be a list of numbers"),
        ({"loss": []}, {}, ValueError, "history['loss'] is empty"),
        (
            {"loss": [1, 2, 3], "val_loss": [1, 2]},
            {},
            ValueError,
            "history['loss'] has 3 but history['val_loss'] has 2 epochs",
        ),
        ({"loss": [1, 0.5], "val_loss": [1, 0]}, {"log_y": True}, ValueError, "log_y needs"),
        (HISTORY, {"ax": "left"}, TypeError, "ax must be None or 1 matplotlib Axes"),
    ],
)
def test_history_bad_input(history, kwargs, error, message) -> None:
    with pytest.raises(error, match=re.escape(message)):
        plot_history(history, **kwargs)
    assert plt.get_fignums() == []  # checked before any figure is made


def test_history_needs_one_axes_per_metric() -> None:
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="ax must be None or 2 matplotlib Axes, one per plot"):
        plot_history(HISTORY, ax=ax, metrics=["loss", "mae"])


def test_history_curves_reads_numpy_and_pandas_values() -> None:
    curves = history_curves(
        {"loss": np.array([3, 2], dtype="float32"), "val_loss": pd.Series([4, 3])}
    )
    assert {key: list(values) for key, values in curves.items()} == {
        "loss": [3, 2],
        "val_loss": [4, 3],
    }


# --------------------------------------------------------------------- plot_predictions


def test_predictions_plot() -> None:
    y_true = np.array([10.0, 20.0, 30.0, 40.0])
    y_pred = np.array([12.0, 18.0, 35.0, 39.0])
    ax = plot_predictions(y_true, y_pred.reshape(-1, 1), title="Test set", unit="k$")
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("actual [k$]", "predicted [k$]")
    assert ax.get_title() == "Test set"
    assert legend_texts(ax) == ["predictions (n = 4)", "perfect prediction (y = x)"]
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    np.testing.assert_array_equal(points[0].get_offsets(), np.column_stack([y_true, y_pred]))
    assert tuple(ax.figure.get_size_inches()) == (5.0, 5.0)


def test_predictions_identity_line_spans_both_ranges() -> None:
    ax = plot_predictions([1.0, 5.0, 9.0], [-2.0, 5.0, 12.0])  # predictions beyond the targets
    (line,) = ax.get_lines()
    xs, ys = np.asarray(line.get_xdata()), np.asarray(line.get_ydata())
    np.testing.assert_array_equal(xs, ys)  # y = x
    assert xs.min() < -2.0 and xs.max() > 12.0
    assert ax.get_xlim() == ax.get_ylim() == (xs.min(), xs.max())  # the line reaches the edges
    assert ax.get_aspect() == 1.0


def test_predictions_accepts_pandas_given_ax_and_constant_values() -> None:
    fig, ax = plt.subplots()
    assert plot_predictions(pd.Series([3.0, 3.0]), pd.DataFrame({"p": [3.0, 3.0]}), ax=ax) is ax
    assert ax.get_xlim()[0] < 3.0 < ax.get_xlim()[1]


@pytest.mark.parametrize(
    ("y_true", "y_pred", "kwargs", "error", "message"),
    [
        ([1, 2, 3], [1, 2], {}, ValueError, "y_true has 3 values but y_pred has 2"),
        ([1, 2, 3], [1, np.nan, 3], {}, ValueError, "y_pred has NaN or infinite values"),
        ([1, np.inf], [1, 2], {}, ValueError, "y_true has NaN or infinite values"),
        ([], [], {}, ValueError, "y_true must be 1-D (or one column), not empty"),
        (np.ones((2, 2)), [1, 2], {}, ValueError, "y_true must be 1-D (or one column), not empty"),
        ([1, 2], "12", {}, TypeError, "y_pred must hold numbers (int or float); got '12' in it"),
        (["a", "b"], [1, 2], {}, TypeError, "y_true must hold numbers"),
        ([1, 2], [1, 2], {"ax": [1, 2]}, TypeError, "ax must be None or 1 matplotlib Axes"),
    ],
)
def test_predictions_bad_input(y_true, y_pred, kwargs, error, message) -> None:
    with pytest.raises(error, match=re.escape(message)):
        plot_predictions(y_true, y_pred, **kwargs)
    assert plt.get_fignums() == []  # checked before any figure is made


# --- the Korean edition: setup_lesson(language="ko") ----------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: plot_history(HISTORY, metrics=["val_mae"]),
            ValueError,
            "평가 지표 이름은 'val_' 없이 쓰십시오(받은 값: 'val_mae')",
        ),
        (
            lambda: history_curves({"loss": [1.0, 2.0], "val_loss": [1.0]}),
            ValueError,
            "history['loss']에는 2개이고, history['val_loss']에는 1개입니다.",
        ),
        (lambda: history_curves(5), TypeError, "Keras History(model.fit이 돌려주는 것)나"),
        (
            lambda: plot_predictions([1.0, 2.0], [1.0]),
            ValueError,
            "값의 개수가 다릅니다. y_true에는 2개, y_pred에는 1개가 있습니다.",
        ),
    ],
)
def test_a_korean_lesson_gets_its_errors_in_korean(
    korean: None, call: Callable[[], object], error: type, message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        call()
