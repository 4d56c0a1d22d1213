"""Draw a network: one circle per input and per node of each Dense layer, one line per weight.

Before coding a network, draw it. :func:`draw_network` makes the picture of a
``keras.Sequential`` model of Dense layers, and :func:`layer_sizes` gives its numbers::

    model = keras.Sequential([keras.Input(shape=(9,)),
                              layers.Dense(8, activation="relu"),
                              layers.Dense(1)])
    layer_sizes(model)   # [9, 8, 1]
    draw_network(model, feature_names=X_train.columns)

Biases are not drawn (each Dense node adds one), so ``model.count_params()`` is the number of
lines plus the number of Dense nodes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from helpers.language import _
from helpers.plots import drawing_axes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Fill colours of the nodes: inputs, hidden layers, output.
COLORS = {"input": "#9ecae1", "hidden": "#fdd0a2", "output": "#a1d99b"}
_GAP = 4.0  # horizontal distance between two columns, in node spacings
_INCH = 0.4  # inches per node spacing in a figure made by draw_network
_RADIUS = 0.32  # radius of a node, in node spacings


def activation_name(activation: Any) -> str:
    """The name of an activation as Keras stores it in a layer: "relu", ..., "linear" for None.

    Used by :func:`draw_network` (lesson 03) for its labels, and by the exercise checks.
    """
    if activation is None:
        return "linear"
    if isinstance(activation, str):
        return activation.strip().lower()
    if isinstance(activation, Mapping):  # a serialized activation, e.g. a function of your own
        config = activation.get("config")
        name = config.get("name") if isinstance(config, Mapping) else config
        return str(name or activation.get("class_name", "custom"))
    return str(getattr(activation, "__name__", "custom"))


def _layers(model: Any) -> list[tuple[int, str]]:
    """``(size, activation)`` of the inputs, then of each Dense layer; checks ``model``."""
    import keras  # here, not at module import: importing helpers must not load TensorFlow

    if not isinstance(model, keras.Sequential):
        message = _(
            "model must be a keras.Sequential model, e.g. keras.Sequential("
            "[keras.Input(shape=(9,)), layers.Dense(1)]); got {type}"
        )
        raise TypeError(message.format(type=type(model).__name__))
    for i, layer in enumerate(model.layers, start=1):
        if not isinstance(layer, keras.layers.Dense):
            message = _(
                "layer {i} of {model!r} ({layer!r}) is a {kind}: only Dense layers can be drawn"
            )
            kind = type(layer).__name__
            raise ValueError(message.format(i=i, model=model.name, layer=layer.name, kind=kind))
    if not model.layers:
        message = _("the model {model!r} has no Dense layer: there is nothing to draw")
        raise ValueError(message.format(model=model.name))
    try:
        shape = tuple(model.inputs[0].shape)[1:]  # without the batch dimension
    except (AttributeError, ValueError):  # Keras: "has no defined inputs yet"
        message = _(
            "the model {model!r} is not built yet, so its number of inputs is unknown: "
            "start it with keras.Input(shape=(n_features,))"
        )
        raise ValueError(message.format(model=model.name)) from None
    if len(shape) != 1 or shape[0] is None:
        message = _(
            "the model's input must be one row of numbers, keras.Input(shape=(n_features,)); "
            "the input of {model!r} has shape {shape}"
        )
        raise ValueError(message.format(model=model.name, shape=shape))
    dense = [(int(layer.units), activation_name(layer.activation)) for layer in model.layers]
    return [(int(shape[0]), "")] + dense


def layer_sizes(model: Any) -> list[int]:
    """The number of inputs, then the number of units of each Dense layer, e.g. ``[9, 64, 1]``.

    Introduced in lesson 03 (03_sequential_model.ipynb); ``model`` as for :func:`draw_network`.
    """
    return [size for size, _ in _layers(model)]


def _slots(size: int, max_nodes: int) -> list[int | None]:
    """Which nodes of a column are drawn, top to bottom: node numbers, None for the ``⋮``."""
    if size <= max_nodes:
        return list(range(size))
    head = max_nodes // 2
    tail = max_nodes - 1 - head
    return [*range(head), None, *range(size - tail, size)]


def _names(values: Iterable[Any] | None, size: int, what: str) -> list[str] | None:
    """``values`` as ``size`` names (one per node), or None; checked."""
    if values is None:
        return None
    if isinstance(values, str) or not isinstance(values, Iterable):
        message = _("{what} must be a list of names, one per node; got {values!r:.40}")
        raise TypeError(message.format(what=what, values=values))
    names = [str(value) for value in values]
    if len(names) != size:
        message = _("{what} has {n} names, but the layer has {size} nodes")
        raise ValueError(message.format(what=what, n=len(names), size=size))
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

    Introduced in lesson 03 (03_sequential_model.ipynb). The model starts with
    ``keras.Input(shape=(n_features,))``. A layer of more than ``max_nodes_per_layer`` nodes shows
    its first and last nodes, with ``⋮`` and its size in between. ``feature_names`` (e.g.
    ``X_train.columns``) and ``output_names`` are written beside the inputs and the outputs.

    >>> import keras
    >>> model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
    >>> ax = draw_network(model, feature_names=["a", "b", "c"], title="y = w·x + b")
    >>> len(ax.patches), len(ax.collections[0].get_segments())  # 4 nodes, 3 weights
    (4, 3)
    """
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Circle

    layers = _layers(model)
    if not isinstance(max_nodes_per_layer, int) or max_nodes_per_layer < 3:
        message = _("max_nodes_per_layer must be a whole number from 3 up, not {value!r}")
        raise ValueError(message.format(value=max_nodes_per_layer))
    inputs = _names(feature_names, layers[0][0], "feature_names")
    outputs = _names(output_names, layers[-1][0], "output_names")

    slots = [_slots(size, max_nodes_per_layer) for size, _ in layers]
    rows = max(len(s) for s in slots)
    last = len(layers) - 1
    width = _INCH * (last * _GAP + 2.6) + (1.3 if inputs else 0) + (0.6 if outputs else 0)
    height = _INCH * (max(rows, 4) + 3.4) + (0.35 if title else 0)
    ax = drawing_axes(ax, 1, (width, height))[0]  # a new figure is sized for the network

    # Node centres, top to bottom: positions[column][row] = (x, y).
    positions = [
        [(i * _GAP, (len(s) - 1) / 2 - row) for row in range(len(s))] for i, s in enumerate(slots)
    ]
    # The lines first, so that the nodes are drawn on top of them: one line per weight shown.
    for i in range(last):
        left = [p for p, node in zip(positions[i], slots[i], strict=True) if node is not None]
        right = [
            p for p, node in zip(positions[i + 1], slots[i + 1], strict=True) if node is not None
        ]
        segments = [(a, b) for a in left for b in right]
        alpha = 0.6 if len(segments) <= 30 else 0.35
        ax.add_collection(
            LineCollection(segments, colors="0.45", linewidths=0.7, alpha=alpha, zorder=1)
        )

    top = (rows - 1) / 2
    for i, ((size, activation), column_slots) in enumerate(zip(layers, slots, strict=True)):
        role = "input" if i == 0 else "output" if i == last else "hidden"
        if role == "input":
            label, caption = f"input: {size}", "input layer"
        elif role == "output":
            label, caption = f"output: {size}", "output layer"
            label += "" if activation == "linear" else f", {activation}"
        else:
            label = f"Dense {size}\n{activation}"  # two lines: neighbours' labels do not touch
            caption = "hidden layer" if last == 2 else f"hidden layer {i}"
        for (x, y), node in zip(positions[i], column_slots, strict=True):
            if node is None:  # the ellipsis of a large layer, and its size
                ax.text(x, y, "\u22ee", ha="center", va="center", fontsize=16)
                ax.text(
                    x + _RADIUS + 0.15,
                    y,
                    f"{size} in all",
                    ha="left",
                    va="center",
                    fontsize=9,
                    color="0.25",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
                )
                continue
            ax.add_patch(Circle((x, y), _RADIUS, facecolor=COLORS[role], edgecolor="0.2", zorder=2))
            if role == "input" and inputs:
                ax.text(x - _RADIUS - 0.2, y, inputs[node], ha="right", va="center", fontsize=9)
            if role == "output" and outputs:
                ax.text(x + _RADIUS + 0.2, y, outputs[node], ha="left", va="center", fontsize=9)
        ax.text(
            i * _GAP, top + 0.9, label, ha="center", va="bottom", fontsize=10, fontweight="bold"
        )
        ax.text(i * _GAP, -top - 0.7, caption, ha="center", va="top", fontsize=9, color="0.3")

    ax.set_xlim(-1.3, last * _GAP + 1.3)
    above = 1.7 if last < 2 else 2.1  # room for the labels above (two lines over hidden layers)
    ax.set_ylim(-top - 1.4, top + above)  # and for the captions below
    ax.set_aspect("equal", adjustable="box")
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax
