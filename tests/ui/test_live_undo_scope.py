"""Ctrl+Z on the live screen takes back live steps only, and says what it took back.

Live-mode review: the caller pressed Ctrl+Z to take back an early Space and undid, without a
word, a latecomer's check-in made by the steward in the check-in window; pressed again, it went
on past the start of the run into the plan's own edits."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.conftest import open_window
from tests.ui.test_live_mode import START, Clock, cues, press
from tests.ui.test_live_mode import enter as _enter

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def clock():
    return Clock(START - timedelta(minutes=1))


@pytest.fixture
def window(qtbot, demo_db, clock):
    w = open_window(qtbot, demo_db, now=START)
    w.now = clock  # the live screen's clock
    yield w
    w.close()


def enter(window):
    """The live screen, the active window, as it is full screen on the caller's laptop (the
    main window's shortcuts do not reach it then)."""
    screen = _enter(window)
    screen.activateWindow()
    QApplication.processEvents()
    assert QApplication.activeWindow() is screen
    return screen


def _attended(window) -> set[str]:
    from app.services import checkin

    view = window.ctx.query(checkin.view, window.action_id)
    return {p.alias for p in view.people if p.attended}


def _check_in(qtbot, window, letters: str) -> None:
    dialog = window._checkin_dialog
    search = dialog.findChild(QLineEdit, "checkin_search")
    search.setText(letters)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def test_ctrl_z_on_the_live_screen_leaves_a_check_in_alone_and_says_why(qtbot, window, clock):
    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)  # the first cue starts
    window.a_checkin.trigger()  # the steward, on the same laptop
    _check_in(qtbot, window, "star")
    assert _attended(window) == {"Starling"}
    window._checkin_dialog.close()
    screen.activateWindow()
    QApplication.processEvents()
    press(qtbot, screen, Qt.Key.Key_Z, CTRL)
    assert _attended(window) == {"Starling"}  # not taken back
    assert cues(window)["gather"][0] == START  # nor the Space before it
    said = screen.message.text()
    assert "Check in Starling" in said and "main window" in said, said


def test_ctrl_z_on_the_live_screen_names_the_live_step_it_took_back(qtbot, window, clock):
    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    clock.forward(minutes=1)
    press(qtbot, screen, Qt.Key.Key_Space)  # too early
    press(qtbot, screen, Qt.Key.Key_Z, CTRL)
    assert screen.current.text() == "Mourners gather in black"
    assert screen.message.text() == "Undone: Live: next cue"
    press(qtbot, screen, Qt.Key.Key_Z, CTRL_SHIFT)
    assert screen.current.text() == "Hearse parks at the gate"
    assert screen.message.text() == "Redone: Live: next cue"


def test_ctrl_z_stops_at_the_plan_s_own_edits(qtbot, window, clock):
    from app.domain import models as m

    gather, version = window.ctx.query(
        lambda s: next(
            (c.id, c.version) for c in s.get(m.Action, window.action_id).cues if c.key == "gather"
        )
    )
    window.ctx.update(  # an edit before going live
        "cue", gather, "Place", place="Side gate", expected_version=version
    )
    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    press(qtbot, screen, Qt.Key.Key_Z, CTRL)  # the Space: a live step
    press(qtbot, screen, Qt.Key.Key_Z, CTRL)  # the edit: not one
    assert window.ctx.query(lambda s: s.get(m.Cue, gather).place) == "Side gate"
    assert "main window" in screen.message.text()
    press(qtbot, screen, Qt.Key.Key_Z, CTRL_SHIFT)  # the Space again
    assert cues(window)["gather"][0] == START


def test_check_in_opens_over_the_live_screen(qtbot, window, clock):
    """It opened behind the full-screen live screen, which stayed the active window."""
    screen = enter(window)
    press(qtbot, screen, Qt.Key.Key_K, CTRL_SHIFT)
    dialog = getattr(screen, "_checkin_dialog", None)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowHandle().transientParent() is screen.windowHandle()  # kept above it
    search = dialog.findChild(QLineEdit, "checkin_search")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)
    dialog.close()


def _first_space_on(qtbot, window, clock, at, answer):
    from tests.ui.tabs_helpers import with_modal

    screen = enter(window)
    clock.at = at
    asked: list[str] = []

    def reply(box):
        asked.append(box.text())
        button = next(b for b in box.buttons() if box.buttonRole(b) == answer)
        button.click()

    with_modal(lambda: press(qtbot, screen, Qt.Key.Key_Space), reply)
    return screen, asked


def test_a_first_space_ten_days_early_asks_before_it_records(qtbot, window, clock):
    """Ten days early, Space recorded the start and said "240 hr ahead of plan"; a rehearsal
    the evening before came back on the day as a red -15:10:00 (live-mode review)."""
    from PySide6.QtWidgets import QMessageBox

    early = START - timedelta(days=10)
    screen, asked = _first_space_on(qtbot, window, clock, early, QMessageBox.ButtonRole.RejectRole)
    (text,) = asked
    assert "Mourners gather in black" in text and "May 28" in text and "May 18" in text, text
    assert cues(window)["gather"][0] is None  # nothing recorded
    assert window.ctx.undo_stack.count() == 0
    clock.at = early
    _screen, again = _first_space_on(qtbot, window, clock, early, QMessageBox.ButtonRole.AcceptRole)
    assert again and cues(window)["gather"][0] == early  # a rehearsal, on purpose


def test_a_first_space_on_time_asks_nothing(qtbot, window, clock):
    screen = enter(window)
    clock.at = START + timedelta(minutes=3)
    press(qtbot, screen, Qt.Key.Key_Space)  # no dialog: it would block here
    assert cues(window)["gather"][0] == START + timedelta(minutes=3)


def test_once_check_in_has_begun_the_live_screen_says_who_is_not_here(qtbot, window, clock):
    """Only Crow and Heron of the four pallbearers checked in, yet the hearse cue listed all
    four and warned of nothing (live-mode review)."""
    window.a_checkin.trigger()
    for letters in ("cr", "her"):
        _check_in(qtbot, window, letters)
    window._checkin_dialog.close()
    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)  # Mourners gather
    clock.forward(minutes=15)
    press(qtbot, screen, Qt.Key.Key_Space)  # Hearse parks at the gate: the pallbearers
    assert screen.current.text() == "Hearse parks at the gate"
    warned = [label.text() for label in screen.findChildren(type(screen.current))]
    assert any("Pallbearer: 2 of 4 checked in" in t for t in warned), warned
    assert any("Raven (not checked in)" in t and "Starling (not checked in)" in t for t in warned)
    assert not any("Crow (not checked in)" in t for t in warned)


def test_before_anyone_checks_in_nobody_is_marked_missing(qtbot, window, clock):
    screen = enter(window)
    clock.at = START
    press(qtbot, screen, Qt.Key.Key_Space)
    shown = [label.text() for label in screen.findChildren(type(screen.current))]
    assert not any("not checked in" in t for t in shown), shown


def test_the_title_keeps_its_hyphen_and_the_sound_box_reads_at_arm_s_length(window, clock):
    screen = enter(window)
    screen.resize(1600, 1000)
    QApplication.processEvents()
    assert screen.top_title.text() == "Funeral for privacy at P\u00e8re\u2011Lachaise"  # no break
    assert screen.sound.font().pixelSize() >= screen.keys.font().pixelSize() > 12
