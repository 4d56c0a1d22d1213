"""Assemble the course glossary (notebooks/glossary.md) from the lessons' own glossaries.

Usage: python tools/glossary.py            write notebooks/glossary.md
       python tools/glossary.py --check    report conflicts or an out-of-date file (exit 1)

Each lesson ends with a "## Glossary" table: | English | 한국어 | meaning |. The course glossary
lists every term once, with the lessons that use it. A term must have the same Korean name and the
same meaning in every lesson (the course glossary shows one row, so it must be true for every
lesson), and a row may not combine terms that have rows of their own ("weight / bias" next to
"weight" and "bias").
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
ROW = re.compile(r"^\|(?P<english>[^|]+)\|(?P<korean>[^|]+)\|(?P<meaning>[^|]+)\|\s*$")


def lesson_glossary(path: Path) -> list[tuple[str, str, str]]:
    """The (English, Korean, meaning) rows of a lesson's "## Glossary" table."""
    text = "\n".join(
        c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"
    )
    section = re.search(r"^## Glossary\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
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


def assemble(paths: list[Path]) -> tuple[str, list[str]]:
    """The glossary's markdown, and the conflicts (a term with two Korean names)."""
    korean: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    meanings: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    first: dict[str, tuple[str, str]] = {}
    for path in paths:
        lesson = path.name[:2]
        for english, ko, meaning in lesson_glossary(path):
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
    lines = [
        "# Course glossary · 용어집",
        "",
        "Every term of the course's lessons, in English and Korean, with the lessons that use it.",
        "Made by `make glossary` from the lessons' own glossaries: edit those, not this file.",
        "",
        "| English | 한국어 | meaning | lessons |",
        "|---|---|---|---|",
    ]
    for key in sorted(korean, key=lambda k: k.lstrip("(").casefold()):
        english, meaning = first[key]
        (ko, lessons), *_ = korean[key].items()
        all_lessons = sorted({lesson for ls in korean[key].values() for lesson in ls})
        lines.append(f"| {english} | {ko} | {meaning} | {', '.join(all_lessons)} |")
    return "\n".join(lines) + "\n", conflicts


def lessons() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def main(argv: list[str]) -> int:
    text, conflicts = assemble(lessons())
    for conflict in conflicts:
        print(f"conflict: {conflict}")
    if "--check" in argv:
        stale = not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text
        if stale:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run make glossary")
        return 1 if conflicts or stale else 0
    if conflicts:
        return 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({text.count(chr(10)) - 7} terms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
