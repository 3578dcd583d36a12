"""After a row is deleted with its Delete button, the table keeps the keyboard: the focus
went on to the filter box next to it, so the next Delete or arrow key typed there instead."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.tabs_helpers import select_row


@pytest.mark.parametrize("key", ["schedule", "props", "tasks"])
def test_deleting_a_row_with_its_button_leaves_the_focus_on_the_table(qtbot, main_window, key):
    window = main_window
    window.show_tab(key)
    tab = window.tab_widgets[key]
    table = tab.table
    before = table.model().rowCount()
    select_row(table, 1)
    QTest.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.model().rowCount() == before - 1)
    assert QApplication.focusWidget() is table
    assert table.selected_id() is not None  # the next row, ready for the next key
