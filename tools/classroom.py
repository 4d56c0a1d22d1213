"""Serve the course to a class from one JupyterHub, and measure that hub with simulated learners.

    python tools/classroom.py serve      # make classroom: a hub on 127.0.0.1, prints the class link
    python tools/classroom.py load-test  # make test-classroom: N learners run one lesson together

Both start JupyterHub with classroom/jupyterhub_config.py: configurable-http-proxy from npm (put
into classroom/node_modules by `npm ci` the first time, the README's install step), one Jupyter
server per learner started from the course's .venv with a home folder of its own, one class
password.
Learners get the course from an nbgitpuller link: the first click clones the repository into their
home, later clicks bring the instructor's updates and keep what the learner changed.

The load test does what a class does, over HTTP and the kernel websocket only (no shortcut into
the servers): each learner logs in with the class password, follows the nbgitpuller link (which
starts their server), and then all of them run every code cell of the same lesson at the same
time through the Jupyter server's REST and websocket API. It measures, per learner, the peak
memory of their server and of their kernel (sampled every 0.2 s), the lesson's seconds and CPU
seconds, and any failure (an error, stderr output or a timeout), for each class size N, and
writes the table as Markdown and JSON. It also checks once that re-following the link after the
learner edited a notebook keeps the edit and brings the update, and it proves that it can fail:
a scratch copy of the lesson with a raising cell must be reported, and so must an edit that an
overwriting update would lose. The hub listens on 127.0.0.1 only, everything is bounded in time,
and every process started is stopped by PID at the end, also after a failure or Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

import nbformat
import psutil
import requests
import websocket
from colab_links import read_config  # tools/ is on the path: [tool.course] of pyproject.toml

from helpers.environment import REQUIRED_ENV

ROOT = Path(__file__).resolve().parent.parent
CLASSROOM = ROOT / "classroom"
PROXY = CLASSROOM / "node_modules" / ".bin" / "configurable-http-proxy"
VENV_BIN = Path(sys.prefix) / "bin"  # the course's .venv: this script runs from it
MB = 1024 * 1024
SAMPLE_SECONDS = 0.2
CLASS_SIZES = (10, 30, 60)  # the sizing estimate's class sizes (README "Teaching a class")


# ---------------------------------------------------------------------------------------------
# Links, lessons and tables: plain functions (tests/test_classroom.py checks them)


def course_repository_url(pyproject: Path = ROOT / "pyproject.toml") -> tuple[str, str]:
    """The course's public git URL and branch, from [tool.course] in pyproject.toml."""
    repository, branch = read_config(pyproject)
    return f"https://github.com/{repository}", branch


def course_folder(repo_url: str) -> str:
    """The folder nbgitpuller clones ``repo_url`` into (its last path part, as nbgitpuller does)."""
    name = repo_url.rstrip("/").split("/")[-1]
    return name[: -len(".git")] if name.endswith(".git") else name


def nbgitpuller_link(repo_url: str, branch: str, lesson: str) -> str:
    """The hub-relative link learners click: clone or update the course, then open ``lesson``.

    ``lesson`` is the notebook's path inside the repository (e.g. notebooks/00_start_here.ipynb).
    /hub/user-redirect/ sends each learner to their own server, so one link serves the class.
    """
    query = urllib.parse.urlencode(
        {
            "repo": repo_url,
            "branch": branch,
            "urlpath": f"lab/tree/{course_folder(repo_url)}/{lesson}",
        }
    )
    return f"/hub/user-redirect/git-pull?{query}"


def lesson_path(repo_dir: Path, lesson: str, edition: str = "en") -> str:
    """The repository-relative path of lesson ``lesson`` ("05") of an edition ("en" or "ko")."""
    folder = Path("notebooks") if edition == "en" else Path("notebooks") / edition
    found = sorted((repo_dir / folder).glob(f"{int(lesson):02d}_*.ipynb"))
    if len(found) != 1:
        raise SystemExit(f"lesson {lesson!r} ({edition}): expected one notebook, found {found}")
    return found[0].relative_to(repo_dir).as_posix()


