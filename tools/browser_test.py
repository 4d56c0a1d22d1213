"""Every lesson of both editions run the way a learner runs it: in JupyterLab, in Chromium.

``make test-browser`` runs this. It starts JupyterLab as ``make lab`` does (loopback, a random
token) on a scratch copy of notebooks/, with throw-away settings (autosave off) and workspaces, and
drives Debian's Chromium (``/usr/bin/chromium``, headless) with Playwright. For each lesson it:

1. opens the lesson, chooses Kernel > Restart Kernel and Run All Cells and confirms the dialog;
2. waits until the kernel is idle, then checks what the learner sees: every code cell ran, in order
   (execution counts 1..n); no error and no stderr output; as many figures, each a decoded image,
   as the notebook stores; one "not attempted" line per exercise (cells calling ``qN.check(``);
3. types a correct answer (from tests/answers/lessonNN.py) into one exercise cell, runs it and
   checks that it is judged correct;
4. saves a screenshot of the whole notebook in the output folder (build/browser/ by default) and
   checks that the lesson's file was not saved.

It must be able to fail: the self-test adds a cell ``raise RuntimeError("self-test")`` to a scratch
copy of lesson 00 and passes only if the same checks report that cell. With no arguments it runs
all 20 lessons and the self-test; the exit status is 0 only if every lesson and the self-test
passed. Nothing is downloaded; JupyterLab listens on 127.0.0.1 and is stopped by PID at the end.

    python tools/browser_test.py                       # 20 lessons + self-test
    python tools/browser_test.py --lessons 00 ko/05    # some lessons (+ self-test)
    python tools/browser_test.py --self-test-only
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import hashlib
import importlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the course's helpers and tests/answers

import psutil  # noqa: E402  (ipykernel's dependency: in every course environment)
from playwright.sync_api import Page, sync_playwright  # noqa: E402

from helpers.environment import REQUIRED_ENV  # noqa: E402
from helpers.language import _, choose  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
CHROMIUM = "/usr/bin/chromium"  # Debian's package: Playwright's own browser download is not used
LESSON_TIMEOUT = 300  # seconds for one lesson, all steps (lesson 08 trains for about a minute)
RUN_TIMEOUT = 100 * 60  # seconds for the whole run; lessons not started by then fail
START_TIMEOUT = 90  # seconds for JupyterLab to answer
CLASSROOM_TIMEOUT = 180  # seconds for the hub, and for a learner's server and copy
VIEWPORT = {"width": 1280, "height": 900}
SCREENSHOT_MAX_HEIGHT = 30000  # pixels; a taller notebook is cut off at the bottom
SELF_TEST_LESSON = "00"
SELF_TEST_CELL = 'raise RuntimeError("self-test")'

# The throw-away user settings: no autosave (nothing is ever written to a lesson), every cell in
# the page (no windowing, so that all of them can be read and photographed), and no request to
# the extension manager's PyPI search. News and update checks are off by the course's own
# defaults (settings/jupyterlab-overrides.json, which make copies into .venv): a test checks that
# no news pop-up shows.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/extensionmanager-extension/plugin": {"enabled": False},
}
NEWS_QUESTION = "get notified about official Jupyter news"  # JupyterLab's pop-up

# What the page shows, read in one go: for each code cell its prompt ("[3]:", "[*]:"), its
# editor's text and its outputs (MIME type, text, images and how many of them are decoded).
READ_CELLS = """() => [
  ...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')
].map(cell => ({
    prompt: (cell.querySelector('.jp-InputPrompt') || {}).textContent || '',
    source: [...cell.querySelectorAll('.cm-line')].map(line => line.textContent).join('\\n'),
    outputs: [...cell.querySelectorAll('.jp-OutputArea-output')].map(out => ({
      mime: out.getAttribute('data-mime-type') || '',
      text: out.innerText,
      images: out.querySelectorAll('img').length,
      decoded: [...out.querySelectorAll('img')]
        .filter(img => img.complete && img.naturalWidth > 0).length,
    })),
  }))"""
KERNEL_STATUS = """() => {
  const indicator = document.querySelector(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
  return indicator ? indicator.getAttribute('data-status') : null;
}"""
STDERR_MIME = "application/vnd.jupyter.stderr"  # stderr streams and tracebacks alike


@dataclass
class Lesson:
    """A lesson to run: its short name ("03", "ko/03", "self-test") and its file."""

    name: str
    path: Path  # the original notebook (the self-test's is in the scratch folder)
    number: str = ""  # "03": which tests/answers/lessonNN.py holds its answers

    def __post_init__(self) -> None:
        self.number = self.number or self.path.name[:2]


@dataclass
class Expected:
    """What a lesson must show after Run All, read from its .ipynb file."""

    code_cells: int
    figures: int  # image/png outputs stored in the file
    exercises: list[int]  # code-cell indexes of the cells calling qN.check(...)
    language: str  # "en" or "ko"


@dataclass
class Result:
    """What one lesson did in the browser."""

    name: str
    seconds: float = 0.0
    cells: int = 0
    figures: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def find_lessons(names: list[str] | None) -> list[Lesson]:
    """The lessons called ``names`` ("00", "ko/05", "ko/05_fit_and_history"), all 20 if None."""
    if not names:
        paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
        paths += sorted((NOTEBOOKS / "ko").glob("[0-9][0-9]_*.ipynb"))
        return [Lesson(lesson_name(path), path) for path in paths]
    lessons = []
    for name in names:
        folder, _sep, number = name.rpartition("/")
        matches = sorted((NOTEBOOKS / folder).glob(f"{number[:2]}_*.ipynb"))
        if len(number) < 2 or not number[:2].isdigit() or len(matches) != 1:
            raise SystemExit(f"no lesson {name!r}: use 00..09 or ko/00..ko/09")
        lessons.append(Lesson(lesson_name(matches[0]), matches[0]))
    return lessons


def lesson_name(path: Path) -> str:
    """ "03" for notebooks/03_*.ipynb, "ko/03" for notebooks/ko/03_*.ipynb."""
    return f"ko/{path.name[:2]}" if path.parent.name == "ko" else path.name[:2]


def code_sources(notebook: dict) -> list[str]:
    """The source of each code cell of a notebook (nbformat 4 JSON), in order."""
    cells = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    return ["".join(cell["source"]) for cell in cells]


def expected_of(path: Path) -> Expected:
    """What a run of the notebook at ``path`` must show, from the file itself."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    figures = sum("image/png" in out.get("data", {}) for cell in code for out in cell["outputs"])
    checks = re.compile(r"\bq\d+\.check\(")
    exercises = [i for i, source in enumerate(code_sources(notebook)) if checks.search(source)]
    setup = r"setup_lesson\([^)]*language\s*=\s*[\"']ko[\"']"
    korean = re.search(setup, "\n".join(code_sources(notebook)))
    return Expected(len(code), figures, exercises, "ko" if korean else "en")


def simple_answer(lesson_number: str) -> tuple[str, str]:
    """A correct answer to type: (exercise name, one line of code), from tests/answers.

    The first CORRECT answer that assigns a plain value (``q2_answer = "B"``, ``q1_answer = 60``):
    it is typed after the whole lesson ran, when later cells may have changed the names an answer
    computed from them would use, and a plain value does not depend on any name.
    """
    answers = importlib.import_module(f"answers.lesson{lesson_number}").CORRECT
    for exercise, codes in answers.items():
        for code in codes:
            tree = ast.parse(code)
            statement = tree.body[0] if len(tree.body) == 1 else None
            if isinstance(statement, ast.Assign) and ast.unparse(statement.targets[0]) == (
                f"{exercise}_answer"
            ):
                with contextlib.suppress(ValueError, TypeError, SyntaxError):
                    ast.literal_eval(statement.value)
                    return exercise, code
    raise ValueError(f"tests/answers/lesson{lesson_number}.py has no plain-value answer")


def with_answer(source: str, exercise: str, answer: str) -> str:
    """An exercise cell's source with its ``qN_answer = ...`` line replaced by ``answer``."""
    line = re.compile(rf"^{exercise}_answer = \.\.\..*$", re.M)
    if not line.search(source):
        raise ValueError(f"no '{exercise}_answer = ...' line in {source!r}")
    return line.sub(lambda _match: answer, source, count=1)


def self_test_notebook(folder: Path) -> Path:
    """A copy of lesson SELF_TEST_LESSON in ``folder`` with a raising cell before its first
    exercise: the browser test must report it."""
    original = find_lessons([SELF_TEST_LESSON])[0].path
    notebook = json.loads(original.read_text(encoding="utf-8"))
    checks = re.compile(r"\bq\d+\.check\(")
    first = next(
        i
        for i, cell in enumerate(notebook["cells"])
        if cell["cell_type"] == "code" and checks.search("".join(cell["source"]))
    )
    raising = {
        "cell_type": "code",
        "execution_count": None,
        "id": "self-test",
        "metadata": {},
        "outputs": [],
        "source": [SELF_TEST_CELL],
    }
    notebook["cells"].insert(first, raising)
    path = folder / f"self_test_{original.name}"
    path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class JupyterLab:
    """JupyterLab as ``make lab`` starts it, on a scratch folder, stopped by PID."""

    def __init__(self, notebook_dir: Path, scratch: Path) -> None:
        self.notebook_dir = notebook_dir
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = scratch / "jupyterlab.log"
        settings = scratch / "settings"
        for name, values in LAB_SETTINGS.items():
            file = settings / f"{name}.jupyterlab-settings"
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(json.dumps(values), encoding="utf-8")
        self.env = os.environ | REQUIRED_ENV  # the kernels inherit them from the server
        self.env |= {
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(scratch / "workspaces"),
            "JUPYTER_CONFIG_DIR": str(scratch / "config"),  # no user configuration
            "JUPYTER_RUNTIME_DIR": str(scratch / "runtime"),
            "IPYTHONDIR": str(scratch / "ipython"),  # no user profile, no history file
        }
        self.command = [
            str(Path(sys.executable).parent / "jupyter"),
            "lab",
            f"--notebook-dir={notebook_dir}",
            "--ip=127.0.0.1",
            "--no-browser",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
        ]
        if os.getuid() == 0:
            self.command.append("--allow-root")
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the server (its own process group) and wait until it answers."""
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                self.command, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and self.process.poll() is None:
            with contextlib.suppress(OSError):
                self.api("GET", "status")
                return
            time.sleep(0.5)
        raise RuntimeError(f"JupyterLab did not start:\n{self.log.read_text()[-3000:]}")

    def api(self, method: str, path: str) -> object:
        """Call the Jupyter server's REST API (with the token); the decoded JSON answer."""
        request = urllib.request.Request(
            f"{self.base}/api/{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def wait_for_kernel(self, relative: str, deadline: float) -> None:
        """Wait until the notebook at ``relative`` has a kernel, started and idle (the page
        shows "idle" before the kernel exists)."""
        while time.monotonic() < deadline:
            for session in self.api("GET", "sessions") or []:  # type: ignore[union-attr]
                if session["path"] == relative and session["kernel"]["execution_state"] == "idle":
                    return
            time.sleep(0.5)
        raise TimeoutError(f"no idle kernel for {relative}")

    def shut_down_kernels(self) -> None:
        """Stop every kernel (each lesson starts its own; TensorFlow kernels are large)."""
        for kernel in self.api("GET", "kernels") or []:  # type: ignore[union-attr]
            with contextlib.suppress(OSError):
                self.api("DELETE", f"kernels/{kernel['id']}")

    def stop(self) -> None:
        """Stop the server's process group, then any of its processes left (kernels run in
        sessions of their own), by PID."""
        if self.process is None:
            return
        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.Error:
            children = []
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        _gone, alive = psutil.wait_procs(children, timeout=10)
        for process in alive:
            with contextlib.suppress(psutil.Error):
                process.kill()
        self.process = None


def wait_for_run(page: Page, deadline: float) -> None:
    """Wait until Run All has started (a cell shows [*]) and then ended: no cell waiting or
    running and the kernel idle, twice in a row half a second apart."""
    started = quiet = False
    start_by = time.monotonic() + 60
    while time.monotonic() < deadline:
        if not started and time.monotonic() > start_by:
            raise TimeoutError("Run All did not start: no cell showed [*] within 60 s")
        prompts = [cell["prompt"] for cell in page.evaluate(READ_CELLS)]
        busy = any("*" in prompt for prompt in prompts)
        started = started or busy
        idle = page.evaluate(KERNEL_STATUS) == "idle"
        if started and not busy and idle:
            if quiet:
                return
            quiet = True
        else:
            quiet = False
        page.wait_for_timeout(500)
    raise TimeoutError("the lesson did not finish running in time")


def problems_after_run(cells: list[dict], expected: Expected) -> list[str]:
    """What is wrong with the cells a lesson shows after Run All (see the module's docstring)."""
    problems = []
    if len(cells) != expected.code_cells:
        problems.append(f"{len(cells)} code cells on the page, {expected.code_cells} in the file")
    counts = [cell["prompt"].strip().lstrip("[").rstrip("]:").strip() for cell in cells]
    if counts != [str(n) for n in range(1, len(cells) + 1)]:
        problems.append(f"execution counts are not 1..{len(cells)} in order: {counts}")
    for index, cell in enumerate(cells):
        for out in cell["outputs"]:
            if out["mime"] == STDERR_MIME:
                text = " ".join(out["text"].split())[-300:]
                problems.append(f"code cell {index + 1}: error or stderr output: {text}")
            if out["images"] != out["decoded"]:
                problems.append(f"code cell {index + 1}: an image that does not decode")
    figures = sum(out["decoded"] for cell in cells for out in cell["outputs"])
    if figures != expected.figures:
        problems.append(f"{figures} figures shown, {expected.figures} stored in the file")
    choose(expected.language)
    prefix = f"⏳ {_('Not attempted yet:')}"
    choose("en")
    text = "\n".join(out["text"] for cell in cells for out in cell["outputs"])
    waiting = sum(line.strip().startswith(prefix) for line in text.splitlines())
    if waiting != len(expected.exercises):
        problems.append(f"{waiting} '{prefix}' lines for {len(expected.exercises)} exercises")
    return problems


def answer_an_exercise(page: Page, lesson: Lesson, expected: Expected, deadline: float) -> str:
    """Type a correct answer into one exercise cell, run it; "" if judged correct, else what
    went wrong."""
    exercise, answer = simple_answer(lesson.number)
    sources = code_sources(json.loads(lesson.path.read_text(encoding="utf-8")))
    index = next((i for i in expected.exercises if f"{exercise}.check(" in sources[i]), None)
    if index is None:
        return f"no cell checks {exercise} (the answer from tests/answers)"
    wanted = with_answer(sources[index], exercise, answer)
    cell = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").nth(index)
    cell.locator(".cm-content").click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(wanted)
    typed = page.evaluate(READ_CELLS)[index]["source"]
    if typed.strip() != wanted.strip():
        return f"typed {wanted!r} but the cell holds {typed!r}"
    page.keyboard.press("Shift+Enter")
    runs = expected.code_cells + 1  # the execution count after Run All
    while time.monotonic() < deadline:
        shown = page.evaluate(READ_CELLS)[index]
        if shown["prompt"].strip() == f"[{runs}]:" and page.evaluate(KERNEL_STATUS) == "idle":
            break
        page.wait_for_timeout(300)
    else:
        return f"the answered cell ({exercise}) did not run in time"
    text = " ".join(out["text"] for out in shown["outputs"]).strip()
    choose(expected.language)
    correct = f"✅ {_('Correct!')}"
    choose("en")
    if not text.startswith(correct):
        return f"{exercise} answered with {answer!r} shows {text[:300]!r}, not {correct!r}"
    return ""


def screenshot(page: Page, path: Path) -> None:
    """The whole notebook in one PNG: the window made as tall as the notebook first."""
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll("
        "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')]"
        ".map(el => el.scrollHeight), 0)"
    )
    tall = min(SCREENSHOT_MAX_HEIGHT, max(VIEWPORT["height"], int(height) + 150))
    page.set_viewport_size({"width": VIEWPORT["width"], "height": tall})
    page.evaluate(  # from the top: Run All leaves the notebook scrolled to its last cell
        "() => document.querySelectorAll("
        "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')"
        ".forEach(el => { el.scrollTop = 0; })"
    )
    page.wait_for_timeout(500)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(VIEWPORT)


def check_lesson(page: Page, lab: JupyterLab, lesson: Lesson, relative: str, out: Path) -> Result:
    """Run one lesson (at ``relative`` in Lab's folder) in the browser and check it (see the
    module's docstring)."""
    scratch_path = lab.notebook_dir / relative
    result = Result(lesson.name)
    start = time.monotonic()
    deadline = start + LESSON_TIMEOUT
    expected = expected_of(scratch_path)
    before = hashlib.sha256(scratch_path.read_bytes()).hexdigest()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{lab.base}/lab/tree/{relative}?reset&token={lab.token}")
        lab.wait_for_kernel(relative, deadline)
        page.wait_for_function(f"() => ({KERNEL_STATUS})() === 'idle'")
        page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").click()
        # Kernel > Restart Kernel and Run All Cells… (the menu's item for notebook:restart-run-all)
        page.locator('.lm-Menu-item[data-command="runmenu:restart-and-run-all"]').click()
        page.locator(".jp-Dialog .jp-mod-accept").click()
        wait_for_run(page, deadline)
        cells = page.evaluate(READ_CELLS)
        result.cells = len(cells)
        result.figures = sum(out["decoded"] for cell in cells for out in cell["outputs"])
        result.problems += problems_after_run(cells, expected)
        if page.get_by_text(NEWS_QUESTION).count():
            result.problems.append("JupyterLab shows its news pop-up (settings/ overrides missing)")
        if result.problems:
            result.problems.append("the answer step was skipped: the lesson did not run cleanly")
        elif problem := answer_an_exercise(page, lesson, expected, deadline):
            result.problems.append(problem)
    except Exception as error:  # a timeout or a missing element: reported, the run goes on
        result.problems.append(f"{type(error).__name__}: {str(error).splitlines()[0][:300]}")
    finally:
        with contextlib.suppress(Exception):
            screenshot(page, out / f"{lesson.name.replace('/', '_')}.png")
        with contextlib.suppress(OSError):
            lab.shut_down_kernels()
    if hashlib.sha256(scratch_path.read_bytes()).hexdigest() != before:
        result.problems.append("the lesson's file was saved (autosave must be off)")
    result.seconds = time.monotonic() - start
    return result


def report(result: Result) -> None:
    """One line per lesson, then its problems indented."""
    verdict = "passed" if result.passed else "FAILED"
    print(
        f"{result.name:<10} {result.seconds:6.1f} s  {result.cells:3d} cells  "
        f"{result.figures:2d} figures  {verdict}",
        flush=True,
    )
    for problem in result.problems:
        print(f"    {problem}", flush=True)


@contextlib.contextmanager
def browser_session(lab: JupyterLab) -> Iterator[Page]:
    """One headless Chromium page; the browser is closed afterwards."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            page = browser.new_context(viewport=VIEWPORT, locale="en-US").new_page()
            yield page
        finally:
            browser.close()


def check_classroom(out: Path) -> Result:
    """`make classroom` as an instructor starts it, and a learner's first click: the hub on
    127.0.0.1, log in with a name and the class password, follow the nbgitpuller link, and find
    lesson 00 open in JupyterLab, in the learner's own copy of the course (cloned from this
    repository). The hub and everything it started are stopped by PID (SIGTERM, then SIGKILL)."""
    result = Result("classroom")
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="browser-classroom-") as tmp:
        password, class_dir, log = secrets.token_urlsafe(12), Path(tmp) / "class", Path(tmp) / "log"
        serve_for = ["--minutes", "10", "--repo", str(ROOT), "--password", password]
        command = [sys.executable, str(ROOT / "tools" / "classroom.py"), "serve", *serve_for]
        command += ["--class-dir", str(class_dir)]
        with log.open("wb") as output:
            serve = subprocess.Popen(
                command, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )  # fmt: skip
        try:
            link = ""
            deadline = time.monotonic() + CLASSROOM_TIMEOUT
            while not link and time.monotonic() < deadline and serve.poll() is None:
                found = re.search(r"^\s+(http://127\.0\.0\.1:\d+/hub/\S+)$", log.read_text(), re.M)
                link = found.group(1) if found else ""
                time.sleep(0.5)
            if not link:
                raise RuntimeError(f"no class link from make classroom:\n{log.read_text()[-2000:]}")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
                try:
                    page = browser.new_context(viewport=VIEWPORT, locale="en-US").new_page()
                    page.set_default_timeout(CLASSROOM_TIMEOUT * 1000)
                    page.goto(link)  # the hub asks for a name and the class password first
                    page.fill("#username_input", "learner1")
                    page.fill("#password_input", password)
                    page.click("#login_submit")
                    page.wait_for_url(re.compile(r"/user/learner1/lab"))
                    tab = page.locator(".lm-TabBar-tabLabel", has_text="00_start_here.ipynb")
                    tab.first.wait_for()
                    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for()
                    page.wait_for_timeout(2000)
                    page.screenshot(path=str(out / "classroom.png"))
                    if page.get_by_text(NEWS_QUESTION).count():
                        result.problems.append("the learner's JupyterLab shows its news pop-up")
                finally:
                    browser.close()
            copy = class_dir / "home" / "learner1" / ROOT.name / "notebooks" / "00_start_here.ipynb"
            if not copy.exists():
                result.problems.append(f"the learner's copy of the course is missing: {copy}")
        except Exception as error:  # reported, like a lesson's problems
            result.problems.append(f"{type(error).__name__}: {str(error).splitlines()[0][:300]}")
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.kill(serve.pid, signal.SIGTERM)  # classroom.py stops the hub and the servers
            try:
                serve.wait(timeout=60)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(serve.pid, signal.SIGKILL)
                serve.wait(timeout=10)
    result.seconds = time.monotonic() - start
    return result


def run(lessons: list[Lesson], self_test: bool, out: Path) -> int:
    """Run ``lessons`` (and the self-test) in one JupyterLab; the number of failures."""
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="browser-test-") as tmp:
        scratch = Path(tmp)
        notebook_dir = scratch / "notebooks"
        shutil.copytree(
            NOTEBOOKS, notebook_dir, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
        targets = [(lesson, lesson.path.relative_to(NOTEBOOKS).as_posix()) for lesson in lessons]
        if self_test:
            path = self_test_notebook(notebook_dir)
            targets.append((Lesson("self-test", path, SELF_TEST_LESSON), path.name))
        lab = JupyterLab(notebook_dir, scratch)
        try:
            lab.start()
            with browser_session(lab) as page:
                passed = 0
                for lesson, relative in targets:
                    if time.monotonic() - started > RUN_TIMEOUT:
                        result = Result(lesson.name, problems=["not run: the whole run timed out"])
                    else:
                        result = check_lesson(page, lab, lesson, relative, out)
                    report(result)
                    if lesson.name != "self-test":
                        passed += result.passed
                        failures += not result.passed
                    elif result.passed or not any("self-test" in p for p in result.problems):
                        print("self-test FAILED: the raising cell was not reported", flush=True)
                        failures += 1
                    else:
                        print("self-test passed: the raising cell was reported", flush=True)
                lessons_run = len(targets) - self_test
                print(f"{passed} passed, {lessons_run - passed} failed", flush=True)
        finally:
            lab.stop()
    print(f"{time.monotonic() - started:.0f} s in all; screenshots in {out}", flush=True)
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lessons", nargs="+", metavar="NN", help="e.g. 00 03 ko/05 (default: all 20)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "browser", help="screenshots")
    parser.add_argument("--self-test-only", action="store_true", help="only the self-test")
    parser.add_argument("--no-self-test", action="store_true", help="skip the self-test")
    parser.add_argument(
        "--classroom", action="store_true", help="also log in to make classroom's hub (needs npm)"
    )
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium (README, Tests)", file=sys.stderr)
        return 2
    lessons = [] if args.self_test_only else find_lessons(args.lessons)
    failures = run(lessons, not args.no_self_test, args.out.resolve())
    if args.classroom:
        classroom = check_classroom(args.out.resolve())
        report(classroom)
        failures += not classroom.passed
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
