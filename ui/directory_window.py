"""The local directory of services: a window to keep the team's list, and share it as CSV.

The list lives in the core (``vocplan.services.directory``); this window
shows it, filtered by kind and by what is typed, and adds, changes and
removes services through ``AppServices``. A removal can be undone. Importing
is all or nothing: a file with a bad row is reported line by line and
changes nothing.

Importing runs on the main thread: a directory file is at most 5 MB (a few
thousand services), which the core reads and checks in well under a second,
and the UI has no background helper yet. The wait cursor shows meanwhile.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui.dialogs import problem_label, save_cancel_buttons, say_nothing_saved
from ui.file_dialogs import ask_open_path, ask_save_path, documents_folder
from ui.person_dialog import WARNING_SIGN, confirm_discard
from ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QAction,
    QApplication,
    QCheckBox,
    QCloseEvent,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    Qt,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.services import DirectoryInput
from ui.style import MUTED_TEXT, fit_to_screen, heading_font
from vocplan.domain.enums import ServiceKind
from vocplan.domain.errors import ValidationError, VocPlanError
from vocplan.formatting import babel_locale
from vocplan.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from ui.services import AppServices
    from vocplan.services.directory import DirectoryRecord, ImportReport

MUTED_STYLE = f"color: {MUTED_TEXT};"
BUTTON_HEIGHT = 34
DETAILS_WIDTH = 340
EXPORT_NAME = "vocplan-local-services-{day}.csv"
"""The suggested file name for an export: what it is and the day, never anyone's name."""

TABLE_STYLE = """
QTableView::item { padding-left: 8px; padding-right: 12px; }
QHeaderView::section {
    background: #e8ebe8; color: #1f2a30; padding: 6px 12px 6px 8px;
    border: none; border-bottom: 1px solid #b9c2be; border-right: 1px solid #d5dbd8;
}
"""


# --- plain helpers ---------------------------------------------------------------------


def export_file_name(day: date) -> str:
    """``vocplan-local-services-2026-11-23.csv``: no personal data in a shared file's name."""
    return EXPORT_NAME.format(day=day.isoformat())


def with_csv_suffix(path: str) -> Path:
    """The path chosen to export to, ending in .csv (a save dialog may leave it off)."""
    chosen = Path(path)
    return chosen if chosen.suffix.casefold() == ".csv" else chosen.with_name(chosen.name + ".csv")


def line_numbers_text(lines: list[int]) -> str:
    """Line numbers as a list in words: "4", "4 and 9", "4, 9 and 12"."""
    from babel.lists import format_list

    return str(format_list([str(line) for line in lines], locale=babel_locale()))


def import_summary(report: ImportReport) -> list[str]:
    """What an import that worked did, in short sentences, most important first."""
    sentences: list[str] = []
    if report.added:
        sentences.append(
            ngettext("Added {count} service.", "Added {count} services.", report.added).format(
                count=report.added
            )
        )
    if report.updated:
        sentences.append(
            ngettext(
                "Brought {count} service up to date.",
                "Brought {count} services up to date.",
                report.updated,
            ).format(count=report.updated)
        )
    skipped = len(report.skipped)
    if skipped:
        sentences.append(
            ngettext(
                "Skipped {count} that was already there (line {lines}).",
                "Skipped {count} that were already there (lines {lines}).",
                skipped,
            ).format(count=skipped, lines=line_numbers_text([row.line for row in report.skipped]))
        )
    if not sentences:
        sentences.append(_("The file had no services in it, so nothing was added."))
    if report.encoding == "cp1252":
        sentences.append(
            _(
                "The file was not saved as UTF-8, so it was read as Windows text "
                "(cp1252). Check that letters such as ŵ or ł came through."
            )
        )
    if report.ignored_columns:
        sentences.append(
            _("These columns are not used by VocPlan and were left out: {names}").format(
                names=", ".join(report.ignored_columns)
            )
        )
    return sentences


def choose_file_to_import(parent: QWidget, folder: Path) -> str:
    """Ask for the CSV file to import; empty when the person cancels. Tests replace this."""
    return ask_open_path(
        parent, _("Import a list of services"), folder, _("CSV files (*.csv);;All files (*)")
    )


