"""The course's datasets: three small CSV files shipped with the course, and one synthetic set.

Nothing is downloaded: the files live in the course's ``datasets/`` folder, whose ``README.md``
says where each comes from. A file's SHA-256 checksum is compared with the one recorded below
before it is read, so every lesson runs on exactly the same data. Nothing here writes a file.
"""

import hashlib
import io
import numbers
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.language import _


def _find_data_dir() -> Path:
    """``datasets/`` beside ``helpers/`` in a clone of the course, ``helpers/data`` if installed."""
    here = Path(__file__).resolve().parent
    in_repository = here.parent / "datasets"
    return in_repository if (in_repository / "README.md").is_file() else here / "data"


#: The folder holding the CSV files.
DATA_DIR = _find_data_dir()


@dataclass(frozen=True)
class DatasetInfo:
    """What the course knows about one dataset file, ``<name>.csv``."""

    sha256: str  # printed by tools/make_datasets.py, which builds the file
    columns: list[str]  # in the file's order
    text_columns: tuple[str, ...] = ()  # categories such as "USA" or "Adelie", read as strings


#: The registry: the only place that lists the datasets and their columns.
DATASETS = {
    "auto_mpg": DatasetInfo(
        sha256="e72b1d2d21a13b1398869282244f8739cdd280b73fdea2c87424afcd5abc2daf",
        columns=(
            "mpg cylinders displacement horsepower weight acceleration year origin name"
        ).split(),
        text_columns=("origin", "name"),
    ),
    "penguins": DatasetInfo(
        sha256="1867a776a83379df4219f227bb1effb967da12adb13732127c8c8d120434c29b",
        columns=(
            "species island bill_length_mm bill_depth_mm flipper_length_mm body_mass_g sex year"
        ).split(),
        text_columns=("species", "island", "sex"),
    ),
    "concrete": DatasetInfo(
        sha256="431e0b0b8bab99794c905cb45440a089c32c8f6d14bfd2602d1449727db92222",
        columns=(
            "cement blast_furnace_slag fly_ash water superplasticizer coarse_aggregate "
            "fine_aggregate age compressive_strength"
        ).split(),
    ),
}


class DatasetError(Exception):
    """A course dataset file is missing or was changed: the course's fault, not the learner's."""


def list_datasets() -> list[str]:
    """The names :func:`load_dataset` accepts, sorted. Introduced in lesson 00 (00_start_here)."""
    return sorted(DATASETS)


def load_dataset(name: str, *, data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Read a course dataset into a new DataFrame, after checking that its file is intact.

    Introduced in lesson 00 (00_start_here.ipynb). Text columns hold strings; missing values are
    NaN. ``data_dir`` reads the file from another folder (the tests use it). Raises
    :class:`DatasetError`, saying how to restore the file, if it is missing or was changed.
    """
    if not isinstance(name, str) or name not in DATASETS:
        message = _("name must be one of {names}; got {name!r}")
        raise ValueError(message.format(names=list_datasets(), name=name))
    if data_dir is not None and not (
        isinstance(data_dir, (str, os.PathLike)) and os.path.isdir(data_dir)
    ):
        message = _("data_dir must be an existing folder (a str or Path); got {data_dir!r}")
        raise ValueError(message.format(data_dir=data_dir))
    folder = DATA_DIR if data_dir is None else Path(data_dir)
    path = (folder / f"{name}.csv").resolve()
    if not path.is_file():
        message = _("Dataset file not found: {path}. {advice}")
        raise DatasetError(message.format(path=path, advice=_restore_advice(folder, path.name)))
    data = path.read_bytes()  # checked, then parsed: the very same bytes
    actual, expected = hashlib.sha256(data).hexdigest(), DATASETS[name].sha256
    if actual != expected:
        message = _(
            "{path} was changed or corrupted: its sha256 is {actual}, expected {expected}. "
        )
        advice = _restore_advice(folder, path.name)
        raise DatasetError(message.format(path=path, actual=actual, expected=expected) + advice)
    return pd.read_csv(io.BytesIO(data), dtype=dict.fromkeys(DATASETS[name].text_columns, str))


def _restore_advice(folder: Path, file: str) -> str:
    """How to get the original file back: git in a clone of the course, else reinstalling it."""
    if folder.resolve() != DATA_DIR.resolve():
        advice = _(
            "Put the original {file} back in that folder (the course ships it in datasets/)."
        )
    elif DATA_DIR.name == "datasets":
        advice = _(
            "Restore the original: in the course's folder run  git checkout -- datasets/{file}"
        )
    else:
        advice = _(
            "Restore the original by reinstalling the course package: in Colab, Runtime > "
            "Disconnect and delete runtime, then run the lesson's first cell again; elsewhere, "
            "pip install --force-reinstall --no-deps with the same source you installed it from."
        )
    return advice.format(file=file)


def make_nonlinear_1d(n: int = 200, *, noise: float = 0.3, seed: int = 0) -> pd.DataFrame:
    """A synthetic curve to fit: ``y = sin(2x) + 0.3 x² + noise`` with ``x`` drawn from [-3, 3].

    Introduced in lesson 07 (07_activation_functions.ipynb): a straight line cannot follow this
    curve; a network with a hidden ``relu`` layer can. ``noise`` is the standard deviation of the
    Gaussian noise; the same ``seed`` always gives the same rows (in random order).
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(_("n must be a whole number of rows, 1 or more; got {n!r}", n=n))
    if isinstance(noise, bool) or not isinstance(noise, numbers.Real) or not 0 <= noise < np.inf:
        message = _("noise must be a number >= 0 (a standard deviation); got {noise!r}")
        raise ValueError(message.format(noise=noise))
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(_("seed must be a whole number >= 0; got {seed!r}", seed=seed))
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3.0, 3.0, size=n)
    y = np.sin(2 * x) + 0.3 * x**2 + rng.normal(0.0, noise, size=n)
    return pd.DataFrame({"x": x, "y": y})
