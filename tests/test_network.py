"""Tests for helpers.network: layer sizes, what is drawn (nodes, lines, labels, ⋮), errors."""

from __future__ import annotations

import doctest
import re
import warnings
from collections.abc import Callable, Iterator

import keras
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from keras import layers
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.patches import Circle

import helpers.network as network
from helpers.network import activation_name, draw_network, layer_sizes

FEATURES = [
    "cylinders",
    "displacement",
    "horsepower",
    "weight",
    "acceleration",
    "year",
    "origin_Europe",
    "origin_Japan",
    "origin_USA",
]


def sequential(*sizes: int, activation: str = "relu") -> keras.Sequential:
    """Input(sizes[0]), then Dense layers of sizes[1:]; hidden ones with ``activation``."""
    stack: list = [keras.Input(shape=(sizes[0],))]
    stack += [layers.Dense(units, activation=activation) for units in sizes[1:-1]]
    stack.append(layers.Dense(sizes[-1]))
    return keras.Sequential(stack)


def with_layers(shape: tuple[int, ...], *stack: keras.layers.Layer) -> keras.Sequential:
    return keras.Sequential([keras.Input(shape=shape), *stack])


def circles(ax: Axes) -> list[Circle]:
    return [patch for patch in ax.patches if isinstance(patch, Circle)]


def connections(ax: Axes) -> list[LineCollection]:
    return [c for c in ax.collections if isinstance(c, LineCollection)]


def n_lines(ax: Axes) -> int:
    return sum(len(c.get_segments()) for c in connections(ax))


def texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


