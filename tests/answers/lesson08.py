"""Answers that the checks of lesson 08 are tested with, in the lesson's own notebook.

tests/exercise_harness.py runs each one in the live namespace of the lesson, after the exercise's
cell. WRONG: code a typical learner writes, and a piece of the hint it must get. CORRECT: other
correct ways to write the answer; each must be judged correct.
"""


def _q3_recipe(seed: int, hidden: str = "layers.Dense(64, activation='relu'),\n" * 2) -> str:
    """Exercise 3's hint, followed literally with another seed (and other hidden layers)."""
    return (
        f"keras.utils.set_random_seed({seed})\n"
        "q3_answer = keras.Sequential([\n"
        "    keras.Input(shape=(n_features,)),\n"
        f"    {hidden}"
        "    layers.Dense(1, bias_initializer=keras.initializers.Constant(y_train.mean())),\n"
        "])\n"
        "q3_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse')\n"
        "q3_answer.fit(X_train_s, y_train, epochs=40, batch_size=64, verbose=0)"
    )


WRONG = {
    "q1": [
        (
            "parts = train_val_test_split(X, y, seed=42)\n"
            "q1_answer = (parts.X_train.shape, parts.X_val.shape, parts.X_test.shape)",
            "single number",
        ),
        ("q1_answer = (206, 206, 618)", "wrong order"),
        ("q1_answer = (659, 165, 206)", "share of ALL rows"),
        ("q1_answer = (824, 206)", "give three"),
        ('q1_answer = ("618", "206", "206")', "remove the quotes"),
        ("q1_answer = (618, 206.5, 206)", "whole number"),
        ("q1_answer = (True, 206, 206)", "bool"),
    ],
    "q2": [
        ("q2_answer = StandardScaler().fit(X)", "leakage"),
        (
            "from sklearn.preprocessing import MinMaxScaler\nq2_answer = MinMaxScaler().fit(X)",
            "leakage",
        ),
        (
            "q2_answer = StandardScaler().fit(pd.concat([split.X_train, split.X_val]))",
            "training and validation",
        ),
        (
            "from sklearn.preprocessing import MinMaxScaler\n"
            "q2_answer = MinMaxScaler().fit(pd.concat([split.X_train, split.X_val]))",
            "training and validation",
        ),
        (
            "q2_answer = StandardScaler().fit(split.X_val)",
            "learned from 206 rows; fit it on split.X_train (618 rows)",
        ),
        (
            "from sklearn.preprocessing import MinMaxScaler\nq2_answer = "
            "MinMaxScaler().fit(split.X_val)",
            "learned from 206 rows; fit it on split.X_train (618 rows)",
        ),
        (
            "q2_answer = StandardScaler().fit(split.X_test)",
            "learned from 206 rows; fit it on split.X_train",
        ),
        ("q2_answer = StandardScaler(with_mean=False).fit(split.X_train)", "with_mean=False"),
        ("q2_answer = StandardScaler(with_std=False).fit(split.X_train)", "with_std=False"),
        (
            "q2_answer = StandardScaler().fit(split.X_train.head(500))",
            "learned from 500 rows; fit it on split.X_train (618 rows)",
        ),
        ("q2_answer = StandardScaler().fit_transform(split.X_train)", "fitted scaler itself"),
        ("q2_answer = StandardScaler()", "not fitted"),
        ("q2_answer = StandardScaler", "the class StandardScaler itself"),
        ("q2_answer = StandardScaler().fit(concrete)", "9 columns"),
    ],
    "q3": [
        (
            "q3_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])",
            "no hidden layer",
        ),
        (
            "q3_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(16, "
            "activation='relu'), "
            "layers.Dense(1)])",
            "worse than predicting the mean",
        ),
        ("q3_answer = layers.Dense(1)", "single layer"),
        (
            "q3_answer = chosen",
            "lesson's network B (the chosen one): train one of your own",
        ),
        (
            "q3_answer = network_a",
            "that is the lesson's network A: train one of your own",
        ),
        (
            "q3_answer = "
            "keras.models.clone_model(network_a)\nq3_answer.set_weights(network_a.get_weights())",
            "lesson's network A",
        ),
        # built but not trained: its output starts at the mean, so its R² prints as -0.00
        ("q3_answer = make_network((64, 32))", "-0.00: no better than predicting the mean"),
        (
            "q3_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(64), "
            "layers.Dense(64), "
            "layers.Dense(1, bias_initializer=keras.initializers.Constant(y_train.mean()))])",
            "no activation",
        ),
    ],
    "q4": [
        (
            "q4_answer = (network_a, np.sqrt(np.mean((y_test - network_a.predict(X_test_s, "
            "verbose=0).ravel()) ** 2)))",
            "first item is not the chosen model",
        ),
        (
            "q4_answer = (chosen, np.mean((y_test - chosen.predict(X_test_s, verbose=0).ravel()) "
            "** 2))",
            "MSE",
        ),
        (
            "q4_answer = (chosen, np.sqrt(np.mean((y_val - chosen.predict(X_val_s, "
            "verbose=0).ravel()) ** 2)))",
            "validation set",
        ),
        (
            "q4_answer = (chosen, np.sqrt(np.mean((y_train - predict(chosen, X_train_s)) ** 2)))",
            "training set",
        ),
        (
            "q4_answer = (chosen, np.sqrt(np.mean((y_test - chosen.predict(X_test_s, verbose=0)) "
            "** 2)))",
            "206 × 206",
        ),
        (
            "q4_answer = (chosen, np.sqrt(np.mean((y_test - chosen.predict(split.X_test, "
            "verbose=0).ravel()) ** 2)))",
            "unscaled X_test",
        ),
        (
            "q4_answer = (chosen, np.mean(np.abs(y_test - chosen.predict(X_test_s, "
            "verbose=0).ravel())))",
            "MAE",
        ),
        (
            "test_pred = chosen.predict(X_test_s, verbose=0).ravel()\n"
            "q4_answer = (chosen, str(round(float(np.sqrt(np.mean((y_test - test_pred) ** 2))), "
            "2)))",
            "remove the quotes",
        ),
        (
            "test_pred = chosen.predict(X_test_s, verbose=0).ravel()\n"
            "q4_answer = (chosen, round(float(np.sqrt(np.mean((y_test - test_pred) ** 2))), 1))",
            "rounded too much",
        ),
        (
            "q4_answer = (np.sqrt(np.mean((y_test - chosen.predict(X_test_s, verbose=0).ravel()) "
            "** 2)), chosen)",
            "first item is not the chosen model",
        ),
        (
            "q4_answer = np.sqrt(np.mean((y_test - chosen.predict(X_test_s, verbose=0).ravel()) ** "
            "2))",
            "a pair",
        ),
    ],
    "q5": [('q5_answer = "d"', "standardized features"), ('q5_answer = "a"', "test set")],
}

