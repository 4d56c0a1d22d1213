"""Draw a network: the picture of a ``keras.Sequential`` model made of Dense layers.

Before coding a network, draw it: one circle per input feature, one circle per node of each
Dense layer, and a line for every connection, that is for every weight. :func:`draw_network`
makes that picture from a model, and :func:`layer_sizes` gives the numbers it is made of::

    model = keras.Sequential([keras.Input(shape=(9,)),
                              layers.Dense(8, activation="relu"),
                              layers.Dense(1)])
    layer_sizes(model)   # [9, 8, 1]
    draw_network(model, feature_names=X_train.columns)

What is drawn:

* one column per layer: the inputs, each Dense layer, the output (the last Dense layer);
  above each column its label, e.g. ``input: 9``, ``Dense 8, relu``, ``output: 1``;
* a thin line from every node to every node of the next column: with no ellipsis, the
  number of lines is the number of weights;
* biases are not drawn (each Dense node adds one), so ``model.count_params()`` is the number
  of lines plus the number of Dense nodes;
* a layer with more nodes than ``max_nodes_per_layer`` shows its first and last few nodes
  with a vertical ellipsis ``⋮`` and the layer's size in between, so a 64-64 network stays
  readable (its lines are then only those between the nodes shown).

Which models it draws: a ``keras.Sequential`` model that starts with
``keras.Input(shape=(n_features,))`` and has Dense layers. Layers that keep the number of
values, such as ``Dropout`` or ``Normalization`` (see :data:`PASS_THROUGH_LAYERS`), are not
drawn as columns: they are named under the label of the column before them
(``+ Dropout 0.2``). Any other layer (``Conv2D``, ``Flatten``, ...) raises a ValueError that
names it.

This module does not import Keras (nor pyplot) until a function is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from matplotlib.axes import Axes

__all__ = ["PASS_THROUGH_LAYERS", "draw_network", "layer_sizes"]

#: Keras layer classes that keep the number of values per example. They are not drawn as a
#: column; the label of the column before them names them instead.
PASS_THROUGH_LAYERS: tuple[str, ...] = (
    "Dropout",
    "GaussianNoise",
    "GaussianDropout",
    "Normalization",
    "BatchNormalization",
    "LayerNormalization",
    "Activation",
)

#: Fill colours of the nodes: inputs, hidden layers, output.
COLORS: Mapping[str, str] = {"input": "#9ecae1", "hidden": "#fdd0a2", "output": "#a1d99b"}

_ELLIPSIS = "\u22ee"  # ⋮ (vertical ellipsis), in matplotlib's default font DejaVu Sans
_GAP = 4.0            # horizontal distance between two columns, in node spacings
_INCH = 0.4           # inches per node spacing in a figure made by draw_network
_RADIUS = 0.32        # radius of a node, in node spacings
_LABEL_SIZE = 10
_SMALL_SIZE = 9
_TITLE_SIZE = 12


@dataclass(frozen=True)
class _Column:
    """One drawn column: the inputs or one Dense layer."""

    size: int
    role: str                  # "input", "hidden" or "output"
    label: str                 # e.g. "input: 9", "Dense 8, relu", "output: 1"
    caption: str               # e.g. "input layer", "hidden layer 1", "output layer"
    notes: tuple[str, ...] = ()  # pass-through layers that follow, e.g. "+ Dropout 0.2"


# ----------------------------------------------------------------------------- reading a model


def _activation_name(activation: Any) -> str:
    """``'relu'``, ``'linear'``, ... from a Dense layer's config value."""
    if activation is None:
        return "linear"
    if isinstance(activation, str):
        return activation
    if isinstance(activation, Mapping):  # a serialized activation
        config = activation.get("config")
        if isinstance(config, Mapping) and config.get("name"):
            return str(config["name"])
        return str(activation.get("class_name", "custom"))
    return str(getattr(activation, "__name__", "custom"))


