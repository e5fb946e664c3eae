"""Encryption at rest, key slots, staff accounts, slowing guesses, and leaving no residue."""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.conftest import (
    FAST_KDF,
    TEST_PASSPHRASE,
    files_holding,
    files_of,
    open_folder,
    protect,
    run,
)
from vocplan.domain.errors import VocPlanError
from vocplan.security.errors import (
    KeyFileDamaged,
    NotAllowed,
    TooManyAttempts,
    WrongPassphrase,
)
from vocplan.security.folder import FolderState, unlock
from vocplan.security.keyfile import Account, KeyFile, Mode, Role
from vocplan.security.throttle import wait_after
from vocplan.services import audit, editing
from vocplan.services.people import PersonInput, add_person, delete_person, list_people
from vocplan.storage.database import open_database

JO = "passphrase of Jo Nurse"
DISTINCTIVE = "Xylophonia Quibbleworth"
PLAN_TEXT = "zanzibarquokka bakery apprenticeship"


def _add_staff(folder: Path, name: str, passphrase: str, role: Role = Role.STAFF) -> None:
    keys = KeyFile.load(files_of(folder).key_file)
    admin = keys.unlock(TEST_PASSPHRASE)
    keys.add(admin.key, name, role, passphrase, kdf=FAST_KDF)
    keys.save()


def test_two_staff_unlock_the_same_database_and_each_is_named_on_what_they_change(
    tmp_path: Path,
) -> None:
    protect(tmp_path, name="Sam Admin")
    _add_staff(tmp_path, "Jo Nurse", JO)
    admin = unlock(files_of(tmp_path), TEST_PASSPHRASE, "Sam Admin")
    nurse = unlock(files_of(tmp_path), JO, "jo  nurse")  # case and spaces do not matter
    assert admin.key == nurse.key and nurse.account.name == "Jo Nurse"
    assert not nurse.account.is_admin and admin.account.is_admin

    url = f"sqlite:///{tmp_path / 'vocplan.db'}"
    database = open_database(url, key=nurse.key, actor=nurse.account.name)
    person = add_person(database, PersonInput(full_name="Ann Smith"))
    database.close()
    database = open_database(url, key=admin.key, actor=admin.account.name)
    assert [p.full_name for p in list_people(database)] == ["Ann Smith"]
    assert audit.events(database)[0].actor == "Jo Nurse"
    assert person.id is not None
    database.close()


def test_the_database_wal_and_backups_are_unreadable_without_the_key(tmp_path: Path) -> None:
    database = open_folder(tmp_path)
    add_person(database, PersonInput(full_name=DISTINCTIVE))
    wal = tmp_path / "vocplan.db-wal"
    assert wal.exists() and DISTINCTIVE.encode() not in wal.read_bytes()
    database.close()
    data = (tmp_path / "vocplan.db").read_bytes()
    assert not data.startswith(b"SQLite format 3") and DISTINCTIVE.encode() not in data
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "vocplan.db").execute("SELECT * FROM person").fetchall()


def test_removing_staff_stops_only_them_and_reencrypts_nothing(tmp_path: Path) -> None:
    protect(tmp_path, name="Sam Admin")
    _add_staff(tmp_path, "Jo Nurse", JO)
    _add_staff(tmp_path, "Kim Worker", "passphrase of Kim Worker")
    database = open_folder(tmp_path)
    add_person(database, PersonInput(full_name="Ann Smith"))
    database.close()
    before = (tmp_path / "vocplan.db").read_bytes()

    keys = KeyFile.load(files_of(tmp_path).key_file)
    keys.remove("Jo Nurse")
    keys.save()
    with pytest.raises(WrongPassphrase):
        unlock(files_of(tmp_path), JO)
    assert unlock(files_of(tmp_path), "passphrase of Kim Worker").account.name == "Kim Worker"
    assert (tmp_path / "vocplan.db").read_bytes() == before
    keys = KeyFile.load(files_of(tmp_path).key_file)
    with pytest.raises(NotAllowed, match="only administrator"):
        keys.remove("Sam Admin")


