"""Rule for every view: on a database switch nothing of the old database stays on screen.

Tabs are reset by ``set_action(None)`` and reloaded; the window's own dialogs that are still
open (the non-modal run-sheet dialog, …) show the old database's action, so they are closed —
except those that reload themselves from the new one (``follows_store = True``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget


def close_store_bound_dialogs(window: QWidget) -> list[str]:
    """Close the window's open dialogs bound to the old database; returns their names."""
    closed = []
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible() and not getattr(dialog, "follows_store", False):
            closed.append(dialog.objectName())
            dialog.close()
    return closed
