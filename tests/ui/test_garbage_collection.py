"""Python's cycle collector runs between events, never inside Qt's own work.

Measured (tests/ui, about one run in two of five language files): a collection that Python
started by itself in the middle of Qt's walk over the top-level windows
(``QGuiApplication.setLayoutDirection`` → ``QApplicationPrivate::notifyLayoutDirectionChange``)
freed a window the walk read next: a segmentation fault in ``QWidgetPrivate::windowHandle``.
The window turns Python's automatic collection off and collects from its event loop instead,
as Anki does (``aqt/main.py``: "Anki disables the default GC on startup, and instead runs it on
a timer").
"""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QWidget

from tests.ui.conftest import open_window
from ui import garbage
from ui.i18n_qt import apply_language


class _Cycle:
    """Garbage only the cycle collector frees: it refers to itself."""

    def __init__(self) -> None:
        self.me = self


def _collections_during(call) -> list[int]:
    """The generations Python collected while ``call`` ran."""
    seen: list[int] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        call()
    finally:
        gc.callbacks.remove(note)
    return seen


def test_no_collection_starts_inside_a_language_switch(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    # far past the first generation's threshold: Python would collect at the next allocation
    keep = [[] for _ in range(gc.get_threshold()[0] * 3)]
    seen = _collections_during(lambda: (apply_language("ar"), apply_language("en")))
    assert seen == [], f"Python collected generations {seen} inside Qt's walk over the windows"
    assert not gc.isenabled()
    del keep
    window.close()


def test_a_tab_tested_alone_runs_under_the_window_policy(qtbot, demo_store):
    """The hosted-tab tests too: Python's automatic collection is off before any MainWindow."""
    from ui.context import AppContext
    from ui.tabs.props import PropsTab

    tab = PropsTab(AppContext(demo_store))
    qtbot.addWidget(tab)
    assert not gc.isenabled()
    assert garbage.collector() is not None


def test_garbage_is_still_collected_between_events(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    cycles = [_Cycle() for _ in range(gc.get_threshold()[0] * 2)]
    gone = weakref.ref(cycles[0])
    del cycles
    assert gone() is not None  # automatic collection is off: nothing freed it yet
    qtbot.waitUntil(lambda: gone() is None, timeout=garbage.CHECK_EVERY_MS * 3)
    window.close()


def test_the_generation_due_is_the_one_python_would_have_collected():
    thresholds = (700, 10, 10)
    assert garbage.due_generation((10, 0, 0), thresholds) == -1
    assert garbage.due_generation((701, 0, 0), thresholds) == 0
    assert garbage.due_generation((701, 11, 0), thresholds) == 1  # ten youngest collections
    assert garbage.due_generation((7_001, 0, 0), thresholds) == 1  # ten of them in one second
    assert garbage.due_generation((701, 11, 11), thresholds) == 2
    assert garbage.due_generation((70_001, 0, 0), thresholds) == 2
    assert garbage.due_generation((5, 11, 0), thresholds) == -1  # nothing new: nothing due


def test_a_closed_window_left_as_garbage_goes_between_events(qtbot, demo_db):
    """A Python-owned top-level widget in a reference cycle is deleted by the collector on the
    event loop, where no Qt loop is walking the windows."""
    window = open_window(qtbot, demo_db)
    stray = QWidget()  # no parent: Python owns it
    stray.me = stray
    stray.show()
    stray.close()
    deleted: list[bool] = []
    stray.destroyed.connect(lambda: deleted.append(True))
    gone = weakref.ref(stray)
    del stray
    more = [_Cycle() for _ in range(70_001)]  # what makes Python collect every generation
    del more
    qtbot.waitUntil(lambda: gone() is None and deleted == [True], timeout=3000)
    window.close()


def test_a_tests_widgets_are_deleted_before_the_next_test_starts(qtbot):
    """pytest-qt ends a test with ``close()`` and ``deleteLater()``, which Qt carries out only
    in the next event loop: that of the next test, where a dialog of the test before was deleted
    while the next one drove its own (CI, once: "Internal C++ object (QLabel) already
    deleted"). The suite's teardown carries the deletions out before the next test begins."""
    import shiboken6
    from PySide6.QtWidgets import QApplication, QDialog, QLabel

    from tests.ui.conftest import finish_deletions

    dialog = QDialog()
    label = QLabel("x", dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.close()
    dialog.deleteLater()  # as pytest-qt does, outside any event loop
    QApplication.processEvents()
    assert shiboken6.isValid(label), "processEvents() alone leaves it to the next loop"
    finish_deletions()
    assert not shiboken6.isValid(label)
