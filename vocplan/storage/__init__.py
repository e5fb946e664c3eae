"""Where plans are kept: opening the database safely, migrations and backups."""
