"""Every exercise works inside its Korean lesson (notebooks/ko/): judged in English and in Korean.

The solution and every wrong answer of tests/answers run in the Korean lesson, and each message must
be the Korean translation of the English one. The other correct forms of an answer are judged by
the same code as in the English lesson (the code cells are identical: tools/translations.py), so
they run there only. A file of its own, so that `make test`'s two workers (pytest-xdist, one file
each) share the work.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_exercises_in_context import KOREAN_NOTEBOOKS, check_in_context


@pytest.mark.parametrize("path", KOREAN_NOTEBOOKS, ids=[f"ko/{p.name}" for p in KOREAN_NOTEBOOKS])
def test_exercises_work_in_their_korean_lesson(path: Path) -> None:
    check_in_context(path)
