"""What encryption at rest costs: unlocking, opening the database, and using it.

    .venv/bin/python benchmarks/unlock.py [--runs 7] [--people 200]

Reports the median of ``--runs`` runs, in milliseconds, of:

- unlocking: Argon2id (the strength the app uses) and unwrapping one key slot;
- with a wrong passphrase, and with ten staff and no name given (every slot tried);
- opening the database with the data key (engine, inspection, first query),
  against the same data unencrypted;
- listing ``--people`` people, and taking the start-up backup, encrypted and not.

Everything happens in a temporary folder with made-up people, deleted afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSPHRASE = "benchmark passphrase, made up"


def timed(runs: int, action: Callable[[], object]) -> list[float]:
    action()  # warm-up
    results = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        results.append((time.perf_counter() - started) * 1000)
    return results


def row(label: str, values: list[float]) -> str:
    return f"{label:<56} {statistics.median(values):8.1f} {min(values):8.1f} {max(values):8.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--people", type=int, default=200)
    arguments = parser.parse_args()

    from vocplan.security.errors import WrongPassphrase
    from vocplan.security.folder import set_up, unlock
    from vocplan.security.keyfile import KeyFile, Mode, Role
    from vocplan.services.people import PersonInput, add_person, list_people
    from vocplan.startup import StartOptions, open_app_database
    from vocplan.storage.backups import rolling_backup
    from vocplan.storage.database import open_database

    with tempfile.TemporaryDirectory(prefix="vocplan-bench-") as temporary:
        root = Path(temporary)
        options = StartOptions.resolve(str(root / "encrypted"))
        files = options.files()
        unlocked = set_up(files, Mode.CLINIC, "Admin 0", PASSPHRASE)
        keys = KeyFile.load(files.key_file)
        for number in range(1, 10):
            keys.add(unlocked.key, f"Staff {number}", Role.STAFF, f"{PASSPHRASE} {number}")
        keys.save()
        plain_path = root / "plain" / "vocplan.db"
        plain = open_database(f"sqlite:///{plain_path}")
        encrypted = open_app_database(options, unlocked=unlocked, rolling_backup=False)
        for database in (plain, encrypted):
            for number in range(arguments.people):
                add_person(
                    database, PersonInput(full_name=f"Test Person {number:03d}"), is_demo=True
                )
        plain.close()
        encrypted.close()

        def wrong() -> None:
            with contextlib.suppress(WrongPassphrase):
                unlock(files, "not the passphrase", "Staff 5")
            files.folder.joinpath("unlock-attempts.json").unlink(missing_ok=True)

        def open_and_list(key: bytes | None, path: Path) -> None:
            database = open_database(f"sqlite:///{path}", key=key)
            list_people(database)
            database.close()

        def open_only(key: bytes | None, path: Path) -> None:
            database = open_database(f"sqlite:///{path}", key=key)
            with database.engine.connect() as connection:
                connection.exec_driver_sql("SELECT count(*) FROM person").scalar()
            database.close()

        count = arguments.people
        key = unlocked.key
        actions: list[tuple[str, Callable[[], object]]] = [
            (
                "unlock: Argon2id + one key slot, name given",
                lambda: unlock(files, PASSPHRASE, "Admin 0"),
            ),
            ("unlock: wrong passphrase (refused)", wrong),
            (
                "unlock: 10 staff, no name given, last slot",
                lambda: unlock(files, f"{PASSPHRASE} 9"),
            ),
            ("open + first query, encrypted", lambda: open_only(key, files.database)),
            ("open + first query, unencrypted", lambda: open_only(None, plain_path)),
            (f"open + list {count} people, encrypted", lambda: open_and_list(key, files.database)),
            (f"open + list {count} people, unencrypted", lambda: open_and_list(None, plain_path)),
            (
                "start-up backup copy, encrypted",
                lambda: rolling_backup(files.database, root / "b1", key=key),
            ),
            ("start-up backup copy, unencrypted", lambda: rolling_backup(plain_path, root / "b2")),
        ]
        results = [(label, timed(arguments.runs, action)) for label, action in actions]
    runs = arguments.runs
    print(f"Encryption at rest: milliseconds, median of {runs} runs after a warm-up")
    print(f"{'':<56} {'median':>8} {'min':>8} {'max':>8}")
    for label, values in results:
        print(row(label, values))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