def _note(layer: Any) -> str:
    """How a pass-through layer is named under the column before it, e.g. ``+ Dropout 0.2``."""
    kind = type(layer).__name__
    config = layer.get_config()
    if kind in ("Dropout", "GaussianDropout") and "rate" in config:
        return f"+ {kind} {config['rate']:g}"
    if kind == "GaussianNoise" and "stddev" in config:
        return f"+ {kind} {config['stddev']:g}"
    if kind == "Activation":
        return f"+ Activation {_activation_name(config.get('activation'))}"
    return f"+ {kind}"


def _input_size(model: Any) -> int:
    """The number of features the model takes, from ``model.inputs[0].shape``."""
    try:
        inputs = model.inputs
    except (AttributeError, ValueError):  # Keras: "has no defined inputs yet"
        inputs = None
    if not inputs:
        raise ValueError(
            f"the model {model.name!r} is not built yet, so its number of inputs is unknown: "
            "start it with keras.Input(shape=(n_features,)), e.g. "
            "keras.Sequential([keras.Input(shape=(9,)), layers.Dense(1)])"
        )
    if len(inputs) != 1:
        raise ValueError(f"draw_network draws models with one input; {model.name!r} has {len(inputs)}")
    feature_shape = tuple(inputs[0].shape)[1:]  # drop the batch dimension
    if len(feature_shape) != 1 or feature_shape[0] is None:
        raise ValueError(
            "draw_network draws models whose input is one row of numbers, "
            f"keras.Input(shape=(n_features,)); the input of {model.name!r} has shape {feature_shape}"
        )
    return int(feature_shape[0])


def _columns(model: Any) -> list[_Column]:
    """Check ``model`` and describe what :func:`draw_network` draws, column by column."""
    import keras  # here, not at module import: importing helpers must not load TensorFlow

    if not isinstance(model, keras.Model):
        if isinstance(model, keras.layers.Layer):
            raise TypeError(
                f"draw_network needs a model, not a single layer ({type(model).__name__}): put the "
                "layers in keras.Sequential([keras.Input(shape=(n_features,)), ...])"
            )
        module = type(model).__module__.split(".")[0]
        kind = type(model).__qualname__ if module == "builtins" else f"{module}.{type(model).__qualname__}"
        raise TypeError(f"draw_network needs a Keras model such as keras.Sequential([...]), not a {kind}")
    if not isinstance(model, keras.Sequential):
        raise TypeError(
            f"draw_network draws keras.Sequential models; {model.name!r} is a "
            f"{type(model).__name__} (a functional model can branch, which this picture cannot show)"
        )
    pass_through = tuple(
        cls for cls in (getattr(keras.layers, name, None) for name in PASS_THROUGH_LAYERS) if cls is not None
    )
    input_layer = getattr(keras.layers, "InputLayer", ())

    # The layers first, so that e.g. a Conv2D model is reported by its Conv2D, then the input size.
    specs: list[dict[str, Any]] = [{"size": 0, "activation": None, "notes": []}]
    for position, layer in enumerate(model.layers, start=1):
        if input_layer and isinstance(layer, input_layer):
            continue
        if isinstance(layer, keras.layers.Dense):
            config = layer.get_config()
            specs.append({"size": int(config["units"]),
                          "activation": _activation_name(config.get("activation")), "notes": []})
        elif isinstance(layer, pass_through):
            specs[-1]["notes"].append(_note(layer))
        else:
            raise ValueError(
                f"layer {position} of {model.name!r} ({layer.name!r}) is a {type(layer).__name__}, which "
                "draw_network cannot draw: it draws Dense layers, and names "
                f"{', '.join(PASS_THROUGH_LAYERS)} layers without drawing them"
            )
    if len(specs) == 1:
        raise ValueError(f"the model {model.name!r} has no Dense layer: there is nothing to draw")
    specs[0]["size"] = _input_size(model)

    columns = []
    last = len(specs) - 1
    for index, spec in enumerate(specs):
        if index == 0:
            role, label, caption = "input", f"input: {spec['size']}", "input layer"
        elif index == last:
            role, label, caption = "output", f"output: {spec['size']}", "output layer"
            if spec["activation"] != "linear":
                label += f", {spec['activation']}"
        else:
            role, label = "hidden", f"Dense {spec['size']}, {spec['activation']}"
            caption = "hidden layer" if last == 2 else f"hidden layer {index}"
        columns.append(_Column(spec["size"], role, label, caption, tuple(spec["notes"])))
    return columns


