"""Other organisers' changes appear without a restart.

A listener thread waits for changes made by somebody else (PostgreSQL ``LISTEN``, or a light
poll of SQLite's ``data_version``; see ``app.storage.notify``). On the GUI thread the notices
of a burst become one ``Change(entity, ids, kind, action_id, remote=True)`` per entity and
action (``*`` when the notice could not say: SQLite, a bulk change), so each view refreshes
only what it shows of them. Our own edits are not announced back to us, so nothing loops. A
lost server connection is retried; once it is back, everything reloads (changes may have
been missed).
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal

from app.i18n import _
from app.services.changes import Change

log = logging.getLogger(__name__)

WAIT_SECONDS = 0.5  # how long one wait blocks: also the longest a stop has to wait
MERGE_SECONDS = 0.15  # notices within this pause are one refresh
MIN_GAP_SECONDS = 0.25  # between two refreshes (more when refreshing takes long)
RETRY_SECONDS = 5.0
#: When the server's notices do not reach the listener at all (a pooler in the way), it tries
#: again this much later: the address will not have changed meanwhile.
UNREACHED_RETRY_SECONDS = 60.0
#: ``_Listener.state``'s reason when the notices do not arrive (not a lost connection)
UNREACHED = "unreached"


class _Listener(QThread):
    """Runs a watcher; never touches widgets (results go out by signal)."""

    noticed = Signal(object)  # list of app.storage.notify.Notice
    state = Signal(bool, str)  # listening?, why not

    def __init__(self, notifier) -> None:
        super().__init__()
        self._notifier = notifier
        self._watcher = None

    def stop(self, timeout_ms: int) -> None:
        """Ask the thread to finish, wake its wait, and wait up to ``timeout_ms`` for it."""
        self.requestInterruption()
        watcher = self._watcher
        if watcher is not None:
            watcher.wake()
        self.wait(timeout_ms)

    def run(self) -> None:
        from app.storage.notify import NoticesDoNotArrive

        watcher = None
        failed = False
        while not self.isInterruptionRequested():
            try:
                if watcher is None:
                    watcher = self._watcher = self._notifier.watch()
                    self.state.emit(True, "")
                    if failed:  # we may have missed notifications while away
                        failed = False
                        self.noticed.emit([])
                notices = watcher.wait(WAIT_SECONDS)
                if notices and not self.isInterruptionRequested():
                    self.noticed.emit(notices)
            except NoticesDoNotArrive:
                log.warning("the server's notices do not reach the change listener")
                failed = True
                self.state.emit(False, UNREACHED)
                watcher = self._watcher = None
                self._pause(UNREACHED_RETRY_SECONDS)
            except Exception as exc:  # the server went away: say so, retry, never crash
                log.warning("change listener lost its connection (%s)", type(exc).__name__)
                failed = True
                self.state.emit(False, type(exc).__name__)
                _close(watcher)
                watcher = self._watcher = None
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
        thread.stop(int((WAIT_SECONDS + 2) * 1000))

    return stop


class LiveUpdates(QObject):
    """Shows what another organiser (or another process) changed, a burst at a time.

    Notices name the action, the entity and the ids; they are merged into one Change per
    entity and action, emitted as one refresh after a short pause (a burst of saves is one
    refresh), never while a refresh is still running, and then not again before a gap at
    least twice as long as the last refresh took, so a window with busy colleagues spends at
    most about a third of its time refreshing and stays responsive."""

    statusChanged = Signal(str)  # a short text for the status bar

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveUpdates")
        self._ctx = ctx
        self._store = None
        self._thread: _Listener | None = None
        self._stop = None
        self._watching = False  # the watcher has read where the database stands
        self.status = ""
        self._pending: dict[tuple[str, int | None], set[int] | None] = {}
        self._kinds: dict[tuple[str, int | None], str] = {}
        self._everything = False
        self._refreshing = False
        self._not_before = 0.0
        self.refreshes = 0  # how many refreshes ran (tests and benchmarks read it)
        self.last_refresh_seconds = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._refresh)
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
        self._watching = False
        thread = _Listener(notifier)  # no parent: it must outlive us until it has stopped
        thread.noticed.connect(self._others_changed)
        thread.state.connect(self._state)
        self._thread = thread
        self._stop = _stopper(thread)
        self.destroyed.connect(self._stop)
        thread.start()

    def stop(self) -> None:
        """Stop listening (the app quits, or another database is opened), and forget what was
        waiting to be shown: a refresh due after the window closed its store would read it
        again (a colleague's last edit, a notice already queued when we disconnected)."""
        self._timer.stop()
        self._pending.clear()
        self._kinds.clear()
        self._everything = False
        if self._thread is not None:
            self._thread.noticed.disconnect(self._others_changed)
            self._thread.state.disconnect(self._state)
            self._stop()
            self.destroyed.disconnect(self._stop)
            self._thread = None
            self._stop = None
            self._watching = False

    @property
    def listening(self) -> bool:
        """A change committed elsewhere from now on will be shown: the watcher has read where
        the database stands (a running thread alone has not; a change before that read would
        be its starting point, never news)."""
        return self._watching and self._thread is not None and self._thread.isRunning()

    def _store_maybe_swapped(self, _change) -> None:
        if self._ctx.store is not self._store:
            self.stop()
            self._start()

    def _others_changed(self, notices) -> None:
        """Collect; the refresh comes once the burst is over (or the gap has passed)."""
        if self._thread is None:  # stopped: a notice posted before we disconnected
            return
        if not notices:  # back after an outage: changes may have been missed
            self._everything = True
        for notice in notices:
            if notice.everything:
                self._everything = True
                continue
            key = (notice.entity, notice.action_id)
            ids = self._pending.get(key, set()) if key in self._pending else set()
            if ids is None or not notice.ids:
                self._pending[key] = None  # any row of it
            else:
                self._pending[key] = ids | set(notice.ids)
            kind = self._kinds.get(key)
            self._kinds[key] = notice.kind if kind in (None, notice.kind) else "updated"
        self._schedule()

    def _schedule(self) -> None:
        if self._refreshing or self._timer.isActive():
            return
        if not (self._everything or self._pending):
            return
        wait = max(MERGE_SECONDS, self._not_before - time.monotonic())
        self._timer.start(int(wait * 1000))

    def pending_changes(self) -> list[Change]:
        """What the next refresh will emit (and forget)."""
        if self._everything:
            changes = [Change("*", (), "reloaded", None, remote=True)]
        else:
            changes = [
                Change(
                    entity,
                    tuple(sorted(ids)) if ids else (),
                    self._kinds.get((entity, action_id), "updated"),
                    action_id,
                    remote=True,
                )
                for (entity, action_id), ids in sorted(
                    self._pending.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)
                )
            ]
        self._everything = False
        self._pending.clear()
        self._kinds.clear()
        return changes

    def _refresh(self) -> None:
        if self._refreshing:
            return
        self._refreshing = True
        started = time.monotonic()
        try:
            for change in self.pending_changes():
                self._ctx.changed.emit(change)
        finally:
            took = time.monotonic() - started
            self._refreshing = False
            self.refreshes += 1
            self.last_refresh_seconds = took
            self._not_before = time.monotonic() + max(MIN_GAP_SECONDS, 2 * took)
            self._schedule()  # what arrived meanwhile

    def _state(self, ok: bool, reason: str) -> None:
        self._watching = ok
        if ok:
            self.status = ""
        elif reason == UNREACHED:
            # Translators: in team mode, when the server's notices of colleagues' saves never
            # arrive (a PgBouncer in transaction mode between them: docs/team.md)
            self.status = _(
                "Other organisers' changes do not appear by themselves: the server's notices "
                "do not reach this window (a connection pooler in between?). Reopen the "
                "database to see them."
            )
        else:  # the exception's class name ("OperationalError") meant nothing to anybody
            log.info("change listener: %s", reason)
            self.status = _(
                "Lost the connection to the database server; other organisers' changes will "
                "appear when it is back"
            )
        self.statusChanged.emit(self.status)
