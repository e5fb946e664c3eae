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

import pytest

from vocplan.storage.database import Database, open_database


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
