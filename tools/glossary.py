"""Assemble the course glossary (notebooks/glossary.md) from the lessons' own glossaries.

Usage: python tools/glossary.py            write notebooks/glossary.md and notebooks/ko/glossary.md
       python tools/glossary.py --check    report conflicts or an out-of-date file (exit 1)

Each lesson ends with a "## Glossary" table: | English | 한국어 | meaning |. The course glossary
lists every term once, with the lessons that use it. A term must have the same Korean name and the
same meaning in every lesson (the course glossary shows one row, so it must be true for every
lesson), and a row may not combine terms that have rows of their own ("weight / bias" next to
"weight" and "bias"). The Korean lessons' "## 용어집" tables (| English | 한국어 | 뜻 |) make the
Korean edition's glossary, notebooks/ko/glossary.md, in the same way.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
OUTPUT = NOTEBOOKS / "glossary.md"
KOREAN_OUTPUT = NOTEBOOKS / "ko" / "glossary.md"
HEADING = {"en": "Glossary", "ko": "용어집"}
TITLE = {
    "en": [
        "# Course glossary · 용어집",
        "",
        "Every term of the course's lessons, in English and Korean, with the lessons that use it.",
        "Made by `make glossary` from the lessons' own glossaries: edit those, not this file.",
        "",
        "| English | 한국어 | meaning | lessons |",
    ],
    "ko": [
        "# 용어집 · Course glossary",
        "",
        "각 강의의 용어집에 실린 용어를 한국어 이름의 가나다순으로 모았습니다.",
        "영어 이름과 뜻, 그 용어를 쓰는 강의도 함께 적었습니다.",
        "`make glossary`가 각 강의의 용어집에서 만드는 파일이므로,",
        "고칠 때는 강의의 용어집을 고치십시오.",
        "",
        "| 한국어 | English | 뜻 | 강의 |",
    ],
}
ROW = re.compile(r"^\|(?P<english>[^|]+)\|(?P<korean>[^|]+)\|(?P<meaning>[^|]+)\|\s*$")


def lesson_glossary(path: Path, language: str = "en") -> list[tuple[str, str, str]]:
    """The (English, Korean, meaning) rows of a lesson's "## Glossary" table ("## 용어집" in ko)."""
    text = "\n".join(
        c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"
    )
    section = re.search(rf"^## {HEADING[language]}\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    rows = []
    for line in (section.group(1) if section else "").splitlines():
        match = ROW.match(line.strip())
        if (
            match
            and not set(match["english"].strip()) <= set("-: ")
            and match["english"].strip() != "English"
        ):
            rows.append(
                (match["english"].strip(), match["korean"].strip(), match["meaning"].strip())
            )
    return rows


def _key(english: str) -> str:
    return re.sub(r"\s+", " ", english.lower()).strip()


def assemble(paths: list[Path], language: str = "en") -> tuple[str, list[str]]:
    """The glossary's markdown, and the conflicts (a term with two Korean names)."""
    korean: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    meanings: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    first: dict[str, tuple[str, str]] = {}
    for path in paths:
        lesson = path.name[:2]
        for english, ko, meaning in lesson_glossary(path, language):
            korean[_key(english)][ko].append(lesson)
            meanings[_key(english)][meaning].append(lesson)
            first.setdefault(_key(english), (english, meaning))
    conflicts = [
        f"'{first[key][0]}': "
        + "; ".join(f"{ko} in lesson {', '.join(ls)}" for ko, ls in names.items())
        for key, names in korean.items()
        if len(names) > 1
    ]
    for key, names in meanings.items():
        if len(names) > 1:
            conflicts.append(
                f"'{first[key][0]}' has different meanings: "
                + "; ".join(
                    f"{meaning!r} in lesson {', '.join(ls)}" for meaning, ls in names.items()
                )
            )
    for key in korean:
        parts = [part.strip() for part in key.split(" / ")]
        if len(parts) > 1 and any(part in korean for part in parts):
            conflicts.append(
                f"'{first[key][0]}' combines terms that have rows of their own "
                f"({', '.join(p for p in parts if p in korean)}): use one row per term"
            )
    rows = []
    for key in korean:
        english, meaning = first[key]
        (ko, _), *_ = korean[key].items()
        all_lessons = ", ".join(sorted({lesson for ls in korean[key].values() for lesson in ls}))
        if language == "ko":  # a Korean reader looks a term up by its Korean name
            rows.append((ko, f"| {ko} | {english} | {meaning} | {all_lessons} |"))
        else:
            rows.append((key.lstrip("("), f"| {english} | {ko} | {meaning} | {all_lessons} |"))
    lines = [*TITLE[language], "|---|---|---|---|", *(row for _, row in sorted(rows))]
    return "\n".join(lines) + "\n", conflicts


def lessons(folder: Path = NOTEBOOKS) -> list[Path]:
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


def main(argv: list[str]) -> int:
    status = 0
    for language, output in (("en", OUTPUT), ("ko", KOREAN_OUTPUT)):
        text, conflicts = assemble(lessons(output.parent), language)
        for conflict in conflicts:
            print(f"conflict in {output.relative_to(ROOT)}: {conflict}")
        stale = not output.exists() or output.read_text(encoding="utf-8") != text
        if "--check" in argv:
            if stale:
                print(f"{output.relative_to(ROOT)} is out of date: run make glossary")
            status |= bool(conflicts or stale)
        elif conflicts:
            status = 1
        else:
            output.write_text(text, encoding="utf-8")
            terms = sum(line.startswith("| ") for line in text.splitlines()) - 1  # less the header
            print(f"wrote {output.relative_to(ROOT)} ({terms} terms)")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
