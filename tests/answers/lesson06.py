"""Answers that the checks of lesson 06 are tested with, in the lesson's own notebook.

tests/exercise_harness.py runs each one in the live namespace of the lesson, after the exercise's
cell. WRONG: code a typical learner writes, and a piece of the hint it must get. CORRECT: other
correct ways to write the answer; each must be judged correct.
"""

WRONG = {
    "q1": [
        ("q1_answer = 9 * 16 + 16 * 8 + 8 * 1", "bias"),
        ("q1_answer = 9 + 16 + 8 + 1", "nodes"),
        ("q1_answer = (9 + 1) * 16 + (16 + 1) * 8", "output node"),
        ("q1_answer = (9 + 1) * 16 + (16 + 1) * 8 + 8", "also has a bias"),
        (
            "q1_answer = (n_features + 1) * 16 + (n_features + 1) * 8 + (n_features + 1) * 1",
            "16 nodes before it",
        ),
        ("q1_answer = 9 * 16 + 16 * 8 + 8 * 1 + 3", "one bias per layer"),
    ],
    "q2": [
        (
            "q2_answer = keras.Sequential([keras.Input(shape=(n_features,)), "
            "layers.Dense(32, activation='relu'), layers.Dense(16, activation='relu'), "
            "layers.Dense(2)])",
            "one node",
        ),
        (
            "q2_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(32, "
            "activation='relu'),\n"
            "                              layers.Dense(16, activation='relu')])",
            "one node",
        ),
        (
            "q2_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(32, "
            "activation='relu'),\n"
            "                              layers.Dense(16, activation='relu'), layers.Dense(1, "
            "activation='relu')])",
            "no activation",
        ),
        # The same mistake written with a separate activation layer after the output.
        (
            "q2_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(32), "
            "layers.ReLU(),\n"
            "                              layers.Dense(16), layers.ReLU(), layers.Dense(1), "
            "layers.ReLU()])",
            "no activation",
        ),
        (
            "q2_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(32),\n"
            "                              layers.Dense(16), layers.Dense(1)])",
            "relu",
        ),
        (
            "q2_answer = keras.Sequential([layers.Dense(32, activation='relu'), layers.Dense(16, "
            "activation='relu'),\n"
            "                              layers.Dense(1)])",
            "not built",
        ),
        (
            "q2_answer = keras.Sequential([keras.Input(shape=(1, n_features)), layers.Dense(32, "
            "activation='relu'),\n"
            "                              layers.Dense(16, activation='relu'), layers.Dense(1)])",
            "shape=(9,)",
        ),
        (
            "q2_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(16, "
            "activation='relu'),\n"
            "                              layers.Dense(32, activation='relu'), layers.Dense(1)])",
            "32",
        ),
    ],
    "q3": [
        ("q3_answer = int((acts == 0).sum())", "every 0"),
        ("q3_answer = int(np.all(acts == 0, axis=1).sum())", "axis=0"),
        ("q3_answer = int((acts > 0).any(axis=0).sum())", "active"),
        ("q3_answer = int((acts == 0).any(axis=0).sum())", "np.all, not np.any"),
    ],
    "q4": [
        ('q4_answer = "a"', "not always"),
        ('q4_answer = "c"', "dashed line"),
        ('q4_answer = "a) Every extra hidden layer lowers the validation error"', "not always"),
        ('q4_answer = "d"', "not one of the options"),
    ],
}

CORRECT = {
    "q1": [
        "q1_answer = 305",
        "q1_answer = 305.0",
        "q1_answer = 160 + 136 + 9",
        "q1_answer = (n_features * 16 + 16) + (16 * 8 + 8) + (8 * 1 + 1)",
        "q1_answer = keras.Sequential([keras.Input(shape=(9,)), layers.Dense(16), "
        "layers.Dense(8),\n"
        "                              layers.Dense(1)]).count_params()",
    ],
    "q2": [
        # A separate activation layer is the Dense layer's activation (these were called "linear").
        "q2_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(32), "
        "layers.ReLU(),\n"
        "                              layers.Dense(16), layers.ReLU(), layers.Dense(1)])",
        "q2_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(32), "
        "layers.Activation('relu'),\n"
        "                              layers.Dense(16), layers.Activation('relu'), "
        "layers.Dense(1)])",
        "q2_answer = keras.Sequential([keras.Input(shape=(9,)), layers.Dense(32, "
        "activation=keras.activations.relu),\n"
        "                              layers.Dense(units=16, activation='relu'), layers.Dense(1, "
        "activation=None)])",
        "inputs = keras.Input(shape=(n_features,))\n"
        "hidden = layers.Dense(16, activation='relu')(layers.Dense(32, "
        "activation='relu')(inputs))\n"
        "q2_answer = keras.Model(inputs, layers.Dense(1)(hidden))",
        "q2_answer = keras.Sequential([keras.Input(shape=(n_features,))]\n"
        "                             + [layers.Dense(units, activation='relu') for units in (32, "
        "16)]\n"
        "                             + [layers.Dense(1, "
        "bias_initializer=keras.initializers.Constant(y_train.mean()))])",
    ],
    "q3": [
        "q3_answer = 3",
        "q3_answer = 3.0",
        "q3_answer = np.sum(~acts.any(axis=0))",
        "q3_answer = (acts.sum(axis=0) == 0).sum()",
        "q3_answer = int((acts.max(axis=0) == 0).sum())",
        "q3_answer = len([column for column in acts.T if np.all(column == 0)])",
    ],
    "q4": [
        'q4_answer = "B"',
        'q4_answer = " b) "',
        'q4_answer = "(b)"',
        'q4_answer = "b) The second hidden layer lowered the error a little"',
    ],
}
