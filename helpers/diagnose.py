"""Name the pattern of a learning curve: diverging, overfitting, not converged, or good.

:func:`diagnose_history` reads the losses that ``model.fit`` recorded, one per epoch, and
returns a :class:`Diagnosis`: a label and a one-line reason with the numbers behind it::

    history = model.fit(X_train, y_train, epochs=30, validation_data=(X_val, y_val), verbose=0)
    print(diagnose_history(history))
    # good: the validation loss fell from 91.5 to 9.49 and is flat at the end (-0.9% over the last 2 epochs)

The rules, checked in this order (the first one that matches wins):

1. **diverging** -- a loss is NaN or infinite (any number of epochs is enough to see that), or the
   training loss is growing: its lowest value came before the last epochs, and the last epochs
   are, on average, more than :data:`TRAIN_RISE` (10 %) above it. The usual cause is a learning
   rate that is too large. A loss that is NaN or infinite *from the first epoch* can also come from
   NaN or inf values in the data (every row is used in every epoch, so bad data shows at once, at
   any learning rate): the reason then says to check the data first.
2. **overfitting** -- the validation loss reached its minimum before the last epochs and, on
   average over the last epochs, is more than :data:`OVERFIT_RISE` (10 %) above that minimum.
   The model has started to learn its training rows instead of the pattern.
3. **not converged** -- the training loss barely moved (it ended less than :data:`BARELY_MOVED`,
   10 %, below its first value), or the loss is still falling clearly: over the last epochs it
   fell by more than :data:`STILL_FALLING` (10 %), or by more than :data:`STEADY_SHARE` (5 %) of
   its whole fall since the first epoch (a steady slope). Train longer, or raise the learning rate.
4. **good** -- none of the above: a drop, then a flat end.

Which curve is read: the validation loss (``val_loss``) when the history has it, else the
training loss (``loss``). **Without val_loss** the diagnosis is made on the training loss alone:
it can say diverging, not converged or good, but never overfitting, because overfitting only
shows on data the model does not train on; the reason then says so.

"Before the last epochs" and "the last epochs" mean the last ``max(1, round(n / 5))`` epochs of
an ``n``-epoch run, averaged, so one noisy epoch does not decide. At least :data:`MIN_EPOCHS`
epochs are needed to read a shape (a ValueError otherwise), except that a NaN or infinite loss is
diagnosed as diverging at any length. The rules assume a run that starts from an untrained model.

This module never imports Keras or TensorFlow: a Keras ``History`` is recognised by its
``.history`` dict (duck typing).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "BARELY_MOVED",
    "Diagnosis",
    "LABELS",
    "MIN_EPOCHS",
    "OVERFIT_RISE",
    "STEADY_SHARE",
    "STILL_FALLING",
    "TINY",
    "TRAIN_RISE",
    "diagnose_history",
]

#: The four labels, in the order the rules are checked.
LABELS: tuple[str, ...] = ("diverging", "overfitting", "not converged", "good")

#: The fewest epochs whose curve has a shape to read.
MIN_EPOCHS = 3
#: diverging: the training loss of the last epochs is more than this fraction above its lowest value.
TRAIN_RISE = 0.10
#: rises and falls smaller than this fraction of the first epoch's loss are ignored (float noise).
TINY = 1e-3
#: overfitting: the last epochs' mean validation loss is more than this fraction above its minimum.
OVERFIT_RISE = 0.10
#: not converged: the loss fell by more than this fraction over the last fifth of the epochs ...
STILL_FALLING = 0.10
#: ... or that fall was more than this share of its whole fall since the first epoch (a steady slope).
STEADY_SHARE = 0.05
#: not converged: the training loss ended less than this fraction below its first value.
BARELY_MOVED = 0.10

_EXPECTED = "diagnose_history expects a Keras History (what model.fit returns) or its .history dict"


@dataclass(frozen=True)
class Diagnosis:
    """The result of :func:`diagnose_history`: a label from :data:`LABELS` and a one-line reason.

    ``str(diagnosis)`` (and so ``print(diagnosis)``) gives ``"label: reason"``.

    >>> d = Diagnosis("good", "the loss fell from 9 to 1 and is flat at the end")
    >>> print(d)
    good: the loss fell from 9 to 1 and is flat at the end
    >>> d.label
    'good'
    """

    label: str
    reason: str

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(f"label must be one of {LABELS}, not {self.label!r}")

    def __str__(self) -> str:
        return f"{self.label}: {self.reason}"


def diagnose_history(history: Any) -> Diagnosis:
    """Name the pattern of a learning curve, with a one-line reason.

    Args:
        history: what ``model.fit`` returns (a Keras ``History``), its ``.history`` dict
            (``{"loss": [...], "val_loss": [...], ...}``), or ``pd.DataFrame(history.history)``.
            Only ``loss`` and ``val_loss`` are read; other keys (``mae``, ...) are ignored.

    Returns:
        A :class:`Diagnosis` whose label is ``"diverging"``, ``"overfitting"``,
        ``"not converged"`` or ``"good"`` (the rules are in the module's docstring).

    Raises:
        TypeError: ``history`` is not a History, dict or DataFrame; or a loss is not a flat
            list of numbers.
        ValueError: there is no ``loss`` key; a loss list is empty or negative; ``loss`` and
            ``val_loss`` have different lengths; or there are fewer than :data:`MIN_EPOCHS`
            epochs (and no NaN or infinite value).

    >>> print(diagnose_history({"loss": [9.0, 3.0, 2.0, 1.9, 1.8], "val_loss": [8.0, 3.5, 2.7, 2.6, 2.55]}))
    good: the validation loss fell from 8 to 2.55 and is flat at the end (-1.9% over the last epoch)
    >>> diagnose_history({"loss": [9.0, 5.0, 3.0, 2.0, 1.0]}).label
    'not converged'
    >>> diagnose_history({"loss": [9.0, float("nan")]}).label
    'diverging'
    """
    curves = _curves(history)
    loss = curves["loss"]
    val = curves.get("val_loss")
    n = len(loss)

    for name, values in (("training", loss), ("validation", val)):
        if values is not None:
            bad = next((i for i, v in enumerate(values) if not math.isfinite(v)), None)
            if bad is not None and bad == 0:
                return Diagnosis("diverging", _from_the_start(name, values[0]))
            if bad is not None:
                return Diagnosis("diverging", f"the {name} loss became {_fmt(values[bad])} at epoch {bad + 1}"
                                 f"{_before(values, bad)}: lower the learning rate")
    if n < MIN_EPOCHS:
        raise ValueError(f"the history has {n} epoch{'s' if n != 1 else ''}; a learning curve needs at least "
                         f"{MIN_EPOCHS} to have a shape: train for more epochs")

    window = max(1, round(n / 5))
    lowest = min(loss)
    low_at = loss.index(lowest)
    end = _mean(loss[-window:])
    if low_at < n - window and end > (1 + TRAIN_RISE) * lowest and end - lowest > TINY * loss[0]:
        return Diagnosis("diverging", f"the training loss is growing: lowest at epoch {low_at + 1} ({_fmt(lowest)}), "
                         f"{_last(window)} {_above(end, lowest)}: lower the learning rate")

    if val is not None:
        best = min(val)
        best_at = val.index(best)
        end = _mean(val[-window:])
        if best_at < n - window and end > (1 + OVERFIT_RISE) * best:
            trend = "kept falling" if loss[-1] < loss[best_at] else "did not fall"
            return Diagnosis("overfitting", f"the validation loss was lowest at epoch {best_at + 1} ({_fmt(best)}); "
                             f"{_last(window)} {_above(end, best)}, while the training loss "
                             f"{trend} ({_fmt(loss[best_at])} -> {_fmt(loss[-1])})")

    curve, which = (val, "validation") if val is not None else (loss, "training")
    note = "" if val is not None else "; no val_loss, so overfitting cannot be seen"
    if loss[-1] > (1 - BARELY_MOVED) * loss[0]:
        return Diagnosis("not converged", f"the training loss barely moved ({_fmt(loss[0])} -> {_fmt(loss[-1])}): "
                         f"raise the learning rate or train longer{note}")
    before, after = _mean(curve[-2 * window:-window]), _mean(curve[-window:])
    change = after / before - 1 if before > 0 else 0.0
    whole_fall = max(loss[0], curve[0]) - min(curve)
    share = (before - after) / whole_fall if whole_fall > TINY * loss[0] else 0.0
    if change < -STILL_FALLING:
        return Diagnosis("not converged", f"the {which} loss is still falling: {_pct(change)}{_over(window)} "
                         f"(now {_fmt(curve[-1])}): train longer or raise the learning rate{note}")
    if share > STEADY_SHARE:
        return Diagnosis("not converged", f"the {which} loss is still falling steadily: {_pct(change)}{_over(window)}, "
                         f"{share * 100:.0f}% of its whole fall (now {_fmt(curve[-1])}): train longer or raise "
                         f"the learning rate{note}")
    return Diagnosis("good", f"the {which} loss fell from {_fmt(curve[0])} to {_fmt(curve[-1])} and is flat at "
                     f"the end ({_pct(change)}{_over(window)}){note}")


# ------------------------------------------------------------------------------ helpers


def _curves(history: Any) -> dict[str, list[float]]:
    """``{"loss": [...], "val_loss": [...]}`` from a History, dict or DataFrame, checked."""
    if isinstance(history, Mapping):
        found = dict(history)
    elif hasattr(history, "columns") and hasattr(history, "to_dict"):  # a pandas DataFrame
        found = {str(column): list(history[column]) for column in history.columns}
    else:
        inner = getattr(history, "history", None)
        if isinstance(inner, Mapping):
            found = dict(inner)
        elif inner is not None and isinstance(getattr(inner, "history", None), Mapping):
            raise TypeError(f"{_EXPECTED}; got {type(history).__name__}, which looks like the model itself. "
                            "Keep what fit returns: history = model.fit(...); diagnose_history(history)")
        else:
            raise TypeError(f"{_EXPECTED}; got {type(history).__name__}")
    if "loss" not in found:
        raise ValueError(f"the history has no 'loss' key; found keys: {sorted(map(str, found))}")
    curves = {"loss": _numbers(found["loss"], "loss")}
    if "val_loss" in found:
        curves["val_loss"] = _numbers(found["val_loss"], "val_loss")
        if len(curves["val_loss"]) != len(curves["loss"]):
            raise ValueError(f"history['loss'] has {len(curves['loss'])} epochs but history['val_loss'] "
                             f"has {len(curves['val_loss'])}: they must have one value per epoch each")
    return curves


def _numbers(values: Any, key: str) -> list[float]:
    """The values of ``history[key]`` as a list of floats, one per epoch, checked."""
    if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, _array_types())):
        raise TypeError(f"history[{key!r}] must be a list of numbers, one per epoch; got {type(values).__name__}")
    out = []
    for value in list(values):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"history[{key!r}] must hold numbers, one per epoch; found {value!r}")
        out.append(float(value))
    if not out:
        raise ValueError(f"history[{key!r}] is empty: no epoch was recorded")
    if any(v < 0 for v in out):
        raise ValueError(f"history[{key!r}] has negative values; diagnose_history reads losses such as MSE or MAE, "
                         "which are never negative")
    return out


def _array_types() -> tuple[type, ...]:
    """NumPy arrays and pandas Series count as lists of numbers (imported lazily, both optional)."""
    types: list[type] = []
    try:
        import numpy as np

        types.append(np.ndarray)
    except ImportError:  # pragma: no cover - numpy is a dependency of the course
        pass
    try:
        import pandas as pd

        types.append(pd.Series)
    except ImportError:  # pragma: no cover
        pass
    return tuple(types)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _fmt(value: float) -> str:
    """Three significant digits, written plainly (16.4, 0.186, 307, 7.51e+25): enough to read a curve,
    and not more than other CPUs reproduce (they change the last digits of float32 results)."""
    if not math.isfinite(value):
        return str(value)  # nan, inf
    return f"{float(f'{value:.3g}'):g}"


def _pct(fraction: float) -> str:
    """A signed percentage: whole numbers from 10 % up ('+23%'), one decimal below ('-4.5%')."""
    percent = abs(fraction) * 100
    shown = f"{percent:.0f}" if percent >= 10 else f"{percent:.1f}"
    return f"{'+' if fraction >= 0 else '-'}{shown}%"


def _above(value: float, base: float) -> str:
    """'+24% above that', or, from a lowest value of exactly 0, '0.5 (above 0)'."""
    return f"{_pct(value / base - 1)} above that" if base > 0 else f"{_fmt(value)} (above 0)"


def _over(window: int) -> str:
    return " over the last epoch" if window == 1 else f" over the last {window} epochs"


def _last(window: int) -> str:
    return "the last epoch is" if window == 1 else f"the last {window} epochs average"


def _from_the_start(name: str, value: float) -> str:
    """The reason for a loss that is NaN or infinite from the first epoch: the data, or the learning rate.

    Every row is used in every epoch, so a NaN or inf in the data shows in the first epoch already, at
    any learning rate; a learning rate that is too large usually makes the loss grow first. A validation
    loss that is bad from the start while the training loss is finite points to the validation data.
    """
    if name == "validation":
        return (f"the validation loss was {_fmt(value)} from epoch 1 while the training loss stayed finite: "
                "look for NaN or inf values in the validation data (np.isnan(X_val).any(), np.isnan(y_val).any())")
    return (f"the training loss was {_fmt(value)} from epoch 1: look for NaN or inf values in the training data "
            "first (np.isnan(X_train).any(), np.isnan(y_train).any()); if there are none, lower the learning rate")


def _before(values: Sequence[float], bad: int) -> str:
    """' (it was 1.2e+19 at epoch 3)' when a finite value comes before the first NaN or inf."""
    if bad == 0:
        return ""
    return f" (it was {_fmt(values[bad - 1])} at epoch {bad})"
