"""Starting the desktop app: the window first, the database a moment later.

Importing the database layer (SQLModel, SQLAlchemy, alembic) takes longer
than starting Qt, so ``run`` shows the main window, waits until it has been
painted, and only then imports and opens the database. Nothing imported by
this module at load time pulls in the database layer.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ui.main_window import MainWindow
from ui.qt import (
    QApplication,
    QDialog,
    QEvent,
    QIcon,
    QLibraryInfo,
    QLocale,
    QMessageBox,
    QObject,
    Qt,
    QTimer,
    QTranslator,
    QWidget,
)
from ui.style import apply_style
from vocplan import paths
from vocplan.domain.errors import VocPlanError
from vocplan.i18n import _, current_language
from vocplan.storage.errors import StorageError

if TYPE_CHECKING:
    from ui.security.lock import LockManager
    from ui.services import AppServices
    from vocplan.security.keyfile import Mode, Unlocked
    from vocplan.startup import StartOptions

log = logging.getLogger(__name__)

APP_NAME = "VocPlan"
EXIT_OK = 0
EXIT_CANNOT_OPEN = 1
OPEN_ANYWAY_AFTER_MS = 1000
"""Open the database after this long even if the window has not been painted (e.g. minimised)."""

DESKTOP_FILE_NAME = "io.github.vocplan.VocPlan"
"""Matches packaging/linux/, so desktops (Wayland especially) tie the window to its menu entry."""

QT_LOCALES = {"en": "en_GB", "cy": "cy_GB", "pl": "pl_PL"}


def run(options: StartOptions) -> int:
    """Run the desktop app until its window is closed; returns the process exit code."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME.lower()])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(QIcon(str(paths.resource("icons", "vocplan.svg"))))
    apply_style(app)
    translators = install_qt_translations(app, current_language())

    window = MainWindow()
    session = RunningApp(options, window)
    call_after_first_paint(window, session.open_database)
    window.show()
    try:
        code = app.exec()
    finally:
        session.close()
        for translator in translators:
            app.removeTranslator(translator)
    return session.exit_code if session.exit_code is not None else code


class _Closed(Exception):
    """The person closed the set-up or sign-in dialog: VocPlan closes, nothing changed."""


