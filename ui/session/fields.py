"""One input for each kind of answer, built from the field descriptions in ``vocplan.plan_fields``.

A ``FieldRow`` is a field's label, its input, its staff detail behind a
"More" button, and a place for a plain message when the answer cannot be
saved. The row only says when the person has finished with it
(``commit_requested``): when it loses focus, on Enter in a one-line box, or
after a short pause in typing. Whoever holds the row saves the answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFocusEvent,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QResizeEvent,
    QSizePolicy,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWheelEvent,
    QWidget,
    Signal,
)
from ui.session.services import NO_EMPTY, FieldFacts
from ui.session.values import (
    date_to_text,
    number_to_text,
    pence_to_text,
    same_value,
    text_to_date,
    text_to_pence,
)
from ui.style import ERROR_STYLE as ERROR_STYLE
from ui.style import MUTED_TEXT
from vocplan.formatting import choice_label
from vocplan.i18n import _
from vocplan.plan_fields import PART_SPECS, FieldKind, FieldSpec

if TYPE_CHECKING:
    from ui.session.services import SessionServices

SAVE_AFTER_MS = 800
"""Typing pauses this long before the text is saved."""
WARNING_SIGN = "⚠"
MUTED_STYLE = f"color: {MUTED_TEXT};"
INPUT_HEIGHT = 32
ITEM_DATA = Qt.ItemDataRole.UserRole + 1

_UNREADABLE = object()


class CalmComboBox(QComboBox):
    """A list box that scrolling the page over never changes: the wheel goes to the page
    unless the box has the keyboard focus."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # passed on to the scrolling page


