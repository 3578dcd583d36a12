"""A tab first shown while the server is away is greyed, says why, and loads once it is back
(team-mode review: it showed "No cues yet", "Total: €0.00" under the error dialog; greyed, it
still showed them, and the status bar's reason went with the next message)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.services.changes import EVERYTHING
from ui.dialogs.error_dialog import open_error_dialogs
from ui.widgets import away_cover


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
    cover = schedule.findChild(QLabel, "server_away_cover")
    assert cover.isVisible() and cover.geometry() == schedule.rect()
    assert cover.text().startswith("This tab could not be read from the server")
    # on top of the whole tab, opaque: not "No cues yet" beneath
    assert cover.autoFillBackground()
    for point in (schedule.rect().center(), schedule.rect().topLeft()):
        assert schedule.childAt(point) is cover
    w.statusBar().showMessage("Exported to /tmp/x.pdf")  # another message: the tab still says
    w.resize(w.width() + 120, w.height())
    qtbot.waitUntil(lambda: cover.geometry() == schedule.rect())
    qtbot.waitUntil(lambda: bool(open_error_dialogs()), timeout=3000)
    for box in open_error_dialogs():
        assert box.text().startswith("Cortège could not read from the database server")
        box.close()
    monkeypatch.setattr(type(schedule), "set_action", real)
    w.ctx.changed.emit(EVERYTHING)  # the reconnection: everything reloads
    assert schedule.isEnabled()
    assert schedule.model.rowCount() == 11  # the demo's cues, not "No cues yet"
    assert not cover.isVisible()


def test_another_action_clears_what_the_last_one_left_unsaved_or_greyed(
    qtbot, main_window, monkeypatch
):
    """A tab greyed by the server's absence stayed greyed after choosing another action, and
    the status bar kept saying "A change is not saved" with no such field on screen."""
    from datetime import UTC, datetime

    from app.storage.server import ServerError
    from ui.context import EditFailed

    w = main_window
    first = w.action_id  # the demo's
    other = w.ctx.create(
        "action",
        "New action",
        title="Second vigil",
        timezone="Europe/Paris",
        starts_at=datetime(2024, 6, 1, 18, tzinfo=UTC),
        ends_at=datetime(2024, 6, 1, 19, tzinfo=UTC),
    )
    assert w.actions_panel.select(first)  # back to the demo (a new action is selected)
    tab = w.tab_widgets["overview"]

    def refuse(*_a, **_k):
        raise EditFailed(ServerError("This change was not saved: the connection was lost."))

    monkeypatch.setattr(w.ctx, "update", refuse)
    tab.fields["title"].setText("Renamed while offline")
    tab.fields["title"].setModified(True)
    tab.fields["title"].editingFinished.emit()
    assert w.status_left.text().startswith("A change is not saved")
    schedule = w.tab_widgets.get("schedule")
    away_cover.cover(schedule)  # as a failed read leaves it
    monkeypatch.undo()
    w.show_tab("people")  # the greyed tab hidden, then another action chosen in the list
    assert w.actions_panel.select(other)
    assert w.action_id == other
    assert schedule.isEnabled() and not away_cover.is_covered(schedule)
    assert w.status_left.text().startswith("All changes saved")
