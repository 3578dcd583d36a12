"""File → Lock: the open encrypted database is closed and the window shows nothing of it.

KeePassXC is the model. Locking

- closes the window's dialogs and cancels background reads,
- empties every tab (``set_action(None)``), the actions list, the header and their caches,
- closes the database (the engine is disposed and the Store object dropped, and with it the
  connection factory that held the passphrase and the derived key),
- swaps the window's content for the unlock screen and disables every command about the plan.

Unlocking checks the passphrase (``check_passphrase``, as the unlock dialog does), reopens the
same file and shows the action and tab shown before. The undo history is kept across a lock
(its commands call ``ctx.store`` when run, so they use the reopened store); its texts name plan
items ("Delete Pallbearers"), so Undo and Redo are disabled and show no text while locked.
"""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget
from shiboken6 import isValid

from app.i18n import _, pgettext, ui

log = logging.getLogger("cortege.ui")
READS_WAIT_MS = 3000  # a background read still running when the window locks


@dataclass
class LockedView:
    """What the window showed, to show it again after unlocking (ids only, no plan text)."""

    path: Path
    identity: object
    action_id: int | None
    tab: str | None


def can_lock(window) -> bool:
    store = window.ctx.store
    return bool(store is not None and store.encrypted and store.path is not None)


class WindowLock(QObject):
    locked_changed = Signal(bool)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("window_lock")
        self.window = window
        self.view: LockedView | None = None
        self.screen = None
        self._content: QWidget | None = None
        self._switched_off: list = []  # commands disabled by the lock, enabled again after
        self.attempts = 0
        from ui.idle_lock import IdleLock, SleepWatch

        self.idle = IdleLock(self, self)  # Preferences → Lock after idle (default 10 minutes)
        self.sleep = SleepWatch(self, self)

    @property
    def locked(self) -> bool:
        return self.view is not None

    def can_lock(self) -> bool:
        return can_lock(self.window)

    # --- the window's hooks ---------------------------------------------------------------------
    def sync_action(self) -> None:
        """File → Lock: enabled for an open encrypted database; otherwise the tooltip says why."""
        act = getattr(self.window, "a_lock", None)
        if act is None:
            return
        possible = can_lock(self.window)
        act.setEnabled(possible and not self.locked)
        if self.locked:
            tip = _("The database is locked")
        elif possible:
            tip = _("Lock the database: close it and hide the plan until the passphrase is typed")
        elif self.window.ctx.store is None:
            tip = _("Lock needs an open encrypted database")
        else:
            tip = _(
                "Locking needs an encrypted database: encrypt this one with File → Change "
                "passphrase… first"
            )
        act.setToolTip(f"{tip} ({act.shortcut().toString()})")
        act.setStatusTip(tip)

    def retranslate(self) -> None:
        if self.screen is not None:
            self.screen.retranslate()
        self.sync_action()

    def hide_undo_texts(self) -> None:
        """While locked Undo and Redo are off and name nothing (their texts are plan data)."""
        if not self.locked:
            return
        w = self.window
        for act, text in ((w.a_undo, _("&Undo")), (w.a_redo, _("&Redo"))):
            act.setText(text)
            act.setIconText(text.replace("&", ""))  # the toolbar's button
            act.setToolTip(text.replace("&", ""))
            act.setEnabled(False)

    def locked_name(self) -> str:
        if self.view is None:
            return ""
        # Translators: the window title while the database is locked.
        return _("{database} (locked)").format(database=self.view.path)

    # --- locking -------------------------------------------------------------------------------
    def lock(self) -> bool:
        """Lock the window; False when there is nothing to lock (or it is locked already)."""
        w = self.window
        if self.locked or not can_lock(w):
            return False
        focus = QApplication.focusWidget()
        if focus is not None and focus.window() is w:
            focus.clearFocus()  # typing not saved yet is saved now (fields save on leaving)
        store = w.ctx.store
        current = w.tabs.currentWidget()
        tab = w.tab_widgets.key_of(current)
        self.view = LockedView(Path(store.path), store.identity, w.action_id, tab)
        self._close_dialogs()
        self._stop_background()
        w.ctx.store = None  # not reset_store: the undo history stays
        self._clear_views()
        store.close()
        del store
        gc.collect()  # the Store, its engine and the key in its connection factory go now
        self._show_screen()
        self._switch_commands_off()
        w._update_undo()
        w._refresh_title()
        self.attempts = 0
        self.locked_changed.emit(True)
        return True

    def _close_dialogs(self) -> None:
        """Every open dialog of the window goes, also those that follow the store."""
        w = self.window
        for dialog in w.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
                dialog.close()
        for other in w.findChildren(QWidget):  # any other window of it (a live screen, …)
            if other.isWindow() and other.isVisible() and not isinstance(other, QMenu):
                other.close()
        # Dialogs the window keeps (Preferences, About) still hold their texts until they are
        # deleted: they go now. Every other closed dialog is deleted by ui.dialog_policy.
        # So do the window's other windows it keeps (live mode's caller screen and stage
        # display): closed, their labels would still hold the running order.
        for name, value in list(vars(w).items()):
            if isinstance(value, QWidget) and not isValid(value):
                setattr(w, name, None)  # a closed dialog, already deleted (ui.dialog_policy)
                continue
            keeps_window = isinstance(value, QWidget) and value is not w and value.isWindow()
            if isinstance(value, QDialog) or (keeps_window and not isinstance(value, QMenu)):
                setattr(w, name, None)
                value.deleteLater()

    def _stop_background(self) -> None:
        from ui.background_query import BackgroundQuery
        from ui.workers import WorkerHandle

        w = self.window
        for query in w.findChildren(BackgroundQuery):
            query.cancel()
        for handle in list(WorkerHandle._running):
            handle.cancel()
        QThreadPool.globalInstance().waitForDone(READS_WAIT_MS)
        timer = getattr(w, "_replaced_timer", None)
        if timer is not None:  # its check holds the store; unlocking makes a new one
            timer.stop()
            timer.timeout.disconnect()
            timer.deleteLater()
            del w._replaced_timer
        if w.live_updates is not None:
            w.live_updates.stop()
            w.live_updates._store = None  # started again, on the reopened store, by unlock
        w._purge_timer.stop()

    def _clear_views(self) -> None:
        w = self.window
        for tab in w.tab_widgets.built().values():  # a tab never built holds nothing
            tab.set_action(None)
            cache = getattr(tab, "_cache", None)
            if isinstance(cache, dict):
                cache.clear()
        w._stale, w._dirty = set(), set()
        w.action_id = None
        w.header_data = None
        panel = w.actions_panel
        panel.filter_edit.clear()  # what was typed may name the action
        panel.reload()  # no store: an empty list
        w._show_action_view(False)
        w._refresh_header()
        w.purge_button.setVisible(False)
        w.purge_button.setText("")
        w.purge_button.setAccessibleName("")
        w.statusBar().clearMessage()
        # Translators: the status bar while the database is locked.
        w.status_left.setText(pgettext("status bar", "Locked"))

    def _show_screen(self) -> None:
        from ui.lock_screen import LockScreen

        w = self.window
        self._content = w.takeCentralWidget()
        self._content.setParent(w)  # kept (hidden) to come back after unlocking
        self._content.hide()
        self.screen = LockScreen(w, self.view.path.name)
        self.screen.unlock_requested.connect(self.unlock)
        w.setCentralWidget(self.screen)
        self.screen.show()
        self.screen.setFocus()

    def _switch_commands_off(self) -> None:
        """Everything but opening another database, Quit, About and the view of the window."""
        w = self.window
        keep = {
            w.a_new_db,
            w.a_open_db,
            w.a_open_url,
            w.a_quit,
            w.a_about,
            w.a_fullscreen,
        }
        self._switched_off = []
        for act in [*w.db_bound, *w.action_bound, *w.tab_actions, w.a_find, w.a_toggle_list]:
            if act not in keep and act.isEnabled():
                act.setEnabled(False)
                self._switched_off.append(act)
        self.sync_action()

    # --- unlocking -----------------------------------------------------------------------------
    def unlock(self, passphrase: str) -> bool:
        """Reopen the file with ``passphrase``; a wrong one is said on the screen (False)."""
        from app.domain.errors import CortegeError
        from app.storage.cipher import check_passphrase
        from app.storage.engine import open_store
        from app.storage.holders import file_identity
        from ui.read_only import notice_read_only

        if not self.locked:
            return False
        path = self.view.path
        if not path.exists():
            self.screen.refused(
                _(
                    "{path} is no longer there: it was moved or removed while locked. Open it "
                    "where it is now with File → Open database…"
                ).format(path=ui().isolated(str(path)))
            )
            return False
        self.attempts += 1
        if not check_passphrase(path, passphrase):
            self.screen.refused(
                _(
                    "Wrong passphrase, or {name} is not a Cortège database. Try again "
                    "(attempt {n})."
                ).format(name=path.name, n=self.attempts)
            )
            return False
        replaced = file_identity(path) != self.view.identity
        try:
            store = open_store(str(path), passphrase=passphrase, keep_deleted=not replaced)
            notice_read_only(store)
        except (CortegeError, OSError) as exc:
            self.screen.refused(str(exc))
            return False
        view = self.view
        self._hide_screen()
        if replaced:  # another file now: its own history, as when opening it
            log.warning("the database file was replaced while the window was locked")
            self.window.attach_store(store)
            self.window.statusBar().showMessage(
                _("{name} was replaced while locked: its undo history was dropped.").format(
                    name=path.name
                ),
                15000,
            )
        else:
            self._restore(store, view)
        self.locked_changed.emit(False)
        return True

    def _hide_screen(self) -> None:
        w = self.window
        self.view = None
        screen = w.takeCentralWidget()
        if self.screen is not None:
            self.screen.forget()
            self.screen.deleteLater()
            self.screen = None
        elif screen is not None:
            screen.deleteLater()
        if self._content is not None:
            w.setCentralWidget(self._content)
            self._content.show()
            self._content = None
        for act in self._switched_off:
            act.setEnabled(True)
        self._switched_off = []

    def _restore(self, store, view: LockedView) -> None:
        from ui import replaced_file

        w = self.window
        w.ctx.store = store
        replaced_file.watch(w, store)
        if w.live_updates is not None:
            w.live_updates._store_maybe_swapped(None)
        tab = w.tab_widgets.get(view.tab) if view.tab else None
        if tab is not None:
            w.tabs.setCurrentWidget(tab)
        w.actions_panel.reload(keep=view.action_id)
        w._refresh_header()
        w._refresh_title()
        w._refresh_purge_reminder()
        w._update_undo()
        w._sync_enabled()
        if tab is not None and w.action_id is not None:
            w.show_tab(view.tab)

    def forget(self) -> None:
        """Another database is opened while locked: drop the lock (and its view) at once."""
        if self.locked:
            self._hide_screen()
            self.locked_changed.emit(False)
