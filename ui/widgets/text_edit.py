"""Editors that say when the user is done, so each field commits once as one undo step."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget

#: Dates in editors: weekday, day, month name and year, named in the UI's locale by Qt.
DATE_FORMAT = "ddd d MMM yyyy"


class CommitTextEdit(QPlainTextEdit):
    """A multi-line editor with ``editingFinished`` (focus out, or Ctrl+Enter) like QLineEdit.

    Tab moves the focus instead of typing a tab, so the form stays usable from the keyboard.
    """

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(self._height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._original = ""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self._height)

    def set_text(self, text: str) -> None:
        """Show ``text`` without it counting as an edit."""
        if self.toPlainText() != text:
            self.setPlainText(text)
        self._original = text

    def is_modified(self) -> bool:
        return self.toPlainText() != self._original

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        if self.is_modified():
            self.editingFinished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.is_modified():
                self.editingFinished.emit()
            return
        super().keyPressEvent(event)