def choose_file_to_export(parent: QWidget, suggested: Path) -> str:
    """Ask where to save the list; empty when the person cancels. Tests replace this."""
    return ask_save_path(
        parent, _("Export the list of services"), suggested, _("CSV files (*.csv)")
    )


# --- the table of services ---------------------------------------------------------------

NAME, KIND, AREA, PHONE = range(4)
COLUMN_TITLES = (N_("Name"), N_("Kind"), N_("Area"), N_("Phone"))
UID_ROLE = Qt.ItemDataRole.UserRole + 1


class DirectoryTableModel(QAbstractTableModel):
    """The services shown, one a row: a thin adapter over the core's records."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[DirectoryRecord] = []

    def set_records(self, records: list[DirectoryRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> DirectoryRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, uid: str | None) -> int | None:
        for row, record in enumerate(self._records):
            if record.uid == uid:
                return row
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMN_TITLES)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        record = self.record(index.row()) if index.isValid() else None
        if record is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (record.name, record.kind_label, record.area, record.phone)[index.column()]
        if role == UID_ROLE:
            return record.uid
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMN_TITLES)
        ):
            return _(COLUMN_TITLES[section])
        return None


def service_details_html(record: DirectoryRecord) -> str:
    """Everything known about one service, for the details beside the table."""
    rows = [
        (_("Kind"), record.kind_label),
        (_("Area"), record.area),
        (_("Address"), record.address),
        (_("Phone"), record.phone),
        (_("Email"), record.email),
        (_("Website"), record.website),
        (_("Notes"), record.notes),
    ]
    parts = [f"<h3>{html.escape(record.name)}</h3>"]
    for label, value in rows:
        if not value.strip():
            continue
        text = html.escape(value).replace("\n", "<br>")
        parts.append(f"<p><b>{html.escape(label)}</b><br>{text}</p>")
    return "".join(parts)


# --- the window ------------------------------------------------------------------------


class DirectoryWindow(QMainWindow):
    """The team's local services: find, add, change, remove (undoable), import and export."""

    closed = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("Local services — VocPlan"))
        fit_to_screen(self, 1100, 700)
        self.setMinimumSize(720, 480)
        self.removed: list[DirectoryRecord] = []
        """Services removed in this window, the last one first to be put back by Undo."""
        self.total = 0
        self.folder = documents_folder()
        self.service_dialog: ServiceDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.model = DirectoryTableModel(self)

        self._build_actions()
        self.pages = QStackedWidget(self)
        self.empty_page = self._build_empty_page()
        self.list_page = self._build_list_page()
        self.pages.addWidget(self.empty_page)
        self.pages.addWidget(self.list_page)
        self.setCentralWidget(self.pages)
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)

    # --- building ------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.add_action = QAction(_("Add a service…"), self)
        self.add_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.New), QKeySequence("Insert")]
        )
        self.add_action.triggered.connect(self.add_service)
        self.undo_action = QAction(_("Undo removal"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_removal)
        self.find_action = QAction(_("Find a service"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.close_action = QAction(_("Close"), self)
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close)
        for action in (self.add_action, self.undo_action, self.find_action, self.close_action):
            self.addAction(action)

    def _button(self, text: str, accessible_name: str, parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setAccessibleName(accessible_name)
        button.setMinimumHeight(BUTTON_HEIGHT)
        return button

    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        column = QWidget(page)
        column.setMaximumWidth(640)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        title = QLabel(_("No local services yet"), column)
        title.setFont(heading_font(page, 1.5))
        title.setWordWrap(True)
        layout.addWidget(title)
        paragraphs = (
            _(
                "This is your team's list of local services. When you add an option or a "
                "referral to someone's plan, you can pick the service from here instead of "
                "typing it."
            ),
            _(
                "Put in the services people in your area use: IPS and other employment "
                "support, colleges and adult learning, volunteering centres, welfare rights "
                "advice, Access to Work, Jobcentre Plus, and anything else that helps people "
                "into work or study."
            ),
            _(
                "Write the notes for a colleague who has never used the service: who it is for, "
                "how to refer, and how long it usually takes. Do not put anyone's personal "
                "details here."
            ),
            _(
                "To share the list, one person exports it as a CSV file and sends it to "
                "colleagues by your usual secure route. They import it in their VocPlan. If a "
                "row in the file has a problem, VocPlan says which line and imports nothing."
            ),
            _(
                "The list starts empty because every area is different, and an out-of-date "
                "phone number does more harm than none."
            ),
        )
        for text in paragraphs:
            label = QLabel(text, column)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        layout.addSpacing(12)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        self.empty_add_button = self._button(_("Add a service"), _("Add a service"), column)
        self.empty_add_button.setDefault(True)
        self.empty_add_button.setMinimumWidth(200)
        self.empty_add_button.clicked.connect(self.add_service)
        self.empty_import_button = self._button(
            _("Import a list (CSV)…"), _("Import a list of services from a CSV file"), column
        )
        self.empty_import_button.setMinimumWidth(200)
        self.empty_import_button.clicked.connect(self.import_list)
        buttons.addWidget(self.empty_add_button)
        buttons.addWidget(self.empty_import_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 6)
        row.addStretch(1)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return page

    def _build_list_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(10)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.add_button = self._button(_("Add…"), _("Add a service"), page)
        self.add_button.setToolTip(_("Add a service (Insert)"))
        self.add_button.clicked.connect(self.add_service)
        self.change_button = self._button(_("Change…"), _("Change the chosen service"), page)
        self.change_button.setToolTip(_("Change the chosen service (Enter)"))
        self.change_button.clicked.connect(self.change_service)
        self.remove_button = self._button(_("Remove"), _("Remove the chosen service"), page)
        self.remove_button.setToolTip(_("Remove the chosen service (Delete). You can undo it."))
        self.remove_button.clicked.connect(self.remove_service)
        self.undo_button = self._button(
            _("Undo removal"), _("Put back the service removed last"), page
        )
        self.undo_button.setToolTip(_("Put back the service removed last (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_removal)
        self.import_button = self._button(
            _("Import a list (CSV)…"), _("Import a list of services from a CSV file"), page
        )
        self.import_button.clicked.connect(self.import_list)
        self.export_button = self._button(
            _("Export the list (CSV)…"), _("Export the list of services to a CSV file"), page
        )
        self.export_button.clicked.connect(self.export_list)
        for button in (self.add_button, self.change_button, self.remove_button, self.undo_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        kind_label = QLabel(_("&Kind:"), page)
        self.kind_combo = QComboBox(page)
        self.kind_combo.setAccessibleName(_("Show services of this kind"))
        self.kind_combo.addItem(_("All kinds"), "")
        for value, label in ServiceKind.choices():
            self.kind_combo.addItem(label, value)
        self.kind_combo.setMinimumHeight(BUTTON_HEIGHT)
        kind_label.setBuddy(self.kind_combo)
        self.kind_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        search_label = QLabel(_("F&ind:"), page)
        self.search_edit = QLineEdit(page)
        self.search_edit.setAccessibleName(_("Find a service"))
        self.search_edit.setPlaceholderText(_("Name, area or notes"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumHeight(BUTTON_HEIGHT)
        self.search_edit.setMinimumWidth(260)
        search_label.setBuddy(self.search_edit)
        self.search_edit.textChanged.connect(lambda _text: self.refresh())
        filters.addWidget(kind_label)
        filters.addWidget(self.kind_combo)
        filters.addSpacing(16)
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 1)
        layout.addLayout(filters)

        self.table = QTableView(page)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Local services"))
        self.table.setAccessibleDescription(
            _("Insert adds, Enter changes the chosen one, Delete removes it.")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setStyleSheet(TABLE_STYLE)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (KIND, AREA, PHONE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.change_service())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_current()
        )
        self.table.installEventFilter(self)

        self.details = QTextBrowser(page)
        self.details.setAccessibleName(_("Details of the chosen service"))
        self.details.setOpenLinks(False)
        self.details.setTabChangesFocus(True)
        self.details.setMinimumWidth(240)
        self.details.setFrameShape(QFrame.Shape.StyledPanel)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, page)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([2 * DETAILS_WIDTH, DETAILS_WIDTH])  # the names need the room
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.no_match_label = QLabel(
            _("No service matches. Check the spelling, choose all kinds, or clear the search."),
            page,
        )
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.no_match_label.hide()
        layout.addWidget(self.no_match_label)
        return page

    # --- showing the list ----------------------------------------------------------

    def refresh(self, select_uid: str | None = None) -> None:
        """Read the services again and show those matching the filters."""
        current = select_uid or self.current_uid()
        self.total = len(self._services.list_services())
        kind = str(self.kind_combo.currentData() or "")
        records = self._services.list_services(kind, self.search_edit.text())
        self.model.set_records(records)
        if self.total == 0:
            if self.pages.currentWidget() is not self.empty_page:
                self.pages.setCurrentWidget(self.empty_page)
                self.empty_add_button.setFocus()
        else:
            showing_empty = self.pages.currentWidget() is self.empty_page
            self.pages.setCurrentWidget(self.list_page)
            if showing_empty:
                self.table.setFocus()
        row = self.model.row_of(current)
        if row is None and records:
            row = 0
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, NAME))
        self.no_match_label.setVisible(self.total > 0 and not records)
        self._show_current()
        self._update_count(len(records))

    def current_uid(self) -> str | None:
        record = self.current_record()
        return record.uid if record is not None else None

    def current_record(self) -> DirectoryRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def is_showing_empty_state(self) -> bool:
        return self.pages.currentWidget() is self.empty_page

    def shown_names(self) -> list[str]:
        return [str(self.model.index(row, NAME).data()) for row in range(self.model.rowCount())]

    def _show_current(self) -> None:
        record = self.current_record()
        chosen = record is not None
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.undo_action.setEnabled(bool(self.removed))
        self.undo_button.setEnabled(bool(self.removed))
        if record is None:
            self.details.setPlainText(_("Choose a service in the list to see its details."))
        else:
            self.details.setHtml(service_details_html(record))
        self.details.document().setDocumentMargin(12)

    def _update_count(self, shown: int) -> None:
        total = self.total
        if total == 0:
            text = _("No services yet")
        elif shown == total:
            text = ngettext("{count} service", "{count} services", total).format(count=total)
        else:
            text = ngettext(
                "Showing {shown} of {count} service", "Showing {shown} of {count} services", total
            ).format(shown=shown, count=total)
        self.count_label.setText(text)

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    # --- adding, changing and removing ----------------------------------------------

    def add_service(self) -> None:
        self._open_service_dialog(None)

    def change_service(self) -> None:
        record = self.current_record()
        if record is not None:
            self._open_service_dialog(record)

    def _open_service_dialog(self, record: DirectoryRecord | None) -> None:
        if self.service_dialog is not None:
            self.service_dialog.raise_()
            return
        dialog = ServiceDialog(self._services, record, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._service_saved)
        dialog.finished.connect(self._service_dialog_finished)
        self.service_dialog = dialog
        dialog.open()

    def _service_saved(self, record: DirectoryRecord) -> None:
        self.search_edit.clear()
        self.kind_combo.setCurrentIndex(0)
        self.refresh(select_uid=record.uid)
        self.say(_("Saved “{name}”.").format(name=record.name))

    def _service_dialog_finished(self) -> None:
        self.service_dialog = None
        if not self.is_showing_empty_state():
            self.table.setFocus()

    def remove_service(self) -> None:
        """Remove the chosen service at once; Undo removal (Ctrl+Z) puts it back."""
        record = self.current_record()
        if record is None:
            return
        row = self.table.selectionModel().selectedRows()[0].row()
        try:
            removed = self._services.remove_service(record.uid)
        except VocPlanError as problem:
            self.say(str(problem))
            self.refresh()
            return
        self.removed.append(removed)
        below = self.model.record(row + 1) or self.model.record(row - 1)
        self.refresh(select_uid=below.uid if below is not None else None)
        self.say(
            _("Removed “{name}”. Press Undo removal (Ctrl+Z) to put it back.").format(
                name=removed.name
            )
        )

    def undo_removal(self) -> None:
        if not self.removed:
            return
        record = self.removed.pop()
        try:
            restored = self._services.restore_service(record)
        except VocPlanError as problem:
            self.say(_("It could not be put back: {problem}").format(problem=str(problem)))
            self.refresh()
            return
        self.search_edit.clear()
        self.kind_combo.setCurrentIndex(0)
        self.refresh(select_uid=restored.uid)
        self.say(_("Put back “{name}”.").format(name=restored.name))

    # --- importing and exporting -------------------------------------------------------

    def import_list(self) -> None:
        """Ask whether to update services already there, then which file to import."""
        dialog = ImportDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._import_from_chosen_file(dialog.update_existing))
        dialog.finished.connect(self._import_dialog_finished)
        self.import_dialog = dialog
        dialog.open()

    def _import_dialog_finished(self) -> None:
        self.import_dialog = None

    def _import_from_chosen_file(self, update_existing: bool) -> None:
        chosen = choose_file_to_import(self, self.folder)
        if not chosen:
            return
        path = Path(chosen)
        self.folder = path.parent
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self._services.import_services(path, update_existing=update_existing)
        finally:
            QApplication.restoreOverrideCursor()
        self.search_edit.clear()
        self.kind_combo.setCurrentIndex(0)
        self.refresh()
        if report.ok:
            self.say(" ".join(import_summary(report)[:2]))
        else:
            self.say(_("Nothing was imported."))
        self.show_import_report(report)

    def show_import_report(self, report: ImportReport) -> None:
        dialog = ImportReportDialog(report, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._report_dialog_finished)
        self.report_dialog = dialog
        dialog.open()

    def _report_dialog_finished(self) -> None:
        self.report_dialog = None

    def export_list(self) -> None:
        chosen = choose_file_to_export(self, self.folder / export_file_name(date.today()))
        if not chosen:
            return
        path = with_csv_suffix(chosen)
        self.folder = path.parent
        try:
            count = self._services.export_services(path)
        except VocPlanError as problem:
            QMessageBox.warning(self, _("The list was not exported"), str(problem))
            return
        self.say(
            ngettext(
                "Saved {count} service to {file}.", "Saved {count} services to {file}.", count
            ).format(count=count, file=path.name)
        )

    # --- keys and closing --------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Delete:
                self.remove_service()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.change_service()
                return True
        return False

    def _focus_search(self) -> None:
        if not self.is_showing_empty_state():
            self.search_edit.setFocus()
            self.search_edit.selectAll()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()


# --- adding or changing one service --------------------------------------------------


@dataclass(frozen=True)
class ServiceField:
    name: str
    """The DirectoryInput field it fills."""
    label: str
    accessible_name: str
    hint: str = ""
    long: bool = False


SERVICE_FIELDS = (
    ServiceField("name", N_("&Name of the service"), N_("Name of the service")),
    ServiceField("kind", N_("&Kind of service"), N_("Kind of service")),
    ServiceField(
        "area",
        N_("&Area"),
        N_("Area"),
        N_(
            "Where it is, for example Leeds North. Two services with the same name need "
            "different areas."
        ),
    ),
    ServiceField("address", N_("Add&ress"), N_("Address"), long=True),
    ServiceField("phone", N_("&Phone"), N_("Phone")),
    ServiceField("email", N_("&Email"), N_("Email")),
    ServiceField("website", N_("&Website"), N_("Website")),
    ServiceField(
        "notes",
        N_("N&otes"),
        N_("Notes"),
        N_(
            "For a colleague who has never used it: who it is for, how to refer, how long it "
            "takes. No one's personal details."
        ),
        long=True,
    ),
)


class ServiceDialog(QDialog):
    """Add a service to the directory, or change one; the core checks it before it is saved."""

    saved = Signal(object)
    """Emitted with the DirectoryRecord as saved."""

    def __init__(
        self, services: AppServices, record: DirectoryRecord | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.record = record
        self.setWindowTitle(_("Add a service") if record is None else _("Change a service"))
        self.setModal(True)
        fit_to_screen(self, 600, 720)
        self.setMinimumWidth(460)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        outer.setSpacing(8)
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(14)
        intro = QLabel(_("Only the name is needed. Add what a colleague would want to know."), body)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary_label = problem_label(body, bold=True)
        layout.addWidget(self.summary_label)

        self.inputs: dict[str, QLineEdit | QComboBox | QPlainTextEdit] = {}
        self.error_labels: dict[str, QLabel] = {}
        for field in SERVICE_FIELDS:
            layout.addLayout(self._field_block(field, body))
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

        if record is not None:
            self._show_record(record)
        self._initial = self.entry()
        self.inputs["name"].setFocus()

    def _field_block(self, field: ServiceField, parent: QWidget) -> QVBoxLayout:
        block = QVBoxLayout()
        block.setSpacing(4)
        label = QLabel(_(field.label), parent)
        label.setStyleSheet("font-weight: 600;")
        block.addWidget(label)
        if field.hint:
            hint = QLabel(_(field.hint), parent)
            hint.setWordWrap(True)
            hint.setStyleSheet(MUTED_STYLE)
            block.addWidget(hint)
        widget: QLineEdit | QComboBox | QPlainTextEdit
        if field.name == "kind":
            combo = QComboBox(parent)
            for value, text in ServiceKind.choices():
                combo.addItem(text, value)
            combo.setCurrentIndex(combo.findData(ServiceKind.OTHER.value))
            row = QHBoxLayout()
            row.addWidget(combo)
            row.addStretch(1)
            block.addLayout(row)
            widget = combo
        elif field.long:
            edit = QPlainTextEdit(parent)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 16)
            block.addWidget(edit)
            widget = edit
        else:
            line = QLineEdit(parent)
            block.addWidget(line)
            widget = line
        widget.setMinimumHeight(32)
        widget.setAccessibleName(_(field.accessible_name))
        if field.hint:
            widget.setToolTip(_(field.hint))
        label.setBuddy(widget)
        error = problem_label(parent)
        block.addWidget(error)
        self.inputs[field.name] = widget
        self.error_labels[field.name] = error
        return block

    def _show_record(self, record: DirectoryRecord) -> None:
        for field in SERVICE_FIELDS:
            widget = self.inputs[field.name]
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(record.kind.value), 0))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(getattr(record, field.name)))
            else:
                widget.setText(str(getattr(record, field.name)))

    def text_of(self, name: str) -> str:
        widget = self.inputs[name]
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()

    def line_edit(self, name: str) -> QLineEdit:
        widget = self.inputs[name]
        assert isinstance(widget, QLineEdit)
        return widget

    def entry(self) -> DirectoryInput:
        return DirectoryInput(**{field.name: self.text_of(field.name) for field in SERVICE_FIELDS})

    def save(self) -> None:
        try:
            if self.record is None:
                saved = self._services.add_service(self.entry())
            else:
                saved = self._services.update_service(self.record.uid, self.entry())
        except ValidationError as problem:
            self.show_errors(problem.field_errors)
            return
        except VocPlanError as problem:
            QMessageBox.warning(self, _("Not saved"), str(problem))
            return
        self.saved.emit(saved)
        self.accept()

    def show_errors(self, field_errors: dict[str, str]) -> None:
        first: QWidget | None = None
        for field in SERVICE_FIELDS:
            label = self.error_labels[field.name]
            widget = self.inputs[field.name]
            message = field_errors.get(field.name, "")
            label.setText(f"{WARNING_SIGN} {message}" if message else "")
            label.setVisible(bool(message))
            widget.setAccessibleDescription(message)
            if message and first is None:
                first = widget
        others = [text for name, text in field_errors.items() if name not in self.inputs]
        self.general_error.setText("\n".join(f"{WARNING_SIGN} {text}" for text in others))
        self.general_error.setVisible(bool(others))
        say_nothing_saved(self.summary_label, len(field_errors))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(first)

    def error_text(self, name: str) -> str:
        label = self.error_labels[name]
        return label.text() if not label.isHidden() else ""

    def reject(self) -> None:
        """Esc, Cancel or the close button: ask first if anything was typed."""
        if self.entry() != self._initial and not confirm_discard(self):
            return
        super().reject()


