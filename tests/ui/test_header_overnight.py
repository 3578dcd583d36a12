"""The window's header names the day a night action ends on ("Mon, May 27, 2024, 10:00 PM–
Tue, May 28, 4:00 AM"), not "10:00 PM–4:00 AM" of the Monday."""

from __future__ import annotations

from tests.app.test_overnight import night
from tests.app.test_runsheet import scaled_store
from tests.ui.conftest import open_window


def test_the_header_of_a_night_action_names_the_day_it_ends(qtbot, tmp_path):
    scaled_store(tmp_path, night).close()
    window = open_window(qtbot, tmp_path / "changed.sqlite3")
    when = window.header_when.text()
    assert when.startswith("Mon, May 27, 2024, 10:00\u202fPM–Tue, May 28, 4:00\u202fAM"), when
    window.close()
