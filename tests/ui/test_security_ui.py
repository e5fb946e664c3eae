"""Setting up, signing in and locking, as a person at the keyboard meets them."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import ui.app
from tests.conftest import FAST_KDF, TEST_PASSPHRASE, files_holding, files_of, protect
from ui.qt import (
    QApplication,
    QColor,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.security.change_passphrase import ChangePassphraseDialog
from ui.security.lock import COVER_COLOUR, LOCKED_TITLE, Cover, LockManager
from ui.security.passphrase_forms import SetUpDialog, SignInDialog
from vocplan.security.errors import TooManyAttempts
from vocplan.security.folder import FolderState, check_again, set_up, unlock
from vocplan.security.keyfile import KeyFile, Mode, Role, Unlocked
from vocplan.security.throttle import wait_after
from vocplan.startup import StartOptions
from vocplan.storage.database import Database


def test_first_run_explains_both_modes_and_sets_up_a_clinic(qtbot: QtBot, tmp_path: Path) -> None:
    files = files_of(tmp_path)
    dialog = SetUpDialog(
        lambda mode, name, passphrase: set_up(files, mode, name, passphrase, kdf=FAST_KDF),
        has_plans=False,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "own plan" in texts and "each member of staff" in texts
    assert not dialog.name_edit.isVisible()  # Personal is the default: no name needed
    dialog.clinic.click()
    assert dialog.name_edit.isVisible()

    dialog.passphrase_edit.setText("team passphrase")
    dialog.again_edit.setText("team passphrase")
    dialog.accept_button.click()
    assert dialog.message.isVisible() and "name" in dialog.message.text()
    assert files.state() is FolderState.NEW

    dialog.name_edit.setText("Sam Admin")
    dialog.again_edit.setText("team passphrase typo")
    dialog.accept_button.click()
    assert "different" in dialog.message.text() and dialog.again_edit.text() == ""

    dialog.again_edit.setText("team passphrase")
    dialog.accept_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.unlocked is not None and dialog.unlocked.account.name == "Sam Admin"
    assert dialog.passphrase_edit.text() == ""  # not left in memory of the widget
    assert KeyFile.load(files.key_file).mode is Mode.CLINIC


def test_sign_in_keeps_the_dialog_open_on_a_wrong_passphrase_then_waits(
    qtbot: QtBot, tmp_path: Path
) -> None:
    protect(tmp_path, name="Sam Admin")
    keys = KeyFile.load(files_of(tmp_path).key_file)
    keys.add(
        keys.unlock(TEST_PASSPHRASE).key, "Jo Nurse", Role.STAFF, "jo passphrase", kdf=FAST_KDF
    )
    keys.save()
    files = files_of(tmp_path)
    dialog = SignInDialog(
        lambda passphrase, name: unlock(files, passphrase, name), staff=["Sam Admin", "Jo Nurse"]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name_combo is not None
    dialog.name_combo.setCurrentText("Jo Nurse")
    for _attempt in range(3):
        dialog.passphrase_edit.setText("not it")
        dialog.accept_button.click()
        assert dialog.isVisible() and "not right" in dialog.message.text()
        assert dialog.passphrase_edit.text() == ""
    dialog.passphrase_edit.setText("jo passphrase")
    dialog.accept_button.click()
    assert dialog.isVisible() and not dialog.accept_button.isEnabled()
    assert "try again in 2 seconds" in dialog.message.text()
    qtbot.waitUntil(dialog.accept_button.isEnabled, timeout=4000)
    dialog.passphrase_edit.setText("jo passphrase")
    dialog.accept_button.click()
    assert dialog.message.text() == "" or dialog.result() == QDialog.DialogCode.Accepted, (
        dialog.message.text()
    )
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.unlocked is not None and dialog.unlocked.account.name == "Jo Nurse"


def test_idle_time_locks_everything_and_unlocking_returns_to_the_same_place(
    qtbot: QtBot, tmp_path: Path
) -> None:
    unlocked = protect(tmp_path, name="Sam Admin")
    files = files_of(tmp_path)
    window = QMainWindow()
    window.setWindowTitle("Plan — VocPlan")
    page = QWidget(window)
    edit = QLineEdit(page)
    QVBoxLayout(page).addWidget(edit)
    window.setCentralWidget(page)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    edit.setFocus()
    qtbot.keyClicks(edit, "half-typed note")

    now = [100.0]
    manager = LockManager(
        unlocked,
        lambda passphrase: check_again(files, unlocked, passphrase),
        minutes=5,
        has_staff=True,
        clock=lambda: now[0],
    )
    try:
        now[0] += 299
        manager.check_idle()
        assert not manager.is_locked
        qtbot.keyClick(edit, Qt.Key.Key_Space)  # input starts the five minutes again
        now[0] += 200
        manager.check_idle()
        assert not manager.is_locked
        now[0] += 100
        manager.check_idle()
        assert manager.is_locked

        assert window.windowTitle() == LOCKED_TITLE
        covers = window.findChildren(Cover)
        assert len(covers) == 1 and covers[0].isVisible()
        assert covers[0].geometry() == window.rect()
        image = window.grab().toImage()
        top = {  # the top quarter, above the "locked" words: nothing of the window shows
            image.pixel(x, y)
            for x in range(0, image.width(), 3)
            for y in range(0, image.height() // 4, 3)
        }
        assert top == {QColor(COVER_COLOUR).rgb()}
        screen = manager.lock_screen
        assert screen is not None and screen.isVisible()
        assert screen.windowModality() == Qt.WindowModality.ApplicationModal
        assert "Sam Admin" in " ".join(label.text() for label in screen.findChildren(QLabel))

        screen.passphrase_edit.setText("wrong passphrase")
        screen.accept_button.click()
        assert manager.is_locked and "not right" in screen.message.text()
        screen.passphrase_edit.setText(TEST_PASSPHRASE)
        screen.accept_button.click()
        qtbot.waitUntil(lambda: not manager.is_locked)
        assert window.windowTitle() == "Plan — VocPlan"
        assert not window.findChildren(Cover)
        assert edit.text() == "half-typed note "
        qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    finally:
        manager.stop()


def test_ctrl_l_locks_from_any_window(qtbot: QtBot, tmp_path: Path) -> None:
    unlocked = protect(tmp_path)
    window = QLineEdit()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    manager = LockManager(unlocked, lambda _p: None, minutes=5, has_staff=False)
    try:
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert manager.is_locked and window.text() == ""
        assert manager.lock_screen is not None
        manager.lock_screen.passphrase_edit.setText("anything")
        manager.lock_screen.accept_button.click()
        qtbot.waitUntil(lambda: not manager.is_locked)
    finally:
        manager.stop()


def test_the_app_signs_in_shows_the_people_and_puts_the_name_on_changes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    protect(folder, name="Sam Admin")
    options = StartOptions.resolve(str(folder))
    seen: dict[str, object] = {}

    def sign_in(dialog: SignInDialog) -> int:
        seen["staff"] = dialog.name_combo is not None
        dialog.passphrase_edit.setText(TEST_PASSPHRASE)
        dialog.accept_button.click()
        return dialog.result()

    def when_shown(window: ui.app.MainWindow) -> None:
        seen["lock"] = window.lock_button.isVisible()
        seen["admin"] = hasattr(window, "admin_action")
        keys = [
            found.group(1).lower()
            for action in window.people_menu.actions()
            if (found := re.search(r"&([^&])", action.text()))
        ]
        seen["menu"] = len(keys) == len(set(keys))
        window.change_passphrase_action.trigger()
        change = window.findChild(ChangePassphraseDialog)
        change.current_edit.setText(TEST_PASSPHRASE)
        change.pair.first.setText("Sam's new passphrase")
        change.pair.again.setText("Sam's new passphrase")
        qtbot.keyClick(change.pair.again, Qt.Key.Key_Return)
        seen["changed"] = window.statusBar().currentMessage()
        window.close()

    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    original_attach = ui.app.MainWindow.attach

    def attach(window: ui.app.MainWindow, services: object) -> None:
        original_attach(window, services)  # type: ignore[arg-type]
        ui.app.QTimer.singleShot(0, lambda: when_shown(window))

    monkeypatch.setattr(ui.app.MainWindow, "attach", attach)
    assert ui.app.run(options) == 0
    assert seen == {
        "staff": True,
        "lock": True,
        "admin": True,
        "menu": True,
        "changed": "Your passphrase is changed. Use the new one from now on.",
    }
    unlocked = unlock(files_of(folder), "Sam's new passphrase", "Sam Admin")
    assert unlocked.account.is_admin
    from vocplan.services import audit
    from vocplan.storage.database import open_database

    database = open_database(f"sqlite:///{folder / 'vocplan.db'}", key=unlocked.key)
    newest = audit.events(database, limit=1)[0]
    database.close()
    assert (newest.actor, newest.action, newest.detail) == (
        "Sam Admin",
        "staff",
        "changed own passphrase",
    )


def test_closing_the_sign_in_closes_the_app_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    options = StartOptions.resolve(str(folder))
    monkeypatch.setattr(SetUpDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert ui.app.run(options) == 0
    assert not (folder / "vocplan-keys.json").exists()
    assert not (folder / "vocplan.db").exists()


def test_running_the_app_leaves_a_distinctive_name_and_plan_text_in_no_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole app, as `vocplan` starts it (logs and crash handler too), then closed."""
    import logging
    import sys
    import tempfile

    from vocplan.cli import main
    from vocplan.services.people import PersonInput

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app installs its own
    name, plan_text = "Quentavia Brimblecombe", "marmaladeotter ceramics apprenticeship"
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    for variable in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(variable, str(temp))
    folder = tmp_path / "data"
    protect(folder, name="Sam Admin")
    titles: list[str] = []

    def sign_in(dialog: SignInDialog) -> int:
        dialog.passphrase_edit.setText(TEST_PASSPHRASE)
        dialog.accept_button.click()
        return dialog.result()

    def use(window: ui.app.MainWindow) -> None:
        services = window._require_services()
        person = services.add_person(PersonInput(full_name=name))
        window.refresh_people(select_person_id=person.id)
        window.open_action.trigger()
        session = window.session_windows[person.id]
        session.controller.services.save_fields("plan", {"not_agreed": plan_text})
        assert window.lock_manager is not None
        window.lock_manager.lock()
        titles.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
        QApplication.closeAllWindows()

    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    original_attach = ui.app.MainWindow.attach

    def attach(window: ui.app.MainWindow, services: object) -> None:
        original_attach(window, services)  # type: ignore[arg-type]
        ui.app.QTimer.singleShot(0, lambda: use(window))

    monkeypatch.setattr(ui.app.MainWindow, "attach", attach)
    try:
        assert main(["--data-dir", str(folder)]) == 0
    finally:
        for handler in logging.getLogger().handlers[:]:
            if isinstance(handler, logging.FileHandler):
                handler.close()
                logging.getLogger().removeHandler(handler)
    assert titles and not any(name in title or "Quentavia" in title for title in titles)
    assert (folder / "logs").is_dir() and list((folder / "logs").iterdir())
    needles = (name, plan_text, "Quentavia", "marmaladeotter")
    assert files_holding(folder, *needles) == [] and files_holding(temp, *needles) == []
    # And the text really was saved: it is there once the data is unlocked.
    from tests.conftest import open_folder
    from vocplan.services.people import list_people

    database = open_folder(folder)
    try:
        assert [person.full_name for person in list_people(database)] == [name]
    finally:
        database.close()


