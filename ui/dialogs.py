"""Pieces every VocPlan form dialog shares."""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QDialog, QDialogButtonBox, QLabel, QPushButton, Qt, QWidget
from ui.style import ERROR_STYLE
from vocplan.i18n import _


def save_cancel_buttons(
    dialog: QDialog, on_save: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """Save (the default, Enter) and Cancel (Esc), with our own texts so they translate
    even where Qt has no catalogue (Welsh). Returns the box, Save and Cancel."""
    buttons = QDialogButtonBox(dialog)
    save = QPushButton(_("&Save"), dialog)
    save.setAccessibleName(_("Save"))
    save.setDefault(True)
    cancel = QPushButton(_("Cancel"), dialog)
    cancel.setAccessibleName(_("Cancel"))
    buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons, save, cancel


def problem_label(parent: QWidget, *, bold: bool = False) -> QLabel:
    """Where a form says what is wrong, hidden until it has something to say.

    Plain text, so a name or value quoted in the message is never read as markup.
    """
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(ERROR_STYLE + ("font-weight: bold;" if bold else ""))
    label.hide()
    return label
