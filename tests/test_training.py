"""restart: one model trained again from the same start gives the same run as a new model."""

from __future__ import annotations

import numpy as np

from helpers.training import restart


def test_restart_repeats_a_run_exactly() -> None:
    import keras

    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3)).astype("float32")
    y = X @ np.array([1.0, -2.0, 0.5], dtype="float32") + 3.0
    keras.utils.set_random_seed(42)
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.1), loss="mse")
    start = model.get_weights()

    restart(model, start, 0.1)
    first = model.fit(X, y, epochs=3, batch_size=8, verbose=0).history["loss"]
    other = restart(model, start, 0.01).fit(X, y, epochs=3, batch_size=8, verbose=0).history["loss"]
    again = restart(model, start, 0.1).fit(X, y, epochs=3, batch_size=8, verbose=0).history["loss"]
    assert again == first and other != first
    assert (
        int(model.optimizer.iterations.numpy()) == 15
    )  # counted from 0 again: 3 epochs x 5 batches