def test_the_desktop_locking_locks_vocplan_on_windows_and_linux_messages(qtbot: QtBot) -> None:
    import ctypes
    from ctypes import wintypes

    from ui.security.desktop_lock import (
        WM_WTSSESSION_CHANGE,
        WTS_SESSION_LOCK,
        WindowsSessionFilter,
        _DBusListener,
    )

    locked: list[str] = []
    windows = WindowsSessionFilter(lambda: locked.append("windows"))
    message = wintypes.MSG()
    message.message, message.wParam = WM_WTSSESSION_CHANGE, 0x8  # unlocked: nothing to do
    address = ctypes.addressof(message)
    assert windows.nativeEventFilter(b"windows_generic_MSG", address) == (False, 0)
    message.wParam = WTS_SESSION_LOCK
    windows.nativeEventFilter(b"xcb_generic_event_t", address)  # not a Windows message
    assert locked == []
    windows.nativeEventFilter(b"windows_generic_MSG", address)
    assert locked == ["windows"]

    listener = _DBusListener(lambda: locked.append("dbus"))
    listener.active_changed(False)  # the screensaver went away: stay as we are
    listener.active_changed(True)
    assert locked == ["windows", "dbus"]


def test_a_window_that_opens_while_locked_is_covered_and_takes_no_input(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.qt import QMessageBox

    unlocked = protect(tmp_path)
    manager = LockManager(unlocked, lambda _p: None, minutes=5, has_staff=False)
    try:
        manager.lock()
        box = QMessageBox(QMessageBox.Icon.Question, "Import a plan file", "Add Jane Doe?")
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        answers: list[int] = []
        box.finished.connect(answers.append)
        qtbot.addWidget(box)
        box.show()
        assert box.windowTitle() == LOCKED_TITLE and box.findChildren(Cover)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        assert answers == [] and box.isVisible()
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is manager.lock_screen)
        assert manager.lock_screen is not None
        manager.lock_screen.passphrase_edit.setText("anything")
        manager.lock_screen.accept_button.click()
        qtbot.waitUntil(lambda: not manager.is_locked)
        assert box.windowTitle() == "Import a plan file" and not box.findChildren(Cover)
        box.close()
    finally:
        manager.stop()


