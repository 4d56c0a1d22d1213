"""Answers that the checks of lesson 07 are tested with, in the lesson's own notebook.

tests/exercise_harness.py runs each one in the live namespace of the lesson, after the exercise's
cell. WRONG: code a typical learner writes, and a piece of the hint it must get. CORRECT: other
correct ways to write the answer; each must be judged correct.
"""

WRONG = {
    "q1": [
        ("q1_answer = (W1 @ W2, b1 @ W2 + b2, 0.0)", "a pair of two arrays"),
        ("q1_answer = (W1 @ W2, b2)", "b2 alone"),
        ("q1_answer = (W1 @ W2, b1 + b2)", "1 bias"),
        ("q1_answer = (W1 @ W2, np.sum(b1) + b2)", "not simply added"),
        ("q1_answer = (W1 @ W2, b1 @ W2)", "add layer 2's own bias"),
        ("q1_answer = (W1 * W2, b1 @ W2 + b2)", "element by element"),
        ("q1_answer = (W2.T @ W1, b1 @ W2 + b2)", "W1 @ W2"),
        ("q1_answer = (W1 @ W2 + 1, b1 @ W2 + b2)", "wrong values: 2 of 2"),
        ("q1_answer = ((W1 @ W2).T, b1 @ W2 + b2)", "one row per input"),
    ],
    "q2": [
        ("q2_answer = np.tanh(0.5)", "slope"),
        ("q2_answer = 1 - np.tanh(0.5)", "square tanh(0.5) before"),
        ("q2_answer = 1 - 0.5 ** 2", "not 0.5 itself"),
        ("s = 1 / (1 + np.exp(-0.5))\nq2_answer = s * (1 - s)", "slope of sigmoid"),
        ("q2_answer = 0.8", "rounded too much"),
        ("q2_answer = 1 - np.tanh(0) ** 2", "at z = 0"),
        ("q2_answer = 1 - np.tanh(1.0) ** 2", "too small"),
    ],
    "q3": [
        ('q3_answer = "a"', "never below 0"),
        ('q3_answer = "b"', "probability"),
        ('q3_answer = "c) tanh"', "−1 to 1"),
        ('q3_answer = "relu"', "never below 0"),
        ('q3_answer = "e"', "not one of the options"),
    ],
    "q4": [
        ('q4_answer = make_network("tanh")', "not trained yet"),
        ('q4_answer = make_network("relu")', "'tanh'"),
        ('q4_answer = make_network("tanh", output_activation="tanh")', "hidden layers only"),
        # From scratch with optimizer="adam" (learning rate 0.001): it got a message about 0.02
        # that did not say what was wrong.
        (
            "keras.utils.set_random_seed(42)\n"
            "q4_answer = keras.Sequential([keras.Input(shape=(1,)), layers.Dense(32, "
            "activation='tanh'),\n"
            "                              layers.Dense(32, activation='tanh'), layers.Dense(1)])\n"
            "q4_answer.compile(optimizer='adam', loss='mse')\n"
            "q4_answer.fit(x_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)",
            "learning_rate=0.02",
        ),
        (
            "keras.utils.set_random_seed(42)\n"
            "q4_answer = keras.Sequential([keras.Input(shape=(1,)), layers.Dense(32, "
            "activation='tanh'),\n"
            "                              layers.Dense(32, activation='tanh'), layers.Dense(1)])",
            "not trained yet",
        ),
        (
            'q4_answer = make_network("tanh")\n'
            "q4_answer.fit(x_train, y_train, epochs=1, batch_size=BATCH_SIZE, verbose=0)",
            "after 10 steps",
        ),
        # SGD was told "fit it on x_train, y_train with loss 'mse'" (review 05-09).
        (
            "keras.utils.set_random_seed(42)\n"
            "q4_answer = keras.Sequential([keras.Input(shape=(1,)), layers.Dense(32, "
            "activation='tanh'),\n"
            "                              layers.Dense(32, activation='tanh'), layers.Dense(1)])\n"
            "q4_answer.compile(optimizer=keras.optimizers.SGD(learning_rate=0.02), loss='mse')\n"
            "q4_answer.fit(x_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)",
            "use Adam",
        ),
        (
            "q4_answer = make_network('tanh')\n"
            "q4_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss='mae')",
            "loss 'mse'",
        ),
    ],
}

