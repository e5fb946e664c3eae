"""Shared test set-up: Qt without a screen, and a fast fresh database per test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

# Before anything can create a QApplication.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("VOCPLAN_DATA_DIR", None)
os.environ.pop("VOCPLAN_DATABASE_URL", None)
os.environ["VOCPLAN_LANG"] = "en"
os.environ.pop("VOCPLAN_USER", None)
os.environ["VOCPLAN_PASSPHRASE"] = "test passphrase for the data"

import pytest

from vocplan.cli import main
from vocplan.security.crypto import KdfParameters
from vocplan.security.folder import DataFiles, FolderState, set_up, unlock
from vocplan.security.keyfile import Mode, Unlocked
from vocplan.storage.database import Database, open_database

TEST_PASSPHRASE = os.environ["VOCPLAN_PASSPHRASE"]
"""Unlocks every data folder the tests set up (the command line reads it from the environment)."""
FAST_KDF = KdfParameters(time_cost=1, memory_kib=64, parallelism=1)
"""Argon2id at its cheapest, for test set-ups only: the app always uses STRONG_KDF."""


def protect(
    folder: Path,
    mode: Mode = Mode.CLINIC,
    name: str = "Test Admin",
    passphrase: str = TEST_PASSPHRASE,
) -> Unlocked:
    """Set up ``folder`` as ``vocplan init`` would, with a cheap key derivation."""
    return set_up(files_of(folder), mode, name, passphrase, kdf=FAST_KDF)


def files_of(folder: Path) -> DataFiles:
    return DataFiles(database=folder / "vocplan.db", folder=folder, backups=folder / "backups")


def open_folder(folder: Path) -> Database:
    """The database of data folder ``folder``, protecting the folder first if it is not yet."""
    files = files_of(folder)
    if files.state() is FolderState.PROTECTED:
        unlocked = unlock(files, TEST_PASSPHRASE)
    else:
        unlocked = protect(folder)
    return open_database(
        f"sqlite:///{files.database}",
        key=unlocked.key,
        actor=unlocked.account.name,
        backups_dir=files.backups,
    )


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated to the newest schema, copied for each test that wants one."""
    path = tmp_path_factory.mktemp("template") / "vocplan.db"
    open_database(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def database_path(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "data" / "vocplan.db"
    path.parent.mkdir()
    shutil.copyfile(migrated_template, path)
    return path


@pytest.fixture
def database(database_path: Path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{database_path}")
    yield db
    db.close()


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """The ``vocplan`` command run in-process: exit code, standard output, standard error."""
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    """A data folder holding the four demo people, made once; tests use a copy (``folder``)."""
    data = tmp_path_factory.mktemp("cli-demo") / "data"
    data.mkdir()
    shutil.copyfile(migrated_template, data / "vocplan.db")
    protect(data)
    assert main(["--data-dir", str(data), "demo"]) == 0
    return data


@pytest.fixture
def folder(demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A fresh copy of the demo data folder for one test."""
    capsys.readouterr()
    data = tmp_path / "data"
    shutil.copytree(demo_folder, data, ignore=shutil.ignore_patterns("backups"))
    return data


def files_holding(root: Path, *needles: str) -> list[str]:
    """Every file under ``root`` holding one of ``needles`` (UTF-8 or UTF-16), and which."""
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                for encoded in (needle.encode("utf-8"), needle.encode("utf-16-le")):
                    if encoded in data:
                        found.append(f"{path.relative_to(root)}: {needle}")
    return found
