"""setup_lesson: variables before Keras, seeds, the language, one line of versions, a warning when
too late."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest

from helpers.environment import REQUIRED_ENV, setup_lesson
from helpers.language import chosen


def _run(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new Python whose environment has none of REQUIRED_ENV."""
    env = {k: v for k, v in os.environ.items() if k not in REQUIRED_ENV}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_sets_variables_before_keras_seeds_and_prints_versions() -> None:
    result = _run("""
        import gc, os, sys
        from helpers import setup_lesson
        from helpers.environment import REQUIRED_ENV
        assert "keras" not in sys.modules
        setup_lesson(seed=7)
        assert all(os.environ[k] == v for k, v in REQUIRED_ENV.items())
        import numpy as np, keras
        print(np.random.rand(), float(keras.random.uniform(())), gc.get_freeze_count() > 100_000)
        setup_lesson(seed=7)  # running the first cell again: the same numbers, and no warning
        print(np.random.rand(), float(keras.random.uniform(())))
    """)
    assert result.returncode == 0, result.stderr
    versions, numbers, versions_again, again = result.stdout.splitlines()
    assert versions.startswith("Python 3.") and versions.endswith("| seed 7")
    assert "| TensorFlow 2." in versions and "| Keras 3." in versions
    assert numbers.endswith(" True"), "gc.freeze() keeps the collector off Keras' objects"
    assert numbers.rsplit(" ", 1)[0] == again and versions_again == versions
    assert result.stderr == "", "setup must be silent on stderr (no TensorFlow log, no warning)"


def test_warns_when_keras_was_imported_first() -> None:
    result = _run("""
        import warnings, keras
        from helpers import setup_lesson
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            setup_lesson()
        print(caught[0].category.__name__, caught[0].message)
    """)
    assert result.returncode == 0, result.stderr
    warning = result.stdout.splitlines()[-1]
    assert warning.startswith("RuntimeWarning Keras was imported before setup_lesson()")
    assert "TF_ENABLE_ONEDNN_OPTS" in warning and "Restart the kernel" in warning


def test_korean_lesson_setup() -> None:
    result = _run("""
        import pandas as pd
        from helpers import setup_lesson
        from helpers.language import chosen
        setup_lesson(seed=7, language="ko")
        print(chosen(), pd.get_option("display.unicode.east_asian_width"))
        setup_lesson(seed=7)  # back to English
        print(chosen(), pd.get_option("display.unicode.east_asian_width"))
    """)
    assert result.returncode == 0, result.stderr
    versions, korean, versions_again, english = result.stdout.splitlines()
    assert versions.startswith("Python 3.") and versions.endswith("| 시드 7")
    assert korean == "ko True" and english == "en False" and versions_again.endswith("| seed 7")


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"seed": "42"}, TypeError, "seed must be a whole number such as 42; got '42'"),
        ({"seed": 4.2}, TypeError, "seed must be a whole number such as 42; got 4.2"),
        ({"seed": True}, TypeError, "seed must be a whole number such as 42; got True"),
        ({"seed": -1}, ValueError, "seed must be from 0 to 2**32 - 1 (NumPy's limit); got -1"),
        (
            {"seed": 2**32},
            ValueError,
            "seed must be from 0 to 2**32 - 1 (NumPy's limit); got 4294967296",
        ),
        (
            {"language": "kr"},
            ValueError,
            'language must be "en" (English) or "ko" (Korean), not \'kr\'',
        ),
        (
            {"language": None},
            ValueError,
            'language must be "en" (English) or "ko" (Korean), not None',
        ),
        (
            {"seed": -1, "language": "ko"},
            ValueError,
            "seed must be from 0 to 2**32 - 1 (NumPy's limit); got -1",
        ),
    ],
)
def test_a_bad_argument_is_a_clear_error_and_changes_nothing(
    arguments: dict[str, object], error: type, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # v0.1: setup_lesson(seed=2**32) raised NumPy's error after the environment was half set.
    for name in REQUIRED_ENV:
        monkeypatch.delenv(name, raising=False)
    rc, precision, state = (
        dict(mpl.rcParams),
        pd.get_option("display.precision"),
        np.random.get_state(),
    )
    with pytest.raises(error) as excinfo:
        setup_lesson(**arguments)
    assert str(excinfo.value) == message
    assert not REQUIRED_ENV.keys() & os.environ.keys()
    assert dict(mpl.rcParams) == rc and pd.get_option("display.precision") == precision
    assert all(np.array_equal(a, b) for a, b in zip(np.random.get_state(), state, strict=True))
    assert chosen() == "en" and not pd.get_option("display.unicode.east_asian_width")
