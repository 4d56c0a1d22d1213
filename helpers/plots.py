"""Two plots for the course: training curves and predicted-vs-actual.

Both return the Axes they drew on, so you can adjust them (``ax.set_ylabel("loss: MSE [mpg²]")``);
pass ``ax=`` to draw inside a figure of your own. A notebook shows the figure by itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import LogFormatter, MaxNLocator

from helpers.language import _
from helpers.metrics import as_columns


def history_curves(history: Any, metric: str = "loss") -> dict[str, np.ndarray]:
    """The values of ``metric`` per epoch, and of ``val_{metric}`` if recorded, checked.

    ``history`` is what ``model.fit`` returns, its ``.history`` dict or a DataFrame of it.
    Returns e.g. ``{"loss": array, "val_loss": array}``. Used by ``plot_history`` (lesson 02)
    and ``diagnose_history`` (lesson 05).
    """
    found = getattr(history, "history", history)
    if isinstance(found, pd.DataFrame):
        found = dict(found)
    if not isinstance(found, Mapping):
        message = _(
            "expected a Keras History (what model.fit returns), its .history dict or a DataFrame "
            "of it; got {type}"
        )
        if hasattr(found, "history"):  # model.history is the History of its last fit
            message += _(", which looks like the model itself: use history = model.fit(...)")
        raise TypeError(message.format(type=type(history).__name__))
    if metric not in found:
        message = _(
            "the history has no {metric!r} key; found keys: {keys}. A metric "
            "is recorded only if it is listed in model.compile(metrics=[...])"
        )
        raise ValueError(message.format(metric=metric, keys=sorted(map(str, found))))
    curves = {}
    for key in (metric, f"val_{metric}"):
        if key in found:
            values = np.asarray(found[key])
            if values.ndim != 1 or values.dtype.kind not in "iuf":
                message = _("history[{key!r}] must be a list of numbers, one per epoch")
                raise TypeError(message.format(key=key))
            if values.size == 0:
                raise ValueError(_("history[{key!r}] is empty: no epoch was recorded", key=key))
            curves[key] = values.astype(float)
    if len({values.size for values in curves.values()}) > 1:
        sizes = [_("history[{key!r}] has {n}").format(key=k, n=v.size) for k, v in curves.items()]
        message = _("{sizes} epochs: there must be one value per epoch in each")
        raise ValueError(message.format(sizes=_(" but ").join(sizes)))
    return curves


def drawing_axes(ax: Any, count: int, figsize: tuple[float, float]) -> list[Axes]:
    """``count`` Axes to draw on: those of a new figure if ``ax`` is None, else those in ``ax``,
    checked. Used by plot_predictions (lesson 01), draw_network (lesson 03) and plot_history."""
    if ax is None:
        import matplotlib.pyplot as plt  # here, so that importing helpers picks no backend

        figure, grid = plt.subplots(1, count, figsize=figsize, layout="constrained", squeeze=False)
        return list(grid[0])
    axes = list(np.ravel(ax))
    if len(axes) != count or not all(isinstance(one, Axes) for one in axes):
        message = _(
            "ax must be None or {count} matplotlib Axes, one per plot (e.g. from "
            "fig, ax = plt.subplots()); got {ax!r:.80}"
        )
        raise TypeError(message.format(count=count, ax=ax))
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
    ``metrics``: the names given to ``model.compile``, without ``val_``, e.g. ``["loss", "mae"]``;
    ``ax``: one Axes per metric (None: a new figure); ``log_y``: for a loss that falls by orders of
    magnitude. Returns the Axes, or with several metrics a list of them.
    """
    names = [metrics] if isinstance(metrics, str) else list(metrics)
    for name in names:
        if str(name).startswith("val_"):
            message = _(
                "give metric names without 'val_' (got {name!r}): the validation curve is drawn "
                "next to the training curve by itself, e.g. metrics=[{bare!r}]"
            )
            raise ValueError(message.format(name=name, bare=name[4:]))
    # Everything is checked before anything is drawn: an error leaves no half-made figure.
    panels = [history_curves(history, name) for name in names]
    for curves in panels:
        if log_y and any((values <= 0).any() for values in curves.values()):
            message = _("log_y needs values > 0, but {keys} has values <= 0")
            raise ValueError(message.format(keys=_(" or ").join(curves)))
    axes = drawing_axes(ax, len(names), (6.0, 4.0) if len(names) == 1 else (9.6, 4.0))

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
    ``y_pred`` may be ``model.predict(X)`` of shape ``(n, 1)``; ``unit`` (e.g. ``"mpg"``) is shown
    in the axis labels.
    """
    true, pred = as_columns(y_true, y_pred)
    ax = drawing_axes(ax, 1, (5.0, 5.0))[0]
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
