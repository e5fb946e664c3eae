"""Lists in the plan (goals, jobs, options…): a list of entries, and a form to add or change one.

The form is built from the same field descriptions as the step pages and
saves only when the person presses Save; the core checks the answers and
any problem is shown at its field. Removing asks nothing: it can be undone.
"""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING, Any

from ui.dialogs import problem_label, save_cancel_buttons, say_nothing_saved
from ui.qt import (
    QAbstractItemView,
    QDialog,
    QEvent,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QObject,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyleOptionViewItem,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.rich_delegate import AnyIndex, RichTextDelegate
from ui.session.directory_picker import DirectoryLinks
from ui.session.fields import INPUT_HEIGHT, ITEM_DATA, WARNING_SIGN, FieldRow
from ui.session.panels import (
    ROW_SPACING,
    StepPanel,
    form_fields,
    intro_label,
    muted_label,
    part_heading,
)
from ui.session.values import first_line, range_problem, same_value
from ui.style import MUTED_TEXT, TEXT, fit_to_screen
from vocplan.domain.errors import ValidationError, VocPlanError
from vocplan.formatting import choice_label
from vocplan.i18n import _, ngettext
from vocplan.plan_fields import FieldKind, FieldSpec, PartSpec
from vocplan.services.outline import format_value

if TYPE_CHECKING:
    from ui.session.controller import SessionController
    from ui.session.targets import Refresh
    from vocplan.domain.enums import PlanSection
    from vocplan.services.plans import PlanOverview

FACT_KINDS = (
    FieldKind.DATE,
    FieldKind.CHOICE,
    FieldKind.INTEGER,
    FieldKind.DECIMAL,
    FieldKind.MONEY,
    FieldKind.TEXT,
    FieldKind.REFERENCE,
)
"""Short answers that may describe an entry in the list under its title."""
MAX_FACTS = 3
TITLE_ROLE = ITEM_DATA + 1
FACTS_ROLE = ITEM_DATA + 2


def item_title(spec: PartSpec, item: dict[str, Any], document: dict[str, Any]) -> str:
    """What an entry is called in the list: its title field, or what the list calls one."""
    if spec.item_title_field:
        field = spec.field(spec.item_title_field)
        shown = _shown(field, item.get(field.name), document)
        if shown.strip():
            return first_line(shown, 200)
    name = spec.item_name or spec.title
    return name[:1].upper() + name[1:]


def _date_fact(field: FieldSpec, value: Any, shown: str, today: date | None = None) -> str:
    """A date says what it is ("By when: 18/01/2027"); a date something ran out says so."""
    today = today or date.today()
    if field.name == "expires_on" and date.fromisoformat(str(value)[:10]) < today:
        return _("Ran out on {date}").format(date=shown)
    return _("{label}: {date}").format(label=field.label, date=shown)


def item_facts(
    spec: PartSpec, item: dict[str, Any], document: dict[str, Any], skip: frozenset[str]
) -> list[str]:
    """A few short answers that tell entries apart (a date, a level, hours)."""
    facts = []
    for field in spec.fields:
        if field.name == spec.item_title_field or field.name in skip:
            continue
        if field.kind not in FACT_KINDS:
            continue
        shown = _shown(field, item.get(field.name), document)
        if shown and field.kind == FieldKind.DATE:
            shown = _date_fact(field, item.get(field.name), shown)
        if shown:
            facts.append(first_line(shown, 400))
        if len(facts) == MAX_FACTS:
            break
    return facts


def _shown(field: FieldSpec, value: Any, document: dict[str, Any]) -> str:
    if field.kind == FieldKind.CHOICE and field.choices is not None and value not in (None, ""):
        return choice_label(field.choices, value)
    try:
        return format_value(field, value, document)
    except ImportError:  # the catalogue is not there: show the codes
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


class EntryDelegate(RichTextDelegate):
    """Draws an entry as its title, with a few short facts under it in a quieter colour."""

    def entry_html(self, index: AnyIndex, strong: bool) -> str:
        text_colour = "#ffffff" if strong else TEXT
        facts_colour = "#e8f1ef" if strong else MUTED_TEXT
        title = html.escape(str(index.data(TITLE_ROLE) or ""))
        facts = html.escape(str(index.data(FACTS_ROLE) or ""))
        body = f'<div style="color: {text_colour}; font-weight: 600;">{title}</div>'
        if facts:
            body += f'<div style="color: {facts_colour};">{facts}</div>'
        return body

    def text_width(self, option: QStyleOptionViewItem, index: AnyIndex) -> int:
        # The whole list is as wide as the viewport; entries wrap to it.
        return max(self.view.viewport().width(), 100 + 2 * self.PADDING_X)


class ListEditor(StepPanel):
    """A list in the plan: the entries, and Add, Edit, Remove, Move up and Move down."""

    def __init__(
        self,
        controller: SessionController,
        section: PlanSection,
        spec: PartSpec,
        parent: QWidget | None = None,
        *,
        fixed: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(controller, section, parent)
        self.spec = spec
        self.list_key = spec.document_key
        self.fixed = dict(fixed or {})
        """Fields every entry here has (the step a note is about): set, never shown."""
        self.dialog: ItemDialog | None = None
        self._uids: list[str] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        heading = part_heading(spec.title, self)
        layout.addWidget(heading)
        if spec.intro:
            layout.addWidget(intro_label(spec.intro, self))

        self.empty_label = muted_label(_("Nothing added yet."), self)
        layout.addWidget(self.empty_label)

        self.list = QListWidget(self)
        self.list.setAccessibleName(spec.title)
        self.list.setAccessibleDescription(
            _("Insert adds, Enter changes the chosen one, Delete removes it.")
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTabKeyNavigation(False)
        self.list.setStyleSheet("QListWidget::item { border-bottom: 1px solid #e3e7e5; }")
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.installEventFilter(self)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        layout.addWidget(self.list)
        heading.setBuddy(self.list)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        title = spec.title
        self.add_button = self._button(_("Add…"), _("Add to {list}").format(list=title))
        self.add_button.setToolTip(_("Add (Insert)"))
        self.edit_button = self._button(
            _("Change…"), _("Change the chosen entry in {list}").format(list=title)
        )
        self.edit_button.setToolTip(_("Change the chosen entry (Enter)"))
        self.remove_button = self._button(
            _("Remove"), _("Remove the chosen entry from {list}").format(list=title)
        )
        self.remove_button.setToolTip(_("Remove the chosen entry (Delete). You can undo it."))
        self.up_button = self._button(
            _("Move up"), _("Move the chosen entry up in {list}").format(list=title)
        )
        self.down_button = self._button(
            _("Move down"), _("Move the chosen entry down in {list}").format(list=title)
        )
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_entry(-1))
        self.down_button.clicked.connect(lambda: self.move_entry(1))
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout.addLayout(buttons)
        self._update_buttons()

    def _button(self, text: str, accessible_name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible_name)
        button.setMinimumHeight(INPUT_HEIGHT)
        return button

    # --- showing the saved list ------------------------------------------------

    def items(self, document: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """The entries of this list (only those with the fixed values), in order."""
        document = self.controller.document if document is None else document
        entries = document.get(self.list_key) or []
        return [
            item
            for item in entries
            if all(item.get(name) == value for name, value in self.fixed.items())
        ]

    def refresh(self, overview: PlanOverview, refresh: Refresh) -> None:
        self.show_items(overview.document)

    def show_items(self, document: dict[str, Any], select_uid: str | None = None) -> None:
        current = self.current_uid() if select_uid is None else select_uid
        entries = self.items(document)
        self.list.blockSignals(True)
        try:
            self.list.clear()
            self._uids = []
            for item in entries:
                title = item_title(self.spec, item, document)
                facts = item_facts(self.spec, item, document, frozenset(self.fixed))
                text = title if not facts else title + "\n" + "  ·  ".join(facts)
                entry = QListWidgetItem(text, self.list)
                entry.setData(ITEM_DATA, item.get("uid"))
                entry.setData(TITLE_ROLE, title)
                entry.setData(FACTS_ROLE, "  ·  ".join(facts))
                entry.setToolTip(title)
                self._uids.append(str(item.get("uid")))
            if current in self._uids:
                self.list.setCurrentRow(self._uids.index(current))
            elif self._uids:
                self.list.setCurrentRow(0)
        finally:
            self.list.blockSignals(False)
        self.empty_label.setVisible(not entries)
        self.list.setVisible(bool(entries))
        self._fit_height()
        self._update_buttons()

    def _fit_height(self) -> None:
        count = self.list.count()
        if not count:
            return
        self.list.doItemsLayout()
        height = sum(self.list.sizeHintForRow(row) for row in range(count))
        height += 2 * self.list.frameWidth() + 6
        self.list.setFixedHeight(min(height, 520))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def current_uid(self) -> str | None:
        row = self.list.currentRow()
        return self._uids[row] if 0 <= row < len(self._uids) else None

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        chosen = 0 <= row < len(self._uids)
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < len(self._uids) - 1)
        count = len(self._uids)
        for button in (self.edit_button, self.remove_button, self.up_button, self.down_button):
            button.setVisible(count > 0)  # an empty list offers only Add: calmer
        self.list.setAccessibleDescription(
            ngettext(
                "{count} entry. Insert adds, Enter changes the chosen one, Delete removes it.",
                "{count} entries. Insert adds, Enter changes the chosen one, Delete removes it.",
                count,
            ).format(count=count)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Insert:
                self.add()
                return True
            if key == Qt.Key.Key_Delete:
                self.remove()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit()
                return True
        return False

    # --- actions -------------------------------------------------------------

    def add(self) -> None:
        self._open_dialog(None)

    def edit(self) -> None:
        uid = self.current_uid()
        if uid is not None:
            self._open_dialog(uid)

    def _open_dialog(self, uid: str | None) -> None:
        item = None
        if uid is not None:
            item = next((entry for entry in self.items() if entry.get("uid") == uid), None)
            if item is None:
                return
        dialog = ItemDialog(self, item)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _dialog_finished(self) -> None:
        dialog = self.dialog
        self.dialog = None
        if dialog is not None and dialog.saved_uid:
            self.show_items(self.controller.document, dialog.saved_uid)
        self.list.setFocus()

    def remove(self) -> None:
        uid = self.current_uid()
        if uid is None:
            return
        row = self.list.currentRow()
        self.controller.remove_item(
            self.list_key, uid, section=self.section, list_title=self.spec.title
        )
        if self._uids:
            self.list.setCurrentRow(min(row, len(self._uids) - 1))
        self.list.setFocus()

    def move_entry(self, step: int) -> None:
        uid = self.current_uid()
        row = self.list.currentRow()
        if uid is None or not 0 <= row + step < len(self._uids):
            return
        everything = [str(item.get("uid")) for item in self.controller.document[self.list_key]]
        to_position = everything.index(self._uids[row + step])
        self.controller.move_item(
            self.list_key, uid, to_position, section=self.section, list_title=self.spec.title
        )
        self.show_items(self.controller.document, uid)
        self.list.setFocus()


class ItemDialog(QDialog):
    """Add an entry to a list, or change one; saved only on Save, checked by the core."""

    def __init__(self, editor: ListEditor, item: dict[str, Any] | None) -> None:
        super().__init__(editor)
        self.editor = editor
        self.item = item
        self.saved_uid: str | None = None
        spec = editor.spec
        controller = editor.controller
        document = controller.document
        self.setWindowTitle(
            _("Add to {list}").format(list=spec.title)
            if item is None
            else _("Change an entry in {list}").format(list=spec.title)
        )
        self.setModal(True)
        fit_to_screen(self, 640, 720)
        self.setMinimumWidth(480)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        outer.setSpacing(8)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(ROW_SPACING)
        if spec.intro:
            layout.addWidget(intro_label(spec.intro, body))
        self.summary_label = problem_label(body, bold=True)
        layout.addWidget(self.summary_label)

        facts = controller.services.field_facts(editor.list_key)
        self.rows: dict[str, FieldRow] = {}
        for field in form_fields(spec, frozenset(editor.fixed)):
            row = FieldRow(
                field,
                facts.get(field.name),
                body,
                services=controller.services,
                saves_as_you_go=False,
            )
            if item is not None:
                value = item.get(field.name)
            else:
                known = facts.get(field.name)
                value = known.default if known is not None else None
                if value is None and field.kind == FieldKind.DATE and field.required:
                    value = date.today().isoformat()
            row.set_initial(value, document)
            self.rows[field.name] = row
            layout.addWidget(row)
        self.directory_links = DirectoryLinks(self, spec, controller.services, self.rows, item)
        self.general_error = problem_label(body)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        buttons, self.save_button, self.cancel_button = save_cancel_buttons(self, self.save)
        footer = QHBoxLayout()
        footer.setContentsMargins(24, 0, 24, 0)
        footer.addWidget(buttons)
        outer.addLayout(footer)
        self._initial = self._current_values_or_none()
        first = next(iter(self.rows.values()), None)
        if first is not None:
            first.focus_widget.setFocus()

    def row(self, name: str) -> FieldRow:
        return self.rows[name]

    def _current_values_or_none(self) -> dict[str, Any]:
        values = {}
        for name, row in self.rows.items():
            try:
                values[name] = row.value()
            except ValueError:
                values[name] = None
        return values

    def values(self) -> dict[str, Any] | None:
        """What the form holds, or None after showing at the fields what must be put right."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for name, row in self.rows.items():
            try:
                values[name] = row.value()
            except ValueError as problem:
                problems[name] = str(problem)
                continue
            problem_text = range_problem(row.spec, values[name])
            if problem_text:
                problems[name] = problem_text
        if problems:
            self.show_errors(problems)
            return None
        return values

    def save(self) -> None:
        values = self.values()
        if values is None:
            return
        editor = self.editor
        controller = editor.controller
        try:
            if self.item is None:
                stored = controller.add_item(
                    editor.list_key,
                    {**values, **self.directory_links.uid_values(values), **editor.fixed},
                    section=editor.section,
                    list_title=editor.spec.title,
                )
                self.saved_uid = str(stored["uid"])
            else:
                changes = {
                    name: value
                    for name, value in values.items()
                    if not same_value(self.rows[name].spec.kind, value, self.item.get(name))
                }
                for name, uid in self.directory_links.uid_values(values).items():
                    if uid != self.item.get(name):
                        changes[name] = uid  # picked now, or typed: no longer the one picked
                uid = str(self.item["uid"])
                controller.update_item(
                    editor.list_key,
                    uid,
                    changes,
                    section=editor.section,
                    list_title=editor.spec.title,
                )
                self.saved_uid = uid
        except ValidationError as problem:
            self.show_errors(problem.field_errors)
            return
        except VocPlanError as problem:
            QMessageBox.warning(self, _("Not saved"), str(problem))
            return
        self.accept()

    def show_errors(self, field_errors: dict[str, str]) -> None:
        for row in self.rows.values():
            row.clear_error()
        first: FieldRow | None = None
        others: list[str] = []
        for name, message in field_errors.items():
            found = self.rows.get(name)
            if found is None:
                others.append(message)
                continue
            found.show_error(message)
            first = first or found
        self.general_error.setText("\n".join(f"{WARNING_SIGN} {text}" for text in others))
        self.general_error.setVisible(bool(others))
        say_nothing_saved(self.summary_label, len(field_errors))
        if first is not None:
            first.focus_widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_changes(self) -> bool:
        current = self._current_values_or_none()
        return any(
            not same_value(self.rows[name].spec.kind, current[name], self._initial[name])
            for name in current
        )

    def reject(self) -> None:
        """Esc, Cancel or the close button: ask first if anything was typed."""
        from ui import person_dialog

        if self.has_changes() and not person_dialog.confirm_discard(self):
            return
        super().reject()
