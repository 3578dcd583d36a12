"""Python's cycle collector runs between events, never inside Qt's own work.

Python starts a collection by itself whenever enough objects were allocated, wherever that
happens: also in Python code that Qt calls in the middle of its own loops (an event filter, a
``changeEvent``). A collection there may delete a window whose Python object was garbage, while
Qt's loop still holds its address: measured in the window tests, a language switch
(``QGuiApplication.setLayoutDirection`` walks every top-level window) crashed in
``QWidgetPrivate::windowHandle`` about one run in two. Anki met the same and does what this
module does: the automatic collection is off while the window runs, and a timer of the event
loop collects, with Python's own thresholds, where no Qt loop is under way (``aqt/main.py``).

Only the GUI thread collects: worker threads allocate too, and the automatic collection would
otherwise run there, where deleting a Qt object is never safe.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: How often the event loop looks whether a collection is due (Python's own thresholds decide).
CHECK_EVERY_MS = 1000

_OBJECT_NAME = "cortege_garbage_collector"


class EventLoopCollector(QObject):
    """Collects the generations whose thresholds were passed, from a timer of the event loop."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(_OBJECT_NAME)
        self.thresholds = gc.get_threshold()
        self.held = 0  # hold(): start-up makes no garbage worth a scan
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        gc.disable()

    def check(self) -> int:
        """Collect what Python would have collected by now; returns the objects freed."""
        if self.held:
            return 0
        generation = due_generation(gc.get_count(), self.thresholds)
        return gc.collect(generation) if generation >= 0 else 0


def due_generation(counts: tuple[int, ...], thresholds: tuple[int, ...]) -> int:
    """The oldest generation Python would have collected by now (-1: none). A second between
    two looks may hold many of Python's own collections: 700 new objects make one of the
    youngest generation, ten of those one of the middle, ten of those one of the oldest; so
    70,000 new objects call for the oldest at once."""
    due, allocations, step = -1, counts[0], 1
    for level, threshold in enumerate(thresholds):
        if threshold <= 0:
            break
        step *= threshold
        if counts[level] > threshold or (level and allocations > step):
            due = level
        elif allocations <= step:
            break
    return due


def collector() -> EventLoopCollector | None:
    app = QCoreApplication.instance()
    if app is None:
        return None
    return app.findChild(EventLoopCollector, _OBJECT_NAME)


def collect_between_events() -> EventLoopCollector | None:
    """Turn Python's automatic collection off for good and collect from the event loop instead
    (once per application; None without one)."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    return collector() or EventLoopCollector(app)


def hold() -> None:
    """No collection at all until ``release()`` (the start, until the first action shows)."""
    gc.disable()
    found = collect_between_events()
    if found is not None:
        found.held += 1


def release() -> None:
    found = collector()
    if found is not None and found.held:
        found.held -= 1
