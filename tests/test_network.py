"""Tests for helpers.network: layer sizes, what is drawn (nodes, lines, labels, ellipsis), errors."""

from __future__ import annotations

import doctest
import subprocess
import sys
import warnings
from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")  # no window: must run before pyplot is imported

import keras  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from keras import layers  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.patches import Circle  # noqa: E402

import helpers.network as network  # noqa: E402
from helpers.network import draw_network, layer_sizes  # noqa: E402

FEATURES = ["cylinders", "displacement", "horsepower", "weight", "acceleration", "year",
            "origin_Europe", "origin_Japan", "origin_USA"]


def sequential(*sizes: int, activation: str = "relu") -> keras.Sequential:
    """Input(sizes[0]), then Dense layers of sizes[1:]; hidden ones with ``activation``."""
    stack: list = [keras.Input(shape=(sizes[0],))]
    stack += [layers.Dense(units, activation=activation) for units in sizes[1:-1]]
    stack.append(layers.Dense(sizes[-1]))
    return keras.Sequential(stack)


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


def test_pass_through_layers_add_no_size() -> None:
    model = keras.Sequential([keras.Input(shape=(9,)), layers.Dense(8, activation="relu"),
                              layers.Dropout(0.2), layers.Dense(1)])
    assert layer_sizes(model) == [9, 8, 1]


def test_a_model_built_without_input_but_by_build_is_drawn() -> None:
    model = keras.Sequential([layers.Dense(3, activation="relu"), layers.Dense(1)])
    model.build((None, 5))
    assert layer_sizes(model) == [5, 3, 1]


def test_a_model_built_by_calling_it_is_drawn() -> None:
    model = keras.Sequential([layers.Dense(2), layers.Dense(1)])
    model.predict(np.zeros((1, 4)), verbose=0)  # the batch dimension becomes 1, not None
    assert layer_sizes(model) == [4, 2, 1]


# ---------------------------------------------------------------------------- what is drawn


@pytest.mark.parametrize("sizes", [(9, 1), (9, 2, 1), (3, 4, 2, 1)])
def test_small_network_draws_every_node_and_connection(sizes: tuple[int, ...]) -> None:
    model = sequential(*sizes)
    ax = draw_network(model)
    assert len(circles(ax)) == sum(sizes)
    weights = sum(a * b for a, b in zip(sizes, sizes[1:]))
    assert n_lines(ax) == weights
    # Lines are weights; each Dense node adds a bias: together they are every parameter.
    assert n_lines(ax) + sum(sizes[1:]) == model.count_params()
    assert len(connections(ax)) == len(sizes) - 1
    assert "\u22ee" not in texts(ax)


def test_nodes_are_coloured_by_role_and_drawn_above_the_lines() -> None:
    ax = draw_network(sequential(2, 3, 1))
    colours = [matplotlib.colors.to_hex(c.get_facecolor()) for c in circles(ax)]
    assert colours == [network.COLORS["input"]] * 2 + [network.COLORS["hidden"]] * 3 + [network.COLORS["output"]]
    assert all(c.get_zorder() > line.get_zorder() for c in circles(ax) for line in connections(ax))


def test_labels_name_each_layer() -> None:
    model = keras.Sequential([keras.Input(shape=(9,)), layers.Dense(8, activation="relu"),
                              layers.Dense(4, activation="tanh"), layers.Dense(1)])
    found = texts(draw_network(model))
    for label in ("input: 9", "Dense 8, relu", "Dense 4, tanh", "output: 1",
                  "input layer", "hidden layer 1", "hidden layer 2", "output layer"):
        assert label in found


def test_one_hidden_layer_is_just_the_hidden_layer() -> None:
    found = texts(draw_network(sequential(9, 2, 1)))
    assert "hidden layer" in found and "hidden layer 1" not in found


def test_output_activation_is_shown_when_not_linear() -> None:
    model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(1, activation="sigmoid")])
    assert "output: 1, sigmoid" in texts(draw_network(model))


def test_large_layers_get_an_ellipsis_and_their_size() -> None:
    ax = draw_network(sequential(9, 64, 64, 1), max_nodes_per_layer=10)
    found = texts(ax)
    assert found.count("\u22ee") == 2
    assert found.count("64 in all") == 2
    assert "Dense 64, relu" in found
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
    import pandas as pd

    columns = pd.DataFrame(np.zeros((1, 9)), columns=FEATURES).columns
    assert "year" in texts(draw_network(sequential(9, 1), feature_names=columns))


def test_feature_names_of_a_large_input_label_the_nodes_shown() -> None:
    names = [f"x{i}" for i in range(20)]
    found = texts(draw_network(sequential(20, 1), feature_names=names, max_nodes_per_layer=5))
    assert [n for n in names if n in found] == ["x0", "x1", "x18", "x19"]


def test_notes_name_pass_through_layers() -> None:
    model = keras.Sequential([keras.Input(shape=(9,)), layers.Dense(8, activation="relu"),
                              layers.Dropout(0.2), layers.Dense(1)])
    ax = draw_network(model)
    assert len(circles(ax)) == 9 + 8 + 1
    assert any("+ Dropout 0.2" in text for text in texts(ax))


def test_draws_on_a_given_axes_and_sets_the_title() -> None:
    fig, axes = plt.subplots(1, 2)
    ax = draw_network(sequential(9, 2, 1), ax=axes[1], title="9 → 2 → 1")
    assert ax is axes[1]
    assert ax.get_title() == "9 → 2 → 1"
    assert len(fig.axes) == 2 and not axes[0].patches


