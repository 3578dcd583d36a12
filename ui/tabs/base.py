"""The contract every tab of the action view follows.

The main window builds the tabs (Overview, Readiness, Schedule, People, Props, Press, Tasks),
connects ``ctx.changed`` to ``on_changed`` and calls ``set_action`` when the selection changes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.services.changes import Change


class ActionTab(QWidget):
    #: The tab wants the window to show this entity in another tab: (entity, id).
    navigate = Signal(str, int)
    #: A short text for the tab's title badge, e.g. the readiness count ("" for none).
    badge_changed = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action_id: int | None = None

    def title(self) -> str:
        """The tab's label in the UI language (called again on retranslate); subclasses say it."""
        return ""

    def set_action(self, action_id: int | None) -> None:
        """Show another action (None: no action selected, show the empty state)."""
        self.action_id = action_id
        self.reload()

    def reload(self) -> None:
        """Read everything this tab shows again."""

    def on_changed(self, change: Change) -> None:
        """An edit happened (here or elsewhere); refresh what it touches."""
        if change.action_id in (None, self.action_id) or change.entity == "*":
            self.reload()

    def focus_entity(self, entity: str, entity_id: int) -> bool:
        """Select and reveal that row; True if this tab shows it."""
        return False

    def retranslate(self) -> None:
        """Set every label again in the current UI language."""
