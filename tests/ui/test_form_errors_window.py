"""Errors in the real window: they go the moment the value is valid, and a form shows all of
its problems at once. Before the fix Overview kept "the end is before the start" after the end
was fixed, and the participant dialog showed one problem per press of OK."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialog

from tests.ui.tabs_helpers import press_ok, with_modal


def _ends_at(window):
    from app.services.edits import get

    return window.ctx.query(lambda s, aid: get(s, "action", aid).ends_at, window.action_id)


def test_end_before_start_clears_when_the_end_is_put_back(main_window):
    tab = main_window.tab_widgets["overview"]
    end = tab.fields["ends_at"]
    stored = end.time()
    end.setTime(QTime(8, 0))
    end.editingFinished.emit()
    assert tab.errors["ends_at"].message == "the end is before the start"
    end.setTime(stored)  # the stored end again: nothing to save, nothing wrong
    assert tab.errors["ends_at"].message == ""
    end.editingFinished.emit()
    assert not tab.errors["ends_at"].isVisible()


def test_end_before_start_clears_the_moment_the_end_is_valid(main_window):
    tab = main_window.tab_widgets["overview"]
    end = tab.fields["ends_at"]
    end.setTime(QTime(8, 0))
    end.editingFinished.emit()
    assert tab.errors["ends_at"].isVisibleTo(tab)
    end.setTime(QTime(12, 15))  # typing, not yet committed
    assert not tab.errors["ends_at"].isVisibleTo(tab)
    end.editingFinished.emit()
    from app.domain.timeutil import zone

    local = _ends_at(main_window).astimezone(zone(tab.values["timezone"]))
    assert (local.hour, local.minute) == (12, 15)


def test_a_start_after_the_end_clears_when_the_end_moves_past_it(main_window):
    tab = main_window.tab_widgets["overview"]
    tab.fields["starts_at"].setTime(QTime(12, 0))
    tab.fields["starts_at"].editingFinished.emit()
    assert tab.errors["starts_at"].message == "the start is after the end"
    tab.fields["ends_at"].setTime(QTime(13, 0))
    assert tab.errors["starts_at"].message == ""


def test_a_coordinate_error_goes_as_soon_as_the_text_is_a_number(qtbot, main_window):
    tab = main_window.tab_widgets["overview"]
    field = tab.fields["latitude"]
    field.setText("48,86")
    field.editingFinished.emit()
    assert tab.errors["latitude"].message
    field.clear()
    qtbot.keyClicks(field, "48.86")
    assert tab.errors["latitude"].message == ""


def test_the_participant_dialog_shows_every_problem_at_once(qtbot, main_window):
    main_window.a_directory.trigger()
    qtbot.waitUntil(lambda: main_window.findChild(QDialog, "directory") is not None)
    directory = main_window.findChild(QDialog, "directory")
    seen = {}

    def fill(dialog):
        dialog.alias.setText("Crow")  # somebody's alias already
        dialog.language.setText("klingon")
        dialog.personal["email"].setText("not an address")
        dialog.personal["consent_given_on"].setText("2024-02-31")
        press_ok(dialog)
        names = ("alias", "language", "email", "consent_given_on")
        seen["errors"] = {n: dialog.error_text(n) for n in names}
        seen["open"] = dialog.isVisible()
        dialog.personal["consent_given_on"].setText("2024-02-28")
        press_ok(dialog)  # the date is fine now: the service's three problems, together
        seen["then"] = {n: dialog.error_text(n) for n in names}
        dialog.reject()

    with_modal(directory.new_button.click, fill)
    assert seen["open"]
    assert all(seen["errors"].values()), seen["errors"]
    assert "Crow" in seen["errors"]["alias"]
    then = seen["then"]
    assert then["consent_given_on"] == "" and then["alias"] and then["language"] and then["email"]
    directory.close()
