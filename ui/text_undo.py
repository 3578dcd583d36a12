"""Ctrl+Z in a text field is never a no-op (the desktop norm).

A focused QLineEdit or text editor claims the undo and redo keys for itself (ShortcutOverride)
even when it has nothing to undo, so the window's Undo never ran. This filter lets the field
keep the key only while it holds typing of its own that is not saved yet (modified, with undo
steps); otherwise the key goes to the window's Undo / Redo, which takes back the last saved
edit. Fields of dialogs are left alone: their typing is saved only by OK.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit

UNDO, REDO = QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo


def _own_history(widget) -> tuple[bool, bool] | None:
    """(has its own typing to undo, has something to redo), or None for other widgets."""
    if isinstance(widget, QAbstractSpinBox):
        widget = widget.findChild(QLineEdit)
    if isinstance(widget, QLineEdit):
        typed = widget.isModified()
        return typed and widget.isUndoAvailable(), typed and widget.isRedoAvailable()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        doc = widget.document()
        typed = doc.isModified()
        return typed and doc.isUndoAvailable(), typed and doc.isRedoAvailable()
    return None


class TextUndoFilter(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        from ui.event_hub import listen

        # Until this object goes, with its window.
        listen((QEvent.Type.ShortcutOverride,), self._shortcut_override, self)

    def _shortcut_override(self, watched, event) -> bool:
        """A ShortcutOverride anywhere in the application (the event hub hands only those)."""
        undo, redo = event.matches(UNDO), event.matches(REDO)
        if not (undo or redo):
            return False
        try:
            if not isinstance(watched, QObject) or watched.window() is not self.window:
                return False
        except (AttributeError, RuntimeError):
            return False
        history = _own_history(watched)
        if history is None:
            return False
        own_undo, own_redo = history
        if (undo and own_undo) or (redo and own_redo):
            return False  # the field undoes its own typing
        event.ignore()
        return True  # not claimed: the window's Undo / Redo shortcut runs
