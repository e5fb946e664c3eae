"""A data folder's protection: is it set up, set it up, unlock it.

A folder is in one of four states. *New*: nothing there yet. *Unprotected*:
an unencrypted database from before encryption, with no key file; setting up
encrypts it and its backups in place. *Protected*: a key file beside the
database, whose slots each unlock it. *Server*: the engine URL points at a
database server, whose own controls protect it.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from filelock import FileLock, Timeout

from vocplan.paths import make_private_folder
from vocplan.security.crypto import STRONG_KDF, KdfParameters
from vocplan.security.errors import (
    AlreadySetUp,
    KeyFileMissing,
    KeysBusy,
    KeysNotWritable,
    WrongPassphrase,
)
from vocplan.security.keyfile import KEY_FILE_NAME, KeyFile, Mode, Unlocked
from vocplan.security.throttle import Throttle

log = logging.getLogger(__name__)

KEYS_LOCK_WAIT_SECONDS = 5.0
"""How long a change to the key file waits for another one to finish."""


class FolderState(StrEnum):
    NEW = "new"
    UNPROTECTED = "unprotected"
    PROTECTED = "protected"
    SERVER = "server"


@dataclass(frozen=True)
class DataFiles:
    """Where one set-up's files are: the database, its key file, backups, the guess counter."""

    database: Path | None
    """The SQLite file; None for a database server."""
    folder: Path
    backups: Path

    @property
    def key_file(self) -> Path:
        base = self.database.parent if self.database is not None else self.folder
        return base / KEY_FILE_NAME

    def state(self) -> FolderState:
        if self.database is None:
            return FolderState.SERVER
        if self.key_file.exists():
            return FolderState.PROTECTED
        if not self.database.exists() or self.database.stat().st_size == 0:
            return FolderState.NEW
        from vocplan.storage.cipher import is_plain_sqlite

        if is_plain_sqlite(self.database):
            return FolderState.UNPROTECTED
        raise KeyFileMissing()

    def key_file_contents(self) -> KeyFile:
        return KeyFile.load(self.key_file)

    @contextmanager
    def changing_keys(self) -> Iterator[None]:
        """Hold the key file for one read, change and save.

        Two administrators (or two copies of VocPlan) changing it at once would
        otherwise each save their own change over the other's, and two first
        runs at once could each make a data key, leaving data nobody can open.
        The lock is an empty file beside the key file; the operating system
        releases it if VocPlan stops while holding it.
        """
        lock = FileLock(self.key_file.with_name(KEY_FILE_NAME + ".lock"))
        try:
            make_private_folder(self.key_file.parent)
            lock.acquire(timeout=KEYS_LOCK_WAIT_SECONDS)
        except Timeout:
            raise KeysBusy() from None
        except OSError as problem:
            raise KeysNotWritable(problem.strerror or type(problem).__name__) from None
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def editing_keys(self) -> Iterator[KeyFile]:
        """The key file, read afresh and held; saved when the block ends without an error."""
        with self.changing_keys():
            keys = self.key_file_contents()
            yield keys
            keys.save()


def set_up(
    files: DataFiles,
    mode: Mode,
    name: str,
    passphrase: str,
    *,
    kdf: KdfParameters = STRONG_KDF,
) -> Unlocked:
    """Protect a new or unprotected folder with a first (administrator) passphrase.

    An unprotected database and its backups are encrypted in place. The key
    file is saved before the database is replaced, so a crash part-way leaves
    a folder that the next unlock finishes (see ``finish_protecting``).
    """
    state = files.state()
    if state in (FolderState.PROTECTED, FolderState.SERVER):
        raise AlreadySetUp()
    if state is FolderState.UNPROTECTED and files.database is not None:
        from vocplan.storage.inspect import inspect_file

        inspect_file(files.database)  # a damaged or foreign file is refused before any change
    make_private_folder(files.folder)
    with files.changing_keys():
        if files.state() is not state:  # another copy of VocPlan set it up meanwhile
            raise AlreadySetUp()
        keys, unlocked = KeyFile.create(files.key_file.parent, mode, name, passphrase, kdf=kdf)
        keys.save()
    if state is FolderState.UNPROTECTED:
        finish_protecting(files, unlocked.key)
    return unlocked


def finish_protecting(files: DataFiles, key: bytes) -> None:
    """Encrypt whatever unencrypted database files are left in a protected folder.

    The live file first. A backup copy that cannot be encrypted (a damaged one)
    is removed: it would be both unreadable and a plaintext copy of the plans.
    """
    from vocplan.storage.backups import list_all_copies
    from vocplan.storage.cipher import is_plain_sqlite
    from vocplan.storage.errors import CorruptDatabase, StorageError

    if files.database is not None and files.database.exists() and is_plain_sqlite(files.database):
        try:
            _encrypt_in_place(files.database, key)
        except sqlite3.DatabaseError:
            raise CorruptDatabase() from None
        except (sqlite3.Error, OSError) as problem:
            raise StorageError(_cannot_encrypt(problem)) from None
    for path in list_all_copies(files.backups):
        if not is_plain_sqlite(path):
            continue
        try:
            _encrypt_in_place(path, key)
        except (sqlite3.Error, OSError):
            log.warning("a backup copy could not be encrypted and was removed")
            try:
                path.unlink()
            except OSError as problem:
                raise StorageError(_cannot_encrypt(problem)) from None


def _cannot_encrypt(problem: Exception) -> str:
    from vocplan.i18n import _

    reason = problem.strerror if isinstance(problem, OSError) else None
    return _(
        "VocPlan could not encrypt the plans already in this folder ({reason}). Nothing was "
        "lost; they are as they were. Check that the folder can be changed and the disk is "
        "not full, then open VocPlan again to finish."
    ).format(reason=reason or type(problem).__name__)


def _encrypt_in_place(path: Path, key: bytes) -> None:
    from vocplan.storage import cipher

    # Fold any WAL into the file first: a plain WAL must never sit beside the encrypted file.
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    partial = path.with_name(f".{path.name}.encrypting")
    partial.unlink(missing_ok=True)
    try:
        cipher.encrypt_copy(path, partial, key)
    except cipher.Error as problem:
        partial.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(str(problem)) from None
    partial.replace(path)


def unlock(
    files: DataFiles,
    passphrase: str,
    name: str | None = None,
    *,
    clock: Callable[[], float] = time.time,
    key_file: Path | None = None,
) -> Unlocked:
    """Check ``passphrase`` against the key slots; slower after repeated wrong ones.

    ``key_file`` is another key file to try, such as the one beside a backup.
    """
    keys = KeyFile.load(key_file) if key_file is not None else files.key_file_contents()
    throttle = Throttle(files.folder, clock)
    throttle.check()
    try:
        unlocked = keys.unlock(passphrase, name)
    except WrongPassphrase:
        throttle.failed()
        raise
    throttle.succeeded()
    return unlocked


def check_again(
    files: DataFiles,
    unlocked: Unlocked,
    passphrase: str,
    *,
    clock: Callable[[], float] = time.time,
) -> None:
    """For unlocking a locked screen: the same person's passphrase, the same key."""
    again = unlock(files, passphrase, unlocked.account.name, clock=clock)
    if again.key != unlocked.key:
        raise WrongPassphrase()
