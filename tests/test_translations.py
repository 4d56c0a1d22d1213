"""The Korean edition is in step with the English one, cell by cell (tools/translations.py).

The self-tests change an English lesson without its Korean counterpart, and the check must name the
Korean cell that is now stale; a check that cannot fail would let the editions drift apart.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
import translations

ENGLISH = translations.english_lessons()


def test_every_english_lesson_has_a_korean_lesson_and_nothing_else() -> None:
    korean = sorted(p.name for p in translations.KOREAN.glob("*.ipynb"))
    assert korean == [p.name for p in ENGLISH]


@pytest.mark.parametrize("english", ENGLISH, ids=[p.name for p in ENGLISH])
def test_the_korean_lesson_is_in_step(english: Path) -> None:
    assert translations.lesson_problems(english) == []


def _pair(tmp_path: Path, number: int = 1) -> tuple[Path, Path]:
    """Copies of an English lesson and its Korean lesson, to change one without the other."""
    english = ENGLISH[number]
    (tmp_path / "en").mkdir()
    (tmp_path / "ko").mkdir()
    en, ko = tmp_path / "en" / english.name, tmp_path / "ko" / english.name
    shutil.copy(english, en)
    shutil.copy(translations.korean_path(english), ko)
    assert translations.lesson_problems(en, ko) == []
    return en, ko


def _change(path: Path, change) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    change(nb)
    nbformat.write(nb, path)
    return nb


def _index(nb: nbformat.NotebookNode, cell_type: str, skip: int = 1) -> int:
    """The index of a cell of ``cell_type`` after the first ``skip`` (not the title, not setup)."""
    return [i for i, c in enumerate(nb.cells) if c.cell_type == cell_type][skip]


def test_a_changed_english_markdown_cell_makes_its_korean_cell_stale(tmp_path: Path) -> None:
    en, ko = _pair(tmp_path)
    nb = nbformat.read(en, as_version=4)
    index = _index(nb, "markdown")
    _change(en, lambda nb: setattr(nb.cells[index], "source", nb.cells[index].source + " More."))
    found = translations.lesson_problems(en, ko)
    assert found == [
        f"ko/{en.name}: cell {index} (id {nb.cells[index].id}) is stale: its English "
        "cell changed since it was translated"
    ]


def test_a_changed_english_code_cell_is_reported_for_its_korean_cell(tmp_path: Path) -> None:
    en, ko = _pair(tmp_path)
    nb = nbformat.read(en, as_version=4)
    index = _index(nb, "code", skip=2)
    _change(en, lambda nb: setattr(nb.cells[index], "source", nb.cells[index].source + "\nx = 1"))
    found = translations.lesson_problems(en, ko)
    assert any(f"cell {index} (id {nb.cells[index].id}) is stale" in p for p in found), found
    assert any(f"cell {index} " in p and "code differs" in p for p in found), found


def test_a_comment_changed_in_english_only_makes_the_korean_cell_stale(tmp_path: Path) -> None:
    en, ko = _pair(tmp_path)
    nb = nbformat.read(en, as_version=4)
    index = _index(nb, "code", skip=2)
    _change(
        en, lambda nb: setattr(nb.cells[index], "source", "# a new note\n" + nb.cells[index].source)
    )
    assert [p for p in translations.lesson_problems(en, ko) if "stale" in p]


def test_korean_code_may_change_only_comments_and_korean_text(tmp_path: Path) -> None:
    en, ko = _pair(tmp_path)
    nb = nbformat.read(ko, as_version=4)
    index = next(
        i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "load_dataset(" in c.source
    )
    _change(
        ko,
        lambda nb: setattr(
            nb.cells[index],
            "source",
            nb.cells[index]
            .source.replace("load_dataset(", "load_dataset( ", 1)
            .replace('"auto_mpg"', '"Auto_MPG"'),
        ),
    )
    assert any("must stay as in English" in p for p in translations.lesson_problems(en, ko))


def test_moved_missing_or_untranslated_cells_are_reported(tmp_path: Path) -> None:
    en, ko = _pair(tmp_path)
    english = nbformat.read(en, as_version=4)
    index = _index(english, "markdown")
    _change(ko, lambda nb: setattr(nb.cells[index], "source", english.cells[index].source))
    assert any("still in English" in p for p in translations.lesson_problems(en, ko))
    _change(ko, lambda nb: nb.cells.pop(index))
    assert "cells are not those of the English lesson" in translations.lesson_problems(en, ko)[0]


@pytest.mark.parametrize(
    ("english", "korean", "expected"),
    [
        ('print(f"mean: {x:.1f}")', 'print(f"평균: {x:.1f}")', []),
        ('print(f"mean: {x:.1f}")', 'print(f"평균: {x:.2f}")', ["the value '.1f' must stay"]),
        ('print(f"{n} hidden layers: {m}")', 'print(f"은닉층 {n}개: {m}")', []),  # word order
        ('print(f"{n} hidden layers: {m}")', 'print(f"은닉층 {m}개: {n}")', ["code differs"]),
        ('plt.title(f"{n} layers")', 'plt.title(f"층 {n}개")', ["the value '{} layers' must stay"]),
        (
            'plt.xlabel("mpg per car")',
            'plt.xlabel("차당 mpg")',
            ["the value 'mpg per car' must stay"],
        ),
        ('rows = {"baseline (mean)": 1}', 'rows = {"기준 모델(평균)": 1}', []),
        ('df["mpg"]', 'df["MPG"]', ["the value 'mpg' must stay"]),
        (
            "x = 1  # the mean of the target",
            "x = 1  # the mean of the target",
            ["is still English"],
        ),
        ("setup_lesson()", 'setup_lesson(language="ko")', []),
        ("x = 1", "x = 2", ["the value 1 must stay"]),
        ("x.mean()", "x.median()", ["code differs"]),
    ],
)
def test_what_a_translated_code_cell_may_change(
    english: str, korean: str, expected: list[str]
) -> None:
    found = translations.code_problems(english, korean)
    assert len(found) == len(expected) and all(
        e in f for e, f in zip(expected, found, strict=True)
    ), found
