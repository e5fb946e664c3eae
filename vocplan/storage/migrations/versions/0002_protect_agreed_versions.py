"""protect agreed versions: the database refuses to change a frozen plan version

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        """
        CREATE TRIGGER plan_version_is_frozen
        BEFORE UPDATE ON plan_version
        BEGIN
            SELECT RAISE(ABORT, 'an agreed plan version cannot be changed');
        END
        """
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS plan_version_is_frozen")
