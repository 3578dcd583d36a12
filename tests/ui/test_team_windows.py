"""Two real windows on one database (PostgreSQL when the server answers, and SQLite): neither
can overwrite the other's change silently; the conflict dialog appears in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton
from sqlalchemy import select

from app.domain import models as m
from tests.ui.conftest import open_window
from ui.models.props import TaskCol


@pytest.fixture
def two_windows(qtbot, any_demo_store):
    """(mine, theirs): two windows on the demo; mine has not heard of their saves yet."""
    target = any_demo_store.target
    mine = open_window(qtbot, target)
    theirs = open_window(qtbot, target)
    mine.live_updates.stop()  # their notice is still on its way: the race a team meets
    yield mine, theirs
    theirs.close()
    mine.close()


def _field(window, name: str) -> QLineEdit:
    return window.tab_widgets["overview"].findChild(QLineEdit, name)


def _type(field: QLineEdit, text: str) -> None:
    field.setText(text)
    field.setModified(True)
    field.editingFinished.emit()


def _title(window) -> str:
    return window.ctx.query(lambda s: s.get(m.Action, window.action_id).title)


def _answer(qtbot, action, button: str | None) -> dict:
    """Run ``action``; when the conflict dialog (or a message box) appears, read it and press
    ``button`` (an objectName; None: the message box's OK)."""
    seen: dict = {}

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, handle)
            return
        seen["name"] = dialog.objectName()
        seen["title"] = dialog.windowTitle()
        seen["labels"] = {
            w.objectName(): w.text() for w in dialog.findChildren(QLabel) if w.objectName()
        }
        if isinstance(dialog, QMessageBox):
            seen["text"] = dialog.text()
            dialog.accept()
        else:
            dialog.findChild(QPushButton, button).click()

    QTimer.singleShot(0, handle)
    action()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    return seen


def test_overwrite_in_the_window_goes_over_what_the_dialog_showed(qtbot, two_windows):
    mine, theirs = two_windows
    _type(_field(theirs, "title"), "Their title")
    assert _title(theirs) == "Their title"

    seen = _answer(qtbot, lambda: _type(_field(mine, "title"), "My title"), "conflictOverwrite")

    assert seen["name"] == "conflictDialog"
    assert seen["title"] == "Somebody else changed this action"
    assert seen["labels"]["theirs_title"] == "Their title"
    assert seen["labels"]["mine_title"] == "My title"
    qtbot.waitUntil(lambda: _title(mine) == "My title", timeout=5000)
    assert mine.ctx.undo_stack.undoText() == "Overwrite action"
    # Their window shows my title by itself (live updates), and can undo nothing of mine.
    qtbot.waitUntil(lambda: _field(theirs, "title").text() == "My title", timeout=5000)


def test_reload_in_the_window_keeps_their_change_and_shows_it(qtbot, two_windows):
    mine, theirs = two_windows
    _type(_field(theirs, "title"), "Their title")

    seen = _answer(qtbot, lambda: _type(_field(mine, "title"), "My title"), "conflictReload")

    assert seen["name"] == "conflictDialog"
    qtbot.waitUntil(lambda: _field(mine, "title").text() == "Their title", timeout=5000)
    assert _title(mine) == "Their title"
    assert mine.ctx.undo_stack.count() == 0


def test_a_task_ticked_after_a_colleague_renamed_it_keeps_both(qtbot, two_windows):
    mine, theirs = two_windows
    for window in (mine, theirs):
        window.show_tab("tasks")
    task_id, title = mine.ctx.query(
        lambda s: next((t.id, t.title) for t in s.get(m.Action, mine.action_id).tasks if not t.done)
    )
    theirs.ctx.update(
        "task",
        task_id,
        "Rename",
        expected_version=theirs.tab_widgets["tasks"].model.get(task_id).version,
        title=f"{title} (by noon)",
    )
    model = mine.tab_widgets["tasks"].model
    index = model.index(model.row_of(task_id), TaskCol.DONE)
    # what a click on the row's check box does, in a window that still shows the old title
    model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    task = mine.ctx.query(lambda s: (s.get(m.Task, task_id).done, s.get(m.Task, task_id).title))
    assert task == (True, f"{title} (by noon)")
    assert QApplication.activeModalWidget() is None
    assert model.get(task_id).title == f"{title} (by noon)"