CORRECT = {
    "q1": [
        "q1_answer = 618, 206, 206",
        "q1_answer = (618, 206, 206)",
        "q1_answer = [618, 206, 206]",
        "q1_answer = (618.0, 206.0, 206.0)",
        "q1_answer = (len(concrete) - 2 * round(0.2 * len(concrete)), round(0.2 * len(concrete)), "
        "round(0.2 * len(concrete)))",
        "q1_answer = tuple(round(share * len(concrete)) for share in (0.6, 0.2, 0.2))",
        "parts = train_val_test_split(X, y, seed=42)\n"
        "q1_answer = (len(parts.X_train), len(parts.X_val), len(parts.X_test))",
        "q1_answer = tuple(np.round(np.array([0.6, 0.2, 0.2]) * len(concrete)).astype(int))",
        "q1_answer = np.array([618, 206, 206])",
        "q1_answer = (np.int64(618), np.int64(206), np.int64(206))",
    ],
    "q2": [
        "from sklearn.preprocessing import MinMaxScaler\nq2_answer = "
        "MinMaxScaler().fit(split.X_train)",
        "from sklearn.preprocessing import MinMaxScaler\nq2_answer = "
        "MinMaxScaler(feature_range=(-1, 1)).fit(split.X_train)",
        "q2_answer = StandardScaler().fit(split.X_train.to_numpy())",
        "q2_answer = StandardScaler().fit(split.X_train.to_numpy(dtype='float32'))",
        "from sklearn.preprocessing import MinMaxScaler\nq2_answer = "
        "MinMaxScaler().fit(split.X_train.values)",
        "X_train = split.X_train\nq2_answer = StandardScaler().fit(X_train)",
        "my_scaler = StandardScaler()\nmy_scaler.fit(split.X_train)\nq2_answer = my_scaler",
        "q2_answer = StandardScaler().fit(split.X_train, split.y_train)",
    ],
    "q3": [
        # the hint's recipe, followed literally, with other seeds
        _q3_recipe(1),
        _q3_recipe(2),
        _q3_recipe(3),
        # the same with the activation as a layer of its own
        _q3_recipe(4, "layers.Dense(64), layers.ReLU(),\n    layers.Dense(64), layers.ReLU(),\n"),
    ],
    "q4": [
        "from sklearn.metrics import mean_squared_error\n"
        "q4_answer = (chosen, np.sqrt(mean_squared_error(y_test, chosen.predict(X_test_s, "
        "verbose=0))))",
        # the other order of the subtraction, and scikit-learn's function, arguments either way
        "q4_answer = (chosen, np.sqrt(np.mean((chosen.predict(X_test_s, verbose=0).ravel() - "
        "y_test) ** 2)))",
        "from sklearn.metrics import root_mean_squared_error\n"
        "q4_answer = (chosen, root_mean_squared_error(y_test, chosen.predict(X_test_s, "
        "verbose=0)))",
        "from sklearn.metrics import root_mean_squared_error\n"
        "q4_answer = (chosen, root_mean_squared_error(chosen.predict(X_test_s, verbose=0), "
        "y_test))",
        # the lesson's own helpers
        "q4_answer = [chosen, regression_report(y_test, predict(chosen, X_test_s), "
        "decimals=None).loc['model', 'RMSE']]",
        "q4_answer = (network_b, float(regression_report(y_test, predict(network_b, "
        "X_test_s)).loc['model', 'RMSE']))",
        # the value that the lesson's report table prints (section 9, 2 decimals)
        "q4_answer = (chosen, 5.38)",
        # rounded as the course allows: 2 decimals
        "test_pred = chosen.predict(X_test_s, verbose=0).ravel()\n"
        "q4_answer = (chosen, round(float(np.sqrt(np.mean((y_test - test_pred) ** 2))), 2))",
        # a copy with the same weights is the same model
        "copy = keras.models.clone_model(chosen)\ncopy.set_weights(chosen.get_weights())\n"
        "q4_answer = (copy, np.sqrt(np.mean((y_test - predict(copy, X_test_s)) ** 2)))",
    ],
    "q5": ['q5_answer = "B"', 'q5_answer = "b) the scaler fitted on the training set"'],
}
