"""The first window: empty state, adding a person, validation at the fields, opening a plan."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

import ui.app
import ui.person_dialog
from ui.main_window import MainWindow
from ui.people_model import (
    DATE_OF_BIRTH,
    NAME,
    NHS_NUMBER,
    PLAN_STATUS,
    PeopleFilterModel,
    PeopleTableModel,
    display_name,
)
from ui.person_dialog import PersonDialog
from ui.qt import QDialog, Qt
from ui.services import AppServices
from ui.session.agreement import WholePlanPanel
from vocplan.domain.enums import CarePlanFramework, PlanSection, PlanStatus, Voice
from vocplan.domain.errors import ValidationError
from vocplan.model import Plan, SectionNote
from vocplan.services.people import PersonInput, PersonSummary, list_people, validate_person
from vocplan.startup import StartOptions
from vocplan.storage.database import Database

REPO = Path(__file__).resolve().parents[2]


def summary(person_id: int, full_name: str, **values: object) -> PersonSummary:
    fields: dict[str, object] = {
        "preferred_name": "",
        "date_of_birth": None,
        "nhs_number": None,
        "care_coordinator": "",
        "team": "",
        "framework": CarePlanFramework.CARE_AND_SUPPORT_PLAN,
        "plan_status": PlanStatus.DRAFT,
        "next_review_date": None,
        "is_demo": False,
        **values,
    }
    return PersonSummary(id=person_id, full_name=full_name, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("full_name", "preferred", "shown"),
    [
        ("Tomasz Nowak", "Tomek", "Tomasz Nowak (Tomek)"),
        ("Aisha Rahman", "Aisha", "Aisha Rahman"),
        ("Aisha Rahman", "aisha rahman", "Aisha Rahman"),
        ("Sam Okafor", "", "Sam Okafor"),
    ],
)
def test_display_name_adds_a_preferred_name_only_when_it_says_something_new(
    full_name: str, preferred: str, shown: str
) -> None:
    assert display_name(summary(1, full_name, preferred_name=preferred)) == shown


def test_people_model_formats_rows_sorts_by_value_and_filters() -> None:
    model = PeopleTableModel()
    model.set_people(
        [
            summary(1, "zoe Adams", date_of_birth=date(1990, 1, 31), nhs_number="9434765919"),
            summary(2, "Bob Brown", preferred_name="Bobby", is_demo=True, care_coordinator="Kay"),
            summary(3, "Ann Smith", date_of_birth=date(1985, 12, 2), plan_status=PlanStatus.AGREED),
        ]
    )
    assert model.rowCount() == 3
    assert model.columnCount() == 5
    assert model.index(0, NAME).data() == "zoe Adams"
    assert model.index(0, DATE_OF_BIRTH).data() == "31/01/1990"
    assert model.index(0, NHS_NUMBER).data() == "943 476 5919"
    assert model.index(1, NAME).data() == "Bob Brown (Bobby) (demo)"
    assert model.index(1, DATE_OF_BIRTH).data() == ""
    assert model.index(2, PLAN_STATUS).data() == "Agreed"

    proxy = PeopleFilterModel()
    proxy.setSourceModel(model)
    proxy.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, NAME).data() for row in range(3)] == [
        "Ann Smith",
        "Bob Brown (Bobby) (demo)",
        "zoe Adams",  # names sort without regard to case
    ]
    proxy.sort(DATE_OF_BIRTH, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, DATE_OF_BIRTH).data() for row in range(3)] == [
        "02/12/1985",  # by date, not by the dd/mm text
        "31/01/1990",
        "",  # no date of birth goes last
    ]

    proxy.set_search_text("943 476")
    assert proxy.rowCount() == 1
    proxy.set_search_text("kay")
    assert [proxy.index(row, NAME).data() for row in range(proxy.rowCount())] == [
        "Bob Brown (Bobby) (demo)"
    ]
    proxy.set_search_text("")
    assert proxy.rowCount() == 3


def test_importing_the_app_does_not_load_the_database_layer() -> None:
    """The window is shown before SQLModel, SQLAlchemy and alembic are imported."""
    code = (
        "import sys, ui.app; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlmodel', 'sqlalchemy', 'alembic', 'pydantic', 'babel', 'reportlab'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_empty_database_shows_the_empty_state_then_an_added_person_is_listed(
    qtbot: QtBot, database: Database
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.opening_page
    window.show()
    window.attach(AppServices(database))
    assert window.is_showing_empty_state()
    assert not window.open_action.isEnabled()

    window.empty_add_button.click()
    dialog = window.person_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.line_edit("full_name").setText("Siân Jones")
    dialog.line_edit("preferred_name").setText("Sioned")
    dialog.line_edit("date_of_birth").setText("31/01/1990")
    dialog.line_edit("nhs_number").setText("943 476 5919")
    dialog.line_edit("care_coordinator").setText("Ann Care")
    with qtbot.waitSignal(window.people_shown):
        dialog.save_button.click()

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.is_showing_people()
    assert window.model.rowCount() == 1
    row = [window.proxy.index(0, column).data() for column in range(5)]
    assert row == ["Siân Jones (Sioned)", "31/01/1990", "943 476 5919", "Ann Care", "Draft"]
    (saved,) = list_people(database)
    assert window.selected_person_id() == saved.id
    assert window.open_action.isEnabled()
    assert window.windowTitle() == "VocPlan"


def test_invalid_input_is_shown_at_each_field_keeps_the_text_and_saves_nothing(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PersonDialog(AppServices(database))
    qtbot.addWidget(dialog)
    dialog.show()
    typed = {"full_name": "Ann Smith", "date_of_birth": "31/02/1990", "nhs_number": "943 476 5918"}
    for name, text in typed.items():
        dialog.line_edit(name).setText(text)
    dialog.save_button.click()

    with pytest.raises(ValidationError) as expected:
        validate_person(PersonInput(**typed))
    assert set(expected.value.field_errors) == {"date_of_birth", "nhs_number"}
    for name, message in expected.value.field_errors.items():
        label = dialog.error_labels[name]
        assert label.isVisible()
        assert label.text() == f"⚠ {message}"
        assert dialog.inputs[name].accessibleDescription() == message
    assert not dialog.error_labels["full_name"].isVisible()
    assert dialog.focusWidget() is dialog.line_edit("date_of_birth")  # the first bad field
    assert {name: dialog.line_edit(name).text() for name in typed} == typed
    assert list_people(database) == []
    assert dialog.isVisible()

    answers = iter([False, True])
    asked = []

    def confirm(parent: object) -> bool:
        asked.append(parent)
        return next(answers)

    monkeypatch.setattr(ui.person_dialog, "confirm_discard", confirm)
    dialog.reject()  # Esc: "keep typing"
    assert dialog.isVisible()
    dialog.reject()  # Esc again: "close and lose it"
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert asked == [dialog, dialog]


def test_opening_a_plan_shows_the_name_and_the_eight_steps(
    qtbot: QtBot, database: Database
) -> None:
    services = AppServices(database)
    person = services.add_person(PersonInput(full_name="Ann Smith", preferred_name="Annie"))
    with database.transaction() as session:
        plan = session.exec(select(Plan).where(col(Plan.person_id) == person.id)).one()
        assert plan.id is not None
        session.add(
            SectionNote(
                plan_id=plan.id,
                section=PlanSection.PREFERENCES,
                voice=Voice.PERSON,
                text="I like <b>gardens</b>\nand quiet places",
            )
        )
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(services)
    assert window.selected_person_id() == person.id

    window.open_action.trigger()
    session_window = window.session_windows[person.id]
    qtbot.waitExposed(session_window)
    assert session_window.windowTitle() == "Plan — VocPlan"
    assert session_window.name_label.text() == "Ann Smith (Annie)"
    assert session_window.plan_state_label.text() == "Draft, not agreed yet"
    assert session_window.current_section is PlanSection.ABOUT_TODAY
    framework = session_window.page(PlanSection.ABOUT_TODAY).forms["person"].row("framework")
    assert framework.input.value() == "care_and_support_plan"
    assert session_window.step_states() == [
        (section, section is PlanSection.PREFERENCES) for section in PlanSection
    ]
    assert "Nothing yet" in session_window.steps_list.item(0).text()
    window.open_action.trigger()  # opening again brings the same window forward
    assert list(window.session_windows.values()) == [session_window]
    session_window.go_to(PlanSection.AGREEMENT)
    whole_plan = session_window.page(PlanSection.AGREEMENT).panel(WholePlanPanel)
    assert isinstance(whole_plan, WholePlanPanel)
    text = whole_plan.text()
    assert "I like <b>gardens</b>" in text  # the person's words, as they typed them
    assert "Nothing written yet." in text

    window.close()
    qtbot.waitUntil(lambda: not window.session_windows)


def test_a_data_file_that_is_not_vocplans_is_reported_and_exits_with_1(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = StartOptions.resolve(str(tmp_path / "data"))
    options.data_folder.mkdir()
    data_file = options.data_folder / "vocplan.db"
    data_file.write_bytes(b"not a database, just some text\n" * 10)
    shown: list[str] = []
    monkeypatch.setattr(ui.app, "show_storage_problem", lambda _parent, text: shown.append(text))

    assert ui.app.run(options) == ui.app.EXIT_CANNOT_OPEN

    assert len(shown) == 1 and "not a VocPlan data file" in shown[0]
    assert data_file.read_bytes() == b"not a database, just some text\n" * 10
