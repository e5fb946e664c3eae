"""Picking a provider or a referral service from the local directory, in the Add/Change form.

``vocplan.plan_fields.DIRECTORY_PICKERS`` names the text fields that can be
picked, and the field that keeps the uid of the entry picked. Next to each
such box the form shows "Pick from local services…". Picking fills the box
with the service's name (and, for a referral, its kind); Save then stores the
name and the uid together, in one change that one Undo takes back. Typing a
different name afterwards means it is no longer that entry, so the uid is
cleared when it is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.session.fields import INPUT_HEIGHT, ITEM_DATA, MUTED_STYLE
from vocplan.domain.enums import ServiceKind
from vocplan.i18n import _
from vocplan.plan_fields import DIRECTORY_PICKERS

if TYPE_CHECKING:
    from ui.session.fields import FieldRow
    from ui.session.services import SessionServices
    from vocplan.plan_fields import PartSpec
    from vocplan.services.directory import DirectoryRecord

PICKED_MARK = "✓"


def same_name(typed: Any, picked: str) -> bool:
    """Whether what the box holds is still the name as picked (spaces and capitals aside)."""
    if not isinstance(typed, str):
        return False
    return " ".join(typed.split()).casefold() == " ".join(picked.split()).casefold()


def entry_about(record: DirectoryRecord) -> str:
    """What the chooser shows under a service's name: its kind, and its area if known."""
    return record.kind_label if not record.area else f"{record.kind_label} · {record.area}"


