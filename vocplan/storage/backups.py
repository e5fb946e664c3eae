"""Copies of the database: the rolling ones made at start, and on demand.

Copies are made with SQLite's online backup, so they are consistent even
while the app has the database open, and are written beside their target
and renamed into place, so a half-written copy never looks like a backup.
File names carry only the date and time.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from vocplan.paths import make_private_folder
from vocplan.storage.inspect import open_for_reading

DEFAULT_KEEP = 10
BACKUP_PATTERN = "vocplan-*.db"


def copy_database(source: Path, target: Path, key: bytes | None = None) -> None:
    """Write a consistent copy of the SQLite file ``source`` to ``target``.

    With ``key``, both are encrypted with it: a copy is never less protected
    than the data it copies.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    source_connection = open_for_reading(source, key)
    try:
        target_connection = connect_file(partial, key)
        try:
            source_connection.backup(target_connection)
            # A copy is a single file: no WAL beside it to go astray.
            target_connection.execute("PRAGMA journal_mode = DELETE")
        finally:
            target_connection.close()
    finally:
        source_connection.close()
    partial.replace(target)


def copy_before(source: Path, backups_dir: Path, *, reason: str, key: bytes | None = None) -> Path:
    """A dated copy of ``source`` in ``backups_dir``, before something risky."""
    make_private_folder(backups_dir)
    target = dated_name(backups_dir, suffix=f"-{reason}")
    copy_database(source, target, key)
    return target


def rolling_backup(
    source: Path, backups_dir: Path, keep: int = DEFAULT_KEEP, key: bytes | None = None
) -> Path | None:
    """Copy ``source`` into ``backups_dir`` and keep only the newest ``keep`` copies."""
    if not source.exists() or source.stat().st_size == 0:
        return None
    make_private_folder(backups_dir)
    target = dated_name(backups_dir)
    copy_database(source, target, key)
    for old in list_backups(backups_dir)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def list_backups(backups_dir: Path) -> list[Path]:
    """The rolling backups, oldest first."""
    if not backups_dir.is_dir():
        return []
    return sorted(path for path in backups_dir.glob(BACKUP_PATTERN) if "-before-" not in path.name)


def keys_beside(copy: Path) -> Path:
    """Where a copy made by ``vocplan backup`` keeps the key file that opens it."""
    return copy.with_name(copy.name + ".keys.json")


def list_all_copies(backups_dir: Path) -> list[Path]:
    """Every copy in ``backups_dir``: rolling ones and those taken before a risky step."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob(BACKUP_PATTERN))


def dated_name(backups_dir: Path, suffix: str = "") -> Path:
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S-%f")  # fixed width: sorts by time
    candidate = backups_dir / f"vocplan-{stamp}{suffix}.db"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = backups_dir / f"vocplan-{stamp}{suffix}-{counter}.db"
    return candidate


def restore_database(source: Path, target: Path, key: bytes | None = None) -> None:
    """Replace the contents of the SQLite file ``target`` with ``source``'s.

    Goes through SQLite's backup API into the target, so a WAL beside the
    target is handled by SQLite rather than left to contradict the new file.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    source_connection = open_for_reading(source, key)
    try:
        target_connection = connect_file(target, key)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
    finally:
        source_connection.close()


def connect_file(path: Path, key: bytes | None) -> Any:
    """A read-write connection to the SQLite file ``path``, encrypted with ``key`` if given."""
    if key is None:
        return sqlite3.connect(path)
    from vocplan.storage import cipher

    return cipher.connect(path, key)