CORRECT = {
    "q1": [
        "q1_answer = (np.array([[5.0], [-1.0]]), np.array([2.0]))",
        "q1_answer = ([[5], [-1]], [2])",
        "q1_answer = ([5, -1], 2)",
        "q1_answer = (np.dot(W1, W2), np.dot(b1, W2) + b2)",
        "q1_answer = [W1 @ W2, (b1 @ W2 + b2).item()]",
        "merged = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(2), layers.Dense(1)])\n"
        "merged.set_weights([W1, b1, W2, b2])\n"
        "out0 = keras.ops.convert_to_numpy(merged(np.zeros((1, 2))))\n"
        "q1_answer = (keras.ops.convert_to_numpy(merged(np.eye(2))) - out0, out0.ravel())",
    ],
    "q2": [
        "q2_answer = 0.79",
        "q2_answer = 0.786",
        "q2_answer = 0.7864",
        "q2_answer = 1 / np.cosh(0.5) ** 2",
        "z = tf.constant(0.5)\n"
        "with tf.GradientTape() as tape:\n"
        "    tape.watch(z)\n"
        "    out = keras.activations.tanh(z)\n"
        "q2_answer = float(tape.gradient(out, z))",
        # a tensor of one value is that number (review of the Korean edition)
        "z = tf.constant([0.5])\nwith tf.GradientTape() as tape:\n    tape.watch(z)\n"
        "    out = keras.activations.tanh(z)\nq2_answer = tape.gradient(out, z)",
        "q2_answer = (np.tanh(0.5 + 1e-4) - np.tanh(0.5 - 1e-4)) / 2e-4",
        "q2_answer = slopes['tanh'][np.argmin(abs(z - 0.5))]",
        # float32 values rounded in float32 (review 05-09: judged "digits cut").
        "z = tf.constant(0.5)\nwith tf.GradientTape() as tape:\n    tape.watch(z)\n"
        "    out = keras.activations.tanh(z)\nq2_answer = np.round(tape.gradient(out, z), 2)",
        "q2_answer = np.float32(0.786)",
        "q2_answer = np.float32(0.7864)",
        "q2_answer = np.round(np.float32(1 - np.tanh(0.5) ** 2), 3)",
    ],
    "q3": [
        'q3_answer = "D"',
        'q3_answer = "d) no activation"',
        'q3_answer = " (d) "',
        'q3_answer = "linear"',
        'q3_answer = "none"',
        'q3_answer = "No activation"',
        'q3_answer = "없음"',
        'q3_answer = "활성화 함수 없음"',
        'q3_answer = "선형"',
        'q3_answer = "d) 활성화 함수 없음"',
    ],
    "q4": [
        # From scratch, with the learning rate written out.
        "keras.utils.set_random_seed(42)\n"
        "q4_answer = keras.Sequential([keras.Input(shape=(1,)), layers.Dense(32, "
        "activation='tanh'),\n"
        "                              layers.Dense(32, activation='tanh'), layers.Dense(1)])\n"
        "q4_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss='mse')\n"
        "q4_answer.fit(x_train, y_train, epochs=20, batch_size=24, verbose=0)",
        # Separate Activation layers, another seed, the default (no) optimizer.build.
        "keras.utils.set_random_seed(1)\n"
        "q4_answer = keras.Sequential([keras.Input(shape=(1,)), layers.Dense(32), "
        "layers.Activation('tanh'),\n"
        "                              layers.Dense(32), layers.Activation('tanh'), "
        "layers.Dense(1)])\n"
        "q4_answer.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss='mse')\n"
        "q4_answer.fit(x_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)",
    ],
}
