"""Answers that the checks of lesson 09 are tested with, in the lesson's own notebook.

tests/exercise_harness.py runs each one in the live namespace of the lesson, after the exercise's
cell. WRONG: code a typical learner writes, and a piece of the hint it must get. CORRECT: other
correct ways to write the answer; each must be judged correct.
"""

from helpers.exercises.lesson09 import _MINE, _MY_LINEAR, _MY_SCALER, _MY_SPLIT, _VAL_R2

_SEX_FILLED = "clean = clean.assign(sex=clean['sex'].fillna('unknown'))"

WRONG = {
    "q1": [
        ("q1_answer = penguins.dropna()", "also dropped the 9"),
        (
            "q1_answer = penguins.fillna('unknown')",
            "drop the 2 penguins without measurements first",
        ),
        (
            "q1_answer = penguins.fillna({'sex': 'unknown'})",
            "drop the 2 penguins without measurements first",
        ),
        ("q1_answer = penguins.dropna(subset=['body_mass_g'])", "some sex is still NaN"),
        (
            "q1_answer = penguins.dropna(subset=['body_mass_g']).fillna({'sex': 'Unknown'})",
            "holds ['Unknown', 'female', 'male']",
        ),
        (
            "q1_answer = penguins.dropna(subset=['body_mass_g']).fillna({'sex': 'male'})",
            "holds ['female', 'male']",
        ),
        # pandas 3 (copy-on-write): inplace on a column of a table changes nothing
        (
            "c = penguins.dropna(subset=['body_mass_g'])\nc['sex'].fillna('unknown', "
            "inplace=True)\nq1_answer = c",
            "clean['sex'] = clean['sex'].fillna('unknown')",
        ),
        (
            "q1_answer = penguins.fillna(penguins.mean(numeric_only=True)).fillna({'sex': "
            "'unknown'})",
            "drop the 2 penguins without measurements first",
        ),
        ("q1_answer = len(penguins.dropna(subset=['body_mass_g']))", "not a value of type int"),
        (
            "q1_answer = penguins.dropna(subset=['body_mass_g']).fillna({'sex': "
            "'unknown'}).sort_values('bill_length_mm')",
            "keep the penguins in their order",
        ),
    ],
    "q2": [
        (
            "q2_answer = pd.get_dummies(clean, dtype=float)",
            "['body_mass_g', 'year'] must not be features",
        ),
        ("q2_answer = pd.get_dummies(clean.drop(columns=['body_mass_g', 'year']))", "dtype=float)"),
        (
            "q2_answer = pd.get_dummies(clean.drop(columns=['body_mass_g']), dtype=float)",
            "['year'] must not be features",
        ),
        (
            "q2_answer = pd.get_dummies(clean.drop(columns=['year']), dtype=float)",
            "['body_mass_g'] must not",
        ),
        (
            "q2_answer = clean.drop(columns=['body_mass_g', 'year'])",
            "every column must hold numbers",
        ),
        (
            "q2_answer = pd.get_dummies(clean.drop(columns=['body_mass_g', 'year']), dtype=float, "
            "drop_first=True)",
            "leave out drop_first=True",
        ),
        (
            "q2_answer = pd.get_dummies(clean.drop(columns=['body_mass_g', 'year', 'island']), "
            "dtype=float)",
            "missing ['island_Biscoe', 'island_Dream', 'island_Torgersen'], extra []",
        ),
        (
            "q2_answer = pd.get_dummies(clean.drop(columns=['body_mass_g', 'year', 'island', "
            "'sex']), dtype=float)",
            "missing ['island_Biscoe', 'island_Dream', 'island_Torgersen', 'sex_female'",
        ),
        (
            "q2_answer = pd.get_dummies(clean.drop(columns=['body_mass_g', 'year']), dtype=float, "
            "dummy_na=True)",
            "missing [], extra ['species_nan', 'island_nan', 'sex_nan']",
        ),
        (
            "q2_answer = pd.get_dummies(penguins.dropna().drop(columns=['body_mass_g', 'year']), "
            "dtype=float)",
            "start from clean",
        ),
        (
            "q2_answer = features_and_target(clean, target='body_mass_g', drop=['year'])",
            "unpack them",
        ),
    ],
    "q3": [
        ("q3_answer = len(penguins)", "that is every penguin"),
        ("q3_answer = len(clean)", "lesson's choice"),
        ("q3_answer = len(penguins) - len(penguins.dropna())", "how many remain"),
        ("q3_answer = str(len(penguins.dropna()))", "remove the quotes"),
    ],
    "q4": [
        (
            "q4_answer = pd.get_dummies(penguins.dropna().drop(columns=['body_mass_g']), "
            "dtype=float)",
            "['year'] must not be features",
        ),
        (
            "q4_answer = pd.get_dummies(penguins.dropna().drop(columns=['body_mass_g', 'year']))",
            "dtype=float",
        ),
        ("q4_answer = X", "start from mine = penguins.dropna()"),
        (
            "mine = penguins.dropna()\nq4_answer = X.loc[mine.index]",
            "extra ['sex_unknown']",
        ),
        (
            "q4_answer = pd.get_dummies(penguins.dropna().drop(columns=['body_mass_g', 'year', "
            "'island']), dtype=float)",
            "missing ['island_Biscoe', 'island_Dream', 'island_Torgersen']",
        ),
        (
            "q4_answer = features_and_target(penguins.dropna(), target='body_mass_g', "
            "drop=['year'])",
            "features_and_target returns X, y",
        ),
        (
            "q4_answer = pd.get_dummies(penguins.dropna().drop(columns=['body_mass_g', 'year']), "
            "dtype=float, "
            "drop_first=True)",
            "leave out drop_first=True",
        ),
    ],
    "q5": [
        (_MINE + "q5_answer = MinMaxScaler().fit(X_mine)", "data leakage"),
        ("q5_answer = MinMaxScaler().fit(split.X_train)", "learned the lesson's X"),
        (
            _MY_SPLIT + "q5_answer = MinMaxScaler().fit(my_split.X_val)",
            "learned from 67 rows; fit it on my_split.X_train (199 rows)",
        ),
        (
            _MY_SPLIT
            + "q5_answer = MinMaxScaler().fit(pd.concat([my_split.X_train, my_split.X_val]))",
            "learned from 266 penguins (80 %)",
        ),
        (
            _MY_SPLIT
            + "q5_answer = StandardScaler().fit(pd.concat([my_split.X_train, my_split.X_val]))",
            "learned from 266 penguins (80 %)",
        ),
        # sklearn's 80/20 split with random_state=42 keeps exactly the training and validation rows
        (
            "from sklearn.model_selection import train_test_split\n"
            + _MINE
            + "X_tr, X_te, y_tr, y_te = train_test_split(X_mine, y_mine, test_size=0.2, "
            "random_state=42)\n"
            "q5_answer = MinMaxScaler().fit(X_tr)",
            "split in three",
        ),
        (
            "from sklearn.model_selection import train_test_split\n"
            + _MINE
            + "X_tr, X_te, y_tr, y_te = train_test_split(X_mine, y_mine, test_size=0.2, "
            "random_state=5)\n"
            "q5_answer = MinMaxScaler().fit(X_tr)",
            "learned from 266 penguins (80 %)",
        ),
        (
            _MINE + "other = train_val_test_split(X_mine, y_mine, seed=1)\nq5_answer = "
            "MinMaxScaler().fit(other.X_train)",
            "learned from 199 rows, but not those of my_split.X_train",
        ),
        (
            _MY_SPLIT
            + "q5_answer = MinMaxScaler().fit(my_split.X_train[['bill_length_mm', 'bill_depth_mm', "
            "'flipper_length_mm']])",
            "fitted on 3 columns; fit it on the 11 feature columns",
        ),
        (_MY_SPLIT + "q5_answer = StandardScaler().fit(my_split.X_test)", "learned from 67 rows"),
        (_MY_SPLIT + "q5_answer = MinMaxScaler()", "not fitted"),
    ],
    "q6": [
        (
            _MY_LINEAR + "q6_answer = (my_linear, "
            "my_linear.score(my_scaler.transform(my_split.X_train), "
            "my_split.y_train))",
            "training set",
        ),
        (
            _MY_LINEAR
            + "q6_answer = (my_linear, r2(my_split.y_train, my_linear.predict(my_scaler.transform("
            "my_split.X_train))))",
            "training set",
        ),
        (_MY_LINEAR + "q6_answer = (my_linear, r2_linear)", "lesson's validation R²"),
        (
            _MY_LINEAR + "q6_answer = (my_linear, r2(my_split.y_test, "
            "my_linear.predict(my_scaler.transform(my_split.X_test))))",
            "test set",
        ),
        ("q6_answer = (linear, r2_linear)", "learned 12 features; X_mine has 11"),
        # year kept: its R² rounds to the same 0.82, so the model must tell
        (
            "X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g')\n"
            "my_split = train_val_test_split(X_mine, y_mine, seed=42)\n"
            "my_linear = LinearRegression().fit(my_split.X_train, my_split.y_train)\n"
            "q6_answer = (my_linear, round(r2(my_split.y_val, my_linear.predict(my_split.X_val)), "
            "2))",
            "learned 12 features; X_mine has 11",
        ),
        (
            _MY_LINEAR
            + "q6_answer = (my_linear, r2(my_split.y_val, my_linear.predict(my_split.X_val)))",
            "unscaled",
        ),
        (
            _MY_SPLIT + "my_scaler = StandardScaler().fit(my_split.X_train)\n"
            "my_linear = LinearRegression().fit(my_scaler.transform(my_split.X_train), "
            "my_split.y_train)\n"
            "q6_answer = (my_linear, r2(my_split.y_val, my_linear.predict(my_split.X_val)))",
            "unscaled",
        ),
        (
            _MY_LINEAR
            + "q6_answer = (my_linear, r2(my_linear.predict(my_scaler.transform(my_split.X_val)), "
            "my_split.y_val))",
            "y comes first",
        ),
        (_MY_LINEAR + "q6_answer = (my_linear, round(" + _VAL_R2 + ", 1))", "rounded too much"),
        (_MY_LINEAR + "q6_answer = (my_linear, str(" + _VAL_R2 + "))", "remove the quotes"),
        (_MY_LINEAR + "q6_answer = " + _VAL_R2, "give a pair"),
        (_MY_LINEAR + "q6_answer = (" + _VAL_R2 + ", my_linear)", "the first item should be"),
        (
            _MY_SCALER + "my_linear = LinearRegression()\nq6_answer = (my_linear, 0.82)",
            "first item should be your fitted LinearRegression",
        ),
    ],
    "q7": [
        ('q7_answer = "a"', "simpler model"),
        ('q7_answer = "c"', "used once"),
        ('q7_answer = "d"', "least cost"),
    ],
}

