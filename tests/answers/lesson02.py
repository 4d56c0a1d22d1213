"""Answers that the checks of lesson 02 are tested with, in the lesson's own notebook.

tests/exercise_harness.py runs each one in the live namespace of the lesson, after the exercise's
cell. WRONG: code a typical learner writes, and a piece of the hint it must get. CORRECT: other
correct ways to write the answer; each must be judged correct.
"""

WRONG = {
    "q1": [
        (
            "hp = pd.concat([X_train, X_val, X_test])['horsepower']\n"
            "q1_answer = (150 - hp.min()) / (hp.max() - hp.min())",
            "training set only",
        ),
        (
            "hp = X_val['horsepower']\nq1_answer = (150 - hp.min()) / (hp.max() - hp.min())",
            "validation cars",
        ),
        (
            "hp = X_train['horsepower']\nq1_answer = 100 * (150 - hp.min()) / (hp.max() -"
            " hp.min())",
            "percentage",
        ),
        ("q1_answer = 150 / X_train['horsepower'].max()", "subtract the minimum first"),
        (
            "hp = X_train['horsepower']\nq1_answer = (hp.max() - 150) / (hp.max() - hp.min())",
            "1 minus",
        ),
        # Operator precedence: was told only "too large" / "too small".
        (
            "hp = X_train['horsepower']\nq1_answer = 150 - hp.min() / (hp.max() - hp.min())",
            "divides before",
        ),
        (
            "hp = X_train['horsepower']\nq1_answer = (150 - hp.min()) / hp.max() - hp.min()",
            "divides before",
        ),
        (
            "hp = X_test['horsepower']\nq1_answer = (150 - hp.min()) / (hp.max() - hp.min())",
            "test cars",
        ),
        ("q1_answer = 57.63", "percentage"),
        # The raw value (150) was told the precedence hint (whose value, 149.73, rounds to 150).
        ("q1_answer = 150", "horsepower itself"),
        (
            "hp = X_train['horsepower']\nq1_answer = round(150 - hp.min() / (hp.max() -"
            " hp.min()), 2)",
            "divides before",
        ),
        # The percentage rounded to a whole number was told only "too large".
        ("q1_answer = 58", "percentage"),
        (
            "hp = X_train['horsepower']\nq1_answer = round(100 * (150 - hp.min()) / (hp.max()"
            " - hp.min()))",
            "percentage",
        ),
        # Digits cut off (0.5763 -> 0.57): "round it instead", never a known mistake's hint.
        ("q1_answer = 0.57", "round it instead"),
        ("q1_answer = 0.6", "rounded too much"),
        ("q1_answer = '0.58'", "remove the quotes"),
        ("hp = X_train['horsepower']\nq1_answer = (150 - hp.min()) / hp.max()", "too small"),
        (
            "hp = X_train['horsepower']\nq1_answer = (150 - hp.mean()) / hp.std()",
            "too large",
        ),
        (
            "q1_answer = MinMaxScaler().fit(X_train[['horsepower']]).transform("
            "pd.DataFrame({'horsepower': [150, 100]}))",
            "single number",
        ),
    ],
    "q2": [
        ('q2_answer = "all"', "leakage"),
        ('q2_answer = "validation"', "only transformed"),
        ('q2_answer = "validation set"', "only transformed"),
        ('q2_answer = "X_val"', "only transformed"),
        ('q2_answer = "everything"', "leakage"),
        ('q2_answer = "검증 데이터"', "only transformed"),
        ('q2_answer = "x_test"', "used once"),
        ('q2_answer = "all the data"', "leakage"),
        ('q2_answer = "전체 데이터"', "leakage"),
        ('q2_answer = "모든 데이터"', "leakage"),
    ],
    "q3": [
        ('q3_answer = "a"', "another number"),
        ('q3_answer = "d"', "clipping"),
        ('q3_answer = "c"', "not horsepower"),
        ('q3_answer = "e"', "not one of the options"),
        ("q3_answer = 1.03", "as text in quotes"),
    ],
    "q4": [
        (
            "acc = X_train['acceleration']\n"
            "q4_answer = (X_val['acceleration'] - acc.mean()) / acc.std()",
            "ddof=0",
        ),
        (
            "acc = X_val['acceleration']\nq4_answer = (acc - acc.mean()) / acc.std()",
            "validation set's own",
        ),
        (
            "q4_answer = StandardScaler().fit_transform(X_val[['acceleration']])",
            "validation set's own",
        ),
        (
            "acc = X_train['acceleration']\nq4_answer = (acc - acc.mean()) / acc.std(ddof=0)",
            "shape",
        ),
        ("q4_answer = standard.transform(X_val)", "shape"),
        (
            "acc = X_val['acceleration']\nq4_answer = (acc - acc.mean()) / acc.std(ddof=0)",
            "validation set's own",
        ),
        (
            "acc = X_train['acceleration']\nq4_answer = X_val['acceleration'] - acc.mean()",
            "did not divide",
        ),
        (
            "acc = pd.concat([X_train, X_val, X_test])['acceleration']\n"
            "q4_answer = (X_val['acceleration'] - acc.mean()) / acc.std(ddof=0)",
            "all cars",
        ),
        # Sorted values were told "79 of its 79 values are not right".
        (
            "acc = X_train['acceleration']\n"
            "q4_answer = np.sort((X_val['acceleration'] - acc.mean()) / acc.std(ddof=0))",
            "but sorted",
        ),
        (
            "acc = X_train['acceleration']\n"
            "q4_answer = ((X_val['acceleration'] - acc.mean()) / acc.std(ddof=0)).sort_values()",
            "but sorted",
        ),
    ],
}