def cell_failure(messages: list[dict], reply: dict | None) -> str | None:
    """Why one executed cell failed (an error, stderr output, an error reply), or None if it ran.

    ``messages`` are the kernel's iopub messages for that cell, ``reply`` its execute_reply
    (None when it never came: a timeout).
    """
    for message in messages:
        content = message["content"]
        if message["msg_type"] == "error":
            return f"{content['ename']}: {content['evalue']}"
        if message["msg_type"] == "stream" and content.get("name") == "stderr":
            return f"stderr: {content['text'].strip()[:200]}"
    if reply is None:
        return "no reply from the kernel (timeout)"
    if reply["content"].get("status") != "ok":
        return f"execute_reply status {reply['content'].get('status')!r}"
    return None


def summarize(size: int, learners: list[dict], peaks: dict) -> dict:
    """One row of the table: class size N, memory per learner and in total, seconds, failures."""
    per_learner = [learner["peak_mb"] for learner in learners]
    seconds = [learner["lesson_seconds"] for learner in learners]
    return {
        "learners": size,
        "mean_peak_mb": round(statistics.mean(per_learner), 1),
        "max_peak_mb": round(max(per_learner), 1),
        "total_peak_mb": round(peaks["learners_mb"], 1),
        "total_peak_pss_mb": round(peaks["learners_pss_mb"], 1),
        "hub_and_proxy_peak_mb": round(peaks["hub_mb"], 1),
        "mean_seconds": round(statistics.mean(seconds), 1),
        "max_seconds": round(max(seconds), 1),
        "mean_cpu_seconds": round(statistics.mean(x["cpu_seconds"] for x in learners), 1),
        "failures": sum(1 for learner in learners if learner["failure"]),
        "per_learner": learners,
    }


def markdown_table(rows: list[dict], lesson: str, cores: int, memory_gb: float) -> str:
    """The measured table, and an estimate for classes of 10, 30 and 60 learners from its
    largest N: memory grows per learner by the largest RSS (an upper bound) or by the PSS share
    (libraries the kernels share counted once), cores by the CPU seconds of one lesson."""
    lines = [
        f"Lesson {lesson}, all learners running it at the same time; machine: {cores} cores, "
        f"{memory_gb:.0f} GB.",
        "",
        "| learners | peak MB per learner (mean / max) | peak MB all learners (RSS / PSS) "
        "| hub + proxy MB | lesson seconds (mean / max) | CPU seconds per learner | failures |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['learners']} | {row['mean_peak_mb']:.0f} / {row['max_peak_mb']:.0f} "
            f"| {row['total_peak_mb']:.0f} / {row['total_peak_pss_mb']:.0f} "
            f"| {row['hub_and_proxy_peak_mb']:.0f} "
            f"| {row['mean_seconds']:.1f} / {row['max_seconds']:.1f} "
            f"| {row['mean_cpu_seconds']:.1f} | {row['failures']} |"
        )
    largest = max(rows, key=lambda row: row["learners"])
    alone = min(rows, key=lambda row: row["learners"])
    pss_per_learner = largest["total_peak_pss_mb"] / largest["learners"]
    cpu, seconds = largest["mean_cpu_seconds"], max(alone["mean_seconds"], 0.1)
    lines += [
        "",
        f"Estimate from N = {largest['learners']}: memory = hub + proxy + learners x "
        f"{largest['max_peak_mb']:.0f} MB (RSS, upper bound) or x {pss_per_learner:.0f} MB "
        f"(PSS); cores for every learner to run the lesson as fast as one alone = learners x "
        f"{cpu:.1f} CPU s / {seconds:.1f} s.",
        "",
        "| class | memory GB (RSS bound) | memory GB (PSS) | cores for the lesson at full speed |",
        "| ---: | ---: | ---: | ---: |",
    ]
    for size in CLASS_SIZES:
        hub = largest["hub_and_proxy_peak_mb"]
        upper = (hub + size * largest["max_peak_mb"]) / 1024
        shared = (hub + size * pss_per_learner) / 1024
        lines.append(f"| {size} | {upper:.1f} | {shared:.1f} | {size * cpu / seconds:.0f} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# The hub


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def install_proxy() -> None:
    """configurable-http-proxy into classroom/node_modules with `npm ci` (pinned by the lock)."""
    if PROXY.exists():
        return
    if not shutil.which("npm"):
        raise SystemExit("npm is needed for configurable-http-proxy: apt-get install nodejs npm")
    print("Installing configurable-http-proxy into classroom/node_modules (npm ci) ...")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=CLASSROOM, check=True)


