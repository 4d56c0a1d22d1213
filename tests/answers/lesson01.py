"""Answers that the checks of lesson 01 are tested with, in the lesson's own notebook.

tests/exercise_harness.py runs each one in the live namespace of the lesson, after the exercise's
cell. WRONG: code a typical learner writes, and a piece of the hint it must get. CORRECT: other
correct ways to write the answer; each must be judged correct.
"""

WRONG = {
    "q1": [
        ("q1_answer = np.mean(y_val - pred_baseline)", "cancel out"),
        ("q1_answer = np.mean((y_val - pred_baseline) ** 2)", "MSE"),
        # The validation RMSE (7.0013) was told "the training set" (MAE 6.9963) before the probes
        # were
        # kept apart; the test-set MAE (5.899) was told "very close ... did you round it?".
        ("q1_answer = np.sqrt(np.mean((y_val - pred_baseline) ** 2))", "that is the RMSE"),
        ("q1_answer = metrics.root_mean_squared_error(y_val, pred_baseline)", "that is the RMSE"),
        ("q1_answer = np.mean(np.abs(y_train - baseline_value))", "training set"),
        ("q1_answer = np.mean(np.abs(y_test - pred_baseline))", "test set"),
        (
            "q1_answer = metrics.mean_absolute_error(y_test, np.full(len(y_test), y_train.mean()))",
            "test set",
        ),
        (
            "q1_answer = np.mean(np.abs(y_val - y_val.mean()))",
            "validation mean or the training median",
        ),
        # The training median (23.0) was told "your baseline predicts the validation mean" (22.996).
        (
            "q1_answer = np.mean(np.abs(y_val - y_train.median()))",
            "validation mean or the training median",
        ),
        (
            "q1_answer = metrics.mean_absolute_error(y_val, np.full(len(y_val), y_train.median()))",
            "training median",
        ),
        # Digits cut off (5.9585 -> 5.95 or 5.9): "round it instead", never a known mistake's hint.
        ("q1_answer = 5.95", "round it instead"),
        ("q1_answer = 5.9", "round it instead"),
        ("q1_answer = np.sum(np.abs(y_val - pred_baseline))", "sum of the absolute errors"),
        ("q1_answer = abs(np.mean(y_val - pred_baseline))", "cancel out"),
        ("q1_answer = np.abs(y_val - pred_baseline)", "single number"),
        ("q1_answer = metrics.mean_absolute_error(y_val, linear.predict(X_val))", "too small"),
    ],
    "q2": [
        ('q2_answer = "test"', "used once"),
        ('q2_answer = "train"', "memorises"),
        ('q2_answer = "X_test"', "used once"),
        ('q2_answer = "training data"', "memorises"),
        ('q2_answer = "테스트"', "used once"),
        ("q2_answer = X_val", "as text in quotes"),
    ],
    "q3": [
        (
            "errors = y_train - linear.predict(X_train)\n"
            "q3_answer = np.sum(errors ** 2) / np.sum((y_train - y_train.mean()) ** 2)",
            "1 minus",
        ),
        ("q3_answer = r2", "validation set"),
        ("q3_answer = metrics.r2_score(y_val, linear.predict(X_val))", "validation set"),
        ("q3_answer = linear.score(X_test, y_test)", "test set"),
        ("q3_answer = 83", "percentage"),
        ("q3_answer = 0.8", "rounded too much"),
        # SST around the validation mean (0.8317 vs 0.8301) was told "very close ... did you round
        # it?".
        (
            "errors = y_train - linear.predict(X_train)\n"
            "q3_answer = 1 - np.sum(errors ** 2) / np.sum((y_train - y_val.mean()) ** 2)",
            "validation mean",
        ),
        ("q3_answer = 100 * metrics.r2_score(y_train, linear.predict(X_train))", "percentage"),
        # Swapped arguments were told only "too small"; a variance with ddof=1 (0.09 % off) was
        # accepted.
        ("q3_answer = metrics.r2_score(linear.predict(X_train), y_train)", "swapped the arguments"),
        (
            "q3_answer = 1 - metrics.mean_squared_error(y_train, linear.predict(X_train)) /"
            " np.var(y_train, ddof=1)",
            "n − 1",
        ),
        (
            "q3_answer = 1 - metrics.mean_squared_error(y_train, linear.predict(X_train)) /"
            " y_train.var()",
            "n − 1",
        ),
    ],
    "q4": [
        ('q4_answer = "MAPE"', "divide by 0"),
        ('q4_answer = "R²"', "without a unit"),
        ('q4_answer = "mean absolute percentage error"', "divide by 0"),
        ('q4_answer = "결정 계수"', "without a unit"),
        ('q4_answer = "MSE"', "square millimetres"),
        ('q4_answer = "mean squared error"', "square millimetres"),
        ('q4_answer = "SSE"', "grows with the number of days"),
        ('q4_answer = "accuracy"', "not one of the options"),
        ('q4_answer = ["MAE"]', "one of the options MAPE, MAE, R2 as text"),
    ],
}

CORRECT = {
    "q1": [
        "q1_answer = metrics.mean_absolute_error(y_val, pred_baseline)",
        "q1_answer = (y_val - pred_baseline).abs().mean()",
        "q1_answer = np.abs(pred_baseline - y_val.to_numpy()).mean()",
        "q1_answer = regression_report(y_val, pred_baseline).iloc[0]['MAE']",
        "q1_answer = 5.96",
        "q1_answer = 5.958",
        "q1_answer = 5.9585",
        "q1_answer = np.mean(np.abs(pred_baseline - y_val))",
        "q1_answer = float(np.mean(abs(y_val - y_train.mean())))",
    ],
    "q2": [
        'q2_answer = "Validation"',
        'q2_answer = "the validation set"',
        'q2_answer = "X_val"',
        'q2_answer = "x_val"',
        'q2_answer = "validation only"',
        'q2_answer = "검증 데이터"',
        'q2_answer = "val"',
        'q2_answer = "validation set"',
    ],
    "q3": [
        "q3_answer = metrics.r2_score(y_train, linear.predict(X_train))",
        "q3_answer = linear.score(X_train, y_train)",
        "sse = ((y_train - linear.predict(X_train)) ** 2).sum()\n"
        "sst = ((y_train - y_train.mean()) ** 2).sum()\n"
        "q3_answer = 1 - sse / sst",
        "q3_answer = 0.83",
        "q3_answer = 0.830",
        "q3_answer = 1 - metrics.mean_squared_error(y_train, linear.predict(X_train)) /"
        " np.var(y_train)",
        "q3_answer = 1 - metrics.mean_squared_error(y_train, linear.predict(X_train)) /"
        " y_train.var(ddof=0)",
    ],
    "q4": [
        'q4_answer = "mae"',
        'q4_answer = "mean absolute error"',
        'q4_answer = "평균 절대 오차"',
        # RMSE was told "of the three options given, pick the one in millimetres", but RMSE is in mm
        # too.
        'q4_answer = "RMSE"',
        'q4_answer = "root mean squared error"',
        'q4_answer = "mean absolute error (MAE)"',
    ],
}
