"""The shared setup that every lesson runs in its first code cell: :func:`setup_lesson`.

TensorFlow reads its logging and oneDNN settings once, when it is first imported, so they must be
in the environment *before* Keras loads.
"""

import gc
import os
import platform
import sys
import warnings

from helpers.language import N_, _, choose

#: Environment variables that must be set before TensorFlow is imported (the tests use them too).
#: - TF_CPP_MIN_LOG_LEVEL=3 and TF_ENABLE_ONEDNN_OPTS=0 together silence TensorFlow's C++ log lines
#:   (which Jupyter would store but pytest never sees) and make numbers the same on every run.
#: - KERAS_BACKEND=tensorflow overrides a user's ~/.keras/keras.json.
#: - COLUMNS=80 fixes the width of ``model.summary()``.
#: - PYTHONHASHSEED=0 is only honoured by new processes (the kernels of the tests); set anyway.
REQUIRED_ENV: dict[str, str] = {
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "KERAS_BACKEND": "tensorflow",
    "COLUMNS": "80",
    "PYTHONHASHSEED": "0",
}


def setup_lesson(seed: int = 42, language: str = "en") -> None:
    """Prepare a lesson: environment variables, seeds, display options, the language of the
    helpers' messages ("en" English, "ko" Korean: the lessons in notebooks/ko/); print the versions.

    Introduced in lesson 00 (00_start_here.ipynb). Call it in the first code cell, before anything
    imports Keras; running that cell again re-seeds the random number generators. A bad ``seed``
    (a whole number from 0 to 2**32 - 1) or ``language`` is an error before anything is changed.
    """
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(_("seed must be a whole number such as 42; got {seed}", seed=repr(seed)))
    if not 0 <= seed < 2**32:
        raise ValueError(
            _("seed must be from 0 to 2**32 - 1 (NumPy's limit); got {seed}", seed=seed)
        )
    choose(language)  # an error if it is not "en" or "ko", before anything changed

    wrong = [k for k, v in REQUIRED_ENV.items() if k != "PYTHONHASHSEED" and os.environ.get(k) != v]
    if wrong and ("keras" in sys.modules or "tensorflow" in sys.modules):
        too_late = N_(
            "Keras was imported before setup_lesson(), so these settings cannot take effect: "
            "{names}. Restart the kernel (Kernel > Restart Kernel) and run the first cell before "
            "any other."
        )
        warnings.warn(_(too_late, names=", ".join(wrong)), RuntimeWarning, stacklevel=2)
    os.environ.update(REQUIRED_ENV)

    import matplotlib as mpl
    import pandas as pd

    pd.set_option("display.precision", 3)  # more decimals would only show CPU noise
    pd.set_option("display.width", 80)
    # Korean letters are two columns wide on screen: without this, tables with Korean labels
    # do not line up.
    pd.set_option("display.unicode.east_asian_width", language == "ko")
    mpl.rcParams.update(  # readable, compact figures that look the same on every machine
        {
            "figure.figsize": (6.0, 4.0),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "font.size": 11,
            "axes.titlesize": 12,
            "legend.fontsize": 10,
            "figure.max_open_warning": 0,
        }
    )

    import keras  # deliberately after the variables above
    import tensorflow as tf

    # TensorFlow and Keras leave ~400,000 objects that live as long as the kernel; freezing them
    # keeps the garbage collector from walking them again on every full collection (TensorFlow
    # triggers many while it traces a new model): training cells run 15-20 % faster, same results.
    gc.freeze()
    keras.utils.set_random_seed(seed)  # seeds Python, NumPy and the backend together
    # TensorFlow's Python-side log (e.g. "triggered tf.function retracing" when a lesson trains
    # several small models in a loop) is advice for library authors, not for learners.
    tf.get_logger().setLevel("ERROR")
    python = ".".join(platform.python_version_tuple()[:2])
    versions = N_("Python {python} | TensorFlow {tensorflow} | Keras {keras} | seed {seed}")
    print(_(versions, python=python, tensorflow=tf.__version__, keras=keras.__version__, seed=seed))
