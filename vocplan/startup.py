"""What both front ends do to start: find the data folder, open the database, back it up."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vocplan import paths

if TYPE_CHECKING:
    from vocplan.storage.database import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartOptions:
    data_folder: Path
    database_url: str
    language: str | None = None

    @classmethod
    def resolve(cls, data_dir: str | None = None, language: str | None = None) -> StartOptions:
        folder = paths.data_dir(data_dir)
        return cls(data_folder=folder, database_url=paths.database_url(folder), language=language)

    @property
    def backups_folder(self) -> Path:
        return self.data_folder / "backups"


def open_app_database(options: StartOptions, *, rolling_backup: bool = True) -> Database:
    """Open the database for a session of use, first keeping a dated copy of it.

    Raises a StorageError (and leaves the file as it was) for a file VocPlan
    must not open.
    """
    # Imported here: SQLAlchemy is slow to load, and the window shows before it.
    from vocplan.storage.database import open_database, sqlite_file
    from vocplan.storage.inspect import inspect_file

    options.data_folder.mkdir(parents=True, exist_ok=True)
    existing = sqlite_file(options.database_url)
    state = None
    if existing is not None:
        state = inspect_file(existing)  # refuse a bad file before copying it anywhere
        if rolling_backup and not state.is_new:
            from vocplan.storage.backups import rolling_backup as make_backup

            make_backup(existing, options.backups_folder)
    database = open_database(
        options.database_url, backups_dir=options.backups_folder, checked=state
    )
    log.info("database opened")
    return database
