"""JupyterHub settings for teaching the course to a class from one machine (`make classroom`).

tools/classroom.py starts `jupyterhub -f classroom/jupyterhub_config.py` with the CLASSROOM_*
environment variables below; an instructor can do the same by hand. What it sets up:

- the hub and its proxy (configurable-http-proxy from npm, in classroom/node_modules) listen on
  127.0.0.1 only, on the ports given;
- every learner logs in with their own name and the one class password
  (SharedPasswordAuthenticator: a name is all a learner needs, and nobody outside the class gets in;
  it does not protect learners from each other, which suits one lesson on one machine);
- every learner gets their own Jupyter server, a local process started from the course's .venv,
  with a home folder of their own under CLASSROOM_DIR/home (SimpleLocalProcessSpawner: no system
  users are needed, but nothing separates the learners' files either; The Littlest JupyterHub
  makes a system user per learner instead, see the README's "Teaching a class");
- the servers open JupyterLab and have the variables every lesson's kernel needs.
"""

import os
import shutil
import tempfile
from pathlib import Path

from helpers.environment import REQUIRED_ENV

c = get_config()  # noqa: F821 (JupyterHub defines get_config when it reads this file)

HERE = Path(__file__).resolve().parent
STATE = Path(os.environ.get("CLASSROOM_DIR", "classroom-state")).resolve()
VENV_BIN = Path(os.environ.get("CLASSROOM_VENV", HERE.parent / ".venv")).resolve() / "bin"
STATE.mkdir(parents=True, exist_ok=True)

# Addresses: the learners' browsers talk to the proxy; the hub and the proxy's API stay behind it.
c.JupyterHub.bind_url = f"http://127.0.0.1:{os.environ.get('CLASSROOM_PORT', '8000')}/"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("CLASSROOM_HUB_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = (
    f"http://127.0.0.1:{os.environ.get('CLASSROOM_PROXY_API_PORT', '8001')}"
)
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")

# The hub's own files (users, cookie secret) stay in the class folder, not in the repository.
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")

# Logging in: any name, the class password (at least 8 characters).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ.get("CLASSROOM_PASSWORD")
c.Authenticator.allow_all = True

# One Jupyter server per learner: a local process in the learner's own home folder.
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
# The course's .venv first on PATH (terminals, git for nbgitpuller), and the lessons' variables.
c.Spawner.environment = {
    "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
    **REQUIRED_ENV,
}
# Kernels talk to their server over Unix sockets, not TCP ports: each learner's server picks its
# kernels' ports on its own, and when a class starts its kernels at the same moment two servers can
# pick the same free port; the load test saw a kernel hang that way (8 learners, 1 failure). The
# sockets live in a short per-learner folder (a socket path has at most 107 characters).
# The folder goes when the learner's server stops (also when the hub stops every server).
c.Spawner.args = ["--KernelManager.transport=ipc"]


def runtime_dir(spawner) -> str:
    """The learner's folder for their kernels' sockets and connection files."""
    return str(Path(tempfile.gettempdir()) / f"classroom-{spawner.user.name}")


c.Spawner.environment["JUPYTER_RUNTIME_DIR"] = runtime_dir
c.Spawner.post_stop_hook = lambda spawner: shutil.rmtree(runtime_dir(spawner), ignore_errors=True)
if os.geteuid() == 0:  # Jupyter refuses to run as root unless told (a container or CI machine)
    c.Spawner.args.append("--ServerApp.allow_root=True")
# A whole class logging in at once on a small machine: servers may take a while to start.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.JupyterHub.concurrent_spawn_limit = 100

# Only for tools/classroom.py load-test: a service token that may start and stop servers.
if os.environ.get("CLASSROOM_API_TOKEN"):
    c.JupyterHub.services = [
        {"name": "classroom-tools", "api_token": os.environ["CLASSROOM_API_TOKEN"]}
    ]
    c.JupyterHub.load_roles = [
        {
            "name": "classroom-tools",
            "scopes": ["admin:users", "admin:servers"],
            "services": ["classroom-tools"],
        }
    ]
