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
        (9 * 16 + 16 * 8 + 8 * 1 + 3, "that counts one bias per layer; every node has its own bias: 16 in the first "
                                      "hidden layer, 8 in the second and 1 in the output layer."),
    ]),
    hint="A Dense layer has (number of inputs + 1) × (number of nodes) parameters. The inputs of a layer are "
         "the nodes of the layer before it. Add up the three Dense layers.",
    solution="q1_answer = (9 + 1) * 16 + (16 + 1) * 8 + (8 + 1) * 1",
    answer_name="q1_answer",
    correct_message="160 + 136 + 9 = 305. A model of these layers agrees: model.count_params() gives 305.",
)


#: Layers that only apply an activation to the layer before them (public Keras layer classes).
_ACTIVATION_LAYERS = ("Activation", "ReLU", "LeakyReLU", "ELU", "PReLU", "Softmax")


def _dense_and_activations(model: Any) -> list[tuple[int, str]]:
    """``[(units, effective activation)]`` per Dense layer: a separate activation layer right after a
    Dense layer (``layers.ReLU()``, ``layers.Activation("relu")``) counts as that layer's activation,
    as in expect_keras_model."""
    found: list[list[Any]] = []
    for layer in model.layers:
        kind = type(layer).__name__
        if kind == "Dense":
            config = layer.get_config()
            found.append([int(config["units"]), str(config.get("activation")).lower()])
        elif kind in _ACTIVATION_LAYERS and found:
            applied = kind.lower()
            if kind == "Activation":
                applied = str(layer.get_config().get("activation")).lower()
            if applied not in ("linear", "none"):
                found[-1][1] = applied
    return [(units, activation) for units, activation in found]


def _output_is_not_one_node(model: Any) -> bool:
    return _dense_and_activations(model)[-1][0] != 1


def _output_has_activation(model: Any) -> bool:
    units, activation = _dense_and_activations(model)[-1]
    return units == 1 and activation not in ("linear", "none")  # a one-node output with an activation


q2 = Exercise(
    "q2",
    expect_keras_model(
        input_shape=(9,),
        dense_units=[32, 16, 1],
        activations=["relu", "relu", None],
        n_params=(9 + 1) * 32 + (32 + 1) * 16 + (16 + 1) * 1,
        known_mistakes=[
            (_output_is_not_one_node, "the last Dense layer is the output: one node for the predicted mpg, "
                                      "layers.Dense(1), after the two hidden layers."),
            (_output_has_activation, "the output layer has an activation: a regression output is "
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
    correct_message="More depth is not free: it costs parameters and training work, and past a point it stops "
                    "helping.",
)
