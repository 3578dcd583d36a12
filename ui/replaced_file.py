"""When another program replaces or removes the open database file, the window notices, stops
writing (the store refuses every write transaction, see ``Store.file_replaced``), reopens the
file now at that path and tells the user. A light timer checks the file's identity too, so the
window notices even while nobody edits."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from app.i18n import _, ui

log = logging.getLogger("cortege.ui")
CHECK_MS = 2000


def watch(window, store) -> None:
    """Hook ``store`` (just attached to ``window``) to the reopening."""
    if store.path is None:
        return
    store.replaced_listeners.append(lambda: QTimer.singleShot(0, lambda: _reopen(window, store)))
    timer = getattr(window, "_replaced_timer", None)
    if timer is None:
        timer = QTimer(window)
        timer.setObjectName("replaced_file_timer")
        timer.setInterval(CHECK_MS)
        window._replaced_timer = timer
    else:
        timer.timeout.disconnect()
    timer.timeout.connect(lambda: _check(window, store))
    timer.start()


def _check(window, store) -> None:
    if window.ctx.store is store and not store.closed and store.file_replaced():
        store.notice_replacement()


def _reopen(window, store) -> None:
    if window.ctx.store is not store or store.closed:
        return
    path = Path(store.path)
    log.warning("the database file was replaced under the window; reopening it")
    box = QMessageBox(window)
    box.setObjectName("file_replaced_message")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Database replaced"))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if path.exists():
        text = _(
            "Another program replaced {path} while it was open. Cortège stopped writing to "
            "the old file and opened the new one; an edit made in the meantime was not saved."
        ).format(path=ui().isolated(str(path)))
    else:
        text = _(
            "Another program removed {path} while it was open. Cortège stopped writing to it; "
            "open a database to go on."
        ).format(path=ui().isolated(str(path)))
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.follows_store = True  # about the switch itself: the switch must not close it
    if path.exists():
        window.open_database(str(path))
    box.open()
