"""A window whose database file is replaced by another program stops writing to the old file,
reopens the new one and tells the user."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox

from app.storage.engine import open_store


def _titles(window) -> list[str]:
    proxy = window.actions_panel.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def _replace_with_empty_database(path, tmp_path) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    open_store(str(fresh)).close()
    os.replace(fresh, path)
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)


def test_an_edit_after_the_file_was_replaced_is_refused_and_the_new_file_opens(
    qtbot, main_window, demo_db, tmp_path, monkeypatch
):
    w = main_window
    old_store = w.ctx.store
    assert _titles(w) == ["Funeral for privacy at Père-Lachaise"]
    _replace_with_empty_database(demo_db, tmp_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.a_delete.trigger()
    qtbot.waitUntil(lambda: w.ctx.store is not old_store, timeout=15_000)
    box = w.findChild(QMessageBox, "file_replaced_message")
    assert box is not None and box.isVisible()
    assert "Another program replaced" in box.text() and str(demo_db) in box.text()
    assert _titles(w) == []
    assert w.ctx.store.path == demo_db
    assert not w.ctx.undo_stack.canUndo()  # the refused delete is not an undo step


def test_the_window_notices_a_replaced_file_without_any_edit(qtbot, main_window, demo_db, tmp_path):
    w = main_window
    old_store = w.ctx.store
    _replace_with_empty_database(demo_db, tmp_path)
    qtbot.waitUntil(lambda: w.ctx.store is not old_store, timeout=15_000)
    assert _titles(w) == []
    assert w.findChild(QMessageBox, "file_replaced_message") is not None
