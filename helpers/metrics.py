"""Regression metrics side by side, computed with scikit-learn (``sklearn.metrics``).

MAPE if a target is 0 and R2 if all targets are equal are NaN here, with a warning that says why
(scikit-learn gives misleading numbers there, such as a MAPE of 1e17 % or an R2 of 0)."""

import numbers
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from sklearn import metrics

from helpers.language import _


def as_columns(y_true: Any, y_pred: Any, pred_name: str = "y_pred") -> tuple[Any, Any]:
    """Targets and predictions (lists, arrays, Series, one column) as two 1-D float arrays of one
    length, or an error naming the argument. Used here and by plot_predictions (lesson 01)."""
    true, pred = _as_1d(y_true, "y_true"), _as_1d(y_pred, pred_name)
    if true.size != pred.size:
        message = _("y_true has {n} values but {name} has {m}")
        raise ValueError(message.format(n=true.size, name=pred_name, m=pred.size))
    return true, pred


def _as_1d(values: Any, arg: str) -> np.ndarray:
    if isinstance(values, np.ma.MaskedArray):  # NumPy would use the hidden values too
        message = _("{arg} is a masked array; drop the masked values first (.compressed())")
        raise TypeError(message.format(arg=arg))
    python_values = np.array(values, dtype=object)  # None or pd.NA where a value is missing
    flat = [np.nan if v is None or v is pd.NA else v for v in python_values.flat]
    bad = [v for v in flat if type(v) is bool or not isinstance(v, numbers.Real)]
    if bad:  # text, True/False, dates, nested lists...
        message = _("{arg} must hold numbers (int or float); got {bad!r} in it")
        raise TypeError(message.format(arg=arg, bad=bad[0]))
    array: np.ndarray = np.array(flat, float).reshape(python_values.shape)
    array = array[:, 0] if array.ndim == 2 and array.shape[1] == 1 else array  # model.predict
    if array.ndim != 1 or array.size == 0:
        message = _("{arg} must be 1-D (or one column), not empty; got shape {shape}")
        raise ValueError(message.format(arg=arg, shape=array.shape))
    if not np.isfinite(array).all():
        message = _("{arg} has NaN or infinite values (in predictions: training diverged?)")
        raise ValueError(message.format(arg=arg))
    return array


def _scores(true: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    with np.errstate(over="raise"):  # a square too large for a float: FloatingPointError, not inf
        scores = {
            "MSE": metrics.mean_squared_error(true, pred),
            "RMSE": metrics.root_mean_squared_error(true, pred),
            "MAE": metrics.mean_absolute_error(true, pred),
            "MAPE (%)": 100 * metrics.mean_absolute_percentage_error(true, pred),
            "R2": metrics.r2_score(true, pred) if true.min() < true.max() else np.nan,
        }
    if (true == 0).any():
        scores["MAPE (%)"] = np.nan
    return scores


def _warn_undefined(true: np.ndarray, *, mape: bool = True) -> None:
    zeros, reasons = int((true == 0).sum()), []
    if mape and zeros:
        why = _("{zeros} of {n} targets in y_true are 0 and MAPE divides by each target")
        one = _("1 of {n} targets in y_true is 0 and MAPE divides by each target")
        reasons.append(("MAPE", why if zeros > 1 else one))
    if true.min() == true.max():
        reasons.append(("R2", _("all targets in y_true are equal (nothing to explain)")))
    for metric, reason in reasons:
        message = _(
            "{metric} is undefined: {reason}, so {metric} is NaN; "
            "compare models with MAE or RMSE instead."
        )
        warnings.warn(
            message.format(metric=metric, reason=reason.format(zeros=zeros, n=true.size)),
            stacklevel=3,  # the learner's line, which called a function of this module
        )


def _table(rows: dict[Any, dict[str, float]], decimals: Any) -> pd.DataFrame:
    if decimals is not None and not (type(decimals) is int and decimals >= 0):
        message = _("decimals must be a whole number >= 0, or None; got {decimals!r}")
        raise ValueError(message.format(decimals=decimals))
    table = pd.DataFrame.from_dict(rows, orient="index").rename_axis("model")
    return table if decimals is None else table.round(decimals)


def regression_report(y_true: Any, y_pred: Any, *, name: str = "model", decimals: Any = 2) -> Any:
    """A one-row table of MSE, RMSE, MAE, MAPE (%) and R2 (lesson 01, 01_models_and_error)."""
    true, pred = as_columns(y_true, y_pred)
    _warn_undefined(true)
    return _table({name: _scores(true, pred)}, decimals)


def compare_models(y_true: Any, predictions: Mapping[Any, Any], *, decimals: Any = 2) -> Any:
    """The metrics table, one row per model of ``predictions`` (lesson 01, 01_models_and_error)."""
    if not isinstance(predictions, Mapping) or not predictions:
        raise TypeError(_("predictions must be a dict like {'network': y_pred}, not empty"))
    rows = {}
    for name, y_pred in predictions.items():
        true, pred = as_columns(y_true, y_pred, f"predictions[{name!r}]")
        rows[name] = _scores(true, pred)
    _warn_undefined(true)
    return _table(rows, decimals)


def r2(y_true: Any, y_pred: Any) -> float:
    """R2 alone, NaN with a warning if all targets are equal (lesson 09, 09_practice_penguins)."""
    true, pred = as_columns(y_true, y_pred)
    _warn_undefined(true, mape=False)
    return _scores(true, pred)["R2"]
