"""Setting up, signing in and locking, as a person at the keyboard meets them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import ui.app
from tests.conftest import FAST_KDF, TEST_PASSPHRASE, files_of, protect
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
from ui.security.lock import COVER_COLOUR, LOCKED_TITLE, Cover, LockManager
from ui.security.passphrase_forms import SetUpDialog, SignInDialog
from vocplan.security.folder import FolderState, check_again, set_up, unlock
from vocplan.security.keyfile import KeyFile, Mode, Role
from vocplan.startup import StartOptions


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
        window.close()

    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    original_attach = ui.app.MainWindow.attach

    def attach(window: ui.app.MainWindow, services: object) -> None:
        original_attach(window, services)  # type: ignore[arg-type]
        ui.app.QTimer.singleShot(0, lambda: when_shown(window))

    monkeypatch.setattr(ui.app.MainWindow, "attach", attach)
    assert ui.app.run(options) == 0
    assert seen == {"staff": True, "lock": True, "admin": True}


def test_closing_the_sign_in_closes_the_app_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    options = StartOptions.resolve(str(folder))
    monkeypatch.setattr(SetUpDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert ui.app.run(options) == 0
    assert not (folder / "vocplan-keys.json").exists()
    assert not (folder / "vocplan.db").exists()