class Hub:
    """JupyterHub with classroom/jupyterhub_config.py on a free 127.0.0.1 port, as a context
    manager: on leaving, the hub is stopped (it stops the learners' servers and the proxy), and
    every process it ever started that is still alive is killed by PID."""

    def __init__(self, class_dir: Path, password: str, port: int = 0, api_token: str = ""):
        self.class_dir = class_dir
        self.password = password
        self.port = port or free_port()
        self.api_token = api_token
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = class_dir / "hub.log"
        self.process: psutil.Popen | None = None
        self.started: dict[int, psutil.Process] = {}  # every process seen under the hub

    def __enter__(self) -> Hub:
        install_proxy()
        self.class_dir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, **REQUIRED_ENV)
        env.update(
            CLASSROOM_DIR=str(self.class_dir),
            CLASSROOM_VENV=sys.prefix,
            CLASSROOM_PORT=str(self.port),
            CLASSROOM_HUB_PORT=str(free_port()),
            CLASSROOM_PROXY_API_PORT=str(free_port()),
            CLASSROOM_PASSWORD=self.password,
            CLASSROOM_API_TOKEN=self.api_token,
        )
        command = [str(VENV_BIN / "jupyterhub"), "-f", str(CLASSROOM / "jupyterhub_config.py")]
        with open(self.log_path, "ab") as log:
            self.process = psutil.Popen(
                command,
                cwd=self.class_dir,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: Ctrl-C reaches us, we stop it
            )
        try:
            self.wait_until_up(deadline=time.monotonic() + 90)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def wait_until_up(self, deadline: float) -> None:
        """Wait for /hub/health through the proxy; fail with the log's end if the hub exits."""
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"JupyterHub exited:\n{self.log_tail()}")
            try:
                if requests.get(f"{self.url}/hub/health", timeout=5).status_code == 200:
                    self.remember_processes()
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"JupyterHub did not answer in time:\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def remember_processes(self) -> list[psutil.Process]:
        """The hub's processes now (proxy, learners' servers, kernels), remembered for stop()."""
        try:
            found = self.process.children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        for process in found:
            self.started.setdefault(process.pid, process)
        return found

    def server_process(self, username: str) -> psutil.Process | None:
        """A learner's Jupyter server: the hub's child with JUPYTERHUB_USER=username."""
        for process in self.remember_processes():
            try:
                if (
                    process.ppid() == self.process.pid
                    and process.environ().get("JUPYTERHUB_USER") == username
                ):
                    return process
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        return None

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        """The hub's REST API with the load test's service token."""
        headers = {"Authorization": f"token {self.api_token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, **kwargs)

    def stop_server(self, username: str, timeout: float = 60) -> None:
        """Stop a learner's server through the API and wait until its processes are gone."""
        server = self.server_process(username)
        tree = [server, *server.children(recursive=True)] if server else []
        self.api("DELETE", f"/users/{username}/server", timeout=30)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.api("GET", f"/users/{username}", timeout=30).json()
            if not model["servers"]:
                break
            time.sleep(0.5)
        _, alive = psutil.wait_procs(tree, timeout=max(deadline - time.monotonic(), 1))
        for process in alive:
            process.kill()

    def stop(self) -> None:
        """SIGTERM to the hub (it stops servers and proxy), then kill whatever is left, by PID."""
        if self.process is None:
            return
        self.remember_processes()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except psutil.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        leftovers = [process for process in self.started.values() if process.is_running()]
        for process in leftovers:
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass
        psutil.wait_procs(leftovers, timeout=10)
        self.process = None


# ---------------------------------------------------------------------------------------------
# A simulated learner: only what a browser does, over HTTP and the kernel websocket


class Learner:
    """One learner's browser: logs in with the class password, follows the nbgitpuller link, edits
    and runs notebooks through their own Jupyter server's API."""

    def __init__(self, hub: Hub, name: str):
        self.hub = hub
        self.name = name
        self.session = requests.Session()
        self.home = hub.class_dir / "home" / name
        self.server = f"{hub.url}/user/{name}"

    def xsrf(self) -> str:
        """The Jupyter server's _xsrf cookie, which a browser sends back as X-XSRFToken."""
        return self.session.cookies.get("_xsrf", path=f"/user/{self.name}/")

    def log_in_through_link(self, link: str, timeout: float = 300) -> float:
        """Open the class link, log in on the hub's form, wait while the server starts, arrive at
        nbgitpuller's page. Returns the seconds from the first click to that page."""
        start = time.monotonic()
        form = self.session.get(self.hub.url + link, timeout=60)
        landed = self.session.post(
            form.url,
            data={
                "username": self.name,
                "password": self.hub.password,
                "_xsrf": self.session.cookies.get("_xsrf", path="/hub/"),
            },
            timeout=60,
        )
        if "/hub/spawn-pending/" in landed.url:  # the page a browser waits on
            deadline = start + timeout
            while time.monotonic() < deadline:
                model = self.session.get(f"{self.hub.url}/hub/api/users/{self.name}", timeout=30)
                if model.json()["servers"].get("", {}).get("ready"):
                    break
                time.sleep(0.5)
            landed = self.session.get(self.hub.url + link, timeout=60)
        if landed.status_code != 200 or "/git-pull" not in landed.url:
            raise RuntimeError(f"{self.name}: the link led to {landed.status_code} {landed.url}")
        return time.monotonic() - start

    def pull(self, repo_url: str, branch: str, timeout: float = 300) -> list[str]:
        """What nbgitpuller's page does next: its event stream that clones or merges. Returns the
        lines git printed; raises if nbgitpuller reports an error."""
        params = {
            "_xsrf": self.xsrf(),
            "repo": repo_url,
            "targetpath": course_folder(repo_url),
            "branch": branch,
        }
        output = []
        with self.session.get(
            f"{self.server}/git-pull/api", params=params, stream=True, timeout=timeout
        ) as stream:
            for line in stream.iter_lines(decode_unicode=True):
                if not line.startswith("data:"):
                    continue
                event = json.loads(line[len("data:") :])
                output.append(event.get("output", "").rstrip())
                if event["phase"] == "error":
                    raise RuntimeError(f"{self.name}: nbgitpuller: {event.get('message')}")
                if event["phase"] == "finished":
                    return output
        raise RuntimeError(f"{self.name}: nbgitpuller's stream ended without 'finished'")

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        """The learner's Jupyter server API, authenticated as a browser is (cookie + XSRF)."""
        headers = {"X-XSRFToken": self.xsrf()}
        response = self.session.request(
            method, f"{self.server}/api{path}", headers=headers, timeout=60, **kwargs
        )
        response.raise_for_status()
        return response

    def edit_notebook(self, path: str, note: str) -> None:
        """Add a line to the first cell of a notebook and save it, as the learner would in Lab."""
        model = self.api("GET", f"/contents/{path}", params={"content": 1}).json()
        cell = model["content"]["cells"][0]
        cell["source"] = cell["source"] + "\n\n" + note
        self.api("PUT", f"/contents/{path}", json={"type": "notebook", "content": model["content"]})

    def run_notebook(self, path: str, deadline: float) -> dict:
        """Run every code cell of the learner's copy of ``path`` in a new kernel of their server,
        through /api/sessions and the kernel websocket, as JupyterLab's Run All does."""
        notebook = nbformat.read(self.home / path, as_version=4)
        session = self.api(
            "POST",
            "/sessions",
            json={"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}},
        ).json()
        cookies = "; ".join(
            f"{cookie.name}={cookie.value}"
            for cookie in self.session.cookies
            if cookie.path in ("/", f"/user/{self.name}/")
        )
        channels = self.server.replace("http://", "ws://", 1)
        socket_url = f"{channels}/api/kernels/{session['kernel']['id']}/channels"
        start = time.monotonic()
        failure = None
        connection = websocket.create_connection(
            f"{socket_url}?session_id={uuid.uuid4().hex}",
            header=[f"Cookie: {cookies}", f"X-XSRFToken: {self.xsrf()}"],
            timeout=60,
        )
        try:
            for index, cell in enumerate(notebook.cells):
                if cell.cell_type != "code":
                    continue
                failure = self.execute(connection, cell.source, deadline)
                if failure:
                    failure = f"cell {index + 1}: {failure}"
                    break
            seconds = time.monotonic() - start
            cpu_seconds = self.kernel_cpu_seconds()
        finally:
            connection.close()
            self.api("DELETE", f"/sessions/{session['id']}")
        return {"lesson_seconds": seconds, "cpu_seconds": cpu_seconds, "failure": failure}

    def execute(self, connection: websocket.WebSocket, code: str, deadline: float) -> str | None:
        """Send one execute_request; gather its iopub messages and reply until the kernel is idle.
        Returns why the cell failed, or None."""
        msg_id = uuid.uuid4().hex
        request = {
            "header": {
                "msg_id": msg_id,
                "msg_type": "execute_request",
                "session": uuid.uuid4().hex,
                "username": self.name,
                "version": "5.3",
                "date": "",
            },
            "parent_header": {},
            "metadata": {},
            "content": {
                "code": code,
                "silent": False,
                "store_history": True,
                "user_expressions": {},
                "allow_stdin": False,
                "stop_on_error": True,
            },
            "channel": "shell",
            "buffers": [],
        }
        connection.send(json.dumps(request))
        messages, reply, idle = [], None, False
        while not (idle and reply):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            connection.settimeout(remaining)
            try:
                message = json.loads(connection.recv())
            except websocket.WebSocketTimeoutException:
                break
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if message["channel"] == "shell" and message["msg_type"] == "execute_reply":
                reply = message
            elif message["channel"] == "iopub":
                messages.append(message)
                state = message["content"].get("execution_state")
                idle = idle or (message["msg_type"] == "status" and state == "idle")
        if not idle:
            return "timeout"
        return cell_failure(messages, reply)

    def kernel_cpu_seconds(self) -> float:
        """CPU seconds (user + system) of the processes under the learner's server: the kernel."""
        server = self.hub.server_process(self.name)
        total = 0.0
        for process in server.children(recursive=True) if server else []:
            try:
                times = process.cpu_times()
                total += times.user + times.system
            except psutil.NoSuchProcess:
                pass
        return total


class MemorySampler(threading.Thread):
    """Every 0.2 s: the resident memory (RSS) of each learner's server and of everything under it
    (the kernel), and of the hub with its proxy; keeps the peaks. RSS counts the libraries that
    kernels share (TensorFlow's code) once per kernel, so the sum over learners overstates what
    the class needs; PSS shares them out, and its sum is what the machine really holds."""

    def __init__(self, hub: Hub, names: list[str]):
        super().__init__(daemon=True)
        self.hub = hub
        self.names = names
        kinds = ("server_mb", "kernel_mb", "peak_mb", "pss_mb")
        self.peaks = {name: dict.fromkeys(kinds, 0.0) for name in names}
        self.totals = {"learners_mb": 0.0, "learners_pss_mb": 0.0, "hub_mb": 0.0}
        self.done = threading.Event()

    def run(self) -> None:
        servers: dict[str, psutil.Process] = {}
        while not self.done.is_set():
            everyone_rss = everyone_pss = 0.0
            for name in self.names:
                if name not in servers:
                    found = self.hub.server_process(name)
                    if found is None:
                        continue
                    servers[name] = found
                server = servers[name]
                below = settled_descendants(server)
                server_mb = memory_mb(server)
                kernel_mb = sum(memory_mb(process) for process in below)
                pss_mb = sum(memory_mb(process, "pss") for process in [server, *below])
                peaks = self.peaks[name]
                peaks["server_mb"] = max(peaks["server_mb"], server_mb)
                peaks["kernel_mb"] = max(peaks["kernel_mb"], kernel_mb)
                peaks["peak_mb"] = max(peaks["peak_mb"], server_mb + kernel_mb)
                peaks["pss_mb"] = max(peaks["pss_mb"], pss_mb)
                everyone_rss += server_mb + kernel_mb
                everyone_pss += pss_mb
            totals = self.totals
            totals["learners_mb"] = max(totals["learners_mb"], everyone_rss)
            totals["learners_pss_mb"] = max(totals["learners_pss_mb"], everyone_pss)
            totals["hub_mb"] = max(totals["hub_mb"], self.hub_rss_mb())
            self.done.wait(SAMPLE_SECONDS)

    def hub_rss_mb(self) -> float:
        """The hub and its proxy: the hub's process and its children that are not a server."""
        try:
            children = self.hub.process.children()
        except psutil.NoSuchProcess:
            return 0.0
        others = [process for process in children if not is_server(process)]
        return memory_mb(self.hub.process) + sum(memory_mb(process) for process in others)


def is_server(process: psutil.Process) -> bool:
    """Whether a process is a learner's Jupyter server (it has JUPYTERHUB_USER set)."""
    try:
        return "JUPYTERHUB_USER" in process.environ()
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False


def memory_mb(process: psutil.Process, kind: str = "rss") -> float:
    """Resident memory of one process in MB, "rss" or "pss"; 0 if it is gone."""
    try:
        if kind == "pss":
            return process.memory_full_info().pss / MB
        return process.memory_info().rss / MB
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0.0


def settled_descendants(process: psutil.Process) -> list[psutil.Process]:
    """The processes under ``process`` that have lived for 0.5 s or more. A child that is just
    being forked (TensorFlow runs small commands while it loads) shows its parent's memory as
    its own until it execs; counting it would add a second kernel that does not exist."""
    now = time.time()
    try:
        children = process.children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    settled = []
    for child in children:
        try:
            if now - child.create_time() >= 0.5:
                settled.append(child)
        except psutil.NoSuchProcess:
            pass
    return settled


# ---------------------------------------------------------------------------------------------
# The load test


def git(*args: str | Path) -> None:
    """Run git on throw-away clones only (never on this repository's own work tree)."""
    subprocess.run(["git", *map(str, args)], check=True, capture_output=True, text=True)


def commit_all(repo: Path, message: str) -> None:
    """Commit every change of a throw-away clone, as an instructor pushing an update would."""
    git("-C", repo, "add", "-A")
    identity = ["-c", "user.name=classroom", "-c", "user.email=classroom@localhost"]
    git("-C", repo, *identity, "commit", "--quiet", "-m", message)


def make_source(tmp: Path, branch: str) -> Path:
    """The course as the class would pull it: a throw-away clone of this repository's HEAD, in a
    folder named like the public repository, with HEAD on the branch the link names."""
    repo_url, _ = course_repository_url()
    source = tmp / "source" / course_folder(repo_url)
    git("clone", "--quiet", ROOT, source)
    git("-C", source, "checkout", "--quiet", "-B", branch)
    return source


def check_updates_keep_edits(hub: Hub, source: Path, branch: str, lesson: str) -> list[str]:
    """One learner gets the course, edits the lesson, the instructor updates the course, the
    learner follows the link again: their edit must stay and the update must arrive. Then an
    update that overwrites (taking upstream's file) must be caught, proving the check can fail."""
    learner = Learner(hub, "edit-check")
    link = nbgitpuller_link(source.as_uri(), branch, lesson)
    learner.log_in_through_link(link)
    learner.pull(source.as_uri(), branch)
    copy = learner.home / source.name
    if not (copy / lesson).exists():
        return [f"nbgitpuller's copy has no {lesson} in {copy}"]
    note = "My own note, which an update must keep."
    learner.edit_notebook(f"{source.name}/{lesson}", note)
    readme = source / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nUpdated for the class.\n")
    commit_all(source, "An update for the class")
    learner.session.get(hub.url + link, timeout=60)
    learner.pull(source.as_uri(), branch)
    problems = []
    if note not in (copy / lesson).read_text(encoding="utf-8"):
        problems.append("following the link again lost the learner's edit")
    if "Updated for the class." not in (copy / "README.md").read_text(encoding="utf-8"):
        problems.append("following the link again did not bring the instructor's update")
    git("-C", copy, "checkout", f"origin/{branch}", "--", lesson)  # an update that overwrites
    if note in (copy / lesson).read_text(encoding="utf-8"):
        problems.append("self-test: the edit check did not notice an overwritten edit")
    hub.stop_server(learner.name)
    return problems


def check_broken_lesson_fails(hub: Hub, source: Path, branch: str, lesson: str) -> list[str]:
    """Self-test: a scratch clone whose lesson has a raising cell; the learner's run must report
    it."""
    broken = source.parent.parent / "broken" / source.name
    git("clone", "--quiet", source, broken)
    notebook = nbformat.read(broken / lesson, as_version=4)
    first_code = next(i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code")
    raising = nbformat.v4.new_code_cell('raise RuntimeError("classroom self-test")')
    notebook.cells.insert(first_code + 1, raising)
    nbformat.write(notebook, broken / lesson)
    commit_all(broken, "A broken lesson for the load test's self-test")
    learner = Learner(hub, "self-test")
    learner.log_in_through_link(nbgitpuller_link(broken.as_uri(), branch, lesson))
    learner.pull(broken.as_uri(), branch)
    result = learner.run_notebook(f"{broken.name}/{lesson}", time.monotonic() + 300)
    hub.stop_server(learner.name)
    if "classroom self-test" not in (result["failure"] or ""):
        return [f"self-test: a raising cell was not reported (got {result['failure']!r})"]
    print(f"Self-test: a lesson with a raising cell is reported ({result['failure']})")
    return []


def run_round(hub: Hub, size: int, source: Path, branch: str, lesson: str, deadline: float):
    """N learners log in, get the course and run the lesson at the same moment; their servers are
    stopped afterwards. Returns the round's row of the table."""
    repo_url = source.as_uri()
    link = nbgitpuller_link(repo_url, branch, lesson)
    learners = [Learner(hub, f"n{size}-learner{i}") for i in range(1, size + 1)]
    ready = threading.Barrier(size)  # the lesson starts for everyone together
    results: dict[str, dict] = {}

    def attend(learner: Learner) -> None:
        result = {"name": learner.name, "lesson_seconds": 0.0, "cpu_seconds": 0.0}
        try:
            result["login_seconds"] = round(learner.log_in_through_link(link), 1)
            started = time.monotonic()
            learner.pull(repo_url, branch)
            result["pull_seconds"] = round(time.monotonic() - started, 1)
            if not (learner.home / source.name / lesson).exists():
                raise RuntimeError(f"nbgitpuller's copy has no {lesson}")
            ready.wait(timeout=max(deadline - time.monotonic(), 1))
            result.update(learner.run_notebook(f"{source.name}/{lesson}", deadline))
        except Exception as error:  # reported in the table, never silently dropped
            ready.abort()
            result["failure"] = f"{type(error).__name__}: {error}"
        results[learner.name] = result

    sampler = MemorySampler(hub, [learner.name for learner in learners])
    sampler.start()
    threads = [threading.Thread(target=attend, args=(x,), daemon=True) for x in learners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(deadline - time.monotonic(), 0) + 30)
    sampler.done.set()
    sampler.join()
    rows = []
    for learner in learners:
        result = results.get(learner.name, {"name": learner.name, "failure": "did not finish"})
        result.setdefault("lesson_seconds", 0.0)
        result.setdefault("cpu_seconds", 0.0)
        result.setdefault("failure", None)
        peaks = sampler.peaks[learner.name]
        result.update({key: round(value, 1) for key, value in peaks.items()})
        result["lesson_seconds"] = round(result["lesson_seconds"], 1)
        result["cpu_seconds"] = round(result["cpu_seconds"], 1)
        rows.append(result)
        hub.stop_server(learner.name)
    return summarize(size, rows, sampler.totals)


def load_test(args: argparse.Namespace) -> int:
    """`make test-classroom`: the table for each N, the update check and the self-tests."""
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    _, branch = course_repository_url()
    deadline = time.monotonic() + args.minutes * 60
    tmp = Path(tempfile.mkdtemp(prefix="classroom-load-test-"))
    rows, problems = [], []
    try:
        source = make_source(tmp, branch)
        lesson = lesson_path(source, args.lesson, args.edition)
        print(f"Load test of {lesson} with {args.learners} learners; hub folder {tmp}")
        hub = Hub(tmp / "class", secrets.token_urlsafe(12), api_token=secrets.token_hex(32))
        with hub:
            problems += check_updates_keep_edits(hub, source, branch, lesson)
            print("nbgitpuller: the copy, keep-my-edit and the update checked", *problems)
            for size in args.learners:
                if time.monotonic() > deadline:
                    problems.append(f"out of time (--minutes {args.minutes}) before N = {size}")
                    break
                row = run_round(hub, size, source, branch, lesson, deadline)
                rows.append(row)
                print(
                    f"N = {size}: {row['failures']} failures, mean {row['mean_seconds']} s, "
                    f"max {row['max_peak_mb']} MB per learner"
                )
                for learner in row["per_learner"]:
                    if learner["failure"]:
                        problems.append(f"N = {size}, {learner['name']}: {learner['failure']}")
            problems += check_broken_lesson_fails(hub, source, branch, lesson)
    finally:
        if (tmp / "class" / "hub.log").exists():
            shutil.copy(tmp / "class" / "hub.log", out / "hub.log")
        shutil.rmtree(tmp, ignore_errors=True)
    machine = {"cores": psutil.cpu_count(), "memory_gb": psutil.virtual_memory().total / 1024**3}
    report = {"lesson": lesson, "machine": machine, "rows": rows, "problems": problems}
    (out / "load-test.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if rows:
        table = markdown_table(rows, lesson, machine["cores"], machine["memory_gb"])
        (out / "load-test.md").write_text(table, encoding="utf-8")
        print(table)
    for problem in problems:
        print("PROBLEM:", problem)
    print(f"Written to {out}/load-test.md and load-test.json")
    return 1 if problems else 0


# ---------------------------------------------------------------------------------------------
# Serving a class


def serve(args: argparse.Namespace) -> int:
    """`make classroom`: a hub for a class on this machine, until Ctrl-C or --minutes."""
    repo_url, branch = course_repository_url()
    repo_url = args.repo or repo_url
    password = args.password or os.environ.get("CLASSROOM_PASSWORD") or secrets.token_urlsafe(9)
    if len(password) < 8:
        raise SystemExit("The class password needs at least 8 characters.")
    lesson = lesson_path(ROOT, "00", args.edition)
    class_dir = Path(args.class_dir).expanduser().resolve()
    with Hub(class_dir, password, port=args.port) as hub:
        print(
            f"\nThe class's hub runs at {hub.url}/ (learners' folders: {class_dir / 'home'}).\n"
            f"Learners open this link, log in with any name and the class password:\n\n"
            f"    {hub.url}{nbgitpuller_link(repo_url, branch, lesson)}\n\n"
            f"    class password: {password}\n\n"
            f"Ctrl-C stops the hub and every learner's server (it stops by itself after "
            f"{args.minutes} minutes). Log: {hub.log_path}",
            flush=True,
        )
        deadline = time.monotonic() + args.minutes * 60
        while time.monotonic() < deadline and hub.process.poll() is None:
            hub.remember_processes()  # so that stop() finds every learner's server and kernel
            time.sleep(1)
        if hub.process.poll() is not None:
            print(f"JupyterHub stopped:\n{hub.log_tail()}")
            return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serving = commands.add_parser("serve", help="serve the course to a class (make classroom)")
    serving.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: free)")
    serving.add_argument("--minutes", type=float, default=240, help="stop after (default 240)")
    serving.add_argument("--repo", help="git URL learners pull (default: [tool.course])")
    serving.add_argument("--password", help="class password, 8+ characters (or CLASSROOM_PASSWORD)")
    serving.add_argument("--edition", choices=["en", "ko"], default="en", help="lesson language")
    serving.add_argument(
        "--class-dir",
        default="~/keras-course-classroom",
        help="the hub's files and the learners' home folders (kept between runs)",
    )
    testing = commands.add_parser("load-test", help="simulated learners (make test-classroom)")
    testing.add_argument("--learners", type=int, nargs="+", default=[1, 2], help="class sizes N")
    testing.add_argument("--lesson", default="00", help="lesson number, e.g. 05 (default 00)")
    testing.add_argument("--edition", choices=["en", "ko"], default="en", help="lesson language")
    testing.add_argument("--minutes", type=float, default=30, help="time limit (default 30)")
    testing.add_argument("--out", default=str(ROOT / "build" / "classroom"), help="output folder")
    args = parser.parse_args(argv)
    # Ctrl-C (even when started in the background, which ignores it) and SIGTERM (a CI timeout)
    # unwind the program, so that the hub's finally blocks stop everything it started.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return serve(args) if args.command == "serve" else load_test(args)
    except KeyboardInterrupt:
        print("Stopped: the hub and every server it started are gone.")
        return 130


if __name__ == "__main__":
    sys.exit(main())
