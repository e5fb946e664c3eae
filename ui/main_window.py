"""The first window: everyone VocPlan holds, with a way to add a person and open a plan.

The window is built and shown before the database is opened (``ui.app`` does
that a moment later), so this module and what it imports stay light: the
dialog and the plan window, which need the core's database layer, are
imported when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.people_model import (
    CARE_COORDINATOR,
    DATE_OF_BIRTH,
    NAME,
    NHS_NUMBER,
    PERSON_ID_ROLE,
    PLAN_STATUS,
    PeopleFilterModel,
    PeopleTableModel,
)
from ui.qt import (
    QAbstractItemView,
    QAction,
    QCloseEvent,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QModelIndex,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.style import fit_to_screen, heading_font
from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _, ngettext

if TYPE_CHECKING:
    from ui.directory_window import DirectoryWindow
    from ui.person_dialog import PersonDialog
    from ui.plan_files import PlanImporter, PlanSaver
    from ui.security.lock import LockManager
    from ui.services import AppServices
    from ui.session.window import SessionWindow
    from vocplan.security.keyfile import Account, Mode
    from vocplan.services.people import PersonSummary

TABLE_STYLE = """
QTableView::item { padding-left: 8px; padding-right: 12px; }
QHeaderView::section {
    background: #e8ebe8; color: #1f2a30; padding: 6px 12px 6px 8px;
    border: none; border-bottom: 1px solid #b9c2be; border-right: 1px solid #d5dbd8;
}
"""

APP_TITLE = "VocPlan"
"""The product's name; never a person's name, since the title shows in the taskbar."""


class MainWindow(QMainWindow):
    people_shown = Signal()
    """The people list has been filled (or found empty) from the database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_TITLE)
        fit_to_screen(self, 1000, 640)
        self.setMinimumSize(640, 420)
        self._services: AppServices | None = None
        self.session_windows: dict[int, SessionWindow] = {}
        """The open guided session of each person: one window a person."""
        self.person_dialog: PersonDialog | None = None
        self.directory_window: DirectoryWindow | None = None
        self.plan_saver: PlanSaver | None = None
        self.plan_importer: PlanImporter | None = None
        self.lock_manager: LockManager | None = None

        self.model = PeopleTableModel(self)
        self.proxy = PeopleFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self._build_actions()
        self._build_menus()
        self.pages = QStackedWidget(self)
        self.opening_page = self._build_opening_page()
        self.empty_page = self._build_empty_page()
        self.list_page = self._build_list_page()
        for page in (self.opening_page, self.empty_page, self.list_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)
        self.show_opening()

    # --- building ---------------------------------------------------------

    def _build_actions(self) -> None:
        self.add_action = QAction(_("&Add a person…"), self)
        self.add_action.setShortcut(QKeySequence.StandardKey.New)
        self.add_action.setStatusTip(_("Add someone to plan with"))
        self.add_action.triggered.connect(self.add_person)

        self.open_action = QAction(_("&Open plan"), self)
        self.open_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.open_action.setStatusTip(_("Open the plan of the person chosen in the list"))
        self.open_action.triggered.connect(self.open_plan)

        self.find_action = QAction(_("&Find a person"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)

        self.quit_action = QAction(_("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.quit_action.triggered.connect(self.close)

        self.directory_action = QAction(_("&Local services…"), self)
        self.directory_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_D))
        self.directory_action.setStatusTip(_("The team's list of local services, shared as CSV"))
        self.directory_action.triggered.connect(self.open_directory)

        self.save_plan_action = QAction(_("&Save plan as…"), self)
        self.save_plan_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_S))
        self.save_plan_action.setStatusTip(
            _("Save the chosen person's plan as a PDF for the care record, or another file")
        )
        self.save_plan_action.triggered.connect(self.save_plan)

        self.print_plan_action = QAction(_("&Print plan…"), self)
        self.print_plan_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_plan_action.setStatusTip(_("Print the chosen person's plan"))
        self.print_plan_action.triggered.connect(self.print_plan)

        self.import_action = QAction(_("&Import a plan file…"), self)
        self.import_action.setStatusTip(
            _("Bring in a plan saved by VocPlan: a take-home file or a JSON plan file")
        )
        self.import_action.triggered.connect(self.import_plan)

        for action in (
            self.add_action,
            self.open_action,
            self.find_action,
            self.quit_action,
            self.directory_action,
            self.save_plan_action,
            self.print_plan_action,
            self.import_action,
        ):
            self.addAction(action)

    def _build_menus(self) -> None:
        people_menu = self.menuBar().addMenu(_("&People"))
        self.people_menu = people_menu
        people_menu.addAction(self.add_action)
        people_menu.addAction(self.open_action)
        people_menu.addAction(self.find_action)
        people_menu.addSeparator()
        people_menu.addAction(self.quit_action)
        plan_menu = self.menuBar().addMenu(_("P&lan"))
        plan_menu.addAction(self.save_plan_action)
        plan_menu.addAction(self.print_plan_action)
        plan_menu.addSeparator()
        plan_menu.addAction(self.import_action)
        directory_menu = self.menuBar().addMenu(_("&Directory"))
        directory_menu.addAction(self.directory_action)

    def _build_opening_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        self.opening_label = QLabel(_("Opening your plans…"), page)
        self.opening_label.setFont(heading_font(page, 1.3))
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.opening_label)
        layout.addStretch(3)
        return page

    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        column = QWidget(page)
        column.setMaximumWidth(560)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Nobody here yet"), column)
        title.setFont(heading_font(page, 1.6))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        explanation = QLabel(
            _(
                "Add the person you are planning with to start their plan. "
                "Only their name is needed now; the rest can wait."
            ),
            column,
        )
        explanation.setWordWrap(True)
        explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_add_button = QPushButton(_("&Add a person"), column)
        self.empty_add_button.setAccessibleName(_("Add a person"))
        self.empty_add_button.setFont(heading_font(page, 1.15))
        self.empty_add_button.setMinimumSize(240, 52)
        self.empty_add_button.setDefault(True)
        self.empty_add_button.clicked.connect(self.add_action.trigger)
        column_layout.addWidget(title)
        column_layout.addSpacing(12)
        column_layout.addWidget(explanation)
        column_layout.addSpacing(28)
        column_layout.addWidget(self.empty_add_button, 0, Qt.AlignmentFlag.AlignHCenter)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)
        return page

    def _build_list_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(10)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.add_button = QPushButton(_("Add a person"), page)
        self.add_button.setAccessibleName(_("Add a person"))
        self.add_button.setToolTip(_("Add a person (Ctrl+N)"))
        self.add_button.clicked.connect(self.add_action.trigger)
        self.open_button = QPushButton(_("Open plan"), page)
        self.open_button.setAccessibleName(_("Open plan"))
        self.open_button.setToolTip(_("Open the chosen person's plan (Enter)"))
        self.open_button.clicked.connect(self.open_action.trigger)
        self.open_action.enabledChanged.connect(self.open_button.setEnabled)
        self.directory_button = QPushButton(_("Local services"), page)
        self.directory_button.setAccessibleName(_("Local services"))
        self.directory_button.setToolTip(_("The team's list of local services (Ctrl+D)"))
        self.directory_button.clicked.connect(self.directory_action.trigger)
        self.directory_action.enabledChanged.connect(self.directory_button.setEnabled)
        for button in (self.add_button, self.open_button, self.directory_button):
            button.setMinimumHeight(34)
            button.setMinimumWidth(130)
            bar.addWidget(button)
        bar.addStretch(1)
        search_label = QLabel(_("F&ind:"), page)
        self.search_edit = QLineEdit(page)
        self.search_edit.setPlaceholderText(_("Name, NHS number or care coordinator"))
        self.search_edit.setAccessibleName(_("Find a person"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(300)
        self.search_edit.setMinimumHeight(34)
        search_label.setBuddy(self.search_edit)
        self.search_edit.textChanged.connect(self._search_changed)
        self.search_edit.returnPressed.connect(self.open_action.trigger)  # type, then Enter
        bar.addWidget(search_label)
        bar.addWidget(self.search_edit)
        layout.addLayout(bar)

        self.table = QTableView(page)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("People"))
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
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (DATE_OF_BIRTH, NHS_NUMBER, CARE_COORDINATOR, PLAN_STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._row_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

        self.no_match_label = QLabel(
            _("Nobody matches what you typed. Check the spelling, or clear the search."), page
        )
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.no_match_label.hide()
        layout.addWidget(self.no_match_label)

        self.setTabOrder(self.add_button, self.open_button)
        self.setTabOrder(self.open_button, self.search_edit)
        self.setTabOrder(self.search_edit, self.table)
        return page

    # --- states -----------------------------------------------------------

    def show_opening(self) -> None:
        self.pages.setCurrentWidget(self.opening_page)
        self.add_action.setEnabled(False)
        self.open_action.setEnabled(False)
        self.find_action.setEnabled(False)
        self.directory_action.setEnabled(False)
        self.import_action.setEnabled(False)
        self._selection_changed()
        self.statusBar().showMessage(_("Opening your plans…"))

    def show_cannot_open(self) -> None:
        """Stop saying "Opening…" once it is known the data cannot be opened."""
        self.pages.setCurrentWidget(self.opening_page)
        self.opening_label.setText(_("VocPlan could not open your plans."))
        self.statusBar().clearMessage()

    def attach(self, services: AppServices) -> None:
        """Start using the opened database; called once, after the window is on screen."""
        self._services = services
        self.add_action.setEnabled(True)
        self.directory_action.setEnabled(True)
        self.import_action.setEnabled(True)
        self.statusBar().clearMessage()
        self.refresh_people()

    def set_access(
        self,
        account: Account,
        mode: Mode | None,
        lock_manager: LockManager,
    ) -> None:
        """After signing in: the Lock button and shortcut, and an administrator's tools."""
        from vocplan.security.keyfile import Mode

        self.lock_manager = lock_manager
        self.lock_action = QAction(_("&Lock VocPlan"), self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.setStatusTip(_("Hide everything until your passphrase is typed again"))
        self.lock_action.triggered.connect(lock_manager.lock)
        self.addAction(self.lock_action)
        self.people_menu.insertAction(self.quit_action, self.lock_action)
        self.lock_button = QPushButton(_("Lock"), self)
        self.lock_button.setToolTip(_("Lock VocPlan (Ctrl+L)"))
        self.lock_button.setAccessibleName(_("Lock VocPlan"))
        self.lock_button.clicked.connect(lock_manager.lock)
        if mode is Mode.CLINIC:
            self.signed_in_label = QLabel(_("Signed in: {name}").format(name=account.name), self)
            self.statusBar().addPermanentWidget(self.signed_in_label)
        self.statusBar().addPermanentWidget(self.lock_button)
        self.change_passphrase_action = QAction(_("Change my &passphrase…"), self)
        self.change_passphrase_action.setStatusTip(_("Choose a new passphrase to open VocPlan"))
        self.change_passphrase_action.triggered.connect(self.change_own_passphrase)
        self.people_menu.insertAction(self.quit_action, self.change_passphrase_action)
        if account.is_admin and mode is not None:
            self.admin_action = QAction(_("A&dministration…"), self)
            self.admin_action.setStatusTip(_("Staff, locking and the audit trail"))
            self.admin_action.triggered.connect(lambda: self.open_admin(mode, lock_manager))
            self.addAction(self.admin_action)
            self.people_menu.insertAction(self.quit_action, self.admin_action)
        self.people_menu.insertSeparator(self.quit_action)

    def change_own_passphrase(self) -> None:
        from ui.security.change_passphrase import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self._require_services().change_own_passphrase, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.statusBar().showMessage(
                _("Your passphrase is changed. Use the new one from now on."), 10_000
            )
        )
        dialog.open()

    def open_admin(self, mode: Mode, lock_manager: LockManager) -> None:
        from ui.security.admin import AdminDialog

        dialog = AdminDialog(self._require_services(), mode, lock_manager, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def refresh_people(self, select_person_id: int | None = None) -> None:
        services = self._require_services()
        people = services.list_people()
        self.model.set_people(people)
        if not people:
            self.pages.setCurrentWidget(self.empty_page)
            self.find_action.setEnabled(False)
            self.open_action.setEnabled(False)
            self.empty_add_button.setFocus()
        else:
            self.pages.setCurrentWidget(self.list_page)
            self.find_action.setEnabled(True)
            self._select(select_person_id)
            self.table.setFocus()
        self._update_status()
        self.people_shown.emit()

    def is_showing_empty_state(self) -> bool:
        return self.pages.currentWidget() is self.empty_page

    def is_showing_people(self) -> bool:
        return self.pages.currentWidget() is self.list_page

    # --- actions ----------------------------------------------------------

    def add_person(self) -> None:
        from ui.person_dialog import PersonDialog

        services = self._require_services()
        dialog = PersonDialog(services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.person_added.connect(self._person_added)
        dialog.finished.connect(self._person_dialog_finished)
        self.person_dialog = dialog
        dialog.open()

    def open_plan(self) -> None:
        """Open the chosen person's guided session, or bring theirs forward if it is open."""
        person_id = self.selected_person_id()
        if person_id is None:
            self.statusBar().showMessage(_("Choose a person in the list first."), 5000)
            return
        window = self.session_windows.get(person_id)
        if window is None:
            from ui.session.window import SessionWindow

            services = self._require_services()
            try:
                overview = services.open_plan(person_id)
            except VocPlanError as problem:
                QMessageBox.warning(self, _("Cannot open the plan"), str(problem))
                self.refresh_people()
                return
            window = SessionWindow(services.session_services(person_id), overview)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.closed.connect(self._session_closed)
            window.destroyed.connect(lambda _obj=None, key=person_id: self._forget(key))
            self.session_windows[person_id] = window
        window.show()
        window.raise_()
        window.activateWindow()

    def open_directory(self) -> None:
        """Open the local directory of services, or bring it forward if it is open."""
        window = self.directory_window
        if window is None:
            from ui.directory_window import DirectoryWindow

            window = DirectoryWindow(self._require_services())
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda _obj=None: self._forget_directory())
            self.directory_window = window
            window.refresh()
        window.show()
        window.raise_()
        window.activateWindow()

    def save_plan(self) -> None:
        """Save the chosen person's plan: PDF, easy-read PDF, JSON, FHIR or take-home file."""
        from ui.plan_files import PlanSaver, agreed_version

        person_id = self._person_for_plan()
        if person_id is None:
            return
        services = self._require_services()
        self.plan_saver = PlanSaver(
            self,
            export=lambda kind: services.export_plan(person_id, kind),
            version=lambda: agreed_version(services.plan_overview(person_id)),
            is_data_file=services.is_data_file,
            say=self._say,
            takehome=lambda passphrase: services.export_takehome(person_id, passphrase),
        )
        self.plan_saver.start()

    def print_plan(self) -> None:
        from ui.plan_files import print_plan

        person_id = self._person_for_plan()
        if person_id is None:
            return
        try:
            overview = self._require_services().plan_overview(person_id)
        except VocPlanError as problem:
            QMessageBox.warning(self, _("Cannot print the plan"), str(problem))
            return
        if print_plan(self, overview):
            self._require_services().record_printed(person_id)
            self._say(_("Sent to the printer."))

    def import_plan(self) -> None:
        """Bring in a JSON plan file, asking first before changing anyone's plan."""
        from ui.plan_files import PlanImporter

        self.plan_importer = PlanImporter(
            self,
            self._require_services(),
            on_imported=self._plan_imported,
            is_open=lambda person_id: person_id in self.session_windows,
            say=self._say,
        )
        self.plan_importer.start()

    def _plan_imported(self, person: PersonSummary) -> None:
        self.search_edit.clear()
        self.refresh_people(select_person_id=person.id)

    def _person_for_plan(self) -> int | None:
        """The chosen person, with what is being typed in their open plan saved first."""
        person_id = self.selected_person_id()
        if person_id is None:
            self.statusBar().showMessage(_("Choose a person in the list first."), 5000)
            return None
        window = self.session_windows.get(person_id)
        if window is not None:
            window.flush()
        return person_id

    def _say(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _forget_directory(self) -> None:
        self.directory_window = None

    def selected_person_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(PERSON_ID_ROLE)
        return int(value) if value is not None else None

    # --- events -----------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self.session_windows.values()):
            window.close()
        if self.directory_window is not None:
            self.directory_window.close()
        super().closeEvent(event)

    def _person_added(self, person: PersonSummary) -> None:
        self.search_edit.clear()
        self.refresh_people(select_person_id=person.id)
        self.statusBar().showMessage(_("Added to VocPlan. Press Enter to open their plan."), 8000)

    def _person_dialog_finished(self) -> None:
        self.person_dialog = None

    def _forget(self, person_id: int) -> None:
        self.session_windows.pop(person_id, None)

    def _session_closed(self, person_id: int) -> None:
        """A plan may have been agreed or changed: show its status as saved."""
        self._forget(person_id)
        if self._services is not None and self.isVisible():
            self.refresh_people(select_person_id=person_id)

    def _row_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_action.trigger()

    def _selection_changed(self) -> None:
        chosen = self._services is not None and self.selected_person_id() is not None
        self.open_action.setEnabled(chosen)
        self.save_plan_action.setEnabled(chosen)
        self.print_plan_action.setEnabled(chosen)

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search_text(text)
        if self.selected_person_id() is None and self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        self.no_match_label.setVisible(self.proxy.rowCount() == 0)
        self._update_status()

    def _focus_search(self) -> None:
        if self.is_showing_people():
            self.search_edit.setFocus()
            self.search_edit.selectAll()

    def _select(self, person_id: int | None) -> None:
        row = 0
        if person_id is not None:
            source_row = self.model.row_of(person_id)
            if source_row is not None:
                proxy_index = self.proxy.mapFromSource(self.model.index(source_row, NAME))
                if proxy_index.isValid():
                    row = proxy_index.row()
        if self.proxy.rowCount() > 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.proxy.index(row, NAME))
        self._selection_changed()

    def _update_status(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if total == 0:
            text = _("No one added yet")
        elif shown == total:
            text = ngettext("{count} person", "{count} people", total).format(count=total)
        else:
            text = ngettext(
                "Showing {shown} of {count} person", "Showing {shown} of {count} people", total
            ).format(shown=shown, count=total)
        self.count_label.setText(text)

    def _require_services(self) -> AppServices:
        if self._services is None:
            raise RuntimeError("the database is not open yet")
        return self._services
