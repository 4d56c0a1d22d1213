"""setup_lesson: variables before Keras, seeds, one line of versions, a clear warning when too late."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from helpers.environment import REQUIRED_ENV, SetupOrderWarning, setup_lesson


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED_ENV}
    clean.update(env)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env=clean, timeout=120, check=False)


def test_sets_variables_before_keras_and_prints_versions() -> None:
    result = _run("""
        import os, sys
        from helpers import setup_lesson
        assert "keras" not in sys.modules
        setup_lesson(seed=7)
        print(sorted((k, os.environ[k]) for k in ("TF_CPP_MIN_LOG_LEVEL", "TF_ENABLE_ONEDNN_OPTS",
                                                   "KERAS_BACKEND", "COLUMNS")))
    """)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert first.startswith("Python 3.") and "| TensorFlow 2." in first and "| Keras 3." in first
    assert first.endswith("| seed 7")
    assert "('TF_ENABLE_ONEDNN_OPTS', '0')" in second and "('COLUMNS', '80')" in second
    assert result.stderr == "", "setup must be silent on stderr (no TensorFlow log lines)"


def test_same_seed_gives_same_numbers() -> None:
    code = """
        from helpers import setup_lesson
        setup_lesson(seed=3, quiet=True)
        import numpy as np, keras
        print(np.random.rand(), float(keras.random.uniform(())), keras.layers.Dense(2).build((None, 3)) or 0)
    """
    assert _run(code).stdout == _run(code).stdout


def test_warns_when_keras_was_imported_first() -> None:
    result = _run("""
        import warnings, keras
        from helpers.environment import SetupOrderWarning, setup_lesson
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            setup_lesson(quiet=True)
        assert any(issubclass(w.category, SetupOrderWarning) for w in caught), caught
        print(caught[0].message)
    """)
    assert result.returncode == 0, result.stderr
    assert "Restart the kernel" in result.stdout and "TF_ENABLE_ONEDNN_OPTS" in result.stdout


def test_running_the_first_cell_again_is_quiet() -> None:
    result = _run("""
        import warnings
        from helpers import setup_lesson
        setup_lesson(quiet=True)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            setup_lesson(quiet=True)  # Keras is loaded now, but with the right settings
        print("ok")
    """)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


@pytest.mark.parametrize("seed, error, match", [
    ("42", TypeError, "whole number"), (4.2, TypeError, "whole number"), (True, TypeError, "whole number"),
    (-1, ValueError, "from 0 to 2\\*\\*32 - 1"), (2**32, ValueError, "from 0 to 2\\*\\*32 - 1"),
])
def test_bad_seed_is_a_clear_error(seed, error, match) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=match):
        setup_lesson(seed=seed)


def test_warning_class_is_a_runtime_warning() -> None:
    assert issubclass(SetupOrderWarning, RuntimeWarning)


def test_a_bad_seed_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # v0.1: setup_lesson(seed=2**32) raised NumPy's error after the environment was half set.
    monkeypatch.setenv("COLUMNS", "123")
    with pytest.raises(ValueError):
        setup_lesson(seed=2**32)
    assert os.environ["COLUMNS"] == "123"


def test_setup_freezes_the_imported_objects_for_faster_garbage_collection() -> None:
    result = _run("""
        import gc
        from helpers import setup_lesson
        before = gc.get_freeze_count()
        setup_lesson(quiet=True)
        frozen = gc.get_freeze_count()
        setup_lesson(quiet=True)   # re-running the first cell is fine
        print(before, frozen > 100_000, gc.get_freeze_count() >= frozen)
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "True", "True"]
