"""Other organisers' changes appear without a restart.

A listener thread waits for changes made by somebody else (PostgreSQL ``LISTEN``, or a light
poll of SQLite's ``data_version``; see ``app.storage.notify``) and the window gets one
``ctx.changed.emit(EVERYTHING)`` on the GUI thread for each burst, so every view and the
readiness panel reload. Our own edits are not announced back to us, so nothing loops. A lost
server connection is retried; once it is back, everything reloads (changes may have been missed).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from app.i18n import _
from app.services.changes import EVERYTHING

log = logging.getLogger(__name__)

WAIT_SECONDS = 0.5  # how long one wait blocks: also the longest a stop has to wait
RETRY_SECONDS = 5.0


class _Listener(QThread):
    """Runs a watcher; never touches widgets (results go out by signal)."""

    noticed = Signal(object)  # list of app.storage.notify.Notice
    state = Signal(bool, str)  # listening?, why not

    def __init__(self, notifier) -> None:
        super().__init__()
        self._notifier = notifier

    def run(self) -> None:
        watcher = None
        failed = False
        while not self.isInterruptionRequested():
            try:
                if watcher is None:
                    watcher = self._notifier.watch()
                    self.state.emit(True, "")
                    if failed:  # we may have missed notifications while away
                        failed = False
                        self.noticed.emit([])
                notices = watcher.wait(WAIT_SECONDS)
                if notices and not self.isInterruptionRequested():
                    self.noticed.emit(notices)
            except Exception as exc:  # the server went away: say so, retry, never crash
                log.warning("change listener lost its connection (%s)", type(exc).__name__)
                failed = True
                self.state.emit(False, type(exc).__name__)
                _close(watcher)
                watcher = None
                self._pause(RETRY_SECONDS)
        _close(watcher)

    def _pause(self, seconds: float) -> None:
        steps = int(seconds / 0.1)
        for _step in range(steps):
            if self.isInterruptionRequested():
                return
            self.msleep(100)


def _close(watcher) -> None:
    if watcher is not None:
        try:
            watcher.close()
        except Exception:  # closing a dead connection: nothing left to release
            log.debug("closing the change watcher failed", exc_info=True)


def _stopper(thread: QThread):
    def stop(*_args) -> None:
        thread.requestInterruption()
        thread.wait(int((WAIT_SECONDS + 2) * 1000))

    return stop


class LiveUpdates(QObject):
    """Reloads the window when another organiser (or another process) changed the database."""

    statusChanged = Signal(str)  # a short text for the status bar

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveUpdates")
        self._ctx = ctx
        self._store = None
        self._thread: _Listener | None = None
        self._stop = None
        self.status = ""
        ctx.changed.connect(self._store_maybe_swapped)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self._start()

    def _start(self) -> None:
        from app.storage.notify import enable_change_notifications

        self._store = self._ctx.store
        if self._store is None:
            return
        notifier = enable_change_notifications(self._store)
        thread = _Listener(notifier)  # no parent: it must outlive us until it has stopped
        thread.noticed.connect(self._others_changed)
        thread.state.connect(self._state)
        self._thread = thread
        self._stop = _stopper(thread)
        self.destroyed.connect(self._stop)
        thread.start()

    def stop(self) -> None:
        """Stop listening (the app quits, or another database is opened)."""
        if self._thread is not None:
            self._thread.noticed.disconnect(self._others_changed)
            self._thread.state.disconnect(self._state)
            self._stop()
            self.destroyed.disconnect(self._stop)
            self._thread = None
            self._stop = None

    @property
    def listening(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def _store_maybe_swapped(self, _change) -> None:
        if self._ctx.store is not self._store:
            self.stop()
            self._start()

    def _others_changed(self, _notices) -> None:
        self._ctx.changed.emit(EVERYTHING)

    def _state(self, ok: bool, reason: str) -> None:
        if ok:
            self.status = ""
        else:
            self.status = _(
                "Lost the connection to the database server; other organisers' changes will "
                "appear when it is back ({reason})"
            ).format(reason=reason)
        self.statusChanged.emit(self.status)