@pytest.fixture(autouse=True)
def close_figures(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail if drawing calls plt.show(); close every figure after each test."""

    def no_show(*args: object, **kwargs: object) -> None:
        raise AssertionError("draw_network must not call plt.show()")

    monkeypatch.setattr(plt, "show", no_show)
    yield
    plt.close("all")


# ----------------------------------------------------------------------------- layer_sizes


@pytest.mark.parametrize("sizes", [(9, 1), (9, 2, 1), (9, 64, 64, 1), (4, 3, 2)])
def test_layer_sizes(sizes: tuple[int, ...]) -> None:
    assert layer_sizes(sequential(*sizes)) == list(sizes)


def test_a_model_built_without_input_is_drawn() -> None:
    by_build = keras.Sequential([layers.Dense(3, activation="relu"), layers.Dense(1)])
    by_build.build((None, 5))
    assert layer_sizes(by_build) == [5, 3, 1]
    by_calling = keras.Sequential([layers.Dense(2), layers.Dense(1)])
    by_calling.predict(np.zeros((1, 4)), verbose=0)  # the batch dimension becomes 1, not None
    assert layer_sizes(by_calling) == [4, 2, 1]


# ---------------------------------------------------------------------------- what is drawn


@pytest.mark.parametrize("sizes", [(9, 1), (9, 2, 1), (3, 4, 2, 1)])
def test_small_network_draws_every_node_and_connection(sizes: tuple[int, ...]) -> None:
    model = sequential(*sizes)
    ax = draw_network(model)
    assert len(circles(ax)) == sum(sizes)
    weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
    assert n_lines(ax) == weights
    # Lines are weights; each Dense node adds a bias: together they are every parameter.
    assert n_lines(ax) + sum(sizes[1:]) == model.count_params()
    assert len(connections(ax)) == len(sizes) - 1
    assert "\u22ee" not in texts(ax)


def test_nodes_are_coloured_by_role_and_drawn_above_the_lines() -> None:
    ax = draw_network(sequential(2, 3, 1))
    colours = [matplotlib.colors.to_hex(c.get_facecolor()) for c in circles(ax)]
    assert colours == [network.COLORS["input"]] * 2 + [network.COLORS["hidden"]] * 3 + [
        network.COLORS["output"]
    ]
    assert all(c.get_zorder() > line.get_zorder() for c in circles(ax) for line in connections(ax))


@pytest.mark.parametrize(
    ("model", "shown", "not_shown"),
    [
        (
            sequential(9, 8, 4, 1),
            [
                "input: 9",
                "Dense 8\nrelu",
                "Dense 4\nrelu",
                "output: 1",
                "input layer",
                "hidden layer 1",
                "hidden layer 2",
                "output layer",
            ],
            ["hidden layer"],
        ),
        (
            sequential(9, 2, 1, activation="tanh"),
            ["Dense 2\ntanh", "hidden layer"],
            ["hidden layer 1"],
        ),
        (with_layers((3,), layers.Dense(1, activation="sigmoid")), ["output: 1, sigmoid"], []),
    ],
)
def test_labels_name_each_layer(model, shown: list[str], not_shown: list[str]) -> None:
    found = texts(draw_network(model))
    assert all(label in found for label in shown) and not any(label in found for label in not_shown)


@pytest.mark.parametrize(
    ("sizes", "kwargs", "inches"),
    [  # as in lessons 03, 06 and 08, whose stored outputs print these sizes
        ((9, 1), {"feature_names": FEATURES, "output_names": ["mpg"], "title": "t"}, (4.54, 5.31)),
        (
            (9, 2, 1),
            {"feature_names": FEATURES, "output_names": ["mpg"], "title": "t"},
            (6.14, 5.31),
        ),
        (
            (8, 32, 16, 1),
            {
                "feature_names": FEATURES[:8],
                "output_names": ["y"],
                "max_nodes_per_layer": 8,
                "title": "t",
            },
            (7.74, 4.91),
        ),
    ],
)
def test_new_figure_is_sized_for_the_network(sizes, kwargs, inches) -> None:
    size = draw_network(sequential(*sizes), **kwargs).figure.get_size_inches()
    np.testing.assert_allclose(size, inches)


def test_large_layers_get_an_ellipsis_and_their_size() -> None:
    ax = draw_network(sequential(9, 64, 64, 1), max_nodes_per_layer=10)
    found = texts(ax)
    assert found.count("\u22ee") == 2
    assert found.count("64 in all") == 2
    assert "Dense 64\nrelu" in found
    shown = [9, 9, 9, 1]  # 10 rows: 9 nodes and the ellipsis
    assert len(circles(ax)) == sum(shown)
    assert n_lines(ax) == 9 * 9 + 9 * 9 + 9 * 1


@pytest.mark.parametrize("limit, size, shown", [(3, 4, 2), (5, 6, 4), (10, 10, 10), (10, 11, 9)])
def test_max_nodes_per_layer_sets_the_rows(limit: int, size: int, shown: int) -> None:
    ax = draw_network(sequential(size, 1), max_nodes_per_layer=limit)
    assert len(circles(ax)) == shown + 1
    assert (f"{size} in all" in texts(ax)) == (size > limit)


def test_rows_are_evenly_spaced_and_centred() -> None:
    ax = draw_network(sequential(3, 1))
    ys = sorted(c.center[1] for c in circles(ax) if c.center[0] == 0)
    assert ys == [-1.0, 0.0, 1.0]
    assert [c.center[1] for c in circles(ax) if c.center[0] > 0] == [0.0]


def test_feature_and_output_names() -> None:
    ax = draw_network(sequential(9, 1), feature_names=FEATURES, output_names=["mpg"])
    found = texts(ax)
    assert all(name in found for name in FEATURES) and "mpg" in found


def test_feature_names_accept_a_pandas_index() -> None:
    columns = pd.DataFrame(np.zeros((1, 9)), columns=FEATURES).columns
    assert "year" in texts(draw_network(sequential(9, 1), feature_names=columns))


def test_feature_names_of_a_large_input_label_the_nodes_shown() -> None:
    names = [f"x{i}" for i in range(20)]
    found = texts(draw_network(sequential(20, 1), feature_names=names, max_nodes_per_layer=5))
    assert [n for n in names if n in found] == ["x0", "x1", "x18", "x19"]


def test_draws_on_a_given_axes_and_sets_the_title() -> None:
    fig, axes = plt.subplots(1, 2)
    ax = draw_network(sequential(9, 2, 1), ax=axes[1], title="9 → 2 → 1")
    assert ax is axes[1]
    assert ax.get_title() == "9 → 2 → 1"
    assert len(fig.axes) == 2 and not axes[0].patches


def test_new_figure_without_title_and_axis_hidden() -> None:
    ax = draw_network(sequential(9, 1))
    assert ax.get_title() == "" and not ax.axison


def test_drawing_emits_no_warning_and_renders(tmp_path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. a glyph missing from the font
        ax = draw_network(
            sequential(20, 64, 64, 1),
            feature_names=[f"f{i}" for i in range(20)],
            output_names=["y"],
            title="big",
        )
        ax.figure.savefig(tmp_path / "network.png")
    assert (tmp_path / "network.png").stat().st_size > 1000


def test_drawing_logs_nothing(caplog: pytest.LogCaptureFixture, tmp_path) -> None:
    """matplotlib logs (to stderr, stored in a notebook) e.g. when fixed limits fight an aspect."""
    with caplog.at_level("DEBUG", logger="matplotlib"):
        fig, axes = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
        draw_network(sequential(9, 2, 1), ax=axes[0])
        draw_network(sequential(9, 64, 64, 1), ax=axes[1])
        fig.savefig(tmp_path / "pair.png")
    assert [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")] == []


# ----------------------------------------------------------------------------------- errors


def not_built() -> keras.Sequential:
    return keras.Sequential([layers.Dense(1)])


def functional() -> keras.Model:
    inputs = keras.Input(shape=(3,))
    return keras.Model(inputs, layers.Dense(1)(inputs))


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: "model", TypeError, "model must be a keras.Sequential model.*got str"),
        (lambda: None, TypeError, "model must be a keras.Sequential model.*got NoneType"),
        (
            lambda: np.zeros((3, 1)),
            TypeError,
            "model must be a keras.Sequential model.*got ndarray",
        ),
        (lambda: [layers.Dense(1)], TypeError, "model must be a keras.Sequential model.*got list"),
        (lambda: layers.Dense(1), TypeError, "model must be a keras.Sequential model.*got Dense"),
        (functional, TypeError, "model must be a keras.Sequential model.*got Functional"),
        (not_built, ValueError, r"not built yet.*keras.Input\(shape=\(n_features,\)\)"),
        (
            lambda: with_layers(
                (28, 28, 1), layers.Conv2D(4, 3), layers.Flatten(), layers.Dense(1)
            ),
            ValueError,
            r"layer 1 of .*\('conv2d'\) is a Conv2D: only Dense layers can be drawn",
        ),
        (  # named even before the model is built
            lambda: keras.Sequential([layers.Conv2D(4, 3), layers.Dense(1)]),
            ValueError,
            "is a Conv2D",
        ),
        (
            lambda: with_layers((9,), layers.Dense(8), layers.Dropout(0.2), layers.Dense(1)),
            ValueError,
            r"layer 2 of .*\('dropout(_\d+)?'\) is a Dropout",  # Keras numbers repeated names
        ),
        (lambda: with_layers((9,)), ValueError, "no Dense layer"),
        (lambda: with_layers((3, 4), layers.Dense(1)), ValueError, r"one row of numbers.*\(3, 4\)"),
    ],
)
def test_a_model_that_cannot_be_drawn(make, error: type, message: str) -> None:
    model = make()
    for function in (draw_network, layer_sizes):
        with pytest.raises(error, match=message):
            function(model)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"max_nodes_per_layer": 2}, ValueError, "max_nodes_per_layer must be a whole number"),
        ({"max_nodes_per_layer": 4.5}, ValueError, "max_nodes_per_layer must be a whole number"),
        ({"max_nodes_per_layer": True}, ValueError, "max_nodes_per_layer must be a whole number"),
        (
            {"feature_names": ["a", "b", "c"]},
            ValueError,
            "feature_names has 3 names, but the layer has 9",
        ),
        ({"output_names": ["a", "b"]}, ValueError, "output_names has 2 names"),
        ({"output_names": "mpg"}, TypeError, "output_names must be a list of names"),
        ({"output_names": 5}, TypeError, "output_names must be a list of names"),
        ({"ax": "left"}, TypeError, "ax must be None or 1 matplotlib Axes"),
    ],
)
def test_bad_arguments_are_clear_errors_before_any_drawing(
    kwargs, error: type, message: str
) -> None:
    model = sequential(9, 1)
    with pytest.raises(error, match=message):
        draw_network(model, **kwargs)
    assert plt.get_fignums() == []


@pytest.mark.parametrize(
    ("activation", "name"),
    [
        (None, "linear"),
        (" ReLU", "relu"),
        (keras.activations.tanh, "tanh"),
        ({"class_name": "function", "config": "my_activation"}, "my_activation"),
        ({"class_name": "LeakyReLU", "config": {"name": "leaky_re_lu"}}, "leaky_re_lu"),
        ({"class_name": "Custom", "config": {}}, "Custom"),
    ],
)
def test_activation_name(activation: object, name: str) -> None:
    assert activation_name(activation) == name


# ------------------------------------------------------------------------------ the module


def test_docstring_examples() -> None:
    assert doctest.testmod(network, optionflags=doctest.ELLIPSIS).failed == 0


# --- the Korean edition: setup_lesson(language="ko") ----------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: draw_network(5), TypeError, "model 인수는 keras.Sequential 모델이어야 합니다."),
        (
            lambda: layer_sizes(with_layers((3,), layers.Dropout(0.1, name="dropout"))),
            ValueError,
            "번째 레이어('dropout')는 Dropout 레이어입니다. Dense 레이어만 그릴 수 있습니다.",
        ),
        (
            lambda: draw_network(sequential(3, 1), max_nodes_per_layer=2),
            ValueError,
            "max_nodes_per_layer 인수는 3 이상의 정수여야 합니다. 받은 값: 2",
        ),
    ],
)
def test_a_korean_lesson_gets_its_errors_in_korean(
    korean: None, call: Callable[[], object], error: type, message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        call()
