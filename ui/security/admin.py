"""The administrator's tools: staff and their passphrases, when to lock, and the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from ui.dialogs import save_cancel_buttons
from ui.file_dialogs import ask_save_path, documents_folder
from ui.qt import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.security.passphrase_forms import PassphrasePair, message_label
from vocplan.domain.errors import VocPlanError
from vocplan.i18n import N_, _
from vocplan.security.keyfile import Mode, Role
from vocplan.services.settings import MAX_LOCK_AFTER_MINUTES, MIN_LOCK_AFTER_MINUTES

ACTION_LABELS = {
    "view": N_("Viewed"),
    "change": N_("Changed"),
    "agree": N_("Agreed"),
    "export": N_("Exported"),
    "import": N_("Imported"),
    "delete": N_("Deleted"),
    "staff": N_("Staff list"),
    "settings": N_("Settings"),
}
"""What the audit table's What column says; the trail itself and its CSV keep the plain keys."""

if TYPE_CHECKING:
    from ui.security.lock import LockManager
    from ui.services import AppServices


class NewPassphraseDialog(QDialog):
    """A name (when adding), whether they are an administrator, and a passphrase typed twice."""

    def __init__(self, title: str, *, ask_name: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(_("Name"))
        self.admin_box = QCheckBox(_("Can add and remove staff (&administrator)"), self)
        if ask_name:
            label = QLabel(_("&Name:"), self)
            label.setBuddy(self.name_edit)
            form.addRow(label, self.name_edit)
            form.addRow("", self.admin_box)
        else:
            self.name_edit.hide()
            self.admin_box.hide()
        self.pair = PassphrasePair(self, form, _("&Passphrase:"))
        self.passphrase_edit, self.again_edit = self.pair.first, self.pair.again
        layout.addLayout(form)
        note = QLabel(
            _(
                "Tell them the passphrase in person, never by email. At least 8 characters: "
                "a few ordinary words work well."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.message = message_label(self)
        layout.addWidget(self.message)
        layout.addWidget(save_cancel_buttons(self, self._check)[0])

    def _check(self) -> None:
        mismatch = self.pair.mismatch()
        if self.name_edit.isVisible() and not self.name_edit.text().strip():
            self.problem(_("Type their name."))
            self.name_edit.setFocus()
        elif mismatch is not None:
            self.problem(mismatch)
            self.again_edit.setFocus()
        else:
            self.accept()

    def problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class AdminDialog(QDialog):
    def __init__(
        self,
        services: AppServices,
        mode: Mode,
        lock_manager: LockManager | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._lock_manager = lock_manager
        self.setWindowTitle(_("Administration — VocPlan"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        if mode is Mode.CLINIC:
            self.tabs.addTab(self._staff_page(), _("&Staff"))
        self.tabs.addTab(self._locking_page(), _("&Locking"))
        self.tabs.addTab(self._audit_page(), _("A&udit trail"))
        layout.addWidget(self.tabs)
        box = QDialogButtonBox(self)
        close = QPushButton(_("Close"), self)
        box.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    # -- staff ---------------------------------------------------------------

    def _staff_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            _(
                "Each member of staff opens VocPlan with their own passphrase, and their name "
                "goes on what they change. Adding or removing someone never needs anyone "
                "else's passphrase."
            ),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.staff_list = QListWidget(page)
        self.staff_list.setAccessibleName(_("Staff"))
        layout.addWidget(self.staff_list)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("&Add…"), page)
        self.reset_button = QPushButton(_("&New passphrase…"), page)
        self.remove_button = QPushButton(_("&Remove"), page)
        for button in (self.add_button, self.reset_button, self.remove_button):
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_staff)
        self.reset_button.clicked.connect(self.reset_staff)
        self.remove_button.clicked.connect(self.remove_staff)
        self._fill_staff()
        return page

    def _fill_staff(self) -> None:
        self.staff_list.clear()
        for account in self._services.staff_accounts():
            role = _("administrator") if account.is_admin else _("staff")
            self.staff_list.addItem(f"{account.name} — {role}")
            item = self.staff_list.item(self.staff_list.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, account.name)
        self.staff_list.setCurrentRow(0)

    def _chosen_name(self) -> str | None:
        item = self.staff_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def add_staff(self) -> None:
        dialog = NewPassphraseDialog(_("Add a member of staff"), ask_name=True, parent=self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            role = Role.ADMIN if dialog.admin_box.isChecked() else Role.STAFF
            add = partial(
                self._services.add_staff,
                dialog.name_edit.text(),
                role,
                dialog.passphrase_edit.text(),
            )
            if self._change_staff(add, dialog):
                return

    def reset_staff(self) -> None:
        name = self._chosen_name()
        if name is None:
            return
        dialog = NewPassphraseDialog(
            _("New passphrase for {name}").format(name=name), ask_name=False, parent=self
        )
        while dialog.exec() == QDialog.DialogCode.Accepted:
            reset = partial(
                self._services.reset_staff_passphrase, name, dialog.passphrase_edit.text()
            )
            if self._change_staff(reset, dialog):
                return

    def remove_staff(self) -> None:
        name = self._chosen_name()
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            _("Remove"),
            _("{name} will no longer be able to open VocPlan. Remove them?").format(name=name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._change_staff(lambda: self._services.remove_staff(name), None)

    def _change_staff(
        self, change: Callable[[], object], dialog: NewPassphraseDialog | None
    ) -> bool:
        """Run one staff change (Argon2id makes it take a moment); say plainly if it fails."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            change()
        except (VocPlanError, OSError) as problem:
            QApplication.restoreOverrideCursor()
            if dialog is not None:
                dialog.problem(str(problem))
            else:
                QMessageBox.warning(self, _("Administration — VocPlan"), str(problem))
            return False
        QApplication.restoreOverrideCursor()
        self._fill_staff()
        return True

    # -- locking -------------------------------------------------------------

    def _locking_page(self) -> QWidget:
        page = QWidget(self)
        layout = QFormLayout(page)
        self.minutes_box = QSpinBox(page)
        self.minutes_box.setRange(MIN_LOCK_AFTER_MINUTES, MAX_LOCK_AFTER_MINUTES)
        self.minutes_box.setSuffix(" " + _("minutes"))
        self.minutes_box.setValue(self._services.lock_after_minutes())
        self.minutes_box.setAccessibleName(_("Lock after this many minutes without input"))
        self.minutes_box.lineEdit().setAccessibleName(self.minutes_box.accessibleName())
        label = QLabel(_("Lock &after:"), page)
        label.setBuddy(self.minutes_box)
        layout.addRow(label, self.minutes_box)
        save = QPushButton(_("&Save"), page)
        save.clicked.connect(self.save_minutes)
        layout.addRow("", save)
        self.minutes_saved = QLabel(page)
        layout.addRow("", self.minutes_saved)
        return page

    def save_minutes(self) -> None:
        minutes = self.minutes_box.value()
        self._services.set_lock_after_minutes(minutes)
        if self._lock_manager is not None:
            self._lock_manager.set_minutes(minutes)
        self.minutes_saved.setText(_("Saved."))

    # -- audit trail ---------------------------------------------------------

    def _audit_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            _(
                "Every view, change, export, import and deletion of a plan, and every change to "
                "the staff list and the settings, newest first. People are shown by their "
                "record number (uid) only, never by name."
            ),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        headers = [_("When (UTC)"), _("Who"), _("What"), _("Person (uid)"), _("Detail")]
        self.audit_table = QTableWidget(0, len(headers), page)
        self.audit_table.setHorizontalHeaderLabels(headers)
        self.audit_table.setAccessibleName(_("Audit trail"))
        self.audit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.audit_table.verticalHeader().hide()
        self.audit_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.audit_table)
        row = QHBoxLayout()
        check = QPushButton(_("&Check the trail"), page)
        export = QPushButton(_("&Export to CSV…"), page)
        row.addWidget(check)
        row.addWidget(export)
        self.audit_result = QLabel(page)
        self.audit_result.setWordWrap(True)
        row.addWidget(self.audit_result, 1)
        layout.addLayout(row)
        check.clicked.connect(self.check_audit)
        export.clicked.connect(self.export_audit)
        self._fill_audit()
        return page

    def _fill_audit(self) -> None:
        entries = self._services.audit_events()
        self.audit_table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [
                entry.at[:19].replace("T", " "),
                entry.actor,
                _(ACTION_LABELS[entry.action]) if entry.action in ACTION_LABELS else entry.action,
                entry.person_uid,
                entry.detail,
            ]
            for column, text in enumerate(cells):
                self.audit_table.setItem(row, column, QTableWidgetItem(text))

    def check_audit(self) -> None:
        self.audit_result.setText(self._services.verify_audit().message)

    def export_audit(self) -> None:
        path = ask_save_path(
            self,
            _("Export the audit trail"),
            documents_folder() / "vocplan-audit.csv",
            _("CSV files (*.csv)"),
        )
        if not path:
            return
        try:
            count = self._services.export_audit(path)
        except (VocPlanError, OSError) as problem:
            QMessageBox.warning(self, _("Export the audit trail"), str(problem))
            return
        self.audit_result.setText(_("Saved {count} events.").format(count=count))
