"""Two plots for the course: training curves and predicted-vs-actual.

Both draw with matplotlib's object-oriented API and return what they drew on, so you can adjust
it (``ax.set_ylabel("loss: MSE [mpg²]")``); pass ``ax=`` to draw inside a figure of your own.
Fonts, grid and figure size come from ``setup_lesson``. A notebook shows the figure by itself.

This module never imports Keras: a ``History`` is recognised by its ``.history`` dict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import LogFormatter, MaxNLocator


def history_curves(history: Any, metric: str = "loss") -> dict[str, np.ndarray]:
    """The values of ``metric`` per epoch, and of ``val_{metric}`` if recorded, checked.

    ``history`` is what ``model.fit`` returns, its ``.history`` dict or
    ``pd.DataFrame(history.history)``. Returns e.g. ``{"loss": array, "val_loss": array}``.
    Used by ``plot_history`` (lesson 02) and ``diagnose_history`` (lesson 05), so that both
    read a history the same way and say the same when it is not one.
    """
    found = getattr(history, "history", history)
    if isinstance(found, pd.DataFrame):
        found = dict(found)
    if not isinstance(found, Mapping):
        model = hasattr(found, "history")  # model.history is the History of its last fit
        raise TypeError(
            "expected a Keras History (what model.fit returns), its .history dict or a DataFrame "
            f"of it; got {type(history).__name__}"
            + (", which looks like the model itself: use history = model.fit(...)" if model else "")
        )
    if metric not in found:
        raise ValueError(
            f"the history has no {metric!r} key; found keys: {sorted(map(str, found))}. A metric "
            "is recorded only if it is listed in model.compile(metrics=[...])"
        )
    curves = {}
    for key in (metric, f"val_{metric}"):
        if key in found:
            values = np.asarray(found[key])
            if values.ndim != 1 or values.dtype.kind not in "iuf":
                raise TypeError(f"history[{key!r}] must be a list of numbers, one per epoch")
            if values.size == 0:
                raise ValueError(f"history[{key!r}] is empty: no epoch was recorded")
            curves[key] = values.astype(float)
    if len({values.size for values in curves.values()}) > 1:
        sizes = " but ".join(f"history[{key!r}] has {v.size}" for key, v in curves.items())
        raise ValueError(f"{sizes} epochs: there must be one value per epoch in each")
    return curves


def _axes(ax: Any, count: int, figsize: tuple[float, float]) -> list[Axes]:
    """``count`` Axes: those of a new figure if ``ax`` is None, else the ones in ``ax``, checked."""
    if ax is None:
        import matplotlib.pyplot as plt  # here, so that importing helpers picks no backend

        _, grid = plt.subplots(1, count, figsize=figsize, layout="constrained", squeeze=False)
        return list(grid[0])
    axes = list(np.ravel(ax))
    if len(axes) != count or not all(isinstance(one, Axes) for one in axes):
        raise TypeError(
            f"ax must be None or {count} matplotlib Axes, one per plot (e.g. from "
            f"fig, ax = plt.subplots()); got {ax!r:.80}"
        )
    return axes


def plot_history(
    history: Any,
    *,
    ax: Axes | Sequence[Axes] | None = None,
    title: str | None = None,
    metrics: str | Sequence[str] = "loss",
    log_y: bool = False,
) -> Axes | list[Axes]:
    """Plot training curves: a metric per epoch, for the training and the validation data.

    Introduced in lesson 02 (02_scaling.ipynb). One plot per metric (different metrics have
    different scales), each with a "train" curve and, if recorded, a dashed "validation" curve.

    Args:
        history: what ``model.fit`` returns, its ``.history`` dict or a DataFrame of it.
        ax: where to draw: one Axes per metric; ``None`` makes a new figure.
        title: the plot's title; with several metrics, the figure's title.
        metrics: the names given to ``model.compile``, without ``val_``, e.g. ``["loss", "mae"]``.
        log_y: a logarithmic y axis, for a loss that falls by orders of magnitude (values > 0).

    Returns:
        The Axes, or with several metrics a list of Axes in the order of ``metrics``.
    """
    names = [metrics] if isinstance(metrics, str) else list(metrics)
    for name in names:
        if str(name).startswith("val_"):
            raise ValueError(
                f"give metric names without 'val_' (got {name!r}): the validation curve is drawn "
                f"next to the training curve by itself, e.g. metrics=[{name[4:]!r}]"
            )
    # Everything is checked before anything is drawn: an error leaves no half-made figure.
    panels = [history_curves(history, name) for name in names]
    for curves in panels:
        if log_y and any((values <= 0).any() for values in curves.values()):
            raise ValueError(f"log_y needs values > 0, but {' or '.join(curves)} has values <= 0")
    axes = _axes(ax, len(names), (6.0, 4.0) if len(names) == 1 else (9.6, 4.0))

    for curves, one_ax, name in zip(panels, axes, names, strict=True):
        epochs = np.arange(1, curves[name].size + 1)
        marker = "o" if epochs.size <= 30 else None  # few epochs: each value also as a dot
        for key, values in curves.items():
            if key.startswith("val_"):
                one_ax.plot(epochs, values, "--", marker=marker, markersize=4, label="validation")
            else:
                one_ax.plot(epochs, values, "-", marker=marker, markersize=4, label="train")
        one_ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
        one_ax.set(xlabel="epoch", ylabel=name)
        if log_y:  # with plain tick labels: 20, 100, 1000 rather than 2×10¹, 10², 10³
            one_ax.set_yscale("log")
            one_ax.yaxis.set_major_formatter(LogFormatter())
            one_ax.yaxis.set_minor_formatter(LogFormatter())
        one_ax.legend()
    if title and len(axes) > 1:
        axes[0].figure.suptitle(title)
    elif title:
        axes[0].set_title(title)
    return axes[0] if len(axes) == 1 else axes


def _column(values: Any, name: str) -> np.ndarray:
    """``values`` as one column of finite numbers, or a clear error that names the argument."""
    try:
        column = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must hold numbers (a list, array, Series or column)") from None
    if column.ndim == 2 and column.shape[1] == 1:  # model.predict gives shape (n, 1)
        column = column[:, 0]
    if column.ndim != 1 or column.size == 0:
        raise ValueError(
            f"{name} must be one non-empty column of numbers; got shape {column.shape}"
        )
    if not np.isfinite(column).all():
        raise ValueError(f"{name} has NaN or infinite values, which cannot be drawn")
    return column


def plot_predictions(
    y_true: Any,
    y_pred: Any,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    unit: str | None = None,
) -> Axes:
    """Scatter each prediction (y axis) against its true value (x axis).

    Introduced in lesson 01 (01_models_and_error.ipynb). A perfect model puts every point on
    the dashed line ``y = x``: points above it are over-predictions, points below it
    under-predictions. Both axes get the same limits and scale, so that distances are honest.

    Args:
        y_true: the true targets (list, array, Series or one-column DataFrame).
        y_pred: the predictions, as many; ``model.predict(X)`` of shape ``(n, 1)`` is fine.
        ax: the Axes to draw on; ``None`` makes a new, square figure.
        title: the plot's title.
        unit: the targets' unit, shown in the axis labels, e.g. ``"mpg"``.
    """
    true, pred = _column(y_true, "y_true"), _column(y_pred, "y_pred")
    if true.size != pred.size:
        raise ValueError(
            f"y_true and y_pred must have the same length; got {true.size} and {pred.size}"
        )
    ax = _axes(ax, 1, (5.0, 5.0))[0]
    low, high = min(true.min(), pred.min()), max(true.max(), pred.max())
    pad = 0.05 * (high - low) or 1.0
    limits = (low - pad, high + pad)
    ax.scatter(
        true, pred, s=18, alpha=0.7, edgecolors="none", label=f"predictions (n = {true.size})"
    )
    ax.plot(limits, limits, "k--", linewidth=1.2, label="perfect prediction (y = x)")
    suffix = f" [{unit}]" if unit else ""
    ax.set(xlim=limits, ylim=limits, xlabel=f"actual{suffix}", ylabel=f"predicted{suffix}")
    ax.set_aspect("equal", adjustable="box")
    if title:
        ax.set_title(title)
    ax.legend(loc="upper left")
    return ax
