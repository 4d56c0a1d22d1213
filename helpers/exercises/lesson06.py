"""Exercises of lesson 06 (notebooks/06_hidden_layers.ipynb): hidden layers, their parameters, dead
units, and reading a sweep. The expected answers follow from the questions: no data, no training."""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers.exercises import Exercise, dense_layers, expect_choice, expect_int, expect_keras_model

#: Exercise 3's hidden outputs: 4 cars (rows) x 5 nodes (columns), as in the notebook's cell.
ACTS = np.array(
    [
        [0.0, 1.2, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 2.1, 0.0],
        [0.0, 0.0, 0.0, 0.0, 0.0],
        [0.0, 0.4, 0.0, 1.5, 0.0],
    ]
)
ACTS.flags.writeable = False  # read-only: nobody can change the numbers
_ZEROS = ACTS == 0


def _no_output_node(model: Any) -> bool:
    """True when the last Dense layer is not the one-node output."""
    return dense_layers(model)[-1][0] != 1


q1 = Exercise(
    "q1",
    expect_int(
        (9 + 1) * 16 + (16 + 1) * 8 + (8 + 1) * 1,
        what="number of parameters",
        known_mistakes={
            (9 * 16 + 16 * 8 + 8 * 1): "that counts the weights only; every node has a bias too.",
            ((9 + 1) * 16 + (16 + 1) * 8): "the output node has parameters too: 8 weights, 1 bias.",
            ((9 + 1) * 16 + (16 + 1) * 8 + 8): "the output node also has a bias: (8 + 1) × 1.",
            (9 + 16 + 8 + 1): "that counts the nodes; count the weights and the biases.",
            (
                (9 + 1) * (16 + 8 + 1)
            ): "the inputs of layer 2 are the 16 nodes before it: (16 + 1) × 8.",
            (9 * 16 + 16 * 8 + 8 * 1 + 3): "that counts one bias per layer, not one per node.",
        },
    ),
    hint="A Dense layer has (inputs + 1) × nodes parameters; its inputs are the layer before it.",
    solution="q1_answer = (9 + 1) * 16 + (16 + 1) * 8 + (8 + 1) * 1",
    correct_message="160 + 136 + 9 = 305, as model.count_params() of these layers says.",
)

q2 = Exercise(
    "q2",
    expect_keras_model(
        input_shape=(9,),
        dense_units=[32, 16, 1],
        activations=["relu", "relu", None],
        n_params=(9 + 1) * 32 + (32 + 1) * 16 + (16 + 1) * 1,
        known_mistakes={
            _no_output_node: "the last layer is the output, one node: layers.Dense(1).",
        },
    ),
    hint="As in train_network: keras.Input, one layers.Dense(units, activation='relu') per hidden "
    "layer, then layers.Dense(1). No compile or fit.",
    solution=(
        "q2_answer = keras.Sequential([keras.Input(shape=(n_features,)),\n"
        '                              layers.Dense(32, activation="relu"),\n'
        '                              layers.Dense(16, activation="relu"),\n'
        "                              layers.Dense(1)])"
    ),
    correct_message="(9 + 1) × 32 + (32 + 1) × 16 + (16 + 1) × 1 = 865 parameters.",
)

q3 = Exercise(
    "q3",
    expect_int(
        int(_ZEROS.all(axis=0).sum()),
        what="number of dead units",
        known_mistakes={
            int((~_ZEROS).any(axis=0).sum()): "that counts the nodes active for some car.",
            int(_ZEROS.sum()): "that counts every 0; count the columns that are all 0.",
            int(_ZEROS.all(axis=1).sum()): "that counts the rows (cars); use axis=0 for columns.",
            int(_ZEROS.any(axis=0).sum()): "a dead unit is 0 for every car: np.all, not np.any.",
        },
    ),
    hint="A dead unit is a column that is 0 in every row. np.all(..., axis=0) tests each column.",
    solution="q3_answer = int(np.all(acts == 0, axis=0).sum())",
    correct_message="Nodes 1, 3 and 5 are 0 for every car: 3 dead units.",
)

q4 = Exercise(
    "q4",
    expect_choice(
        "b",
        {
            "a": "the third layer of 16 did not lower the validation error: not always better.",
            "c": "look at the dashed line: networks of 16 nodes or more beat linear regression.",
        },
        options="abc",
    ),
    hint="Look at section 4's plots: the validation MAE of 16, 16-16 and 16-16-16.",
    solution='q4_answer = "b"',
    correct_message="More depth costs parameters and training, and past a point stops helping.",
)
