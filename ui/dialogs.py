"""Pieces every VocPlan form dialog shares."""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QDialog, QDialogButtonBox, QLabel, QPushButton, QShowEvent, Qt, QWidget
from ui.style import ERROR_STYLE
from vocplan.i18n import _, ngettext


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


class ProblemLabel(QLabel):
    """A message that makes its dialog tall enough to show all of it.

    Qt leaves a dialog's height alone when a word-wrapped label appears in it
    (a window's minimum size ignores wrapped lines), so without this the
    message, and the text above it, would be cut off.
    """

    def setText(self, text: str) -> None:
        super().setText(text)
        if self.isVisible():
            self._fit_dialog()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_dialog()

    def _fit_dialog(self) -> None:
        dialog = self.window()
        layout = dialog.layout()
        if not isinstance(dialog, QDialog) or layout is None:
            return
        layout.activate()
        needed = dialog.heightForWidth(dialog.width())
        if needed < 0:
            needed = dialog.sizeHint().height()
        screen = dialog.screen()
        if screen is not None:
            needed = min(needed, screen.availableGeometry().height())
        if needed > dialog.height():
            dialog.resize(dialog.width(), needed)


def problem_label(parent: QWidget, *, bold: bool = False) -> QLabel:
    """Where a form says what is wrong, hidden until it has something to say.

    Plain text, so a name or value quoted in the message is never read as markup.
    """
    label = ProblemLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(ERROR_STYLE + ("font-weight: bold;" if bold else ""))
    label.hide()
    return label


def say_nothing_saved(summary: QLabel, count: int) -> None:
    """Show ``summary`` (a form's problem label) saying how many things stop the save."""
    summary.setText(
        ngettext(
            "Nothing has been saved yet. Please check the {count} thing marked below.",
            "Nothing has been saved yet. Please check the {count} things marked below.",
            count,
        ).format(count=count)
    )
    summary.show()
