"""Training the same model again from the same start, to compare settings fairly."""

from typing import Any


def restart(model: Any, start_weights: list[Any], learning_rate: float, *, seed: int = 42) -> Any:
    """Put a compiled model back at ``start_weights``, with a fresh optimizer at ``learning_rate``.

    Introduced in lesson 04 (04_compile.ipynb), e.g. ``start = model.get_weights()`` once, then
    ``restart(model, start, 0.1).fit(X_train, y_train, epochs=5)`` for each learning rate: the
    same run as a new model with the same starting weights, only faster. The optimizer forgets
    earlier runs (its step count, Adam's memory of past gradients); the seed gives every run the
    same shuffled batches.
    """
    import keras  # here, so that importing helpers does not load Keras before setup_lesson

    model.set_weights(start_weights)
    for variable in model.optimizer.variables:
        variable.assign(keras.ops.zeros_like(variable))
    model.optimizer.learning_rate = learning_rate
    keras.utils.set_random_seed(seed)
    return model
