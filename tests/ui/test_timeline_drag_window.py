"""Dragging the timeline in the real window (issue #21): a bar moves its cue and the cues chained
after it, its right edge changes its duration, Shift gives 1-minute steps, Esc cancels, a move
the chain rules refuse says why and writes nothing, and every drop is one undo step."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QHelpEvent, QMouseEvent, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from tests.ui.tabs_helpers import cell, focus, latest
from ui.models.schedule import Col

HEARSE = "Hearse parks at the gate"
BANNER = "Banner unrolled"
COFFIN = "Coffin carried to the funeral parlour"
PACK_UP = "Pack up and disperse"
SILENCE = "Minute of silence, mourners disperse"
NNBSP = "\u202f"


def _schedule(window):
    window.show_tab("schedule")
    tab = window.tab_widgets["schedule"]
    tab.splitter.setSizes([260, 420])  # room for every lane
    QApplication.processEvents()
    tab.timeline.repaint()
    return tab


def _id(tab, title: str) -> int:
    return next(r.id for r in tab.model.all_rows() if r.title == title)


def _chain(window, tab, title: str, after: str) -> None:
    """Setup: ``title`` follows ``after`` (as the cue editor's Follows field does)."""
    cue_id = _id(tab, title)
    window.ctx.update(
        "cue",
        cue_id,
        "Chain",
        expected_version=latest(window.ctx, "cue", cue_id),
        follows_id=_id(tab, after),
    )
    tab.timeline.repaint()


def _row(tab, title: str) -> tuple[str, str, str]:
    """What the user reads in the table: start, duration, end."""
    r = tab.model.row_of(_id(tab, title))
    return tuple(cell(tab.model, r, c) for c in (Col.START, Col.DURATION, Col.END))


def _times(tab) -> dict[str, tuple[str, str, str]]:
    return {row.title: _row(tab, row.title) for row in tab.model.all_rows()}


def _bar(tab, title: str):
    cue_id = _id(tab, title)
    return next(rect for rect, cid in tab.timeline._blocks if cid == cue_id)


def _px(tab, minutes: float) -> float:
    _first, total, left, right = tab.timeline._axis
    return minutes * 60 * (right - left) / total


def _move(widget, pos: QPoint, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A mouse move with the left button held (QTest.mouseMove carries no modifiers)."""
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        modifiers,
    )
    QApplication.sendEvent(widget, event)


def _drag(tab, title: str, minutes: float, *, edge=False, modifiers=None, release=True):
    """Press on the bar of ``title`` (its middle, or its right edge), move by ``minutes``."""
    mods = modifiers or Qt.KeyboardModifier.NoModifier
    rect = _bar(tab, title)
    start = QPoint(
        int(rect.right() - 2) if edge else int(rect.center().x()), int(rect.center().y())
    )
    end = QPoint(int(start.x() + _px(tab, minutes)), start.y())
    timeline = tab.timeline
    QTest.mousePress(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    middle = QPoint((start.x() + end.x()) // 2, start.y())
    _move(timeline, middle, mods)
    _move(timeline, end, mods)
    if release:
        QTest.mouseRelease(timeline, Qt.MouseButton.LeftButton, mods, end)
    return end


def _status(window) -> str:
    return window.statusBar().currentMessage()


def test_dragging_a_bar_moves_the_cue_and_its_chain_in_one_undo_step(qtbot, main_window):
    tab = _schedule(main_window)
    _chain(main_window, tab, BANNER, HEARSE)
    _chain(main_window, tab, COFFIN, BANNER)
    before = _times(tab)
    steps = main_window.ctx.undo_stack.count()

    _drag(tab, HEARSE, 14, release=False)  # 14 minutes of pointer: snapped to 15
    hearse, banner, coffin = (_id(tab, t) for t in (HEARSE, BANNER, COFFIN))
    assert set(tab.timeline.drag.proposed) == {hearse, banner, coffin}  # the ghosts
    assert _times(tab) == before  # nothing written while the button is held
    assert "10:00" in _status(main_window) and "2 chained cues move with it" in _status(main_window)
    if os.environ.get("CORTEGE_SHOTS"):  # to look at the drag: CORTEGE_SHOTS=DIR pytest …
        tab.timeline.grab().save(os.path.join(os.environ["CORTEGE_SHOTS"], "timeline-drag.png"))
    QTest.mouseRelease(
        tab.timeline,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(
            int(_bar(tab, HEARSE).center().x() + _px(tab, 14)), int(_bar(tab, HEARSE).center().y())
        ),
    )

    assert _row(tab, HEARSE) == (f"10:00{NNBSP}AM", "10 min", f"10:10{NNBSP}AM")
    assert _row(tab, BANNER)[0] == f"↳ 10:10{NNBSP}AM"
    assert _row(tab, COFFIN)[0] == f"↳ 10:15{NNBSP}AM"
    assert _row(tab, "Mourners gather in black") == before["Mourners gather in black"]
    stack = main_window.ctx.undo_stack
    assert stack.count() == steps + 1
    assert stack.undoText() == f"Move “{HEARSE}” to 10:00{NNBSP}AM"

    focus(tab.table)
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _times(tab) == before  # the cue and its whole chain, back in one step
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, shift_ctrl)  # redo: all of it again
    assert _row(tab, HEARSE)[0] == f"10:00{NNBSP}AM"
    assert _row(tab, COFFIN)[0] == f"↳ 10:15{NNBSP}AM"


def test_shift_drags_in_one_minute_steps(qtbot, main_window):
    tab = _schedule(main_window)
    _drag(tab, HEARSE, 3.4, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert _row(tab, HEARSE)[0] == f"9:48{NNBSP}AM"
    _drag(tab, HEARSE, 3.4)  # without Shift: the 5-minute snap
    assert _row(tab, HEARSE)[0] == f"9:53{NNBSP}AM"


def test_shift_pressed_mid_drag_snaps_to_the_minute_without_moving_the_mouse(qtbot, main_window):
    tab = _schedule(main_window)
    end = _drag(tab, HEARSE, 3.4, release=False)
    assert _status(main_window).startswith(f"Move “{HEARSE}” to 9:50{NNBSP}AM")
    qtbot.keyPress(tab.timeline, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
    assert _status(main_window).startswith(f"Move “{HEARSE}” to 9:48{NNBSP}AM")
    qtbot.keyRelease(tab.timeline, Qt.Key.Key_Shift)
    assert _status(main_window).startswith(f"Move “{HEARSE}” to 9:50{NNBSP}AM")
    qtbot.keyPress(tab.timeline, Qt.Key.Key_Shift)
    QTest.mouseRelease(
        tab.timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, end
    )
    assert _row(tab, HEARSE)[0] == f"9:48{NNBSP}AM"


def test_dragging_the_right_edge_changes_the_duration_and_moves_the_chain(qtbot, main_window):
    tab = _schedule(main_window)
    _chain(main_window, tab, BANNER, HEARSE)
    rect = _bar(tab, HEARSE)
    edge = QPoint(int(rect.right() - 2), int(rect.center().y()))
    QTest.mouseMove(tab.timeline, edge)
    assert tab.timeline.cursor().shape() == Qt.CursorShape.SizeHorCursor  # the edge grabs
    QTest.mouseMove(tab.timeline, rect.center().toPoint())
    assert tab.timeline.cursor().shape() == Qt.CursorShape.OpenHandCursor

    _drag(tab, HEARSE, 9, edge=True)
    assert _row(tab, HEARSE) == (f"9:45{NNBSP}AM", "20 min", f"10:05{NNBSP}AM")
    assert _row(tab, BANNER)[0] == f"↳ 10:05{NNBSP}AM"
    assert main_window.ctx.undo_stack.undoText() == f"Make “{HEARSE}” last 20 minutes"


def test_esc_cancels_a_drag(qtbot, main_window):
    tab = _schedule(main_window)
    before = _times(tab)
    steps = main_window.ctx.undo_stack.count()
    end = _drag(tab, HEARSE, 20, release=False)
    assert tab.timeline.drag is not None
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Escape)
    assert tab.timeline.drag is None
    QTest.mouseRelease(tab.timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert _times(tab) == before
    assert main_window.ctx.undo_stack.count() == steps
    assert "cancelled" in _status(main_window)


def test_a_drag_past_the_end_of_the_action_says_why_and_changes_nothing(qtbot, main_window):
    tab = _schedule(main_window)
    before = _times(tab)
    steps = main_window.ctx.undo_stack.count()
    _drag(tab, PACK_UP, 10, release=False)
    assert tab.timeline.drag.refused  # drawn in the error colour while held
    QTest.mouseRelease(
        tab.timeline,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(int(tab.timeline.drag.last_x), int(_bar(tab, PACK_UP).center().y())),
    )
    assert _status(main_window) == (
        f"“{PACK_UP}” would end at 11:40{NNBSP}AM, after the action ends (11:30{NNBSP}AM)"
    )
    assert _times(tab) == before
    assert main_window.ctx.undo_stack.count() == steps


def test_a_drag_that_pushes_a_chained_cue_past_the_end_is_refused(qtbot, main_window):
    tab = _schedule(main_window)
    _chain(main_window, tab, PACK_UP, SILENCE)
    before = _times(tab)
    steps = main_window.ctx.undo_stack.count()
    _drag(tab, SILENCE, 5)
    assert f"“{PACK_UP}” would end at 11:35{NNBSP}AM" in _status(main_window)
    assert _times(tab) == before
    assert main_window.ctx.undo_stack.count() == steps


def test_a_chained_cue_cannot_be_dragged_away_from_its_predecessor(qtbot, main_window):
    tab = _schedule(main_window)
    _chain(main_window, tab, BANNER, HEARSE)
    before = _times(tab)
    center = _bar(tab, BANNER).center().toPoint()  # hovering says so before any drag
    help_event = QHelpEvent(QEvent.Type.ToolTip, center, tab.timeline.mapToGlobal(center))
    QApplication.sendEvent(tab.timeline, help_event)
    assert QToolTip.text().splitlines()[:2] == [
        f"{BANNER}: 9:55{NNBSP}AM to 10:00{NNBSP}AM (5 min)",
        f"Starts when “{HEARSE}” ends",
    ]
    QToolTip.hideText()
    _drag(tab, BANNER, 10)
    assert _status(main_window).startswith(f"“{BANNER}” follows “{HEARSE}”")
    assert _times(tab) == before


def test_alt_arrows_retime_the_current_row_of_the_table(qtbot, main_window):
    tab = _schedule(main_window)
    _chain(main_window, tab, BANNER, HEARSE)
    focus(tab.table)
    tab.table.select_id(_id(tab, HEARSE))
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _row(tab, HEARSE)[0] == f"9:50{NNBSP}AM"
    assert _row(tab, BANNER)[0] == f"↳ 10:00{NNBSP}AM"
    shift_alt = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, shift_alt)
    assert _row(tab, HEARSE) == (f"9:50{NNBSP}AM", "15 min", f"10:05{NNBSP}AM")
    assert _row(tab, BANNER)[0] == f"↳ 10:05{NNBSP}AM"
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, shift_alt)
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _row(tab, HEARSE) == (f"9:45{NNBSP}AM", "10 min", f"9:55{NNBSP}AM")
    assert tab.table.selected_id() == _id(tab, HEARSE)  # still the row the keys act on


def test_alt_arrows_retime_the_cue_selected_in_the_timeline(qtbot, main_window):
    tab = _schedule(main_window)
    focus(tab.table)
    qtbot.keyClick(tab.table, Qt.Key.Key_Tab)  # from the table to the timeline
    assert QApplication.focusWidget() is tab.timeline
    first = tab.model.row_at(0)
    assert tab.timeline.selected == first.id and tab.table.selected_id() == first.id
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Tab)  # Tab walks the cues
    second = tab.timeline.rows[1]
    assert tab.table.selected_id() == second.id
    assert tab.timeline.accessibleDescription().startswith(
        f"Selected: {second.title}, 9:30{NNBSP}AM to"
    )
    qtbot.keyClick(tab.timeline, Qt.Key.Key_End)
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Tab)  # past the last cue: out, no keyboard trap
    assert QApplication.focusWidget() is not tab.timeline
    tab.timeline.setFocus()
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Home)
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Right)
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Right)
    assert tab.timeline.selected_row().title == HEARSE
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _row(tab, HEARSE)[0] == f"9:50{NNBSP}AM"
    shift_alt = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Down, shift_alt)
    assert _row(tab, HEARSE)[1] == "15 min"
    assert QApplication.focusWidget() is tab.timeline
    keys = {k.key().toString(): k.whatsThis() for k in tab.timeline.findChildren(QShortcut)}
    assert keys["Alt+Shift+Down"] == "Make the cue 5 minutes longer"
    spoken = QAccessible.queryAccessibleInterface(tab.timeline)  # what a screen reader reads
    assert spoken.text(QAccessible.Text.Name) == "Timeline"
    assert spoken.text(QAccessible.Text.Description).startswith(
        f"Selected: {HEARSE}, 9:50{NNBSP}AM to 10:05{NNBSP}AM, 15 min. 11 cues in"
    )


def test_alt_shift_up_below_one_minute_is_refused(qtbot, main_window):
    tab = _schedule(main_window)
    focus(tab.table)
    tab.table.select_id(_id(tab, BANNER))  # 5 minutes long
    qtbot.keyClick(
        tab.table,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _row(tab, BANNER)[1] == "5 min"
    assert "cannot last 0 minutes" in _status(main_window)


def test_read_only_nothing_moves_and_it_says_so(qtbot, main_window):
    tab = _schedule(main_window)
    main_window.ctx.store.mark_read_only("opened read-only")
    before = _times(tab)
    rect = _bar(tab, HEARSE)
    QTest.mouseMove(tab.timeline, QPoint(int(rect.right() - 2), int(rect.center().y())))
    assert tab.timeline.cursor().shape() == Qt.CursorShape.ArrowCursor
    _drag(tab, HEARSE, 15)
    assert _times(tab) == before
    assert "Read-only" in _status(main_window)
    focus(tab.table)
    tab.table.select_id(_id(tab, HEARSE))
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _times(tab) == before
    assert "Read-only" in tab.timeline.toolTip()


def test_a_drop_on_a_cue_another_organiser_retimed_meanwhile_changes_nothing(
    qtbot, main_window, demo_db
):
    from app.services import edits
    from app.storage.engine import open_store

    tab = _schedule(main_window)
    other = open_store(str(demo_db))  # a colleague's window on the same file
    try:
        with other.session() as s:
            edits.update(s, "cue", _id(tab, HEARSE), minutes=20)
    finally:
        other.close()
    steps = main_window.ctx.undo_stack.count()
    _drag(tab, HEARSE, 15)  # before this window has heard of it
    assert _status(main_window) == (
        "Not moved: somebody else changed this cue since you opened it; "
        "the schedule now shows their change"
    )
    assert _row(tab, HEARSE) == (f"9:45{NNBSP}AM", "20 min", f"10:05{NNBSP}AM")  # theirs, shown
    assert main_window.ctx.undo_stack.count() == steps


@pytest.mark.parametrize(
    "title",
    [
        ("مسيرة الحداد على الخصوصية " * 12)[:300],
        ("गोपनीयता के लिए शोक यात्रा " * 12)[:300],
        ("Πομπή για την ιδιωτικότητα " * 12)[:300],
        ("🕯️⚰️🌹 " * 60)[:300],
    ],
)
def test_a_cue_with_a_long_title_in_any_script_drags_and_is_named_whole(qtbot, main_window, title):
    tab = _schedule(main_window)
    hearse = _id(tab, HEARSE)
    main_window.ctx.update(
        "cue",
        hearse,
        "Rename",
        expected_version=latest(main_window.ctx, "cue", hearse),
        title=title,
    )
    tab.timeline.repaint()
    _drag(tab, title, 10, edge=True)
    assert _row(tab, title)[1] == "20 min"
    assert main_window.ctx.undo_stack.undoText() == f"Make “{title}” last 20 minutes"
