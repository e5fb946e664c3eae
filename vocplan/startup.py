"""What both front ends do to start: find the data folder, unlock it, open the database."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vocplan import paths

if TYPE_CHECKING:
    from vocplan.security.folder import DataFiles
    from vocplan.security.keyfile import Unlocked
    from vocplan.storage.database import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartOptions:
    data_folder: Path
    database_url: str
    language: str | None = None
    passphrase: Callable[[], str] | None = field(default=None, compare=False, repr=False)
    """Asked for the passphrase only when the folder turns out to need one (the CLI's)."""
    user: str | None = None
    """Which member of staff the passphrase is for; None tries every key slot."""

    @classmethod
    def resolve(cls, data_dir: str | None = None, language: str | None = None) -> StartOptions:
        folder = paths.data_dir(data_dir)
        return cls(data_folder=folder, database_url=paths.database_url(folder), language=language)

    @property
    def backups_folder(self) -> Path:
        return self.data_folder / "backups"

    def files(self) -> DataFiles:
        from vocplan.security.folder import DataFiles
        from vocplan.storage.database import sqlite_file

        return DataFiles(
            database=sqlite_file(self.database_url),
            folder=self.data_folder,
            backups=self.backups_folder,
        )


def unlock_with_options(options: StartOptions) -> Unlocked | None:
    """Unlock the folder with the passphrase ``options`` can supply; None for a server.

    Raises NotSetUp, NotProtected, NeedsPassphrase, WrongPassphrase or
    TooManyAttempts, each with its own message.
    """
    from vocplan.security.errors import NeedsPassphrase, NotProtected, NotSetUp
    from vocplan.security.folder import FolderState, unlock

    files = options.files()
    state = files.state()
    if state is FolderState.SERVER:
        return None
    if state is FolderState.NEW:
        raise NotSetUp()
    if state is FolderState.UNPROTECTED:
        raise NotProtected()
    if options.passphrase is None:
        raise NeedsPassphrase()
    return unlock(files, options.passphrase(), options.user)


def open_app_database(
    options: StartOptions,
    *,
    unlocked: Unlocked | None = None,
    rolling_backup: bool = True,
) -> Database:
    """Open the database for a session of use, first keeping a dated copy of it.

    ``unlocked`` comes from signing in; without it the folder is unlocked with
    ``options.passphrase``. Raises an UnlockError or a StorageError (and leaves
    the file as it was) when VocPlan must not open it.
    """
    # Imported here: SQLAlchemy is slow to load, and the window shows before it.
    from vocplan.storage.database import open_database
    from vocplan.storage.inspect import inspect_file

    if unlocked is None:
        unlocked = unlock_with_options(options)
    key = unlocked.key if unlocked is not None else None
    files = options.files()
    paths.make_private_folder(options.data_folder)
    paths.make_default_folder_private(options.data_folder)
    state = None
    if files.database is not None:
        if key is not None:
            from vocplan.security.folder import finish_protecting

            finish_protecting(files, key)  # only after a set-up that a crash cut short
        state = inspect_file(files.database, key)  # refuse a bad file before copying it
        if rolling_backup and not state.is_new:
            from vocplan.storage.backups import rolling_backup as make_backup

            make_backup(files.database, options.backups_folder, key=key)
    database = open_database(
        options.database_url,
        key=key,
        backups_dir=options.backups_folder,
        checked=state,
        actor=unlocked.account.name if unlocked is not None else None,
    )
    log.info("database opened")
    return database
