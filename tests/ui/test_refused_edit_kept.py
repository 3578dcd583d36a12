"""A save the server refused keeps what was typed and says so until it is saved (team-mode
review: the reload when the connection came back wiped the typed text and its message, and
the status bar said "All changes saved" beside the refusal)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services.changes import EVERYTHING


def _server_away(window, monkeypatch):
    """Every save refused as when the connection to the server is lost."""
    from app.storage.server import ServerError
    from ui.context import EditFailed

    def refuse(*_args, **_kwargs):
        raise EditFailed(
            ServerError(
                "This change was not saved: the connection to the database server was lost "
                "(server closed the connection). Everything you saved before is safe on the "
                "server; Cortège reconnects by itself, so try again in a moment."
            )
        )

    monkeypatch.setattr(window.ctx, "update", refuse)


def test_text_typed_while_the_server_was_away_survives_its_return(qtbot, main_window, monkeypatch):
    w = main_window
    tab = w.tab_widgets["overview"]
    title = tab.fields["title"]
    _server_away(w, monkeypatch)
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    title.selectAll()
    QTest.keyClicks(title, "Renamed while offline")
    QTest.keyClick(title, Qt.Key.Key_Return)
    assert tab.errors["title"].text().startswith("This change was not saved")
    assert w.status_left.text().startswith("A change is not saved")
    tab.fields["location_name"].setFocus()  # on to another field, as one does
    monkeypatch.undo()  # the server is back: everything reloads
    w.ctx.changed.emit(EVERYTHING)
    assert title.text() == "Renamed while offline"
    assert tab.errors["title"].isVisibleTo(tab)
    assert w.status_left.text().startswith("A change is not saved")
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    QTest.keyClick(title, Qt.Key.Key_Return)  # try again, as the message says
    assert w.header_title.text() == "Renamed while offline"
    assert not tab.errors["title"].isVisibleTo(tab)
    assert w.status_left.text().startswith("All changes saved")


def test_a_refused_choice_in_a_drop_down_shows_what_is_saved_after_a_reload(
    qtbot, main_window, monkeypatch
):
    """A drop-down shows the saved value again at the next reload: its refusal must not stay
    in red beside it, nor "A change is not saved" in the status bar."""
    w = main_window
    tab = w.tab_widgets["overview"]
    status = tab.fields["status"]
    _server_away(w, monkeypatch)
    status.setCurrentIndex(status.findData("done"))
    status.activated.emit(status.currentIndex())
    assert tab.errors["status"].isVisibleTo(tab)
    monkeypatch.undo()
    w.ctx.changed.emit(EVERYTHING)
    assert status.currentData() == "confirmed"  # what is saved
    assert not tab.errors["status"].isVisibleTo(tab)
    assert w.status_left.text().startswith("All changes saved")
