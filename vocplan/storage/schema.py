"""The schema revisions this version of VocPlan knows, read from the migrations folder."""

from __future__ import annotations

from functools import cache
from pathlib import Path

APPLICATION_ID = 0x566F6350  # "VocP": marks a SQLite file as VocPlan's (PRAGMA application_id)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@cache
def known_revisions() -> tuple[str, ...]:
    """Revision ids in order. Migration files are named ``NNNN_what_it_does.py``
    with revision id ``NNNN``, so the order is the file order and reading it
    costs no alembic import at start-up."""
    names = sorted(
        path.name for path in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
    )
    return tuple(name[:4] for name in names)


def head_revision() -> str:
    return known_revisions()[-1]