class DirectoryChooser(QDialog):
    """Search the local directory and choose one service."""

    def __init__(
        self, services: SessionServices, title: str, typed: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._records: list[DirectoryRecord] = []
        self._typed = typed
        self.setWindowTitle(_("Pick from local services: {field}").format(field=title))
        self.setModal(True)
        self.setMinimumSize(520, 460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        search_label = QLabel(_("&Search:"), self)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(_("Search the local services"))
        self.search.setPlaceholderText(_("Name, area or notes"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(INPUT_HEIGHT)
        search_label.setBuddy(self.search)
        kind_label = QLabel(_("&Kind:"), self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(_("Show services of this kind"))
        self.kind_combo.addItem(_("All kinds"), "")
        for value, label in ServiceKind.choices():
            self.kind_combo.addItem(label, value)
        self.kind_combo.setMinimumHeight(INPUT_HEIGHT)
        kind_label.setBuddy(self.kind_combo)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addSpacing(8)
        filters.addWidget(kind_label)
        filters.addWidget(self.kind_combo)
        layout.addLayout(filters)

        from ui.session.lists import EntryDelegate  # lists uses this module: import when used

        self.results = QListWidget(self)
        self.results.setAccessibleName(_("Local services"))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setStyleSheet("QListWidget::item { border-bottom: 1px solid #e3e7e5; }")
        self.results.setItemDelegate(EntryDelegate(self.results))
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.results.currentRowChanged.connect(lambda _row: self._update_choose())
        layout.addWidget(self.results, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(MUTED_STYLE)
        self.message.hide()
        layout.addWidget(self.message)

        buttons = QDialogButtonBox(self)
        self.choose_button = QPushButton(_("Choose"), self)
        self.choose_button.setAccessibleName(_("Choose this service"))
        self.choose_button.setDefault(True)
        cancel = QPushButton(_("Cancel"), self)
        cancel.setAccessibleName(_("Cancel"))
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.search.textChanged.connect(lambda _text: self.show_matches())
        self.kind_combo.currentIndexChanged.connect(lambda _index: self.show_matches())
        self.search.returnPressed.connect(self._choose_if_one)
        self.show_matches()
        self.search.setFocus()

    def show_matches(self) -> None:
        from ui.session.lists import FACTS_ROLE, TITLE_ROLE

        kind = str(self.kind_combo.currentData() or "")
        text = self.search.text().strip()
        self._records = self.services.directory_entries(kind, text)
        self.results.clear()
        current = 0
        for row, record in enumerate(self._records):
            item = QListWidgetItem(f"{record.name}\n{entry_about(record)}", self.results)
            item.setData(ITEM_DATA, record.uid)
            item.setData(TITLE_ROLE, record.name)
            item.setData(FACTS_ROLE, entry_about(record))
            item.setToolTip(record.notes or record.name)
            if same_name(self._typed, record.name):
                current = row
        if self._records:
            self.results.setCurrentRow(current)
        if self._records:
            self.message.hide()
        else:
            if not kind and not text:
                message = _(
                    "There are no local services yet. Add them in the main window: "
                    "Directory, then Local services (Ctrl+D). Until then, type the name "
                    "in the box."
                )
            else:
                message = _("No service matches. Check the spelling, or choose all kinds.")
            self.message.setText(message)
            self.message.show()
        self.results.setVisible(bool(self._records))
        self._update_choose()

    def _update_choose(self) -> None:
        self.choose_button.setEnabled(self.chosen() is not None)

    def _choose_if_one(self) -> None:
        if self.chosen() is not None:
            self.accept()

    def choose_uid(self, uid: str) -> None:
        for row, record in enumerate(self._records):
            if record.uid == uid:
                self.results.setCurrentRow(row)
                return
        raise KeyError(uid)

    def chosen(self) -> DirectoryRecord | None:
        row = self.results.currentRow()
        return self._records[row] if 0 <= row < len(self._records) else None

    def accept(self) -> None:
        if self.chosen() is None:
            return
        super().accept()


class DirectoryLinks(QObject):
    """The directory pickers of one Add/Change form, and which entry each box was picked from."""

    def __init__(
        self,
        dialog: QWidget,
        spec: PartSpec,
        services: SessionServices,
        rows: dict[str, FieldRow],
        item: dict[str, Any] | None,
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.services = services
        self.rows = rows
        self.uid_fields: dict[str, str] = {}
        """The uid field of each text field that can be picked."""
        self.linked: dict[str, tuple[str, str]] = {}
        """(uid, name as picked) of the entry each text field was picked from."""
        self.buttons: dict[str, QPushButton] = {}
        self.notes: dict[str, QLabel] = {}
        self.chooser: DirectoryChooser | None = None
        self.kind_field = next(
            (
                field.name
                for field in spec.fields
                if field.choices is ServiceKind and field.name in rows
            ),
            None,
        )
        """A field for the kind of service, set from the entry picked (referrals have one)."""
        for (part_key, text_field), uid_field in DIRECTORY_PICKERS.items():
            if part_key != spec.document_key or text_field not in rows:
                continue
            row = rows[text_field]
            self.uid_fields[text_field] = uid_field
            button = QPushButton(_("Pick from local services…"), dialog)
            button.setAccessibleName(
                _("Pick {field} from the local services").format(field=row.spec.label)
            )
            button.setToolTip(_("Choose from the team's list of local services"))
            button.setMinimumHeight(INPUT_HEIGHT)
            button.clicked.connect(lambda _checked=False, name=text_field: self.pick(name))
            note = QLabel(dialog)
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setStyleSheet(MUTED_STYLE)
            row.add_beside_input(button, note)
            QWidget.setTabOrder(row.focus_widget, button)
            self.buttons[text_field] = button
            self.notes[text_field] = note
            if item is not None and item.get(uid_field) and item.get(text_field):
                self.linked[text_field] = (str(item[uid_field]), str(item[text_field]))
            row.input.edited.connect(lambda name=text_field: self._show_link(name))
            self._show_link(text_field)

    def pick(self, text_field: str) -> None:
        row = self.rows[text_field]
        typed = row.value()
        chooser = DirectoryChooser(
            self.services, row.spec.label, typed if isinstance(typed, str) else "", self.dialog
        )
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.accepted.connect(lambda: self.use(text_field, chooser.chosen()))
        chooser.finished.connect(lambda _result: self._chooser_finished(row))
        self.chooser = chooser
        chooser.open()

    def _chooser_finished(self, row: FieldRow) -> None:
        self.chooser = None
        row.focus_widget.setFocus()

    def use(self, text_field: str, record: DirectoryRecord | None) -> None:
        """Fill the form from the entry picked; Save stores it (the link with it)."""
        if record is None:
            return
        row = self.rows[text_field]
        row.input.set_value(record.name)
        row.clear_error()
        self.linked[text_field] = (record.uid, record.name)
        if self.kind_field is not None:
            self.rows[self.kind_field].input.set_value(record.kind.value)
        self._show_link(text_field)

    def _show_link(self, text_field: str) -> None:
        note = self.notes[text_field]
        link = self.linked.get(text_field)
        if link is not None and same_name(self.rows[text_field].value(), link[1]):
            note.setText(f"{PICKED_MARK} " + _("Picked from the local services."))
            note.show()
        else:
            note.clear()
            note.hide()

    def uid_values(self, values: dict[str, Any]) -> dict[str, str | None]:
        """For each picker, the uid to save with ``values``: the entry's while the box still
        holds its name as picked, and None once a different name is typed."""
        result: dict[str, str | None] = {}
        for text_field, uid_field in self.uid_fields.items():
            link = self.linked.get(text_field)
            keep = link is not None and same_name(values.get(text_field), link[1])
            result[uid_field] = link[0] if keep and link is not None else None
        return result
