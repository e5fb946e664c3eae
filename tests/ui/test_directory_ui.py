"""The local directory of services in the app: its window, CSV import and export, and pickers.

Two Qt tests drive the real windows; the rest are plain tests of the helpers
that name files and put an import's report into words.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui import directory_window
from ui.directory_window import (
    DirectoryTableModel,
    DirectoryWindow,
    export_file_name,
    import_summary,
    line_numbers_text,
    with_csv_suffix,
)
from ui.qt import QDialog
from ui.services import AppServices, DirectoryInput
from ui.session.directory_picker import same_name
from ui.session.lists import ItemDialog, ListEditor
from ui.session.window import SessionWindow
from vocplan.domain.enums import PlanSection, ServiceKind
from vocplan.services.directory import DirectoryRecord, ImportReport, SkippedRow
from vocplan.services.people import PersonInput
from vocplan.storage.database import Database

# --- plain helpers ---------------------------------------------------------------------


def test_the_export_file_is_named_for_what_it_is_and_the_day_never_a_person() -> None:
    assert export_file_name(date(2026, 11, 23)) == "vocplan-local-services-2026-11-23.csv"
    assert with_csv_suffix("/tmp/shared") == Path("/tmp/shared.csv")
    assert with_csv_suffix("/tmp/shared.CSV") == Path("/tmp/shared.CSV")


def test_an_import_is_summed_up_in_plain_sentences_with_plurals_and_lines() -> None:
    assert line_numbers_text([4]) == "4"
    assert line_numbers_text([4, 9, 12]) == "4, 9 and 12"
    report = ImportReport(added=12, skipped=(SkippedRow(4, "A"), SkippedRow(9, "B")))
    assert import_summary(report) == [
        "Added 12 services.",
        "Skipped 2 that were already there (lines 4 and 9).",
    ]
    one = ImportReport(added=1, updated=1, skipped=(SkippedRow(7, "A"),), encoding="cp1252")
    assert import_summary(one)[:3] == [
        "Added 1 service.",
        "Brought 1 service up to date.",
        "Skipped 1 that was already there (line 7).",
    ]
    assert "cp1252" in import_summary(one)[3]
    assert import_summary(ImportReport()) == [
        "The file had no services in it, so nothing was added."
    ]


def test_the_table_model_shows_each_service_as_a_row() -> None:
    record = DirectoryRecord(
        "u1", "Leeds Volunteer Centre", ServiceKind.VOLUNTEERING_CENTRE, "Leeds", "", "0113", "",
        "", "",
    )  # fmt: skip
    model = DirectoryTableModel()
    model.set_records([record])
    assert model.rowCount() == 1
    assert [model.index(0, column).data() for column in range(4)] == [
        "Leeds Volunteer Centre",
        "Volunteering centre",
        "Leeds",
        "0113",
    ]
    assert model.row_of("u1") == 0 and model.row_of("gone") is None


def test_a_picked_name_is_still_the_same_when_only_spaces_or_capitals_differ() -> None:
    assert same_name(" leeds  Volunteer centre", "Leeds Volunteer Centre")
    assert not same_name("Leeds Volunteers", "Leeds Volunteer Centre")
    assert not same_name(None, "Leeds Volunteer Centre")


# --- the directory window ----------------------------------------------------------------


def test_the_directory_window_finds_adds_removes_undoes_imports_and_exports(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = AppServices(database)
    assert services.load_starter_directory() is not None  # the starter list is only its header
    window = DirectoryWindow(services)
    qtbot.addWidget(window)
    window.refresh()
    window.show()
    assert window.is_showing_empty_state()
    assert window.empty_import_button.isVisible()

    services.add_service(DirectoryInput("Leeds Volunteer Centre", "volunteering_centre", "Leeds"))
    services.add_service(DirectoryInput("Park Lane College", "college", "Leeds"))
    window.refresh()
    assert not window.is_showing_empty_state()
    assert window.shown_names() == ["Leeds Volunteer Centre", "Park Lane College"]
    window.search_edit.setText("college")
    assert window.shown_names() == ["Park Lane College"]
    window.kind_combo.setCurrentIndex(window.kind_combo.findData("volunteering_centre"))
    assert window.shown_names() == []
    assert window.no_match_label.isVisible()
    assert window.count_label.text() == "Showing 0 of 2 services"
    window.search_edit.clear()
    window.kind_combo.setCurrentIndex(0)

    # Add through the form: a bad email is explained at its box and nothing is saved.
    window.add_button.click()
    dialog = window.service_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.line_edit("name").setText("Welfare Rights Leeds")
    kind: Any = dialog.inputs["kind"]
    kind.setCurrentIndex(kind.findData("welfare_rights"))
    dialog.line_edit("email").setText("advice at example")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error_text("email").startswith("⚠ This does not look like an email address")
    assert dialog.error_text("name") == ""
    assert "email address" in dialog.inputs["email"].accessibleDescription()
    assert len(services.list_services()) == 2
    dialog.line_edit("email").setText("advice@example.org.uk")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: window.service_dialog is None)
    added = window.current_record()
    assert added is not None and added.name == "Welfare Rights Leeds"
    assert added.kind is ServiceKind.WELFARE_RIGHTS

    # Remove at once; Undo removal puts it back with the same uid.
    window.remove_button.click()
    assert "Welfare Rights Leeds" not in window.shown_names()
    assert window.undo_button.isEnabled()
    window.undo_action.trigger()
    assert window.shown_names() == [
        "Leeds Volunteer Centre",
        "Park Lane College",
        "Welfare Rights Leeds",
    ]
    assert window.current_uid() == added.uid
    assert not window.undo_button.isEnabled()

    # A file with bad rows: every problem by line, and nothing imported.
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,kind,area\nLeeds Mind,other,Leeds\n,college,Leeds\nCorner Shop,shop,Leeds\n",
        encoding="utf-8",
    )
    chosen: list[Path] = [bad]
    monkeypatch.setattr(
        directory_window, "choose_file_to_import", lambda parent, folder: str(chosen[0])
    )
    window.import_button.click()
    assert window.import_dialog is not None
    window.import_dialog.choose_button.click()
    report = window.report_dialog
    assert report is not None and report.isVisible()
    assert report.windowTitle() == "Nothing was imported"
    assert "Nothing from it was imported" in report.message.text()
    assert report.lines()[0] == "Line 3: the name of the service is missing."
    assert report.lines()[1].startswith("Line 4: the kind “shop” is not one VocPlan knows.")
    assert len(report.lines()) == 2
    assert len(services.list_services()) == 3  # not even the good first row
    report.accept()

    # A good file: added, with the service already there skipped and named by its line.
    good = tmp_path / "good.csv"
    good.write_text(
        "name,kind,area,phone\nLeeds Mind,other,Leeds,0113 000\n"
        "Park Lane College,college,Leeds,0113 111\nJobcentre Plus Leeds,Jobcentre Plus,Leeds,\n",
        encoding="utf-8",
    )
    chosen[0] = good
    window.import_button.click()
    window.import_dialog.choose_button.click()
    report = window.report_dialog
    assert report is not None and report.windowTitle() == "The list was imported"
    assert report.message.text() == (
        "Added 2 services.\nSkipped 1 that was already there (line 3)."
    )
    assert window.shown_names() == [
        "Jobcentre Plus Leeds",
        "Leeds Mind",
        "Leeds Volunteer Centre",
        "Park Lane College",
        "Welfare Rights Leeds",
    ]
    report.accept()

    # Ticking "Update services that are already there" brings them up to date instead.
    window.import_button.click()
    window.import_dialog.update_check.setChecked(True)
    window.import_dialog.choose_button.click()
    assert window.report_dialog is not None
    assert window.report_dialog.message.text() == "Brought 3 services up to date."
    window.report_dialog.accept()
    college = next(s for s in services.list_services() if s.name == "Park Lane College")
    assert college.phone == "0113 111"

    # Export: a dated file name, and the rows match the list.
    suggested: list[Path] = []

    def choose_export(parent: object, suggestion: Path) -> str:
        suggested.append(suggestion)
        return str(tmp_path / "shared")

    monkeypatch.setattr(directory_window, "choose_file_to_export", choose_export)
    window.export_button.click()
    assert suggested[0].name == export_file_name(date.today())
    with (tmp_path / "shared.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["name"] for row in rows] == window.shown_names()
    assert rows[0]["kind"] == "jobcentre_plus"
    assert window.statusBar().currentMessage() == "Saved 5 services to shared.csv."


# --- picking from the directory in a plan -------------------------------------------------


def _edit_first(qtbot: QtBot, editor: ListEditor) -> ItemDialog:
    editor.list.setCurrentRow(0)
    editor.edit_button.click()
    dialog = editor.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _save(qtbot: QtBot, editor: ListEditor, dialog: ItemDialog) -> None:
    dialog.save_button.click()
    qtbot.waitUntil(lambda: editor.dialog is None)
    assert dialog.result() == QDialog.DialogCode.Accepted


def _pick(dialog: ItemDialog, field: str, uid: str, search: str) -> None:
    links = dialog.directory_links
    links.buttons[field].click()
    chooser = links.chooser
    assert chooser is not None and chooser.isVisible()
    chooser.search.setText(search)
    chooser.choose_uid(uid)
    chooser.choose_button.click()
    assert links.chooser is None


def test_picking_a_provider_saves_the_name_and_the_link_together_and_one_undo_clears_both(
    qtbot: QtBot, database: Database
) -> None:
    services = AppServices(database)
    person_id = services.add_person(PersonInput(full_name="Siân Jones")).id
    centre = services.add_service(
        DirectoryInput("Leeds Volunteer Centre", "volunteering_centre", "Leeds")
    )
    services.add_service(DirectoryInput("Park Lane College", "college", "Leeds"))
    window = SessionWindow(services.session_services(person_id), services.plan_overview(person_id))
    qtbot.addWidget(window)
    window.show()

    def option() -> dict[str, Any]:
        return services.plan_overview(person_id).document["options"][0]

    window.step_actions[3].trigger()
    editor = window.page(PlanSection.OPTIONS).lists["options"]
    editor.add_button.click()
    assert editor.dialog is not None
    kind: Any = editor.dialog.row("kind").input
    kind.combo.setCurrentIndex(kind.combo.findData("volunteering"))
    editor.dialog.row("title").input.edit.setText("Garden volunteer")  # type: ignore[attr-defined]
    _save(qtbot, editor, editor.dialog)
    assert option()["directory_uid"] is None

    dialog = _edit_first(qtbot, editor)
    _pick(dialog, "provider", centre.uid, "volunteer")
    assert dialog.row("provider").value() == "Leeds Volunteer Centre"
    assert dialog.directory_links.notes["provider"].text() == "✓ Picked from the local services."
    undo_steps = window.controller.undo_stack.count()
    _save(qtbot, editor, dialog)
    assert window.controller.undo_stack.count() == undo_steps + 1  # one change, one undo
    assert (option()["provider"], option()["directory_uid"]) == (
        "Leeds Volunteer Centre",
        centre.uid,
    )

    window.undo_action.trigger()
    assert (option()["provider"], option()["directory_uid"]) == ("", None)
    window.redo_action.trigger()
    assert option()["directory_uid"] == centre.uid

    # Opened again, the link is kept; typing a different name clears it when saved.
    dialog = _edit_first(qtbot, editor)
    assert dialog.directory_links.notes["provider"].isVisible()
    dialog.row("provider").input.edit.setText("Mum's friend's allotment")  # type: ignore[attr-defined]
    _save(qtbot, editor, dialog)
    assert (option()["provider"], option()["directory_uid"]) == ("Mum's friend's allotment", None)

    # A referral picked from the directory takes the service's kind too.
    window.step_actions[6].trigger()
    referrals = window.page(PlanSection.MY_PLAN).lists["referrals"]
    referrals.add_button.click()
    dialog = referrals.dialog
    assert dialog is not None
    _pick(dialog, "service_name", centre.uid, "")
    _save(qtbot, referrals, dialog)
    referral = services.plan_overview(person_id).document["referrals"][0]
    assert referral["service_name"] == "Leeds Volunteer Centre"
    assert referral["directory_uid"] == centre.uid
    assert referral["service_kind"] == "volunteering_centre"
