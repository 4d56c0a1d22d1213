"""Check the image that repo2docker (Binder, Zero to JupyterHub on Kubernetes) would build.

No container daemon runs here, so the image itself is never built: ``jupyter-repo2docker
--no-build`` only writes the Dockerfile it would build from, and this script checks that text and
the files in binder/ it refers to (docs/kubernetes.md explains the setup):

- repo2docker reads binder/ (not environment.yml at the root, which would make it a conda build that
  skips requirements.txt) and installs binder/requirements.txt once the repository is in the image;
- binder/requirements.txt resolves, as pip reads it, to every exact pin of requirements.txt plus
  nbgitpuller at the pin of requirements-classroom.txt: requirements.txt stays the one source;
- binder/postBuild runs after that and installs the course package itself, with --no-deps;
- the image's Python is binder/runtime.txt's, allowed by pyproject.toml and the same as
  environment.yml's;
- binder/start gives the server and its kernels REQUIRED_ENV (helpers/environment.py).

By default it checks a temporary copy of the files git would commit (tracked and new, not ignored),
so stray local files do not count and uncommitted edits do. Then a self-test breaks scratch copies
(no postBuild, an unpinned requirement, no binder/ folder) and requires each to be reported.

    .venv/bin/python tools/repo2docker_check.py             # the working tree, then the self-test
    .venv/bin/python tools/repo2docker_check.py --path DIR  # a folder as it is (e.g. a clone)
    .venv/bin/python tools/repo2docker_check.py --no-self-test
    .venv/bin/python tools/repo2docker_check.py --badge     # the README's Binder badge
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from colab_links import read_config  # tools/ is on the path: [tool.course] of pyproject.toml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from helpers.environment import REQUIRED_ENV

PROJECT = Path(__file__).resolve().parent.parent
REPO2DOCKER = Path(sys.executable).parent / "jupyter-repo2docker"
TIMEOUT = 300  # seconds for one repo2docker run (it takes about one)

# The user Binder's images run as; as root, repo2docker would write root into the Dockerfile.
R2D_USER = ["--user-id", "1000", "--user-name", "jovyan"]
# No container daemon is needed for --no-build: point repo2docker at one that cannot exist.
NO_DAEMON = "unix:///nonexistent/repo2docker-check/docker.sock"

PIP_INSTALL_BINDER = '/bin/pip install --no-cache-dir -r "binder/requirements.txt"'
COPY_REPOSITORY = re.compile(r"^COPY --chown=\S+ src/ \$\{REPO_DIR\}/$", re.MULTILINE)
# The base environment's lock file, named for the image's Python. In the Dockerfile repo2docker
# escapes "." and "-" of build-context file names as "-2e" and "-2d".
BASE_LOCK = re.compile(r"environment-2epy-2d(\d+)-2e(\d+)-2dlinux-2d64-2elock")


def read_requirements(path: Path) -> list[str]:
    """The requirement lines of a pip requirements file, following ``-r`` includes the way pip
    does (relative to the including file), without comments or blank lines."""
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        include = re.fullmatch(r"(?:-r|--requirement)[ =]?\s*(\S+)", line)
        if include:
            lines += read_requirements(path.parent / include.group(1))
        else:
            lines.append(line)
    return lines


def exact_pin(line: str) -> str | None:
    """The version of an ``==`` pin, or None when the requirement is not pinned exactly."""
    specifiers = list(Requirement(line).specifier)
    if len(specifiers) == 1 and specifiers[0].operator == "==":
        return specifiers[0].version
    return None


def pin_of(lines: list[str], name: str) -> str | None:
    """The exact pin of package ``name`` in requirement ``lines`` (None when absent or loose)."""
    for line in lines:
        if Requirement(line).name.lower() == name.lower():
            return exact_pin(line)
    return None


def exported_variables(start: Path) -> dict[str, str]:
    """The ``export NAME=value`` lines of a shell script, as a dict."""
    text = start.read_text(encoding="utf-8")
    return dict(re.findall(r"^export (\w+)=(\S*)$", text, re.MULTILINE))


def environment_yml_python(repo: Path) -> str | None:
    """The ``python=X.Y`` of environment.yml (the conda route's Python), or None."""
    match = re.search(
        r"^\s*-\s*python=(\d+\.\d+)\s*$", (repo / "environment.yml").read_text(), re.M
    )
    return match.group(1) if match else None


def requires_python(repo: Path) -> str:
    """The ``requires-python`` of pyproject.toml (read without a TOML library, as
    tools/colab_links.py reads it: tomllib is not in Python 3.10)."""
    text = (repo / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^requires-python = "([^"]+)"$', text, re.MULTILINE)
    if match is None:
        raise ValueError("pyproject.toml has no requires-python line")
    return match.group(1)


