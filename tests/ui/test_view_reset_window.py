"""Every view is reset and reloaded on a database or action switch; the press editor follows
the mouse. Before the fix, Press kept the previous database's release on screen (greyed out),
and a mouse click on another release greyed the editor out."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.services.press import list_releases
from tests.ui.conftest import open_window


def _model_texts(model: QAbstractItemModel, parent=QModelIndex()) -> list[str]:
    out = []
    for r in range(model.rowCount(parent)):
        for c in range(model.columnCount(parent)):
            index = model.index(r, c, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    out.append(value)
            if c == 0 and not isinstance(model, QAbstractTableModel) and model.rowCount(index):
                out.extend(_model_texts(model, index))
    return out


def every_text(window) -> str:
    """All the text any widget of the window holds, shown or not."""
    texts = []
    for w in window.findChildren(QWidget):
        if isinstance(w, QLineEdit):
            texts += [w.text(), w.placeholderText()]
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            texts.append(w.toPlainText())
        elif isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts += _model_texts(w.model())
    return "\n".join(t for t in texts if t)


def _releases(window):
    return window.ctx.query(list_releases, window.action_id)


def _press(window):
    window.show_tab("press")
    return window.tab_widgets["press"]


def test_nothing_of_one_database_is_visible_after_opening_another(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db)
    press = _press(window)
    first = _releases(window)[0]
    headline = press.editor.fields["headline"].text()
    body = press.editor.fields["body"].toPlainText()
    assert headline and body
    for key in ("schedule", "people", "props", "tasks", "overview"):
        window.show_tab(key)  # every tab has shown the demo
    window.show_tab("press")
    assert headline in every_text(window)
    overview = window.tab_widgets["overview"]
    marks = [
        headline,
        body.splitlines()[0],
        "Coffin marked PRIVACY",
        "Hearse parks at the gate",
        overview.fields["title"].text(),
        overview.fields["location_name"].text(),
        overview.fields["message"].toPlainText(),
    ]
    assert all(marks)

    assert window.open_database(str(tmp_path / "other.sqlite3"))
    shown = every_text(window)
    leaked = [m for m in marks if m in shown]
    assert leaked == [], f"{first.key}: still shown after the switch: {leaked}"
    window.close()


def test_nothing_of_one_action_is_visible_after_selecting_another(qtbot, main_window):
    from app.services.actions import duplicate_action

    press = _press(main_window)
    body = press.editor.fields["body"].toPlainText()
    with main_window.ctx.store.session() as s:  # a second action with no release
        from datetime import date

        other = duplicate_action(s, main_window.action_id, new_date=date(2024, 6, 28))
        from app.services.press import list_releases as lr

        for r in lr(s, other):
            from app.services.edits import delete

            delete(s, "release", r.id)
    from app.services.changes import EVERYTHING

    main_window.ctx.changed.emit(EVERYTHING)
    assert main_window.actions_panel.select(other)
    assert main_window.action_id == other
    assert body.splitlines()[0] not in every_text(main_window)
    assert not press.editor.isEnabled()


def test_a_mouse_click_on_another_release_shows_it_in_an_enabled_editor(qtbot, main_window):
    press = _press(main_window)
    if press.model.rowCount() < 2:
        press.new_release("de", "Keine Beerdigung der Privatsphäre")
    assert press.model.rowCount() >= 2
    table = press.table
    for row in (1, 0, 1):
        rect = table.visualRect(press.model.index(row, 1))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert table.selected_id() == press.model.id_at(row)
        assert press.editor.isEnabled()
        assert press.state is not None and press.state.row.id == press.model.id_at(row)
        assert press.editor.fields["headline"].text() == press.state.doc.headline
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2000))
    assert press.editor.isEnabled()  # a click on no row keeps the release shown


def test_open_dialogs_of_the_old_database_close_or_reload_on_a_switch(qtbot, demo_db, tmp_path):
    from PySide6.QtWidgets import QDialog

    window = open_window(qtbot, demo_db)
    window.a_runsheets.trigger()
    window.a_directory.trigger()
    qtbot.waitUntil(lambda: len([d for d in window.findChildren(QDialog) if d.isVisible()]) == 2)
    directory = window.findChild(QDialog, "directory")
    assert "Crow" in every_text(directory)
    assert window.open_database(str(tmp_path / "other.sqlite3"))
    shown = [d.objectName() for d in window.findChildren(QDialog) if d.isVisible()]
    assert shown == ["directory"]  # the run-sheet dialog named an action of the old database
    assert "Crow" not in every_text(directory)
    directory.close()
    window.close()
