"""Tests for helpers.metrics: values against scikit-learn, tables, warnings and error messages."""

from __future__ import annotations

import math
import re
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import (
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    r2_score,
    root_mean_squared_error,
)

from helpers.metrics import (
    REPORT_COLUMNS,
    MapeUndefinedWarning,
    R2UndefinedWarning,
    compare_models,
    mae,
    mape,
    mse,
    r2,
    regression_report,
    rmse,
)

RNG = np.random.default_rng(42)
Y_TRUE = RNG.uniform(1.0, 10.0, size=50)  # no zero targets, so MAPE is defined
Y_PRED = Y_TRUE + RNG.normal(0.0, 1.0, size=50)


def sklearn_row() -> dict[str, float]:
    """The expected report values, computed by scikit-learn."""
    return {
        "MSE": mean_squared_error(Y_TRUE, Y_PRED),
        "RMSE": root_mean_squared_error(Y_TRUE, Y_PRED),
        "MAE": mean_absolute_error(Y_TRUE, Y_PRED),
        "MAPE (%)": mean_absolute_percentage_error(Y_TRUE, Y_PRED) * 100,
        "R2": r2_score(Y_TRUE, Y_PRED),
    }


# ------------------------------------------------------------------ values vs sklearn


def test_report_matches_sklearn() -> None:
    report = regression_report(Y_TRUE, Y_PRED, decimals=None)
    expected = sklearn_row()
    for column in REPORT_COLUMNS:
        assert report.loc["model", column] == pytest.approx(expected[column], rel=1e-12)


@pytest.mark.parametrize(
    ("function", "reference"),
    [
        (mse, mean_squared_error),
        (rmse, root_mean_squared_error),
        (mae, mean_absolute_error),
        (mape, lambda t, p: mean_absolute_percentage_error(t, p) * 100),
        (r2, r2_score),
    ],
)
def test_single_metrics_match_sklearn(function, reference) -> None:
    value = function(Y_TRUE, Y_PRED)
    assert isinstance(value, float)
    assert value == pytest.approx(reference(Y_TRUE, Y_PRED), rel=1e-12)


def test_columns_index_and_dtypes() -> None:
    report = regression_report(Y_TRUE, Y_PRED, name="network")
    assert list(report.columns) == ["MSE", "RMSE", "MAE", "MAPE (%)", "R2"]
    assert list(report.index) == ["network"]
    assert report.index.name == "model"
    assert report.shape == (1, 5)
    assert all(dtype == np.float64 for dtype in report.dtypes)


def test_perfect_predictions() -> None:
    report = regression_report([1, 2, 3], [1, 2, 3])
    assert report.loc["model"].tolist() == [0.0, 0.0, 0.0, 0.0, 1.0]


# -------------------------------------------------------------------------- input kinds


@pytest.mark.parametrize(
    "convert",
    [
        pytest.param(lambda a: a.tolist(), id="list"),
        pytest.param(lambda a: a, id="1-D array"),
        pytest.param(lambda a: a.reshape(-1, 1), id="(n, 1) array like model.predict"),
        pytest.param(lambda a: a.reshape(-1, 1).astype(np.float32), id="float32 (n, 1)"),
        pytest.param(lambda a: pd.Series(a), id="Series"),
        pytest.param(lambda a: pd.DataFrame({"price": a}), id="one-column DataFrame"),
        pytest.param(lambda a: [[v] for v in a], id="list of one-element lists"),
    ],
)
def test_accepts_common_input_kinds(convert) -> None:
    report = regression_report(convert(Y_TRUE), convert(Y_PRED), decimals=None)
    expected = sklearn_row()
    for column in REPORT_COLUMNS:
        assert report.loc["model", column] == pytest.approx(expected[column], rel=1e-5)


def test_integer_input() -> None:
    assert mse([1, 2, 3], [2, 2, 2]) == pytest.approx(2 / 3)


