"""The set-up and sign-in dialogs: the first things VocPlan asks, before any plan shows.

Both run the slow step (Argon2id, about a quarter of a second) themselves,
with a wait cursor, and keep the dialog open with a plain message when it
fails, so a mistyped passphrase costs nothing but typing it again.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

from ui.dialogs import problem_label
from ui.qt import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ui.style import heading_font
from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _, ngettext
from vocplan.security.errors import AlreadySetUp, TooManyAttempts
from vocplan.security.keyfile import Mode, Unlocked

SetUpAction = Callable[[Mode, str, str], Unlocked]
"""Sets up the folder: mode, the first name (Clinic), the passphrase."""
UnlockAction = Callable[[str, str | None], Unlocked]
"""Unlocks: passphrase, and the member of staff's name (Clinic)."""


def passphrase_edit(parent: QWidget, accessible: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible)
    # No input method or autocompletion may keep what is typed here.
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
    )
    return edit


def message_label(parent: QWidget) -> QLabel:
    """Where a dialog says what went wrong; plain text, since it may quote a typed name."""
    label = problem_label(parent, bold=True)
    label.setObjectName("problem")
    label.setAccessibleName(_("Problem"))
    return label


class PassphrasePair:
    """A new passphrase typed twice, as two rows of ``form``."""

    def __init__(self, parent: QWidget, form: QFormLayout, label: str) -> None:
        self.first = passphrase_edit(parent, _("Passphrase"))
        first_label = QLabel(label, parent)
        first_label.setBuddy(self.first)
        form.addRow(first_label, self.first)
        self.again = passphrase_edit(parent, _("Passphrase again"))
        again_label = QLabel(_("The same a&gain:"), parent)
        again_label.setBuddy(self.again)
        form.addRow(again_label, self.again)

    def mismatch(self) -> str | None:
        """What to tell the person when the two differ (the second is cleared); else None."""
        if self.first.text() == self.again.text():
            return None
        self.again.clear()
        return _("The two passphrases are different. Type it again.")

    def clear(self) -> None:
        self.first.clear()
        self.again.clear()


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(heading_font(label, 1.3))
    label.setWordWrap(True)
    return label