def test_a_damaged_attempt_count_never_locks_anyone_out_for_good(tmp_path: Path) -> None:
    protect(tmp_path)
    files = files_of(tmp_path)
    count = tmp_path / "unlock-attempts.json"
    count.write_text("")  # cut off by a power cut
    with pytest.raises(TooManyAttempts):
        unlock(files, TEST_PASSPHRASE)  # taken as the first wait, from when it was written
    os.utime(count, (1000.0, 1000.0))
    assert unlock(files, TEST_PASSPHRASE).key
    (tmp_path / "unlock-attempts.json").write_text('{"failures": 9, "last": 4102444800}')
    with pytest.raises(TooManyAttempts) as waiting:  # a clock far in the future: capped
        unlock(files, TEST_PASSPHRASE)
    assert waiting.value.seconds <= wait_after(9)


def test_escape_does_not_close_vocplan_from_the_lock_screen_but_the_close_button_does(
    qtbot: QtBot,
) -> None:
    closed: list[bool] = []
    screen = SignInDialog(lambda *_a: None, locked_as="Sam Admin")  # type: ignore[arg-type, return-value]
    qtbot.addWidget(screen)
    screen.rejected.connect(lambda: closed.append(True))
    screen.show()
    qtbot.keyClick(screen.passphrase_edit, Qt.Key.Key_Escape)
    assert closed == [] and screen.isVisible()
    from ui.qt import QPushButton

    close = next(b for b in screen.findChildren(QPushButton) if b.text() == "Close VocPlan")
    close.click()
    assert closed == [True]


