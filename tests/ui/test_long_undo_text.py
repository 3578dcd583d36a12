"""A long cue title in the Undo button: the button took the whole 'Undo Add cue "…"', pushed
Redo, New action, Run-sheets… behind the toolbar's » and made the window wider than the screen
(1,968 px for a 297-character title), which it then could not be made narrower than."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QToolButton


def test_a_long_title_in_undo_leaves_the_window_its_size(qtbot, main_window):
    window = main_window
    window.resize(1280, 820)
    qtbot.wait(1)
    start = window.header_data["starts_at"] + timedelta(minutes=20)
    title = "Photo call & interviews with all the masked walkers in one line " * 4 + "!"
    window.ctx.create(
        "cue",
        f"Add cue “{title[:297]}”",
        action_id=window.action_id,
        title=title[:297],
        starts_at=start,
        minutes=5,
    )
    qtbot.wait(20)
    assert window.width() == 1280
    assert window.minimumSizeHint().width() <= 1280
    undo = next(b for b in window.findChildren(QToolButton) if b.defaultAction() is window.a_undo)
    assert undo.isVisible() and undo.width() < 500, undo.width()
    assert window.a_undo.text().startswith("&Undo Add cue “Photo call && interviews")
    assert window.a_undo.iconText().endswith("…")  # the button says it goes on
    assert title[:297] in window.a_undo.toolTip()  # the whole of it on hovering, its "&" too
    window.resize(1024, 700)  # and the window can still be made smaller
    qtbot.wait(20)
    assert window.width() == 1024


def test_a_long_cue_title_leaves_the_add_cue_dialog_its_width(qtbot, main_window):
    """The Follows list took the width of its longest entry: Add cue opened 1,066 px wide."""
    from tests.ui.tabs_helpers import with_modal

    window = main_window
    window.show_tab("schedule")
    tab = window.tab_widgets["schedule"]
    widths = []

    def measure(dialog):
        widths.append(dialog.width())
        # and the list as wide as the fields around it, not only as its 24 characters
        assert abs(dialog.follows.width() - dialog.fields["title"].width()) <= 2
        dialog.reject()

    with_modal(tab.add_cue, measure)
    start = window.header_data["starts_at"] + timedelta(minutes=20)
    title = ("A very long cue title that goes on and on " * 8)[:300]
    window.ctx.create(
        "cue", "Add cue", action_id=window.action_id, title=title, starts_at=start, minutes=5
    )
    with_modal(tab.add_cue, measure)
    assert widths[1] <= widths[0] + 20, widths
