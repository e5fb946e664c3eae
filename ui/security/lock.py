"""Locking: after a while without input, on Ctrl+L or the Lock button, or with the desktop.

Locked means nothing personal is on screen: every VocPlan window is covered
and retitled plain "VocPlan" (so the task bar shows nothing either), open
menus and tooltips close, and an application-modal sign-in dialog takes all
input. Nothing is closed or reloaded, so unlocking, with the same person's
passphrase, returns to exactly where they were, half-typed text included.

The desktop's own screen lock is followed where Qt can be told of it (see
``desktop_lock``). Idle time is measured against a clock that tests can replace; a timer only
asks "has it been long enough?" every few seconds.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from ui.qt import (
    QApplication,
    QEvent,
    QKeyEvent,
    QLabel,
    QObject,
    Qt,
    QTimer,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.security.desktop_lock import watch_desktop_lock
from ui.security.passphrase_forms import SignInDialog
from vocplan.i18n import _
from vocplan.security.keyfile import Unlocked

log = logging.getLogger(__name__)

LOCKED_TITLE = "VocPlan"
COVER_COLOUR = "#eef1f0"
CHECK_EVERY_MS = 2000
BLOCKED_WHILE_LOCKED = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
    }
)
"""Input that reaches no window but the lock screen while VocPlan is locked."""
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class Cover(QWidget):
    """What a locked window shows instead of its contents."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        # Without WA_StyledBackground a plain QWidget ignores its style sheet's background
        # and the window's contents would show through.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"#lockCover {{ background: {COVER_COLOUR}; }}")
        layout = QVBoxLayout(self)
        label = QLabel(_("VocPlan is locked."), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()
        return False


class LockManager(QObject):
    """Locks the whole app and unlocks it for the person who was using it."""

    locked_changed = Signal(bool)

    def __init__(
        self,
        unlocked: Unlocked,
        check_passphrase: Callable[[str], None],
        *,
        minutes: int,
        has_staff: bool,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._unlocked = unlocked
        self._check = check_passphrase
        self._has_staff = has_staff
        self._clock = clock
        self.idle_seconds = minutes * 60
        self._last_input = clock()
        self.is_locked = False
        self.lock_screen: SignInDialog | None = None
        self._covers: list[Cover] = []
        self._titles: dict[QWidget, str] = {}
        self._focus: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check_idle)
        self._timer.start()
        self._front_timer = QTimer(self)
        self._front_timer.setSingleShot(True)
        self._front_timer.setInterval(0)
        self._front_timer.timeout.connect(self._lock_screen_to_front)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._desktop_lock = watch_desktop_lock(
            self.lock, parent if isinstance(parent, QWidget) else None
        )

    def set_minutes(self, minutes: int) -> None:
        self.idle_seconds = minutes * 60

    def stop(self) -> None:
        self._timer.stop()
        if self.lock_screen is not None:
            self.lock_screen.deleteLater()
            self.lock_screen = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # -- noticing input and idleness ----------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.is_locked and isinstance(watched, QWidget) and not self._on_lock_screen(watched):
            if kind == QEvent.Type.Show and watched.isWindow() and watched not in self._titles:
                # Opened while locked (by work finishing in the background, say): covered
                # too, and the lock screen goes back on top of it.
                self._cover(watched)
                self._front_timer.start()
            if kind in BLOCKED_WHILE_LOCKED:
                if kind == QEvent.Type.ShortcutOverride:
                    event.accept()  # so no shortcut of a covered window fires
                return True
        if kind in INPUT_EVENTS:
            self._last_input = self._clock()
            if (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_L
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            ):
                self.lock()
                return True
        return False

    def check_idle(self) -> None:
        # The wall clock, not a monotonic one: that stops while a laptop sleeps, and the
        # time asleep must count. A clock put back starts the wait again rather than never.
        now = self._clock()
        if now < self._last_input:
            self._last_input = now
        if not self.is_locked and now - self._last_input >= self.idle_seconds:
            log.info("locked after a time without input")
            self.lock()

    # -- locking and unlocking ----------------------------------------------

    def lock(self) -> None:
        if self.is_locked:
            return
        self.is_locked = True
        active = QApplication.activeWindow()
        self._focus = QApplication.focusWidget() or (active.focusWidget() if active else None)
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            popup = QApplication.activePopupWidget()
        QToolTip.hideText()
        for window in QApplication.topLevelWidgets():
            if not window.isVisible() or window is self.lock_screen:
                continue
            if self._focus is None and window.focusWidget() is not None:
                self._focus = window.focusWidget()
            self._cover(window)
        self.lock_screen = SignInDialog(
            self._try_unlock,
            staff=[self._unlocked.account.name] if self._has_staff else [],
            locked_as=self._unlocked.account.name,
        )
        # Application-modal and shown, not exec'd: it sits above any dialog already open.
        self.lock_screen.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.lock_screen.rejected.connect(self._close_app)
        self.lock_screen.show()
        self.lock_screen.passphrase_edit.setFocus()
        self.locked_changed.emit(True)

    def _cover(self, window: QWidget) -> None:
        self._titles[window] = window.windowTitle()
        window.setWindowTitle(LOCKED_TITLE)
        self._covers.append(Cover(window))

    def _on_lock_screen(self, widget: QWidget) -> bool:
        screen = self.lock_screen
        return screen is not None and (widget is screen or screen.isAncestorOf(widget))

    def _lock_screen_to_front(self) -> None:
        screen = self.lock_screen
        if not self.is_locked or screen is None:
            return
        # Shown again, it is the newest application-modal window: it blocks the new one.
        screen.hide()
        screen.show()
        screen.activateWindow()
        screen.passphrase_edit.setFocus()

    def _try_unlock(self, passphrase: str, _name: str | None) -> Unlocked:
        self._check(passphrase)
        QTimer.singleShot(0, self._unlocked_again)
        return self._unlocked

    def _unlocked_again(self) -> None:
        self._remove_lock()
        self._last_input = self._clock()
        if self._focus is not None:
            self._focus.activateWindow()
            self._focus.setFocus()
        self.locked_changed.emit(False)

    def _remove_lock(self) -> None:
        for cover in self._covers:
            parent = cover.parentWidget()
            if parent is not None:
                parent.removeEventFilter(cover)
            cover.deleteLater()
        self._covers.clear()
        for window, title in self._titles.items():
            window.setWindowTitle(title)
        self._titles.clear()
        if self.lock_screen is not None:
            self.lock_screen.hide()
            self.lock_screen.deleteLater()
            self.lock_screen = None
        self.is_locked = False

    def _close_app(self) -> None:
        # Every change is saved as it is made, so closing from the lock screen loses nothing.
        if not self.is_locked:
            return
        for window in list(self._titles):
            window.hide()  # hidden while still covered: nothing shows on the way out
        self._remove_lock()
        self.stop()
        # After this event, not inside it: the lock screen may be closing as part of a
        # closeAllWindows() already under way, and that must not be entered again.
        QTimer.singleShot(0, _close_everything)


def _close_everything() -> None:
    QApplication.closeAllWindows()
    QApplication.quit()
