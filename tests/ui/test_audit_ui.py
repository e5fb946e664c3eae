"""Opening a plan from the people list is a view on the audit trail; a refresh is not."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.services import AppServices
from vocplan.services import audit
from vocplan.services.people import PersonInput
from vocplan.storage.database import Database


def test_opening_a_plan_records_one_view(qtbot: QtBot, database: Database) -> None:
    services = AppServices(database)
    person = services.add_person(PersonInput(full_name="Ann Smith"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(services)
    assert window.selected_person_id() == person.id

    window.open_action.trigger()
    qtbot.waitExposed(window.session_windows[person.id])
    window.open_action.trigger()  # brings the open window forward: no second view
    views = [event for event in audit.events(database) if event.action == "view"]
    assert len(views) == 1
    assert views[0].person_uid == audit.person_uid_for(database, person.id)
    assert "Ann Smith" not in repr(audit.events(database, limit=None))


def test_the_audit_table_names_every_kind_of_event_in_words(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.conftest import files_of, open_folder, protect
    from ui.security.admin import ACTION_LABELS, AdminDialog
    from vocplan.model import AuditAction
    from vocplan.security.keyfile import Mode, Role

    assert set(ACTION_LABELS) == {action.value for action in AuditAction}
    unlocked = protect(tmp_path, name="Sam Admin")
    database = open_folder(tmp_path)
    services = AppServices(database, files_of(tmp_path), unlocked)
    services.set_lock_after_minutes(9)
    services.add_staff("Jo Nurse", Role.STAFF, "jo's passphrase")  # the app's own path
    dialog = AdminDialog(services, Mode.CLINIC, None)
    qtbot.addWidget(dialog)
    table = dialog.audit_table
    rows = [
        [table.item(row, column).text() for column in (1, 2, 4)] for row in range(table.rowCount())
    ]
    database.close()
    assert rows == [
        ["Sam Admin", "Staff list", "added: Jo Nurse (staff)"],
        ["Sam Admin", "Settings", "lock after: 9 minutes"],
    ]
