"""binder/ (the image Binder and Kubernetes build with repo2docker) agrees with the course's pins.

The static parts run everywhere; the repo2docker run needs requirements-classroom.txt installed
(`make test-repo2docker` runs the full check with its self-test).
"""

import shutil
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version
from repo2docker_check import (
    NOT_COPIED,
    REPO2DOCKER,
    badge,
    check_repository,
    environment_yml_python,
    exact_pin,
    exported_variables,
    pin_of,
    read_requirements,
    requires_python,
)

from helpers.environment import REQUIRED_ENV

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"


def test_binder_requirements_are_the_course_pins_plus_nbgitpuller() -> None:
    course = read_requirements(ROOT / "requirements.txt")
    image = read_requirements(BINDER / "requirements.txt")
    assert image == [*course, "nbgitpuller==1.3.0"]
    classroom = read_requirements(ROOT / "requirements-classroom.txt")
    assert pin_of(image, "nbgitpuller") == pin_of(classroom, "nbgitpuller")


def test_binder_python_is_the_conda_routes_and_allowed() -> None:
    version = environment_yml_python(ROOT)
    assert (BINDER / "runtime.txt").read_text(encoding="utf-8").strip() == f"python-{version}"
    assert Version(version) in SpecifierSet(requires_python(ROOT))


def test_binder_start_exports_required_env() -> None:
    assert exported_variables(BINDER / "start") == REQUIRED_ENV


def test_read_requirements_follows_includes_like_pip(tmp_path: Path) -> None:
    (tmp_path / "base.txt").write_text("# pins\nkeras==3.15.1  # the API\n\nnumpy>=2\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "r.txt").write_text("-r ../base.txt\nnbgitpuller==1.3.0\n")
    lines = read_requirements(tmp_path / "sub" / "r.txt")
    assert lines == ["keras==3.15.1", "numpy>=2", "nbgitpuller==1.3.0"]
    assert [exact_pin(line) for line in lines] == ["3.15.1", None, "1.3.0"]


def test_badge_opens_lesson_00_of_the_configured_repository() -> None:
    assert badge() == (
        "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/"
        "kt-aivle-course/keras-regression-course/main"
        "?urlpath=lab/tree/notebooks/00_start_here.ipynb)"
    )


@pytest.mark.skipif(not REPO2DOCKER.exists(), reason="pip install -r requirements-classroom.txt")
def test_repo2docker_build_passes_and_a_missing_pin_fails(tmp_path: Path) -> None:
    copy = tmp_path / "repository"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    assert [problem for _, problem in check_repository(copy)] == [None] * 7

    requirements = copy / "binder" / "requirements.txt"
    requirements.write_text(requirements.read_text().replace("nbgitpuller==1.3.0", "nbgitpuller"))
    failed = [name for name, problem in check_repository(copy) if problem]
    assert failed == [
        "binder/requirements.txt = requirements.txt pins + nbgitpuller",
        "nbgitpuller pinned as in requirements-classroom.txt",
    ]
