"""Step 8, "Check and agree": the whole plan, what changed since it was last agreed, and agreeing.

Agreeing freezes a version of the plan (the core's ``agree_plan``). Changing
anything afterwards makes the plan a draft again; this page then lists what
changed since the last agreed version, when the core can tell.
"""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING, Any

from ui.dialogs import problem_label
from ui.people_model import display_name, format_date
from ui.plan_summary import plan_html
from ui.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from ui.session.fields import INPUT_HEIGHT, WARNING_SIGN, FieldRow
from ui.session.panels import (
    ROW_SPACING,
    PartForm,
    StepPanel,
    intro_label,
    part_heading,
)
from ui.session.services import agreement_from
from ui.session.values import date_to_text
from vocplan.domain.dates import parse_date
from vocplan.domain.enums import PlanSection, PlanStatus
from vocplan.domain.errors import ValidationError, VocPlanError
from vocplan.i18n import N_, _, ngettext
from vocplan.plan_fields import PART_SPECS, FieldKind, FieldSpec, PartSpec

if TYPE_CHECKING:
    from ui.session.controller import SessionController
    from ui.session.targets import Refresh
    from vocplan.services.plans import PlanOverview

NOT_AGREED = "not_agreed"

AGREEMENT_FIELDS = (
    FieldSpec("person_name", N_("Name of the person whose plan it is"), FieldKind.TEXT),
    FieldSpec("person_agreed_on", N_("Date they agreed"), FieldKind.DATE),
    FieldSpec("worker_name", N_("Name of the worker"), FieldKind.TEXT),
    FieldSpec(
        "worker_role",
        N_("Worker's role"),
        FieldKind.TEXT,
        help_source=N_("For example care coordinator, employment specialist or support worker."),
    ),
    FieldSpec("worker_agreed_on", N_("Date the worker agreed"), FieldKind.DATE),
)
"""What is typed to agree the plan; ``agree_plan`` checks it."""


def plan_status_text(overview: PlanOverview) -> str:
    """The plan's state in words: a draft, agreed as version N, or changed since."""
    if not overview.versions:
        return _("Draft, not agreed yet")
    number = overview.versions[-1].number
    if overview.status == PlanStatus.AGREED:
        return _("Agreed — version {number}").format(number=number)
    return _("Draft — changed since version {number} was agreed").format(number=number)


def agreement_state_text(overview: PlanOverview) -> str:
    """Where the plan is with agreeing, said in full for the agree form."""
    if not overview.versions:
        return _("Not agreed yet.")
    latest = overview.versions[-1]
    values = {
        "number": latest.number,
        "date": format_date(latest.agreed_at),
        "person": latest.person_name,
        "worker": latest.worker_name,
        "role": latest.worker_role,
    }
    if overview.status == PlanStatus.AGREED:
        return _(
            "✓ Agreed: version {number}, on {date}, by {person} and {worker} ({role}). "
            "Changing anything in the plan starts a new draft to agree."
        ).format(**values)
    return _(
        "The plan has changed since version {number} was agreed on {date}. "
        "Agree it again when you are both happy with it."
    ).format(**values)


class ChangesPanel(StepPanel):
    """What changed since the last agreed version, in words."""

    def __init__(
        self, controller: SessionController, section: PlanSection, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, section, parent)
        self.changes: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(part_heading(_("What changed since the last agreed version"), self))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        self.changes = []
        if not overview.versions:
            self._say(_("No earlier agreed version. Once the plan is agreed, changes show here."))
            return
        number = overview.versions[-1].number
        try:
            found = self.controller.services.changes_since_agreed()
        except VocPlanError as problem:
            self._say(str(problem))
            return
        if found is None:
            self._say(_("VocPlan cannot list the changes in this version."))
            return
        self.changes = [text for _section, text in found]
        if not found:
            self._say(
                _("Nothing has changed since version {number} was agreed.").format(number=number)
            )
            return
        intro = ngettext(
            "{count} change since version {number} was agreed:",
            "{count} changes since version {number} was agreed:",
            len(found),
        ).format(count=len(found), number=number)
        parts = [f"<p>{html.escape(intro)}</p>"]
        for section in PlanSection:
            in_step = [text for step, text in found if step == section]
            if in_step:
                items = "".join(f"<li>{html.escape(text)}</li>" for text in in_step)
                parts.append(f"<p><b>{html.escape(section.label)}</b></p><ul>{items}</ul>")
        self.text.setText("".join(parts))
        self.text.setAccessibleName(intro + " " + "; ".join(self.changes))

    def _say(self, text: str) -> None:
        self.text.setText(f"<p>{html.escape(text)}</p>")
        self.text.setAccessibleName(text)