# --- importing ---------------------------------------------------------------------------


class ImportDialog(QDialog):
    """Before choosing the file: what importing does, and whether to update what is there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import a list of services"))
        self.setModal(True)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        for text in (
            _(
                "Choose a CSV file of services, for example one a colleague exported from "
                "VocPlan. The first row names the columns; only the name must be filled in."
            ),
            _(
                "Importing is all or nothing. If any row has a problem, VocPlan lists each one by "
                "its line in the file and imports nothing, so you can put it right and try again."
            ),
        ):
            label = QLabel(text, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.update_check = QCheckBox(_("&Update services that are already there"), self)
        self.update_check.setAccessibleName(_("Update services that are already there"))
        self.update_check.setAccessibleDescription(
            _(
                "A service with the same name and area is left as it is, unless this is ticked: "
                "then it is brought up to date from the file."
            )
        )
        layout.addWidget(self.update_check)
        note = QLabel(
            _(
                "A service with the same name and area is left as it is, unless this is ticked: "
                "then it is brought up to date from the file."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(MUTED_STYLE)
        note.setContentsMargins(24, 0, 0, 0)
        layout.addWidget(note)
        layout.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.choose_button = QPushButton(_("&Choose the file…"), self)
        self.choose_button.setAccessibleName(_("Choose the file to import"))
        self.choose_button.setDefault(True)
        cancel = QPushButton(_("Cancel"), self)
        cancel.setAccessibleName(_("Cancel"))
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choose_button.setFocus()

    @property
    def update_existing(self) -> bool:
        return self.update_check.isChecked()


class ImportReportDialog(QDialog):
    """What an import did; or, when the file has bad rows, each problem by line."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setModal(True)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        if report.ok:
            self.setWindowTitle(_("The list was imported"))
            heading_text = _("The list was imported")
            sentences = import_summary(report)
            details = [row.text for row in report.skipped]
            details_name = _("Services that were already there, by line")
        else:
            self.setWindowTitle(_("Nothing was imported"))
            heading_text = f"{WARNING_SIGN} " + _("Nothing was imported")
            count = len(report.problems)
            sentences = [
                ngettext(
                    "The file has {count} problem. Nothing from it was imported, so your list "
                    "is as it was. Put the line below right in the file and import it again.",
                    "The file has {count} problems. Nothing from it was imported, so your list "
                    "is as it was. Put the lines below right in the file and import it again.",
                    count,
                ).format(count=count)
            ]
            details = [problem.text for problem in report.problems]
            details_name = _("Problems in the file, by line")
        self.heading = QLabel(heading_text, self)
        self.heading.setFont(heading_font(self, 1.25))
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.message = QLabel("\n".join(sentences), self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self._lines = details
        self.details = QTextBrowser(self)
        self.details.setAccessibleName(details_name)
        self.details.setOpenLinks(False)
        self.details.setTabChangesFocus(True)
        items = "".join(f'<li style="margin-bottom: 6px;">{html.escape(t)}</li>' for t in details)
        self.details.setHtml(f'<ul style="-qt-list-indent: 1;">{items}</ul>')
        self.details.setVisible(bool(details))
        if details:
            caption = QLabel(details_name, self)
            caption.setStyleSheet("font-weight: 600;")
            caption.setBuddy(self.details)
            layout.addWidget(caption)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        close = QPushButton(_("Close"), self)
        close.setAccessibleName(_("Close"))
        close.setDefault(True)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        line = self.details.fontMetrics().lineSpacing()
        self.details.setMinimumHeight(min(len(details), 6) * line + 24)
        fit_to_screen(self, 640, 220 + min(len(details), 12) * (2 * line + 6) if details else 200)
        close.setFocus()

    def lines(self) -> list[str]:
        """The problems (or the services skipped), one each, as listed."""
        return list(self._lines)