def layer_sizes(model: Any) -> list[int]:
    """The number of inputs, then the number of units of each Dense layer, in order.

    Args:
        model: a ``keras.Sequential`` model that starts with ``keras.Input(shape=(n_features,))``.

    Returns:
        A list of ints, e.g. ``[9, 64, 64, 1]``. Pass-through layers such as Dropout add nothing.

    Raises:
        TypeError: ``model`` is not a ``keras.Sequential`` model.
        ValueError: the model has no Input (not built), its input is not one row of features,
            it has no Dense layer, or it has a layer that is neither Dense nor a pass-through
            layer (the message names it).

    Example:
        >>> import keras
        >>> layer_sizes(keras.Sequential([keras.Input(shape=(9,)), keras.layers.Dense(2, activation="relu"),
        ...                               keras.layers.Dense(1)]))
        [9, 2, 1]
    """
    return [column.size for column in _columns(model)]


# ------------------------------------------------------------------------------------- drawing


def _slots(size: int, max_nodes: int) -> list[int | None]:
    """Which nodes of a column are drawn, top to bottom: node indices, None for the ellipsis."""
    if size <= max_nodes:
        return list(range(size))
    head = max_nodes // 2
    tail = max_nodes - 1 - head
    return [*range(head), None, *range(size - tail, size)]


def _names(values: Iterable[Any] | None, size: int, what: str) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{what} must be a list of names, one per node, not a single string")
    try:
        names = [str(value) for value in values]
    except TypeError:
        raise TypeError(f"{what} must be a list of names, one per node, not {type(values).__name__}") from None
    if len(names) != size:
        raise ValueError(f"{what} has {len(names)} names, but the layer has {size} nodes")
    return names


