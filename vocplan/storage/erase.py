"""Removing a person for good: from the live file, its WAL, and every backup copy.

SQLite normally leaves deleted rows in free pages and in the WAL until they
are reused. With ``secure_delete`` (set on every connection) freed content
is overwritten with zeros; a checkpoint then empties the WAL. Backups were
taken while the person was still there, so they are edited the same way.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy import text

from vocplan.storage import cipher
from vocplan.storage.backups import connect_file, list_all_copies
from vocplan.storage.database import Database

log = logging.getLogger(__name__)


def erase_leftovers(database: Database, person_uid: str) -> None:
    """After a person's rows are deleted: clear the WAL, then take them out of the backups."""
    if database.path is None:
        return
    with database.engine.connect() as connection:
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    if database.backups_dir is not None:
        for copy in list_all_copies(database.backups_dir):
            erase_from_copy(copy, person_uid, database.key)


def erase_from_copy(path: Path, person_uid: str, key: bytes | None) -> None:
    """Take the person out of one copy; a copy that cannot be edited is removed instead."""
    try:
        connection = connect_file(path, key)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA secure_delete = ON")
            connection.execute("DELETE FROM person WHERE uid = ?", (person_uid,))
            connection.commit()
        finally:
            connection.close()
    except (sqlite3.Error, cipher.Error):
        # Damaged, or kept under an older key: it may still hold the person, so it goes.
        log.warning("a backup copy that could not be edited was removed")
        path.unlink(missing_ok=True)
