"""Tests for helpers.plots: what is drawn, labels and legends, and error messages."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")  # no window: must run before pyplot is imported

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402

from helpers.plots import plot_history, plot_predictions  # noqa: E402

HISTORY = {
    "loss": [1.0, 0.6, 0.4, 0.3],
    "val_loss": [1.1, 0.8, 0.7, 0.75],
    "mae": [0.8, 0.6, 0.5, 0.45],
    "val_mae": [0.9, 0.7, 0.65, 0.66],
}


class FakeHistory:
    """Stands in for keras.callbacks.History: only the .history attribute matters."""

    def __init__(self, history: dict[str, list[float]]) -> None:
        self.history = history


class FakeModel:
    """Stands in for a compiled Keras model: .loss is what compile(loss=...) got."""

    loss = "mse"

    def __init__(self) -> None:
        self.history = FakeHistory(HISTORY)  # a fitted Keras model keeps its last History


class FakeHistoryWithModel(FakeHistory):
    def __init__(self, history: dict[str, list[float]]) -> None:
        super().__init__(history)
        self.model = FakeModel()


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


def test_history_dict_default_plots_loss() -> None:
    ax = plot_history(HISTORY)
    assert isinstance(ax, Axes)
    assert ax.get_xlabel() == "epoch"
    assert ax.get_ylabel() == "loss"
    assert legend_texts(ax) == ["train", "validation"]
    assert len(ax.get_lines()) == 2  # loss and val_loss only, mae is not plotted by default
    train, validation = ax.get_lines()
    assert list(train.get_xdata()) == [1, 2, 3, 4]  # epochs counted from 1
    assert list(train.get_ydata()) == HISTORY["loss"]
    assert list(validation.get_xdata()) == [1, 2, 3, 4]
    assert list(validation.get_ydata()) == HISTORY["val_loss"]
    assert validation.get_linestyle() == "--"
    assert any(line.get_visible() for line in ax.get_xgridlines())


def test_history_object_is_duck_typed() -> None:
    ax = plot_history(FakeHistory(HISTORY))
    assert legend_texts(ax) == ["train", "validation"]
    assert ax.get_lines()[0].get_xdata()[0] == 1


def test_history_object_with_model_names_the_loss() -> None:
    ax = plot_history(FakeHistoryWithModel(HISTORY))
    assert ax.get_ylabel() == "loss (MSE)"


def test_history_dataframe_is_accepted() -> None:
    ax = plot_history(pd.DataFrame(HISTORY))
    assert list(ax.get_lines()[1].get_ydata()) == HISTORY["val_loss"]


def test_history_without_validation() -> None:
    ax = plot_history({"loss": [0.5, 0.4, 0.3]})
    assert len(ax.get_lines()) == 1
    assert legend_texts(ax) == ["train"]


def test_history_single_epoch_is_visible() -> None:
    ax = plot_history({"loss": [0.5], "val_loss": [0.6]})
    assert all(line.get_marker() == "o" for line in ax.get_lines())
    assert list(ax.get_xticks()) == [1]


def test_history_title_and_new_figure_size() -> None:
    ax = plot_history(HISTORY, title="Training curves")
    assert ax.get_title() == "Training curves"
    assert tuple(ax.figure.get_size_inches()) == (6.0, 4.0)


def test_history_several_metrics_one_axes_each() -> None:
    axes = plot_history(FakeHistoryWithModel(HISTORY), metrics=["loss", "mae"], title="Run 1")
    assert isinstance(axes, list) and len(axes) == 2
    assert [ax.get_ylabel() for ax in axes] == ["loss (MSE)", "MAE"]
    assert axes[0].figure is axes[1].figure
    assert axes[0].figure.get_suptitle() == "Run 1"
    for ax, key in zip(axes, ["loss", "mae"]):
        assert legend_texts(ax) == ["train", "validation"]
        assert ax.get_xlabel() == "epoch"
        assert list(ax.get_lines()[0].get_ydata()) == HISTORY[key]
        assert list(ax.get_lines()[1].get_ydata()) == HISTORY[f"val_{key}"]


def test_history_metrics_as_single_string() -> None:
    ax = plot_history(HISTORY, metrics="mae")
    assert isinstance(ax, Axes)
    assert ax.get_ylabel() == "MAE"


def test_history_on_given_axes() -> None:
    fig, ax = plt.subplots()
    assert plot_history(HISTORY, ax=ax) is ax
    fig, axes = plt.subplots(1, 2)
    returned = plot_history(HISTORY, ax=axes, metrics=["loss", "mae"])
    assert returned == list(axes)


def test_history_log_y() -> None:
    ax = plot_history(HISTORY, log_y=True)
    assert ax.get_yscale() == "log"


def test_history_log_y_needs_positive_values() -> None:
    with pytest.raises(ValueError, match="log_y needs values > 0, but the validation loss"):
        plot_history({"loss": [1.0, 0.5], "val_loss": [1.0, 0.0]}, log_y=True)
    assert plt.get_fignums() == []  # no half-drawn figure left behind


@pytest.mark.parametrize(
    ("history", "got"),
    [
        ([0.5, 0.4], "list"),
        (None, "NoneType"),
        ("loss", "str"),
        (FakeHistory([0.5]), "FakeHistory"),  # .history must be a dict
    ],
)
def test_history_wrong_type(history, got) -> None:
    expected = (
        "plot_history expects a Keras History (the value returned by model.fit) "
        f"or its .history dict; got {got}"
    )
    with pytest.raises(TypeError, match=re.escape(expected)):
        plot_history(history)


def test_history_given_the_model_by_mistake() -> None:
    with pytest.raises(TypeError, match="looks like the model itself"):
        plot_history(FakeModel())


def test_history_empty() -> None:
    with pytest.raises(ValueError, match=re.escape("the history is empty (found keys: none)")):
        plot_history({})
    with pytest.raises(ValueError, match="the history is empty"):
        plot_history(FakeHistory({}))


def test_history_without_loss_key_lists_found_keys() -> None:
    with pytest.raises(
        ValueError, match=re.escape("the history has no 'loss' key; found keys: ['mae', 'val_mae']")
    ):
        plot_history({"mae": [0.5], "val_mae": [0.6]})


def test_history_unknown_metric() -> None:
    with pytest.raises(ValueError, match=re.escape("the history has no 'rmse' key; found keys:")):
        plot_history(HISTORY, metrics=["loss", "rmse"])
    assert plt.get_fignums() == []


def test_history_val_prefix_in_metrics() -> None:
    with pytest.raises(ValueError, match=re.escape("without 'val_' (got 'val_mae')")):
        plot_history(HISTORY, metrics=["val_mae"])


def test_history_bad_metrics_argument() -> None:
    with pytest.raises(TypeError, match="metrics must be names"):
        plot_history(HISTORY, metrics=[1])
    with pytest.raises(ValueError, match="metrics is empty"):
        plot_history(HISTORY, metrics=[])


def test_history_bad_values() -> None:
    with pytest.raises(TypeError, match=re.escape("history['loss'] must be a list of numbers")):
        plot_history({"loss": ["high", "low"]})
    with pytest.raises(ValueError, match=re.escape("history['loss'] is empty")):
        plot_history({"loss": []})
    with pytest.raises(
        ValueError, match=re.escape("history['loss'] has 3 epochs but history['val_loss'] has 2")
    ):
        plot_history({"loss": [1, 2, 3], "val_loss": [1, 2]})


def test_history_bad_ax() -> None:
    with pytest.raises(TypeError, match=r"ax must be a matplotlib Axes .*; got str"):
        plot_history(HISTORY, ax="left")
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="plotting 2 metrics needs 2 Axes, one per metric; got 1"):
        plot_history(HISTORY, ax=ax, metrics=["loss", "mae"])


# --------------------------------------------------------------------- plot_predictions


def the_identity_line(ax: Axes):
    lines = [line for line in ax.get_lines() if line.get_label().startswith("perfect prediction")]
    assert len(lines) == 1, "the y = x line is missing"
    return lines[0]


def test_predictions_plot() -> None:
    y_true = np.array([10.0, 20.0, 30.0, 40.0])
    y_pred = np.array([12.0, 18.0, 35.0, 39.0])
    ax = plot_predictions(y_true, y_pred.reshape(-1, 1), title="Test set")
    assert ax.get_xlabel() == "actual"
    assert ax.get_ylabel() == "predicted"
    assert ax.get_title() == "Test set"
    assert legend_texts(ax) == ["predictions (n = 4)", "perfect prediction (y = x)"]
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(points) == 1
    np.testing.assert_array_equal(points[0].get_offsets(), np.column_stack([y_true, y_pred]))
    assert any(line.get_visible() for line in ax.get_xgridlines())


def test_predictions_identity_line_spans_both_ranges() -> None:
    y_true = [1.0, 5.0, 9.0]
    y_pred = [-2.0, 5.0, 12.0]  # predictions reach beyond the targets' range
    ax = plot_predictions(y_true, y_pred)
    line = the_identity_line(ax)
    xs, ys = np.asarray(line.get_xdata()), np.asarray(line.get_ydata())
    np.testing.assert_array_equal(xs, ys)  # y = x
    assert xs.min() <= -2.0 and xs.max() >= 12.0
    assert ax.get_xlim() == ax.get_ylim()  # same limits on both axes
    assert ax.get_xlim() == (xs.min(), xs.max())  # the line reaches the edges
    assert ax.get_aspect() == 1.0


def test_predictions_unit_in_labels() -> None:
    ax = plot_predictions([1, 2], [1, 2], unit="k$")
    assert ax.get_xlabel() == "actual [k$]"
    assert ax.get_ylabel() == "predicted [k$]"


def test_predictions_accepts_pandas_and_given_ax() -> None:
    fig, ax = plt.subplots()
    y_true = pd.Series([1.0, 2.0, 3.0])
    y_pred = pd.DataFrame({"p": [1.0, 2.5, 2.5]})
    returned = plot_predictions(y_true, y_pred, ax=ax)
    assert returned is ax


def test_predictions_constant_values_still_have_a_range() -> None:
    ax = plot_predictions([3.0, 3.0], [3.0, 3.0])
    low, high = ax.get_xlim()
    assert low < 3.0 < high


@pytest.mark.parametrize(
    ("y_true", "y_pred", "error", "message"),
    [
        ([1, 2, 3], [1, 2], ValueError, "got len(y_true) = 3 and len(y_pred) = 2"),
        ([1, 2, 3], [1, np.nan, 3], ValueError, "y_pred contains 1 NaN value"),
        ([1, np.inf], [1, 2], ValueError, "y_true contains 1 infinite value"),
        ([], [], ValueError, "y_true is empty"),
        (np.ones((2, 2)), [1, 2], ValueError, "y_true must be 1-D or have exactly one column"),
        (["a", "b"], [1, 2], TypeError, "y_true must be a list, NumPy array"),
        ([1, 2], "12", TypeError, "y_pred must be a list, NumPy array"),
    ],
)
def test_predictions_input_errors(y_true, y_pred, error, message) -> None:
    with pytest.raises(error, match=re.escape(message)):
        plot_predictions(y_true, y_pred)
    assert plt.get_fignums() == []  # checked before any figure is made


def test_predictions_bad_ax() -> None:
    with pytest.raises(TypeError, match=r"ax must be a matplotlib Axes .*; got list"):
        plot_predictions([1, 2], [1, 2], ax=[1, 2])


# ------------------------------------------------------------------------------ imports


def test_import_does_not_load_keras_or_pyplot() -> None:
    code = (
        "import sys, helpers.plots; "
        "loaded = [m for m in ('tensorflow', 'keras', 'matplotlib.pyplot') if m in sys.modules]; "
        "sys.exit(f'imported {loaded}' if loaded else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
