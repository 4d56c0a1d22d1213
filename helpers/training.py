"""Training the same model again from the same start, to compare settings fairly."""

from typing import Any


def restart(model: Any, start_weights: list[Any], learning_rate: float, *, seed: int = 42) -> Any:
    """Put a compiled model back at ``start_weights``, with a fresh optimizer at ``learning_rate``.

    Introduced in lesson 04 (04_compile.ipynb), e.g. ``start = model.get_weights()`` once, then
    ``restart(model, start, 0.1).fit(X_train, y_train, epochs=5)`` for each learning rate.
    Reusing one model this way gives the same run as building and compiling a new one with the
    same starting weights, without Keras preparing a new model each time (the slow part of a
    short fit). The optimizer forgets earlier runs: its step count and, for Adam, its memory of
    past gradients are set back to 0. The seed makes every run see the same shuffled batches.
    """
    import keras  # here, so that importing helpers does not load Keras before setup_lesson

    model.set_weights(start_weights)
    for variable in model.optimizer.variables:
        variable.assign(keras.ops.zeros_like(variable))
    model.optimizer.learning_rate = learning_rate
    keras.utils.set_random_seed(seed)
    return model
