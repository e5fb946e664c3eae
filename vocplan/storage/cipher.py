"""SQLCipher connections: the same SQLite, with every page of the file encrypted.

The database, its WAL and every backup are encrypted with the folder's data
key (see ``vocplan.security.keyfile``). The key is given raw, as 64 hex
digits, so SQLCipher skips its own slow key derivation: VocPlan has already
run Argon2id once, at unlock.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher  # type: ignore[import-untyped]

SQLITE_HEADER = b"SQLite format 3\x00"

module = sqlcipher
"""The DB-API module, for SQLAlchemy to use in place of sqlite3."""
DatabaseError = sqlcipher.DatabaseError
Error = sqlcipher.Error


def connect(path: Path | str, key: bytes, *, uri_query: str = "", **options: Any) -> Any:
    """A SQLCipher connection to ``path`` with ``key`` applied before anything else."""
    target = f"{Path(path).as_uri()}?{uri_query}" if uri_query else str(path)
    connection = sqlcipher.connect(target, uri=bool(uri_query), **options)
    apply_key(connection, key)
    return connection


def apply_key(connection: Any, key: bytes) -> None:
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")
    # SQLCipher otherwise writes its own error lines to standard error; VocPlan says what failed.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def is_plain_sqlite(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (it starts with SQLite's header)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def encrypt_copy(plain: Path, target: Path, key: bytes) -> None:
    """Write an encrypted copy of the unencrypted SQLite file ``plain`` to ``target``."""
    connection = sqlcipher.connect(str(plain))
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        for pragma in ("application_id", "user_version"):
            value = int(connection.execute(f"PRAGMA main.{pragma}").fetchone()[0])
            connection.execute(f"PRAGMA encrypted.{pragma} = {value}")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