def test_new_figure_without_title_and_axis_hidden() -> None:
    ax = draw_network(sequential(9, 1))
    assert ax.get_title() == "" and not ax.axison


def test_drawing_emits_no_warning_and_renders(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. a glyph missing from the font
        ax = draw_network(sequential(20, 64, 64, 1), feature_names=[f"f{i}" for i in range(20)],
                          output_names=["y"], title="big")
        ax.figure.savefig(tmp_path / "network.png")
    assert (tmp_path / "network.png").stat().st_size > 1000


def test_drawing_logs_nothing(caplog: pytest.LogCaptureFixture, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """matplotlib logs (to stderr, stored in a notebook) e.g. when fixed limits fight a fixed aspect."""
    with caplog.at_level("DEBUG", logger="matplotlib"):
        fig, axes = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
        draw_network(sequential(9, 2, 1), ax=axes[0])
        draw_network(sequential(9, 64, 64, 1), ax=axes[1])
        fig.savefig(tmp_path / "pair.png")
    assert [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")] == []


# ----------------------------------------------------------------------------------- errors


@pytest.mark.parametrize("thing", ["model", 42, None, np.zeros((3, 1)), [layers.Dense(1)]])
def test_not_a_model_is_a_type_error(thing: object) -> None:
    with pytest.raises(TypeError, match="needs a Keras model"):
        draw_network(thing)
    with pytest.raises(TypeError, match="needs a Keras model"):
        layer_sizes(thing)


def test_a_single_layer_is_a_type_error_with_advice() -> None:
    with pytest.raises(TypeError, match=r"not a single layer \(Dense\).*keras.Sequential"):
        draw_network(layers.Dense(1))


def test_a_functional_model_is_a_type_error() -> None:
    inputs = keras.Input(shape=(3,))
    model = keras.Model(inputs, layers.Dense(1)(inputs))
    with pytest.raises(TypeError, match="keras.Sequential"):
        draw_network(model)


def test_an_unbuilt_model_is_a_value_error_that_says_how_to_build_it() -> None:
    model = keras.Sequential([layers.Dense(1)])
    with pytest.raises(ValueError, match=r"not built yet.*keras.Input\(shape=\(n_features,\)\)"):
        draw_network(model)
    with pytest.raises(ValueError, match="not built yet"):
        layer_sizes(model)


def test_an_unsupported_layer_is_named() -> None:
    model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(4, 3), layers.Flatten(), layers.Dense(1)])
    with pytest.raises(ValueError, match=r"layer 1 of .*\('conv2d'\) is a Conv2D, which draw_network cannot draw"):
        draw_network(model)
    with pytest.raises(ValueError, match="is a Conv2D"):
        layer_sizes(keras.Sequential([layers.Conv2D(4, 3), layers.Dense(1)]))  # even before it is built
    model = keras.Sequential([keras.Input(shape=(9,)), layers.Dense(4), layers.Reshape((2, 2)),
                              layers.Flatten(), layers.Dense(1)])
    with pytest.raises(ValueError, match=r"layer 2 of 'sequential.*' \('reshape'\) is a Reshape.*cannot draw"):
        draw_network(model)


def test_an_input_that_is_not_one_row_of_features_is_a_value_error() -> None:
    model = keras.Sequential([keras.Input(shape=(3, 4)), layers.Dense(1)])
    with pytest.raises(ValueError, match=r"one row of numbers.*\(3, 4\)"):
        draw_network(model)


def test_a_model_without_dense_layers_is_a_value_error() -> None:
    model = keras.Sequential([keras.Input(shape=(9,)), layers.Dropout(0.1)])
    with pytest.raises(ValueError, match="no Dense layer"):
        draw_network(model)


@pytest.mark.parametrize("limit, error", [(2, ValueError), (0, ValueError), (4.5, TypeError), (True, TypeError)])
def test_max_nodes_per_layer_must_be_an_int_of_at_least_3(limit: object, error: type) -> None:
    with pytest.raises(error, match="max_nodes_per_layer"):
        draw_network(sequential(9, 1), max_nodes_per_layer=limit)  # type: ignore[arg-type]


def test_names_must_match_the_layer() -> None:
    with pytest.raises(ValueError, match="feature_names has 3 names, but the layer has 9 nodes"):
        draw_network(sequential(9, 1), feature_names=["a", "b", "c"])
    with pytest.raises(ValueError, match="output_names has 2 names"):
        draw_network(sequential(9, 1), output_names=["a", "b"])
    with pytest.raises(TypeError, match="single string"):
        draw_network(sequential(9, 1), output_names="mpg")


def test_ax_must_be_an_axes() -> None:
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        draw_network(sequential(9, 1), ax="left")  # type: ignore[arg-type]


def test_errors_come_before_any_drawing() -> None:
    before = plt.get_fignums()
    with pytest.raises(ValueError):
        draw_network(sequential(9, 1), feature_names=["a"])
    assert plt.get_fignums() == before


# ------------------------------------------------------------------------------ the module


def test_importing_the_module_does_not_load_keras() -> None:
    code = "import sys, helpers.network; assert 'keras' not in sys.modules and 'tensorflow' not in sys.modules; " \
           "assert 'matplotlib.pyplot' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_docstring_examples() -> None:
    assert doctest.testmod(network, optionflags=doctest.ELLIPSIS).failed == 0


@pytest.mark.parametrize("bad", [5, 2.5, None.__class__])
def test_output_names_that_are_not_a_list_are_a_clear_error(bad: object) -> None:
    import keras

    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    with pytest.raises(TypeError, match="output_names must be a list of names"):
        draw_network(model, output_names=bad)  # type: ignore[arg-type]
