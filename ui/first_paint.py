"""Run something once a window has been painted for the first time.

The database is opened after the first paint, so the window appears at once: a timer started
before ``app.exec()`` fires before the first paint event (measured: the window was built at
0.72 s and painted at 1.47 s because opening 1,000 actions came first).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: If no paint arrives (a minimised window, a platform that paints nothing), go on anyway.
FALLBACK_MS = 1000


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.callback = callback
        self.done = False
        self.scheduled = False
        # A main window is covered by its children: the paint events go to them, so watch the
        # whole application for the first paint of any widget of this window.
        from ui.event_hub import listen

        self._stop = listen((QEvent.Type.Paint,), self._painted, self)
        QTimer.singleShot(FALLBACK_MS, self._run)

    def _painted(self, watched: QObject, _event: QEvent) -> bool:
        if not self.scheduled and isinstance(watched, QWidget) and watched.window() is self.widget:
            self.scheduled = True
            # After this paint is flushed to the screen: the next turn of the event loop.
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self._stop()
        self.callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once, just after ``widget``'s first paint."""
    _FirstPaint(widget, callback)
