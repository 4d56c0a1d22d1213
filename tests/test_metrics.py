"""helpers.metrics: scikit-learn's values, NaN with a warning where they mislead, clear errors."""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from sklearn import metrics

from helpers.metrics import compare_models, r2, regression_report

RNG = np.random.default_rng(42)
Y_TRUE = RNG.uniform(1.0, 10.0, size=50)  # no zero targets, so MAPE is defined
Y_PRED = Y_TRUE + RNG.normal(0.0, 1.0, size=50)
SKLEARN = {
    "MSE": metrics.mean_squared_error(Y_TRUE, Y_PRED),
    "RMSE": metrics.root_mean_squared_error(Y_TRUE, Y_PRED),
    "MAE": metrics.mean_absolute_error(Y_TRUE, Y_PRED),
    "MAPE (%)": 100 * metrics.mean_absolute_percentage_error(Y_TRUE, Y_PRED),
    "R2": metrics.r2_score(Y_TRUE, Y_PRED),
}


@pytest.mark.parametrize(
    "convert",
    [
        pytest.param(lambda a: a, id="1-D array"),
        pytest.param(lambda a: a.tolist(), id="list"),
        pytest.param(lambda a: a.reshape(-1, 1), id="(n, 1) array like model.predict"),
        pytest.param(lambda a: a.reshape(-1, 1).astype(np.float32), id="float32 (n, 1)"),
        pytest.param(lambda a: pd.Series(a, index=a.argsort()), id="Series, index ignored"),
        pytest.param(lambda a: pd.DataFrame({"price": a}), id="one-column DataFrame"),
        pytest.param(lambda a: [[v] for v in a], id="list of one-element lists"),
    ],
)
def test_the_values_are_scikit_learns_for_every_input_kind(convert) -> None:
    report = regression_report(convert(Y_TRUE), convert(Y_PRED), decimals=None)
    assert list(report.columns) == list(SKLEARN) and list(report.index) == ["model"]
    assert report.index.name == "model" and (report.dtypes == np.float64).all()
    for column, expected in SKLEARN.items():
        assert report.loc["model", column] == pytest.approx(expected, rel=1e-5)
    assert r2(convert(Y_TRUE), convert(Y_PRED)) == pytest.approx(SKLEARN["R2"], rel=1e-5)


def test_integer_and_nullable_integer_input() -> None:
    assert regression_report([1, 2, 3], [2, 2, 2], decimals=None).loc["model", "MSE"] == 2 / 3
    true = pd.Series([1, 2, 3], dtype="Int64")
    assert regression_report(true, [1, 2, 4], decimals=None).loc["model", "MAE"] == 1 / 3


def test_rounding() -> None:
    full = regression_report(Y_TRUE, Y_PRED, decimals=None)
    for decimals in (0, 1, 4):
        pd.testing.assert_frame_equal(
            regression_report(Y_TRUE, Y_PRED, decimals=decimals), full.round(decimals)
        )
    assert regression_report([3, 5, 7], [3.5, 5.0, 6.0]).loc["model"].tolist() == [
        0.42,
        0.65,
        0.5,
        10.32,
        0.84,
    ]


def test_compare_models_keeps_the_order_and_matches_one_report_per_model() -> None:
    predictions = {"zebra": Y_PRED, "apple": np.full((50, 1), Y_TRUE.mean()), "mango": Y_TRUE * 1.1}
    table = compare_models(Y_TRUE, predictions, decimals=None)
    assert list(table.index) == ["zebra", "apple", "mango"] and table.index.name == "model"
    for name, y_pred in predictions.items():
        pd.testing.assert_frame_equal(
            table.loc[[name]], regression_report(Y_TRUE, y_pred, name=name, decimals=None)
        )
    pd.testing.assert_frame_equal(compare_models(Y_TRUE, predictions, decimals=1), table.round(1))


# --- NaN with a warning where scikit-learn gives a misleading number ---------------------------


