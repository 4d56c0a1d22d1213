"""Answers that the checks of lesson 03 are tested with, in the lesson's own notebook.

tests/exercise_harness.py runs each one in the live namespace of the lesson, after the exercise's
cell. WRONG: code a typical learner writes, and a piece of the hint it must get. CORRECT: other
correct ways to write the answer; each must be judged correct.
"""

WRONG = {
    "q1": [
        ("q1_answer = keras.Sequential([layers.Dense(1)])", "not built yet"),
        (
            "q1_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(1)])",
            "9 inputs",
        ),
        ("q1_answer = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(4)])", "units"),
        ("q1_answer = layers.Dense(1)", "single layer"),
        # A 3-D input has the same units and parameter count (5): it was accepted.
        (
            "q1_answer = keras.Sequential([keras.Input(shape=(1, 4)), layers.Dense(1)])",
            "one row of features",
        ),
        (
            "q1_answer = keras.Sequential([keras.Input(shape=(4, 1)), layers.Dense(1)])",
            "one row of features",
        ),
        (
            "q1_answer = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1,"
            " activation='relu')])",
            "activation",
        ),
        # A model without a layer and a Dense layer without bias got only a parameter count.
        ("q1_answer = keras.Sequential([keras.Input(shape=(4,))])", "no layers"),
        (
            "q1_answer = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(4),"
            " layers.Dense(1)])",
            "Dense layer",
        ),
        (
            "q1_answer = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(1)])",
            "takes 5 inputs",
        ),
        (
            "q1_answer = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1,"
            " use_bias=False)])",
            "use_bias",
        ),
        # Keras 3's older style was accepted with "keep starting with keras.Input" (review 00-04).
        (
            "import warnings\nwith warnings.catch_warnings():\n"
            "    warnings.simplefilter('ignore')\n"
            "    q1_answer = keras.Sequential([layers.Dense(1, input_shape=(4,))])",
            "keras.Input(shape=(4,))",
        ),
    ],
    "q2": [
        ("q2_answer = 6 * 4 + 4 * 1", "without the biases"),
        ("q2_answer = 6 + 4 + 1", "nodes"),
        ("q2_answer = 6 * 4 + 4 * 1 + 1", "hidden layer have a bias"),
        ("q2_answer = (6 * 4 + 4) + 4 * 1", "output node has a bias"),
        ("q2_answer = 6 * 4 + 4", "or the first layer alone"),
        ("q2_answer = '33'", "remove the quotes"),
        ("q2_answer = 33.5", "whole number"),
        # One bias per layer (30) was told only "too small".
        ("q2_answer = (6 * 4 + 1) + (4 * 1 + 1)", "one bias per layer"),
    ],
    "q3": [
        ("q3_answer = 5 * 3 + 3 + 3 * 1 + 1", "biases"),
        ("q3_answer = 5 + 3 + 1", "nodes"),
        ("q3_answer = 5 * 3", "too small"),
    ],
    "q4": [
        ("w, b = tiny.get_weights()\nq4_answer = new_cars @ w", "bias"),
        ("w, b = tiny.get_weights()\nq4_answer = new_cars * w.T", "add the products up"),
        # Was told only "the shape of your predictions is (2, 3)".
        ("w, b = tiny.get_weights()\nq4_answer = new_cars * w.T + b", "add the products up"),
        # Was told "you forgot the bias b": the weights added up to 0, so b @ w vanished.
        (
            "w, b = tiny.get_weights()\nq4_answer = (new_cars + b) @ w",
            "added the bias to every feature",
        ),
        # Sorted predictions were told "2 of its 2 values are not right".
        # Two values sorted are also the two values backwards: no "no sorting" (review 00-04).
        ("q4_answer = np.sort(tiny.predict(new_cars, verbose=0).ravel())", "in another order"),
        ("w, b = tiny.get_weights()\nq4_answer = (new_cars @ w + b)[::-1]", "in another order"),
        ("w, b = tiny.get_weights()\nq4_answer = new_cars[0] @ w + b", "shape"),
        ("w, b = tiny.get_weights()\nq4_answer = w.T @ new_cars.T", "bias"),
        ("q4_answer = [10, 1]", "wrong values: 1 of 2"),
    ],
}

CORRECT = {
    "q1": [
        "q1_answer = keras.Sequential([keras.Input((4,)), keras.layers.Dense(units=1)])",
        "q1_answer = keras.Sequential([keras.Input(shape=[4]), layers.Dense(1,"
        " activation='linear')])",
        "keras.backend.clear_session()\n"
        "q1_answer = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1, activation=None)])",
        "inputs = keras.Input(shape=(4,))\nq1_answer = keras.Model(inputs,"
        " layers.Dense(1)(inputs))",
        # Lesson 02's Normalization layer first: its stored mean and variance are not trained
        # parameters
        # (they were counted, 14 instead of 5, and the model was refused).
        "q1_answer = keras.Sequential([keras.Input(shape=(4,)), layers.Normalization(),"
        " layers.Dense(1)])",
    ],
    "q2": [
        "q2_answer = 33",
        "q2_answer = 6 * 4 + 4 + 4 + 1",
        "q2_answer = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(4,"
        " activation='relu'), "
        "layers.Dense(1)]).count_params()",
    ],
    "q3": ["q3_answer = 18", "q3_answer = 15 + 3", "q3_answer = 18.0"],
    "q4": [
        "w, b = tiny.get_weights()\nq4_answer = (new_cars @ w + b).ravel()",
        "w, b = tiny.get_weights()\nq4_answer = np.dot(new_cars, w) + b",
        "w, b = tiny.get_weights()\nq4_answer = (new_cars * w.ravel()).sum(axis=1) + b[0]",
        "q4_answer = [10, -1]",
        "w, b = tiny.get_weights()\nq4_answer = w.T @ new_cars.T + b",
        "q4_answer = tiny.predict(new_cars, verbose=0)",
    ],
}
