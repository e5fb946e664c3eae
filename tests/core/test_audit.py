"""The audit trail: every view, change, agreement, export, import and deletion of a plan
is recorded by person uid only, and any change to the chain is found."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE, files_of, open_folder, run
from vocplan.cli import main
from vocplan.export.fhir import fhir_bundle
from vocplan.export.importing import apply_import, parse_plan_file
from vocplan.export.json_plan import export_json
from vocplan.export.pdf import easy_read_pdf, record_pdf
from vocplan.security.folder import unlock
from vocplan.services import audit, editing
from vocplan.services.people import PersonInput, add_person, delete_person, update_person
from vocplan.services.plans import Agreement, agree_plan, open_plan, plan_overview
from vocplan.storage import cipher
from vocplan.storage.database import Database, make_engine, open_database, upgrade

NAME = "Zephyrine Quillfeather-Oyelaran"
PLAN_TEXT = "Work in the lighthouse archive on Tuesdays"


def _person(database: Database) -> tuple[int, str]:
    person = add_person(database, PersonInput(full_name=NAME, date_of_birth="01/02/1990"))
    return person.id, audit.person_uid_for(database, person.id)


def _raw_rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT * FROM audit_event ORDER BY id").fetchall()
    connection.close()
    return rows


def _tamper(path: Path, *statements: str, key: bytes | None = None) -> None:
    connection = sqlite3.connect(path) if key is None else cipher.connect(path, key)
    try:
        connection.execute("DROP TRIGGER audit_event_no_update")
        connection.execute("DROP TRIGGER audit_event_no_delete")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _a_few_events(database: Database) -> tuple[int, str]:
    person_id, uid = _person(database)
    open_plan(database, person_id)
    editing.update_plan(database, person_id, {"not_agreed": PLAN_TEXT})
    editing.add_item(database, person_id, "goals", {"what": PLAN_TEXT})
    return person_id, uid


def test_every_kind_of_action_is_recorded_by_uid_and_never_by_name(
    database: Database, database_path: Path
) -> None:
    person_id, uid = _a_few_events(database)
    plan_overview(database, person_id)  # an internal read: not a view
    agree_plan(
        database,
        person_id,
        Agreement(NAME, date(2026, 1, 5), "Sam Worker", "care coordinator", date(2026, 1, 5)),
        today=date(2026, 1, 6),
    )
    update_person(database, person_id, PersonInput(full_name=NAME, phone="01234 567890"))
    record_pdf(database, person_id)
    easy_read_pdf(database, person_id)
    fhir_bundle(database, person_id)
    plan_file = export_json(database, person_id)
    document = parse_plan_file(plan_file)
    document["plan"]["not_agreed"] = "changed at home"
    apply_import(database, document, replace_existing=True)
    delete_person(database, person_id)

    newest_first = audit.events(database, limit=None)
    assert [(event.action, event.detail) for event in reversed(newest_first)] == [
        ("change", "person added"),
        ("view", "plan"),
        ("change", "plan"),
        ("change", "goals"),
        ("agree", "version 1"),
        ("change", "person"),
        ("export", "pdf"),
        ("export", "easy-read"),
        ("export", "fhir"),
        ("export", "json"),
        ("import", "plan replaced"),
        ("delete", ""),
    ]
    assert {event.person_uid for event in newest_first} == {uid}
    assert all(event.actor for event in newest_first)
    for row in _raw_rows(database_path):
        text = " ".join(str(value) for value in row)
        # Whole values only: a short fragment like "1990" turns up by chance
        # in timestamps and hex digests.
        for personal in (
            NAME,
            "Zephyrine",
            "Quillfeather",
            PLAN_TEXT,
            "01234 567890",
            "1990-02-01",
        ):
            assert personal not in text
    assert audit.verify(database) == audit.VerifyResult(True, len(newest_first))


def test_a_new_person_from_a_plan_file_is_an_import(database: Database) -> None:
    person_id, _uid = _person(database)
    document = parse_plan_file(export_json(database, person_id))
    delete_person(database, person_id)
    person = apply_import(database, document, replace_existing=False)
    newest = audit.events(database, limit=1)[0]
    assert (newest.action, newest.detail) == ("import", "new person")
    assert newest.person_uid == audit.person_uid_for(database, person.id)


def test_events_for_one_person_and_a_limit(database: Database) -> None:
    first_id, first_uid = _a_few_events(database)
    _second_id, second_uid = _person(database)
    mine = audit.events(database, person_uid=first_uid)
    assert len(mine) == 4 and {event.person_uid for event in mine} == {first_uid}
    assert [event.id for event in mine] == sorted((event.id for event in mine), reverse=True)
    assert len(audit.events(database, limit=2)) == 2
    assert audit.events(database, person_uid=second_uid)[0].detail == "person added"
    assert first_id


def test_an_action_that_fails_records_nothing(database: Database) -> None:
    person_id, _uid = _person(database)
    before = audit.events(database, limit=None)
    with pytest.raises(KeyError):
        editing.update_plan(database, person_id, {"no_such_field": 1})
    assert audit.events(database, limit=None) == before


def test_an_intact_chain_verifies(database: Database) -> None:
    assert audit.verify(database) == audit.VerifyResult(True, 0)
    _a_few_events(database)
    result = audit.verify(database)
    assert result.ok and result.count == 4 and result.first_bad_id is None
    assert "4" in result.message


def test_a_changed_event_is_found(database: Database, database_path: Path) -> None:
    _a_few_events(database)
    _tamper(database_path, "UPDATE audit_event SET detail = 'money' WHERE id = 3")
    result = audit.verify(database)
    assert (result.ok, result.first_bad_id, result.reason) == (False, 3, "changed")
    assert "3" in result.message


def test_a_changed_event_with_its_hash_made_again_is_still_found(
    database: Database, database_path: Path
) -> None:
    _a_few_events(database)
    row = audit.events(database, limit=None)[-2]  # event 2
    forged = audit.event_hash(
        row.at, "someone else", row.action, row.person_uid, row.detail, row.previous_hash
    )
    _tamper(
        database_path,
        f"UPDATE audit_event SET actor = 'someone else', hash = '{forged}' WHERE id = 2",
    )
    result = audit.verify(database)
    assert (result.ok, result.first_bad_id, result.reason) == (False, 3, "removed")


def test_a_removed_event_is_found(database: Database, database_path: Path) -> None:
    _a_few_events(database)
    _tamper(database_path, "DELETE FROM audit_event WHERE id = 2")
    result = audit.verify(database)
    assert (result.ok, result.count, result.first_bad_id, result.reason) == (
        False,
        3,
        3,
        "removed",
    )


def test_reordered_events_are_found(database: Database, database_path: Path) -> None:
    _a_few_events(database)
    _tamper(
        database_path,
        "UPDATE audit_event SET id = 100 WHERE id = 2",
        "UPDATE audit_event SET id = 2 WHERE id = 3",
        "UPDATE audit_event SET id = 3 WHERE id = 100",
    )
    result = audit.verify(database)
    assert (result.ok, result.first_bad_id, result.reason) == (False, 2, "reordered")


def test_the_database_refuses_to_change_or_delete_an_event(
    database: Database, database_path: Path
) -> None:
    _a_few_events(database)
    connection = sqlite3.connect(database_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="audit trail cannot be changed"):
            connection.execute("UPDATE audit_event SET detail = 'x' WHERE id = 1")
        with pytest.raises(sqlite3.DatabaseError, match="audit trail cannot be changed"):
            connection.execute("DELETE FROM audit_event WHERE id = 1")
    finally:
        connection.close()
    assert audit.verify(database).ok


def test_export_csv_writes_every_event_oldest_first(database: Database, tmp_path: Path) -> None:
    _a_few_events(database)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "audit.csv"
    assert audit.export_csv(database, target) == 4
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["id"] for row in rows] == ["1", "2", "3", "4"]
    assert list(rows[0]) == list(audit.CSV_COLUMNS)
    assert NAME not in target.read_text(encoding="utf-8-sig")
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["audit.csv"]


def test_a_database_at_0002_with_people_upgrades_and_then_records(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    upgrade(engine, "0002")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO person (id, uid, full_name, preferred_name, phone, email, address, "
            "care_coordinator, team, framework, language, is_demo, created_at, updated_at) "
            "VALUES (1, 'a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4', ?, '', '', '', '', '', '', "
            "'care_and_support_plan', 'en', 0, '2026-01-01 00:00:00.000000', "
            "'2026-01-01 00:00:00.000000')",
            (NAME,),
        )
        connection.execute(
            "INSERT INTO plan (id, uid, person_id, status, not_agreed, last_section, "
            "created_at, updated_at) VALUES (1, 'ffff0000ffff0000ffff0000ffff0000', 1, "
            "'draft', '', 'about_today', '2026-01-01 00:00:00.000000', "
            "'2026-01-01 00:00:00.000000')"
        )
    connection.close()

    database = open_database(url)
    try:
        update_person(database, 1, PersonInput(full_name=NAME, team="North"))
        (event,) = audit.events(database)
        assert (event.action, event.person_uid) == ("change", "a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4")
        assert audit.verify(database).ok
    finally:
        database.close()


# --- the command line --------------------------------------------------------------


def _folder_with_events(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "data"
    folder.mkdir()
    database = open_folder(folder)
    try:
        _person_id, uid = _a_few_events(database)
    finally:
        database.close()
    return folder, uid


def test_cli_verify_exits_0_when_intact_and_1_naming_the_bad_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _uid = _folder_with_events(tmp_path)
    code, out, _err = run(capsys, "--data-dir", str(folder), "audit", "verify")
    assert code == 0 and "intact" in out
    key = unlock(files_of(folder), TEST_PASSPHRASE).key
    _tamper(folder / "vocplan.db", "UPDATE audit_event SET detail = 'x' WHERE id = 2", key=key)
    code, _out, err = run(capsys, "--data-dir", str(folder), "audit", "verify")
    assert code == 1
    assert "Audit event 2 was changed" in err


def test_cli_show_lists_events_without_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, uid = _folder_with_events(tmp_path)
    code, out, _err = run(
        capsys, "--data-dir", str(folder), "audit", "show", "--person", NAME, "--limit", "2"
    )
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 3 and all(uid in line for line in lines[1:])
    assert "goals" in lines[1] and NAME not in out
    code, out, _err = run(capsys, "--data-dir", str(folder), "audit", "show", "--person", uid)
    assert code == 0 and len(out.strip().splitlines()) == 5
    code, _out, err = run(capsys, "--data-dir", str(folder), "audit", "show", "--person", "Nobody")
    assert code == 1 and err


def test_cli_export_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _uid = _folder_with_events(tmp_path)
    target = tmp_path / "audit.csv"
    code, _out, _err = run(capsys, "--data-dir", str(folder), "audit", "export", "-o", str(target))
    assert code == 0 and len(target.read_text(encoding="utf-8-sig").splitlines()) == 5
    code, _out, err = run(capsys, "--data-dir", str(folder), "audit", "export", "-o", str(target))
    assert code == 1 and "--force" in err
    code, _out, _err = run(
        capsys, "--data-dir", str(folder), "audit", "export", "-o", str(target), "--force"
    )
    assert code == 0


def test_cli_audit_needs_an_action(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(tmp_path), "audit"])
    assert stopped.value.code == 2
