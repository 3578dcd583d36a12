"""Fixtures for the window tests: the real main window on a database, and modal-dialog driving."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import DEMO_NOW


@pytest.fixture(autouse=True)
def _each_test_leaves_nothing_behind():
    """The next test starts in English, left to right, with no widget of this one left.

    A test that switched the window to Arabic leaves Qt's application-wide layout direction
    (and Qt's own translations) behind. And pytest-qt closes a test's widgets with
    ``deleteLater()``, which Qt carries out only in the next event loop: the next test's. A
    dialog of one test was so deleted in the middle of the next, and took a label of that
    test's own dialog with it (CI: "Internal C++ object (QLabel) already deleted", once). The
    deletions are carried out here, and what they left to the cycle collector collected, while
    no Qt loop is under way."""
    yield
    if QApplication.instance() is None:
        return
    from ui.i18n_qt import apply_language

    apply_language("en")
    finish_deletions()


def finish_deletions() -> None:
    """Carry out the ``deleteLater()`` calls made outside an event loop (pytest-qt's, at the
    end of a test) and collect the garbage they leave."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture(autouse=True)
def _collect_between_events(qapp):
    """Every window test runs under the app's collection policy (``ui.garbage``), not only
    those after the first MainWindow of their worker: a test of a tab hosted alone, first in
    its worker, ran with Python's automatic collection, which may start inside a walk of Qt
    over its widgets (one worker crashed so in a full run). Between two tests no Qt loop is
    under way: what is due is collected there."""
    from ui import garbage

    found = garbage.collect_between_events()
    yield
    found.check()


def open_window(qtbot, target, *, now=DEMO_NOW, add_demo: bool = False):
    """A shown MainWindow on ``target`` with the readiness clock fixed at ``now``."""
    from ui.main_window import MainWindow

    window = MainWindow(now=lambda: now)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    # the active window, as the user's is: a shortcut pressed on it (Ctrl+Shift+K) did nothing
    # on a loaded run while a window of an earlier test still held the activation
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert window.open_database(str(target), add_demo=add_demo)
    return window


@pytest.fixture
def main_window(qtbot, demo_db):
    """The main window on a copy of the demo database, showing the demo action."""
    window = open_window(qtbot, demo_db)
    yield window
    window.close()


@pytest.fixture
def empty_window(qtbot, db_path):
    """The main window on a new, empty database."""
    window = open_window(qtbot, db_path)
    yield window
    window.close()


def drive_modal(trigger: Callable[[], object], fill: Callable[[QWidget], None]) -> QWidget:
    """Run ``trigger`` (which opens a modal dialog with exec()) and ``fill(dialog)`` inside it;
    ``fill`` must close the dialog. Returns the dialog."""
    seen: list[QWidget] = []
    errors: list[BaseException] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, handle)
            return
        seen.append(dialog)
        try:
            fill(dialog)
        except BaseException as exc:  # re-raised once the dialog is gone
            errors.append(exc)
            dialog.close()

    QTimer.singleShot(0, handle)
    trigger()
    if errors:
        raise errors[0]
    assert seen, "no dialog opened"
    return seen[0]


def problem_kinds(window) -> list[str]:
    return [p.kind for p in window.tab_widgets["readiness"].problems()]


def wait_listening(qtbot, live_updates, timeout: int = 15_000) -> None:
    """Until a change made elsewhere from now on will reach the window. A busy CI machine can
    take seconds to start the listener; when it never does, say which part is missing."""
    try:
        qtbot.waitUntil(lambda: live_updates.listening, timeout=timeout)
    except qtbot.TimeoutError:
        thread = live_updates._thread
        running = thread is not None and thread.isRunning()
        watcher = thread is not None and thread._watcher is not None
        raise AssertionError(
            f"not listening after {timeout} ms: thread running {running}, watcher made "
            f"{watcher}, status {live_updates.status!r}"
        ) from None


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """A dialog the app deleted once it closed (``ui.dialog_policy``) is no longer there for
    pytest-qt to close: it would call ``close()`` on a deleted widget."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from shiboken6 import isValid

    QCoreApplication.processEvents()  # the policy's turn: closed dialogs are deleted now
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    widgets = getattr(item, "qt_widgets", None)
    if widgets:
        item.qt_widgets = [
            (ref, before) for ref, before in widgets if ref() is None or isValid(ref())
        ]
    return (yield)
