"""Checks of a stored notebook that nbval cannot make: are the outputs stored, from one clean run?

A notebook saved without outputs passes strict nbval (cells with no execution count are never
compared), so these checks are what makes the notebook tests able to fail.
"""

from __future__ import annotations

import getpass
import json
import re
from pathlib import Path

import nbformat

MAX_BYTES = 1_000_000
# Headings every lesson has (the lesson anatomy in DEVELOPERS.md).
#: The sections of a lesson, per edition (the Korean lessons live in notebooks/ko/).
REQUIRED_HEADINGS = {
    "en": ("Learning objectives", "Exercises", "Key points", "Glossary"),
    "ko": ("학습 목표", "연습 문제", "핵심 정리", "용어집"),
}
MACHINE_PATH = re.compile(r"/(root|home|Users|tmp)/|site-packages|[A-Za-z]:\\\\Users|/private/var/")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: JupyterLab's notebook column is about 970 px wide: a wider figure is shrunk, its text with it.
MAX_FIGURE_PX = 980


def _user_names() -> set[str]:
    names = set()
    try:
        names.add(getpass.getuser())
    except Exception:  # no user name on this machine is fine
        pass
    return {n for n in names if len(n) >= 3 and n not in {"root", "runner", "user"}}


def headings(nb: nbformat.NotebookNode) -> list[str]:
    """The markdown headings of a notebook, without the leading #'s."""
    found = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found += [m.group(1).strip() for m in re.finditer(r"^#+\s+(.+)$", cell.source, re.M)]
    return found


def problems(path: Path, *, next_notebook: str | None = None) -> list[str]:
    """Everything wrong with a stored notebook; an empty list means it is fine."""
    found: list[str] = []
    size = path.stat().st_size
    if size > MAX_BYTES:
        found.append(f"{size} bytes, more than {MAX_BYTES}")
    try:
        nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    except Exception as exc:  # reported as a problem
        return found + [f"not a readable notebook: {exc}"]
    if (nb.nbformat, nb.nbformat_minor) < (4, 5):
        found.append(f"nbformat {nb.nbformat}.{nb.nbformat_minor}, expected 4.5 or later")
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        found.append(f"invalid nbformat: {exc.message}")
    if any("id" not in cell for cell in nb.cells):
        found.append("a cell has no id")
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        found.append(f"kernelspec is {nb.metadata.get('kernelspec')}, expected python3")

    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    if counts != list(range(1, len(code) + 1)):
        found.append(f"execution counts are {counts}, not 1..{len(code)} from one clean run")
    if not any(c.outputs for c in code):
        found.append("no code cell has a stored output")
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and not cell.source.strip():
            found.append(f"cell {i} is an empty code cell")
        if "execution" in cell.get("metadata", {}):
            found.append(f"cell {i} stores timing metadata")
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                found.append(f"cell {i} stores an error ({out.ename})")
            if out.output_type == "stream" and out.name == "stderr":
                found.append(f"cell {i} stores stderr output: {out.text[:80]!r}")
            if out.output_type == "execute_result" and out.execution_count != cell.execution_count:
                found.append(f"cell {i} has a result from another run")
            png = (
                out.get("data", {}).get("image/png")
                if out.output_type in ("display_data", "execute_result")
                else None
            )
            if png:
                width = png_width(png)
                if width > MAX_FIGURE_PX:
                    found.append(
                        f"cell {i} has a figure {width} px wide, more than JupyterLab's column "
                        f"({MAX_FIGURE_PX} px): make it at most 9.6 inches wide"
                    )
    text = json.dumps(nb)
    if MACHINE_PATH.search(text):
        found.append(f"stores a machine path: {MACHINE_PATH.search(text).group(0)!r}")
    for name in _user_names():
        if re.search(rf"\b{re.escape(name)}\b", text):
            found.append(f"stores the user name {name!r}")

    language = "ko" if path.parent.name == "ko" else "en"
    found += anatomy_problems(nb, next_notebook=next_notebook, language=language)
    found += link_problems(nb, path.parent)
    return found


def png_width(data: str) -> int:
    """The width in pixels of a base64-encoded PNG (from its IHDR header)."""
    import base64
    import struct

    header = base64.b64decode("".join(data.split())[:64])
    return int(struct.unpack(">I", header[16:20])[0])


def anatomy_problems(
    nb: nbformat.NotebookNode, *, next_notebook: str | None, language: str = "en"
) -> list[str]:
    """Anatomy: title, objectives, setup first, a figure, exercises, key points, glossary, next."""
    found = []
    if (
        not nb.cells
        or nb.cells[0].cell_type != "markdown"
        or not nb.cells[0].source.startswith("# ")
    ):
        found.append("the first cell is not a markdown title ('# ...')")
    heads = headings(nb)
    for required in REQUIRED_HEADINGS[language]:
        if not any(h.lower().startswith(required.lower()) for h in heads):
            found.append(f"no '{required}' section")
    code = [c for c in nb.cells if c.cell_type == "code"]
    if not code or "setup_lesson(" not in code[0].source:
        found.append("the first code cell does not run setup_lesson()")
    if not any("image/png" in out.get("data", {}) for c in code for out in c.outputs):
        found.append("no figure")
    if "ex.q1.check(" not in "".join(c.source for c in code):
        found.append("no exercise checked in place (ex.q1.check)")
    glossary = _section(nb, REQUIRED_HEADINGS[language][-1])
    if not HANGUL.search(glossary):
        found.append("the glossary has no Korean terms")
    if next_notebook and f"({next_notebook})" not in "".join(
        c.source for c in nb.cells if c.cell_type == "markdown"
    ):
        found.append(f"no link to the next lesson ({next_notebook})")
    return found


def _section(nb: nbformat.NotebookNode, title: str) -> str:
    """The markdown from the heading starting with ``title`` to the next heading of that level."""
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    match = re.search(rf"^(#+)\s+{re.escape(title)}.*?$(.*?)(?=^\1\s|\Z)", text, re.M | re.S)
    return match.group(2) if match else ""


LINK = re.compile(r"\]\(([^)\s]+)\)")


def link_problems(nb: nbformat.NotebookNode, folder: Path) -> list[str]:
    """Relative links in the markdown that lead nowhere (a Korean lesson is one folder deeper)."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for target in LINK.findall(cell.source):
            if re.match(r"[a-z]+:|#", target):
                continue
            if not (folder / target.split("#")[0]).exists():
                found.append(f"the link {target} leads nowhere")
    return found
