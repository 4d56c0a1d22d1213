"""Point every lesson's "Open in Colab" badge and Colab install cell at the configured repository.

Usage: python tools/colab_links.py            rewrite the notebooks in place
       python tools/colab_links.py --check    only report notebooks that disagree (exit 1)

The repository and branch are configured once, in pyproject.toml's [tool.course] table. Both
editions get them: the English lessons in notebooks/ (README.md's table) and the Korean lessons in
notebooks/ko/ (README.ko.md's table), whose install cell speaks Korean and chooses Korean.
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
#: The install cell's comments and its setup call, per edition.
WORDS = {
    "en": (
        "# Google Colab only: install the course's helpers and datasets"
        " (TensorFlow and Keras are there).",
        "# the course package itself, not any module that happens to be called helpers",
        "setup_lesson()",
    ),
    "ko": (
        "# Google Colab에서만: 과정의 helpers와 데이터셋을 설치합니다"
        "(TensorFlow와 Keras는 이미 있습니다).",
        "# helpers라는 이름의 아무 모듈이 아니라 이 과정의 패키지를 찾습니다",
        'setup_lesson(language="ko")',
    ),
}
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


def edition(path: Path) -> str:
    """ "ko" for a lesson in notebooks/ko/, else "en"."""
    return "ko" if path.parent.name == "ko" else "en"


def lessons() -> list[Path]:
    """The lessons of both editions: notebooks/NN_*.ipynb, then notebooks/ko/NN_*.ipynb."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) + sorted(
        (NOTEBOOKS / "ko").glob("[0-9][0-9]_*.ipynb")
    )


def badge(path: Path, repository: str, branch: str) -> str:
    """The markdown badge that opens ``path`` (a lesson of either edition) in Colab."""
    where = "notebooks/ko" if edition(path) == "ko" else "notebooks"
    url = f"https://colab.research.google.com/github/{repository}/blob/{branch}/{where}/{path.name}"
    return f"[![Open In Colab]({BADGE_IMAGE})]({url})"


def install_cell(repository: str, branch: str, language: str = "en") -> str:
    """The first code cell: in Colab, install the course package if it is missing; then setup."""
    first, second, setup = WORDS[language]
    return (
        f"{first}\n"
        "import importlib.metadata\n"
        "import importlib.util\n"
        "import os\n"
        "\n"
        'if importlib.util.find_spec("google.colab"):\n'
        f"    try:  {second}\n"
        f'        importlib.metadata.version("{DISTRIBUTION}")\n'
        "    except importlib.metadata.PackageNotFoundError:\n"
        f'        release = "git+https://github.com/{repository}@{branch}"\n'
        '        course = os.environ.get("COURSE_PIP_TARGET", release)\n'
        "        %pip install -q {course}\n"
        "        importlib.invalidate_caches()\n"
        "\n"
        "from helpers import setup_lesson\n"
        "\n"
        f"{setup}"
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
    new_code = install_cell(repository, branch, edition(path))
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
    if code is None or code.source != install_cell(repository, branch, edition(path)):
        found.append(
            f"{path.name}: the first code cell is not the configured Colab install + setup cell"
        )
    return found


READMES = {"en": ROOT / "README.md", "ko": ROOT / "README.ko.md"}
TABLE = re.compile(r"(<!-- colab-badges:start[^>]*-->\n)(.*?)(<!-- colab-badges:end -->)", re.S)
HEADER = {"en": "| lesson | open in Colab |", "ko": "| 강의 | Colab에서 열기 |"}


def readme_table(paths: list[Path], repository: str, branch: str) -> str:
    """A README's table of the lessons of one edition, with their Colab badges."""
    language = edition(paths[0])
    rows = [HEADER[language], "|---|---|"]
    for path in paths:
        title = nbformat.read(path, as_version=4).cells[0].source.split("\n", 1)[0]
        link = path.relative_to(ROOT).as_posix()
        rows.append(
            f"| [{title.lstrip('# ').strip()}]({link}) | {badge(path, repository, branch)} |"
        )
    return "\n".join(rows) + "\n"


def readme_problems(paths: list[Path], repository: str, branch: str, readme: Path) -> list[str]:
    """How a README's badge table disagrees with the lessons and the configuration."""
    match = TABLE.search(readme.read_text(encoding="utf-8"))
    if not match:
        return [f"{readme.name}: no colab-badges markers"]
    if match.group(2) != readme_table(paths, repository, branch):
        return [f"{readme.name}: the Colab badge table is out of date (run make colab-links)"]
    return []


def by_edition(paths: list[Path]) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in paths:
        found.setdefault(edition(path), []).append(path)
    return found


def main(argv: list[str]) -> int:
    repository, branch = read_config()
    paths = lessons()
    if "--check" in argv:
        found = [p for path in paths for p in problems(path, repository, branch)]
        for language, group in by_edition(paths).items():
            found += readme_problems(group, repository, branch, READMES[language])
        print("\n".join(found) or f"{len(paths)} notebooks point at {repository}@{branch}")
        return 1 if found else 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if apply(nb, path, repository, branch):
            nbformat.write(nb, path)
            print(f"updated {path.relative_to(ROOT)}")
    for language, group in by_edition(paths).items():
        readme = READMES[language]
        text = readme.read_text(encoding="utf-8")
        match = TABLE.search(text)
        if match is None:
            raise SystemExit(f"{readme.name}: no <!-- colab-badges:start --> ... end --> markers")
        table = readme_table(group, repository, branch)
        if match.group(2) != table:
            readme.write_text(
                text[: match.start(2)] + table + text[match.end(2) :], encoding="utf-8"
            )
            print(f"updated {readme.name}")
    print(f"{len(paths)} notebooks point at {repository}@{branch}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