def test_a_task_ticked_by_both_asks_the_second(qtbot, two_windows):
    mine, theirs = two_windows
    mine.show_tab("tasks")
    task_id = mine.ctx.query(
        lambda s: next(t.id for t in s.get(m.Action, mine.action_id).tasks if not t.done)
    )
    version = mine.tab_widgets["tasks"].model.get(task_id).version
    theirs.ctx.update("task", task_id, "Tick", expected_version=version, done=True)
    model = mine.tab_widgets["tasks"].model
    index = model.index(model.row_of(task_id), TaskCol.DONE)

    def tick() -> None:
        model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)

    seen = _answer(qtbot, tick, "conflictReload")

    assert seen["name"] == "conflictDialog"  # one dialog, not a warning and then a dialog
    assert seen["labels"]["theirs_done"] == "Yes"


def test_deleting_a_prop_a_colleague_changed_is_refused_and_shows_their_change(qtbot, two_windows):
    mine, theirs = two_windows
    mine.show_tab("props")
    table = mine.tab_widgets["props"].table
    prop_id = mine.ctx.query(lambda s: s.scalars(select(m.Prop.id).order_by(m.Prop.id)).first())
    version = mine.tab_widgets["props"].model.get(prop_id).version
    theirs.ctx.update("prop", prop_id, "Rename", expected_version=version, name="Black coffin")
    table.select_id(prop_id)

    seen = _answer(qtbot, lambda: mine.tab_widgets["props"].delete_prop(), None)

    assert "changed this prop since you opened it, so it was not deleted" in seen["text"]
    assert mine.ctx.query(lambda s: s.get(m.Prop, prop_id).name) == "Black coffin"
    row = mine.tab_widgets["props"].model.get(prop_id)
    assert row is not None and row.name == "Black coffin"  # the table shows their change


def test_editing_a_prop_a_colleague_deleted_says_so(qtbot, two_windows):
    mine, theirs = two_windows
    prop_id = mine.ctx.query(lambda s: s.scalars(select(m.Prop.id).order_by(m.Prop.id)).first())
    version = mine.ctx.query(lambda s: s.get(m.Prop, prop_id).version)
    theirs.ctx.delete("prop", prop_id, "Delete", expected_version=version)

    def edit() -> None:
        from ui.context import EditFailed

        with pytest.raises(EditFailed):
            mine.ctx.update("prop", prop_id, "Rename", expected_version=version, name="Coffin")

    seen = _answer(qtbot, edit, None)

    assert seen["text"] == "Another organiser deleted this prop; your change could not be saved."


def test_colleagues_editing_different_fields_both_keep_their_change(qtbot, two_windows):
    mine, theirs = two_windows
    _type(_field(theirs, "location_name"), "Side gate of the cemetery")
    _type(_field(mine, "title"), "My title")  # no dialog: they changed another field
    assert mine.ctx.undo_stack.undoText() == "Edit title"
    loc = mine.ctx.query(lambda s: s.get(m.Action, mine.action_id).location_name)
    assert (_title(mine), loc) == ("My title", "Side gate of the cemetery")


def test_moving_an_action_a_colleague_just_moved_is_refused(qtbot, two_windows):
    from datetime import date

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDialogButtonBox

    from app.services.action_ops import move_action
    from ui.widgets.typed_date import DateField

    mine, theirs = two_windows
    aid = theirs.action_id
    theirs.ctx.run_op(
        "Move", lambda session: move_action(session, action_id=aid, new_date=date(2024, 6, 4))
    )
    seen: dict = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "move_dialog":
            QTimer.singleShot(20, fill)
            return
        dialog.findChild(DateField).setDate(QDate(2024, 6, 11))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        seen["texts"] = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
        dialog.reject()

    QTimer.singleShot(0, fill)
    mine.a_move.trigger()
    assert any("somebody else changed this action" in t for t in seen["texts"])
    starts = mine.ctx.query(lambda s: s.get(m.Action, mine.action_id).starts_at)
    assert starts.date() == date(2024, 6, 4)  # theirs kept
