"""Answers that the checks of lesson 05 are tested with, in the lesson's own notebook.

tests/exercise_harness.py runs each one in the live namespace of the lesson, after the exercise's
cell. WRONG: code a typical learner writes, and a piece of the hint it must get. CORRECT: other
correct ways to write the answer; each must be judged correct.
"""

WRONG = {
    "q1": [
        ("q1_answer = 5 * (234 // 20)", "round up"),
        ("q1_answer = math.ceil(234 / 20)", "one epoch"),
        ("q1_answer = math.ceil(5 * 234 / 20)", "own short batch"),
        ("q1_answer = 5 * 234 / 20", "whole number"),
        ("q1_answer = 5", "too small"),
        ("q1_answer = 5 * 234", "too large"),
    ],
    "q2": [
        ('q2_answer = "d"', "after the split"),
        ('q2_answer = "a"', "last rows"),
        ('q2_answer = "the first 100 days"', "not the beginning"),
        ('q2_answer = "처음 100일"', "not the beginning"),
    ],
    "q3": [
        ("q3_answer = int(np.argmin(colleague['val_loss']))", "from 0"),
        ("q3_answer = int(np.argmin(colleague['loss'])) + 1", "val_loss"),
        ("q3_answer = int(np.argmax(colleague['val_loss'])) + 1", "np.argmax"),
        ("q3_answer = int(np.argmin(sorted(colleague['val_loss']))) + 1", "sort the list"),
    ],
    "q4": [
        ("q4_answer = -2 / 32 * (X2[:32].T @ y_train[:32])", "that is the gradient"),
        ("q4_answer = 0.1 * (-2 / 32) * (X2[:32].T @ y_train[:32])", "uphill"),
        ("q4_answer = 0.1 * 2 / 234 * (X2.T @ y_train)", "all 234 rows"),
        ("q4_answer = 0.1 * 2 * (X2[:32].T @ y_train[:32])", "32 times too large"),
        ("q4_answer = 0.1 / 32 * (X2[:32].T @ y_train[:32])", "factor 2"),
        ("q4_answer = np.array([-0.8, 1.1])", "rounded too much"),
    ],
}

CORRECT = {
    "q1": [
        "q1_answer = 60",
        "q1_answer = 60.0",
        "q1_answer = int(np.ceil(234 / 20)) * 5",
        "q1_answer = 5 * (234 // 20 + 1)",
        "q1_answer = 5 * len(range(0, 234, 20))",
        "q1_answer = np.int64(60)",
    ],
    "q2": [
        'q2_answer = "C"',
        'q2_answer = "c) the last 100 days"',
        'q2_answer = "the last 100 days"',
        'q2_answer = "last 100 days"',
        "q2_answer = ' c '",
        'q2_answer = "마지막 100일"',
        'q2_answer = "c) 마지막 100일"',
    ],
    "q3": [
        "q3_answer = 11",
        "q3_answer = colleague['val_loss'].index(min(colleague['val_loss'])) + 1",
        "q3_answer = int(pd.Series(colleague['val_loss'], index=range(1, 26)).idxmin())",
        "q3_answer = int(pd.DataFrame(colleague)['val_loss'].argmin() + 1)",
        "q3_answer = np.float64(11.0)",
    ],
    "q4": [
        "q4_answer = 0.1 * 2 / 32 * (X2[:32].T @ y_train[:32])",
        "q4_answer = np.array([-0.82, 1.12])",
        "q4_answer = [-0.819, 1.121]",
        "w = np.zeros(2)\nfor _ in range(1):\n    error = y_train[:32] - X2[:32] @ w\n"
        "    w = w + 0.1 * 2 * np.mean(X2[:32] * error[:, None], axis=0)\nq4_answer = w",
        "w = tf.Variable(np.zeros(2, dtype='float32'))\nwith tf.GradientTape() as tape:\n"
        "    loss = tf.reduce_mean((y_train[:32] - tf.linalg.matvec(X2[:32], w)) ** 2)\n"
        "q4_answer = (w - 0.1 * tape.gradient(loss, w)).numpy()",
        "q4_answer = (0.1 * 2 / 32 * (X2[:32].T @ y_train[:32])).reshape(2, 1)",
        # float32, rounded in float32 (review 05-09: judged "digits cut").
        "q4_answer = (0.1 * 2 / 32 * (X2[:32].T @ y_train[:32])).astype('float32').round(3)",
        "w = tf.Variable(np.zeros(2, dtype='float32'))\nwith tf.GradientTape() as tape:\n"
        "    loss = tf.reduce_mean((y_train[:32] - tf.linalg.matvec(X2[:32], w)) ** 2)\n"
        "q4_answer = (w - 0.1 * tape.gradient(loss, w)).numpy().round(3)",
    ],
}
