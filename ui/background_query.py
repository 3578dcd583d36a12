"""One read-only service call off the GUI thread, for views that refresh while hidden.

A colleague's change must not freeze the window while a hidden panel (the readiness badge of
a 10,000-person action) recomputes: the read runs in a pool thread with its own session, and
the result comes back by signal. One call at a time per owner; a request made while one runs
replaces any waiting one (only the newest state matters).
"""

from __future__ import annotations

import atexit
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    finished = Signal(object, object)  # the request, its result (None when it failed)


class _Run(QRunnable):
    def __init__(self, signals: _Signals, request: tuple) -> None:
        super().__init__()
        self._signals, self._request = signals, request

    def run(self) -> None:
        store, fn, args, _on_done = self._request
        result = None
        try:
            with store.read() as session:
                result = fn(session, *args)
        except Exception:  # the next change asks again; an outage is shown by live updates
            log.warning("a background refresh failed", exc_info=True)
        self._signals.finished.emit(self._request, result)


def _wait_for_reads() -> None:
    """At exit: let a read that is still running finish before Python goes away."""
    QThreadPool.globalInstance().waitForDone(3000)


atexit.register(_wait_for_reads)


class BackgroundQuery(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # No Qt parent: a read still running when this owner is deleted keeps its carrier
        # alive; Qt drops the delivery to the deleted owner.
        self._signals = _Signals()
        self._signals.finished.connect(self._finished)
        self._running = False
        self._waiting: tuple | None = None
        self._drop_running = False  # cancelled: the running read's result is thrown away

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def request(self, store, fn: Callable, *args: Any, on_done: Callable[[Any], None]) -> None:
        """Run ``fn(session, *args)``; ``on_done(result)`` on the GUI thread when it succeeded."""
        request = (store, fn, args, on_done)
        if self._running:
            self._waiting = request
            return
        self._running = True
        QThreadPool.globalInstance().start(_Run(self._signals, request))

    def cancel(self) -> None:
        """Forget the waiting request and the result of the running one (the window locks)."""
        self._waiting = None
        self._drop_running = self._running

    def _finished(self, request: tuple, result: Any) -> None:
        self._running = False
        if self._drop_running:
            self._drop_running = False
            result = None
        if result is not None:
            request[3](result)
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self.request(waiting[0], waiting[1], *waiting[2], on_done=waiting[3])