def draw_network(
    model: Any,
    *,
    ax: Axes | None = None,
    max_nodes_per_layer: int = 10,
    title: str | None = None,
    feature_names: Iterable[Any] | None = None,
    output_names: Iterable[Any] | None = None,
) -> Axes:
    """Draw the nodes and connections of a ``keras.Sequential`` model of Dense layers.

    Args:
        model: a ``keras.Sequential`` model that starts with ``keras.Input(shape=(n_features,))``
            and contains Dense layers (Dropout and other pass-through layers are named, not drawn).
        ax: the Axes to draw on; ``None`` (default) makes a new figure sized for the network.
        max_nodes_per_layer: a layer with more nodes shows its first and last nodes and a
            ``⋮`` with its size in between, in this many rows (at least 3).
        title: the title above the drawing.
        feature_names: one name per input, written left of the input nodes
            (e.g. ``X_train.columns``).
        output_names: one name per output node, written right of it (e.g. ``["mpg"]``).

    Returns:
        The Axes drawn on. Nodes are ``matplotlib.patches.Circle`` patches; the connections
        between two columns are one ``LineCollection`` each.

    Raises:
        TypeError: ``model`` is not a ``keras.Sequential`` model, ``ax`` is not an Axes, or
            names are given as a single string.
        ValueError: the model cannot be drawn (no Input, an input that is not one row of
            features, no Dense layer, or a layer of another type, named in the message),
            ``max_nodes_per_layer`` is below 3, or the number of names does not match.

    Example:
        >>> import keras
        >>> model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
        >>> ax = draw_network(model, feature_names=["a", "b", "c"], title="y = w·x + b")
        >>> len(ax.patches), len(ax.collections[0].get_segments())  # 4 nodes, 3 weights
        (4, 3)
    """
    columns = _columns(model)
    if isinstance(max_nodes_per_layer, bool) or not isinstance(max_nodes_per_layer, int):
        raise TypeError(f"max_nodes_per_layer must be an int, not {type(max_nodes_per_layer).__name__}")
    if max_nodes_per_layer < 3:
        raise ValueError(f"max_nodes_per_layer must be at least 3, got {max_nodes_per_layer}")
    if ax is not None and not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes (e.g. from fig, ax = plt.subplots()) or None; "
                        f"got {type(ax).__name__}")
    inputs = _names(feature_names, columns[0].size, "feature_names")
    outputs = _names(output_names, columns[-1].size, "output_names")

    from matplotlib.collections import LineCollection
    from matplotlib.patches import Circle

    slots = [_slots(column.size, max_nodes_per_layer) for column in columns]
    rows = max(len(s) for s in slots)
    if ax is None:
        import matplotlib.pyplot as plt  # here, so that importing this module picks no backend

        notes = max(len(column.notes) for column in columns)
        width = _INCH * ((len(columns) - 1) * _GAP + 2.6) + (1.3 if inputs else 0) + (0.6 if outputs else 0)
        height = _INCH * (max(rows, 4) + 3.4 + 0.55 * notes) + (0.35 if title else 0)
        _, ax = plt.subplots(figsize=(width, height), layout="constrained")

    # Node centres, top to bottom: ``positions[column][slot] = (x, y)``.
    positions = [[(index * _GAP, (len(s) - 1) / 2 - row) for row in range(len(s))] for index, s in enumerate(slots)]

    # Connections first, so that the nodes are drawn on top of them.
    for index in range(len(columns) - 1):
        left = [p for p, node in zip(positions[index], slots[index]) if node is not None]
        right = [p for p, node in zip(positions[index + 1], slots[index + 1]) if node is not None]
        segments = [(a, b) for a in left for b in right]
        alpha = 0.6 if len(segments) <= 30 else 0.35
        ax.add_collection(LineCollection(segments, colors="0.45", linewidths=0.7, alpha=alpha, zorder=1,
                                         gid="connections"))

    top = (rows - 1) / 2
    for index, (column, column_slots) in enumerate(zip(columns, slots)):
        x = index * _GAP
        for (px, py), node in zip(positions[index], column_slots):
            if node is None:
                ax.text(px, py, _ELLIPSIS, ha="center", va="center", fontsize=16, zorder=3)
                ax.text(px + _RADIUS + 0.15, py, f"{column.size} in all", ha="left", va="center",
                        fontsize=_SMALL_SIZE, color="0.25", zorder=3,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})
                continue
            ax.add_patch(Circle((px, py), _RADIUS, facecolor=COLORS[column.role], edgecolor="0.2",
                                linewidth=1.0, zorder=2))
            if index == 0 and inputs:
                ax.text(px - _RADIUS - 0.2, py, inputs[node], ha="right", va="center", fontsize=_SMALL_SIZE)
            if index == len(columns) - 1 and outputs:
                ax.text(px + _RADIUS + 0.2, py, outputs[node], ha="left", va="center", fontsize=_SMALL_SIZE)
        ax.text(x, top + 0.9, column.label, ha="center", va="bottom", fontsize=_LABEL_SIZE, fontweight="bold")
        ax.text(x, -top - 0.7, "\n".join([column.caption, *column.notes]), ha="center", va="top",
                fontsize=_SMALL_SIZE, color="0.3", linespacing=1.3)

    ax.set_xlim(-1.3, (len(columns) - 1) * _GAP + 1.3)
    below = max((len(column.notes) for column in columns), default=0)
    ax.set_ylim(-top - 1.4 - 0.55 * below, top + 1.7)  # room for the labels above, the captions below
    ax.set_aspect("equal", adjustable="box")
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=_TITLE_SIZE)
    return ax
