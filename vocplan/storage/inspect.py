"""Look at a SQLite file without changing it, and say whether VocPlan may open it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vocplan.storage.errors import CorruptDatabase, NewerDatabase, NotAVocPlanDatabase
from vocplan.storage.schema import APPLICATION_ID, known_revisions

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileState:
    is_new: bool
    """True for a missing or empty file, or a SQLite file with no tables at all."""
    revision: str | None
    """The schema revision the file is at; None when it is new."""


def inspect_file(path: Path, key: bytes | None = None) -> FileState:
    """Check ``path`` read-only; raise a StorageError naming what is wrong.

    ``key`` is the data key of an encrypted file; the caller has already
    checked it against the folder's key slots, so a file that will not open
    with it is damaged (or belongs to another folder), never a wrong passphrase.
    Returns whether the file is new and which schema revision it holds.
    """
    if not path.exists() or path.stat().st_size == 0:
        return FileState(is_new=True, revision=None)
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or header.startswith(SQLITE_HEADER) == (key is not None):
        raise NotAVocPlanDatabase()
    errors: tuple[type[Exception], ...] = (sqlite3.Error,)
    if key is not None:
        from vocplan.storage import cipher

        errors = (sqlite3.Error, cipher.Error)
    try:
        connection = open_for_reading(path, key)
    except errors:
        raise CorruptDatabase() from None
    try:
        return _inspect_connection(connection)
    except errors:
        raise CorruptDatabase() from None
    finally:
        connection.close()


def open_for_reading(path: Path, key: bytes | None = None) -> Any:
    """A connection that cannot change ``path`` or leave files beside it.

    With no WAL beside the file, "immutable" reads it without creating the
    -wal and -shm files that a read-only open of a WAL database leaves behind.
    """
    has_wal = path.with_name(path.name + "-wal").exists()
    query = "mode=ro" if has_wal else "mode=ro&immutable=1"
    if key is not None:
        from vocplan.storage import cipher

        return cipher.connect(path, key, uri_query=query)
    return sqlite3.connect(f"{path.as_uri()}?{query}", uri=True)


def _inspect_connection(connection: Any) -> FileState:
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if not tables and application_id == 0:
        return FileState(is_new=True, revision=None)
    if application_id != APPLICATION_ID or "alembic_version" not in tables:
        raise NotAVocPlanDatabase()
    if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise CorruptDatabase()
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = row[0] if row else None
    if revision not in known_revisions():
        raise NewerDatabase()
    return FileState(is_new=False, revision=revision)