class GrowingTextEdit(QPlainTextEdit):
    """A box for long answers that grows with what is written, so nothing is hidden."""

    focus_lost = Signal()
    focus_gained = Signal()

    def __init__(self, parent: QWidget | None = None, minimum_lines: int = 3) -> None:
        super().__init__(parent)
        self._minimum_lines = minimum_lines
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().contentsChanged.connect(self.fit_to_text)
        self.fit_to_text()

    def fit_to_text(self) -> None:
        height = 0.0
        block = self.document().firstBlock()
        while block.isValid():
            height += self.blockBoundingRect(block).height()
            block = block.next()
        line = self.fontMetrics().lineSpacing()
        height = max(height, line * self._minimum_lines)
        margins = self.contentsMargins()
        extra = 2 * self.document().documentMargin() + margins.top() + margins.bottom() + 4
        wanted = int(height + extra)
        if wanted != self.height():
            self.setFixedHeight(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_to_text()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focus_gained.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class FocusLineEdit(QLineEdit):
    focus_gained = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focus_gained.emit()


# --- inputs, one class for each kind of answer -----------------------------------


class FieldInput(QObject):
    """The input of one field: shows a stored value and reads what the person gave."""

    edited = Signal()
    """The person changed something and has not finished (typing)."""
    finished = Signal()
    """The person has finished with this answer: save it now."""
    focused = Signal()

    typing_saves_after_pause = False
    merges_undo = True
    """Changes in a row to this input undo as one (typing, arrowing through a list box)."""

    def __init__(self, spec: FieldSpec, facts: FieldFacts | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        self.facts = facts
        self.widget: QWidget = parent
        self.focus_widget: QWidget = parent

    @property
    def empty(self) -> Any:
        """What "no answer" is stored as for this field."""
        if self.facts is None or self.facts.empty is NO_EMPTY:
            return None
        return self.facts.empty

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_document(self, document: dict[str, Any]) -> None:
        """Lists to choose from that depend on the rest of the plan (references)."""


class TextInput(FieldInput):
    typing_saves_after_pause = True

    def __init__(self, spec: FieldSpec, facts: FieldFacts | None, parent: QWidget) -> None:
        super().__init__(spec, facts, parent)
        self.edit = FocusLineEdit(parent)
        self.edit.setMinimumHeight(INPUT_HEIGHT)
        self.edit.textEdited.connect(self.edited)
        self.edit.editingFinished.connect(self.finished)
        self.edit.focus_gained.connect(self.focused)
        self.widget = self.focus_widget = self.edit

    def value(self) -> Any:
        text = self.edit.text()
        return text if text.strip() else self.empty

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class LongTextInput(FieldInput):
    typing_saves_after_pause = True

    def __init__(self, spec: FieldSpec, facts: FieldFacts | None, parent: QWidget) -> None:
        super().__init__(spec, facts, parent)
        self.edit = GrowingTextEdit(parent)
        self._setting = False
        self.edit.textChanged.connect(self._changed)
        self.edit.focus_lost.connect(self.finished)
        self.edit.focus_gained.connect(self.focused)
        self.widget = self.focus_widget = self.edit

    def _changed(self) -> None:
        if not self._setting:
            self.edited.emit()

    def value(self) -> Any:
        text = self.edit.toPlainText()
        return text if text.strip() else self.empty

    def set_value(self, value: Any) -> None:
        self._setting = True
        try:
            self.edit.setPlainText("" if value is None else str(value))
        finally:
            self._setting = False


class _ShortLineInput(FieldInput):
    """A short box (a number, an amount, a date), with what it counts in beside it."""

    placeholder = ""
    prefix = ""
    width = 140

    def __init__(self, spec: FieldSpec, facts: FieldFacts | None, parent: QWidget) -> None:
        super().__init__(spec, facts, parent)
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        if self.prefix:
            row.addWidget(QLabel(self.prefix, box))
        self.edit = FocusLineEdit(box)
        self.edit.setMinimumHeight(INPUT_HEIGHT)
        self.edit.setFixedWidth(self.width)
        if self.placeholder:
            self.edit.setPlaceholderText(self.placeholder)
        row.addWidget(self.edit)
        if spec.unit:
            unit = QLabel(spec.unit, box)
            unit.setStyleSheet(MUTED_STYLE)
            row.addWidget(unit)
        row.addStretch(1)
        self.edit.textEdited.connect(self.edited)
        self.edit.editingFinished.connect(self.finished)
        self.edit.focus_gained.connect(self.focused)
        self.widget = box
        self.focus_widget = self.edit


class NumberInput(_ShortLineInput):
    """A number, checked by the core: "abc" gets a plain message and stays as typed."""

    def value(self) -> Any:
        text = self.edit.text().strip()
        return text if text else self.empty

    def set_value(self, value: Any) -> None:
        self.edit.setText(number_to_text(value))


class MoneyInput(_ShortLineInput):
    """Pounds and pence on screen, whole pence in the plan."""

    prefix = "£"

    def value(self) -> Any:
        pence = text_to_pence(self.edit.text())
        return self.empty if pence is None else pence

    def set_value(self, value: Any) -> None:
        self.edit.setText(pence_to_text(None if value in (None, "") else int(value)))


class DateInput(_ShortLineInput):
    def __init__(self, spec: FieldSpec, facts: FieldFacts | None, parent: QWidget) -> None:
        self.placeholder = _("dd/mm/yyyy")
        super().__init__(spec, facts, parent)

    def value(self) -> Any:
        return text_to_date(self.edit.text()) or self.empty

    def set_value(self, value: Any) -> None:
        self.edit.setText(date_to_text(value))


class BoolInput(FieldInput):
    merges_undo = False

    def __init__(self, spec: FieldSpec, facts: FieldFacts | None, parent: QWidget) -> None:
        super().__init__(spec, facts, parent)
        self.check = QCheckBox(spec.label, parent)
        self.check.setMinimumHeight(INPUT_HEIGHT - 4)
        self.check.clicked.connect(self.finished)
        self.widget = self.focus_widget = self.check

    def value(self) -> Any:
        return self.check.isChecked()

    def set_value(self, value: Any) -> None:
        self.check.setChecked(bool(value))


class ChoiceInput(FieldInput):
    def __init__(self, spec: FieldSpec, facts: FieldFacts | None, parent: QWidget) -> None:
        super().__init__(spec, facts, parent)
        self.combo = CalmComboBox(parent)
        self.combo.setMinimumHeight(INPUT_HEIGHT)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if self.offers_not_chosen:
            self.combo.addItem(_("Not chosen"), self.empty)
        for value, label in self.choices():
            self.combo.addItem(label, value)
        self.combo.activated.connect(self.finished)
        self.widget = QWidget(parent)
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addStretch(1)
        self.focus_widget = self.combo

    @property
    def offers_not_chosen(self) -> bool:
        facts = self.facts
        return facts is None or facts.empty is not NO_EMPTY or facts.default is None

    def choices(self) -> list[tuple[str, str]]:
        assert self.spec.choices is not None
        return self.spec.choices.choices()

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        if value in (None, "") and self.offers_not_chosen:
            self.combo.setCurrentIndex(0)
            return
        index = self.combo.findData(value)
        if index < 0 and value not in (None, ""):
            label = choice_label(self.spec.choices, value) if self.spec.choices else str(value)
            self.combo.addItem(label, value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))


class ReferenceInput(ChoiceInput):
    """One item of another list (a step's goal), chosen by its title."""

    def __init__(self, spec: FieldSpec, facts: FieldFacts | None, parent: QWidget) -> None:
        super().__init__(spec, facts, parent)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(30)

    @property
    def offers_not_chosen(self) -> bool:
        return True

    def choices(self) -> list[tuple[str, str]]:
        return []

    def set_document(self, document: dict[str, Any]) -> None:
        current = self.combo.currentData()
        referenced = PART_SPECS.get(self.spec.reference or "")
        title_field = referenced.item_title_field if referenced else None
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            self.combo.addItem(_("Not chosen"), None)
            for item in document.get(self.spec.reference or "", []):
                title = str(item.get(title_field) or "") if title_field else ""
                title = title.strip().splitlines()[0] if title.strip() else _("(no title)")
                self.combo.addItem(title, item.get("uid"))
                self.combo.setItemData(self.combo.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
            index = self.combo.findData(current)
            self.combo.setCurrentIndex(max(index, 0))
        finally:
            self.combo.blockSignals(False)


class MultiChoiceInput(FieldInput):
    """Tick the ones that apply; when the order matters, move them up and down."""

    merges_undo = False

    def __init__(self, spec: FieldSpec, facts: FieldFacts | None, parent: QWidget) -> None:
        super().__init__(spec, facts, parent)
        self.widget = QWidget(parent)
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.list = QListWidget(self.widget)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.list.setMaximumWidth(460)
        self.list.setTabKeyNavigation(False)
        self.list.setStyleSheet("QListWidget::item { padding: 3px 4px; }")
        assert spec.choices is not None
        self._labels = dict(spec.choices.choices())
        self._setting = False
        self.list.itemChanged.connect(self._changed)
        layout.addWidget(self.list, 1)
        self.focus_widget = self.list
        self.up_button: QPushButton | None = None
        self.down_button: QPushButton | None = None
        if spec.ordered:
            buttons = QVBoxLayout()
            buttons.setSpacing(6)
            self.up_button = QPushButton(_("Move up"), self.widget)
            self.up_button.setAccessibleName(
                _("Move the chosen one up in {list}").format(list=spec.label)
            )
            self.up_button.setToolTip(_("Move up (Alt+Up)"))
            self.down_button = QPushButton(_("Move down"), self.widget)
            self.down_button.setAccessibleName(
                _("Move the chosen one down in {list}").format(list=spec.label)
            )
            self.down_button.setToolTip(_("Move down (Alt+Down)"))
            self.up_button.clicked.connect(lambda: self.move_choice(-1))
            self.down_button.clicked.connect(lambda: self.move_choice(1))
            for button in (self.up_button, self.down_button):
                button.setMinimumHeight(INPUT_HEIGHT)
                buttons.addWidget(button)
            buttons.addStretch(1)
            layout.addLayout(buttons)
            self.list.installEventFilter(self)
        layout.addStretch(0)
        self.set_value([])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            key_event: Any = event
            if key_event.modifiers() & Qt.KeyboardModifier.AltModifier:
                if key_event.key() == Qt.Key.Key_Up:
                    self.move_choice(-1)
                    return True
                if key_event.key() == Qt.Key.Key_Down:
                    self.move_choice(1)
                    return True
        return False

    def _changed(self) -> None:
        if not self._setting:
            self.finished.emit()

    def move_choice(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if row < 0 or not 0 <= to < self.list.count():
            return
        self._setting = True
        try:
            item = self.list.takeItem(row)
            self.list.insertItem(to, item)
            self.list.setCurrentRow(to)
        finally:
            self._setting = False
        self.finished.emit()

    def value(self) -> Any:
        chosen = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(item.data(ITEM_DATA)))
        return chosen

    def set_value(self, value: Any) -> None:
        chosen = [str(each) for each in (value or [])]
        order = list(self._labels)
        if self.spec.ordered:
            order = chosen + [each for each in order if each not in chosen]
        current = self.list.currentItem()
        current_value = current.data(ITEM_DATA) if current is not None else None
        self._setting = True
        try:
            self.list.clear()
            for code in order:
                item = QListWidgetItem(self._labels.get(code, code), self.list)
                item.setData(ITEM_DATA, code)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(
                    Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked
                )
                if code == current_value:
                    self.list.setCurrentItem(item)
        finally:
            self._setting = False
        _fit_list_height(self.list)


class CatalogueInput(FieldInput):
    """Kinds of work or study picked from the catalogue, kept as codes."""

    merges_undo = False

    def __init__(
        self,
        spec: FieldSpec,
        facts: FieldFacts | None,
        parent: QWidget,
        services: SessionServices | None,
    ) -> None:
        super().__init__(spec, facts, parent)
        self.services = services
        self.codes: list[str] = []
        self.widget = QWidget(parent)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.list = QListWidget(self.widget)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.list.setMaximumWidth(560)
        self.list.setStyleSheet("QListWidget::item { padding: 3px 4px; }")
        self.list.installEventFilter(self)
        self.none_label = QLabel(_("None picked yet."), self.widget)
        self.none_label.setStyleSheet(MUTED_STYLE)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.pick_button = QPushButton(_("Pick from the list…"), self.widget)
        self.pick_button.setAccessibleName(
            _("Pick from the list: {field}").format(field=spec.label)
        )
        self.remove_button = QPushButton(_("Remove"), self.widget)
        self.remove_button.setAccessibleName(
            _("Remove the chosen one from {field}").format(field=spec.label)
        )
        self.remove_button.setToolTip(_("Remove the chosen one (Delete)"))
        available = services is not None and services.catalogue_available()
        self.pick_button.setEnabled(available)
        if not available:
            self.pick_button.setToolTip(
                _("The list of kinds of work and study is not available in this version.")
            )
        self.pick_button.setMinimumHeight(INPUT_HEIGHT)
        self.remove_button.setMinimumHeight(INPUT_HEIGHT)
        self.pick_button.clicked.connect(self.pick)
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.pick_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(self.none_label)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.focus_widget = self.list
        self.picker: CataloguePicker | None = None
        self.set_value([])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            key_event: Any = event
            if key_event.key() == Qt.Key.Key_Delete:
                self.remove_current()
                return True
        return False

    def label_for(self, code: str) -> str:
        return self.services.catalogue_label(code) if self.services is not None else code

    def value(self) -> Any:
        return list(self.codes)

    def set_value(self, value: Any) -> None:
        self.codes = [str(code) for code in (value or [])]
        self.list.clear()
        for code in self.codes:
            item = QListWidgetItem(self.label_for(code), self.list)
            item.setData(ITEM_DATA, code)
        self.list.setVisible(bool(self.codes))
        self.none_label.setVisible(not self.codes)
        self.remove_button.setEnabled(bool(self.codes))
        _fit_list_height(self.list, minimum_rows=1)

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.codes.remove(str(item.data(ITEM_DATA)))
        self.finished.emit()

    def pick(self) -> None:
        if self.services is None:
            return
        picker = CataloguePicker(self.services, self.codes, self.spec.label, self.widget)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.accepted.connect(lambda: self._picked(picker.chosen()))
        self.picker = picker
        picker.open()

    def _picked(self, codes: list[str]) -> None:
        self.codes = codes
        self.finished.emit()


class CataloguePicker(QDialog):
    """Search the catalogue of kinds of work and study, and tick the ones that interest."""

    def __init__(
        self, services: SessionServices, chosen: list[str], title: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._chosen = list(chosen)
        self.setWindowTitle(title)
        self.setMinimumSize(520, 480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        search_label = QLabel(_("&Search:"), self)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(_("Search the list"))
        self.search.setPlaceholderText(_("For example shop, care or computers"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(INPUT_HEIGHT)
        search_label.setBuddy(self.search)
        self.results = QListWidget(self)
        self.results.setAccessibleName(_("Kinds of work and study"))
        self.results.setStyleSheet("QListWidget::item { padding: 4px; }")
        self.results.itemChanged.connect(self._ticked)
        self.search.textChanged.connect(self.show_matches)
        buttons = QDialogButtonBox(self)
        done = QPushButton(_("Done"), self)
        done.setAccessibleName(_("Done"))
        done.setDefault(False)
        done.setAutoDefault(False)
        cancel = QPushButton(_("Cancel"), self)
        cancel.setAccessibleName(_("Cancel"))
        buttons.addButton(done, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(_("Tick every one that interests you."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self.show_matches("")
        self.search.setFocus()

    def show_matches(self, text: str) -> None:
        self.results.blockSignals(True)
        try:
            self.results.clear()
            for code, label, kind in self.services.catalogue_search(text.strip()):
                item = QListWidgetItem(label, self.results)
                item.setData(ITEM_DATA, code)
                item.setToolTip(kind)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(
                    Qt.CheckState.Checked if code in self._chosen else Qt.CheckState.Unchecked
                )
        finally:
            self.results.blockSignals(False)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _ticked(self, item: QListWidgetItem) -> None:
        code = str(item.data(ITEM_DATA))
        if item.checkState() == Qt.CheckState.Checked and code not in self._chosen:
            self._chosen.append(code)
        elif item.checkState() != Qt.CheckState.Checked and code in self._chosen:
            self._chosen.remove(code)

    def chosen(self) -> list[str]:
        return list(self._chosen)


def _fit_list_height(view: QListWidget, minimum_rows: int = 1) -> None:
    """As tall as its rows, so a short list never scrolls inside a scrolling page."""
    rows = max(view.count(), minimum_rows)
    row_height = view.sizeHintForRow(0) if view.count() else view.fontMetrics().height() + 8
    frame = 2 * view.frameWidth()
    view.setFixedHeight(rows * (row_height + 2 * view.spacing()) + frame + 4)


def make_input(
    spec: FieldSpec,
    facts: FieldFacts | None,
    parent: QWidget,
    services: SessionServices | None = None,
) -> FieldInput:
    kind = spec.kind
    if kind == FieldKind.TEXT:
        return TextInput(spec, facts, parent)
    if kind == FieldKind.LONG_TEXT:
        return LongTextInput(spec, facts, parent)
    if kind in (FieldKind.INTEGER, FieldKind.DECIMAL):
        return NumberInput(spec, facts, parent)
    if kind == FieldKind.MONEY:
        return MoneyInput(spec, facts, parent)
    if kind == FieldKind.DATE:
        return DateInput(spec, facts, parent)
    if kind == FieldKind.BOOL:
        return BoolInput(spec, facts, parent)
    if kind == FieldKind.CHOICE:
        return ChoiceInput(spec, facts, parent)
    if kind == FieldKind.MULTI_CHOICE:
        return MultiChoiceInput(spec, facts, parent)
    if kind == FieldKind.CATALOGUE:
        return CatalogueInput(spec, facts, parent, services)
    if kind == FieldKind.REFERENCE:
        return ReferenceInput(spec, facts, parent)
    raise ValueError(f"no input for {kind}")


# --- a field with its label, help and message ----------------------------------------


class FieldRow(QWidget):
    """A field's label, input, staff detail ("More") and message, one under another."""

    commit_requested = Signal(object)
    """Emitted with this row when its answer should be saved."""

    def __init__(
        self,
        spec: FieldSpec,
        facts: FieldFacts | None,
        parent: QWidget | None = None,
        *,
        services: SessionServices | None = None,
        saves_as_you_go: bool = True,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.saves_as_you_go = saves_as_you_go
        self.dirty = False
        self.has_error = False
        self._edit_serial = 0
        self.input = make_input(spec, facts, self, services)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(5)

        header = QHBoxLayout()
        header.setSpacing(10)
        self.label: QLabel | None = None
        if spec.kind != FieldKind.BOOL:
            self.label = QLabel(spec.label, self)
            self.label.setWordWrap(True)
            self.label.setTextFormat(Qt.TextFormat.PlainText)
            self.label.setStyleSheet("font-weight: 600;")
            self.label.setBuddy(self.input.focus_widget)
            header.addWidget(self.label, 1)
        self.words_marker: QLabel | None = None
        if spec.person_words:
            self.words_marker = QLabel(_("In my words"), self)
            self.words_marker.setStyleSheet(MUTED_STYLE + "font-style: italic;")
            self.words_marker.setToolTip(
                _("Write this as the person says it. It is kept in their words.")
            )
            header.addWidget(self.words_marker)
        self.more_button: QToolButton | None = None
        self.help_label: QLabel | None = None
        if spec.help:
            self.more_button = QToolButton(self)
            self.more_button.setObjectName("moreButton")
            self.more_button.setText(_("More"))
            self.more_button.setCheckable(True)
            self.more_button.setAutoRaise(True)
            self.more_button.setAccessibleName(_("More about {field}").format(field=spec.label))
            self.more_button.setToolTip(spec.help)
            self.more_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.more_button.toggled.connect(self._toggle_help)
            header.addWidget(self.more_button)
        if spec.kind == FieldKind.BOOL:
            header.insertWidget(0, self.input.widget, 1)
            layout.addLayout(header)
        else:
            layout.addLayout(header)
        if spec.note:
            note = QLabel(spec.note, self)
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setStyleSheet(MUTED_STYLE)
            layout.addWidget(note)
        if spec.kind != FieldKind.BOOL:
            layout.addWidget(self.input.widget)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        if spec.help:
            self.help_label = QLabel(spec.help, self)
            self.help_label.setWordWrap(True)
            self.help_label.setTextFormat(Qt.TextFormat.PlainText)
            self.help_label.setStyleSheet(
                MUTED_STYLE + "background: #eef2f0; padding: 8px; border-radius: 4px;"
            )
            self.help_label.hide()
            layout.addWidget(self.help_label)
        focus = self.input.focus_widget
        focus.setAccessibleName(spec.label)
        focus.setAccessibleDescription(" ".join(text for text in (spec.note, spec.help) if text))
        if spec.help:
            focus.setToolTip(spec.help)

        if saves_as_you_go:
            focus.installEventFilter(self)

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_AFTER_MS)
        self.save_timer.timeout.connect(self._pause_in_typing)
        self.input.edited.connect(self._edited)
        self.input.finished.connect(self._finished)
        self.input.focused.connect(self._focused)

    def add_beside_input(self, widget: QWidget, under: QWidget | None = None) -> None:
        """Put ``widget`` (a button such as "Pick from local services…") right of the input,
        and ``under`` (a short note about the answer), if given, just below it."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        index = layout.indexOf(self.input.widget)
        layout.removeWidget(self.input.widget)
        beside = QHBoxLayout()
        beside.setSpacing(8)
        beside.addWidget(self.input.widget, 1)
        beside.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        layout.insertLayout(index, beside)
        if under is not None:
            layout.insertWidget(index + 1, under)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z in a box undoes the session's last change (the window's Undo), not letters."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
                or event.keyCombination().toCombined()
                == (Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Y).toCombined()
            )
        ):
            return True  # left unaccepted, so the window's shortcut runs
        return super().eventFilter(watched, event)

    # --- what the person did -------------------------------------------------

    def _edited(self) -> None:
        self.dirty = True
        if self.saves_as_you_go and self.input.typing_saves_after_pause:
            self.save_timer.start()

    def _pause_in_typing(self) -> None:
        if self.dirty:
            self.commit_requested.emit(self)

    def _finished(self) -> None:
        self.save_timer.stop()
        self.dirty = True  # lists and ticks change without typing first
        if self.saves_as_you_go:
            self.commit_requested.emit(self)

    def _focused(self) -> None:
        self._edit_serial += 1

    def flush(self) -> None:
        """Save now whatever is waiting (the window is closing or the step changing)."""
        if self.save_timer.isActive() or self.dirty:
            self.save_timer.stop()
            if self.saves_as_you_go:
                self.commit_requested.emit(self)

    @property
    def merge_key(self) -> object:
        """Saves with the same key in a row undo as one change (one visit to the field)."""
        if not self.input.merges_undo:
            return None
        return (id(self), self._edit_serial)

    # --- values --------------------------------------------------------------

    def value(self) -> Any:
        """What the field holds, as the plan keeps it; ValueError says plainly what is wrong."""
        return self.input.value()

    def saved(self) -> None:
        self.dirty = False
        self.clear_error()

    def show_saved(self, value: Any, document: dict[str, Any], force: bool = False) -> None:
        """Show the saved ``value``, unless the person is in the middle of changing it."""
        self.input.set_document(document)
        if not force and (self.has_error or self.dirty or self.save_timer.isActive()):
            return
        try:
            current = self.input.value()
        except ValueError:
            current = _UNREADABLE
        if current is _UNREADABLE or not same_value(self.spec.kind, current, value):
            self.input.set_value(value)
        self.save_timer.stop()
        self.dirty = False
        self.clear_error()

    def set_initial(self, value: Any, document: dict[str, Any]) -> None:
        self.input.set_document(document)
        self.input.set_value(value)
        self.dirty = False

    # --- messages ------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.has_error = True
        self.error_label.setText(f"{WARNING_SIGN} {message}")
        self.error_label.show()
        self.input.focus_widget.setAccessibleDescription(message)

    def clear_error(self) -> None:
        if not self.has_error:
            return
        self.has_error = False
        self.error_label.clear()
        self.error_label.hide()
        self.input.focus_widget.setAccessibleDescription(
            " ".join(text for text in (self.spec.note, self.spec.help) if text)
        )

    def _toggle_help(self, shown: bool) -> None:
        if self.help_label is not None:
            self.help_label.setVisible(shown)
        if self.more_button is not None:
            self.more_button.setText(_("Less") if shown else _("More"))

    @property
    def focus_widget(self) -> QWidget:
        return self.input.focus_widget
