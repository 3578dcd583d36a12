"""Bulk edits in the real window: select many rows as a user does, one command, one undo step."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QTime
from PySide6.QtGui import QAction, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QMessageBox, QPushButton

from tests.ui.conftest import open_window
from tests.ui.tabs_helpers import answer, cell, focus, press_ok, row_of_text, with_modal
from ui.models.people import PersonCol
from ui.models.props import PropCol, TaskCol
from ui.models.schedule import Col
from ui.tabs._common import fmt_time

HEARSE = "Hearse parks at the gate"
GATHER = "Mourners gather in black"
BANNER = "Banner unrolled"
COFFIN = "Coffin carried to the funeral parlour"


def _click(view, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center()
    )


def _click_range(view, first: int, last: int) -> None:
    """Click the first row, Shift+click the last, as the organiser does."""
    _click(view, first)
    _click(view, last, Qt.KeyboardModifier.ShiftModifier)


def _ctrl_click(view, rows: list[int]) -> None:
    for i, row in enumerate(rows):
        _click(
            view, row, Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier
        )
    assert len(view.selectionModel().selectedRows()) == len(rows)


def _act(view, name: str) -> QAction:
    act = view.findChild(QAction, name)
    assert act is not None, name
    return act


def _undo_key(view) -> None:
    focus(view)
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _column(model, col) -> list[str]:
    return [cell(model, r, col) for r in range(model.rowCount())]


@pytest.fixture
def crowd_db(demo_db):
    """The demo plus ten new, unconfirmed mourners: 25 people on the People tab."""
    from app.services import edits
    from app.services.actions import action_by_slug
    from app.storage.engine import open_store

    store = open_store(str(demo_db))
    with store.session() as s:
        action = action_by_slug(s, "funeral-for-privacy")
        role = next(r for r in action.roles)
        for i in range(10):
            pid = edits.create(s, "participant", alias=f"Mourner {i + 1:02d}")
            edits.create(s, "assignment", action_id=action.id, participant_id=pid, role_id=role.id)
    store.close()
    return demo_db


def test_confirm_20_people_is_one_undo_step(qtbot, crowd_db):
    w = open_window(qtbot, crowd_db)
    w.show_tab("people")
    tab = w.tab_widgets["people"]
    view = tab.people
    assert tab.model.rowCount() == 25
    focus(view)
    QTest.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _act(view, "unconfirm_selected").trigger()
    assert set(_column(tab.model, PersonCol.CONFIRMED)) == {"no"}

    _click_range(view, 2, 21)
    assert len(view.selectionModel().selectedRows()) == 20
    button = tab.findChild(QPushButton, "people_bulk_button")
    assert button.isEnabled() and _act(view, "confirm_selected") in button.menu().actions()
    before = w.ctx.undo_stack.index()
    _act(view, "confirm_selected").trigger()
    shown = _column(tab.model, PersonCol.CONFIRMED)
    assert shown[2:22] == ["yes"] * 20 and set(shown[:2] + shown[22:]) == {"no"}
    assert w.ctx.undo_stack.undoText() == "Confirm 20 people"
    assert w.ctx.undo_stack.index() == before + 1
    assert len(view.selectionModel().selectedRows()) == 20  # the next command is a key away

    _undo_key(view)
    assert set(_column(tab.model, PersonCol.CONFIRMED)) == {"no"}
    assert w.ctx.undo_stack.index() == before
    w.close()


def test_set_call_time_and_role_for_a_selection(qtbot, main_window):
    w = main_window
    w.show_tab("people")
    tab = w.tab_widgets["people"]
    view = tab.people
    _ctrl_click(view, [0, 1, 2])
    aliases = [cell(tab.model, r, PersonCol.ALIAS) for r in range(3)]

    def fill(dialog):
        dialog.call.time_edit.setTime(QTime(8, 15))
        press_ok(dialog)

    with_modal(lambda: _act(view, "call_time_selected").trigger(), fill)
    calls = {
        cell(tab.model, r, PersonCol.ALIAS): cell(tab.model, r, PersonCol.CALL)
        for r in range(tab.model.rowCount())
    }
    assert {calls[a] for a in aliases} == {"8:15\u202fAM"}, calls
    assert w.ctx.undo_stack.undoText() == "Set the call time of 3 people"

    roles = [r.name for r in tab.role_model.all_rows()]
    target = roles[-1]

    def pick(dialog):
        combo = dialog.findChild(QComboBox, "role_id")
        combo.setCurrentIndex(combo.findText(target))
        press_ok(dialog)

    _ctrl_click(view, [row_of_text(tab.model, PersonCol.ALIAS, a) for a in aliases[:2]])
    with_modal(lambda: _act(view, "role_selected").trigger(), pick)
    for alias in aliases[:2]:
        row = row_of_text(tab.model, PersonCol.ALIAS, alias)
        assert cell(tab.model, row, PersonCol.ROLE) == target
    assert w.ctx.undo_stack.undoText() == f"Move 2 people to the role {target}"
    w.ctx.undo_stack.undo()
    assert {cell(tab.model, r, PersonCol.ALIAS) for r in range(3)} == set(aliases)


def _schedule(w):
    w.show_tab("schedule")
    return w.tab_widgets["schedule"]


def _starts(tab) -> dict[str, str]:
    return {
        cell(tab.model, r, Col.TITLE): cell(tab.model, r, Col.START)
        for r in range(tab.model.rowCount())
    }


def _later(tab, title: str, minutes: int) -> str:
    row = tab.model.row_at(row_of_text(tab.model, Col.TITLE, title))
    return fmt_time(row.starts_at + timedelta(minutes=minutes), tab.tz)


@pytest.fixture
def chained_db(demo_db):
    """The demo with the coffin chained to the hearse."""
    from sqlalchemy import select

    from app.domain import models as m
    from app.services import edits
    from app.storage.engine import open_store

    store = open_store(str(demo_db))
    with store.session() as s:
        ids = dict(s.execute(select(m.Cue.title, m.Cue.id)).all())
        edits.update(s, "cue", ids[COFFIN], follows_id=ids[HEARSE])
    store.close()
    return demo_db


def _shift(tab, minutes: int, then=press_ok):
    def fill(dialog):
        dialog.minutes.setValue(minutes)
        then(dialog)

    return with_modal(lambda: _act(tab.table, "shift_selected").trigger(), fill)[0]


def test_shift_three_cues_moves_their_followers_in_one_step(qtbot, chained_db):
    w = open_window(qtbot, chained_db)
    tab = _schedule(w)
    before = _starts(tab)
    expected = {t: _later(tab, t, 15) for t in (HEARSE, GATHER, BANNER, COFFIN)}
    _ctrl_click(tab.table, [row_of_text(tab.model, Col.TITLE, t) for t in (HEARSE, GATHER, BANNER)])
    _shift(tab, 15)
    after = _starts(tab)
    for title, start in before.items():
        assert after[title].removeprefix("↳ ") == expected.get(title, start), title
    assert w.ctx.undo_stack.undoText() == "Move 3 cues 15 min later"
    _undo_key(tab.table)
    assert _starts(tab) == before
    w.close()


def test_a_shift_past_the_end_is_refused_and_nothing_moves(qtbot, main_window):
    w = main_window
    tab = _schedule(w)
    before, index = _starts(tab), w.ctx.undo_stack.index()
    last = tab.model.rowCount() - 1
    _ctrl_click(tab.table, [0, last])
    seen = {}

    def refused(dialog):
        seen["error"] = dialog.findChild(QLabel, "form_error").text()
        seen["open"] = dialog.isVisible()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    _shift(tab, 120, then=lambda d: (press_ok(d), refused(d)))
    assert seen["open"] and "after the action ends" in seen["error"]
    assert "nothing was moved" in seen["error"]
    assert _starts(tab) == before and w.ctx.undo_stack.index() == index


def test_delete_several_cues_asks_once_and_undo_brings_all_back(qtbot, main_window):
    w = main_window
    tab = _schedule(w)
    before = _starts(tab)
    _ctrl_click(tab.table, [0, 1, 2])
    gone = [cell(tab.model, r, Col.TITLE) for r in range(3)]
    asked = {}

    def yes(box):
        asked["text"] = box.text()
        answer(QMessageBox.StandardButton.Yes)(box)

    focus(tab.table)
    with_modal(lambda: QTest.keyClick(tab.table, Qt.Key.Key_Delete), yes)
    assert "Delete the 3 selected cues?" in asked["text"]
    assert not set(gone) & set(_starts(tab))
    assert w.ctx.undo_stack.undoText() == "Delete 3 cues"
    _undo_key(tab.table)
    assert _starts(tab) == before


def test_bulk_prop_status_and_carrier(qtbot, main_window):
    w = main_window
    w.show_tab("props")
    tab = w.tab_widgets["props"]
    _ctrl_click(tab.table, [0, 1, 3])
    names = [cell(tab.model, r, PropCol.NAME) for r in (0, 1, 3)]
    _act(tab.table, "status_sourced_selected").trigger()
    status = {
        cell(tab.model, r, PropCol.NAME): cell(tab.model, r, PropCol.STATUS)
        for r in range(tab.model.rowCount())
    }
    assert [status[n] for n in names] == ["sourced"] * 3
    assert w.ctx.undo_stack.undoText() == "Mark 3 props as sourced"

    def pick(dialog):
        combo = dialog.findChild(QComboBox, "choice")
        combo.setCurrentIndex(combo.findText("Crow"))
        press_ok(dialog)

    with_modal(lambda: _act(tab.table, "add_carrier_selected").trigger(), pick)
    for n in names:
        assert "Crow" in cell(tab.model, row_of_text(tab.model, PropCol.NAME, n), PropCol.CARRIERS)
    assert w.ctx.undo_stack.undoText() == "Crow carries 3 props"
    w.ctx.undo_stack.undo()
    w.ctx.undo_stack.undo()
    status = {
        cell(tab.model, r, PropCol.NAME): cell(tab.model, r, PropCol.STATUS)
        for r in range(tab.model.rowCount())
    }
    assert [status[n] for n in names] == ["ready"] * 3


def test_bulk_task_done_and_assignee(qtbot, main_window):
    w = main_window
    w.show_tab("tasks")
    tab = w.tab_widgets["tasks"]
    rows = list(range(tab.model.rowCount()))[:3]
    _ctrl_click(tab.table, rows)
    titles = [cell(tab.model, r, TaskCol.TITLE) for r in rows]
    _act(tab.table, "done_selected").trigger()
    assert w.ctx.undo_stack.undoText() == "Tick 3 tasks"
    for t in titles:
        assert tab.model.get(tab.model.id_at(row_of_text(tab.model, TaskCol.TITLE, t))).done

    def pick(dialog):
        combo = dialog.findChild(QComboBox, "choice")
        combo.setCurrentIndex(combo.findText("Heron"))
        press_ok(dialog)

    with_modal(lambda: _act(tab.table, "assignee_selected").trigger(), pick)
    for t in titles:
        assert (
            cell(tab.model, row_of_text(tab.model, TaskCol.TITLE, t), TaskCol.ASSIGNEE) == "Heron"
        )
    assert w.ctx.undo_stack.undoText() == "Assign 3 tasks to Heron"


def test_a_prop_changed_by_another_organiser_stops_the_bulk_edit(qtbot, main_window, demo_db):
    from sqlalchemy import select

    from app.domain import models as m
    from app.services import edits
    from app.storage.engine import open_store

    w = main_window
    w.show_tab("props")
    tab = w.tab_widgets["props"]
    _ctrl_click(tab.table, [0, 1])
    names = [cell(tab.model, r, PropCol.NAME) for r in (0, 1)]
    other = open_store(str(demo_db))  # a colleague marks the second one returned meanwhile
    with other.session() as s:
        pid = s.scalar(select(m.Prop.id).where(m.Prop.name == names[1]))
        edits.update(s, "prop", pid, status="returned")
    other.close()
    shown = {}

    def read(box):
        shown["text"] = box.text()
        box.accept()

    with_modal(lambda: _act(tab.table, "status_needed_selected").trigger(), read)
    assert names[1] in shown["text"] and "nothing was changed" in shown["text"]
    first = tab.model.get(tab.model.id_at(row_of_text(tab.model, PropCol.NAME, names[0])))
    assert first.status == "ready"


def test_bulk_commands_off_without_a_selection_and_when_read_only(qtbot, main_window):
    w = main_window
    for name, view_of, command in (
        ("schedule", lambda t: t.table, "shift_selected"),
        ("props", lambda t: t.table, "status_ready_selected"),
        ("tasks", lambda t: t.table, "done_selected"),
        ("people", lambda t: t.people, "call_time_selected"),
    ):
        w.show_tab(name)
        tab = w.tab_widgets[name]
        view = view_of(tab)
        view.clearSelection()
        assert not _act(view, command).isEnabled()
        _click(view, 0)
        assert _act(view, command).isEnabled()
    w.ctx.store.mark_read_only("a read-only file")
    for name, view_of, command in (
        ("schedule", lambda t: t.table, "shift_selected"),
        ("tasks", lambda t: t.table, "done_selected"),
    ):
        w.show_tab(name)
        view = view_of(w.tab_widgets[name])
        _click(view, 1)
        assert not _act(view, command).isEnabled()


def test_delete_key_with_several_props_selected_deletes_them_all_after_one_question(
    qtbot, main_window
):
    w = main_window
    w.show_tab("props")
    tab = w.tab_widgets["props"]
    count = tab.model.rowCount()
    _ctrl_click(tab.table, [0, 2])
    asked = {}

    def yes(box):
        asked["text"] = box.text()
        answer(QMessageBox.StandardButton.Yes)(box)

    focus(tab.table)
    with_modal(lambda: QTest.keyClick(tab.table, Qt.Key.Key_Delete), yes)
    assert asked["text"].startswith("Delete the 2 selected props?")
    assert tab.model.rowCount() == count - 2
    assert w.ctx.undo_stack.undoText() == "Delete 2 props"
    _undo_key(tab.table)
    assert tab.model.rowCount() == count


def test_alt_c_opens_the_selection_menu_and_enter_runs_its_first_command(qtbot, main_window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    w = main_window
    w.show_tab("tasks")
    tab = w.tab_widgets["tasks"]
    _ctrl_click(tab.table, [0, 1])
    seen = {}

    def in_menu():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, in_menu)
            return
        seen["menu"] = menu.objectName()
        seen["first"] = menu.actions()[0].text()
        QTest.keyClick(menu, Qt.Key.Key_Down)  # the first command, as the arrows pick it
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, in_menu)
    focus(tab.table)
    QTest.keyClick(tab.table, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "menu" in seen and w.ctx.undo_stack.count() == 1, timeout=10_000)
    assert seen == {"menu": "tasks_bulk_menu", "first": "Mark as &done"}
    assert w.ctx.undo_stack.undoText() == "Tick 2 tasks"


def test_remove_several_people_asks_once_and_one_undo_puts_them_back(qtbot, main_window):
    w = main_window
    w.show_tab("people")
    tab = w.tab_widgets["people"]
    count = tab.model.rowCount()
    _ctrl_click(tab.people, [0, 1, 2, 3])
    asked = {}

    def yes(box):
        asked["text"] = box.text()
        answer(QMessageBox.StandardButton.Yes)(box)

    with_modal(tab.remove_button.click, yes)
    assert asked["text"].startswith("Remove the 4 selected assignments from this action?")
    assert tab.model.rowCount() == count - 4
    assert w.ctx.undo_stack.undoText() == "Remove 4 assignments"
    _undo_key(tab.people)
    assert tab.model.rowCount() == count
