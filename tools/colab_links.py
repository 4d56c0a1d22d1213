"""Point every notebook's "Open in Colab" badge and Colab install cell at the configured repository.

Usage: python tools/colab_links.py            rewrite the notebooks in place
       python tools/colab_links.py --check    only report notebooks that disagree (exit 1)

The repository and branch are configured once, in pyproject.toml's [tool.course] table.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"
BADGE = re.compile(r"\[!\[Open In Colab\]\([^)]*\)\]\([^)]*\)")
INSTALL_START = "# Google Colab only:"
SETUP = "from helpers import setup_lesson\n\nsetup_lesson()"
#: The course's distribution name (pyproject.toml [project] name): what the install cell looks for.
DISTRIBUTION = "keras-regression-course"


def read_config(pyproject: Path = ROOT / "pyproject.toml") -> tuple[str, str]:
    """The ``(owner/name, branch)`` of the [tool.course] table (read without a TOML library)."""
    text = pyproject.read_text(encoding="utf-8")
    table = re.search(r"^\[tool\.course\]\s*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    if not table:
        raise SystemExit(f"{pyproject}: no [tool.course] table with repository and branch")
    values = dict(re.findall(r'^(repository|branch)\s*=\s*"([^"]+)"', table.group(1), re.M))
    repository, branch = values.get("repository", ""), values.get("branch", "")
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", repository) or not branch:
        raise SystemExit(
            f'{pyproject}: [tool.course] needs repository = "owner/name" and branch = "..."'
        )
    return repository, branch


def badge(path: Path, repository: str, branch: str) -> str:
    """The markdown badge that opens ``path`` (a notebook in notebooks/) in Colab."""
    url = (
        f"https://colab.research.google.com/github/{repository}/blob/{branch}/notebooks/{path.name}"
    )
    return f"[![Open In Colab]({BADGE_IMAGE})]({url})"


def install_cell(repository: str, branch: str) -> str:
    """The first code cell: in Colab, install the course package if it is missing; then setup."""
    return (
        f"{INSTALL_START} install the course's helpers and datasets"
        " (TensorFlow and Keras are there).\n"
        "import importlib.metadata\n"
        "import importlib.util\n"
        "import os\n"
        "\n"
        'if importlib.util.find_spec("google.colab"):\n'
        "    try:  # the course package itself, not any module that happens to be called helpers\n"
        f'        importlib.metadata.version("{DISTRIBUTION}")\n'
        "    except importlib.metadata.PackageNotFoundError:\n"
        f'        release = "git+https://github.com/{repository}@{branch}"\n'
        '        course = os.environ.get("COURSE_PIP_TARGET", release)\n'
        "        %pip install -q {course}\n"
        "        importlib.invalidate_caches()\n"
        "\n"
        f"{SETUP}"
    )


def _first_code_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode | None:
    return next((cell for cell in nb.cells if cell.cell_type == "code"), None)


def apply(nb: nbformat.NotebookNode, path: Path, repository: str, branch: str) -> bool:
    """Put the badge into the title cell and the install cell first; True if anything changed."""
    title, code = nb.cells[0], _first_code_cell(nb)
    if title.cell_type != "markdown" or code is None or "setup_lesson(" not in code.source:
        raise SystemExit(
            f"{path.name}: needs a markdown title cell and a first code cell calling setup_lesson()"
        )
    wanted_badge = badge(path, repository, branch)
    lines = title.source.split("\n")
    new_title = (
        BADGE.sub(wanted_badge, title.source)
        if BADGE.search(title.source)
        else "\n".join([lines[0], "", wanted_badge, *lines[1:]])
    )
    new_code = install_cell(repository, branch)
    changed = (new_title, new_code) != (title.source, code.source)
    title.source, code.source = new_title, new_code
    return changed


def problems(path: Path, repository: str, branch: str) -> list[str]:
    """How the notebook at ``path`` disagrees with the configuration (empty when it agrees)."""
    nb = nbformat.read(path, as_version=4)
    found = []
    badges = BADGE.findall(nb.cells[0].source) if nb.cells else []
    if badges != [badge(path, repository, branch)]:
        found.append(
            f"{path.name}: the title cell's Colab badge should be "
            f"{badge(path, repository, branch)}, "
            f"found {badges or 'none'}"
        )
    code = _first_code_cell(nb)
    if code is None or code.source != install_cell(repository, branch):
        found.append(
            f"{path.name}: the first code cell is not the configured Colab install + setup cell"
        )
    return found


README = ROOT / "README.md"
TABLE = re.compile(r"(<!-- colab-badges:start[^>]*-->\n)(.*?)(<!-- colab-badges:end -->)", re.S)


def readme_table(paths: list[Path], repository: str, branch: str) -> str:
    """The README's table of lessons with their Colab badges."""
    rows = ["| lesson | open in Colab |", "|---|---|"]
    for path in paths:
        title = (
            nbformat.read(path, as_version=4).cells[0].source.split("\n", 1)[0].lstrip("# ").strip()
        )
        rows.append(f"| [{title}](notebooks/{path.name}) | {badge(path, repository, branch)} |")
    return "\n".join(rows) + "\n"


def readme_problems(
    paths: list[Path], repository: str, branch: str, readme: Path = README
) -> list[str]:
    """How the README's badge table disagrees with the notebooks and the configuration."""
    match = TABLE.search(readme.read_text(encoding="utf-8"))
    if not match:
        return [f"{readme.name}: no colab-badges markers"]
    if match.group(2) != readme_table(paths, repository, branch):
        return [f"{readme.name}: the Colab badge table is out of date (run make colab-links)"]
    return []


def main(argv: list[str]) -> int:
    repository, branch = read_config()
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if "--check" in argv:
        found = [p for path in paths for p in problems(path, repository, branch)]
        found += readme_problems(paths, repository, branch)
        print("\n".join(found) or f"{len(paths)} notebooks point at {repository}@{branch}")
        return 1 if found else 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if apply(nb, path, repository, branch):
            nbformat.write(nb, path)
            print(f"updated {path.relative_to(ROOT)}")
    text = README.read_text(encoding="utf-8")
    match = TABLE.search(text)
    if match is None:
        raise SystemExit(
            "README.md: no <!-- colab-badges:start --> ... <!-- colab-badges:end --> markers"
        )
    table = readme_table(paths, repository, branch)
    if match.group(2) != table:
        README.write_text(text[: match.start(2)] + table + text[match.end(2) :], encoding="utf-8")
        print("updated README.md")
    print(f"{len(paths)} notebooks point at {repository}@{branch}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
