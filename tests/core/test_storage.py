"""Opening data files safely, migrations, and the rules the database enforces."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from vocplan.model import Person, Plan, PlanVersion
from vocplan.services.people import PersonInput, add_person, list_people
from vocplan.services.plans import Agreement, agree_plan
from vocplan.storage.database import Database, make_engine, open_database, upgrade
from vocplan.storage.errors import CorruptDatabase, NewerDatabase, NotAVocPlanDatabase
from vocplan.storage.inspect import inspect_file
from vocplan.storage.schema import APPLICATION_ID, head_revision, known_revisions


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with a hash of its bytes."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def test_new_database_uses_wal_foreign_keys_and_marks_itself(database: Database) -> None:
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA application_id")).scalar() == APPLICATION_ID
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert revision == head_revision()


def test_a_failed_action_saves_nothing(database: Database) -> None:
    with pytest.raises(RuntimeError), database.transaction() as session:
        session.add(Person(full_name="Half saved"))
        session.flush()
        raise RuntimeError("power cut")
    assert list_people(database) == []


def test_an_agreed_version_cannot_be_changed(database: Database) -> None:
    person = add_person(database, PersonInput(full_name="Ann Smith"))
    today = date(2026, 11, 23)
    agree_plan(database, person.id, Agreement("Ann", today, "Jo", "Care coordinator", today), today)
    with pytest.raises(IntegrityError), database.transaction() as session:
        version = session.exec(__import__("sqlmodel").select(PlanVersion)).one()
        version.worker_name = "Someone else"
        session.add(version)


def test_text_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    data_file = tmp_path / "vocplan.db"
    data_file.write_text("shopping list: milk, bread\n" * 20)
    before = fingerprint(tmp_path)
    with pytest.raises(NotAVocPlanDatabase):
        open_database(f"sqlite:///{data_file}")
    assert fingerprint(tmp_path) == before


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    data_file = tmp_path / "vocplan.db"
    with sqlite3.connect(data_file) as connection:
        connection.execute("CREATE TABLE songs (title TEXT)")
        connection.execute("INSERT INTO songs VALUES ('x')")
    connection.close()
    before = fingerprint(tmp_path)
    with pytest.raises(NotAVocPlanDatabase):
        open_database(f"sqlite:///{data_file}")
    assert fingerprint(tmp_path) == before


def test_damaged_database_is_refused_and_left_alone(database_path: Path) -> None:
    database = open_database(f"sqlite:///{database_path}")
    for number in range(30):
        add_person(database, PersonInput(full_name=f"Person {number}", address="x" * 2000))
    database.close()
    raw = bytearray(database_path.read_bytes())
    page_size = int.from_bytes(raw[16:18], "big")
    for offset in range(page_size, len(raw), page_size):
        raw[offset : offset + 64] = b"\xff" * 64  # scribble over every page's header
    database_path.write_bytes(bytes(raw))
    before = fingerprint(database_path.parent)
    with pytest.raises(CorruptDatabase):
        open_database(f"sqlite:///{database_path}")
    assert fingerprint(database_path.parent) == before


def test_truncated_database_is_refused(database_path: Path) -> None:
    database = open_database(f"sqlite:///{database_path}")
    add_person(database, PersonInput(full_name="Ann Smith"))
    database.close()
    raw = database_path.read_bytes()
    database_path.write_bytes(raw[: len(raw) // 3])
    with pytest.raises((CorruptDatabase, NotAVocPlanDatabase)):
        open_database(f"sqlite:///{database_path}")


def test_database_from_a_newer_vocplan_is_refused_and_left_alone(database_path: Path) -> None:
    with sqlite3.connect(database_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = fingerprint(database_path.parent)
    with pytest.raises(NewerDatabase):
        open_database(f"sqlite:///{database_path}")
    assert fingerprint(database_path.parent) == before


def test_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    data_file = tmp_path / "vocplan.db"
    data_file.touch()
    open_database(f"sqlite:///{data_file}").close()
    assert inspect_file(data_file).revision == head_revision()


def test_upgrade_from_the_first_revision_keeps_the_data(tmp_path: Path) -> None:
    data_file = tmp_path / "vocplan.db"
    engine = make_engine(f"sqlite:///{data_file}")
    upgrade(engine, known_revisions()[0])
    old = Database(engine=engine, path=data_file)
    with old.transaction() as session:
        person = Person(full_name="Gareth Price", nhs_number="9434765919")
        session.add(person)
        session.flush()
        assert person.id is not None
        plan = Plan(person_id=person.id, not_agreed="I want more time on the course")
        session.add(plan)
        session.flush()
        assert plan.id is not None
        session.add(
            PlanVersion(
                plan_id=plan.id,
                number=1,
                person_name="Gareth",
                person_agreed_on=date(2026, 1, 5),
                worker_name="Jo",
                worker_role="Care coordinator",
                worker_agreed_on=date(2026, 1, 5),
                snapshot_schema=1,
                snapshot={"section": "kept"},
            )
        )
    engine.dispose()
    assert inspect_file(data_file).revision == known_revisions()[0]

    backups = tmp_path / "backups"
    upgraded = open_database(f"sqlite:///{data_file}", backups_dir=backups)
    assert inspect_file(data_file).revision == head_revision()
    assert [p.full_name for p in list_people(upgraded)] == ["Gareth Price"]
    with upgraded.reading() as session:
        from sqlmodel import select

        assert session.exec(select(PlanVersion)).one().snapshot == {"section": "kept"}
        assert session.exec(select(Plan)).one().not_agreed == "I want more time on the course"
    with pytest.raises(IntegrityError), upgraded.engine.begin() as connection:
        connection.execute(text("UPDATE plan_version SET worker_name = 'x'"))
    upgraded.close()
    copies = list(backups.glob("vocplan-*-before-upgrade.db"))
    assert len(copies) == 1
    assert inspect_file(copies[0]).revision == known_revisions()[0]


def test_migrations_build_exactly_the_schema_the_models_describe(database: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from vocplan.model import metadata

    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_revision_order_matches_alembics_chain() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from vocplan.storage.schema import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    chain = [script.revision for script in scripts.walk_revisions()]
    assert tuple(reversed(chain)) == known_revisions()
    assert scripts.get_heads() == [head_revision()]


def test_a_server_database_from_a_newer_vocplan_is_refused(tmp_path: Path) -> None:
    # server_revision is what open_database asks a database server (PostgreSQL) for.
    url = f"sqlite:///{tmp_path / 'server.db'}"
    open_database(url).close()
    with sqlite3.connect(tmp_path / "server.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    from vocplan.storage.database import server_revision

    with pytest.raises(NewerDatabase):
        server_revision(make_engine(url))
