"""Two plots for the course: training curves and predicted-vs-actual.

* :func:`plot_history` draws the loss (and, if asked, other metrics) per epoch,
  for the training data and the validation data.
* :func:`plot_predictions` draws each prediction against its true value, with
  the ``y = x`` line where a perfect model's points would lie.

Both use matplotlib's object-oriented API, never call ``plt.show()`` (a notebook
shows the figure by itself) and return what they drew on, so you can adjust it,
e.g. ``ax.set_ylim(0, 2)``. Pass ``ax=`` to draw inside a figure of your own.

This module never imports TensorFlow or Keras: a Keras ``History`` is recognised
by its ``.history`` attribute.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import LogFormatter, MaxNLocator

from .metrics import _as_1d_pair

__all__ = ["plot_history", "plot_predictions"]

#: Size in inches of a new figure with one plot (training curves).
FIGSIZE: tuple[float, float] = (6.0, 4.0)
#: Size in inches of a new predicted-vs-actual figure: square, as its axes are.
SQUARE_FIGSIZE: tuple[float, float] = (5.0, 5.0)

_LABEL_SIZE = 11
_TITLE_SIZE = 12
_TICK_SIZE = 10
_LEGEND_SIZE = 10
_MARKERS_UP_TO = 30  # epochs: with few epochs each value is also drawn as a dot

#: Readable names for the loss and metric names Keras uses as history keys.
_METRIC_NAMES: dict[str, str] = {
    "mse": "MSE",
    "mean_squared_error": "MSE",
    "rmse": "RMSE",
    "root_mean_squared_error": "RMSE",
    "mae": "MAE",
    "mean_absolute_error": "MAE",
    "mape": "MAPE (%)",
    "mean_absolute_percentage_error": "MAPE (%)",
    "msle": "MSLE",
    "mean_squared_logarithmic_error": "MSLE",
    "huber": "Huber",
    "huber_loss": "Huber",
    "log_cosh": "log-cosh",
    "logcosh": "log-cosh",
    "r2_score": "R2",
}

_HISTORY_EXPECTED = (
    "plot_history expects a Keras History (the value returned by model.fit) "
    "or its .history dict"
)


# ------------------------------------------------------------------------------ helpers


def _new_axes(ncols: int, figsize: tuple[float, float] | None = None) -> list[Axes]:
    """Create a new figure with ``ncols`` plots side by side and return their Axes."""
    import matplotlib.pyplot as plt  # imported here so importing helpers picks no backend

    if figsize is None:
        # At most 9.6 inches (960 px): JupyterLab's column is about 970 px wide.
        figsize = FIGSIZE if ncols == 1 else (min(4.8 * ncols, 9.6), FIGSIZE[1])
    _, axes = plt.subplots(1, ncols, figsize=figsize, layout="constrained", squeeze=False)
    return list(axes[0])


def _style(
    ax: Axes, *, xlabel: str, ylabel: str, title: str | None, legend_loc: str = "best"
) -> None:
    """Labels, title, legend and grid in the course's font sizes."""
    ax.set_xlabel(xlabel, fontsize=_LABEL_SIZE)
    ax.set_ylabel(ylabel, fontsize=_LABEL_SIZE)
    if title:
        ax.set_title(title, fontsize=_TITLE_SIZE)
    ax.tick_params(labelsize=_TICK_SIZE)
    ax.legend(fontsize=_LEGEND_SIZE, loc=legend_loc)
    ax.grid(True, alpha=0.3)


