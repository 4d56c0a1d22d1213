"""Every lesson's Colab badge and install cell (both editions) agree with pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

import colab_links
import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent

NOTEBOOKS = colab_links.lessons()
REPOSITORY, BRANCH = colab_links.read_config()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_badge_and_install_cell_follow_the_configuration(path: Path) -> None:
    assert colab_links.problems(path, REPOSITORY, BRANCH) == []
    title = nbformat.read(path, as_version=4).cells[0].source
    folder = path.parent.relative_to(ROOT).as_posix()  # notebooks or notebooks/ko
    assert f"/blob/{BRANCH}/{folder}/{path.name})" in title and REPOSITORY in title
    # The install cell installs the very ref its badge opens: a release's helpers match its lessons.
    cell = colab_links.install_cell(REPOSITORY, BRANCH, colab_links.edition(path))
    assert f'@{BRANCH}"' in cell and f"{REPOSITORY}/blob/{BRANCH}/" in title
    assert ('language="ko"' in cell) == (folder == "notebooks/ko")


def test_a_badge_pointing_at_another_notebook_fails(tmp_path: Path) -> None:
    copy = tmp_path / NOTEBOOKS[1].name
    shutil.copy(NOTEBOOKS[0], copy)  # lesson 00's badge, under lesson 01's name
    found = colab_links.problems(copy, REPOSITORY, BRANCH)
    assert found and "badge" in found[0] and NOTEBOOKS[1].name in found[0]


def test_another_repository_is_reported_and_rewritten(tmp_path: Path) -> None:
    copy = tmp_path / NOTEBOOKS[0].name
    shutil.copy(NOTEBOOKS[0], copy)
    assert len(colab_links.problems(copy, "someone/fork", "dev")) == 2
    nb = nbformat.read(copy, as_version=4)
    assert colab_links.apply(nb, copy, "someone/fork", "dev")
    nbformat.write(nb, copy)
    assert colab_links.problems(copy, "someone/fork", "dev") == []
    assert (
        "git+https://github.com/someone/fork@dev"
        in nb.cells[[c.cell_type for c in nb.cells].index("code")].source
    )


def test_install_cell_never_reinstalls_the_runtime() -> None:
    cell = colab_links.install_cell(REPOSITORY, BRANCH)
    pip_lines = [line for line in cell.splitlines() if "%pip" in line]
    assert pip_lines == ["        %pip install -q {course}"]
    for package in ("tensorflow", "keras", "numpy", "pandas", "--upgrade", "-U "):
        assert package not in pip_lines[0]


def test_configuration_errors_are_clear(tmp_path: Path) -> None:
    bad = tmp_path / "pyproject.toml"
    bad.write_text('[tool.course]\nrepository = "no-slash"\nbranch = "main"\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="owner/name"):
        colab_links.read_config(bad)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_each_readme_badge_table_lists_every_lesson_of_its_edition(language: str) -> None:
    lessons = colab_links.by_edition(NOTEBOOKS)[language]
    assert len(lessons) == 10
    readme = colab_links.READMES[language]
    assert colab_links.readme_problems(lessons, REPOSITORY, BRANCH, readme) == []
    table = colab_links.readme_table(lessons, REPOSITORY, BRANCH)
    assert all(f"{p.relative_to(ROOT).as_posix()})" in table for p in lessons)


def test_install_cell_looks_for_the_course_package_not_any_module_called_helpers() -> None:
    # v0.1 skipped the install whenever any module called helpers was importable (a learner's
    # helpers.py).
    import re

    cell = colab_links.install_cell(REPOSITORY, BRANCH)
    assert 'find_spec("helpers")' not in cell
    name = re.search(
        r'^name = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M
    ).group(1)
    assert colab_links.DISTRIBUTION == name
    assert f'importlib.metadata.version("{name}")' in cell
    # The guard, run outside Colab with the package missing, installs nothing; in Colab it would.
    guard = cell.split("%pip", 1)[0].replace(colab_links.DISTRIBUTION, "no-such-course-package-xyz")
    for in_colab, expected in ((False, "skipped"), (True, "install")):
        namespace: dict = {}
        code = (
            guard.replace('importlib.util.find_spec("google.colab")', str(in_colab))
            + "print('install')"
        )
        import contextlib
        import io

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "<install cell>", "exec"), namespace)
        assert (out.getvalue().strip() or "skipped") == expected
