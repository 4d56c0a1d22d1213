"""The data travels with the package: a plain (non-editable) install of the built wheel loads every
dataset, checksums included, from any folder, and speaks Korean (the compiled messages ship)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(
    *command: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=300, env=env, check=False
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result


def test_wheel_installs_with_its_datasets(tmp_path: Path) -> None:
    wheels, site, elsewhere = tmp_path / "wheels", tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--quiet",
        "-w",
        str(wheels),
        str(ROOT),
        cwd=tmp_path,
    )
    (wheel,) = wheels.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for csv in ("auto_mpg.csv", "penguins.csv", "concrete.csv"):
        assert f"helpers/data/{csv}" in names
    assert "helpers/data/README.md" in names and "helpers/exercises/lesson01.py" in names
    assert "helpers/locale/ko/LC_MESSAGES/helpers.mo" in names
    assert not [name for name in names if name.endswith(".po")], "the .po files are for authors"

    _run(
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--quiet",
        "--target",
        str(site),
        str(wheel),
        cwd=tmp_path,
    )
    env = dict(os.environ, PYTHONPATH=str(site))
    result = _run(
        sys.executable,
        "-c",
        (
            "import helpers, helpers.datasets as d\n"
            "print(helpers.__file__)\n"
            "print(d.DATA_DIR)\n"
            "for name in d.list_datasets(): print(name, len(d.load_dataset(name)))\n"
            "from helpers.language import choose, _\n"
            "choose('ko'); print(_('Correct!'))\n"
        ),
        cwd=elsewhere,
        env=env,
    )
    module, data_dir, *loaded, korean = result.stdout.splitlines()
    assert module.startswith(str(site)), "the installed copy, not the repository, must be imported"
    assert data_dir == str(site / "helpers" / "data")
    assert loaded == ["auto_mpg 392", "concrete 1030", "penguins 344"]
    assert korean == "정답입니다!"
