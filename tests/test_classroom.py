"""tools/classroom.py's plain parts: the class link, the lesson lookup, what counts as a failed
cell, and the sizing table. Fast: no hub is started (`make test-classroom` does that)."""

import urllib.parse
from pathlib import Path

import pytest

from classroom import (
    ROOT,
    cell_failure,
    course_folder,
    course_repository_url,
    lesson_path,
    markdown_table,
    nbgitpuller_link,
    summarize,
)


def test_the_link_pulls_the_course_and_opens_the_lesson_in_lab():
    link = nbgitpuller_link(
        "https://github.com/owner/keras-regression-course", "main", "notebooks/05_fit.ipynb"
    )
    path, query = link.split("?")
    assert path == "/hub/user-redirect/git-pull"  # each learner lands on their own server
    assert urllib.parse.parse_qs(query) == {
        "repo": ["https://github.com/owner/keras-regression-course"],
        "branch": ["main"],
        "urlpath": ["lab/tree/keras-regression-course/notebooks/05_fit.ipynb"],
    }


def test_the_folder_is_the_one_nbgitpuller_clones_into():
    assert course_folder("https://github.com/owner/course") == "course"
    assert course_folder("https://github.com/owner/course.git") == "course"
    assert course_folder("file:///tmp/x/course/") == "course"


def test_the_default_repository_is_the_course_of_pyproject():
    url, branch = course_repository_url()
    assert url.startswith("https://github.com/") and url.count("/") == 4
    assert branch


def test_lessons_are_found_by_number_in_both_editions():
    assert lesson_path(ROOT, "5") == "notebooks/05_fit_and_history.ipynb"
    assert lesson_path(ROOT, "00", "ko") == "notebooks/ko/00_start_here.ipynb"
    with pytest.raises(SystemExit):
        lesson_path(ROOT, "42")


def message(msg_type, **content):
    return {"msg_type": msg_type, "content": content}


REPLY_OK = {"content": {"status": "ok"}}


def test_a_cell_that_printed_and_drew_ran():
    outputs = [message("stream", name="stdout", text="ok\n"), message("display_data", data={})]
    assert cell_failure(outputs, REPLY_OK) is None


@pytest.mark.parametrize(
    ("outputs", "reply", "reason"),
    [
        ([message("error", ename="ValueError", evalue="bad", traceback=[])], REPLY_OK, "ValueEr"),
        ([message("stream", name="stderr", text="Warning: x\n")], REPLY_OK, "stderr"),
        ([], None, "timeout"),
        ([], {"content": {"status": "aborted"}}, "aborted"),
    ],
)
def test_errors_stderr_timeouts_and_aborts_are_failures(outputs, reply, reason):
    assert reason in cell_failure(outputs, reply)


def learner(peak_mb, seconds, failure=None):
    return {
        "peak_mb": peak_mb,
        "lesson_seconds": seconds,
        "cpu_seconds": seconds / 2,
        "failure": failure,
    }


def test_the_table_summarizes_each_class_size_and_estimates_larger_classes():
    peaks = {"learners_mb": 1500.0, "learners_pss_mb": 1000.0, "hub_mb": 200.0}
    alone = summarize(1, [learner(700.0, 10.0)], {**peaks, "learners_mb": 700.0})
    pair = summarize(2, [learner(700.0, 18.0), learner(800.0, 22.0, "cell 3: timeout")], peaks)
    assert (pair["mean_peak_mb"], pair["max_peak_mb"], pair["total_peak_mb"]) == (750, 800, 1500)
    assert (pair["mean_seconds"], pair["max_seconds"], pair["failures"]) == (20, 22, 1)
    table = markdown_table([alone, pair], "notebooks/00_start_here.ipynb", 2, 24.0)
    assert "| 2 | 750 / 800 | 1500 / 1000 | 200 | 20.0 / 22.0 | 10.0 | 1 |" in table
    # 30 learners: (200 + 30 x 800) MB = 23.6 GB at most, (200 + 30 x 500) MB = 14.8 GB with PSS;
    # 30 x 10 CPU s over the 10 s one learner alone needs = 30 cores.
    assert "| 30 | 23.6 | 14.8 | 30 |" in table


def hub_config(monkeypatch, tmp_path):
    """classroom/jupyterhub_config.py read as JupyterHub reads it: the config object it fills."""
    from traitlets.config import Config

    monkeypatch.setenv("CLASSROOM_DIR", str(tmp_path))
    monkeypatch.setenv("CLASSROOM_PORT", "8123")
    path = ROOT / "classroom" / "jupyterhub_config.py"
    config = Config()
    namespace = {"get_config": lambda: config, "__file__": str(path)}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return config


def test_the_hub_config_listens_on_loopback_only(monkeypatch, tmp_path):
    c = hub_config(monkeypatch, tmp_path)
    assert c.JupyterHub.bind_url == "http://127.0.0.1:8123/"
    assert c.JupyterHub.hub_ip == c.Spawner.ip == "127.0.0.1"
    assert c.ConfigurableHTTPProxy.api_url.startswith("http://127.0.0.1:")


def test_kernels_use_unix_sockets_with_paths_short_enough(monkeypatch, tmp_path):
    # TCP ports picked by each learner's server raced when 8 kernels started at once (one hung).
    c = hub_config(monkeypatch, tmp_path)
    assert "--KernelManager.transport=ipc" in c.Spawner.args
    spawner = type(
        "Spawner", (), {"user": type("User", (), {"name": "a-learner-with-a-long-name"})}
    )
    runtime = c.Spawner.environment["JUPYTER_RUNTIME_DIR"](spawner)
    socket = (
        Path(runtime) / "kernel-0bb647cf-19ff-4b73-9d1f-5f9879f8a4b2-ipc-4"
    )  # as jupyter_client
    assert len(str(socket)) <= 107, socket  # the longest path a Unix socket may have
    assert runtime != c.Spawner.environment["JUPYTER_RUNTIME_DIR"](
        type("Spawner", (), {"user": type("User", (), {"name": "another"})})
    )


def test_a_learners_socket_folder_goes_when_their_server_stops(monkeypatch, tmp_path):
    c = hub_config(monkeypatch, tmp_path)
    spawner = type("Spawner", (), {"user": type("User", (), {"name": "stop-check-learner"})})
    runtime = Path(c.Spawner.environment["JUPYTER_RUNTIME_DIR"](spawner))
    (runtime / "kernel-1.json").parent.mkdir(parents=True, exist_ok=True)
    (runtime / "kernel-1.json").write_text("{}")
    c.Spawner.post_stop_hook(spawner)
    assert not runtime.exists()