def test_nullable_integer_series() -> None:
    assert mae(pd.Series([1, 2, 3], dtype="Int64"), [1, 2, 4]) == pytest.approx(1 / 3)


def test_pandas_index_is_ignored_values_pair_by_position() -> None:
    y_true = pd.Series([1.0, 2.0, 3.0], index=[10, 11, 12])
    y_pred = pd.Series([1.0, 2.0, 3.0], index=[12, 11, 10])
    assert mse(y_true, y_pred) == 0.0


# ---------------------------------------------------------------------------- rounding


def test_decimals_rounding() -> None:
    full = regression_report(Y_TRUE, Y_PRED, decimals=None)
    for decimals in (0, 1, 2, 4):
        rounded = regression_report(Y_TRUE, Y_PRED, decimals=decimals)
        pd.testing.assert_frame_equal(rounded, full.round(decimals))


def test_default_rounds_to_two_decimals() -> None:
    report = regression_report([3, 5, 7], [3.5, 5.0, 6.0])
    assert report.loc["model"].tolist() == [0.42, 0.65, 0.5, 10.32, 0.84]


def test_decimals_none_keeps_full_precision() -> None:
    report = regression_report([3, 5, 7], [3.5, 5.0, 6.0], decimals=None)
    assert report.loc["model", "MSE"] == pytest.approx(1.25 / 3, rel=1e-15)


@pytest.mark.parametrize(
    ("decimals", "error", "message"),
    [
        (-1, ValueError, "decimals must be 0 or more"),
        (1.5, TypeError, "decimals must be an int or None; got float"),
        ("2", TypeError, "decimals must be an int or None; got str"),
        (True, TypeError, "decimals must be an int or None; got bool"),
    ],
)
def test_bad_decimals(decimals, error, message) -> None:
    with pytest.raises(error, match=re.escape(message)):
        regression_report([1, 2], [1, 2], decimals=decimals)
    with pytest.raises(error, match=re.escape(message)):
        compare_models([1, 2], {"m": [1, 2]}, decimals=decimals)


# ------------------------------------------------------------------------ compare_models


def test_compare_models_order_shape_and_values() -> None:
    predictions = {
        "zebra": Y_PRED,
        "apple": np.full_like(Y_TRUE, Y_TRUE.mean()).reshape(-1, 1),
        "mango": Y_TRUE * 1.1,
    }
    table = compare_models(Y_TRUE, predictions, decimals=None)
    assert list(table.index) == ["zebra", "apple", "mango"]  # the mapping's order, not sorted
    assert list(table.columns) == REPORT_COLUMNS
    assert table.shape == (3, 5)
    assert table.index.name == "model"
    for name, y_pred in predictions.items():
        row = regression_report(Y_TRUE, y_pred, name=name, decimals=None)
        pd.testing.assert_frame_equal(table.loc[[name]], row)


def test_compare_models_rounds() -> None:
    table = compare_models(Y_TRUE, {"a": Y_PRED, "b": Y_PRED + 1}, decimals=1)
    pd.testing.assert_frame_equal(
        table, compare_models(Y_TRUE, {"a": Y_PRED, "b": Y_PRED + 1}, decimals=None).round(1)
    )


def test_compare_models_not_a_mapping() -> None:
    with pytest.raises(TypeError, match=r"predictions must be a mapping .*; got list"):
        compare_models([1, 2], [[1, 2], [2, 1]])


def test_compare_models_empty_mapping() -> None:
    with pytest.raises(ValueError, match="predictions is empty"):
        compare_models([1, 2], {})


def test_compare_models_error_names_the_model() -> None:
    with pytest.raises(ValueError, match=re.escape("predictions['bad'] contains 1 NaN value")):
        compare_models([1, 2, 3], {"good": [1, 2, 3], "bad": [1, np.nan, 3]})
    with pytest.raises(
        ValueError, match=re.escape("len(y_true) = 3 and len(predictions['short']) = 2")
    ):
        compare_models([1, 2, 3], {"short": [1, 2]})


