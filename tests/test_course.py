"""Course-wide promises: the lesson map lists exactly the lessons; the glossary is consistent."""

from __future__ import annotations

import re
from pathlib import Path

import glossary
import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
MAP_ROW = re.compile(
    r"^\|\s*\[?(\d\d) · [^|]*?\]?(?:\((?:notebooks/(?:ko/)?)?(\d\d_[\w]+\.ipynb)\))?\s*\|"
    r"[^|]+\|[^|]+\|\s*(\d+)\s*\|\s*$",
    re.M,
)


def _map_rows(text: str, heading: str) -> list[tuple[str, str, str]]:
    section = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert section, f"no '## {heading}' section"
    return MAP_ROW.findall(section.group(1))


def _minutes_of(path: Path) -> str:
    title = nbformat.read(path, as_version=4).cells[0].source
    match = re.search(r"\*\*Time:\*\* about (\d+) minutes", title)
    assert match, f"{path.name}: the title cell does not say '**Time:** about N minutes'"
    return match.group(1)


def _check_map(rows: list[tuple[str, str, str]], where: str, links: bool) -> None:
    assert [number for number, _, _ in rows] == [p.name[:2] for p in LESSONS], (
        f"{where} lists other lessons"
    )
    for (number, link, minutes), path in zip(rows, LESSONS, strict=True):
        if links:
            assert link == path.name, f"{where}: lesson {number} links to {link!r}, not {path.name}"
        assert minutes == _minutes_of(path), (
            f"{where}: lesson {number} takes {_minutes_of(path)} minutes"
        )


def test_readme_map_lists_exactly_the_lessons() -> None:
    rows = _map_rows((ROOT / "README.md").read_text(encoding="utf-8"), "The lessons")
    _check_map(rows, "README", links=True)


def test_start_here_map_lists_exactly_the_lessons() -> None:
    nb = nbformat.read(LESSONS[0], as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    rows = _map_rows(text, "The lesson map")
    assert [n for n, _, _ in rows] == [p.name[:2] for p in LESSONS], "00's map lists other lessons"
    for (number, link, minutes), path in zip(rows, LESSONS, strict=True):
        assert minutes == _minutes_of(path), (
            f"00 map: lesson {number} takes {_minutes_of(path)} minutes"
        )
        if number != "00":
            assert link == path.name, f"00 map: lesson {number} links to {link!r}, not {path.name}"


KOREAN = sorted((ROOT / "notebooks" / "ko").glob("[0-9][0-9]_*.ipynb"))


def _korean_minutes(path: Path) -> str:
    title = nbformat.read(path, as_version=4).cells[0].source
    match = re.search(r"\*\*소요 시간:\*\* 약 (\d+)분", title)
    assert match, f"ko/{path.name}: the title cell does not say '**소요 시간:** 약 N분'"
    return match.group(1)


def test_the_korean_maps_list_exactly_the_lessons_with_their_minutes() -> None:
    readme = (ROOT / "README.ko.md").read_text(encoding="utf-8")
    start = nbformat.read(KOREAN[0], as_version=4)
    for where, text in (
        ("README.ko.md", readme),
        ("ko/00", "\n".join(c.source for c in start.cells if c.cell_type == "markdown")),
    ):
        rows = _map_rows(text, "강의 목록")
        assert [n for n, _, _ in rows] == [p.name[:2] for p in KOREAN], (
            f"{where} lists other lessons"
        )
        for (number, link, minutes), path in zip(rows, KOREAN, strict=True):
            assert minutes == _korean_minutes(path) == _minutes_of(ROOT / "notebooks" / path.name)
            assert link in ("", path.name) and (link or number == "00" and where == "ko/00")
    assert "notebooks/ko/01_models_and_error.ipynb" in readme and "(README.md)" in readme


EDITIONS = [("en", LESSONS, glossary.OUTPUT), ("ko", KOREAN, glossary.KOREAN_OUTPUT)]


@pytest.mark.parametrize(("language", "lessons", "output"), EDITIONS)
def test_every_term_has_one_korean_name_and_one_meaning(
    language: str, lessons: list[Path], output: Path
) -> None:
    _, conflicts = glossary.assemble(lessons, language)
    assert conflicts == []


@pytest.mark.parametrize(("language", "lessons", "output"), EDITIONS)
def test_course_glossary_is_up_to_date_and_linked(
    language: str, lessons: list[Path], output: Path
) -> None:
    text, _ = glossary.assemble(lessons, language)
    assert output.read_text(encoding="utf-8") == text, "run make glossary"
    start = "\n".join(c.source for c in nbformat.read(lessons[0], as_version=4).cells)
    assert "(glossary.md)" in start, "00_start_here must link the course glossary"


def test_both_glossaries_have_the_same_terms_and_korean_names() -> None:
    def terms(lessons: list[Path], language: str) -> set[tuple[str, str]]:
        return {
            (english.casefold(), korean)
            for path in lessons
            for english, korean, _ in glossary.lesson_glossary(path, language)
        }

    assert terms(LESSONS, "en") == terms(KOREAN, "ko")


@pytest.mark.parametrize(("language", "lessons", "output"), EDITIONS)
def test_every_lesson_has_a_glossary(language: str, lessons: list[Path], output: Path) -> None:
    for path in lessons:
        rows = glossary.lesson_glossary(path, language)
        assert len(rows) >= 5, f"{path.name}: fewer than 5 glossary terms"


def test_a_conflict_is_found(tmp_path: Path) -> None:
    for name, korean in (("01_a.ipynb", "손실"), ("02_b.ipynb", "로스")):
        nb = nbformat.v4.new_notebook()
        nb.cells = [
            nbformat.v4.new_markdown_cell(
                "## Glossary\n\n| English | 한국어 | meaning |\n|---|---|---|\n"
                f"| loss | {korean} | the error |\n"
            )
        ]
        nbformat.write(nb, tmp_path / name)
    _, conflicts = glossary.assemble(sorted(tmp_path.glob("*.ipynb")))
    assert conflicts and "손실 in lesson 01" in conflicts[0] and "로스 in lesson 02" in conflicts[0]


def test_different_meanings_and_combined_rows_are_found(tmp_path: Path) -> None:
    # v0.1: the course glossary kept only the first lesson's meaning, and rows overlapped
    # ("weight", "bias" and "weight / bias").
    rows = {
        "01_a.ipynb": "| seed | 시드 | fixes the shuffle |\n| weight | 가중치 | w |\n"
        "| bias | 편향 | b |\n",
        "02_b.ipynb": "| seed | 시드 | fixes the starting weights |\n"
        "| weight / bias | 가중치 / 편향 | w and b |\n",
    }
    for name, table in rows.items():
        nb = nbformat.v4.new_notebook()
        nb.cells = [
            nbformat.v4.new_markdown_cell(
                f"## Glossary\n\n| English | 한국어 | meaning |\n|---|---|---|\n{table}"
            )
        ]
        nbformat.write(nb, tmp_path / name)
    _, conflicts = glossary.assemble(sorted(tmp_path.glob("*.ipynb")))
    assert len(conflicts) == 2, conflicts
    assert "'seed' has different meanings" in conflicts[0] and "in lesson 02" in conflicts[0]
    assert (
        "'weight / bias' combines terms that have rows of their own (weight, bias)" in conflicts[1]
    )
