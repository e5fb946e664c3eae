"""Opening the one database every part of VocPlan uses.

``open_database`` checks a SQLite file before touching it, turns on WAL and
foreign keys, copies the file aside before any upgrade, and applies the
alembic migrations. The engine is made here, by the entry point's call,
never at import time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from vocplan.paths import make_private_folder
from vocplan.storage.errors import NewerDatabase
from vocplan.storage.inspect import FileState, inspect_file
from vocplan.storage.schema import head_revision, known_revisions

log = logging.getLogger(__name__)


@dataclass
class Database:
    engine: Engine
    path: Path | None
    """The SQLite file, or None when the engine points at another server."""
    key: bytes | None = field(default=None, repr=False)
    """The data key of an encrypted SQLite file; None for an unencrypted one."""
    actor: str | None = None
    """Who is signed in: the name the audit trail records for what they do."""
    backups_dir: Path | None = None
    """Where the backup copies are, so that deleting a person removes them there too."""

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            session.info["actor"] = self.actor
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            session.info["actor"] = self.actor
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    url: str,
    *,
    key: bytes | None = None,
    backups_dir: Path | None = None,
    checked: FileState | None = None,
    actor: str | None = None,
) -> Database:
    """Open (creating or upgrading as needed) the database at ``url``.

    With ``key``, the SQLite file is encrypted with SQLCipher. Raises a
    StorageError, leaving the file untouched, when the file is not VocPlan's,
    is damaged, or comes from a newer VocPlan. ``checked`` is the caller's
    ``inspect_file`` result for the same file, to save a second look.
    """
    sqlite_path = sqlite_file(url)
    revision: str | None
    if sqlite_path is not None:
        revision = (checked or inspect_file(sqlite_path, key)).revision
        make_private_folder(sqlite_path.parent)
        engine = make_engine(url, key)
    else:
        engine = make_engine(url)
        revision = server_revision(engine)
    database = Database(
        engine=engine, path=sqlite_path, key=key, actor=actor, backups_dir=backups_dir
    )
    if revision != head_revision():
        if sqlite_path is not None and revision is not None and backups_dir is not None:
            from vocplan.storage.backups import copy_before

            copy_before(sqlite_path, backups_dir, reason="before-upgrade", key=key)
        upgrade(engine)
    return database


def server_revision(engine: Engine) -> str | None:
    """The schema revision of a database server's VocPlan tables; None when it has none."""
    from sqlalchemy import inspect, text

    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision is not None and revision not in known_revisions():
        engine.dispose()
        raise NewerDatabase()
    return revision


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL; None for in-memory SQLite or another database."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return None
    if not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database).resolve()


def make_engine(url: str, key: bytes | None = None) -> Engine:
    if not make_url(url).drivername.startswith("sqlite"):
        return create_engine(url)
    if key is None:
        engine = create_engine(url, connect_args={"check_same_thread": False})
    else:
        from vocplan.storage import cipher

        path = sqlite_file(url)
        if path is None:
            raise ValueError("an encrypted database must be a file")

        def connect() -> Any:
            return cipher.connect(path, key, check_same_thread=False)

        # SQLAlchemy's SQLite dialect, with SQLCipher's module in place of sqlite3.
        engine = create_engine(url, module=cipher.module, creator=connect)
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin,
    # so that every user action is exactly one transaction (SQLAlchemy's
    # documented recipe for pysqlite).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed change survives a power cut, at a small cost per commit.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    # Deleted content is overwritten, not left in free pages: deleting a person is for good.
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


def _begin_sqlite(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to ``revision``, each in its own transaction."""
    from alembic import command
    from alembic.config import Config

    from vocplan.storage.schema import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    log.info("database schema at revision %s", revision)
