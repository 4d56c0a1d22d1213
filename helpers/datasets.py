"""The course's datasets: three small CSV files shipped with the course, and one synthetic set.

Nothing is downloaded: the files live in the ``datasets/`` folder of the course repository, and
``datasets/README.md`` tells where each one comes from. Before a file is read, its SHA-256
checksum is compared with the one recorded below, so every lesson runs on exactly the same data.
This module only reads files; it never writes or changes any.

Example::

    >>> from helpers.datasets import list_datasets, load_dataset
    >>> list_datasets()
    ['auto_mpg', 'concrete', 'penguins']
    >>> load_dataset("auto_mpg").shape
    (392, 9)
"""

from __future__ import annotations

import hashlib
import io
import math
import numbers
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "DATASETS",
    "ChecksumError",
    "ColumnsError",
    "DatasetError",
    "DatasetInfo",
    "MissingFileError",
    "UnknownDatasetError",
    "describe_dataset",
    "list_datasets",
    "load_dataset",
    "make_nonlinear_1d",
]


def _find_data_dir() -> Path:
    """``datasets/`` next to ``helpers/`` in the repository; ``helpers/data`` in an installed wheel."""
    here = Path(__file__).resolve().parent
    in_repository = here.parent / "datasets"
    return in_repository if (in_repository / "README.md").is_file() else here / "data"


#: The folder holding the CSV files (see :func:`_find_data_dir`).
DATA_DIR = _find_data_dir()


@dataclass(frozen=True)
class DatasetInfo:
    """What the course knows about one dataset file.

    Example::

        >>> DATASETS["concrete"].target
        'compressive_strength'
    """

    file: str
    sha256: str
    columns: tuple[str, ...]
    target: str
    description: str
    text_columns: tuple[str, ...] = ()  # categories such as "USA" or "Adelie", read as strings


#: The registry. The checksums are those printed by ``tools/make_datasets.py``.
DATASETS: dict[str, DatasetInfo] = {
    "auto_mpg": DatasetInfo(
        file="auto_mpg.csv",
        sha256="e72b1d2d21a13b1398869282244f8739cdd280b73fdea2c87424afcd5abc2daf",
        columns=("mpg", "cylinders", "displacement", "horsepower", "weight",
                 "acceleration", "year", "origin", "name"),
        target="mpg",
        description="Fuel economy of 392 cars from 1970-1982 (Auto MPG, UCI).",
        text_columns=("origin", "name"),
    ),
    "penguins": DatasetInfo(
        file="penguins.csv",
        sha256="1867a776a83379df4219f227bb1effb967da12adb13732127c8c8d120434c29b",
        columns=("species", "island", "bill_length_mm", "bill_depth_mm",
                 "flipper_length_mm", "body_mass_g", "sex", "year"),
        target="body_mass_g",
        description="Body measurements of 344 penguins from the Palmer Archipelago, "
                    "with missing values.",
        text_columns=("species", "island", "sex"),
    ),
    "concrete": DatasetInfo(
        file="concrete.csv",
        sha256="431e0b0b8bab99794c905cb45440a089c32c8f6d14bfd2602d1449727db92222",
        columns=("cement", "blast_furnace_slag", "fly_ash", "water", "superplasticizer",
                 "coarse_aggregate", "fine_aggregate", "age", "compressive_strength"),
        target="compressive_strength",
        description="Compressive strength of 1030 concrete samples from their mix and age "
                    "(Yeh 1998, UCI).",
    ),
}


class DatasetError(Exception):
    """Base class of every error raised while loading a course dataset.

    Example::

        >>> try:
        ...     load_dataset("boston")
        ... except DatasetError as error:
        ...     print(type(error).__name__)
        UnknownDatasetError
    """


class UnknownDatasetError(DatasetError, ValueError):
    """The name is not one of :func:`list_datasets`."""


class MissingFileError(DatasetError, FileNotFoundError):
    """The dataset's CSV file is not where it should be."""


class ChecksumError(DatasetError):
    """The file's bytes differ from the committed file (its SHA-256 does not match)."""


class ColumnsError(DatasetError):
    """The file's columns are not the expected ones."""


def list_datasets() -> list[str]:
    """Return the names accepted by :func:`load_dataset`, sorted.

    Example::

        >>> list_datasets()
        ['auto_mpg', 'concrete', 'penguins']
    """
    return sorted(DATASETS)


def describe_dataset(name: str) -> str:
    """Return a one-line description of a dataset, with its target column.

    Example::

        >>> describe_dataset("concrete")
        'concrete: Compressive strength of 1030 concrete samples from their mix and age (Yeh 1998, UCI). Target: compressive_strength.'
    """
    info = _info(name)
    return f"{name}: {info.description} Target: {info.target}."


