"""The guided session: eight steps, saved as they are written, undoable, agreed and changed.

Four Qt tests drive the real window the way a person does (the signals a
user's typing, leaving a box, or a pause in typing would send); the rest are
plain tests of the helpers that turn what is typed into stored values.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui.qt import QDialog, Qt
from ui.services import AppServices
from ui.session.agreement import AgreePanel, ChangesPanel
from ui.session.fields import FieldRow
from ui.session.lists import ListEditor
from ui.session.services import NO_EMPTY, field_facts
from ui.session.values import (
    date_to_text,
    pence_to_text,
    range_problem,
    same_value,
    text_to_date,
    text_to_pence,
)
from ui.session.window import SessionWindow
from vocplan.domain.enums import PlanSection, PlanStatus
from vocplan.plan_fields import PART_SPECS, FieldKind
from vocplan.services.people import PersonInput
from vocplan.services.plans import PlanOverview
from vocplan.storage.database import Database

# --- plain helpers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "pence"),
    [
        ("12.50", 1250),
        ("£12.5", 1250),
        ("1,234.56", 123456),
        (" 7 ", 700),
        ("0", 0),
        ("0.05", 5),
        ("", None),
        ("   ", None),
        ("£", None),
    ],
)
def test_pounds_typed_are_stored_as_whole_pence(typed: str, pence: int | None) -> None:
    assert text_to_pence(typed) == pence


@pytest.mark.parametrize("typed", ["abc", "12.345", "1.2.3", "12,50p", "-5"])
def test_text_that_is_not_an_amount_gets_a_plain_message(typed: str) -> None:
    with pytest.raises(ValueError, match=r"pounds|less than nothing"):
        text_to_pence(typed)


@pytest.mark.parametrize("pence", [0, 5, 99, 100, 1250, 123456, 100000000])
def test_pence_shown_read_back_as_the_same_amount(pence: int) -> None:
    assert text_to_pence(pence_to_text(pence)) == pence


def test_pence_are_shown_without_noise() -> None:
    assert pence_to_text(1200) == "12"
    assert pence_to_text(1250) == "12.50"
    assert pence_to_text(None) == ""


def test_dates_typed_the_uk_way_are_kept_as_iso_and_shown_back() -> None:
    assert text_to_date("31/1/2027") == "2027-01-31"
    assert text_to_date("  ") is None
    assert date_to_text("2027-01-31") == "31/01/2027"
    assert date_to_text(date(2027, 1, 31)) == "31/01/2027"
    with pytest.raises(ValueError, match="does not exist"):
        text_to_date("31/02/2027")


def test_numbers_outside_a_fields_range_are_refused_plainly() -> None:
    hours = PART_SPECS["preferences"].field("hours_max")  # 0 to 80
    assert range_problem(hours, "16") is None
    assert range_problem(hours, "81") == "Type a number from 0 to 80."
    assert range_problem(hours, "abc") is None  # not a number: the core says so
    rent = PART_SPECS["money"].field("rent_monthly_pence")  # at least 0
    assert range_problem(rent, 45050) is None


def test_same_value_compares_what_is_shown_with_what_is_stored() -> None:
    assert same_value(FieldKind.DECIMAL, "16", 16.0)
    assert not same_value(FieldKind.DECIMAL, "abc", 16.0)
    assert same_value(FieldKind.TEXT, None, "")
    assert same_value(FieldKind.DATE, "2027-01-31", date(2027, 1, 31))
    assert same_value(FieldKind.MULTI_CHOICE, ["bus"], ["bus"])
    assert not same_value(FieldKind.MULTI_CHOICE, ["bus", "walk"], ["walk", "bus"])


def test_field_facts_say_which_answers_can_be_left_empty() -> None:
    preferences = field_facts("preferences")
    assert preferences["hours_min"].empty is None
    assert preferences["noise"].empty is NO_EMPTY  # a choice with a default, never empty
    assert field_facts("options")["travel_mode"].empty == ""
    assert field_facts("plan")["pathway_stage"].empty is None


# --- driving the window ------------------------------------------------------------------


def open_session(services: AppServices, person_id: int, qtbot: QtBot) -> SessionWindow:
    window = SessionWindow(services.session_services(person_id), services.plan_overview(person_id))
    qtbot.addWidget(window)
    window.show()
    return window


def new_person(database: Database, name: str = "Siân Jones") -> tuple[AppServices, int]:
    services = AppServices(database)
    return services, services.add_person(PersonInput(full_name=name)).id


def type_line(row: FieldRow, text: str) -> None:
    """Type into a one-line box and press Enter (or leave it)."""
    edit: Any = getattr(row.input, "edit")  # noqa: B009 - every one-line input has one
    edit.setText(text)
    edit.editingFinished.emit()


def write_long(row: FieldRow, text: str) -> None:
    """Write in a long-text box and pause: the save timer fires."""
    row.input.edit.setPlainText(text)  # type: ignore[attr-defined]
    assert row.save_timer.isActive()
    row.save_timer.stop()
    row.save_timer.timeout.emit()


def choose(row: FieldRow, value: str) -> None:
    combo = row.input.combo  # type: ignore[attr-defined]
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def add_entry(qtbot: QtBot, editor: ListEditor, fill: dict[str, Any]) -> None:
    """Press Add, fill the form, press Save; the form closes once the core has saved it."""
    editor.add_button.click()
    dialog = editor.dialog
    assert dialog is not None and dialog.isVisible()
    for name, value in fill.items():
        row = dialog.row(name)
        if row.spec.kind in (FieldKind.CHOICE, FieldKind.REFERENCE):
            choose(row, value)
        elif row.spec.kind == FieldKind.LONG_TEXT:
            row.input.edit.setPlainText(value)  # type: ignore[attr-defined]
        else:
            row.input.edit.setText(value)  # type: ignore[attr-defined]
    dialog.save_button.click()
    qtbot.waitUntil(lambda: editor.dialog is None)
    assert dialog.result() == QDialog.DialogCode.Accepted


def saved(services: AppServices, person_id: int) -> PlanOverview:
    return services.plan_overview(person_id)


def test_a_new_person_walks_all_eight_steps_agrees_and_a_change_starts_a_new_draft(
    qtbot: QtBot, database: Database
) -> None:
    services, person_id = new_person(database)
    window = open_session(services, person_id, qtbot)
    assert window.windowTitle() == "Plan — VocPlan"
    assert window.name_label.text() == "Siân Jones"
    assert window.current_section is PlanSection.ABOUT_TODAY
    assert window.step_states() == [(section, False) for section in PlanSection]

    # 1. About today: today's session, through the Add form; the care coordinator's name.
    page = window.page(PlanSection.ABOUT_TODAY)
    add_entry(qtbot, page.lists["sessions"], {"who_is_here": "Siân and Ann (care coordinator)"})
    type_line(page.forms["person"].row("care_coordinator"), "Ann Care")
    assert window.step_states()[0] == (PlanSection.ABOUT_TODAY, True)  # marked as it is written
    assert "✓ Something written" in window.steps_list.item(0).text()

    # 2. What matters to me, chosen in the list of steps.
    window.steps_list.setCurrentRow(1)
    assert window.current_section is PlanSection.PREFERENCES
    form = window.page(PlanSection.PREFERENCES).forms["preferences"]
    write_long(form.row("interests_in_my_words"), "Gardens, and quiet places.\nMaybe cafés.")
    type_line(form.row("hours_max"), "16")
    choose(form.row("noise"), "quiet")
    assert window.status_label.text() == "Saved"

    # 3. What I bring, with the Next button: a qualification through the Add form.
    window.next_button.click()
    assert window.current_section is PlanSection.BACKGROUND
    editor = window.page(PlanSection.BACKGROUND).lists["qualifications"]
    add_entry(qtbot, editor, {"title": "GCSE English", "year": "2010"})
    assert editor.list.count() == 1
    assert "GCSE English" in editor.list.item(0).text()

    # 4. Options, with Page Down from the list of steps.
    window.steps_list.setFocus()
    qtbot.keyClick(window.steps_list, Qt.Key.Key_PageDown)
    assert window.current_section is PlanSection.OPTIONS
    add_entry(
        qtbot,
        window.page(PlanSection.OPTIONS).lists["options"],
        {"kind": "volunteering", "title": "Garden volunteer", "pay_hourly_pence": ""},
    )

    # 5. Money, with Ctrl+5's action: a tick and an amount in pounds.
    window.step_actions[4].trigger()
    assert window.current_section is PlanSection.MONEY
    money = window.page(PlanSection.MONEY).forms["money"]
    money.row("universal_credit").input.check.click()  # type: ignore[attr-defined]
    type_line(money.row("rent_monthly_pence"), "450.50")

    # 6, 7 and 8 with Next.
    window.next_action.trigger()
    write_long(
        window.page(PlanSection.STAYING_WELL).forms["wellbeing"].row("keeps_me_well"),
        "Walking the dog",
    )
    window.next_action.trigger()
    my_plan = window.page(PlanSection.MY_PLAN)
    add_entry(qtbot, my_plan.lists["goals"], {"what": "Volunteer in a garden"})
    choose(my_plan.forms["plan"].row("pathway_stage"), "vocational_profiling")
    window.next_action.trigger()
    assert window.current_section is PlanSection.AGREEMENT
    agreement_page = window.page(PlanSection.AGREEMENT)
    write_long(agreement_page.forms["agreement"].row("not_agreed"), "How many hours to start with")
    agree = agreement_page.panel(AgreePanel)
    assert isinstance(agree, AgreePanel)
    assert agree.rows["person_name"].input.value() == "Siân Jones"
    type_line(agree.rows["worker_name"], "Ann Care")
    type_line(agree.rows["worker_role"], "Care coordinator")
    agree.agree_button.click()

    overview = saved(services, person_id)
    assert overview.status is PlanStatus.AGREED
    assert [version.number for version in overview.versions] == [1]
    document = overview.document
    assert document["person"]["care_coordinator"] == "Ann Care"
    assert document["preferences"]["interests_in_my_words"] == (
        "Gardens, and quiet places.\nMaybe cafés."
    )
    assert document["preferences"]["hours_max"] == 16.0
    assert document["preferences"]["noise"] == "quiet"
    assert document["qualifications"][0]["year"] == 2010
    assert document["options"][0]["kind"] == "volunteering"
    assert document["money"]["universal_credit"] is True
    assert document["money"]["rent_monthly_pence"] == 45050
    assert document["wellbeing"]["keeps_me_well"] == "Walking the dog"
    assert document["goals"][0]["what"] == "Volunteer in a garden"
    assert document["plan"]["pathway_stage"] == "vocational_profiling"
    assert document["plan"]["not_agreed"] == "How many hours to start with"
    assert document["versions"][0]["worker_role"] == "Care coordinator"
    assert window.plan_state_label.text() == "Agreed — version 1"
    assert window.status_label.text() == "Agreed — version 1"
    assert window.step_states() == [(section, True) for section in PlanSection]
    assert not window.controller.undo_stack.canUndo()  # undo cannot quietly un-agree it
    assert not agree.form.isVisible()  # nothing new to agree

    # Change one answer: the agreed version stays; a new draft starts; the change is named.
    window.step_actions[1].trigger()
    write_long(form.row("interests_in_my_words"), "Gardens.")
    overview = saved(services, person_id)
    assert overview.status is PlanStatus.DRAFT
    assert len(overview.versions) == 1
    assert window.plan_state_label.text() == "Draft — changed since version 1 was agreed"
    window.step_actions[7].trigger()
    changes = agreement_page.panel(ChangesPanel)
    assert isinstance(changes, ChangesPanel)
    assert any("What interests me, in my words" in change for change in changes.changes)
    assert "What interests me, in my words" in changes.text.text()
    assert agree.agree_button.isEnabled() and agree.form.isVisible()


def test_undo_and_redo_take_back_and_remake_saved_changes(qtbot: QtBot, database: Database) -> None:
    services, person_id = new_person(database)
    window = open_session(services, person_id, qtbot)
    window.step_actions[5].trigger()
    page = window.page(PlanSection.STAYING_WELL)
    row = page.forms["wellbeing"].row("keeps_me_well")
    write_long(row, "Walk")
    write_long(row, "Walking every day")  # the same visit to the box: one change to undo
    assert saved(services, person_id).document["wellbeing"]["keeps_me_well"] == "Walking every day"
    assert window.undo_action.text() == "Undo change to What keeps me well"

    window.undo_action.trigger()
    assert saved(services, person_id).document["wellbeing"]["keeps_me_well"] == ""
    assert row.input.edit.toPlainText() == ""  # type: ignore[attr-defined]
    assert window.redo_action.text() == "Redo change to What keeps me well"
    window.redo_action.trigger()
    assert saved(services, person_id).document["wellbeing"]["keeps_me_well"] == "Walking every day"
    assert row.input.edit.toPlainText() == "Walking every day"  # type: ignore[attr-defined]

    editor = page.lists["adjustments"]
    add_entry(qtbot, editor, {"description": "A quiet place to work"})
    add_entry(qtbot, editor, {"description": "Time off for appointments"})
    first_uid = saved(services, person_id).document["adjustments"][0]["uid"]
    editor.list.setCurrentRow(0)
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)  # asks nothing
    assert window.status_label.text() == "Removed — Undo with Ctrl+Z"
    remaining = saved(services, person_id).document["adjustments"]
    assert [item["description"] for item in remaining] == ["Time off for appointments"]
    assert editor.list.count() == 1

    window.step_actions[0].trigger()  # undo works from any step, and shows the step it changed
    assert window.undo_action.text() == "Undo removing from Changes I could ask for"
    window.undo_action.trigger()
    assert window.current_section is PlanSection.STAYING_WELL
    restored = saved(services, person_id).document["adjustments"]
    assert restored[0]["uid"] == first_uid  # back where it was, the same entry
    assert [item["description"] for item in restored] == [
        "A quiet place to work",
        "Time off for appointments",
    ]
    assert editor.list.count() == 2
    window.redo_action.trigger()
    assert len(saved(services, person_id).document["adjustments"]) == 1
    window.undo_action.trigger()
    window.undo_action.trigger()  # and the second entry's adding
    assert len(saved(services, person_id).document["adjustments"]) == 1
    assert saved(services, person_id).document["wellbeing"]["keeps_me_well"] == (
        "Walking every day"
    )


def test_a_word_in_a_number_box_is_explained_at_the_box_and_nothing_is_lost(
    qtbot: QtBot, database: Database
) -> None:
    services, person_id = new_person(database)
    window = open_session(services, person_id, qtbot)
    window.step_actions[1].trigger()
    form = window.page(PlanSection.PREFERENCES).forms["preferences"]
    write_long(form.row("days_and_times"), "Afternoons")
    type_line(form.row("hours_min"), "8")

    hours = form.row("hours_max")
    type_line(hours, "abc")
    assert hours.error_label.isVisible()
    assert hours.error_label.text() == "⚠ Type a number, for example 7.5."
    assert hours.focus_widget.accessibleDescription() == "Type a number, for example 7.5."
    assert window.status_label.text() == "Not saved: Type a number, for example 7.5."
    assert hours.input.edit.text() == "abc"  # type: ignore[attr-defined]

    write_long(form.row("things_to_avoid"), "Crowds")  # another answer saved meanwhile
    assert hours.input.edit.text() == "abc"  # type: ignore[attr-defined]  # still as typed
    preferences = saved(services, person_id).document["preferences"]
    assert preferences["days_and_times"] == "Afternoons"
    assert preferences["hours_min"] == 8.0
    assert preferences["hours_max"] is None
    assert preferences["things_to_avoid"] == "Crowds"

    type_line(hours, "500")
    assert hours.error_label.text() == "⚠ Type a number from 0 to 80."
    type_line(hours, "16")
    assert not hours.error_label.isVisible()
    assert saved(services, person_id).document["preferences"]["hours_max"] == 16.0

    window.step_actions[4].trigger()
    rent = window.page(PlanSection.MONEY).forms["money"].row("rent_monthly_pence")
    before = saved(services, person_id).document["money"]["rent_monthly_pence"]
    type_line(rent, "450.5x")
    assert rent.error_label.text() == "⚠ Type an amount in pounds, for example 12.50."
    assert saved(services, person_id).document["money"]["rent_monthly_pence"] == before


def test_closing_saves_what_is_being_typed_and_reopening_goes_back_to_that_step(
    qtbot: QtBot, database: Database
) -> None:
    services, person_id = new_person(database)
    window = open_session(services, person_id, qtbot)
    window.step_actions[4].trigger()
    notes = window.page(PlanSection.MONEY).forms["money"].row("notes")
    notes.input.edit.setPlainText("Ask about Council Tax Reduction")  # type: ignore[attr-defined]
    assert notes.save_timer.isActive()  # typed, not saved yet
    closed: list[int] = []
    window.closed.connect(closed.append)
    window.close()
    assert closed == [person_id]

    overview = saved(services, person_id)
    assert overview.document["money"]["notes"] == "Ask about Council Tax Reduction"
    assert overview.last_section is PlanSection.MONEY
    again = open_session(services, person_id, qtbot)
    assert again.current_section is PlanSection.MONEY
    assert again.steps_list.currentRow() == 4
    assert again.page_stack.currentWidget() is again.page(PlanSection.MONEY)


def test_dates_in_list_entries_say_what_they_are_and_past_expiry_is_named() -> None:
    from ui.session.lists import item_facts
    from vocplan.plan_fields import PART_SPECS

    spec = PART_SPECS["certificates"]
    card = {"title": "ECS card", "obtained_on": "2018-11-23", "expires_on": "2023-11-23"}
    facts = item_facts(spec, card, {}, frozenset())
    assert "When I got it: 23/11/2018" in facts
    assert "Ran out on 23/11/2023" in facts
    card["expires_on"] = "2099-01-01"
    assert "When it runs out: 01/01/2099" in item_facts(spec, card, {}, frozenset())
