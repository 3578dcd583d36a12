"""Chained cues in the real window: a chain names its predecessor, and only it moves the chain.

Before the fix a chained cue followed "the cue before it by start time": adding a parallel cue
moved every chained cue after it, past the action's end, without a word.
"""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtGui import Qt

from tests.ui.tabs_helpers import cell, press_ok, row_of_text, select_row, with_modal
from ui.models.schedule import Col

HEARSE = "Hearse parks at the gate"
BANNER = "Banner unrolled"
COFFIN = "Coffin carried to the funeral parlour"


def _schedule(window):
    window.show_tab("schedule")
    return window.tab_widgets["schedule"]


def _starts(tab) -> dict[str, str]:
    return {
        cell(tab.model, r, Col.TITLE): cell(tab.model, r, Col.START)
        for r in range(tab.model.rowCount())
    }


def _edit(qtbot, tab, title: str, fill) -> list:
    select_row(tab.table, row_of_text(tab.model, Col.TITLE, title))
    return with_modal(lambda: qtbot.keyClick(tab.table, Qt.Key.Key_F2), fill)


def _chain(qtbot, tab, title: str, after: str) -> None:
    after_id = tab.model.row_at(row_of_text(tab.model, Col.TITLE, after)).id

    def fill(dialog):
        dialog.follows.setCurrentIndex(dialog.follows.findData(after_id))
        assert not dialog.start_edit.isEnabled()  # the chain sets the start
        press_ok(dialog)

    _edit(qtbot, tab, title, fill)


def test_the_schedule_shows_what_follows_what(qtbot, main_window):
    tab = _schedule(main_window)
    _chain(qtbot, tab, BANNER, HEARSE)
    row = row_of_text(tab.model, Col.TITLE, BANNER)
    assert cell(tab.model, row, Col.FOLLOWS) == f"↳ {HEARSE}"
    assert cell(tab.model, row, Col.START) == "↳ 9:55\u202fAM"
    assert cell(tab.model, row, Col.START, Qt.ItemDataRole.ToolTipRole) == (
        f"Starts when “{HEARSE}” ends"
    )
    assert cell(tab.model, row_of_text(tab.model, Col.TITLE, HEARSE), Col.FOLLOWS) == ""


def test_adding_a_parallel_cue_moves_no_chained_cue(qtbot, main_window):
    tab = _schedule(main_window)
    _chain(qtbot, tab, BANNER, HEARSE)
    _chain(qtbot, tab, COFFIN, BANNER)
    before = _starts(tab)

    def fill(dialog):
        dialog.title_edit.setText("Steward briefing")
        dialog.start_edit.time_edit.setTime(QTime(9, 50))
        dialog.minutes_edit.setText("60")
        press_ok(dialog)

    with_modal(tab.add_button.click, fill)
    after = _starts(tab)
    assert after.pop("Steward briefing") == "9:50\u202fAM"
    assert after == before


def test_a_ripple_past_the_end_of_the_action_is_refused_beside_the_field(qtbot, main_window):
    tab = _schedule(main_window)
    _chain(qtbot, tab, BANNER, HEARSE)
    _chain(qtbot, tab, COFFIN, BANNER)
    before = _starts(tab)
    seen = {}

    def fill(dialog):
        dialog.minutes_edit.setText("100")
        press_ok(dialog)
        seen["error"] = dialog.error_text("minutes")
        seen["open"] = dialog.isVisible()
        dialog.reject()

    _edit(qtbot, tab, HEARSE, fill)
    assert seen["open"]
    assert f"“{COFFIN}”" in seen["error"] and "11:30" in seen["error"]
    assert _starts(tab) == before


def test_insert_hands_the_chain_to_the_new_cue_and_undo_takes_it_back(qtbot, main_window):
    tab = _schedule(main_window)
    _chain(qtbot, tab, BANNER, HEARSE)
    select_row(tab.table, row_of_text(tab.model, Col.TITLE, HEARSE))

    def fill(dialog):
        assert not dialog.follows.isEnabled()
        dialog.title_edit.setText("Coffin unloaded")
        dialog.minutes_edit.setText("5")
        press_ok(dialog)

    with_modal(lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Insert), fill)
    starts = _starts(tab)
    assert starts["Coffin unloaded"] == "↳ 9:55\u202fAM"
    assert starts[BANNER] == "↳ 10:00\u202fAM"
    row = row_of_text(tab.model, Col.TITLE, BANNER)
    assert cell(tab.model, row, Col.FOLLOWS) == "↳ Coffin unloaded"
    main_window.a_undo.trigger()
    assert "Coffin unloaded" not in _starts(tab)
    assert _starts(tab)[BANNER] == "↳ 9:55\u202fAM"
    main_window.a_redo.trigger()
    assert _starts(tab)[BANNER] == "↳ 10:00\u202fAM"
