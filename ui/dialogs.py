"""Pieces every VocPlan form dialog shares."""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QDialog, QDialogButtonBox, QPushButton
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