CORRECT = {
    "q1": [
        # The rounded value that the success message itself prints ("about 0.58") was rejected.
        "q1_answer = 0.58",
        "q1_answer = 0.576",
        "q1_answer = 0.5763",
        "q1_answer = np.float32(0.5763)",
        "hp = X_train.horsepower\nq1_answer = float((150 - hp.min()) / (hp.max() - hp.min()))",
        "q1_answer = 102 / 177",
        "hp = X_train['horsepower']\nq1_answer = (150 - hp.min()) / (hp.max() - hp.min())",
        "scaler = MinMaxScaler().fit(X_train[['horsepower']])\n"
        "q1_answer = scaler.transform(pd.DataFrame({'horsepower': [150]}))",
        "car = X_train.iloc[[0]].copy()\ncar['horsepower'] = 150\n"
        "q1_answer = minmax.transform(car)[0, X_train.columns.get_loc('horsepower')]",
        "q1_answer = (150 - X_min['horsepower']) / (X_max['horsepower'] - X_min['horsepower'])",
    ],
    "q2": [
        'q2_answer = "Train"',
        'q2_answer = "train only"',
        'q2_answer = "X_train"',
        'q2_answer = "the training set"',
        'q2_answer = "training data only"',
        'q2_answer = "훈련 데이터"',
        'q2_answer = "학습 데이터만"',
    ],
    "q3": [
        'q3_answer = "B"',
        'q3_answer = "(b)"',
        'q3_answer = "b) The car has more horsepower than every car in the training set."',
    ],
    "q4": [
        "acc = X_train['acceleration']\n"
        "q4_answer = ((X_val['acceleration'] - acc.mean()) / acc.std(ddof=0)).to_numpy()",
        # A rounded array was told "79 of its 79 values are not right".
        "acc = X_train['acceleration']\n"
        "q4_answer = np.round((X_val['acceleration'] - acc.mean()) / acc.std(ddof=0), 2)",
        "acc = X_train['acceleration']\n"
        "q4_answer = ((X_val['acceleration'] - acc.mean()) / acc.std(ddof=0)).round(3)",
        "q4_answer = StandardScaler().fit(X_train).transform(X_val)[:,"
        " X_train.columns.get_loc('acceleration')]",
        "q4_answer ="
        " StandardScaler().fit(X_train[['acceleration']]).transform(X_val[['acceleration']])",
        "q4_answer = standard.transform(X_val)[:, X_train.columns.get_loc('acceleration')]",
        "q4_answer = val_by_layer[:, X_train.columns.get_loc('acceleration')]",
        "q4_answer = ((X_val - mean) / std)['acceleration']",
    ],
}
