from __future__ import annotations

from pathlib import Path

from vocplan.services.people import PersonInput, add_person, list_people
from vocplan.storage.backups import (
    copy_database,
    list_backups,
    restore_database,
    rolling_backup,
)
from vocplan.storage.database import Database, open_database


def names(database: Database) -> list[str]:
    return [person.full_name for person in list_people(database)]


def test_copy_of_an_open_database_holds_every_committed_change(
    database: Database, database_path: Path, tmp_path: Path
) -> None:
    add_person(database, PersonInput(full_name="Ann Smith"))
    copy = tmp_path / "copy.db"
    copy_database(database_path, copy)  # the database is still open, its WAL not checkpointed
    assert not Path(f"{copy}-wal").exists()
    restored = open_database(f"sqlite:///{copy}")
    assert names(restored) == ["Ann Smith"]
    restored.close()


def test_rolling_backup_keeps_only_the_newest(database: Database, database_path: Path) -> None:
    add_person(database, PersonInput(full_name="Ann Smith"))
    folder = database_path.parent / "backups"
    made = [rolling_backup(database_path, folder, keep=3) for _ in range(5)]
    kept = list_backups(folder)
    assert kept == made[-3:]
    assert all("Ann" not in path.name for path in kept)


def test_rolling_backup_of_nothing_makes_nothing(tmp_path: Path) -> None:
    assert rolling_backup(tmp_path / "missing.db", tmp_path / "backups") is None
    assert list_backups(tmp_path / "backups") == []


def test_restore_replaces_the_data_even_with_a_live_wal(
    database: Database, database_path: Path, tmp_path: Path
) -> None:
    add_person(database, PersonInput(full_name="Ann Smith"))
    saved = tmp_path / "saved.db"
    copy_database(database_path, saved)
    add_person(database, PersonInput(full_name="Bob Jones"))
    assert names(database) == ["Ann Smith", "Bob Jones"]
    database.close()
    restore_database(saved, database_path)
    reopened = open_database(f"sqlite:///{database_path}")
    assert names(reopened) == ["Ann Smith"]
    reopened.close()