def test_changing_my_passphrase_needs_the_current_one_and_keeps_the_dialog_on_a_mistake(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from functools import partial

    from vocplan.security import staff

    unlocked = protect(tmp_path, name="Sam Admin")
    files = files_of(tmp_path)
    change = partial(
        staff.change_own_passphrase, files, "Sam Admin", signed_in=unlocked, kdf=FAST_KDF
    )
    dialog = ChangePassphraseDialog(change)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.current_edit

    def save(current: str, new: str, again: str) -> None:
        dialog.current_edit.setText(current)
        dialog.pair.first.setText(new)
        dialog.pair.again.setText(again)
        qtbot.keyClick(dialog.pair.again, Qt.Key.Key_Return)

    save("not the passphrase", "a brand new passphrase", "a brand new passphrase")
    assert dialog.isVisible() and "not right" in dialog.message.text()
    assert dialog.current_edit.text() == "" and dialog.focusWidget() is dialog.current_edit
    save(TEST_PASSPHRASE, "a brand new passphrase", "a brand new passphrase, typo")
    assert dialog.isVisible() and "different" in dialog.message.text()
    save(TEST_PASSPHRASE, "short", "short")
    assert dialog.isVisible() and "at least" in dialog.message.text()
    assert dialog.focusWidget() is dialog.pair.first
    assert unlock(files, TEST_PASSPHRASE).key == unlocked.key  # nothing changed yet
    save(TEST_PASSPHRASE, "a brand new passphrase", "a brand new passphrase")
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert unlock(files, "a brand new passphrase").key == unlocked.key


def test_a_message_in_a_dialog_is_never_cut_off(qtbot: QtBot, database: Database) -> None:
    """Qt leaves a dialog's height alone when a wrapped message appears: the dialog must grow."""
    from ui.dialogs import ProblemLabel
    from ui.person_dialog import PersonDialog
    from ui.plan_files import PassphraseDialog
    from ui.security.admin import NewPassphraseDialog
    from ui.services import AppServices

    def nothing(*_args: object) -> Unlocked:
        raise AssertionError("not called")

    set_up = SetUpDialog(nothing, has_plans=True)
    set_up.clinic.setChecked(True)
    person = PersonDialog(AppServices(database, None, None))
    dialogs = [
        set_up,
        SignInDialog(nothing, staff=["Sam Admin", "Jo Nurse"]),
        SignInDialog(nothing, locked_as="Jo Nurse"),
        SignInDialog(nothing),
        PassphraseDialog(None, new=True),
        NewPassphraseDialog("Add", ask_name=True),
        ChangePassphraseDialog(nothing),
        person,
    ]
    long_message = " ".join(["This message is long enough to wrap over several lines."] * 4)
    cut_off: list[str] = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        if dialog is person:  # its messages sit in rows of their own: show them as it does
            person.line_edit("date_of_birth").setText("31/02/19x")
            person.save()
        else:
            for label in dialog.findChildren(ProblemLabel):
                label.setText(long_message)
                label.show()
        shown = [label for label in dialog.findChildren(ProblemLabel) if label.isVisible()]
        assert shown, type(dialog).__name__
        for label in dialog.findChildren(QLabel):
            wrapped = label.isVisible() and label.wordWrap()
            if wrapped and label.height() < label.heightForWidth(label.width()):
                cut_off.append(f"{type(dialog).__name__}: {label.text()[:40]}")
    person.line_edit("date_of_birth").clear()  # else closing it asks whether to discard
    assert cut_off == []
