"""Long work off the GUI thread, with a progress dialog and Cancel.

API (used by the exports and imports)::

    from ui.workers import run_in_background, Cancelled

    def job(progress):                      # runs in a QThreadPool thread
        for i, person in enumerate(people):
            progress.check()                # raises Cancelled if the user pressed Cancel
            progress.report(i, len(people), person.alias)
            write_pdf(person)
        return paths                        # handed to on_done in the GUI thread

    handle = run_in_background(
        parent, _("Exporting run-sheets…"), job,
        on_done=lambda paths: ...,          # GUI thread, the job's return value
        on_error=lambda exc: ...,           # GUI thread; default: an error dialog
        on_cancel=lambda: ...,              # GUI thread; optional
    )

Rules: the job never touches a widget (Qt forbids it off the GUI thread) and never uses the
window's context; it opens its own store session if it needs one (``store.read()``). Results,
errors and progress come back only through the Qt signals of ``Worker.signals`` (queued to the
GUI thread). ``progress.report(done, total, text)`` may be called as often as you like: the
dialog is updated at most every 50 ms. A DomainError/StoreError raised by the job reaches
``on_error`` like any other exception; ``Cancelled`` reaches ``on_cancel``. The progress dialog
appears only if the job takes longer than ``min_duration_ms`` (default 400), so short jobs do
not flash a window. ``handle.wait()`` blocks until the job has finished (tests use it).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.i18n import _


class Cancelled(Exception):
    """The user pressed Cancel; raised by ``Progress.check()`` inside the job."""


class Progress:
    """What the job sees: ``report(done, total, text)``, ``cancelled`` and ``check()``."""

    def __init__(self, signals: WorkerSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.05:
            return
        self._last = now
        self._signals.progress.emit(int(done), int(total), str(text))


class WorkerSignals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Worker(QRunnable):
    def __init__(self, job: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the handle keeps it; Python owns it
        self.job = job
        self.signals = WorkerSignals()
        self.progress = Progress(self.signals)
        self.finished = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            result = self.job(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # every failure goes back to the GUI thread
            self.signals.failed.emit(exc)
        else:
            if self.progress.cancelled:
                self.signals.cancelled.emit()
            else:
                self.signals.done.emit(result)
        finally:
            self.finished.set()


class WorkerHandle(QObject):
    """Keeps a running job, its dialog and callbacks alive until the job ends."""

    _running: set[WorkerHandle] = set()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        job: Callable[[Progress], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        min_duration_ms: int = 400,
    ) -> None:
        super().__init__(parent)
        self.worker = Worker(job)
        self._on_done, self._on_error, self._on_cancel = on_done, on_error, on_cancel
        self._parent = parent
        self.dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("progress_dialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setAccessibleName(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(min_duration_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        s = self.worker.signals
        s.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        s.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        s.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        s.cancelled.connect(self._cancelled, Qt.ConnectionType.QueuedConnection)
        self.result: Any = None
        self.error: BaseException | None = None
        self.state = "running"  # running | done | failed | cancelled
        WorkerHandle._running.add(self)
        QThreadPool.globalInstance().start(self.worker)

    def cancel(self) -> None:
        self.worker.progress.cancel()
        self.dialog.setLabelText(_("Cancelling…"))

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until the job ends (its signals are delivered by the next event processing)."""
        return self.worker.finished.wait(timeout_ms / 1000)

    def _progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if text:
            self.dialog.setLabelText(text)

    def _close(self) -> None:
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        WorkerHandle._running.discard(self)

    def _done(self, result: Any) -> None:
        self.state, self.result = "done", result
        self._close()
        if self._on_done is not None:
            self._on_done(result)

    def _failed(self, exc: BaseException) -> None:
        self.state, self.error = "failed", exc
        self._close()
        if self._on_error is not None:
            self._on_error(exc)
        else:
            from ui.dialogs.error_dialog import show_error

            show_error(self._parent, exc)

    def _cancelled(self) -> None:
        self.state = "cancelled"
        self._close()
        if self._on_cancel is not None:
            self._on_cancel()


def run_in_background(
    parent: QWidget | None,
    title: str,
    job: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    min_duration_ms: int = 400,
) -> WorkerHandle:
    """Run ``job(progress)`` in the thread pool with a progress dialog; see the module doc."""
    return WorkerHandle(
        parent,
        title,
        job,
        on_done=on_done,
        on_error=on_error,
        on_cancel=on_cancel,
        min_duration_ms=min_duration_ms,
    )
