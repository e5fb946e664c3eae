"""People ▸ Change my passphrase: anyone signed in swaps their passphrase for a new one."""

from __future__ import annotations

from collections.abc import Callable

from ui.dialogs import save_cancel_buttons
from ui.qt import QApplication, QDialog, QFormLayout, QLabel, Qt, QVBoxLayout, QWidget
from ui.security.passphrase_forms import PassphrasePair, message_label, passphrase_edit
from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _
from vocplan.security.errors import (
    NotAllowed,
    TooManyAttempts,
    UnknownAccount,
    WrongPassphrase,
)
from vocplan.security.passphrases import PassphraseTooShort

ChangeAction = Callable[[str, str], object]
"""Changes the passphrase: the current one, then the new one."""


class ChangePassphraseDialog(QDialog):
    """The current passphrase, then the new one twice; stays open with a message if refused."""

    def __init__(self, change: ChangeAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._change = change
        self.setWindowTitle(_("Change my passphrase — VocPlan"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.current_edit = passphrase_edit(self, _("Current passphrase"))
        current_label = QLabel(_("&Current passphrase:"), self)
        current_label.setBuddy(self.current_edit)
        form.addRow(current_label, self.current_edit)
        self.pair = PassphrasePair(self, form, _("&New passphrase:"))
        self.pair.first.setAccessibleName(_("New passphrase"))
        self.pair.again.setAccessibleName(_("New passphrase again"))
        layout.addLayout(form)
        note = QLabel(
            _(
                "At least 8 characters: a few ordinary words with spaces between them work "
                "well. Your plans stay as they are; only the passphrase that opens them changes."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.message = message_label(self)
        layout.addWidget(self.message)
        layout.addWidget(save_cancel_buttons(self, self._try)[0])
        self.current_edit.setFocus()

    def _try(self) -> None:
        mismatch = self.pair.mismatch()
        if mismatch is not None:
            self._problem(mismatch, self.pair.again)
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._change(self.current_edit.text(), self.pair.first.text())
        except (WrongPassphrase, TooManyAttempts, UnknownAccount) as problem:
            QApplication.restoreOverrideCursor()
            self.current_edit.clear()
            self._problem(str(problem), self.current_edit)
            return
        except (PassphraseTooShort, NotAllowed) as problem:  # too short, or the same as before
            QApplication.restoreOverrideCursor()
            self.pair.clear()
            self._problem(str(problem), self.pair.first)
            return
        except (VocPlanError, OSError) as problem:  # the file is busy or cannot be written
            QApplication.restoreOverrideCursor()
            self._problem(_describe(problem), self.pair.first)
            return
        QApplication.restoreOverrideCursor()
        self.accept()

    def _problem(self, text: str, focus: QWidget) -> None:
        self.message.setText(text)
        self.message.show()
        focus.setFocus()


def _describe(problem: Exception) -> str:
    if isinstance(problem, OSError):
        return _(
            "VocPlan could not save the new passphrase ({reason}). The old one still works."
        ).format(reason=problem.strerror or type(problem).__name__)
    return str(problem)
