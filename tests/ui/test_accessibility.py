"""Every control in the guided session has a name a screen reader can say and a keyboard path."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.services import AppServices
from ui.session.window import SessionWindow
from vocplan.demo import load_demo
from vocplan.domain.enums import PlanSection
from vocplan.storage.database import Database

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView)


def spoken_name(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    return ""


def control_problems(window: QWidget, where: str) -> tuple[int, set[str]]:
    """How many visible controls were checked, and which lack a name or a keyboard path."""
    problems: set[str] = set()
    checked = 0
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not isinstance(widget, (*INPUTS, QAbstractButton)):
            continue
        if isinstance(widget, QHeaderView):
            continue  # part of its table, which announces the column names
        checked += 1
        name = f"{where}: {type(widget).__name__} {widget.objectName()!r}"
        if not spoken_name(widget).strip():
            problems.add(f"{name} has no accessible name")
        if widget.isEnabled() and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            problems.add(f"{name} cannot be reached with the keyboard")
    return checked, problems


def test_the_main_window_directory_and_person_form_are_named_and_reachable(
    qtbot: QtBot, database: Database
) -> None:
    from ui.directory_window import DirectoryWindow
    from ui.main_window import MainWindow
    from ui.person_dialog import PersonDialog

    load_demo(database, today=date(2026, 11, 23))
    services = AppServices(database)
    main = MainWindow()
    qtbot.addWidget(main)
    main.attach(services)
    directory = DirectoryWindow(services)
    qtbot.addWidget(directory)
    form = PersonDialog(services)
    qtbot.addWidget(form)
    total = 0
    problems: set[str] = set()
    for window, where in ((main, "main window"), (directory, "directory"), (form, "add a person")):
        window.show()
        checked, found = control_problems(window, where)
        total += checked
        problems |= found
    assert total > 15
    assert sorted(problems) == []


def test_every_control_in_every_step_is_named_and_reachable(
    qtbot: QtBot, database: Database
) -> None:
    people = load_demo(database, today=date(2026, 11, 23))
    aisha = next(person for person in people if person.full_name == "Aisha Rahman")
    services = AppServices(database)
    window = SessionWindow(services.session_services(aisha.id), services.plan_overview(aisha.id))
    qtbot.addWidget(window)
    window.show()
    problems: set[str] = set()
    checked = 0
    for section in PlanSection:
        window.go_to(section, remember=False)
        counted, found = control_problems(window, section.value)
        checked += counted
        problems |= found
    assert checked > 100  # the steps were really built
    assert sorted(problems) == []


def mnemonics(window: QWidget) -> list[str]:
    """The Alt+letter keys of the window's visible labels and buttons, one per control."""
    import re

    from PySide6.QtWidgets import QLabel

    keys = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisibleTo(window):
            found = re.search(r"&([^&])", widget.text().replace("&&", ""))
            if found:
                keys.append(found.group(1).lower())
    return keys


def test_the_security_dialogs_are_named_reachable_and_have_distinct_alt_keys(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.conftest import files_of, open_folder, protect
    from ui.plan_files import PassphraseDialog
    from ui.security.admin import AdminDialog, NewPassphraseDialog
    from ui.security.change_passphrase import ChangePassphraseDialog
    from ui.security.passphrase_forms import SetUpDialog, SignInDialog
    from vocplan.security.keyfile import Mode

    set_up = SetUpDialog(lambda *_a: None, has_plans=False)  # type: ignore[arg-type, return-value]
    set_up.clinic.setChecked(True)
    dialogs: list[tuple[QWidget, str]] = [
        (set_up, "set up"),
        (SignInDialog(lambda *_a: None, staff=["A", "B"]), "sign in"),  # type: ignore[arg-type, return-value]
        (SignInDialog(lambda *_a: None, locked_as="A"), "lock screen"),  # type: ignore[arg-type, return-value]
        (PassphraseDialog(None, new=True), "take-home passphrase"),
        (NewPassphraseDialog("Add", ask_name=True), "add staff"),
        (ChangePassphraseDialog(lambda *_a: None), "change my passphrase"),
    ]
    unlocked = protect(tmp_path, name="Sam Admin")
    database = open_folder(tmp_path)
    admin = AdminDialog(AppServices(database, files_of(tmp_path), unlocked), Mode.CLINIC, None)
    problems: set[str] = set()
    for dialog, where in [*dialogs, (admin, "administration")]:
        qtbot.addWidget(dialog)
        dialog.show()
        pages = dialog.tabs.count() if isinstance(dialog, AdminDialog) else 1
        for page in range(pages):
            if isinstance(dialog, AdminDialog):
                dialog.tabs.setCurrentIndex(page)
            problems |= control_problems(dialog, f"{where} {page}")[1]
            keys = mnemonics(dialog)
            if len(keys) != len(set(keys)):
                problems.add(f"{where} {page}: the same Alt key twice in {sorted(keys)}")
    database.close()
    assert sorted(problems) == []
