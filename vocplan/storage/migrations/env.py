"""Alembic environment: run by ``vocplan.storage.database.upgrade`` with a live connection,
or by the ``alembic`` command (see alembic.ini) against ``VOCPLAN_DATABASE_URL``."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from vocplan.model import metadata

config = context.config


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        transaction_per_migration=True,
        compare_type=False,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    url = os.environ.get("VOCPLAN_DATABASE_URL", "sqlite:///vocplan-dev.db")
    with create_engine(url).connect() as new_connection:
        run_migrations(new_connection)
