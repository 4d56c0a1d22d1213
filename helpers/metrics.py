"""Regression metrics and side-by-side report tables, computed with plain NumPy.

Every function accepts the targets ``y_true`` and the predictions ``y_pred`` as
a list, a NumPy array (1-D, or 2-D with one column such as the ``(n, 1)`` array
returned by Keras ``model.predict``), a pandas Series, or a one-column
DataFrame. Values are paired **by position** (a pandas index is ignored), like
scikit-learn does.

The metrics (``e = y_pred - y_true``, ``n`` values):

=========  =======================================  ===========================
name       formula                                  unit
=========  =======================================  ===========================
MSE        ``mean(e**2)``  (= SSE / n)              target unit squared
RMSE       ``sqrt(MSE)``                            target unit
MAE        ``mean(|e|)``                            target unit
MAPE (%)   ``mean(|e| / |y_true|) * 100``           percent
R2         ``1 - SSE / SST``                        none (1 is perfect)
=========  =======================================  ===========================

Two metrics can be undefined, and then they are ``NaN`` (never a misleading
huge number) with a warning explaining why:

* MAPE when a target is 0 (division by zero): :class:`MapeUndefinedWarning`.
  scikit-learn's ``mean_absolute_percentage_error`` returns numbers like
  ``1e13`` there instead.
* R2 when every target has the same value (``SST = 0``, nothing to explain):
  :class:`R2UndefinedWarning`. scikit-learn's ``r2_score`` returns 0.0 (or 1.0
  for perfect predictions) there instead.

Bad input raises an error that says what is wrong: ``ValueError`` for
different lengths, NaN or infinite values, empty input or more than one column;
``TypeError`` for anything that is not a sequence of real numbers.

This module never imports TensorFlow or Keras.

Example:
    >>> compare_models([3.0, 5.0, 7.0], {"mean": [5, 5, 5], "net": [3.5, 5.0, 6.0]})
            MSE  RMSE   MAE  MAPE (%)    R2
    model
    mean   2.67  1.63  1.33     31.75  0.00
    net    0.42  0.65  0.50     10.32  0.84
"""

from __future__ import annotations

import numbers
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "REPORT_COLUMNS",
    "MapeUndefinedWarning",
    "R2UndefinedWarning",
    "compare_models",
    "mae",
    "mape",
    "mse",
    "r2",
    "regression_report",
    "rmse",
]

#: The columns of :func:`regression_report` and :func:`compare_models`, in order.
REPORT_COLUMNS: list[str] = ["MSE", "RMSE", "MAE", "MAPE (%)", "R2"]

_EXPECTED = (
    "a list, NumPy array, pandas Series or one-column DataFrame of int or float numbers"
)

_DTYPE_KINDS = {
    "b": "booleans (True/False)",
    "U": "text (str)",
    "S": "bytes",
    "M": "dates",
    "m": "time differences",
    "c": "complex numbers",
    "O": "Python objects",
    "V": "raw records",
}


class MapeUndefinedWarning(UserWarning):
    """MAPE was returned as NaN because some targets are 0 (MAPE divides by each target)."""


class R2UndefinedWarning(UserWarning):
    """R2 was returned as NaN because all targets are equal (there is no variance to explain)."""


# --------------------------------------------------------------------------- validation


def _describe(values: Any) -> str:
    """Say in a few words what ``values`` is, for error messages.

    >>> _describe(np.array(["a", "b"]))
    'ndarray of dtype <U1'
    """
    if values is None:
        return "None"
    dtype = getattr(values, "dtype", None)
    if dtype is not None:
        return f"{type(values).__name__} of dtype {dtype}"
    return type(values).__name__


