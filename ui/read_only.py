"""Read-only as a mode of the window: a banner says so and why, every edit is disabled, viewing
and every export keep working.

``store.read_only`` is the shared contract (storage sets it for a read-only file or folder, team
mode for a server role without write rights). ``sqlite_read_only_reason`` is the one place the
window itself notices a file or folder it cannot write to. Edits that still reach the context
are refused by it with the same reason (ui/context.py), so a missed widget can never fail with
a database error.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ui
from ui import style

#: window commands that change the database (exports, backup, copy and viewing stay on)
EDIT_ACTIONS = (
    "a_new_action",
    "a_duplicate",
    "a_move",
    "a_delete",
    "a_import",
    "a_import_csv",
    "a_import_ics",
    "a_purge",
    "a_passphrase",
    "a_restore",
    "a_demo",
    "a_prefs",
    "a_undo",
    "a_redo",
)
#: controls in the tabs that only change what is shown, or export it
VIEW_WORDS = ("filter", "search", "reveal", "export", "print", "directory", "find", "show")


def sqlite_read_only_reason(path: Path | None) -> str | None:
    """Why Cortège cannot write to the SQLite file ``path`` (None when it can)."""
    if path is None or not path.exists():
        return None
    if not os.access(path, os.W_OK):
        return _("the file {name} is read-only").format(name=path.name)
    if not os.access(path.parent, os.W_OK):
        return _("the folder {path} is read-only").format(path=ui().isolated(str(path.parent)))
    return None


def notice_read_only(store) -> None:
    """Mark ``store`` read-only when its file or folder cannot be written (storage may already
    have done so, with its own reason)."""
    if store.read_only:
        return
    reason = sqlite_read_only_reason(store.path)
    if reason:
        store.mark_read_only(reason)


def is_read_only(window) -> bool:
    store = window.ctx.store
    return bool(store is not None and getattr(store, "read_only", False))


def install_banner(window) -> QLabel:
    """Put the (hidden) banner above the window's content."""
    holder = QWidget(window)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    banner = QLabel(holder)
    banner.setObjectName("read_only_banner")
    banner.setWordWrap(True)
    banner.setMargin(style.SPACING)
    banner.setStyleSheet(style.banner_css(window))
    banner.setVisible(False)
    layout.addWidget(banner)
    layout.addWidget(window.takeCentralWidget(), 1)
    window.setCentralWidget(holder)
    window.read_only_banner = banner
    window.read_only_guard = _Guard(window)
    return banner


def _is_view_control(widget: QWidget) -> bool:
    name = widget.objectName().lower()
    return any(word in name for word in VIEW_WORDS)


def _inside(widget: QWidget, kinds: tuple) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def _lock(widget: QWidget) -> None:
    """Make one control of a tab unable to edit; the changed state is kept to undo it."""
    if _is_view_control(widget) or _inside(widget, (QTabBar, QScrollBar, QAbstractSpinBox)):
        return
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
        if not widget.isReadOnly():
            widget.setProperty("_ro_readonly", True)
            widget.setReadOnly(True)
    elif isinstance(widget, QAbstractItemView):
        if widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers:
            widget.setProperty("_ro_triggers", int(widget.editTriggers().value))
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    elif isinstance(widget, QAbstractButton | QComboBox) and not isinstance(widget, QTabBar):
        if isinstance(widget, QComboBox | QCheckBox | QRadioButton) or widget.isEnabled():
            widget.setProperty("_ro_locked", True)
            widget.setEnabled(False)


def _unlock(widget: QWidget) -> None:
    if widget.property("_ro_readonly"):
        widget.setProperty("_ro_readonly", None)
        widget.setReadOnly(False)
    triggers = widget.property("_ro_triggers")
    if triggers is not None:
        widget.setProperty("_ro_triggers", None)
        widget.setEditTriggers(QAbstractItemView.EditTrigger(triggers))
    if widget.property("_ro_locked"):
        widget.setProperty("_ro_locked", None)
        widget.setEnabled(True)


class _Guard(QObject):
    """Keeps tab controls locked while read-only, even when a tab re-enables them."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.active = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            self.active
            and event.type() == QEvent.Type.EnabledChange
            and isinstance(watched, QWidget)
            and watched.isEnabled()
            and watched.property("_ro_locked")
        ):
            watched.setEnabled(False)
        return False


def _tab_controls(window) -> list[QWidget]:
    out: list[QWidget] = []
    for tab in window.tab_widgets.built().values():  # a tab built later is locked then
        out += tab.findChildren(QWidget)
    return out


def apply(window) -> None:
    """Show or hide the read-only mode for the window's current store."""
    on = is_read_only(window)
    banner = window.read_only_banner
    guard = window.read_only_guard
    if not on and not guard.active:
        banner.setVisible(False)
        return
    if on:
        reason = window.ctx.store.read_only_reason or _("no write access")
        banner.setText(
            _(
                "Read-only: {reason}. You can look at everything and export it; edits are off."
            ).format(reason=reason)
        )
        banner.setAccessibleName(banner.text())
    banner.setVisible(on)
    guard.active = on
    for name in EDIT_ACTIONS:
        action = getattr(window, name, None)
        if action is not None and on:
            action.setEnabled(False)
    for widget in _tab_controls(window):
        if on:
            _lock(widget)
            widget.installEventFilter(guard)
        else:
            widget.removeEventFilter(guard)
            _unlock(widget)
