"""A tab that could not be read from the server is greyed and covered by a line saying why.

Greyed alone, it still showed its empty-state words ("No cues yet", "Total: €0.00") — what an
empty plan shows — and the status bar's explanation went at the next message.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from app.i18n import ui as _ui

_NAME = "server_away_cover"


def _message() -> str:
    _ = _ui().gettext
    return _("This tab could not be read from the server; it loads when the connection is back.")


class _Cover(QLabel):
    """The tab's whole area in the window's colour, the reason in the middle."""

    def __init__(self, tab: QWidget) -> None:
        super().__init__(tab)
        self.setObjectName(_NAME)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMargin(24)
        self.setAutoFillBackground(True)
        palette = self.palette()
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window):
            # the tab is disabled, so is its cover: its words are read, not greyed
            active = palette.color(QPalette.ColorGroup.Active, role)
            palette.setColor(QPalette.ColorGroup.Disabled, role, active)
        self.setPalette(palette)
        tab.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and watched is self.parent():
            self.setGeometry(self.parentWidget().rect())
        return False


def cover(tab: QWidget) -> None:
    """Grey ``tab`` and say on it that it could not be read."""
    tab.setEnabled(False)
    shown = tab.findChild(QLabel, _NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if shown is None:
        shown = _Cover(tab)
    shown.setText(_message())
    shown.setGeometry(tab.rect())
    shown.raise_()
    shown.show()


def uncover(tab: QWidget) -> None:
    """``tab`` read again: usable, its cover gone."""
    tab.setEnabled(True)
    shown = tab.findChild(QLabel, _NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if shown is not None:
        shown.hide()


def is_covered(tab: QWidget) -> bool:
    shown = tab.findChild(QLabel, _NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return shown is not None and not shown.isHidden()
