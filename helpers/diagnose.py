"""Name the pattern of a learning curve: diverging, overfitting, not converged, or good.

:func:`diagnose_history` reads the losses that ``model.fit`` recorded. Its rules, in this order:

1. **diverging**: a loss is NaN or infinite, or the training loss is growing (the last epochs
   are more than 10 % above its lowest value). Usually the learning rate is too large; a loss
   that is NaN from the first epoch more often means NaN values in the data.
2. **overfitting**: the validation loss was lowest before the last epochs, which are on average
   more than 10 % above that lowest value.
3. **not converged**: the training loss ended less than 10 % below its first value, or the loss
   still fell by more than 10 % over the last epochs, or by more than 5 % of its whole fall.
4. **good**: none of the above: a drop, then a flat end.

The curve read is ``val_loss``, or ``loss`` if there is none (then overfitting cannot be seen).
"The last epochs" are the last fifth of the run (at least one), averaged over.
"""

import math
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from helpers.plots import history_curves

LABELS = ("diverging", "overfitting", "not converged", "good")  # in the order they are checked
MIN_EPOCHS = 3  # the fewest epochs whose curve has a shape
TRAIN_RISE = 0.10  # diverging: the training loss's last epochs are this much above its lowest
OVERFIT_RISE = 0.10  # overfitting: the last epochs' validation loss is this much above its lowest
BARELY_MOVED = 0.10  # not converged: the training loss ended less than this below its first value
STILL_FALLING = 0.10  # not converged: the loss fell more than this over the last epochs ...
STEADY_SHARE = 0.05  # ... or more than this share of its whole fall (a steady slope)
TINY = 1e-3  # changes smaller than this share of the first loss are float noise


@dataclass(frozen=True)
class Diagnosis:
    """A label from :data:`LABELS` and a one-line reason; ``print`` shows ``label: reason``."""

    label: str
    reason: str

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(f"label must be one of {LABELS}, not {self.label!r}")

    def __str__(self) -> str:
        return f"{self.label}: {self.reason}"


def diagnose_history(history: Any) -> Diagnosis:
    """Name the pattern of a learning curve, with a one-line reason (the rules are above).

    Introduced in lesson 05 (05_fit_and_history.ipynb). ``history`` is what ``model.fit`` returns,
    its ``.history`` dict or a DataFrame of it; only ``loss`` and ``val_loss`` are read. It needs
    :data:`MIN_EPOCHS` epochs or more, unless a loss is NaN or infinite (a ValueError otherwise).

    >>> print(diagnose_history({"loss": [9, 4, 3, 2.9, 2.8], "val_loss": [9, 5, 4, 3.9, 3.85]}))
    good: the validation loss fell from 9 to 3.85 and is flat at the end (-1.3% over the last epoch)
    """
    curves = {key: values.tolist() for key, values in history_curves(history).items()}
    if any(v < 0 for values in curves.values() for v in values):
        raise ValueError("the history has negative losses, but a loss (MSE, MAE) is never negative")
    loss, val = curves["loss"], curves.get("val_loss")

    for name, values in (("training", loss), ("validation", val or [])):
        bad = next((i for i, v in enumerate(values) if not math.isfinite(v)), None)
        if bad == 0:  # NaN from the first epoch, at any learning rate: most often NaN in the data
            x, y = ("X_train", "y_train") if name == "training" else ("X_val", "y_val")
            then = "; if there are none, lower the learning rate" if name == "training" else ""
            return Diagnosis(
                "diverging",
                f"the {name} loss was {_fmt(values[0])} from epoch 1: look for NaN or inf values "
                f"in the {name} data first (np.isnan({x}).any(), np.isnan({y}).any()){then}",
            )
        if bad is not None:
            return Diagnosis(
                "diverging",
                f"the {name} loss became {_fmt(values[bad])} at epoch {bad + 1} "
                f"(it was {_fmt(values[bad - 1])} at epoch {bad}): lower the learning rate",
            )
    n = len(loss)
    if n < MIN_EPOCHS:
        raise ValueError(
            f"the history has {n} epoch{'s' if n != 1 else ''}; a learning curve needs at "
            f"least {MIN_EPOCHS} to have a shape: train for more epochs"
        )

    window = max(1, round(n / 5))
    last = "the last epoch is" if window == 1 else f"the last {window} epochs average"
    over = " over the last epoch" if window == 1 else f" over the last {window} epochs"
    lowest = min(loss)
    low_at, end = loss.index(lowest), fmean(loss[-window:])
    if low_at < n - window and end > (1 + TRAIN_RISE) * lowest and end - lowest > TINY * loss[0]:
        return Diagnosis(
            "diverging",
            f"the training loss is growing: lowest at epoch {low_at + 1} "
            f"({_fmt(lowest)}), {last} {_above(end, lowest)}: lower the learning rate",
        )
    if val is not None:
        best = min(val)
        best_at, end = val.index(best), fmean(val[-window:])
        if best_at < n - window and end > (1 + OVERFIT_RISE) * best:
            trend = "kept falling" if loss[-1] < loss[best_at] else "did not fall"
            return Diagnosis(
                "overfitting",
                f"the validation loss was lowest at epoch {best_at + 1} "
                f"({_fmt(best)}); {last} {_above(end, best)}, while the training "
                f"loss {trend} ({_fmt(loss[best_at])} -> {_fmt(loss[-1])})",
            )

    curve, which = (val, "validation") if val is not None else (loss, "training")
    note = "" if val is not None else "; no val_loss, so overfitting cannot be seen"
    if loss[-1] > (1 - BARELY_MOVED) * loss[0]:
        return Diagnosis(
            "not converged",
            f"the training loss barely moved ({_fmt(loss[0])} -> {_fmt(loss[-1])}): "
            f"raise the learning rate or train longer{note}",
        )
    before, after = fmean(curve[-2 * window : -window]), fmean(curve[-window:])
    change = after / before - 1 if before > 0 else 0.0
    whole_fall = max(loss[0], curve[0]) - min(curve)
    share = (before - after) / whole_fall if whole_fall > TINY * loss[0] else 0.0
    if change < -STILL_FALLING or share > STEADY_SHARE:  # a fast fall, or a steady slope
        how = "" if change < -STILL_FALLING else f", {share * 100:.0f}% of its whole fall"
        return Diagnosis(
            "not converged",
            f"the {which} loss is still falling{' steadily' if how else ''}: {_pct(change)}{over}"
            f"{how} (now {_fmt(curve[-1])}): train longer or raise the learning rate{note}",
        )
    return Diagnosis(
        "good",
        f"the {which} loss fell from {_fmt(curve[0])} to {_fmt(curve[-1])} and is flat at the end "
        f"({_pct(change)}{over}){note}",
    )


def _fmt(value: float) -> str:
    """Three significant digits (16.4, 0.186, 7.51e+25): other CPUs change the last ones."""
    return f"{float(f'{value:.3g}'):g}"


def _pct(fraction: float) -> str:
    """A signed percentage: whole from 10 % up ('+23%'), one decimal below ('-4.5%')."""
    percent = abs(fraction) * 100
    return f"{'+' if fraction >= 0 else '-'}{percent:.{0 if percent >= 10 else 1}f}%"


def _above(value: float, base: float) -> str:
    """'+24% above that', or, above a lowest value of exactly 0, '0.5 (above 0)'."""
    return f"{_pct(value / base - 1)} above that" if base > 0 else f"{_fmt(value)} (above 0)"
