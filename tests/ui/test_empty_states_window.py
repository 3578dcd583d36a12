"""Every empty state says what to do next, and names a command the user can see (issue #21):
a new action's tabs, the actions list of an empty database, the window with no action."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel

from tests.ui.conftest import drive_modal
from tests.ui.test_main_window import _fill_new_action


def _plain(text: str) -> str:
    return text.replace("&", "").rstrip("…")


def _names_its_button(hint: str, tab, button_name: str) -> None:
    button = tab.findChild(QAbstractButton, button_name)
    assert button is not None and button.isVisibleTo(tab), button_name
    assert _plain(button.text()) in hint, (hint, button.text())


def test_an_empty_database_says_how_to_start(qtbot, empty_window):
    window = empty_window
    listed = window.findChild(QLabel, "actions_empty")
    assert listed.isVisible() and "Ctrl+N" in listed.text()
    assert window.empty_title.text() == "No action yet"
    assert "New action" in window.empty_text.text()
    assert _plain(window.empty_button.text()) == "New action" and window.empty_button.isEnabled()


def test_a_new_action_shows_a_hint_on_every_tab(qtbot, empty_window):
    window = empty_window
    drive_modal(window.a_new_action.trigger, _fill_new_action("Masks for the cameras"))
    tabs = window.tab_widgets

    for index, key in ((2, "schedule"), (3, "people"), (4, "props"), (6, "tasks")):
        window.tab_actions[index].trigger()  # Ctrl+3 … Ctrl+7, as the user would
        assert window.tabs.currentWidget() is tabs[key]
    schedule = tabs["schedule"]
    assert schedule.table.is_empty()
    hint = schedule.table.empty_text()
    assert "Insert" in hint
    _names_its_button(hint, schedule, "add_cue")

    people = tabs["people"]
    assert "Insert" in people.roles.empty_text()
    _names_its_button(people.roles.empty_text(), people, "add_role")
    assert "role first" in people.people.empty_text()

    props = tabs["props"]
    assert "Insert" in props.table.empty_text()
    _names_its_button(props.table.empty_text(), props, "add_prop")

    tasks = tabs["tasks"]
    assert "Insert" in tasks.table.empty_text()
    _names_its_button(tasks.table.empty_text(), tasks, "add_task")

    window.tab_actions[5].trigger()
    press = tabs["press"]
    assert press.table.is_empty()
    _names_its_button(press.table.empty_text(), press, "release_new")
    media_hint = press.media.table.empty_text()
    assert "Add contact" in media_hint and "Import CSV" in media_hint

    window.tab_actions[1].trigger()
    readiness = tabs["readiness"]
    assert readiness.ready.isVisible()
    assert "People tab" in readiness.ready.text() and "Schedule tab" in readiness.ready.text()


def test_after_a_role_the_people_hint_moves_on(qtbot, empty_window):
    window = empty_window
    drive_modal(window.a_new_action.trigger, _fill_new_action("Masks for the cameras"))
    window.ctx.create("role", "Add role", action_id=window.action_id, name="Steward", needed=2)
    window.tab_actions[3].trigger()
    people = window.tab_widgets["people"]
    hint = people.people.empty_text()
    assert "Insert" in hint
    _names_its_button(hint, people, "assign")


def test_no_action_selected_says_where_to_choose_one(qtbot, main_window):
    window = main_window
    window.actions_panel.view.clearSelection()
    window.actions_panel.view.setCurrentIndex(window.actions_panel.proxy.index(-1, -1))
    qtbot.waitUntil(lambda: window.action_id is None)
    assert window.empty_title.text() == "No action selected"
    assert "list on the left" in window.empty_text.text()
    assert "Ctrl+N" in window.empty_text.text()
