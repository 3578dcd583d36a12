"""The timeline in an Arabic window reads from the right like the table above it: the first cue
at the right, lane labels at the right, a click on a bar where it is drawn picks that cue, the
Left key goes to the next cue, and dragging a bar to the left makes it later."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.ui.test_timeline_drag_window import HEARSE, PACK_UP, _id, _move, _px, _schedule


def _arabic_schedule(window):
    window.apply_language("ar")
    return _schedule(window)


def test_time_runs_to_the_left_and_a_click_picks_the_bar_drawn_there(qtbot, main_window):
    tab = _arabic_schedule(main_window)
    timeline = tab.timeline
    first = timeline.block_rect(_id(tab, "Mourners gather in black"))
    last = timeline.block_rect(_id(tab, PACK_UP))
    assert first.left() > last.left() + timeline.width() / 3  # the first cue at the right
    hearse = timeline.block_rect(_id(tab, HEARSE))
    QTest.mouseClick(
        timeline,
        Qt.MouseButton.LeftButton,
        pos=QPoint(int(hearse.center().x()), int(hearse.center().y())),
    )
    assert tab.table.selected_id() == _id(tab, HEARSE)
    assert timeline.block_at(hearse.center().x(), hearse.center().y()) == _id(tab, HEARSE)
    timeline.setFocus()
    QTest.keyClick(timeline, Qt.Key.Key_Left)  # the next cue is on the left
    rows = [r.id for r in timeline.rows]
    assert timeline.selected == rows[rows.index(_id(tab, HEARSE)) + 1]


def test_dragging_a_bar_to_the_left_makes_its_cue_later(qtbot, main_window):
    tab = _arabic_schedule(main_window)
    timeline = tab.timeline
    rect = timeline.block_rect(_id(tab, HEARSE))
    start = QPoint(int(rect.center().x()), int(rect.center().y()))
    end = QPoint(int(start.x() - _px(tab, 15)), start.y())
    QTest.mousePress(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    _move(timeline, QPoint((start.x() + end.x()) // 2, start.y()))
    _move(timeline, end)
    QTest.mouseRelease(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    row = next(r for r in tab.model.all_rows() if r.id == _id(tab, HEARSE))
    assert row.starts_at.astimezone(timeline.tz).strftime("%H:%M") == "10:00"  # 9:45 + 15
    undo = main_window.ctx.undo_stack.undoText()  # one step, in Arabic: "نقل «…» إلى 10:00 ص"
    assert f"«{HEARSE}»" in undo and "10:00" in undo, undo