def test_mape_with_a_zero_target_is_nan_with_one_warning_at_the_learners_line() -> None:
    with pytest.warns(UserWarning) as record:
        table = compare_models([0.0, 1.0, 2.0, 0.0], {"a": [0.5, 1.0, 2.0, 0.1], "b": [1, 1, 1, 1]})
    assert len(record) == 1, "once per table, not once per model"
    assert str(record[0].message) == (
        "MAPE is undefined: 2 of 4 targets in y_true are 0 and MAPE divides by each target, "
        "so MAPE is NaN; compare models with MAE or RMSE instead."
    )
    assert record[0].filename == __file__
    assert table["MAPE (%)"].isna().all()
    assert table.loc["a", "MAE"] == pytest.approx(0.15)  # the other metrics are still computed
    assert table.loc["a", "R2"] == pytest.approx(
        metrics.r2_score([0, 1, 2, 0], [0.5, 1, 2, 0.1]), abs=0.01
    )
    with pytest.warns(UserWarning, match="1 of 3 targets in y_true is 0"):
        regression_report([0, 1, 2], [1, 1, 2])


@pytest.mark.parametrize(
    "y_true", [[5, 5, 5], [0.1, 0.1, 0.1], [3.0]], ids=["ints", "0.1s", "one target"]
)
def test_r2_of_equal_targets_is_nan_with_a_warning(y_true: list[float]) -> None:
    # scikit-learn says 0.0 (or 1.0); a naive SST of three 0.1s would be tiny instead of 0.
    y_pred = [v + 0.1 for v in y_true]
    with pytest.warns(
        UserWarning, match=r"^R2 is undefined: all targets in y_true are equal"
    ) as record:
        assert math.isnan(r2(y_true, y_pred))
    assert len(record) == 1 and record[0].filename == __file__
    with pytest.warns(UserWarning, match="R2 is undefined"):
        assert math.isnan(regression_report(y_true, y_pred).loc["model", "R2"])


def test_r2_with_a_zero_target_says_nothing_about_mape() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert r2([0.0, 1.0, 2.0], [0.0, 1.0, 2.0]) == 1.0
        regression_report(Y_TRUE, Y_PRED)
        compare_models(Y_TRUE, {"a": Y_PRED})


# --- bad input: an error in the helper's own words, never a silently wrong number ---------------


@pytest.mark.parametrize(
    ("y_true", "y_pred", "error", "message"),
    [
        ([1, 2, 3], [1, 2], ValueError, "y_true has 3 values but y_pred has 2"),
        ([1, np.nan, 3], [1, 2, 3], ValueError, "y_true has NaN or infinite values"),
        ([1, None, 3], [1, 2, 3], ValueError, "y_true has NaN or infinite values"),
        (pd.Series([1, None, 3], dtype="Int64"), [1, 2, 3], ValueError, "y_true has NaN"),
        (
            [1, 2, 3],
            [np.nan, -np.inf, 3],
            ValueError,
            "y_pred has NaN or infinite values (in predictions: training diverged?)",
        ),
        ([], [], ValueError, "y_true must be 1-D (or one column), not empty; got shape (0,)"),
        (
            np.ones((3, 2)),
            [1, 2, 3],
            ValueError,
            "y_true must be 1-D (or one column), not empty; got shape (3, 2)",
        ),
        (pd.DataFrame({"a": [1, 2], "b": [3, 4]}), [1, 2], ValueError, "got shape (2, 2)"),
        (np.ones((3, 1, 1)), [1, 2, 3], ValueError, "got shape (3, 1, 1)"),
        (3.0, [1.0], ValueError, "got shape ()"),
        (None, [1.0], ValueError, "got shape ()"),
        (["a", "b"], [1, 2], TypeError, "y_true must hold numbers (int or float); got 'a' in it"),
        ([1, 2], ["1", "2"], TypeError, "y_pred must hold numbers (int or float); got '1' in it"),
        ("12", [1, 2], TypeError, "got '12' in it"),
        ([1, "2"], [1, 2], TypeError, "got '2' in it"),
        (pd.Series(["a", "b"]), [1, 2], TypeError, "got 'a' in it"),
        ({"a": 1.0}, [1.0], TypeError, "got {'a': 1.0} in it"),
        ([True, False], [1, 2], TypeError, "got True in it"),
        (np.array([1 + 2j, 3j]), [1, 2], TypeError, "got (1+2j) in it"),
        (
            np.array(["2024-01-01", "2024-01-02"], dtype="datetime64[D]"),
            [1, 2],
            TypeError,
            "got datetime.date",
        ),
        ([[1, 2], [3]], [1, 2], TypeError, "got [1, 2] in it"),
        # v0.1: mae(np.ma.array([1., 99., 3.], mask=[0, 1, 0]), [1, 2, 3]) used the hidden 99.
        (
            np.ma.array([1.0, 99.0, 3.0], mask=[0, 1, 0]),
            [1, 2, 3],
            TypeError,
            "y_true is a masked array",
        ),
        (
            [1, 2, 3],
            np.ma.array([1.0, 99.0, 3.0], mask=[0, 1, 0]),
            TypeError,
            "y_pred is a masked array",
        ),
    ],
)
def test_bad_input_is_an_error_in_the_helpers_words(y_true, y_pred, error, message) -> None:
    for function in (regression_report, r2):
        with pytest.raises(error) as excinfo:
            function(y_true, y_pred)
        assert message in str(excinfo.value)


