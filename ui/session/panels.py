"""What a step page is made of: panels that redraw from the saved plan, and the forms for parts.

Every panel is a ``StepPanel``: it is given the controller, draws itself from
``controller.overview`` in ``refresh`` whenever the plan is read again, and
saves through the controller. A panel keeps no copy of the plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.qt import QLabel, Qt, QVBoxLayout, QWidget
from ui.session.fields import MUTED_STYLE, FieldRow
from ui.session.services import PERSON_KEY
from ui.session.targets import Refresh, Target
from ui.session.values import range_problem, same_value
from ui.style import heading_font
from vocplan.i18n import _
from vocplan.plan_fields import DIRECTORY_PICKERS, FORM_ONLY_FIELDS, NOT_IN_FORMS, PartSpec

if TYPE_CHECKING:
    from ui.session.controller import SessionController
    from vocplan.domain.enums import PlanSection
    from vocplan.services.plans import PlanOverview

PART_SPACING = 36
ROW_SPACING = 20


class StepPanel(QWidget):
    """Something shown on a step's page that redraws from the saved plan."""

    def __init__(
        self, controller: SessionController, section: PlanSection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.section = section

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        """Show the plan as saved. ``refresh`` says what changed and why."""

    def flush(self) -> None:
        """Save anything the person is still typing (the step is changing or the window closing)."""


def part_heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(heading_font(parent, 1.2))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def intro_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def muted_label(text: str, parent: QWidget) -> QLabel:
    label = intro_label(text, parent)
    label.setStyleSheet(MUTED_STYLE)
    return label


def tab_before(widgets: list[QWidget], before: QWidget) -> None:
    """Put ``widgets`` (made after the page was built) in the Tab order just before
    ``before``, in the order given, so Tab follows the page from top to bottom."""
    previous = before.previousInFocusChain()
    # Qt leaves the order alone unless both widgets take the keyboard.
    while (
        previous is not None
        and previous is not before
        and not previous.focusPolicy() & Qt.FocusPolicy.TabFocus
    ):
        previous = previous.previousInFocusChain()
    if previous is None:  # not in a window's focus chain yet: nothing to follow
        return
    for widget in widgets:
        QWidget.setTabOrder(previous, widget)
        previous = widget


def row_focus_widgets(row: FieldRow) -> list[QWidget]:
    """The widgets of a field row that take the keyboard: its input, then its "More"."""
    return [row.focus_widget, *([row.more_button] if row.more_button is not None else [])]


def form_fields(spec: PartSpec, fixed: frozenset[str] = frozenset()) -> list[Any]:
    """The fields of a part that a form shows (some are set elsewhere, or fixed), then any
    the form shows though the part does not describe them (``FORM_ONLY_FIELDS``)."""
    hidden = set(NOT_IN_FORMS.get(spec.document_key, ())) | set(fixed)
    shown = [*spec.fields, *FORM_ONLY_FIELDS.get(spec.document_key, ())]
    return [field for field in shown if field.name not in hidden]


class PartForm(StepPanel):
    """The answers of a single part (not a list), each saved as soon as it is given."""

    def __init__(
        self,
        controller: SessionController,
        section: PlanSection,
        spec: PartSpec,
        parent: QWidget | None = None,
        *,
        show_title: bool = True,
    ) -> None:
        super().__init__(controller, section, parent)
        self.spec = spec
        self.target = Target(spec.document_key)
        self.rows: dict[str, FieldRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ROW_SPACING)
        heading = QVBoxLayout()
        heading.setSpacing(4)
        if show_title:
            heading.addWidget(part_heading(spec.title, self))
            if spec.intro:
                heading.addWidget(intro_label(spec.intro, self))
        if heading.count():
            layout.addLayout(heading)
        facts = controller.services.field_facts(spec.document_key)
        editable = not spec.read_only or spec.document_key == PERSON_KEY
        for field in form_fields(spec):
            row = FieldRow(field, facts.get(field.name), self, services=controller.services)
            row.setEnabled(editable)
            row.commit_requested.connect(self.commit)
            self.rows[field.name] = row
            layout.addWidget(row)

    def saved_values(self) -> dict[str, Any]:
        values = self.controller.document.get(self.spec.document_key)
        return values if isinstance(values, dict) else {}

    def commit(self, row: FieldRow) -> None:
        """Save one answer, or show at the field why it cannot be saved (keeping what was typed)."""
        field = row.spec
        try:
            value = row.value()
        except ValueError as problem:
            self._refuse(row, str(problem))
            return
        problem_text = range_problem(field, value)
        if problem_text:
            self._refuse(row, problem_text)
            return
        if same_value(field.kind, value, self.saved_values().get(field.name)):
            row.saved()
            return
        changes = {field.name: value}
        picker_uid = DIRECTORY_PICKERS.get((self.spec.document_key, field.name))
        if picker_uid:
            changes[picker_uid] = None  # a typed name is not the directory entry picked before
        errors = self.controller.save_fields(
            self.target,
            changes,
            section=self.section,
            label=field.label,
            merge_key=row.merge_key,
        )
        if errors:
            row.show_error(errors.get(field.name) or next(iter(errors.values())))
        else:
            row.saved()

    def _refuse(self, row: FieldRow, message: str) -> None:
        row.show_error(message)
        self.controller.say(_("Not saved: {problem}").format(problem=message))

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        values = self.saved_values()
        force = refresh.from_history and refresh.target == self.target
        for name, row in self.rows.items():
            row.show_saved(values.get(name), overview.document, force)

    def flush(self) -> None:
        for row in self.rows.values():
            row.flush()

    def row(self, name: str) -> FieldRow:
        return self.rows[name]
