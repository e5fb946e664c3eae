"""The "Add a person" form.

The core checks what was typed (``validate_person``) and saves nothing unless
every field is right; this form shows each problem under its own field, moves
the focus to the first one and keeps everything typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.dialogs import problem_label, save_cancel_buttons, say_nothing_saved
from ui.qt import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.services import PersonInput
from vocplan.domain.enums import CarePlanFramework
from vocplan.domain.errors import ValidationError, VocPlanError
from vocplan.i18n import N_, _

if TYPE_CHECKING:
    from ui.services import AppServices
    from vocplan.services.people import PersonSummary

WARNING_SIGN = "⚠"
ERROR_STYLE = "color: #9b1c1c;"
"""A dark red with enough contrast on the light background; the sign and words carry the meaning."""


@dataclass(frozen=True)
class TextField:
    name: str
    """The PersonInput field it fills."""
    label: str
    accessible_name: str
    placeholder: str = ""


TEXT_FIELDS = (
    TextField("full_name", N_("&Full name"), N_("Full name")),
    TextField(
        "preferred_name",
        N_("&Preferred name"),
        N_("Preferred name"),
        N_("What they like to be called"),
    ),
    TextField("date_of_birth", N_("&Date of birth"), N_("Date of birth"), N_("dd/mm/yyyy")),
    TextField("nhs_number", N_("&NHS number"), N_("NHS number"), N_("10 digits")),
    TextField("phone", N_("P&hone"), N_("Phone")),
    TextField("email", N_("&Email"), N_("Email")),
    TextField("care_coordinator", N_("Care &coordinator"), N_("Care coordinator")),
    TextField("team", N_("&Team"), N_("Team")),
)
FRAMEWORK_FIELD = "framework"
FIELD_ORDER = (*(field.name for field in TEXT_FIELDS), FRAMEWORK_FIELD)


def confirm_discard(parent: QWidget) -> bool:
    """Ask before throwing away what was typed; True means discard."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Close without saving?"))
    box.setText(_("What you typed has not been saved. Close the form and lose it?"))
    discard = box.addButton(_("&Close and lose it"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("&Keep typing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


class PersonDialog(QDialog):
    person_added = Signal(object)
    """Emitted with the saved PersonSummary."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.saved_person: PersonSummary | None = None
        self.setWindowTitle(_("Add a person"))
        self.setModal(True)
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        intro = QLabel(_("Only the full name is needed now. You can add the rest later."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.summary_label = problem_label(self, bold=True)
        layout.addWidget(self.summary_label)

        self.form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)

        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._error_rows: dict[str, int] = {}
        for field in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setAccessibleName(_(field.accessible_name))
            if field.placeholder:
                edit.setPlaceholderText(_(field.placeholder))
            edit.setMinimumHeight(30)
            self._add_row(field.name, _(field.label), edit)
        self.framework_combo = QComboBox(self)
        for value, label in CarePlanFramework.choices():
            self.framework_combo.addItem(label, value)
        self.framework_combo.setAccessibleName(_("Care plan"))
        self.framework_combo.setMinimumHeight(30)
        self._add_row(FRAMEWORK_FIELD, _("Care p&lan"), self.framework_combo)
        layout.addLayout(form)

        self.general_error_label = self._error_label()
        layout.addWidget(self.general_error_label)
        layout.addStretch(1)

        buttons, self.save_button, self.cancel_button = save_cancel_buttons(self, self.save)
        layout.addWidget(buttons)

        self.inputs["full_name"].setFocus()

    def _add_row(self, name: str, label_text: str, widget: QWidget) -> None:
        """The field's row, and under it a row for its message, hidden until needed."""
        label = QLabel(label_text, self)
        label.setBuddy(widget)
        label.setMinimumHeight(widget.minimumHeight())  # centred on the box, not above it
        self.form.addRow(label, widget)
        error = self._error_label()
        self.form.addRow(QLabel(self), error)
        self._error_rows[name] = self.form.rowCount() - 1
        self.form.setRowVisible(self._error_rows[name], False)
        self.inputs[name] = widget  # type: ignore[assignment]
        self.error_labels[name] = error

    def _error_label(self) -> QLabel:
        label = problem_label(self)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return label

    # --- reading and saving ------------------------------------------------

    def line_edit(self, name: str) -> QLineEdit:
        widget = self.inputs[name]
        assert isinstance(widget, QLineEdit)
        return widget

    def entry(self) -> PersonInput:
        """What is typed, as the core's input type (checked by the core, not here)."""
        texts = {field.name: self.line_edit(field.name).text() for field in TEXT_FIELDS}
        return PersonInput(**texts, framework=str(self.framework_combo.currentData()))

    def has_input(self) -> bool:
        typed = any(self.line_edit(field.name).text().strip() for field in TEXT_FIELDS)
        return typed or self.framework_combo.currentIndex() != 0

    def save(self) -> None:
        try:
            person = self._services.add_person(self.entry())
        except ValidationError as problem:
            self.show_errors(problem.field_errors)
            return
        except VocPlanError as problem:
            self.clear_errors()
            QMessageBox.warning(self, _("Not saved"), str(problem))
            return
        self.saved_person = person
        self.person_added.emit(person)
        self.accept()

    def clear_errors(self) -> None:
        self.summary_label.hide()
        self.general_error_label.hide()
        for name, label in self.error_labels.items():
            label.clear()
            self.form.setRowVisible(self._error_rows[name], False)
            self.inputs[name].setAccessibleDescription("")

    def show_errors(self, field_errors: dict[str, str]) -> None:
        self.clear_errors()
        first: QWidget | None = None
        for name in FIELD_ORDER:
            message = field_errors.get(name)
            if not message:
                continue
            self.error_labels[name].setText(f"{WARNING_SIGN} {message}")
            self.form.setRowVisible(self._error_rows[name], True)
            self.inputs[name].setAccessibleDescription(message)
            first = first or self.inputs[name]
        others = [text for name, text in field_errors.items() if name not in FIELD_ORDER]
        if others:
            self.general_error_label.setText("\n".join(f"{WARNING_SIGN} {text}" for text in others))
            self.general_error_label.show()
        say_nothing_saved(self.summary_label, len(field_errors))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(first, QLineEdit):
                first.deselect()
                first.end(False)

    # --- closing -----------------------------------------------------------

    def reject(self) -> None:
        """Esc, Cancel or the window's close button: ask first if anything was typed."""
        if self.has_input() and not confirm_discard(self):
            return
        super().reject()
