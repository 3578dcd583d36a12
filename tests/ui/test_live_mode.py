"""Live mode through the real window, on the demo action (28 May 2024, 09:30 in Paris):
F11 opens the caller's screen, Space advances, P holds, Ctrl+Z undoes, a crash keeps the times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.conftest import open_window
from tests.ui.tabs_helpers import latest, press_ok, with_modal

START = datetime(2024, 5, 28, 7, 30, tzinfo=UTC)  # 09:30 in Paris: the first cue


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def forward(self, **kw) -> None:
        self.at += timedelta(**kw)


@pytest.fixture
def clock():
    return Clock(START - timedelta(minutes=1))


@pytest.fixture
def window(qtbot, demo_db, clock):
    w = open_window(qtbot, demo_db)
    w.now = clock
    yield w
    w.close()


def enter(window):
    window.a_live.trigger()
    screen = window.live_screen
    assert screen.isVisible()
    return screen


def press(qtbot, screen, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(screen, key, modifier)


def cues(window) -> dict:
    from app.domain import models as m

    def read(session):
        action = session.get(m.Action, window.action_id)
        return {c.key: (c.actual_start, c.actual_end, c.held_seconds) for c in action.cues} | {
            "live": action.live_cue_id,
            "paused": action.live_paused_at,
        }

    return window.ctx.query(read)


def cue_id(window, key: str) -> int:
    from app.domain import models as m

    return window.ctx.query(
        lambda s: next(c.id for c in s.get(m.Action, window.action_id).cues if c.key == key)
    )


def test_pressing_f11_in_the_window_opens_live_mode(qtbot, window):
    from tests.ui.tabs_helpers import focus

    focus(window.tabs)
    qtbot.keyClick(window.tabs, Qt.Key.Key_F11)
    assert window.live_screen.isVisible()


def test_f11_is_live_mode_and_full_screen_moved(window):
    assert window.a_live.shortcut().toString() == "F11"
    assert window.a_fullscreen.shortcut().toString() == "Ctrl+Shift+F"
    view_menu = window.menuBar().findChild(type(window.go_menu), "view_menu")
    assert window.a_live in view_menu.actions() and window.a_stage in view_menu.actions()
    screen = enter(window)
    assert screen.isFullScreen()
    assert screen.current.text() == "Ready: Space starts the first cue"
    assert screen.next_title.text() == "Mourners gather in black"
    assert screen.clock.text() == "9:29:00\u202fAM"
    assert "Police liaison on duty" in screen.alongside.text()


def test_space_advances_through_the_cues_and_records_actual_times(qtbot, window, clock):
    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    assert screen.current.text() == "Mourners gather in black"
    assert screen.countdown.text() == "15:00"
    assert screen.position.text() == "Cue 1 of 10"
    assert "Mourner: " in screen.who.text() and "Props: Black armbands" == screen.props.text()
    clock.forward(minutes=15)
    press(qtbot, screen, Qt.Key.Key_Space)
    assert screen.current.text() == "Hearse parks at the gate"
    times = cues(window)
    assert times["gather"][:2] == (START, START + timedelta(minutes=15))
    assert times["hearse"][0] == START + timedelta(minutes=15)
    assert times["liaison"][0] == START  # alongside: started with the first cue
    assert times["live"] == cue_id(window, "hearse")
    assert screen.over_under.text() == "On plan"
    for _n in range(9):
        clock.forward(minutes=5)
        press(qtbot, screen, Qt.Key.Key_Space)
    assert screen.current.text().startswith("All cues done")
    press(qtbot, screen, Qt.Key.Key_Space)  # once more: refused, as a sentence
    assert screen.message.text() == "The last cue has ended: Backspace goes back to it."
    done = cues(window)
    assert done["live"] is None
    assert all(done[k][0] and done[k][1] for k in done if k not in ("live", "paused"))


def test_a_late_advance_shows_minutes_behind_plan(qtbot, window, clock):
    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    clock.forward(minutes=19)  # the mourners took 4 minutes longer
    press(qtbot, screen, Qt.Key.Key_Space)
    assert screen.over_under.text() == "4 min behind plan"
    assert screen.next_title.text() == "Banner unrolled"
    assert screen.next_timing.text() == "at 9:59\u202fAM (planned 9:55\u202fAM)"


def test_p_holds_the_countdown_and_the_hold_shifts_what_follows(qtbot, window, clock):
    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    clock.forward(minutes=5)
    press(qtbot, screen, Qt.Key.Key_P)
    assert screen.hold.isVisible()
    assert cues(window)["paused"] == START + timedelta(minutes=5)
    clock.forward(minutes=7)
    screen.render()
    assert screen.countdown.text() == "10:00"  # frozen while on hold
    assert screen.hold.text() == "On hold for 7:00"
    press(qtbot, screen, Qt.Key.Key_P)
    assert not screen.hold.isVisible()
    times = cues(window)
    assert times["paused"] is None and times["gather"][2] == 7 * 60
    assert screen.over_under.text() == "7 min behind plan"
    assert screen.next_timing.text() == "at 9:52\u202fAM (planned 9:45\u202fAM)"
    from app.domain import models as m

    hearse = cue_id(window, "hearse")
    planned = window.ctx.query(lambda s: s.get(m.Cue, hearse).starts_at)
    assert planned == START + timedelta(minutes=15)  # the plan itself is unchanged


def test_ctrl_z_undoes_a_mistaken_advance_and_backspace_goes_back(qtbot, window, clock):
    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    clock.forward(minutes=2)
    press(qtbot, screen, Qt.Key.Key_Space)  # too early: a mistake
    assert screen.current.text() == "Hearse parks at the gate"
    press(qtbot, screen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.current.text() == "Mourners gather in black"
    times = cues(window)
    assert times["gather"][1] is None and times["hearse"][0] is None
    assert times["live"] == cue_id(window, "gather")
    clock.forward(minutes=1)
    press(
        qtbot,
        screen,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert cues(window)["hearse"][0] == START + timedelta(minutes=2)  # redo: the same time
    press(qtbot, screen, Qt.Key.Key_Backspace)
    assert screen.current.text() == "Mourners gather in black"
    assert cues(window)["hearse"][0] is None
    assert window.ctx.undo_stack.undoText() == "Live: back one cue"


def test_a_crash_keeps_the_actual_times_and_reopening_resumes(qtbot, demo_db, window, clock):
    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    clock.forward(minutes=16)
    press(qtbot, screen, Qt.Key.Key_Space)
    # The process "dies": nothing is closed or flushed; a new one opens the same file.
    again = open_window(qtbot, demo_db)
    again.now = clock
    try:
        times = cues(again)
        assert times["gather"][:2] == (START, START + timedelta(minutes=16))
        assert times["hearse"][0] == START + timedelta(minutes=16)
        resumed = enter(again)
        assert resumed.current.text() == "Hearse parks at the gate"
        assert resumed.over_under.text() == "1 min behind plan"
    finally:
        again.close()


def test_a_short_role_warns_when_its_cue_starts_and_the_sound_is_optional(
    qtbot, window, clock, monkeypatch
):
    from app.domain import models as m

    role = window.ctx.query(
        lambda s: next(
            r.id for r in s.get(m.Action, window.action_id).roles if r.key == "pallbearer"
        )
    )
    window.ctx.update(
        "role", role, "needed", expected_version=latest(window.ctx, "role", role), needed=5
    )
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    screen = enter(window)
    assert not screen.sound.isChecked()  # off by default
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    assert not screen.warnings.isVisible()
    clock.forward(minutes=15)
    press(qtbot, screen, Qt.Key.Key_Space)
    assert screen.warnings.isVisible()
    assert "Pallbearer: 4 of 5 assigned" in screen.warnings.text()
    assert beeps == []
    screen.sound.click()
    from ui.live_screen import sound_enabled

    assert sound_enabled()
    press(qtbot, screen, Qt.Key.Key_Backspace)
    press(qtbot, screen, Qt.Key.Key_Space)
    assert beeps == [1]


def test_i_logs_an_incident_and_refuses_an_empty_one(qtbot, window, clock):
    from app.domain import models as m

    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    clock.forward(minutes=3)

    def empty_then_text(dialog):
        press_ok(dialog)
        assert dialog.isVisible()
        assert "What happened: it is empty" in dialog.error.text()
        dialog.findChild(QLineEdit, "incident_text").setText("Police stopped the cortège")
        press_ok(dialog)

    with_modal(lambda: press(qtbot, screen, Qt.Key.Key_I), empty_then_text)
    logged = window.ctx.query(
        lambda s: [(i.at, i.text, i.cue_id) for i in s.get(m.Action, window.action_id).incidents]
    )
    assert logged == [
        (START + timedelta(minutes=3), "Police stopped the cortège", cue_id(window, "gather"))
    ]
    assert screen.message.text() == "Incident logged"
    press(qtbot, screen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.ctx.query(lambda s: len(s.get(m.Action, window.action_id).incidents)) == 0


def test_esc_leaves_and_the_stage_display_follows_the_caller(qtbot, window, clock):
    window.a_stage.trigger()
    stage = window.stage_display
    assert stage.isVisible()
    assert stage.current.text() == "Starting soon"  # no keys to press there
    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    assert stage.current.text() == "Mourners gather in black"
    assert stage.countdown.text() == "15:00"
    assert stage.next_line.text() == "Next: Hearse parks at the gate, at 9:45\u202fAM, as planned"
    press(qtbot, screen, Qt.Key.Key_Escape)
    assert not screen.isVisible()
    stage.close()


def test_another_window_on_the_file_sees_the_live_position(qtbot, demo_db, window, clock):
    other = open_window(qtbot, demo_db)
    other.now = clock
    try:
        theirs = enter(other)
        screen = enter(window)
        clock.at = START
        press(qtbot, screen, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: theirs.current.text() == "Mourners gather in black", timeout=5000)
    finally:
        other.close()


def test_the_schedule_tab_marks_the_live_cue_and_shows_actual_times(qtbot, window, clock):
    from tests.ui.tabs_helpers import cell, row_of_text
    from ui.models.schedule import Col

    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    clock.forward(minutes=16)
    press(qtbot, screen, Qt.Key.Key_Space)
    press(qtbot, screen, Qt.Key.Key_Escape)
    assert window.show_tab("schedule")
    tab = window.tab_widgets["schedule"]
    live_row = row_of_text(tab.model, Col.TITLE, "▶ Hearse parks at the gate")
    assert cell(tab.model, live_row, Col.ACTUAL) == "9:46\u202fAM–"
    done = row_of_text(tab.model, Col.TITLE, "Mourners gather in black")
    assert cell(tab.model, done, Col.ACTUAL) == "9:30\u202fAM–9:46\u202fAM"
    assert cell(tab.model, done, Col.START) == "9:30\u202fAM"  # the plan is unchanged
    assert tab.model.headerData(Col.ACTUAL, Qt.Orientation.Horizontal) == "Actual"
    # Another advance (here, or by a colleague) moves the mark while the tab is shown.
    enter(window)
    clock.forward(minutes=10)
    press(qtbot, window.live_screen, Qt.Key.Key_Space)
    assert cell(tab.model, live_row, Col.TITLE) == "Hearse parks at the gate"


def test_team_mode_colleagues_see_the_live_position(qtbot, any_demo_store, clock):
    """On each backend (PostgreSQL when the server answers): their live screen and their
    Schedule tab follow my advance, through the change notifications."""
    from tests.ui.tabs_helpers import cell
    from ui.models.schedule import Col

    mine = open_window(qtbot, any_demo_store.target)
    theirs = open_window(qtbot, any_demo_store.target)
    mine.now = theirs.now = clock
    try:
        assert theirs.show_tab("schedule")
        tab = theirs.tab_widgets["schedule"]
        their_stage = theirs.a_stage.trigger() or theirs.stage_display
        screen = enter(mine)
        clock.at = START
        press(qtbot, screen, Qt.Key.Key_Space)
        qtbot.waitUntil(
            lambda: their_stage.current.text() == "Mourners gather in black", timeout=8000
        )
        qtbot.waitUntil(
            lambda: any(
                cell(tab.model, r, Col.TITLE) == "▶ Mourners gather in black"
                for r in range(tab.model.rowCount())
            ),
            timeout=8000,
        )
        their_stage.close()
    finally:
        theirs.close()
        mine.close()


@pytest.mark.parametrize("word", ["पुलिस ", "الشرطة ", "Αστυνομία ", "🚓⚰️ "])
def test_a_longest_title_in_any_script_fits_the_screen(qtbot, window, clock, word):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    hearse = cue_id(window, "gather")
    title = (word * 300)[:300].strip()
    window.ctx.update(
        "cue", hearse, "title", expected_version=latest(window.ctx, "cue", hearse), title=title
    )
    screen = enter(window)
    screen.showNormal()
    screen.resize(1366, 768)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    assert screen.current.text() == title
    metrics = QFontMetrics(screen.current.font())
    box = metrics.boundingRect(
        QRect(0, 0, screen.current.width(), 100_000), int(Qt.TextFlag.TextWordWrap), title
    )
    assert box.height() <= metrics.lineSpacing() * 3 or screen.current.font().pixelSize() == 12
    assert screen.countdown.isVisible() and screen.countdown.text() == "15:00"
