"""Noticing that the desktop session has been locked, so VocPlan locks too.

Qt has no portable signal for this, so each system is asked in its own way:

- Linux desktops announce it on the session D-Bus (``ActiveChanged`` of the
  freedesktop or GNOME screensaver interface);
- Windows sends ``WM_WTSSESSION_CHANGE`` with ``WTS_SESSION_LOCK`` to windows
  registered with ``WTSRegisterSessionNotification``;
- macOS only tells Objective-C observers; there, as anywhere, the idle timer
  still locks VocPlan.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable
from typing import Any

from ui.qt import QAbstractNativeEventFilter, QApplication, QDBusConnection, QObject, QWidget, Slot

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0


def is_session_lock(message: int, wparam: int) -> bool:
    """Whether a Windows message says this session has just been locked."""
    return message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK


class WindowsSessionFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:
        if bytes(event_type) == b"windows_generic_MSG":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            if is_session_lock(msg.message, msg.wParam):
                self._on_lock()
        return False, 0


class _DBusListener(QObject):
    def __init__(self, on_lock: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_lock = on_lock

    @Slot(bool)
    def active_changed(self, active: bool) -> None:
        if active:
            self._on_lock()


def watch_desktop_lock(on_lock: Callable[[], None], window: QWidget | None) -> object | None:
    """Call ``on_lock`` when the desktop session locks; returns what must be kept alive."""
    if sys.platform == "win32":
        return _watch_windows(on_lock, window)
    return _watch_dbus(on_lock, window)


def _watch_windows(on_lock: Callable[[], None], window: QWidget | None) -> object | None:
    app = QApplication.instance()
    if window is None or app is None:
        return None
    try:
        registered = ctypes.windll.wtsapi32.WTSRegisterSessionNotification(  # type: ignore[attr-defined]
            int(window.winId()), NOTIFY_FOR_THIS_SESSION
        )
    except (AttributeError, OSError):
        registered = False
    if not registered:
        log.info("the desktop's lock cannot be followed on this system")
        return None
    event_filter = WindowsSessionFilter(on_lock)
    app.installNativeEventFilter(event_filter)
    return event_filter


def _watch_dbus(on_lock: Callable[[], None], window: QWidget | None) -> object | None:
    if QDBusConnection is None:
        return None
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return None
    listener = _DBusListener(on_lock, window)
    for interface, path in (
        ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
        ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
    ):
        # Any sender: the signal comes from the screensaver's own connection name.
        # "1…" is what Qt's SLOT() macro makes: the listener's slot, by its signature.
        bus.connect("", path, interface, "ActiveChanged", listener, "1active_changed(bool)")  # type: ignore[call-overload]
    return listener
