"""Answers that the checks of lesson 04 are tested with, in the lesson's own notebook.

tests/exercise_harness.py runs each one in the live namespace of the lesson, after the exercise's
cell. WRONG: code a typical learner writes, and a piece of the hint it must get. CORRECT: other
correct ways to write the answer; each must be judged correct.
"""

WRONG = {
    "q1": [
        ('q1_answer = "mae"', "squared errors"),
        ('q1_answer = "mean_absolute_error"', "squared errors"),
        ('q1_answer = "crossentropy"', "classification"),
        ('q1_answer = "binary_crossentropy"', "classification"),
        ('q1_answer = "cross-entropy"', "classification"),
        ('q1_answer = "rmse"', "not one of the options"),
    ],
    "q2": [
        ("q2_answer = 1.0 + 0.02 * gradient(1.0)", "uphill"),
        ("q2_answer = -0.02 * gradient(1.0)", "the step only"),
        ("q2_answer = 1.0 - gradient(1.0)", "forgot the learning rate"),
        ("q2_answer = 1.0 - 0.2 * gradient(1.0)", "learning rate of 0.2"),
        ("q2_answer = 1.0 - 0.002 * gradient(1.0)", "learning rate of 0.002"),
        ("q2_answer = gradient_descent(1.0, 0.02, steps=1)", "path of 2 values"),
        ("q2_answer = gradient_descent(1.0, 0.02)[-1]", "one step from w = 1.0"),
        ("q2_answer = 1.4", "rounded too much"),
        ("q2_answer = 0.02 * gradient(1.0)", "too small"),
        ("q2_answer = gradient(1.0)", "too small"),
    ],
    "q3": [
        ("q3_answer = 0.001", "went down"),
        ("q3_answer = 0.1", "best rate"),
        ("q3_answer = float('nan')", "what the loss became"),
        ("q3_answer = np.nan", "what the loss became"),
        ("q3_answer = 'nan'", "what the loss became"),
        ("q3_answer = 0.01", "not right"),
        ("q3_answer = '1.0'", "remove the quotes"),
        ("q3_answer = sgd_val_mse[1.0]", "what the loss became"),
    ],
    "q4": [
        (
            "model = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])\n"
            "q4_answer = model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.5),"
            " loss='mse', metrics=['mae'])",
            "such as model.compile(...)",
        ),
        (
            "q4_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])",
            "not compiled",
        ),
        (
            "q4_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])\n"
            'q4_answer.compile(optimizer="adam", loss="mse", metrics=["mae"])',
            "default",
        ),
        (
            "q4_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])\n"
            "q4_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.5),"
            ' loss="mae", metrics=["mse"])',
            "swapped",
        ),
        (
            "q4_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])\n"
            'q4_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.5), loss="mse")',
            "not tracked",
        ),
        (
            "q4_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])\n"
            "q4_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.5),"
            ' loss="mse", metrics=["mae"])\n'
            "q4_answer.fit(X_train_s, y_train, epochs=1, verbose=0)",
            "trained already",
        ),
        (
            "q4_answer = keras.Sequential([keras.Input(shape=(1, n_features)), layers.Dense(1)])\n"
            "q4_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.5),"
            ' loss="mse", metrics=["mae"])',
            "shape=(9,)",
        ),
        (
            "q4_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])\n"
            'q4_answer.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss="mse",'
            ' metrics=["mae"])',
            "use keras.optimizers.Adam",
        ),
    ],
    "q5": [
        ('q5_answer = "a"', "grow first"),
        ('q5_answer = "c"', "MSE or MAE alike"),
        ('q5_answer = "d"', "stays nan"),
        ('q5_answer = "lower the learning rate"', "grow first"),
        ('q5_answer = "학습률을 낮추기"', "grow first"),
    ],
}

CORRECT = {
    "q1": [
        'q1_answer = "MSE"',
        "q1_answer = 'mean_squared_error'",
        'q1_answer = " mse "',
        'q1_answer = "mean squared error"',
        'q1_answer = "평균 제곱 오차"',
    ],
    "q2": [
        "q2_answer = 1.44",
        "q2_answer = 1.442",
        "q2_answer = 1.0 - 0.02 * -22.08   # the gradient printed in section 3",
        "q2_answer = gradient_descent(1.0, 0.02, steps=1)[-1]",
        "w = 1.0\nw = w - 0.02 * gradient(w)\nq2_answer = w",
        "q2_answer = np.float32(1.0 - 0.02 * gradient(1.0))",
    ],
    "q3": [
        "q3_answer = 1",
        "q3_answer = 1e0",
        "q3_answer = learning_rates[-1]",
        "q3_answer = float(table.index[-1])",
    ],
    "q4": [
        # Keras's functions instead of their names (v0.1+ review: judged "not a compiled model").
        "q4_answer = keras.Sequential([keras.Input(shape=(9,)), layers.Dense(1)])\n"
        "q4_answer.compile(optimizer=keras.optimizers.Adam(0.5),"
        " loss=keras.losses.mean_squared_error,\n"
        "                  metrics=[keras.metrics.mean_absolute_error])",
        "q4_answer = keras.Sequential([keras.Input((9,)), keras.layers.Dense(1,"
        " activation=None)])\n"
        "q4_answer.compile(optimizer=keras.optimizers.Adam(0.5), loss='mean_squared_error', "
        "metrics=['mean_absolute_error'])",
        "q4_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])\n"
        "q4_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=5e-1),"
        " loss=keras.losses.MeanSquaredError(), "
        "metrics=[keras.metrics.MeanAbsoluteError()])",
        "q4_answer = keras.Sequential()\nq4_answer.add(keras.Input(shape=(n_features,)))\n"
        "q4_answer.add(layers.Dense(units=1))\n"
        "q4_answer.compile(loss='mse', optimizer=keras.optimizers.Adam(learning_rate=0.5),"
        " metrics=['mae', 'mse'])",
    ],
    "q5": [
        'q5_answer = "B"',
        'q5_answer = "b) look for NaN or inf in their data"',
        "q5_answer = 'b.'",
    ],
}