def test_compare_models_warns_once_for_all_models() -> None:
    with pytest.warns(MapeUndefinedWarning) as record:
        table = compare_models([0, 1, 2], {"a": [0, 1, 2], "b": [1, 1, 1], "c": [2, 2, 2]})
    assert len(record) == 1
    assert table["MAPE (%)"].isna().all()


# ----------------------------------------------------------------- undefined MAPE and R2


def test_mape_with_zero_target_is_nan_with_warning() -> None:
    with pytest.warns(MapeUndefinedWarning) as record:
        report = regression_report([0.0, 1.0, 2.0, 0.0], [0.5, 1.0, 2.0, 0.1])
    assert math.isnan(report.loc["model", "MAPE (%)"])
    assert len(record) == 1
    message = str(record[0].message)
    assert "2 of 4 targets in y_true are 0" in message  # how many
    assert "divides by each target" in message  # why
    assert "MAE or RMSE" in message  # what to use instead
    assert "\n" not in message  # one line
    assert record[0].filename == __file__  # points at the learner's line, not helpers
    # The other metrics are still computed.
    assert report.loc["model", "MAE"] == pytest.approx(0.15)
    expected_r2 = r2_score([0, 1, 2, 0], [0.5, 1, 2, 0.1])
    assert report.loc["model", "R2"] == pytest.approx(expected_r2, abs=0.01)


def test_mape_function_with_zero_target() -> None:
    with pytest.warns(MapeUndefinedWarning, match=r"1 of 3 targets in y_true is 0"):
        value = mape([0, 1, 2], [1, 1, 2])
    assert math.isnan(value)


def test_mape_warning_is_a_user_warning() -> None:
    assert issubclass(MapeUndefinedWarning, UserWarning)
    assert issubclass(R2UndefinedWarning, UserWarning)


def test_mape_on_nonzero_targets_matches_sklearn() -> None:
    y_true = [-2.0, 0.5, 3.0, 100.0]  # negative targets use |y|
    y_pred = [-1.0, 0.4, 3.3, 90.0]
    expected = mean_absolute_percentage_error(y_true, y_pred) * 100
    assert mape(y_true, y_pred) == pytest.approx(expected, rel=1e-12)


def test_r2_with_constant_target_is_nan_with_warning() -> None:
    with pytest.warns(R2UndefinedWarning) as record:
        report = regression_report([5, 5, 5], [4, 5, 6])
    assert math.isnan(report.loc["model", "R2"])
    message = str(record[0].message)
    assert "all 3 targets in y_true equal 5" in message
    assert "no variance to explain" in message
    assert record[0].filename == __file__


def test_r2_function_with_single_target() -> None:
    with pytest.warns(R2UndefinedWarning, match="y_true has a single target"):
        assert math.isnan(r2([3.0], [2.0]))


def test_r2_constant_float_target_is_detected_exactly() -> None:
    # The mean of three 0.1s is not exactly 0.1; a naive SST would be tiny, not 0.
    with pytest.warns(R2UndefinedWarning):
        assert math.isnan(r2([0.1, 0.1, 0.1], [0.1, 0.2, 0.3]))


def test_no_warning_when_everything_is_defined() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        regression_report(Y_TRUE, Y_PRED)
        compare_models(Y_TRUE, {"a": Y_PRED})


# ------------------------------------------------------------------------- error paths