def _note(text: str, parent: QWidget, *, under_choice: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if under_choice:
        label.setIndent(24)  # lines up with the text of the choice above it
        label.setContentsMargins(0, 0, 0, 6)
    return label


def _buttons(
    dialog: QDialog, accept_text: str, on_accept: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(dialog)
    accept = QPushButton(accept_text, dialog)
    accept.setDefault(True)
    close = QPushButton(_("Close VocPlan"), dialog)
    box.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(on_accept)
    box.rejected.connect(dialog.reject)
    return box, accept


class SetUpDialog(QDialog):
    """First run: Clinic or Personal, in plain words, and the first passphrase."""

    def __init__(
        self, set_up: SetUpAction, *, has_plans: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._set_up = set_up
        self.unlocked: Unlocked | None = None
        self.setWindowTitle(_("Set up VocPlan"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(_("How will VocPlan be used on this computer?"), self))

        self.personal = QRadioButton(_("&Personal: just me"), self)
        self.personal.setAccessibleDescription(
            _("For one person working on their own plan, for example on their own laptop.")
        )
        self.clinic = QRadioButton(_("&Clinic: a team sharing this computer"), self)
        self.clinic.setAccessibleDescription(
            _("Each member of staff has their own passphrase; VocPlan holds many plans.")
        )
        group = QButtonGroup(self)
        for button in (self.personal, self.clinic):
            group.addButton(button)
        layout.addWidget(self.personal)
        layout.addWidget(
            _note(
                _(
                    "For one person working on their own plan, for example at home on their "
                    "own laptop. One passphrase opens it."
                ),
                self,
                under_choice=True,
            )
        )
        layout.addWidget(self.clinic)
        layout.addWidget(
            _note(
                _(
                    "For a team: VocPlan holds many people's plans and each member of staff "
                    "opens it with their own passphrase. You will be the administrator, who "
                    "adds the rest of the team."
                ),
                self,
                under_choice=True,
            )
        )

        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(_("Your name"))
        self.name_label = QLabel(_("Your &name:"), self)
        self.name_label.setBuddy(self.name_edit)
        form.addRow(self.name_label, self.name_edit)
        self.pair = PassphrasePair(self, form, _("P&assphrase:"))
        self.passphrase_edit, self.again_edit = self.pair.first, self.pair.again
        layout.addLayout(form)

        advice = _(
            "Choose a passphrase of at least 8 characters: a few ordinary words with spaces "
            "work well. Keep it safe. Without it nobody, not even VocPlan's makers, can open "
            "the plans."
        )
        if has_plans:
            advice = (
                _("The plans already on this computer will be encrypted with this passphrase.")
                + " "
                + advice
            )
        layout.addWidget(_note(advice, self))
        self.message = message_label(self)
        layout.addWidget(self.message)
        box, self.accept_button = _buttons(self, _("&Set up"), self._try)
        layout.addWidget(box)

        self.personal.toggled.connect(self._mode_changed)
        self.personal.setChecked(True)
        self._mode_changed()

    @property
    def mode(self) -> Mode:
        return Mode.CLINIC if self.clinic.isChecked() else Mode.PERSONAL

    def _mode_changed(self) -> None:
        clinic = self.mode is Mode.CLINIC
        self.name_edit.setVisible(clinic)
        self.name_label.setVisible(clinic)

    def _try(self) -> None:
        passphrase = self.passphrase_edit.text()
        if self.mode is Mode.CLINIC and not self.name_edit.text().strip():
            self._problem(_("Type your name: it goes on what you change."), self.name_edit)
            return
        mismatch = self.pair.mismatch()
        if mismatch is not None:
            self._problem(mismatch, self.again_edit)
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.unlocked = self._set_up(self.mode, self.name_edit.text(), passphrase)
        except AlreadySetUp:  # by another copy of VocPlan, since this one started
            QApplication.restoreOverrideCursor()
            self._problem(
                _(
                    "VocPlan has just been set up in this folder by someone else. Nothing was "
                    "changed. Close VocPlan and open it again to sign in."
                ),
                self.passphrase_edit,
            )
            return
        except VocPlanError as problem:
            QApplication.restoreOverrideCursor()
            self._problem(str(problem), self.passphrase_edit)
            return
        except OSError as problem:
            QApplication.restoreOverrideCursor()
            self._problem(
                _(
                    "VocPlan cannot use its data folder ({reason}). Check that the folder can "
                    "be changed and that the disk is not full."
                ).format(reason=problem.strerror or type(problem).__name__),
                self.passphrase_edit,
            )
            return
        QApplication.restoreOverrideCursor()
        self.pair.clear()
        self.accept()

    def _problem(self, text: str, focus: QWidget) -> None:
        self.message.setText(text)
        self.message.show()
        focus.setFocus()


class SignInDialog(QDialog):
    """Unlock: the member of staff chooses their name (Clinic) and types their passphrase.

    With ``locked_as``, it is the lock screen: the name is fixed to whoever
    locked it, and unlocking returns them to exactly where they were.
    """

    def __init__(
        self,
        unlock: UnlockAction,
        *,
        staff: Sequence[str] = (),
        locked_as: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._unlock = unlock
        self._locked_as = locked_as
        self.unlocked: Unlocked | None = None
        self.setWindowTitle(_("VocPlan is locked") if locked_as else _("Unlock VocPlan"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if locked_as is not None:
            layout.addWidget(_heading(_("VocPlan is locked"), self))
            layout.addWidget(
                _note(
                    _(
                        "Everything is as it was left, and nothing has been lost. Type the "
                        "passphrase of {name} to carry on. Someone else? Close VocPlan "
                        "(everything is saved) and open it again to sign in."
                    ).format(name=locked_as)
                    if staff
                    else _(
                        "Everything is as it was left, and nothing has been lost. Type your "
                        "passphrase to carry on."
                    ),
                    self,
                )
            )
        else:
            layout.addWidget(_heading(_("Unlock VocPlan"), self))
            layout.addWidget(
                _note(_("The plans are encrypted. Type your passphrase to open them."), self)
            )
        form = QFormLayout()
        self.name_combo: QComboBox | None = None
        if staff and locked_as is None:
            self.name_combo = QComboBox(self)
            self.name_combo.addItems(list(staff))
            self.name_combo.setAccessibleName(_("Your name"))
            name_label = QLabel(_("Your &name:"), self)
            name_label.setBuddy(self.name_combo)
            form.addRow(name_label, self.name_combo)
        self.passphrase_edit = passphrase_edit(self, _("Passphrase"))
        passphrase_label = QLabel(_("P&assphrase:"), self)
        passphrase_label.setBuddy(self.passphrase_edit)
        form.addRow(passphrase_label, self.passphrase_edit)
        layout.addLayout(form)
        self.message = message_label(self)
        layout.addWidget(self.message)
        box, self.accept_button = _buttons(self, _("&Unlock"), self._try)
        layout.addWidget(box)
        self._wait_left = 0
        self._wait_until = 0.0
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)
        self.passphrase_edit.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # On the lock screen Esc must not close VocPlan by accident (a closing desktop
        # session, or the Close VocPlan button, still does).
        if self._locked_as is not None and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def account_name(self) -> str | None:
        if self._locked_as is not None:
            return self._locked_as
        return self.name_combo.currentText() if self.name_combo is not None else None

    def _try(self) -> None:
        if self._wait_left > 0:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.unlocked = self._unlock(self.passphrase_edit.text(), self.account_name())
        except TooManyAttempts as waiting:
            QApplication.restoreOverrideCursor()
            self._wait(waiting.seconds)
            return
        except VocPlanError as problem:
            QApplication.restoreOverrideCursor()
            self.passphrase_edit.clear()
            self.message.setText(str(problem))
            self.message.show()
            self.passphrase_edit.setFocus()
            return
        QApplication.restoreOverrideCursor()
        self.passphrase_edit.clear()
        self.message.hide()
        self.accept()

    def _wait(self, seconds: int) -> None:
        self._wait_until = time.monotonic() + seconds
        self._wait_left = seconds
        self.accept_button.setEnabled(False)
        self._show_wait()
        self._countdown.start()

    def _tick(self) -> None:
        self._wait_left = math.ceil(self._wait_until - time.monotonic())
        if self._wait_left <= 0:
            self._countdown.stop()
            self.accept_button.setEnabled(True)
            self.message.setText(_("You can try again now."))
            self.passphrase_edit.setFocus()
            return
        self._show_wait()

    def _show_wait(self) -> None:
        self.message.setText(
            ngettext(
                "Too many wrong passphrases. You can try again in {count} second.",
                "Too many wrong passphrases. You can try again in {count} seconds.",
                self._wait_left,
            ).format(count=self._wait_left)
        )
        self.message.show()
