"""Long work (writing a PDF, importing a plan) off the main thread, one piece at a time.

``run_in_background(work, on_done, on_error)`` runs ``work()`` on a worker
thread, shows a busy cursor meanwhile, and calls ``on_done(result)`` or
``on_error(problem)`` back on the main thread. ``work`` must not touch
widgets: it gets what it needs as plain values and returns plain values.

The pool has one thread, so background work (and any database write in it)
runs one piece at a time, in the order asked.

Tests set ``SYNCHRONOUS`` (``monkeypatch.setattr(background, "SYNCHRONOUS", True)``):
the work then runs at once, on the calling thread, and the callbacks are
called before ``run_in_background`` returns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from ui.qt import QApplication, QObject, QRunnable, Qt, QThreadPool, Signal

log = logging.getLogger(__name__)

SYNCHRONOUS = False
"""Run the work at once on the calling thread (for tests)."""

_pool: QThreadPool | None = None
_running: set[_Relay] = set()
"""The relays of work still running, kept alive until they report."""


class _Relay(QObject):
    """Lives on the main thread; the worker's signals reach it there, queued."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._finish_done)
        self.failed.connect(self._finish_failed)

    def _finish_done(self, result: Any) -> None:
        _finished(self)
        self._on_done(result)

    def _finish_failed(self, problem: BaseException) -> None:
        _finished(self)
        _log(problem)
        self._on_error(problem)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as problem:
            self._relay.failed.emit(problem)
        else:
            self._relay.done.emit(result)


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run ``work`` off the main thread; call back on the main thread with its result or error."""
    if SYNCHRONOUS:
        try:
            result = work()
        except Exception as problem:
            _log(problem)
            on_error(problem)
        else:
            on_done(result)
        return
    relay = _Relay(on_done, on_error)
    _running.add(relay)
    if len(_running) == 1:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    _thread_pool().start(_Task(work, relay))


def is_busy() -> bool:
    """Whether background work is still running (for tests and for closing)."""
    return bool(_running)


def wait_until_done(milliseconds: int = 30_000) -> bool:
    """Wait for the worker thread to finish (the callbacks still need the event loop)."""
    return _pool.waitForDone(milliseconds) if _pool is not None else True


def _thread_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def _finished(relay: _Relay) -> None:
    _running.discard(relay)
    relay.deleteLater()
    if not _running:
        QApplication.restoreOverrideCursor()


def _log(problem: BaseException) -> None:
    # The kind of problem only: messages can carry file names or a person's details.
    log.info("background work stopped: %s", type(problem).__name__)
