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

from helpers.language import N_, _
from helpers.plots import history_curves

# In the order they are checked; code compares them in English, print translates them.
LABELS = (N_("diverging"), N_("overfitting"), N_("not converged"), N_("good"))
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

    def __str__(self) -> str:
        return f"{_(self.label)}: {self.reason}"


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
        message = _("the history has negative losses, but a loss (MSE, MAE) is never negative")
        raise ValueError(message)
    loss, val = curves["loss"], curves.get("val_loss")
    details: dict[str, Any]  # what the reasons name: each reason (translated by _) takes its own

    for name, values in ((N_("training"), loss), (N_("validation"), val or [])):
        bad = next((i for i, v in enumerate(values) if not math.isfinite(v)), None)
        if bad is None:
            continue
        x, y = ("X_train", "y_train") if name == "training" else ("X_val", "y_val")
        then = _("; if there are none, lower the learning rate") if name == "training" else ""
        details = {"name": _(name), "value": _fmt(values[bad]), "x": x, "y": y, "then": then}
        details |= {"epoch": bad + 1, "before": _fmt(values[bad - 1]), "previous": bad}
        reason = _(
            "the {name} loss became {value} at epoch {epoch} (it was {before} at epoch "
            "{previous}): lower the learning rate"
        )
        if bad == 0:  # NaN from the first epoch, at any learning rate: most often NaN in the data
            reason = _(
                "the {name} loss was {value} from epoch 1: look for NaN or inf values in the "
                "{name} data first (np.isnan({x}).any(), np.isnan({y}).any()){then}"
            )
        return Diagnosis("diverging", reason.format(**details))
    n = len(loss)
    if n < MIN_EPOCHS:
        epochs = (_("{n} epoch") if n == 1 else _("{n} epochs")).format(n=n)
        message = _(
            "the history has {epochs}; a learning curve needs at least {least} to have a shape: "
            "train for more epochs"
        )
        raise ValueError(message.format(epochs=epochs, least=MIN_EPOCHS))

    window = max(1, round(n / 5))
    last = _("the last epoch is") if window == 1 else _("the last {window} epochs average")
    over = _("over the last epoch") if window == 1 else _("over the last {window} epochs")
    details = {"last": last.format(window=window), "over": over.format(window=window)}
    lowest = min(loss)
    low_at, end = loss.index(lowest), fmean(loss[-window:])
    if low_at < n - window and end > (1 + TRAIN_RISE) * lowest and end - lowest > TINY * loss[0]:
        reason = _(
            "the training loss is growing: lowest at epoch {epoch} ({lowest}), {last} {above}: "
            "lower the learning rate"
        )
        details |= {"epoch": low_at + 1, "lowest": _fmt(lowest), "above": _above(end, lowest)}
        return Diagnosis("diverging", reason.format(**details))
    if val is not None:
        best = min(val)
        best_at, end = val.index(best), fmean(val[-window:])
        if best_at < n - window and end > (1 + OVERFIT_RISE) * best:
            trend = _("kept falling") if loss[-1] < loss[best_at] else _("did not fall")
            reason = _(
                "the validation loss was lowest at epoch {epoch} ({lowest}); {last} {above}, "
                "while the training loss {trend} ({then} -> {now})"
            )
            details |= {"epoch": best_at + 1, "lowest": _fmt(best), "above": _above(end, best)}
            details |= {"trend": trend, "then": _fmt(loss[best_at]), "now": _fmt(loss[-1])}
            return Diagnosis("overfitting", reason.format(**details))

    curve, which = (val, _("validation")) if val is not None else (loss, _("training"))
    note = "" if val is not None else _("; no val_loss, so overfitting cannot be seen")
    before, after = fmean(curve[-2 * window : -window]), fmean(curve[-window:])
    change = after / before - 1 if before > 0 else 0.0
    whole_fall = max(loss[0], curve[0]) - min(curve)
    share = (before - after) / whole_fall if whole_fall > TINY * loss[0] else 0.0
    details |= {"which": which, "note": note, "first": _fmt(curve[0]), "now": _fmt(curve[-1])}
    details |= {"change": _pct(change), "fall": _pct(-change)[1:], "share": f"{share * 100:.0f}%"}
    label = "not converged"
    if loss[-1] > (1 - BARELY_MOVED) * loss[0]:
        reason = _(
            "the training loss barely moved ({start} -> {end}): raise the learning rate or "
            "train longer{note}"
        )
        details |= {"start": _fmt(loss[0]), "end": _fmt(loss[-1])}
    elif change < -STILL_FALLING:  # a fast fall
        reason = _(
            "the {which} loss is still falling: down {fall} {over} (now {now}): train longer or "
            "raise the learning rate{note}"
        )
    elif share > STEADY_SHARE:  # a steady slope
        reason = _(
            "the {which} loss is still falling steadily: down {fall} {over}, {share} of its whole "
            "fall (now {now}): train longer or raise the learning rate{note}"
        )
    else:
        label = "good"
        reason = _(
            "the {which} loss fell from {first} to {now} and is flat at the end "
            "({change} {over}){note}"
        )
    return Diagnosis(label, reason.format(**details))


def _fmt(value: float) -> str:
    """Three significant digits (16.4, 0.186, 7.51e+25): other CPUs change the last ones."""
    return f"{float(f'{value:.3g}'):g}"


def _pct(fraction: float) -> str:
    """A signed percentage: whole from 10 % up ('+23%'), one decimal below ('-4.5%')."""
    percent = abs(fraction) * 100
    return f"{'+' if fraction >= 0 else '-'}{percent:.{0 if percent >= 10 else 1}f}%"


def _above(value: float, base: float) -> str:
    """'24% above that' (``value`` is larger), or, above a lowest value of 0, '0.5 (above 0)'."""
    if base > 0:
        return _("{percent} above that").format(percent=_pct(value / base - 1)[1:])
    return _("{value} (above 0)").format(value=_fmt(value))