def test_compare_models_names_the_model_whose_predictions_are_bad() -> None:
    with pytest.raises(ValueError, match=r"^predictions\['bad'\] has NaN"):
        compare_models([1, 2, 3], {"good": [1, 2, 3], "bad": [1, np.nan, 3]})
    with pytest.raises(ValueError, match=r"^y_true has 3 values but predictions\['short'\] has 2$"):
        compare_models([1, 2, 3], {"short": [1, 2]})
    for predictions in ([[1, 2], [2, 1]], {}):
        with pytest.raises(TypeError, match="predictions must be a dict like"):
            compare_models([1, 2], predictions)


@pytest.mark.parametrize("decimals", [-1, 1.5, "2", True, np.float64(2)])
def test_bad_decimals(decimals: object) -> None:
    for call in (
        lambda: regression_report([1, 2], [1, 2], decimals=decimals),
        lambda: compare_models([1, 2], {"m": [1, 2]}, decimals=decimals),
    ):
        with pytest.raises(ValueError, match="decimals must be a whole number >= 0, or None"):
            call()


@pytest.mark.parametrize(
    ("y_true", "y_pred"),
    [
        ([1e200, -1e200], [0.0, 0.0]),  # MSE would be inf
        (
            [1e155, -1e155],
            [1.001e155, -1.001e155],
        ),  # the SSE fits, the SST does not: R2 would be 1.0
    ],
)
def test_overflow_is_an_error_not_a_wrong_number(y_true: list[float], y_pred: list[float]) -> None:
    with pytest.raises(FloatingPointError, match="overflow"):
        regression_report(y_true, y_pred)
    with pytest.raises(FloatingPointError, match="overflow"):
        r2(y_true, y_pred)


# --- the Korean edition: setup_lesson(language="ko") ----------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: regression_report([1, 2], [1]), ValueError, "y_true에는 2개, y_pred에는 1개가"),
        (lambda: regression_report([1, "a"], [1, 2]), TypeError, "y_true 인수에는 숫자"),
        (lambda: regression_report([1, np.inf], [1, 2]), ValueError, "y_true에 NaN이나 무한대"),
        (lambda: compare_models([1], {}), TypeError, "predictions 인수는 {'network': y_pred}처럼"),
        (lambda: r2([1, 2], [1, 2, 3]), ValueError, "값의 개수가 다릅니다."),
    ],
)
def test_a_korean_lesson_gets_its_errors_in_korean(
    korean: None, call: Callable[[], object], error: type, message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        call()


def test_a_korean_lesson_gets_the_mape_warning_in_korean(korean: None) -> None:
    with pytest.warns(
        UserWarning, match=r"^MAPE 값을 정의할 수 없습니다\. y_true의 타깃 3개 중 1개가"
    ):
        regression_report([0.0, 1.0, 2.0], [1.0, 1.0, 2.0])