def badge() -> str:
    """The README's Binder badge: mybinder.org builds [tool.course]'s repository and branch and
    opens lesson 00 in JupyterLab."""
    repository, branch = read_config()
    url = (
        f"https://mybinder.org/v2/gh/{repository}/{branch}"
        "?urlpath=lab/tree/notebooks/00_start_here.ipynb"
    )
    return f"[![Binder](https://mybinder.org/badge_logo.svg)]({url})"


def run_repo2docker(repo: Path) -> tuple[int, str, str]:
    """``jupyter-repo2docker --no-build --debug`` on ``repo``: exit code, Dockerfile, log."""
    env = {**os.environ, "DOCKER_HOST": NO_DAEMON}
    command = [str(REPO2DOCKER), "--no-build", "--debug", *R2D_USER, str(repo)]
    done = subprocess.run(
        command, cwd=repo, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    return done.returncode, done.stdout, done.stderr


def check_repository(repo: Path) -> list[tuple[str, str | None]]:
    """Every check on ``repo``: a list of (name, None when it passed, else what is wrong)."""
    results: list[tuple[str, str | None]] = []

    def check(name: str, test: Callable[[], str | None]) -> None:
        try:
            problem = test()
        except (OSError, ValueError) as error:  # a missing or unreadable file is a failure too
            problem = f"{type(error).__name__}: {error}"
        results.append((name, problem))

    code, dockerfile, log = run_repo2docker(repo)
    binder = repo / "binder"

    def repo2docker_ran() -> str | None:
        if code != 0 or not dockerfile.lstrip().startswith("FROM "):
            return f"exit code {code}, log:\n{log[-2000:]}"
        return None

    def installs_binder_requirements() -> str | None:
        # -r ../requirements.txt is a local reference: repo2docker installs it after copying the
        # whole repository (so that the included file is there), not in the cached early step.
        copied = COPY_REPOSITORY.search(dockerfile)
        install = dockerfile.find(PIP_INSTALL_BINDER)
        if install < 0:
            picked = "conda (environment.yml)" if "src/environment.yml" in dockerfile else "other"
            return f"no '{PIP_INSTALL_BINDER}' in the Dockerfile; build picked: {picked}"
        if copied is None or install < copied.start():
            return "binder/requirements.txt is installed before the repository is copied in"
        return None

    def binder_requirements_are_the_pins() -> str | None:
        course = read_requirements(repo / "requirements.txt")
        image = read_requirements(binder / "requirements.txt")
        missing = [line for line in course if line not in image]
        loose = [line for line in image if exact_pin(line) is None]
        extra = [Requirement(line).name for line in image if line not in course]
        problems = []
        if missing:
            problems.append(f"requirements.txt lines not in the image: {missing}")
        if loose:
            problems.append(f"not pinned with ==: {loose}")
        if extra != ["nbgitpuller"]:
            problems.append(f"besides requirements.txt the image should add nbgitpuller: {extra}")
        return "; ".join(problems) or None

    def nbgitpuller_pin() -> str | None:
        classroom = pin_of(read_requirements(repo / "requirements-classroom.txt"), "nbgitpuller")
        image = pin_of(read_requirements(binder / "requirements.txt"), "nbgitpuller")
        if image is None or image != classroom:
            return f"nbgitpuller {image} in binder/requirements.txt, {classroom} for the classroom"
        return None

    def post_build_installs_course() -> str | None:
        install = dockerfile.find(PIP_INSTALL_BINDER)
        runs = dockerfile.find("RUN ./binder/postBuild")
        if runs < 0:
            return "the Dockerfile does not run binder/postBuild"
        if runs < install:
            return "binder/postBuild runs before binder/requirements.txt is installed"
        text = (binder / "postBuild").read_text(encoding="utf-8")
        pip = [line for line in text.splitlines() if re.search(r"pip install .* \.$", line)]
        if not pip or "--no-deps" not in pip[0]:
            return f"postBuild has no 'pip install --no-deps ... .' line: {pip}"
        return None

    def python_version() -> str | None:
        base = BASE_LOCK.search(dockerfile)
        runtime = (binder / "runtime.txt").read_text(encoding="utf-8").strip()
        allowed = SpecifierSet(requires_python(repo))
        conda = environment_yml_python(repo)
        if base is None:
            return "no environment.py-X.Y-linux-64.lock (the image's Python) in the Dockerfile"
        image = f"{base.group(1)}.{base.group(2)}"
        if runtime != f"python-{image}":
            return f"image Python {image}, binder/runtime.txt says {runtime!r}"
        if Version(image) not in allowed:
            return f"image Python {image} is outside requires-python {allowed}"
        if image != conda:
            return f"image Python {image}, environment.yml's {conda}"
        return None

    def start_sets_required_env() -> str | None:
        if 'ENV R2D_ENTRYPOINT="${REPO_DIR}/binder/start"' not in dockerfile:
            return "binder/start is not the image's start script"
        exported = exported_variables(binder / "start")
        if exported != REQUIRED_ENV:
            return f"binder/start exports {exported}, REQUIRED_ENV is {REQUIRED_ENV}"
        return None

    check("repo2docker --no-build writes a Dockerfile without a daemon", repo2docker_ran)
    check("the build installs binder/requirements.txt", installs_binder_requirements)
    check(
        "binder/requirements.txt = requirements.txt pins + nbgitpuller",
        binder_requirements_are_the_pins,
    )
    check("nbgitpuller pinned as in requirements-classroom.txt", nbgitpuller_pin)
    check("postBuild runs after the pins and installs the course", post_build_installs_course)
    check("the image's Python matches runtime.txt, pyproject, environment.yml", python_version)
    check("binder/start exports REQUIRED_ENV", start_sets_required_env)
    return results


def copy_work_tree(target: Path) -> None:
    """Copy the files git would commit (tracked and new, not ignored) from the project to
    ``target``; a read-only git command lists them."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name in filter(None, listed.split("\0")):
        source = PROJECT / name
        if source.is_file():  # a tracked file deleted in the work tree is left out
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def unpin_keras(repo: Path) -> None:
    """Break: keras without its pin in requirements.txt."""
    path = repo / "requirements.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^keras==\S+", "keras", text, flags=re.MULTILINE), encoding="utf-8")


# What a self-test copy of a --path folder leaves out: environments, caches, build output.
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv*", "node_modules", "build", "*.egg-info", ".*cache*"
)

# Each self-test case: a name, how to break a scratch copy, and the check that must catch it.
BREAKAGES = [
    ("no binder/postBuild", lambda repo: (repo / "binder" / "postBuild").unlink(), "postBuild"),
    ("keras unpinned in requirements.txt", unpin_keras, "requirements.txt pins"),
    ("no binder/ folder", lambda repo: shutil.rmtree(repo / "binder"), "installs binder/"),
]


def self_test(good: Path, scratch: Path) -> list[tuple[str, str | None]]:
    """Break copies of ``good`` one way each; a case passes when its check reports the defect."""
    results = []
    for name, breaking, expected in BREAKAGES:
        repo = scratch / re.sub(r"\W+", "-", name)
        shutil.copytree(good, repo, ignore=NOT_COPIED)
        breaking(repo)
        failed = [check for check, problem in check_repository(repo) if problem]
        caught = any(expected in check for check in failed)
        results.append(
            (f"self-test: {name} is reported", None if caught else f"failed checks: {failed}")
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, help="check this folder as it is (default: a copy)")
    parser.add_argument("--no-self-test", action="store_true", help="skip the broken copies")
    parser.add_argument("--badge", action="store_true", help="print the Binder badge and stop")
    args = parser.parse_args(argv)
    if args.badge:
        print(badge())
        return 0
    if not REPO2DOCKER.exists():
        print(f"{REPO2DOCKER} is missing: pip install -r requirements-classroom.txt")
        return 1

    with tempfile.TemporaryDirectory(prefix="repo2docker-check-") as temp:
        if args.path:
            repo = args.path.resolve()
        else:
            repo = Path(temp) / "repository"
            copy_work_tree(repo)
        print(f"repo2docker {REPO2DOCKER.name} --no-build on {repo}")
        results = check_repository(repo)
        if not args.no_self_test:
            scratch = Path(temp) / "broken"
            scratch.mkdir()
            results += self_test(repo, scratch)

    for name, problem in results:
        print(f"PASS  {name}" if problem is None else f"FAIL  {name}: {problem}")
    failed = sum(problem is not None for _, problem in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
