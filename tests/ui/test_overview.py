"""The Overview tab: each field commits as one undo step; a bad value is refused beside it."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, Qt, QTime

from app.domain.timeutil import zone


def _action(window):
    from app.services.edits import get

    def read(session, action_id):
        a = get(session, "action", action_id)
        return {
            "title": a.title,
            "latitude": a.latitude,
            "timezone": a.timezone,
            "starts_at": a.starts_at,
            "ends_at": a.ends_at,
            "languages": list(a.languages),
            "cues": [c.starts_at for c in a.cues],
        }

    return window.ctx.query(read, window.action_id)


def _local(instant, tz="Europe/Paris"):
    return instant.astimezone(zone(tz))


def test_typing_a_title_saves_it_as_one_undo_step(qtbot, main_window):
    tab = main_window.tab_widgets["overview"]
    edit = tab.fields["title"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Funeral for privacy")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _action(main_window)["title"] == "Funeral for privacy"
    assert main_window.header_title.text() == "Funeral for privacy"
    proxy = main_window.actions_panel.proxy
    assert proxy.index(0, 0).data() == "Funeral for privacy"
    assert main_window.a_undo.text().replace("&", "") == "Undo Edit title"
    main_window.a_undo.trigger()
    assert edit.text() == "Funeral for privacy at Père-Lachaise"
    assert proxy.index(0, 0).data() == "Funeral for privacy at Père-Lachaise"


def test_an_empty_title_is_refused_beside_the_field(main_window):
    tab = main_window.tab_widgets["overview"]
    tab.fields["title"].setText("   ")
    tab.fields["title"].editingFinished.emit()
    error = tab.errors["title"]
    assert error.isVisible()
    assert error.text() == "is required"
    assert tab.fields["title"].accessibleDescription() == "is required"
    assert _action(main_window)["title"] == "Funeral for privacy at Père-Lachaise"
    assert not main_window.ctx.undo_stack.canUndo()


def test_a_latitude_that_is_not_a_number_is_refused(main_window):
    tab = main_window.tab_widgets["overview"]
    before = _action(main_window)["latitude"]
    tab.fields["latitude"].setText("north")
    tab.fields["latitude"].editingFinished.emit()
    assert tab.errors["latitude"].text() == "“north” is not a number (like 48.8619)"
    tab.fields["latitude"].setText("123")
    tab.fields["latitude"].editingFinished.emit()
    assert tab.errors["latitude"].text() == "must be between -90 and 90"
    assert _action(main_window)["latitude"] == before
    tab.fields["latitude"].setText("48,5")  # the English decimal separator is "."
    tab.fields["latitude"].editingFinished.emit()
    assert tab.errors["latitude"].text() == "“48,5” — did you mean 48.5? (decimal separator: “.”)"
    assert _action(main_window)["latitude"] == before
    tab.fields["latitude"].setText("48.50")
    tab.fields["latitude"].editingFinished.emit()
    assert not tab.errors["latitude"].isVisible()
    assert _action(main_window)["latitude"] == 48.5
    assert tab.fields["latitude"].text() == "48.5"  # shown as stored


def test_end_before_start_is_refused(main_window):
    tab = main_window.tab_widgets["overview"]
    before = _action(main_window)["ends_at"]
    tab.fields["ends_at"].setTime(QTime(8, 0))
    tab.fields["ends_at"].editingFinished.emit()
    assert tab.errors["ends_at"].text() == "the end is before the start"
    assert _action(main_window)["ends_at"] == before


def test_changing_the_end_time_changes_only_the_window(main_window):
    tab = main_window.tab_widgets["overview"]
    before = _action(main_window)
    tab.fields["ends_at"].setTime(QTime(12, 15))
    tab.fields["ends_at"].editingFinished.emit()
    after = _action(main_window)
    assert _local(after["ends_at"]).strftime("%H:%M") == "12:15"
    assert after["starts_at"] == before["starts_at"]
    assert after["cues"] == before["cues"]


def test_an_unknown_time_zone_is_refused(qtbot, main_window):
    tab = main_window.tab_widgets["overview"]
    picker = tab.fields["timezone"]
    picker.setEditText("Mars/Olympus_Mons")
    picker.lineEdit().editingFinished.emit()
    assert tab.errors["timezone"].text() == "unknown time zone 'Mars/Olympus_Mons'"
    assert _action(main_window)["timezone"] == "Europe/Paris"


def test_a_new_time_zone_keeps_wall_clock_times(main_window):
    tab = main_window.tab_widgets["overview"]
    tab.fields["timezone"].setEditText("America/New_York")
    tab.fields["timezone"].lineEdit().editingFinished.emit()
    after = _action(main_window)
    assert after["timezone"] == "America/New_York"
    assert _local(after["starts_at"], "America/New_York").strftime("%H:%M") == "09:30"
    assert "(America/New_York)" in main_window.header_when.text()
    main_window.a_undo.trigger()
    assert _action(main_window)["timezone"] == "Europe/Paris"


def test_a_new_date_moves_the_whole_action(main_window):
    tab = main_window.tab_widgets["overview"]
    before = _action(main_window)
    tab.fields["date"].setDate(QDate(2024, 6, 11))
    tab.fields["date"].editingFinished.emit()
    after = _action(main_window)
    assert _local(after["starts_at"]).date().isoformat() == "2024-06-11"
    assert [_local(c).strftime("%H:%M") for c in after["cues"]] == [
        _local(c).strftime("%H:%M") for c in before["cues"]
    ]
    assert main_window.a_undo.text().replace("&", "") == "Undo Move action"


def test_languages_are_checked(main_window):
    tab = main_window.tab_widgets["overview"]
    tab.fields["languages"].setText("fr, klingon!")
    tab.fields["languages"].editingFinished.emit()
    assert tab.errors["languages"].text() == "'klingon!' is not a language code"
    tab.fields["languages"].setText("en fr")
    tab.fields["languages"].editingFinished.emit()
    assert _action(main_window)["languages"] == ["en", "fr"]


def test_an_ambiguous_time_asks_which_one(main_window, monkeypatch):
    import ui.widgets.datetime_edit as dte

    tab = main_window.tab_widgets["overview"]
    tab.fields["date"].setDate(QDate(2024, 10, 27))  # Paris falls back at 03:00
    tab.fields["date"].editingFinished.emit()
    asked = []
    monkeypatch.setattr(dte, "ask_occurrence", lambda p, naive, tz: asked.append(naive) or 1)
    tab.fields["starts_at"].setTime(QTime(2, 30))
    tab.fields["starts_at"].editingFinished.emit()
    assert asked and asked[0].strftime("%H:%M") == "02:30"
    assert _action(main_window)["starts_at"] == datetime(2024, 10, 27, 1, 30, tzinfo=UTC)


def test_a_time_that_does_not_exist_is_refused_with_the_reason(main_window):
    tab = main_window.tab_widgets["overview"]
    tab.fields["date"].setDate(QDate(2024, 3, 31))  # Paris springs forward at 02:00
    tab.fields["date"].editingFinished.emit()
    before = _action(main_window)["starts_at"]
    tab.fields["starts_at"].setTime(QTime(2, 30))
    tab.fields["starts_at"].editingFinished.emit()
    assert "does not exist on Mar 31, 2024 in Europe/Paris" in tab.errors["starts_at"].text()
    assert _action(main_window)["starts_at"] == before


def test_zoned_editor_emits_only_valid_instants(qtbot):
    from ui.widgets.datetime_edit import ZonedDateTimeEdit

    edit = ZonedDateTimeEdit("Europe/Paris")
    qtbot.addWidget(edit)
    edit.ask = lambda parent, naive, tz: 0
    edit.set_instant(datetime(2024, 10, 26, 8, 0, tzinfo=UTC))
    got = []
    edit.committed.connect(got.append)
    edit.date_edit.setDate(QDate(2024, 10, 27))
    edit.time_edit.setTime(QTime(2, 30))
    edit.time_edit.editingFinished.emit()
    assert got == [datetime(2024, 10, 27, 0, 30, tzinfo=UTC)]  # the first 02:30 (UTC+2)
    edit.date_edit.setDate(QDate(2024, 3, 31))
    edit.time_edit.editingFinished.emit()
    assert len(got) == 1
    assert "does not exist" in edit.error_label.text()


def test_key_contacts_are_edited_in_place(qtbot, main_window):
    tab = main_window.tab_widgets["overview"]
    contacts = tab.contacts
    before = contacts.model.rowCount()
    contacts.add_button.click()
    assert contacts.model.rowCount() == before + 1
    index = contacts.model.index(before, 2)
    assert not contacts.model.setData(index, "not an address")
    assert "E-mail: 'not an address' is not an e-mail address" in contacts.error.text()
    assert contacts.model.setData(index, "help@example.org")
    assert contacts.model.index(before, 2).data() == "help@example.org"
    main_window.a_undo.trigger()
    assert contacts.model.index(before, 2).data() == ""
    main_window.a_undo.trigger()
    assert contacts.model.rowCount() == before


def test_every_field_has_a_label_and_an_accessible_name(main_window):
    tab = main_window.tab_widgets["overview"]
    for name, widget in tab.fields.items():
        assert widget.accessibleName(), name
        assert tab.labels[name].buddy() is widget
        assert "&" in tab.labels[name].text(), name  # a mnemonic (Alt+letter)


def test_a_reload_from_elsewhere_keeps_what_is_being_typed(qtbot, main_window):
    from app.services.changes import EVERYTHING

    tab = main_window.tab_widgets["overview"]
    edit = tab.fields["location_name"]
    main_window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, " (north gate)")
    main_window.ctx.changed.emit(EVERYTHING)  # another organiser changed something
    assert edit.text() == "Cimetière du Père-Lachaise (north gate)"
