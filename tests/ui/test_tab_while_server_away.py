"""A tab first shown while the server is away is greyed, says why, and loads once it is back
(team-mode review: it showed "No cues yet", "Total: €0.00" under the error dialog)."""

from __future__ import annotations

from app.services.changes import EVERYTHING
from ui.dialogs.error_dialog import open_error_dialogs


def test_a_tab_shown_while_the_server_is_away_loads_when_it_is_back(
    qtbot, main_window, monkeypatch
):
    from app.storage.server import ServerError

    w = main_window
    schedule = w.tab_widgets.get("schedule")
    real = type(schedule).set_action

    def away(self, action_id):
        raise ServerError(
            "Cortège could not read from the database server: the connection was lost "
            "(server closed the connection). Nothing was changed; it reconnects by itself, so "
            "try again in a moment."
        )

    monkeypatch.setattr(type(schedule), "set_action", away)
    w.show_tab("schedule")
    assert not schedule.isEnabled()
    assert w.statusBar().currentMessage().startswith("This tab could not be read from the server")
    qtbot.waitUntil(lambda: bool(open_error_dialogs()), timeout=3000)
    for box in open_error_dialogs():
        assert box.text().startswith("Cortège could not read from the database server")
        box.close()
    monkeypatch.setattr(type(schedule), "set_action", real)
    w.ctx.changed.emit(EVERYTHING)  # the reconnection: everything reloads
    assert schedule.isEnabled()
    assert schedule.model.rowCount() == 11  # the demo's cues, not "No cues yet"
    assert w.statusBar().currentMessage() == ""
