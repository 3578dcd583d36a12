"""Read-only: double-clicking a row (or Enter / F2 / Insert on it) opens no editor, in every tab
and in the people directory; the row is still selected, so the user can read it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QTableView

from tests.ui.conftest import open_window


def _opened_dialogs(window, act) -> list[str]:
    """Run ``act``; any modal dialog it opens is recorded and closed (so a bug cannot hang)."""
    seen: list[str] = []

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal is not window:
            seen.append(modal.objectName() or type(modal).__name__)
            modal.reject()
        else:
            timer.start(50)

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(close_modal)
    timer.start(50)
    act()
    QTest.qWait(120)
    timer.stop()
    return seen


def _double_click_first_row(view: QTableView) -> None:
    assert view.model().rowCount() > 0
    view.setFocus()
    view.selectRow(0)
    rect = view.visualRect(view.model().index(0, 0))
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_read_only_rows_open_no_editor_in_any_tab(qtbot, demo_db):
    from app.storage import engine

    real = engine.open_store

    def open_marked(target, **kw):
        store = real(target, **kw)
        store.mark_read_only("your server role cannot write")
        return store

    engine.open_store, saved = open_marked, engine.open_store
    try:
        window = open_window(qtbot, demo_db)
    finally:
        engine.open_store = saved
    assert window.read_only_banner.isVisible()
    keys = [k for k in window.tab_widgets]
    for key in ("schedule", "people", "props", "press", "tasks"):
        window.tab_actions[keys.index(key)].trigger()
        tab = window.tab_widgets[key]
        views = [v for v in tab.findChildren(QTableView) if v.model().rowCount() > 0]
        assert views, key
        for view in views:
            assert _opened_dialogs(window, lambda v=view: _double_click_first_row(v)) == [], key
            for k in (Qt.Key.Key_Return, Qt.Key.Key_F2, Qt.Key.Key_Insert):
                pressed = _opened_dialogs(window, lambda v=view, k=k: QTest.keyClick(v, k))
                assert pressed == [], (key, k)
            assert view.selectionModel().selectedRows(), key  # still readable: it is selected
    # The directory (a dialog of its own): its rows open nothing either.
    from ui.dialogs.directory import DirectoryDialog

    directory = DirectoryDialog(window, window.ctx)
    directory.show()
    table = directory.table
    assert _opened_dialogs(directory, lambda: _double_click_first_row(table)) == []
    assert _opened_dialogs(directory, lambda: QTest.keyClick(table, Qt.Key.Key_Insert)) == []
    assert not directory.edit_button.isEnabled() and not directory.new_button.isEnabled()
    directory.close()
    window.close()
