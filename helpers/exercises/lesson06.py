"""Exercises of lesson 06 (notebooks/06_hidden_layers.ipynb): hidden layers, their parameters, dead units,
and reading a sweep.

No data and no training are needed: every expected value follows from the questions themselves.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers.exercises import Exercise, ValueCheck, expect_choice, expect_int, expect_keras_model

#: Exercise 3's hidden outputs: 4 training cars (rows) x 5 nodes (columns); the notebook's cell sets
#: the same numbers.
ACTS = np.array([[0.0, 1.2, 0.0, 0.0, 0.0],
                 [0.0, 0.0, 0.0, 2.1, 0.0],
                 [0.0, 0.0, 0.0, 0.0, 0.0],
                 [0.0, 0.4, 0.0, 1.5, 0.0]])

q1 = Exercise(
    "q1",
    expect_int((9 + 1) * 16 + (16 + 1) * 8 + (8 + 1) * 1, what="number of parameters", known_mistakes=[
        (9 * 16 + 16 * 8 + 8 * 1, "that counts the weights only (the lines of the drawing): every node "
                                  "after the inputs also has a bias."),
        ((9 + 1) * 16 + (16 + 1) * 8, "the output node has parameters too: 8 weights and 1 bias."),
        ((9 + 1) * 16 + (16 + 1) * 8 + 8, "the output node also has a bias: (8 + 1) × 1."),
        (9 + 16 + 8 + 1, "that counts the nodes; count the weights and the biases."),
        ((9 + 1) * 16 + (9 + 1) * 8 + (9 + 1) * 1,
         "the second hidden layer's inputs are the 16 nodes before it, not the 9 features: (16 + 1) × 8."),
    ]),
    hint="A Dense layer has (number of inputs + 1) × (number of nodes) parameters. The inputs of a layer are "
         "the nodes of the layer before it. Add up the three Dense layers.",
    solution="q1_answer = (9 + 1) * 16 + (16 + 1) * 8 + (8 + 1) * 1",
    answer_name="q1_answer",
    wrong_answers=[
        ("q1_answer = 9 * 16 + 16 * 8 + 8 * 1", "bias"),
        ("q1_answer = 9 + 16 + 8 + 1", "nodes"),
        ("q1_answer = (9 + 1) * 16 + (16 + 1) * 8", "output node"),
    ],
    correct_message="160 + 136 + 9 = 305. A model of these layers agrees: model.count_params() gives 305.",
)


def _last_activation_is_not_linear(model: Any) -> bool:
    config = model.layers[-1].get_config()
    return str(config.get("activation")).lower() not in ("linear", "none")


def _last_layer_is_not_one_node(model: Any) -> bool:
    return int(model.layers[-1].get_config().get("units", 1)) != 1


def _inputs_are_not_9(model: Any) -> bool:
    return int(model.inputs[0].shape[-1]) != 9


q2 = Exercise(
    "q2",
    expect_keras_model(
        dense_units=[32, 16, 1],
        activations=["relu", "relu", None],
        n_params=(9 + 1) * 32 + (32 + 1) * 16 + (16 + 1) * 1,
        known_mistakes=[
            (_inputs_are_not_9, "your model does not take the lesson's 9 features: keras.Input(shape=(n_features,))."),
            (_last_layer_is_not_one_node, "the last layer is the output: one node for the predicted mpg, "
                                          "layers.Dense(1), after the two hidden layers."),
            (_last_activation_is_not_linear, "the output layer has an activation: a regression output is "
                                             "layers.Dense(1) with no activation, so it can predict any number."),
        ],
    ),
    hint="Copy train_network's model: keras.Input, then one layers.Dense(units, activation=\"relu\") per hidden "
         "layer, then layers.Dense(1). No compile or fit is needed.",
    solution=("q2_answer = keras.Sequential([keras.Input(shape=(n_features,)),\n"
              "                              layers.Dense(32, activation=\"relu\"),\n"
              "                              layers.Dense(16, activation=\"relu\"),\n"
              "                              layers.Dense(1)])"),
    answer_name="q2_answer",
    wrong_answers=[
        ("q2_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(32, activation='relu'),\n"
         "                              layers.Dense(16, activation='relu')])", "one node"),
        ("q2_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(32, activation='relu'),\n"
         "                              layers.Dense(16, activation='relu'), layers.Dense(1, activation='relu')])",
         "no activation"),
        ("q2_answer = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(32),\n"
         "                              layers.Dense(16), layers.Dense(1)])", "relu"),
        ("q2_answer = keras.Sequential([layers.Dense(32, activation='relu'), layers.Dense(16, activation='relu'),\n"
         "                              layers.Dense(1)])", "not built"),
    ],
    correct_message="(9 + 1) × 32 + (32 + 1) × 16 + (16 + 1) × 1 = 865 parameters.",
)


def _check_dead_units(answer: Any) -> None:
    dead = int(np.all(ACTS == 0, axis=0).sum())
    expect_int(dead, what="number of dead units", known_mistakes=[
        (int((ACTS > 0).any(axis=0).sum()), "that is the number of nodes that are active for some car; a dead "
                                            "unit is a node (a column) that is 0 for every car."),
        (int((ACTS == 0).sum()), "that counts every 0 in the table; count the nodes (columns) that are 0 in all "
                                 "rows: np.all(acts == 0, axis=0)."),
        (int(np.all(ACTS == 0, axis=1).sum()), "that counts the cars (rows) with all outputs 0; the nodes are the "
                                               "columns: use axis=0."),
        (int((ACTS == 0).any(axis=0).sum()), "that counts the nodes that are 0 for at least one car; a dead "
                                             "unit is 0 for every car (np.all, not np.any)."),
    ])(answer)


q3 = Exercise(
    "q3",
    ValueCheck(_check_dead_units, expects="a whole number"),
    hint="A dead unit is a column that is 0 in every row. np.all(..., axis=0) tests each column.",
    solution="q3_answer = int(np.all(acts == 0, axis=0).sum())",
    answer_name="q3_answer",
    wrong_answers=[
        ("q3_answer = int((acts == 0).sum())", "every 0"),
        ("q3_answer = int(np.all(acts == 0, axis=1).sum())", "axis=0"),
        ("q3_answer = int((acts > 0).any(axis=0).sum())", "active"),
    ],
    correct_message="Nodes 1, 3 and 5 are 0 for every car: 3 dead units. Nodes 2 and 4 still work, and a car "
                    "(row 3) for which all nodes are 0 is not a problem by itself.",
)

q4 = Exercise(
    "q4",
    expect_choice("b", {
        "a": "look at the depth sweep again: the third layer of 16 did not lower the validation error. "
             "Deeper is not always better.",
        "c": "look at the dashed line of section 4's plots: the networks with 16 nodes or more have a lower "
             "validation MAE than linear regression.",
    }, options="abc"),
    hint="Look at the upper right plot of section 4, and at the validation MAE of 16, 16-16 and 16-16-16.",
    solution='q4_answer = "b"',
    answer_name="q4_answer",
    wrong_answers=[('q4_answer = "a"', "not always"), ('q4_answer = "c"', "dashed line")],
    correct_message="More depth is not free: it costs parameters and time, and past a point it stops helping.",
)