def load_dataset(name: str, *, data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Read one course dataset into a new DataFrame, after checking that the file is intact.

    ``name`` is one of :func:`list_datasets`. The file is found next to this package, so this
    works from any working directory; ``data_dir`` reads from another folder instead (the tests
    use it). Category columns (``origin``; ``species``, ``island``, ``sex``) hold strings, and
    missing values are ``NaN``.

    Raises :class:`DatasetError` (one of its subclasses) if the name is unknown, the file is
    missing, its checksum differs, or its columns are wrong; :class:`TypeError` if ``name`` is
    not a string.

    Example::

        >>> df = load_dataset("penguins")
        >>> df.shape
        (344, 8)
        >>> int(df["sex"].isna().sum())
        11
    """
    info = _info(name)
    if data_dir is not None and not isinstance(data_dir, (str, os.PathLike)):
        raise TypeError(f"load_dataset(data_dir=...) needs a folder name (a str or Path), "
                        f"got {type(data_dir).__name__}")
    folder = DATA_DIR if data_dir is None else Path(data_dir)
    path = (folder / info.file).resolve()
    restore = _restore_advice(folder, info.file)

    # 1. Read the bytes once; everything below uses these same bytes.
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MissingFileError(
            f"Dataset file not found: {path}. {restore}"
        ) from None

    # 2. Check the bytes before parsing them.
    actual = hashlib.sha256(data).hexdigest()
    if actual != info.sha256:
        raise ChecksumError(
            f"{path} was changed or corrupted: its sha256 is {actual}, expected {info.sha256}. "
            f"{restore}"
        )

    # 3. Parse, then check the columns.
    df = pd.read_csv(io.BytesIO(data), dtype={column: str for column in info.text_columns})
    _check_columns(list(df.columns), info, path)
    return df


def _restore_advice(folder: Path, file: str) -> str:
    """How to get the original file back: from git in a clone of the course, else by reinstalling."""
    if folder.resolve() == DATA_DIR.resolve() and DATA_DIR.name == "datasets":
        return f"Restore the original: in the course's folder run  git checkout -- datasets/{file}"
    if folder.resolve() == DATA_DIR.resolve():
        return ("Restore the original by reinstalling the course package: in Colab, Runtime > Disconnect "
                "and delete runtime, then run the lesson's first cell again; elsewhere, "
                "pip install --force-reinstall --no-deps with the same source you installed it from.")
    return f"Put the original {file} back in that folder (the course ships it in datasets/)."


def make_nonlinear_1d(
    n: int = 200,
    *,
    noise: float = 0.3,
    seed: int = 0,
    x_range: tuple[float, float] = (-3.0, 3.0),
) -> pd.DataFrame:
    """Make a synthetic regression set: ``y = sin(2x) + 0.3 x² + noise``.

    ``x`` is drawn uniformly from ``x_range``, then Gaussian noise with standard deviation
    ``noise`` is added to ``y``; both come from ``numpy.random.default_rng(seed)``, so the same
    arguments always give the same data. Rows are in random order (sort by ``x`` to draw a line).
    A straight line cannot follow this curve; a network with a hidden ``relu`` layer can.

    Example::

        >>> df = make_nonlinear_1d(5, seed=1)
        >>> list(df.columns), len(df)
        (['x', 'y'], 5)
        >>> df.equals(make_nonlinear_1d(5, seed=1))
        True
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be a whole number of rows, 1 or more; got {n!r}.")
    if not _is_finite_number(noise) or noise < 0:
        raise ValueError(f"noise must be a number >= 0 (a standard deviation); got {noise!r}.")
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(f"seed must be a whole number >= 0; got {seed!r}.")
    if (
        not isinstance(x_range, (tuple, list))
        or len(x_range) != 2
        or not all(_is_finite_number(v) for v in x_range)
        or not x_range[0] < x_range[1]
    ):
        raise ValueError(f"x_range must be two numbers (low, high) with low < high; "
                         f"got {x_range!r}.")

    rng = np.random.default_rng(int(seed))
    x = rng.uniform(float(x_range[0]), float(x_range[1]), size=int(n))
    y = np.sin(2 * x) + 0.3 * x**2 + rng.normal(0.0, float(noise), size=int(n))
    return pd.DataFrame({"x": x, "y": y})


def _info(name: str) -> DatasetInfo:
    """Return the registry entry for ``name``, or raise a clear error."""
    if not isinstance(name, str):
        raise TypeError(f"The dataset name must be a string such as 'auto_mpg'; "
                        f"got {type(name).__name__} {name!r}.")
    if name not in DATASETS:
        raise UnknownDatasetError(
            f"Unknown dataset {name!r}. Available datasets: {', '.join(list_datasets())}."
        )
    return DATASETS[name]


def _check_columns(found: list[str], info: DatasetInfo, path: Path) -> None:
    """Raise :class:`ColumnsError` unless ``found`` is exactly ``info.columns``, in order."""
    expected = list(info.columns)
    if found == expected:
        return
    missing = [c for c in expected if c not in found]
    unexpected = [c for c in found if c not in expected]
    problems = []
    if missing:
        problems.append(f"missing columns {missing}")
    if unexpected:
        problems.append(f"unexpected columns {unexpected}")
    if not problems:
        problems.append(f"columns in the wrong order {found}")
    raise ColumnsError(
        f"{path} has {' and '.join(problems)}; expected {expected}. "
        f"Restore the original (in the repository folder run: git checkout -- "
        f"datasets/{info.file})."
    )


def _is_finite_number(value: object) -> bool:
    """True for a real, finite number that is not a bool."""
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )
