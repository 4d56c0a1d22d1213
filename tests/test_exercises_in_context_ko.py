"""Every exercise works inside its Korean lesson (notebooks/ko/): judged in English and in Korean.

A file of its own, so that `make test`'s two workers (pytest-xdist, one file each) share the work.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_exercises_in_context import KOREAN_NOTEBOOKS, check_in_context


@pytest.mark.parametrize("path", KOREAN_NOTEBOOKS, ids=[f"ko/{p.name}" for p in KOREAN_NOTEBOOKS])
def test_exercises_work_in_their_korean_lesson(path: Path) -> None:
    check_in_context(path)
