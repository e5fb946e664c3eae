"""Saving, printing and importing plans from the windows.

Two Qt tests drive the real windows with the modal dialogs monkeypatched and
the background helper synchronous; the rest are plain tests of the suggested
file name.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui import background, plan_files
from ui.main_window import MainWindow
from ui.plan_files import (
    ExportDialog,
    ImportDifferencesDialog,
    default_file_name,
)
from ui.qt import QDialog, QFileDialog, QMessageBox, QPrintDialog, QPrinter
from ui.services import AppServices
from ui.session.save_panel import SavePlanPanel
from ui.session.window import SessionWindow
from vocplan.demo import load_demo
from vocplan.domain.enums import PlanSection
from vocplan.export.json_plan import export_json
from vocplan.services.people import PersonInput, list_people
from vocplan.storage.database import Database, open_database

SAFE_NAME = re.compile(r"^vocational-plan(-easy-read)?-\d{4}-\d{2}-\d{2}-(v\d+|draft)\.(pdf|json)$")

# --- the suggested file name ----------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "version", "expected"),
    [
        ("pdf", 3, "vocational-plan-2026-11-23-v3.pdf"),
        ("pdf", None, "vocational-plan-2026-11-23-draft.pdf"),
        ("easy-read", 1, "vocational-plan-easy-read-2026-11-23-v1.pdf"),
        ("json", 2, "vocational-plan-2026-11-23-v2.json"),
        ("fhir", None, "vocational-plan-2026-11-23-draft.fhir.json"),
    ],
)
def test_the_suggested_file_name_says_the_kind_date_and_version(
    kind: str, version: int | None, expected: str
) -> None:
    assert default_file_name(kind, date(2026, 11, 23), version) == expected


def test_the_suggested_file_name_has_only_safe_characters() -> None:
    for kind in plan_files.KIND_BY_KEY:
        name = default_file_name(kind, date(2027, 1, 5), 12)
        assert re.fullmatch(r"[a-z0-9.-]+", name), name


# --- the windows --------------------------------------------------------------------------


@pytest.fixture
def synchronous(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "SYNCHRONOUS", True)


def test_step_8_saves_a_pdf_with_a_name_free_of_personal_data_and_prints(
    qtbot: QtBot,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    synchronous: None,
) -> None:
    services = AppServices(database)
    person_id = services.add_person(PersonInput(full_name="Siân Jones")).id
    window = SessionWindow(services.session_services(person_id), services.plan_overview(person_id))
    qtbot.addWidget(window)
    window.show()
    window.go_to(PlanSection.AGREEMENT)
    panel = window.page(PlanSection.AGREEMENT).panel(SavePlanPanel)
    assert isinstance(panel, SavePlanPanel)
    assert panel.save_button.accessibleName() and panel.print_button.accessibleName()

    suggested: list[str] = []
    target = tmp_path / "out" / "plan.pdf"
    target.parent.mkdir()

    def save_file_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
        suggested.append(str(args[2]))
        return str(target), ""

    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file_name)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    panel.save_button.click()

    assert target.read_bytes().startswith(b"%PDF")
    name = Path(suggested[0]).name
    assert SAFE_NAME.match(name), name
    assert "Si" not in name and "Jones" not in name
    assert name == default_file_name("pdf", date.today(), None)  # a draft: not agreed yet
    assert shown == ["Saved."]
    assert not [p for p in target.parent.iterdir() if p.name != "plan.pdf"]  # no temp left

    printed = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(plan_files, "new_printer", pdf_printer)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    panel.print_button.click()
    assert printed.read_bytes().startswith(b"%PDF")


def test_importing_adds_a_new_person_and_a_changed_plan_shows_differences_until_cancelled(
    qtbot: QtBot,
    database: Database,
    migrated_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    synchronous: None,
) -> None:
    other_path = tmp_path / "other" / "vocplan.db"
    other_path.parent.mkdir()
    shutil.copyfile(migrated_template, other_path)
    other = open_database(f"sqlite:///{other_path}")
    try:
        aisha = next(
            person
            for person in load_demo(other, today=date(2026, 11, 23))
            if person.full_name == "Aisha Rahman"
        )
        exported = export_json(other, aisha.id)
    finally:
        other.close()
    plan_file = tmp_path / "plan.json"
    plan_file.write_bytes(exported)

    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(AppServices(database))
    assert window.is_showing_empty_state()
    chosen = [str(plan_file)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (chosen[0], ""))
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window.import_action.trigger()
    assert asked == ["Add Aisha Rahman with their plan?"]
    people = list_people(database)
    assert [person.full_name for person in people] == ["Aisha Rahman"]
    assert window.is_showing_people() and window.selected_person_id() == people[0].id
    before = export_json(database, people[0].id)

    changed = json.loads(exported)
    changed["goals"][0]["what"] = "Get a paid job in a library"
    changed["person"]["address"] = "1 Somewhere Else"
    changed_file = tmp_path / "changed.json"
    changed_file.write_text(json.dumps(changed), encoding="utf-8")
    chosen[0] = str(changed_file)
    seen: list[str] = []

    def cancel(self: ImportDifferencesDialog) -> QDialog.DialogCode:
        seen.append(self.text())
        assert self.cancel_button.isDefault() and not self.replace_button.isDefault()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ImportDifferencesDialog, "exec", cancel)
    window.import_action.trigger()
    assert len(seen) == 1
    assert "Get a paid job in a library" in seen[0]
    assert "address" in seen[0]
    assert export_json(database, people[0].id) == before

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    (tmp_path / "not-a-plan.json").write_text("hello", encoding="utf-8")
    chosen[0] = str(tmp_path / "not-a-plan.json")
    window.import_action.trigger()
    assert warnings and "not a VocPlan plan" in warnings[0]
    assert export_json(database, people[0].id) == before


def test_a_take_home_file_saved_from_the_window_imports_with_a_choice_of_parts(
    qtbot: QtBot,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    synchronous: None,
) -> None:
    from vocplan.export import takehome
    from vocplan.export.takehome import read_takehome

    monkeypatch.setattr(takehome, "KDF_PARAMETERS", takehome.KdfParameters(1, 64, 1))
    aisha = next(
        p for p in load_demo(database, today=date(2026, 11, 23)) if p.full_name == "Aisha Rahman"
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(AppServices(database))
    window.refresh_people(select_person_id=aisha.id)

    target = tmp_path / "usb" / "plan.vocplan"
    target.parent.mkdir()
    monkeypatch.setattr(
        ExportDialog, "exec", lambda self: (self.buttons["vocplan"].setChecked(True), 1)[1]
    )
    monkeypatch.setattr(plan_files, "ask_passphrase", lambda _parent, new: "take it home please")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    window.save_plan_action.trigger()
    data = target.read_bytes()
    assert data.startswith(takehome.MAGIC) and b"Aisha" not in data
    document = read_takehome(data, "take it home please")
    assert document["person"]["full_name"] == "Aisha Rahman"

    # At home the goals and the preferences change; back at the clinic only the goals are taken.
    document["goals"][0]["what"] = "Work in a library, from home"
    document["preferences"]["interests_in_my_words"] = "Changed at home"
    target.write_bytes(takehome.write_takehome(document, "take it home please"))
    before = json.loads(export_json(database, aisha.id))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    chosen: list[set[PlanSection]] = []

    def only_the_plan(self: ImportDifferencesDialog) -> QDialog.DialogCode:
        assert set(self.section_boxes) == {PlanSection.PREFERENCES, PlanSection.MY_PLAN}
        self.section_boxes[PlanSection.PREFERENCES].setChecked(False)
        chosen.append(self.chosen_sections())
        assert self.replace_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDifferencesDialog, "exec", only_the_plan)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    window.import_action.trigger()
    assert warnings == [] and chosen == [{PlanSection.MY_PLAN}]
    after = json.loads(export_json(database, aisha.id))
    assert after["goals"][0]["what"] == "Work in a library, from home"
    assert after["preferences"] == before["preferences"]

    monkeypatch.setattr(plan_files, "ask_passphrase", lambda _parent, new: "not the passphrase")
    window.import_action.trigger()
    assert warnings and "passphrase is wrong" in warnings[0]
    assert json.loads(export_json(database, aisha.id)) == after


def test_file_dialogs_are_qt_s_own_so_no_recent_files_list_keeps_a_typed_name(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.file_dialogs import ask_open_path, ask_save_path
    from ui.qt import QApplication, QTimer

    seen: list[tuple[bool, bool]] = []

    def answer(name: str) -> None:
        dialog = QApplication.activeModalWidget()
        is_file_dialog = isinstance(dialog, QFileDialog)
        seen.append(
            (
                is_file_dialog,
                is_file_dialog and dialog.testOption(QFileDialog.Option.DontUseNativeDialog),
            )
        )
        if isinstance(dialog, QFileDialog):
            dialog.selectFile(str(tmp_path / name))
            dialog.accept()

    QTimer.singleShot(0, lambda: answer("Jo Bloggs plan.pdf"))
    chosen = ask_save_path(None, "Save", tmp_path / "plan.pdf", "PDF files (*.pdf)")
    assert chosen == str(tmp_path / "Jo Bloggs plan.pdf")
    (tmp_path / "services.csv").write_text("name\n", encoding="utf-8")
    QTimer.singleShot(0, lambda: answer("services.csv"))
    chosen = ask_open_path(None, "Open", tmp_path, "CSV files (*.csv)")
    assert chosen == str(tmp_path / "services.csv")
    assert seen == [(True, True), (True, True)]