def test_reset_gives_a_new_passphrase_and_the_old_one_stops_working(tmp_path: Path) -> None:
    admin = protect(tmp_path, name="Sam Admin")
    _add_staff(tmp_path, "Jo Nurse", JO)
    keys = KeyFile.load(files_of(tmp_path).key_file)
    keys.reset(admin.key, "Jo Nurse", "a brand new passphrase", kdf=FAST_KDF)
    keys.save()
    with pytest.raises(WrongPassphrase):
        unlock(files_of(tmp_path), JO, "Jo Nurse")
    assert unlock(files_of(tmp_path), "a brand new passphrase", "Jo Nurse").key == admin.key


def test_an_edited_or_damaged_key_file_is_refused_and_a_forged_role_does_not_open(
    tmp_path: Path,
) -> None:
    from vocplan.security.keyfile import _slot_check

    protect(tmp_path, name="Sam Admin")
    _add_staff(tmp_path, "Jo Nurse", JO)
    path = files_of(tmp_path).key_file
    original = json.loads(path.read_text())

    edited = json.loads(json.dumps(original))
    edited["slots"][1]["role"] = "admin"
    path.write_text(json.dumps(edited))
    with pytest.raises(KeyFileDamaged):  # damage, not a wrong passphrase: no guess is counted
        unlock(files_of(tmp_path), JO, "Jo Nurse")

    edited["slots"][1]["check"] = _slot_check(edited["slots"][1])  # a forger can redo this…
    path.write_text(json.dumps(edited))
    with pytest.raises(WrongPassphrase):  # …but the role is bound into the slot's encryption
        unlock(files_of(tmp_path), JO, "Jo Nurse")

    cut = json.loads(json.dumps(original))
    cut["slots"][1]["wrapped_key"] = cut["slots"][1]["wrapped_key"][:20]
    cut["slots"][1]["check"] = _slot_check(cut["slots"][1])
    path.write_text(json.dumps(cut))
    with pytest.raises(KeyFileDamaged):
        unlock(files_of(tmp_path), JO)
    path.write_text("{ not json")
    with pytest.raises(KeyFileDamaged):
        unlock(files_of(tmp_path), JO)


def test_wrong_passphrase_and_damaged_file_get_different_messages(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data_file = folder / "vocplan.db"
    before = data_file.read_bytes()
    monkeypatch.setenv("VOCPLAN_PASSPHRASE", "not the right passphrase")
    code, out, err = run(capsys, "--data-dir", str(folder), "people")
    assert code == 1 and "passphrase is not right" in err and "damaged" not in err
    assert data_file.read_bytes() == before

    monkeypatch.setenv("VOCPLAN_PASSPHRASE", TEST_PASSPHRASE)
    damaged = bytearray(before)
    damaged[5000:5400] = os.urandom(400)  # inside an encrypted page: its check fails
    data_file.write_bytes(bytes(damaged))
    code, out, err = run(capsys, "--data-dir", str(folder), "people")
    assert code == 1 and "damaged" in err and "passphrase is not right" not in err
    assert "Traceback" not in out + err
    assert data_file.read_bytes() == bytes(damaged)


def test_repeated_wrong_passphrases_make_the_next_try_wait(tmp_path: Path) -> None:
    protect(tmp_path)
    now = [1000.0]
    files = files_of(tmp_path)
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            unlock(files, "a wrong guess", clock=lambda: now[0])
    with pytest.raises(TooManyAttempts) as waiting:
        unlock(files, TEST_PASSPHRASE, clock=lambda: now[0])  # even the right one must wait
    assert waiting.value.seconds == 2 and "Wait 2 seconds" in str(waiting.value)
    now[0] += 2
    with pytest.raises(WrongPassphrase):
        unlock(files, "a wrong guess", clock=lambda: now[0])
    with pytest.raises(TooManyAttempts) as waiting:
        unlock(files, TEST_PASSPHRASE, clock=lambda: now[0] + 3)
    assert waiting.value.seconds == 1
    now[0] += 4
    assert unlock(files, TEST_PASSPHRASE, clock=lambda: now[0]).account.name == "Test Admin"
    # Success starts the count again.
    with pytest.raises(WrongPassphrase):
        unlock(files, "a wrong guess", clock=lambda: now[0])
    assert unlock(files, TEST_PASSPHRASE, clock=lambda: now[0]).key
    assert [wait_after(n) for n in range(2, 7)] == [0.0, 2.0, 4.0, 8.0, 16.0]
    assert wait_after(50) == 300.0


def test_setting_up_an_unprotected_folder_encrypts_the_data_and_its_backups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'vocplan.db'}")
    add_person(database, PersonInput(full_name=DISTINCTIVE))
    database.close()
    from vocplan.storage.backups import rolling_backup

    rolling_backup(tmp_path / "vocplan.db", tmp_path / "backups")
    assert files_of(tmp_path).state() is FolderState.UNPROTECTED
    code, out, err = run(
        capsys, "--data-dir", str(tmp_path), "init", "--mode", "clinic", "--name", "Sam Admin"
    )
    assert (code, err) == (0, "") and "now encrypted" in out
    assert files_holding(tmp_path, DISTINCTIVE) == []
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "people")
    assert DISTINCTIVE in out