class RunningApp:
    """The opened database and the window using it, for one run of the app."""

    def __init__(self, options: StartOptions, window: MainWindow) -> None:
        self.options = options
        self.window = window
        self.services: AppServices | None = None
        self.exit_code: int | None = None
        self.mode: Mode | None = None
        self.sign_in_dialog: QDialog | None = None
        self.lock_manager: LockManager | None = None

    def open_database(self) -> None:
        if self.services is not None or self.exit_code is not None:
            return
        try:
            unlocked = self._sign_in()
        except _Closed:
            self.exit_code = EXIT_OK
            QApplication.exit(EXIT_OK)
            self.window.hide()
            return
        except VocPlanError as problem:  # the key file is missing or damaged
            log.warning("the data could not be unlocked: %s", type(problem).__name__)
            self._give_up(str(problem))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from vocplan.startup import open_app_database

            database = open_app_database(self.options, unlocked=unlocked)
        except (StorageError, VocPlanError) as problem:
            log.warning("the data file could not be opened: %s", type(problem).__name__)
            self._give_up(str(problem))
            return
        except OSError as problem:
            log.warning("the data folder could not be used: %s", type(problem).__name__)
            self._give_up(
                _(
                    "VocPlan cannot use its data folder. Check that the folder exists, "
                    "that you are allowed to change it, and that the disk is not full."
                )
            )
            return
        except Exception:
            sys.excepthook(*sys.exc_info())  # the crash handler logs where, never what
            self._give_up(
                _(
                    "Something unexpected stopped VocPlan opening your plans. "
                    "VocPlan's log says where it happened."
                )
            )
            return
        QApplication.restoreOverrideCursor()

        from ui.services import AppServices

        self.services = AppServices(database, self.options.files(), unlocked)
        load_starter_directory(self.services)
        self.window.attach(self.services)
        if unlocked is not None:
            self._start_locking(unlocked)

    def _sign_in(self) -> Unlocked | None:
        """Set up a new folder, or unlock a protected one; None for a database server."""
        from ui.security.passphrase_forms import SetUpDialog, SignInDialog
        from vocplan.security.folder import FolderState, set_up, unlock
        from vocplan.security.keyfile import Mode
        from vocplan.services.audit import current_actor

        files = self.options.files()
        state = files.state()
        if state is FolderState.SERVER:
            return None
        dialog: SetUpDialog | SignInDialog
        if state is FolderState.PROTECTED:
            keys = files.key_file_contents()
            self.mode = keys.mode
            staff = [account.name for account in keys.accounts()]
            dialog = SignInDialog(
                lambda passphrase, name: unlock(files, passphrase, name),
                staff=staff if keys.mode is Mode.CLINIC else [],
                parent=self.window,
            )
        else:
            dialog = SetUpDialog(
                lambda mode, name, passphrase: set_up(
                    files, mode, name if mode is Mode.CLINIC else current_actor(), passphrase
                ),
                has_plans=state is FolderState.UNPROTECTED,
                parent=self.window,
            )
        self.sign_in_dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.sign_in_dialog = None
        if not accepted or dialog.unlocked is None:
            raise _Closed()
        if isinstance(dialog, SetUpDialog):
            self.mode = dialog.mode
        return dialog.unlocked

    def _start_locking(self, unlocked: Unlocked) -> None:
        from ui.security.lock import LockManager
        from vocplan.security.folder import check_again
        from vocplan.security.keyfile import Mode

        assert self.services is not None
        files = self.options.files()
        self.lock_manager = LockManager(
            unlocked,
            lambda passphrase: check_again(files, unlocked, passphrase),
            minutes=self.services.lock_after_minutes(),
            has_staff=self.mode is Mode.CLINIC,
            parent=self.window,
        )
        self.window.set_access(unlocked.account, self.mode, self.lock_manager)

    def _give_up(self, message: str) -> None:
        QApplication.restoreOverrideCursor()
        self.exit_code = EXIT_CANNOT_OPEN
        self.window.show_cannot_open()
        show_storage_problem(self.window, message)
        QApplication.exit(EXIT_CANNOT_OPEN)
        self.window.hide()

    def close(self) -> None:
        if self.lock_manager is not None:
            self.lock_manager.stop()
        if self.services is not None:
            self.services.close()
            self.services = None


def load_starter_directory(services: AppServices) -> None:
    """Fill an empty local directory from the shipped starter list (once; never over a list)."""
    try:
        report = services.load_starter_directory()
    except Exception as problem:  # the app works without it; the directory stays as it was
        log.warning("the starter directory could not be loaded: %s", type(problem).__name__)
        return
    if report is not None and not report.ok:
        lines = [problem.line for problem in report.problems]
        log.warning("the starter directory was not loaded: problems on lines %s", lines)


def show_storage_problem(parent: QWidget, message: str) -> None:
    """Tell the person the data file cannot be opened (the file is left as it was)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("VocPlan cannot open your plans"))
    box.setText(_("VocPlan cannot open your plans."))
    box.setInformativeText(message)
    # A readable line length rather than a narrow column (the names are Qt's own).
    box.setStyleSheet(
        "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 360px; }"
    )
    box.addButton(_("&Close VocPlan"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def install_qt_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load Qt's own texts (standard dialogs, context menus) for ``language`` where they exist.

    The project's ``translations/qt`` folder is tried first (Qt ships no Welsh),
    then the translations that come with Qt.
    """
    locale = QLocale(QT_LOCALES.get(language, language))
    QLocale.setDefault(locale)
    if language == "en":
        return []
    folders = [
        str(paths.translations_dir() / "qt"),
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ]
    for folder in folders:
        translator = QTranslator(app)
        if translator.load(locale, "qtbase", "_", folder):
            app.installTranslator(translator)
            return [translator]
    log.info("no Qt translations for %s", language)
    return []


class _FirstPaint(QObject):
    """Calls back once, just after ``widget`` has first been painted."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        self._done = False
        widget.installEventFilter(self)
        QTimer.singleShot(OPEN_ANYWAY_AFTER_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            # Let this paint finish and reach the screen before the callback blocks.
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        parent = self.parent()
        if isinstance(parent, QWidget):
            parent.removeEventFilter(self)
        self._callback()


def call_after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    _FirstPaint(widget, callback)
