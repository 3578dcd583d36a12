"""Work that the start can leave until the first action is on screen.

Opening the database at start shows the first action; its readiness badge and the purge
reminder in the status bar are judged right after the window has painted it, not before: on a
database of 1,000 actions and 10,000 people that is ~50 ms of the start (statements compiled
for the first time, issue #17), and the user sees the action that much sooner. Only the start
defers (``ui.app.run_gui``); opening a database later, switching actions and every change
judge at once, as before.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ui.first_paint import after_first_paint


class AfterPaint:
    """Jobs held from ``begin()`` until the window's next paint after ``release()``."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.jobs: list[Callable[[], None]] | None = None
        #: ``time.perf_counter()`` and ``time.process_time()`` when that paint was on screen
        #: (the start's benchmark reads them: the first action shown)
        self.shown_at: tuple[float, float] | None = None

    @property
    def holding(self) -> bool:
        """True from ``begin()`` until the held jobs have run."""
        return self.jobs is not None

    def begin(self) -> None:
        self.jobs = []

    def hold(self, job: Callable[[], None]) -> bool:
        """Keep ``job`` for later (once) and say True; False when nothing is held now (the
        caller does the work at once)."""
        if self.jobs is None:
            return False
        if job not in self.jobs:
            self.jobs.append(job)
        return True

    def release(self) -> None:
        """Run the held jobs just after the window's next paint."""
        if self.jobs is not None:
            after_first_paint(self.window, self._run)

    def _run(self) -> None:
        self.shown_at = (time.perf_counter(), time.process_time())
        jobs, self.jobs = self.jobs or [], None
        for job in jobs:
            job()