@pytest.mark.parametrize(
    ("y_true", "y_pred", "message"),
    [
        ([1, 2, 3], [1, 2], "y_true and y_pred must have the same length; "
         "got len(y_true) = 3 and len(y_pred) = 2"),
        ([1, np.nan, 3], [1, 2, 3], "y_true contains 1 NaN value (out of 3)"),
        ([1, 2, 3], [np.nan, np.nan, 3], "y_pred contains 2 NaN values (out of 3)"),
        ([1, 2, np.inf], [1, 2, 3], "y_true contains 1 infinite value (out of 3)"),
        ([1, 2, 3], [np.nan, -np.inf, np.inf], "y_pred contains 1 NaN value and 2 infinite values"),
        ([1, None, 3], [1, 2, 3], "y_true contains 1 NaN value"),
        (pd.Series([1, None, 3], dtype="Int64"), [1, 2, 3], "y_true contains 1 NaN value"),
        ([], [], "y_true is empty"),
        ([1, 2], np.array([]), "y_pred is empty"),
        (np.ones((3, 2)), [1, 2, 3],
         "y_true must be 1-D or have exactly one column; got shape (3, 2)"),
        ([1, 2, 3], np.ones((3, 2)),
         "y_pred must be 1-D or have exactly one column; got shape (3, 2)"),
        (pd.DataFrame({"a": [1, 2], "b": [3, 4]}), [1, 2],
         "y_true must have exactly one column; got a DataFrame with 2 columns ['a', 'b']"),
        (np.ones((3, 1, 1)), [1, 2, 3],
         "y_true must be 1-D or 2-D with one column; got shape (3, 1, 1)"),
        ([[1, 2], [3]], [1, 2], "y_true must be a flat sequence of numbers"),
    ],
)
def test_value_errors(y_true, y_pred, message) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        regression_report(y_true, y_pred)


def test_nan_message_gives_a_hint() -> None:
    with pytest.raises(ValueError, match="training diverged"):
        mse([1, 2], [np.nan, 1])
    with pytest.raises(ValueError, match="Drop the rows with missing targets"):
        mse([np.nan, 2], [1, 1])


@pytest.mark.parametrize(
    ("y_true", "got"),
    [
        (["a", "b"], "got list of text (str)"),
        ("12", "got str"),
        (None, "got None"),
        ({"a": 1.0}, "got dict"),
        (3.0, "got a single number (3.0)"),
        ([True, False], "got list of booleans (True/False)"),
        ([1, "2"], "got list of text (str)"),
        (np.array([1, "x"], dtype=object), "got a value of type str: 'x'"),
        (pd.Series(["a", "b"]), "got a value of type str: 'a'"),
        (np.array(["2024-01-01", "2024-01-02"], dtype="datetime64[D]"), "got ndarray of dates"),
        (np.array([1 + 2j, 3j]), "got ndarray of complex numbers"),
    ],
)
def test_type_errors(y_true, got) -> None:
    with pytest.raises(TypeError, match=re.escape("y_true must be a list, NumPy array")) as info:
        regression_report(y_true, [1.0, 2.0])
    assert "int or float numbers" in str(info.value)
    assert got in str(info.value)


def test_type_error_names_y_pred() -> None:
    with pytest.raises(TypeError, match=r"^y_pred must be .*; got list of text \(str\)$"):
        mae([1, 2], ["1", "2"])


@pytest.mark.parametrize("function", [mse, rmse, mae, mape, r2])
def test_every_metric_validates(function) -> None:
    with pytest.raises(ValueError, match=re.escape("len(y_true) = 2 and len(y_pred) = 1")):
        function([1, 2], [1])
    with pytest.raises(TypeError, match="y_pred must be"):
        function([1, 2], "ab")


# ------------------------------------------------------------------------------ imports


def test_import_does_not_load_keras() -> None:
    code = (
        "import sys, helpers.metrics; "
        "loaded = [m for m in ('tensorflow', 'keras') if m in sys.modules]; "
        "sys.exit(f'imported {loaded}' if loaded else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_masked_arrays_are_refused_not_silently_unmasked() -> None:
    # v0.1: mae(np.ma.array([1., 99., 3.], mask=[0, 1, 0]), [1, 2, 3]) gave 32.33, using the masked 99.
    masked = np.ma.array([1.0, 99.0, 3.0], mask=[0, 1, 0])
    for metric in (mae, mse, rmse, r2):
        with pytest.raises(TypeError, match="masked array"):
            metric(masked, [1.0, 2.0, 3.0])
        with pytest.raises(TypeError, match="masked array"):
            metric([1.0, 2.0, 3.0], masked)