def test_staff_commands_add_list_and_remove_and_only_an_admin_may(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.txt"
    new.write_text(JO + "\n")
    base = ["--data-dir", str(folder)]
    assert run(capsys, *base, "staff", "add", "Jo Nurse", "--new-passphrase-file", str(new))[0] == 0
    code, out, _ = run(capsys, *base, "staff", "list")
    assert code == 0 and "Jo Nurse" in out and "administrator" in out
    mine = tmp_path / "mine.txt"
    mine.write_text(JO)
    as_jo = [*base, "--passphrase-file", str(mine), "--user", "Jo Nurse"]
    code, _out, err = run(capsys, *as_jo, "people")
    assert code == 0
    code, _out, err = run(capsys, *as_jo, "staff", "remove", "Test Admin")
    assert code == 1 and "Only an administrator" in err
    code, _out, err = run(capsys, *as_jo, "settings", "--lock-after", "2")
    assert code == 1 and "Only an administrator" in err
    assert run(capsys, *base, "settings", "--lock-after", "2")[0] == 0
    code, out, _ = run(capsys, *as_jo, "settings")
    assert "2 minutes" in out
    assert run(capsys, *base, "staff", "remove", "jo nurse")[0] == 0
    code, _out, err = run(capsys, *as_jo, "people")
    assert code == 1 and "no member of staff called Jo Nurse" in err

    # Each change to the staff list and the settings is on the audit trail, by whom.
    database = open_folder(folder)
    try:
        trail = [
            (event.actor, event.action, event.person_uid, event.detail)
            for event in reversed(audit.events(database, limit=None))
            if event.action in ("staff", "settings")
        ]
        intact = audit.verify(database).ok
    finally:
        database.close()
    assert trail == [
        ("Test Admin", "staff", "", "added: Jo Nurse (staff)"),
        ("Test Admin", "settings", "", "lock after: 2 minutes"),
        ("Test Admin", "staff", "", "removed: Jo Nurse"),
    ]
    assert intact


def test_init_refuses_a_folder_already_set_up_and_a_short_passphrase(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, _out, err = run(capsys, "--data-dir", str(folder), "init", "--mode", "personal")
    assert code == 1 and "already set up" in err
    monkeypatch.setenv("VOCPLAN_PASSPHRASE", "short")
    fresh = tmp_path / "fresh"
    code, _out, err = run(capsys, "--data-dir", str(fresh), "init", "--mode", "personal")
    assert code == 1 and "at least 8 characters" in err
    assert not (fresh / "vocplan-keys.json").exists()


def test_a_backup_restores_onto_a_new_machine_with_its_key_file(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "usb" / "all.db"
    assert run(capsys, "--data-dir", str(folder), "backup", str(copy))[0] == 0
    new_machine = tmp_path / "new"
    code, out, err = run(capsys, "--data-dir", str(new_machine), "restore", str(copy), "--yes")
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--data-dir", str(new_machine), "people")
    assert code == 0 and "Aisha Rahman" in out


def test_no_residue_after_use_and_deletion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A distinctive name and plan text end up in no file of the data folder or temp folder."""
    from vocplan.logs import setup_logging

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    for variable in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(variable, str(temp))
    folder = tmp_path / "data"
    protect(folder)
    setup_logging(folder)
    try:
        database = open_folder(folder)
        person = add_person(database, PersonInput(full_name=DISTINCTIVE))
        editing.update_plan(database, person.id, {"not_agreed": PLAN_TEXT})
        database.close()
        # Opening again takes a backup; the command line reads, exports the audit, lists.
        for command in (["people"], ["audit", "verify"], ["demo", "--force"]):
            assert run(capsys, "--data-dir", str(folder), *command)[0] == 0
        assert list((folder / "backups").glob("*.db"))
        assert files_holding(folder, DISTINCTIVE, PLAN_TEXT) == []
        assert files_holding(temp, DISTINCTIVE, PLAN_TEXT) == []

        # Deleted for good: even with the key, no copy holds the person any more.
        database = open_folder(folder)
        delete_person(database, person.id)
        key = database.key
        database.close()
    finally:
        for handler in logging.getLogger().handlers[:]:
            if isinstance(handler, logging.FileHandler):
                handler.close()
                logging.getLogger().removeHandler(handler)
    assert key is not None
    from vocplan.storage import cipher

    for path in [folder / "vocplan.db", *(folder / "backups").glob("*.db")]:
        connection = cipher.connect(path, key)
        try:
            names = [row[0] for row in connection.execute("SELECT full_name FROM person")]
        finally:
            connection.close()
        assert DISTINCTIVE not in names, path.name
        assert len(names) == 4 or path.parent.name == "backups"


def test_deleting_a_person_leaves_no_bytes_in_free_pages_the_wal_or_backups(
    tmp_path: Path,
) -> None:
    """Shown on an unencrypted file, where the bytes can be read: the same code runs encrypted."""
    from vocplan.storage.backups import rolling_backup

    data_file = tmp_path / "vocplan.db"
    backups = tmp_path / "backups"
    database = open_database(f"sqlite:///{data_file}", backups_dir=backups)
    person = add_person(database, PersonInput(full_name=DISTINCTIVE))
    editing.update_plan(database, person.id, {"not_agreed": PLAN_TEXT})
    add_person(database, PersonInput(full_name="Someone Else"))
    rolling_backup(data_file, backups)
    assert files_holding(tmp_path, DISTINCTIVE)  # there before the deletion
    delete_person(database, person.id)
    assert files_holding(tmp_path, DISTINCTIVE, PLAN_TEXT) == []
    assert [p.full_name for p in list_people(database)] == ["Someone Else"]
    database.close()
    assert files_holding(tmp_path, DISTINCTIVE, PLAN_TEXT) == []


def test_restore_uses_today_s_staff_list_and_works_over_an_unprotected_folder(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "usb" / "all.db"
    assert run(capsys, "--data-dir", str(folder), "backup", str(copy))[0] == 0
    _add_staff(folder, "Jo Nurse", JO)  # joined after the copy was made
    mine = tmp_path / "jo.txt"
    mine.write_text(JO)
    as_jo = ["--data-dir", str(folder), "--passphrase-file", str(mine), "--user", "Jo Nurse"]
    code, _out, err = run(capsys, *as_jo, "restore", str(copy), "--yes")
    assert (code, err) == (0, "")
    assert "Jo Nurse" in run(capsys, "--data-dir", str(folder), "staff", "list")[1]

    old = tmp_path / "old"
    database = open_database(f"sqlite:///{old / 'vocplan.db'}")
    add_person(database, PersonInput(full_name=DISTINCTIVE))
    database.close()
    code, _out, err = run(capsys, "--data-dir", str(old), "restore", str(copy), "--yes")
    assert (code, err) == (0, "")
    assert files_holding(old, DISTINCTIVE) == []  # the data replaced is kept, encrypted
    code, out, _ = run(capsys, "--data-dir", str(old), "people")
    assert code == 0 and "Aisha Rahman" in out and DISTINCTIVE not in out


def test_a_backup_copy_that_cannot_be_edited_is_removed_when_a_person_is_deleted(
    tmp_path: Path,
) -> None:
    database = open_folder(tmp_path)
    person = add_person(database, PersonInput(full_name=DISTINCTIVE))
    stranger = tmp_path / "backups" / "vocplan-2026-01-01-000000-000000-before-restore.db"
    stranger.parent.mkdir(exist_ok=True)
    stranger.write_bytes(os.urandom(8192))  # under another key, say: cannot be edited
    delete_person(database, person.id)
    database.close()
    assert not stranger.exists()


def test_setting_up_over_a_damaged_backup_removes_it_and_a_damaged_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vocplan.storage.backups import rolling_backup

    database = open_database(f"sqlite:///{tmp_path / 'vocplan.db'}")
    add_person(database, PersonInput(full_name=DISTINCTIVE))
    database.close()
    copy = rolling_backup(tmp_path / "vocplan.db", tmp_path / "backups")
    assert copy is not None
    damaged = bytearray(copy.read_bytes())
    damaged[4096:8192] = b"\xff" * 4096  # a plaintext copy with a ruined page
    copy.write_bytes(bytes(damaged))
    code, _out, err = run(capsys, "--data-dir", str(tmp_path), "init", "--mode", "personal")
    assert (code, err) == (0, "")
    assert files_holding(tmp_path, DISTINCTIVE) == []
    assert run(capsys, "--data-dir", str(tmp_path), "people")[0] == 0

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "vocplan.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    code, out, err = run(capsys, "--data-dir", str(broken), "init", "--mode", "personal")
    assert code == 1 and "Traceback" not in out + err and "damaged" in err
    assert sorted(path.name for path in broken.iterdir()) == ["vocplan.db"]  # nothing written


def test_staff_changes_need_an_administrator_and_nobody_removes_themselves(
    tmp_path: Path,
) -> None:
    from vocplan.security import staff

    admin = protect(tmp_path, name="Sam Admin")
    files = files_of(tmp_path)
    staff.add_staff(files, admin, "Jo Nurse", Role.STAFF, JO, kdf=FAST_KDF)
    nurse = unlock(files, JO, "Jo Nurse")
    with pytest.raises(NotAllowed, match="Only an administrator"):
        staff.add_staff(files, nurse, "Kim Worker", Role.STAFF, "kim passphrase", kdf=FAST_KDF)
    with pytest.raises(NotAllowed, match="cannot remove yourself"):
        staff.remove_staff(files, admin, "sam admin")
    assert staff.remove_staff(files, admin, "Jo Nurse").name == "Jo Nurse"
    assert [account.name for account in staff.accounts(files)] == ["Sam Admin"]


def _slow_down(monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    """Make ``KeyFile.<method>`` take long enough for a second change to start meanwhile."""
    import time

    original = getattr(KeyFile, method)

    def slowly(*args: object, **kwargs: object) -> object:
        result = original(*args, **kwargs)
        time.sleep(0.3)
        return result

    monkeypatch.setattr(KeyFile, method, slowly)


def test_two_administrators_adding_staff_at_once_keep_both_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from vocplan.security import staff

    admin = protect(tmp_path, name="Sam Admin")
    files = files_of(tmp_path)
    _slow_down(monkeypatch, "add")
    with ThreadPoolExecutor(2) as pool:
        added = [
            pool.submit(staff.add_staff, files, admin, name, Role.STAFF, JO, kdf=FAST_KDF)
            for name in ("Jo Nurse", "Kim Worker")
        ]
        for future in added:
            future.result()
    assert sorted(account.name for account in staff.accounts(files)) == [
        "Jo Nurse",
        "Kim Worker",
        "Sam Admin",
    ]


def test_two_first_runs_at_once_make_one_key_and_the_second_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from vocplan.security.errors import AlreadySetUp

    _slow_down(monkeypatch, "create")
    with ThreadPoolExecutor(2) as pool:
        tries = [pool.submit(protect, tmp_path, name=name) for name in ("Sam", "Kim")]
        outcomes = [future.exception() or future.result() for future in tries]
    made = [outcome for outcome in outcomes if not isinstance(outcome, Exception)]
    assert len(made) == 1 and isinstance(outcomes[made[0] is outcomes[0]], AlreadySetUp)
    assert unlock(files_of(tmp_path), TEST_PASSPHRASE).key == made[0].key  # type: ignore[union-attr]


def test_a_staff_change_waits_for_one_under_way_then_gives_up_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    from vocplan.security import folder as folder_module
    from vocplan.security import staff
    from vocplan.security.errors import KeysBusy

    admin = protect(tmp_path, name="Sam Admin")
    files = files_of(tmp_path)
    monkeypatch.setattr(folder_module, "KEYS_LOCK_WAIT_SECONDS", 0.2)
    before = files.key_file.read_bytes()
    another_copy_of_vocplan = FileLock(files.key_file.with_name("vocplan-keys.json.lock"))
    with another_copy_of_vocplan, pytest.raises(KeysBusy, match="changing the staff list"):
        staff.add_staff(files, admin, "Jo Nurse", Role.STAFF, JO, kdf=FAST_KDF)
    assert files.key_file.read_bytes() == before
    staff.add_staff(files, admin, "Jo Nurse", Role.STAFF, JO, kdf=FAST_KDF)
    assert unlock(files, JO, "Jo Nurse").account.name == "Jo Nurse"


def test_anyone_changes_their_own_passphrase_once_they_give_the_current_one(
    tmp_path: Path,
) -> None:
    from vocplan.security import staff

    admin = protect(tmp_path, name="Sam Admin")
    files = files_of(tmp_path)
    staff.add_staff(files, admin, "Jo Nurse", Role.STAFF, JO, kdf=FAST_KDF)
    jo = unlock(files, JO, "Jo Nurse")
    before = files.key_file.read_bytes()

    def change(current: str, new: str, name: str = "Jo Nurse") -> Account:
        return staff.change_own_passphrase(files, name, current, new, signed_in=jo, kdf=FAST_KDF)

    with pytest.raises(WrongPassphrase):
        change("not Jo's", "Jo's new passphrase")
    with pytest.raises(WrongPassphrase):  # Sam's passphrase does not change Jo's, nor Sam's
        change(TEST_PASSPHRASE, "Jo's new passphrase", name="Sam Admin")
    with pytest.raises(NotAllowed, match="same as the old one"):
        change(JO, JO)
    with pytest.raises(VocPlanError, match="at least"):  # the usual rule for a new one
        change(JO, "short")
    assert files.key_file.read_bytes() == before

    account = change(JO, "Jo's new passphrase")
    assert (account.name, account.is_admin) == ("Jo Nurse", False)  # a change of passphrase only
    assert unlock(files, "Jo's new passphrase", "Jo Nurse").key == jo.key
    with pytest.raises(WrongPassphrase):
        unlock(files, JO, "Jo Nurse")
    assert unlock(files, TEST_PASSPHRASE, "Sam Admin").key == jo.key  # nobody else's changed


def test_the_passphrase_command_changes_your_own_in_personal_mode_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    protect(tmp_path, mode=Mode.PERSONAL, name="me")
    new = tmp_path / "new.txt"
    new.write_text("a new passphrase at home\n", encoding="utf-8")
    base = ["--data-dir", str(tmp_path)]
    code, out, err = run(capsys, *base, "passphrase", "--new-passphrase-file", str(new))
    assert (code, err) == (0, "") and "The old one no longer works" in out
    code, _out, err = run(capsys, *base, "people")
    assert code == 1 and "not right" in err  # VOCPLAN_PASSPHRASE holds the old one
    code, _out, err = run(capsys, *base, "--passphrase-file", str(new), "people")
    assert (code, err) == (0, "")
    code, _out, err = run(capsys, *base, "--passphrase-file", str(new), "passphrase")
    assert code == 1 and "--new-passphrase-file" in err  # no terminal to ask at


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_folders_vocplan_makes_are_private_and_an_older_open_default_folder_is_closed_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from vocplan import paths
    from vocplan.logs import setup_logging

    def mode(path: Path) -> int:
        return path.stat().st_mode & 0o777

    def use(folder: Path) -> None:
        assert run(capsys, "--data-dir", str(folder), "demo")[0] == 0  # makes a backup copy
        log_to(folder)

    def log_to(folder: Path) -> None:
        before = list(logging.getLogger().handlers)
        setup_logging(folder)
        for handler in set(logging.getLogger().handlers) - set(before):
            handler.close()
            logging.getLogger().removeHandler(handler)

    old_umask = os.umask(0o022)  # the usual one, which leaves new folders open to others
    try:
        new = tmp_path / "home" / "VocPlan"
        assert run(capsys, "--data-dir", str(new), "init", "--mode", "personal")[0] == 0
        use(new)
        assert [mode(new), mode(new / "backups"), mode(new / "logs")] == [0o700] * 3
        first_run = tmp_path / "first-run" / "VocPlan"  # the app starts its log before anything
        log_to(first_run)
        assert [mode(first_run), mode(first_run / "logs")] == [0o700] * 2

        chosen = tmp_path / "chosen"  # a folder someone picked with --data-dir
        chosen.mkdir()
        chosen.chmod(0o750)
        assert run(capsys, "--data-dir", str(chosen), "init", "--mode", "personal")[0] == 0
        use(chosen)
        assert [mode(chosen), mode(chosen / "backups"), mode(chosen / "logs")] == [
            0o750,
            0o700,
            0o700,
        ]

        older = tmp_path / "older" / "VocPlan"  # the per-user folder, as older VocPlans left it
        shutil.copytree(new, older)
        for path in (older, older / "backups", older / "logs"):
            path.chmod(0o755)
        monkeypatch.setattr(paths, "per_user_data_dir", lambda: older)
        assert run(capsys, "--data-dir", str(older), "people")[0] == 0
        assert [mode(older), mode(older / "backups"), mode(older / "logs")] == [0o700] * 3
    finally:
        os.umask(old_umask)


def test_a_key_file_that_cannot_be_locked_gets_a_plain_message_and_no_traceback(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import filelock

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(filelock.FileLock, "acquire", refuse)
    new = tmp_path / "new.txt"
    new.write_text(JO + "\n", encoding="utf-8")
    before = files_of(folder).key_file.read_bytes()
    code, out, err = run(
        capsys,
        "--data-dir",
        str(folder),
        "staff",
        "add",
        "Jo Nurse",
        "--new-passphrase-file",
        str(new),
    )
    assert code == 1 and "Traceback" not in out + err
    assert "cannot change the file of passphrases" in err and "Permission denied" in err
    assert files_of(folder).key_file.read_bytes() == before