class _PlainLogFormatter(LogFormatter):
    """Log-axis tick labels as plain numbers (0.1, 2, 1000) instead of 10^-1 style."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        # The parent decides which ticks get a label; we only change how it is written.
        return f"{x:g}" if super().__call__(x, pos) else ""


def _as_axes_list(ax: Any, count: int) -> list[Axes] | None:
    """Check ``ax`` (None, one Axes, or a sequence/array of Axes) against ``count`` metrics."""
    if ax is None:
        return None
    axes = list(np.ravel(ax)) if isinstance(ax, (Sequence, np.ndarray)) else [ax]
    for one in axes:
        if not isinstance(one, Axes):
            raise TypeError(
                "ax must be a matplotlib Axes (e.g. from fig, ax = plt.subplots()) or None; "
                f"got {type(one).__name__}"
            )
    if len(axes) != count:
        raise ValueError(
            f"plotting {count} metric{'s' if count > 1 else ''} needs {count} Axes, one per "
            f"metric; got {len(axes)}. Pass ax=None to get a new figure."
        )
    return axes


# ------------------------------------------------------------------------ plot_history


def _history_dict(history: Any) -> dict[str, Any]:
    """Return the ``{name: values per epoch}`` dict inside ``history``, or raise TypeError."""
    if isinstance(history, pd.DataFrame):  # pd.DataFrame(history.history) is common
        return {str(column): history[column].tolist() for column in history.columns}
    if isinstance(history, Mapping):
        return dict(history)
    inner = getattr(history, "history", None)
    if isinstance(inner, Mapping):
        return dict(inner)
    if inner is not None and isinstance(getattr(inner, "history", None), Mapping):
        raise TypeError(
            f"{_HISTORY_EXPECTED}; got {type(history).__name__}, which looks like the model "
            "itself. Keep what fit returns: history = model.fit(...); plot_history(history)"
        )
    raise TypeError(f"{_HISTORY_EXPECTED}; got {type(history).__name__}")


def _metric_list(metrics: Sequence[str] | None) -> list[str]:
    """Normalise ``metrics``: None -> ["loss"], "mae" -> ["mae"], duplicates dropped."""
    if metrics is None:
        return ["loss"]
    names = [metrics] if isinstance(metrics, str) else list(metrics)
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"metrics must be names such as ['loss', 'mae']; got {name!r}")
        if name.startswith("val_"):
            raise ValueError(
                f"give metric names without 'val_' (got {name!r}): the validation curve "
                f"is drawn automatically next to the training curve, e.g. metrics=[{name[4:]!r}]"
            )
    if not names:
        raise ValueError("metrics is empty; leave it as None to plot the loss")
    return list(dict.fromkeys(names))


def _curve(history: Mapping[str, Any], key: str) -> np.ndarray:
    """The values of ``history[key]`` as a 1-D float array (one per epoch)."""
    values = history[key]
    try:
        curve = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"history[{key!r}] must be a list of numbers, one per epoch; "
            f"got {type(values).__name__}"
        ) from None
    if curve.ndim != 1:
        raise TypeError(f"history[{key!r}] must be a flat list of numbers, one per epoch")
    if curve.size == 0:
        raise ValueError(f"history[{key!r}] is empty: no epoch was recorded")
    return curve


def _loss_name(history: Any) -> str | None:
    """The readable loss name (e.g. "MSE") if the History's model tells it, else None.

    Duck typed: a Keras History has ``.model``, whose ``.loss`` is the string or
    object given to ``model.compile(loss=...)``.
    """
    loss = getattr(getattr(history, "model", None), "loss", None)
    if isinstance(loss, str):
        key = loss
    else:
        key = getattr(loss, "name", None) or getattr(loss, "__name__", None)
    return _METRIC_NAMES.get(key) if isinstance(key, str) else None


def _panel(
    hist: Mapping[str, Any], name: str, history: Any, *, log_y: bool
) -> tuple[str, dict[str, np.ndarray]]:
    """The y label and the {"train": ..., "validation": ...} curves of one metric, checked."""
    curves = {"train": _curve(hist, name)}
    if f"val_{name}" in hist:
        curves["validation"] = _curve(hist, f"val_{name}")
        if curves["validation"].size != curves["train"].size:
            raise ValueError(
                f"history[{name!r}] has {curves['train'].size} epochs but "
                f"history['val_{name}'] has {curves['validation'].size}"
            )
    if name == "loss":
        loss_name = _loss_name(history)
        ylabel = f"loss ({loss_name})" if loss_name else "loss"
    else:
        ylabel = _METRIC_NAMES.get(name, name)
    if log_y:
        for label, values in curves.items():
            if np.any(values <= 0):
                raise ValueError(
                    f"log_y needs values > 0, but the {label} {ylabel} has values <= 0"
                )
    return ylabel, curves


def plot_history(
    history: Any,
    *,
    ax: Axes | Sequence[Axes] | None = None,
    title: str | None = None,
    metrics: Sequence[str] | None = None,
    log_y: bool = False,
) -> Axes | list[Axes]:
    """Plot training curves: a metric per epoch for the training and validation data.

    One plot per metric (the loss by default), each with a "train" curve and,
    when the history has it, a "validation" curve (dashed). The x axis counts
    epochs from 1. Different metrics are never drawn on the same y axis because
    their scales differ (the MSE loss is in squared units, MAE is not).

    Args:
        history: the value returned by ``model.fit`` (anything with a
            ``.history`` dict), or that dict itself (``{"loss": [...],
            "val_loss": [...], ...}``), or ``pd.DataFrame(history.history)``.
        ax: where to draw. ``None`` (default) makes a new figure. Otherwise one
            Axes per metric (a single Axes for the default loss-only plot).
        title: the plot's title; with several metrics, the figure's title.
        metrics: which metrics to plot, by their name in ``model.compile``,
            without ``val_``: e.g. ``["loss", "mae"]``. Default: ``["loss"]``.
        log_y: use a logarithmic y axis, useful when the loss drops by orders of
            magnitude (all values must be > 0).

    Returns:
        The Axes when one metric is plotted (the default), otherwise a list of
        Axes, one per metric, in the order of ``metrics``.

    Raises:
        TypeError: ``history`` is not a History or dict, or ``ax`` is not an Axes.
        ValueError: the history is empty, lacks a requested metric (the message
            lists the keys found), or has non-positive values with ``log_y``.

    Example:
        >>> ax = plot_history({"loss": [1.0, 0.5, 0.4], "val_loss": [1.1, 0.7, 0.6]})
        >>> ax.get_xlabel(), [t.get_text() for t in ax.get_legend().get_texts()]
        ('epoch', ['train', 'validation'])
    """
    hist = _history_dict(history)
    if not hist:
        raise ValueError(
            "the history is empty (found keys: none); was model.fit run for at least one epoch?"
        )
    names = _metric_list(metrics)
    for name in names:
        if name not in hist:
            raise ValueError(
                f"the history has no {name!r} key; found keys: {sorted(hist)}. "
                "Metrics must be listed in model.compile(metrics=[...]) to be recorded."
            )
    # Check everything before drawing, so an error leaves no half-made figure behind.
    panels = [_panel(hist, name, history, log_y=log_y) for name in names]
    axes = _as_axes_list(ax, len(names)) or _new_axes(len(names))

    for (ylabel, curves), one_ax in zip(panels, axes):
        n_epochs = curves["train"].size
        epochs = np.arange(1, n_epochs + 1)
        marker = "o" if n_epochs <= _MARKERS_UP_TO else None
        for (label, values), style in zip(curves.items(), ("-", "--")):
            one_ax.plot(epochs, values, linestyle=style, marker=marker, markersize=4, label=label)
        if log_y:
            one_ax.set_yscale("log")
            one_ax.yaxis.set_major_formatter(_PlainLogFormatter())
            one_ax.yaxis.set_minor_formatter(_PlainLogFormatter(labelOnlyBase=False))
        if n_epochs <= 10:  # a tick on every epoch
            one_ax.set_xticks(epochs)
            one_ax.set_xlim(0.5, n_epochs + 0.5)
        else:
            one_ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
        _style(one_ax, xlabel="epoch", ylabel=ylabel, title=title if len(names) == 1 else None)

    if len(names) == 1:
        return axes[0]
    figure = axes[0].figure
    if title and isinstance(figure, Figure):
        figure.suptitle(title, fontsize=_TITLE_SIZE)
    return axes


# -------------------------------------------------------------------- plot_predictions


def plot_predictions(
    y_true: Any,
    y_pred: Any,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    unit: str | None = None,
) -> Axes:
    """Scatter each prediction (y axis) against its true value (x axis).

    A perfect model puts every point on the dashed line ``y = x``; points above
    it are over-predictions, points below are under-predictions. Both axes get
    the same limits and scale so the distances are honest.

    Args:
        y_true: the true targets (list, array, Series or one-column DataFrame).
        y_pred: the predictions, same length; ``model.predict(X)`` of shape
            ``(n, 1)`` is fine as it is.
        ax: the Axes to draw on; ``None`` (default) makes a new figure.
        title: the plot's title.
        unit: the targets' unit, shown in brackets in the axis labels, e.g. ``"k$"``.

    Returns:
        The Axes drawn on.

    Raises:
        ValueError: different lengths, NaN or inf values, empty input, more than one column.
        TypeError: input that is not numbers, or ``ax`` that is not an Axes.

    Example:
        >>> ax = plot_predictions([1.0, 2.0, 3.0], [1.1, 1.8, 3.3], unit="k$")
        >>> ax.get_xlabel(), ax.get_ylabel()
        ('actual [k$]', 'predicted [k$]')
    """
    true, pred = _as_1d_pair(y_true, y_pred)
    if ax is None:
        ax = _new_axes(1, SQUARE_FIGSIZE)[0]
    elif not isinstance(ax, Axes):
        raise TypeError(
            "ax must be a matplotlib Axes (e.g. from fig, ax = plt.subplots()) or None; "
            f"got {type(ax).__name__}"
        )

    low = min(true.min(), pred.min())
    high = max(true.max(), pred.max())
    pad = 0.05 * (high - low) if high > low else max(0.05 * abs(high), 1.0)
    limits = (low - pad, high + pad)

    many = true.size > 500
    ax.scatter(
        true,
        pred,
        s=8 if many else 18,
        alpha=0.4 if many else 0.7,
        edgecolors="none",
        label=f"predictions (n = {true.size})",
        zorder=2,
    )
    ax.plot(limits, limits, "k--", linewidth=1.2, label="perfect prediction (y = x)", zorder=3)
    ax.set_xlim(limits)
    ax.set_ylim(limits)
    ax.set_aspect("equal", adjustable="box")

    suffix = f" [{unit}]" if unit else ""
    _style(
        ax,
        xlabel=f"actual{suffix}",
        ylabel=f"predicted{suffix}",
        title=title,
        legend_loc="upper left",
    )
    return ax

