"""`make lab` starts JupyterLab on notebooks/: the command answers HTTP 200 and serves a lesson."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_jupyterlab_serves_the_lessons(tmp_path: Path) -> None:
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--notebook-dir=notebooks",
        "--ip=127.0.0.1",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.port_retries=0",
    ]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")
    env = dict(
        os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path), JUPYTER_CONFIG_DIR=str(tmp_path / "config")
    )
    log = tmp_path / "lab.log"
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            url = None
            deadline = time.monotonic() + 60
            while url is None and time.monotonic() < deadline and server.poll() is None:
                time.sleep(0.5)
                match = re.search(rf"http://127\.0\.0\.1:{port}/lab\?token=\w+", log.read_text())
                url = match.group(0) if match else None
            assert url, f"JupyterLab printed no address:\n{log.read_text()[-2000:]}"
            with urllib.request.urlopen(url, timeout=30) as response:
                assert response.status == 200
            lesson = url.replace("/lab?", "/api/contents/01_models_and_error.ipynb?")
            with urllib.request.urlopen(lesson, timeout=30) as response:
                assert response.status == 200 and b"Models and error" in response.read()
        finally:
            server.terminate()
            server.wait(timeout=30)