def _is_real_number(value: Any) -> bool:
    """True for int and float values (Python or NumPy), False for bool, str, None..."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _as_1d(values: Any, arg: str) -> np.ndarray:
    """Convert one argument to a 1-D float64 array, or raise a clear error.

    ``arg`` is the argument's name as the learner knows it (``"y_true"``,
    ``"predictions['net']"``) and is used in every message. NaN and infinite
    values are *not* checked here (see :func:`_check_finite`).

    >>> _as_1d([[1], [2], [3]], "y_pred")
    array([1., 2., 3.])
    """
    if isinstance(values, pd.DataFrame):
        if values.shape[1] != 1:
            raise ValueError(
                f"{arg} must have exactly one column; got a DataFrame with "
                f"{values.shape[1]} columns {list(values.columns)}. "
                "Select one column, e.g. df['target']."
            )
        values = values.iloc[:, 0]
    if isinstance(values, pd.Series):
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            # Also handles nullable dtypes such as "Int64": pd.NA becomes NaN.
            values = values.to_numpy(dtype=float, na_value=np.nan)
        else:
            values = values.to_numpy()

    if isinstance(values, np.ma.MaskedArray):
        raise TypeError(
            f"{arg} is a masked array; the metrics would silently use the masked values too. "
            "Drop them first (values.compressed(), and the same rows of the other argument)."
        )
    if values is None or isinstance(values, (str, bytes, Mapping, set)):
        raise TypeError(f"{arg} must be {_EXPECTED}; got {_describe(values)}")
    try:
        array = np.asarray(values)
    except ValueError:  # e.g. nested lists of different lengths
        raise ValueError(
            f"{arg} must be a flat sequence of numbers; nested lists of different "
            "lengths cannot be turned into an array"
        ) from None

    if array.dtype == object:
        # A list mixing ints, floats and None is fine (None becomes NaN); anything else is not.
        flat = array.ravel()
        if not all(v is None or _is_real_number(v) for v in flat):
            bad = next(v for v in flat if not (v is None or _is_real_number(v)))
            raise TypeError(
                f"{arg} must be {_EXPECTED}; got a value of type {type(bad).__name__}: {bad!r}"
            )
        array = np.array([np.nan if v is None else float(v) for v in flat]).reshape(array.shape)
    if array.dtype.kind not in "iuf":
        kind = _DTYPE_KINDS.get(array.dtype.kind, f"dtype {array.dtype}")
        raise TypeError(f"{arg} must be {_EXPECTED}; got {type(values).__name__} of {kind}")

    if array.ndim == 0:
        raise TypeError(f"{arg} must be {_EXPECTED}; got a single number ({array.item()!r})")
    if array.ndim == 2:
        if array.shape[1] != 1 and array.size > 0:
            raise ValueError(
                f"{arg} must be 1-D or have exactly one column; got shape {array.shape}. "
                f"Select one column, e.g. {arg}[:, 0]."
            )
        array = array.reshape(-1)
    elif array.ndim > 2:
        raise ValueError(f"{arg} must be 1-D or 2-D with one column; got shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{arg} is empty; at least one value is needed")
    return array.astype(np.float64)


def _check_finite(array: np.ndarray, arg: str) -> None:
    """Raise ValueError saying how many NaN / infinite values ``array`` holds.

    >>> _check_finite(np.array([1.0, np.nan]), "y_pred")
    Traceback (most recent call last):
    ...
    ValueError: y_pred contains 1 NaN value (out of 2); metrics need finite numbers. ...
    """
    n_nan = int(np.isnan(array).sum())
    n_inf = int(np.isinf(array).sum())
    if n_nan == 0 and n_inf == 0:
        return
    parts = []
    if n_nan:
        parts.append(f"{n_nan} NaN value{'s' if n_nan > 1 else ''}")
    if n_inf:
        parts.append(f"{n_inf} infinite value{'s' if n_inf > 1 else ''}")
    hint = (
        "Drop the rows with missing targets first."
        if arg == "y_true"
        else "NaN predictions usually mean training diverged: try scaling the inputs "
        "or a smaller learning rate."
    )
    raise ValueError(
        f"{arg} contains {' and '.join(parts)} (out of {array.size}); "
        f"metrics need finite numbers. {hint}"
    )


def _as_1d_pair(
    y_true: Any, y_pred: Any, *, true_name: str = "y_true", pred_name: str = "y_pred"
) -> tuple[np.ndarray, np.ndarray]:
    """Validate targets and predictions together; return two 1-D float64 arrays.

    This is the one place where every metric, report and plot checks its input:
    type (TypeError), columns, emptiness, equal lengths, then NaN / inf (ValueError).

    >>> _as_1d_pair([1, 2, 3], np.array([[1.5], [2.0], [2.5]]))
    (array([1., 2., 3.]), array([1.5, 2. , 2.5]))
    >>> _as_1d_pair([1, 2, 3], [1, 2])
    Traceback (most recent call last):
    ...
    ValueError: y_true and y_pred must have the same length; got len(y_true) = 3 and len(y_pred) = 2
    """
    true = _as_1d(y_true, true_name)
    pred = _as_1d(y_pred, pred_name)
    if true.size != pred.size:
        raise ValueError(
            f"{true_name} and {pred_name} must have the same length; "
            f"got len({true_name}) = {true.size} and len({pred_name}) = {pred.size}"
        )
    _check_finite(true, true_name)
    _check_finite(pred, pred_name)
    return true, pred


# ----------------------------------------------------------------- undefined metrics


def _mape_is_defined(true: np.ndarray, *, warn: bool, stacklevel: int) -> bool:
    """False (and a MapeUndefinedWarning if ``warn``) when some target is 0."""
    n_zero = int(np.count_nonzero(true == 0))
    if n_zero and warn:
        warnings.warn(
            f"MAPE is undefined: {n_zero} of {true.size} targets in y_true "
            f"{'is' if n_zero == 1 else 'are'} 0 and MAPE divides by each target, "
            "so MAPE is NaN; compare models with MAE or RMSE instead.",
            MapeUndefinedWarning,
            stacklevel=stacklevel + 1,
        )
    return n_zero == 0


def _r2_is_defined(true: np.ndarray, *, warn: bool, stacklevel: int) -> bool:
    """False (and an R2UndefinedWarning if ``warn``) when all targets are equal."""
    constant = bool(np.all(true == true[0]))
    if constant and warn:
        what = (
            "y_true has a single target"
            if true.size == 1
            else f"all {true.size} targets in y_true equal {true[0]:g}"
        )
        warnings.warn(
            f"R2 is undefined: {what}, so there is no variance to explain (SST = 0) and R2 "
            "is NaN; compare models with MAE or RMSE instead.",
            R2UndefinedWarning,
            stacklevel=stacklevel + 1,
        )
    return not constant


def _scores(true: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """All report metrics for validated arrays, keyed by REPORT_COLUMNS (no warnings)."""
    error = pred - true
    sse = float(np.sum(error**2))
    mse_value = sse / true.size
    if _mape_is_defined(true, warn=False, stacklevel=1):
        mape_value = float(np.mean(np.abs(error) / np.abs(true)) * 100)
    else:
        mape_value = float("nan")
    if _r2_is_defined(true, warn=False, stacklevel=1):
        sst = float(np.sum((true - true.mean()) ** 2))
        r2_value = 1.0 - sse / sst
    else:
        r2_value = float("nan")
    return {
        "MSE": mse_value,
        "RMSE": float(np.sqrt(mse_value)),
        "MAE": float(np.mean(np.abs(error))),
        "MAPE (%)": mape_value,
        "R2": r2_value,
    }


# ----------------------------------------------------------------------- single metrics


def mse(y_true: Any, y_pred: Any) -> float:
    """Mean squared error ``mean((y_pred - y_true)**2)``, in the target unit squared.

    >>> mse([1, 2, 3], [1, 2, 5])
    1.3333333333333333
    """
    true, pred = _as_1d_pair(y_true, y_pred)
    return _scores(true, pred)["MSE"]


def rmse(y_true: Any, y_pred: Any) -> float:
    """Root mean squared error ``sqrt(MSE)``, in the target unit.

    >>> rmse([1, 2, 3], [1, 2, 6])
    1.7320508075688772
    """
    true, pred = _as_1d_pair(y_true, y_pred)
    return _scores(true, pred)["RMSE"]


def mae(y_true: Any, y_pred: Any) -> float:
    """Mean absolute error ``mean(|y_pred - y_true|)``, in the target unit.

    >>> mae([1, 2, 3], [2, 2, 1])
    1.0
    """
    true, pred = _as_1d_pair(y_true, y_pred)
    return _scores(true, pred)["MAE"]


def mape(y_true: Any, y_pred: Any) -> float:
    """Mean absolute percentage error ``mean(|y_pred - y_true| / |y_true|) * 100``, in %.

    NaN with a :class:`MapeUndefinedWarning` when any target is 0.

    >>> mape([100, 200], [110, 180])
    10.0
    """
    true, pred = _as_1d_pair(y_true, y_pred)
    _mape_is_defined(true, warn=True, stacklevel=2)
    return _scores(true, pred)["MAPE (%)"]


def r2(y_true: Any, y_pred: Any) -> float:
    """Coefficient of determination ``1 - SSE / SST`` (1 is perfect, 0 is "predict the mean").

    NaN with an :class:`R2UndefinedWarning` when all targets are equal.

    >>> r2([1, 2, 3], [1, 2, 3])
    1.0
    >>> r2([1, 2, 3], [2, 2, 2])
    0.0
    """
    true, pred = _as_1d_pair(y_true, y_pred)
    _r2_is_defined(true, warn=True, stacklevel=2)
    return _scores(true, pred)["R2"]


# ------------------------------------------------------------------------------ tables


def _check_decimals(decimals: int | None) -> None:
    """Raise TypeError/ValueError unless ``decimals`` is None or an int >= 0."""
    if decimals is None:
        return
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral):
        raise TypeError(f"decimals must be an int or None; got {type(decimals).__name__}")
    if decimals < 0:
        raise ValueError(f"decimals must be 0 or more (or None for no rounding); got {decimals}")


def _table(rows: dict[Any, dict[str, float]], decimals: int | None) -> pd.DataFrame:
    """Build the report DataFrame (index named "model") and round it."""
    table = pd.DataFrame.from_dict(rows, orient="index", columns=REPORT_COLUMNS, dtype=float)
    table.index.name = "model"
    return table if decimals is None else table.round(int(decimals))


def regression_report(
    y_true: Any, y_pred: Any, *, name: str = "model", decimals: int | None = 2
) -> pd.DataFrame:
    """One-row table of MSE, RMSE, MAE, MAPE (%) and R2 for one model.

    Args:
        y_true: the true targets (list, array, Series or one-column DataFrame).
        y_pred: the predictions, same length; ``model.predict(X)`` of shape
            ``(n, 1)`` is fine as it is.
        name: the row label, e.g. ``"baseline"`` or ``"2 hidden layers"``.
        decimals: round every value to this many decimals; ``None`` keeps full precision.

    Returns:
        A DataFrame with one row indexed by ``name`` and the columns
        ``["MSE", "RMSE", "MAE", "MAPE (%)", "R2"]``. MAPE / R2 are NaN, with a
        warning, when undefined (a target is 0 / all targets are equal).

    Raises:
        ValueError: different lengths, NaN or inf values, empty input, more than one column.
        TypeError: input that is not numbers.

    >>> regression_report([3, 5, 7], [3.5, 5.0, 6.0], name="net")
            MSE  RMSE  MAE  MAPE (%)    R2
    model
    net    0.42  0.65  0.5     10.32  0.84
    """
    _check_decimals(decimals)
    true, pred = _as_1d_pair(y_true, y_pred)
    _mape_is_defined(true, warn=True, stacklevel=2)
    _r2_is_defined(true, warn=True, stacklevel=2)
    return _table({name: _scores(true, pred)}, decimals)


def compare_models(
    y_true: Any, predictions: Mapping[str, Any], *, decimals: int | None = 2
) -> pd.DataFrame:
    """Side-by-side table: one row per model, in the order of ``predictions``.

    Args:
        y_true: the true targets, shared by all models.
        predictions: model name -> that model's predictions, e.g.
            ``{"baseline": baseline_pred, "network": model.predict(X_test)}``.
        decimals: round every value to this many decimals; ``None`` keeps full precision.

    Returns:
        A DataFrame indexed by model name with the columns of :func:`regression_report`.
        A warning about MAPE or R2 being undefined is given once, not once per model.

    Raises:
        TypeError: ``predictions`` is not a mapping, or some input is not numbers.
        ValueError: ``predictions`` is empty, or a bad ``y_true`` / prediction
            (the message names the model, e.g. ``predictions['network']``).

    >>> compare_models([1.0, 2.0, 4.0], {"zeros": [0, 0, 0], "exact": [1, 2, 4]})
           MSE  RMSE   MAE  MAPE (%)   R2
    model
    zeros  7.0  2.65  2.33     100.0 -3.5
    exact  0.0  0.00  0.00       0.0  1.0
    """
    _check_decimals(decimals)
    if not isinstance(predictions, Mapping):
        raise TypeError(
            "predictions must be a mapping from model name to predictions, e.g. "
            f"{{'baseline': y_pred_base, 'network': y_pred_net}}; got {_describe(predictions)}"
        )
    if len(predictions) == 0:
        raise ValueError("predictions is empty; give at least one model, e.g. {'network': y_pred}")
    rows: dict[Any, dict[str, float]] = {}
    true = np.empty(0)
    for model_name, y_pred in predictions.items():
        true, pred = _as_1d_pair(y_true, y_pred, pred_name=f"predictions[{model_name!r}]")
        rows[model_name] = _scores(true, pred)
    _mape_is_defined(true, warn=True, stacklevel=2)
    _r2_is_defined(true, warn=True, stacklevel=2)
    return _table(rows, decimals)
