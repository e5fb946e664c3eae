"""Opening a plan from the people list is a view on the audit trail; a refresh is not."""

from __future__ import annotations

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