class WholePlanPanel(StepPanel):
    """The whole plan on one page, as saved."""

    def __init__(
        self, controller: SessionController, section: PlanSection, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, section, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        heading = part_heading(_("Your whole plan"), self)
        layout.addWidget(heading)
        layout.addWidget(
            intro_label(_("Read it together. Go back to any step to change something."), self)
        )
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(_("Your whole plan"))
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(14)
        self.browser.setMinimumHeight(360)
        self.browser.setFrameShape(QFrame.Shape.StyledPanel)
        heading.setBuddy(self.browser)
        layout.addWidget(self.browser)

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        scrolled = self.browser.verticalScrollBar().value()
        try:
            body = plan_html(overview.document)
        except ImportError:  # part of the core is still being written (the catalogue)
            body = f"<p>{html.escape(_('The whole plan cannot be shown in this version.'))}</p>"
        style = (
            "h2 { margin-top: 18px; margin-bottom: 6px; } "
            "h3 { margin-top: 10px; margin-bottom: 4px; } "
            "p { margin-top: 2px; margin-bottom: 4px; }"
        )
        self.browser.setHtml(f"<html><head><style>{style}</style></head><body>{body}</body></html>")
        self.browser.verticalScrollBar().setValue(scrolled)

    def text(self) -> str:
        return self.browser.toPlainText()


class AgreePanel(StepPanel):
    """Both people confirm the plan with their names, the worker's role and the dates."""

    def __init__(
        self, controller: SessionController, section: PlanSection, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, section, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ROW_SPACING)
        self.not_agreed_form: PartForm | None = None
        spec = _not_agreed_part_elsewhere()
        if spec is not None:
            self.not_agreed_form = PartForm(controller, section, spec, self)
            layout.addWidget(self.not_agreed_form)

        top = QVBoxLayout()
        top.setSpacing(6)
        top.addWidget(part_heading(_("Agree the plan"), self))
        top.addWidget(
            intro_label(
                _(
                    "When you both agree, type your names and press Agree the plan. "
                    "VocPlan keeps a copy of the plan as it is now. You can still change "
                    "it later: that starts a new draft."
                ),
                self,
            )
        )
        layout.addLayout(top)
        self.state_label = QLabel(self)
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet(
            "background: #ffffff; border: 1px solid #c9d3cf; border-radius: 4px; padding: 10px;"
        )
        layout.addWidget(self.state_label)

        # The names, dates and button: hidden while the plan is agreed as it is.
        self.form = QWidget(self)
        form_layout = QVBoxLayout(self.form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.setSpacing(ROW_SPACING)
        self.rows: dict[str, FieldRow] = {}
        for field in AGREEMENT_FIELDS:
            row = FieldRow(field, None, self.form, saves_as_you_go=False)
            self.rows[field.name] = row
            form_layout.addWidget(row)
        self.general_error = problem_label(self.form)
        form_layout.addWidget(self.general_error)
        buttons = QHBoxLayout()
        self.agree_button = QPushButton(_("Agree the plan"), self.form)
        self.agree_button.setAccessibleName(_("Agree the plan"))
        self.agree_button.setMinimumHeight(INPUT_HEIGHT + 6)
        self.agree_button.setMinimumWidth(180)
        self.agree_button.clicked.connect(self.agree)
        buttons.addWidget(self.agree_button)
        buttons.addStretch(1)
        form_layout.addLayout(buttons)
        layout.addWidget(self.form)
        self._filled_for: int | None = None

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        if self.not_agreed_form is not None:
            self.not_agreed_form.refresh(overview, refresh)
        self.state_label.setText(agreement_state_text(overview))
        agreed = overview.status == PlanStatus.AGREED
        self.form.setVisible(not agreed)
        self.agree_button.setEnabled(not agreed)
        person = overview.person
        if self._filled_for != person.id:  # suggestions, once; what is typed is kept
            self._filled_for = person.id
            today = date.today().isoformat()
            self.rows["person_name"].input.set_value(display_name(person))
            self.rows["worker_name"].input.set_value(person.care_coordinator)
            self.rows["person_agreed_on"].input.set_value(today)
            self.rows["worker_agreed_on"].input.set_value(today)

    def flush(self) -> None:
        if self.not_agreed_form is not None:
            self.not_agreed_form.flush()

    def typed(self) -> dict[str, Any] | None:
        """Names and dates as typed, or None after showing what must be put right."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for name, row in self.rows.items():
            if row.spec.kind == FieldKind.DATE:
                text = _line_text(row)
                if not text.strip():
                    problems[name] = _("Type the date, for example {today}.").format(
                        today=date_to_text(date.today())
                    )
                    continue
                try:
                    values[name] = parse_date(text)
                except ValueError as problem:
                    problems[name] = str(problem)
            else:
                values[name] = _line_text(row)
        if problems:
            self.show_errors(problems)
            return None
        return values

    def agree(self) -> None:
        self.controller.request_flush()  # what is not agreed on is kept with the version
        values = self.typed()
        if values is None:
            return
        plan = self.controller.document.get("plan") or {}
        agreement = agreement_from(
            person_name=values["person_name"],
            person_agreed_on=values["person_agreed_on"],
            worker_name=values["worker_name"],
            worker_role=values["worker_role"],
            worker_agreed_on=values["worker_agreed_on"],
            not_agreed=str(plan.get(NOT_AGREED) or ""),
        )
        try:
            number = self.controller.services.agree_plan(agreement)
        except ValidationError as problem:
            self.show_errors(problem.field_errors)
            return
        except VocPlanError as problem:
            self.show_errors({"": str(problem)})
            return
        self.show_errors({})
        self.controller.undo_stack.clear()  # undoing now would quietly un-agree the plan
        self.controller.reload()
        self.controller.say(_("Agreed — version {number}").format(number=number))

    def show_errors(self, field_errors: dict[str, str]) -> None:
        others: list[str] = []
        for row in self.rows.values():
            row.clear_error()
        first: FieldRow | None = None
        for name, message in field_errors.items():
            found = self.rows.get(name)
            if found is None:
                others.append(message)
                continue
            found.show_error(message)
            first = first or found
        self.general_error.setText("\n".join(f"{WARNING_SIGN} {text}" for text in others))
        self.general_error.setVisible(bool(others))
        if field_errors:
            self.controller.say(_("Not agreed yet: please check what is marked."))
        if first is not None:
            first.focus_widget.setFocus(Qt.FocusReason.OtherFocusReason)


def _line_text(row: FieldRow) -> str:
    edit: Any = getattr(row.input, "edit", None)
    return str(edit.text()) if edit is not None else ""


def _not_agreed_part_elsewhere() -> PartSpec | None:
    """A form for "what we do not agree on" when no part of step 8 holds it already."""
    in_step = [
        spec
        for spec in PART_SPECS.values()
        if spec.section == PlanSection.AGREEMENT
        and any(field.name == NOT_AGREED for field in spec.fields)
    ]
    if in_step:
        return None
    for spec in PART_SPECS.values():
        for field in spec.fields:
            if field.name == NOT_AGREED:
                return PartSpec(
                    key="agreement",
                    section=PlanSection.AGREEMENT,
                    title_source=spec.title_source,
                    fields=(field,),
                    stored_in=spec.document_key,
                )
    return None
