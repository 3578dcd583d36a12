"""Ctrl+Z in a date or time field whose value is saved undoes the last saved edit (the field has
no typing of its own left to undo), as in every other field; while typing, it undoes the typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget

from tests.ui.conftest import open_window


def _retype(field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def test_ctrl_z_in_a_saved_time_or_date_field_undoes_the_saved_edit(qtbot, demo_db):

    window = open_window(qtbot, demo_db)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    overview = window.tab_widgets["overview"]
    for name, typed in (
        ("starts_at", "9:05"),
        ("ends_at", "11:45 AM"),
        ("date", "3/9/2024"),
        ("decl_sent_on", "1/5/2024"),
    ):
        field = overview.findChild(QLineEdit, name)
        before = field.text()
        steps = window.ctx.undo_stack.index()
        _retype(field, typed)
        assert window.ctx.undo_stack.index() == steps + 1, name
        assert field.text() != before, name
        assert field.hasFocus()
        QTest.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert window.ctx.undo_stack.index() == steps, name  # the saved edit is taken back
        assert field.text() == before, name  # and the field shows the value again
    # While typing, Ctrl+Z undoes the typing and saves nothing.
    field = overview.findChild(QLineEdit, "starts_at")
    before, steps = field.text(), window.ctx.undo_stack.index()
    field.setFocus()
    QTest.keyClicks(field, "7")
    QTest.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == before and window.ctx.undo_stack.index() == steps
    window.close()


def test_ctrl_z_in_a_saved_press_time_undoes_the_saved_edit(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    keys = list(window.tab_widgets)
    window.tab_actions[keys.index("press")].trigger()
    press = window.tab_widgets["press"]
    press.table.setFocus()
    for row in range(press.table.model().rowCount()):  # a draft: a sent release is frozen
        press.table.selectRow(row)
        if not press.editor.frozen:
            break
    assert not press.editor.frozen
    editor = press.findChild(QWidget, "release_at_edit")
    if not press.findChild(QWidget, "release_at_set").isChecked():
        press.findChild(QWidget, "release_at_set").click()
    from datetime import date

    from ui.widgets.typed_date import show_date

    for inner, typed in (("time", "11:45"), ("date", show_date(date(2024, 3, 9)))):
        field = editor.findChild(QLineEdit, inner)
        before = field.text()
        steps = window.ctx.undo_stack.index()
        _retype(field, typed)
        assert window.ctx.undo_stack.index() == steps + 1, inner
        assert field.text() != before and field.hasFocus(), inner
        QTest.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert window.ctx.undo_stack.index() == steps, inner
        assert field.text() == before, inner
    window.close()
