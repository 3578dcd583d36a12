"""The Tasks tab: a checklist; overdue tasks in the error colour, bold, with a marker."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.services import edits
from tests.conftest import DEMO_NOW
from tests.ui.tabs_helpers import (
    cell,
    column_texts,
    focus,
    host,
    press_ok,
    row_of_text,
    select_row,
    with_modal,
)
from ui.context import AppContext
from ui.models.props import TaskCol
from ui.tabs._common import error_color
from ui.tabs.tasks import TasksTab


@pytest.fixture
def ctx(demo_store):
    return AppContext(demo_store)


@pytest.fixture
def tab(qtbot, ctx, demo_id, demo_store):
    with demo_store.session() as s:
        edits.create(s, "task", action_id=demo_id, title="Buy candles", due=date(2024, 5, 10))
    return host(qtbot, ctx, TasksTab, demo_id, now=lambda: DEMO_NOW)


def test_overdue_task_is_red_bold_and_marked(tab):
    late = row_of_text(tab.model, TaskCol.TITLE, "Buy candles")
    assert cell(tab.model, late, TaskCol.DUE) == "⚠ May 10, 2024 — overdue"
    brush = cell(tab.model, late, TaskCol.TITLE, Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == error_color(tab.table.palette())
    assert cell(tab.model, late, TaskCol.TITLE, Qt.ItemDataRole.FontRole).bold()
    assert cell(tab.model, late, TaskCol.DUE, Qt.ItemDataRole.ToolTipRole) == "Overdue by 8 days"
    ontime = row_of_text(tab.model, TaskCol.TITLE, "Print the run-sheets")
    assert "overdue" not in cell(tab.model, ontime, TaskCol.DUE)
    assert cell(tab.model, ontime, TaskCol.TITLE, Qt.ItemDataRole.ForegroundRole) is None
    assert tab.model.rowCount() == 7


def test_ticking_done_clears_overdue_and_undoes(tab, ctx):
    late = row_of_text(tab.model, TaskCol.TITLE, "Buy candles")
    index = tab.model.index(late, TaskCol.DONE)
    tab.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    done = row_of_text(tab.model, TaskCol.TITLE, "Buy candles")
    assert cell(tab.model, done, TaskCol.DONE, Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    assert "overdue" not in cell(tab.model, done, TaskCol.DUE)
    assert ctx.undo_stack.undoText() == "Tick “Buy candles”"
    ctx.undo_stack.undo()
    assert "overdue" in cell(
        tab.model, row_of_text(tab.model, TaskCol.TITLE, "Buy candles"), TaskCol.DUE
    )


def test_add_task_with_bad_date_is_refused_beside_the_field(qtbot, tab, ctx):
    reasons = []

    def fill(dialog):
        qtbot.keyClicks(dialog.title_edit, "Call the florist")
        dialog.due.setText("2024-13-01")
        press_ok(dialog)
        reasons.append(dialog.error_text("due"))
        dialog.due.setText("20 May 2024")  # typed as people write dates, like every date field
        dialog.assignee.setCurrentIndex(dialog.assignee.findText("Wren"))
        press_ok(dialog)

    focus(tab.table)
    with_modal(lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Insert), fill)
    assert reasons == ["“2024-13-01” is not a date: type it like 1/15/27"]
    r = row_of_text(tab.model, TaskCol.TITLE, "Call the florist")
    assert cell(tab.model, r, TaskCol.ASSIGNEE) == "Wren"
    assert cell(tab.model, r, TaskCol.DUE) == "May 20, 2024"
    assert tab.table.selected_id() == tab.model.id_at(r)


def test_empty_title_is_refused(qtbot, tab):
    reasons = []

    def fill(dialog):
        press_ok(dialog)
        reasons.append(dialog.error_text("title"))
        dialog.reject()

    with_modal(tab.add_button.click, fill)
    assert reasons == ["is required"]


def test_edit_hide_done_and_delete(qtbot, tab, ctx):
    select_row(tab.table, row_of_text(tab.model, TaskCol.TITLE, "Buy candles"))

    def fill(dialog):
        dialog.title_edit.setText("Buy 50 candles")
        press_ok(dialog)

    with_modal(tab.edit_button.click, fill)
    assert "Buy 50 candles" in column_texts(tab.model, TaskCol.TITLE)
    tab.show_done.setChecked(False)
    assert all(not r.done for r in tab.model.visible_rows())
    select_row(tab.table, row_of_text(tab.model, TaskCol.TITLE, "Buy 50 candles"))
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert "Buy 50 candles" not in column_texts(tab.model, TaskCol.TITLE)
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert "Buy candles" in column_texts(tab.model, TaskCol.TITLE)
    task = next(r for r in tab.model.all_rows() if r.title == "Rent the hearse")
    assert tab.focus_entity("task", task.id) and tab.show_done.isChecked()


def test_space_on_the_done_column_ticks_the_task(qtbot, tab, ctx):
    late = row_of_text(tab.model, TaskCol.TITLE, "Buy candles")
    task_id = tab.model.id_at(late)
    focus(tab.table)
    tab.table.setCurrentIndex(tab.model.index(late, TaskCol.DONE))
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert tab.model.get(task_id).done and ctx.undo_stack.undoText() == "Tick “Buy candles”"