CORRECT = {
    "q1": [
        "q1_answer = penguins.dropna(subset=['body_mass_g']).fillna({'sex': "
        "'unknown'}).reset_index(drop=True)",
        "q1_answer = penguins.dropna(subset=['body_mass_g']).fillna({'sex': 'unknown'})",
        "q1_answer = penguins[penguins['body_mass_g'].notna()].fillna('unknown')",
        "q1_answer = penguins.fillna({'sex': 'unknown'}).dropna()",
        "clean = penguins.dropna(subset=['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', "
        "'body_mass_g'])\n" + _SEX_FILLED + "\nq1_answer = clean",
        "table = penguins.copy()\ntable['sex'] = table['sex'].fillna('unknown')\n"
        "q1_answer = table.dropna().reset_index(drop=True)",
        "q1_answer = penguins.dropna(thresh=6).fillna({'sex': 'unknown'}).drop(columns=['year'])",
    ],
    "q2": [
        "q2_answer = pd.get_dummies(clean.drop(columns=['body_mass_g', 'year']), "
        "columns=['species', 'island', 'sex'], dtype=float)",
        "q2_answer = pd.get_dummies(clean, dtype=float).drop(columns=['body_mass_g', 'year'])",
        "q2_answer = pd.get_dummies(clean.drop(columns=['body_mass_g', 'year'])).astype(float)",
        "q2_answer = pd.get_dummies(clean.drop(columns=['body_mass_g', 'year']), dtype=int)",
        "features = pd.get_dummies(clean.drop(columns=['body_mass_g', 'year']), dtype=float)\n"
        "q2_answer = features[sorted(features.columns)]",
        "q2_answer, _ = features_and_target(clean, target='body_mass_g', drop=['year'])",
    ],
    "q3": [
        "q3_answer = penguins.dropna().shape[0]",
        "q3_answer = int(penguins.notna().all(axis=1).sum())",
        "q3_answer = 333",
    ],
    "q4": [
        "X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g', "
        "drop=['year'])\n"
        "q4_answer = X_mine",
        "q4_answer = pd.get_dummies(penguins.dropna(), dtype=float).drop(columns=['body_mass_g', "
        "'year'])",
        "q4_answer = pd.get_dummies(penguins.dropna().drop(columns=['body_mass_g', 'year']), "
        "dtype=int)",
    ],
    "q5": [
        _MY_SPLIT + "q5_answer = StandardScaler().fit(my_split.X_train)",
        _MY_SPLIT + "q5_answer = MinMaxScaler().fit(my_split.X_train.to_numpy())",
        "X_mine, y_mine = features_and_target(penguins.dropna(), target='body_mass_g', "
        "drop=['year'])\n"
        "my_split = train_val_test_split(X_mine, y_mine, seed=42)\nq5_answer = "
        "MinMaxScaler().fit(my_split.X_train)",
        _MY_SPLIT
        + "q5_answer = MinMaxScaler().fit(my_split.X_train[sorted(my_split.X_train.columns)])",
    ],
    "q6": [
        # the value the lesson's own compare_models prints (2 decimals)
        _MY_LINEAR
        + "table = compare_models(my_split.y_val, {'mine': my_linear.predict(my_scaler.transform("
        "my_split.X_val))})\nq6_answer = (my_linear, table.loc['mine', 'R2'])",
        _MY_LINEAR + "q6_answer = (my_linear, round(" + _VAL_R2 + ", 3))",
        _MY_LINEAR + "q6_answer = [my_linear, my_linear.score(my_scaler.transform(my_split.X_val), "
        "my_split.y_val)]",
        _MY_LINEAR + "from sklearn.metrics import r2_score\n"
        "q6_answer = (my_linear, r2_score(my_split.y_val, "
        "my_linear.predict(my_scaler.transform(my_split.X_val))))",
        # linear regression needs no scaling: the raw features give the same predictions
        _MY_SPLIT + "raw = LinearRegression().fit(my_split.X_train, my_split.y_train)\n"
        "q6_answer = (raw, raw.score(my_split.X_val, my_split.y_val))",
        # a StandardScaler gives the same predictions too
        _MY_SPLIT + "my_scaler = StandardScaler().fit(my_split.X_train)\n"
        "my_linear = LinearRegression().fit(my_scaler.transform(my_split.X_train), "
        "my_split.y_train)\n"
        "q6_answer = (my_linear, " + _VAL_R2 + ")",
    ],
    "q7": ['q7_answer = "B"', 'q7_answer = "b) Linear regression"'],
}
