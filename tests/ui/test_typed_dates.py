"""Dates and times are typed naturally in the UI language, and refused beside the field."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

LANGS = ("en", "fr", "de", "es")


@settings(max_examples=60, deadline=None)
@given(
    day=st.dates(min_value=date(1970, 1, 1), max_value=date(2099, 12, 31)),
    lang=st.sampled_from(LANGS),
)
def test_a_shown_date_reads_back_as_the_same_date(day, lang):
    from app.domain.typed_dates import parse_date
    from app.i18n import set_ui_language
    from ui.widgets.typed_date import show_date

    set_ui_language(lang)
    try:
        assert parse_date(show_date(day), lang) == day
    finally:
        set_ui_language("en")


@pytest.mark.parametrize("lang", LANGS)
def test_every_day_of_two_years_reads_back(lang):
    """Each date of 2026 and 2027 as the field shows it: in Spanish a Tuesday of March
    ("mar, 3 mar 2026": martes and marzo) was refused when the field read its own text back."""
    from datetime import timedelta

    from app.domain.typed_dates import parse_date
    from app.i18n import set_ui_language
    from ui.widgets.typed_date import show_date

    set_ui_language(lang)
    try:
        days = [date(2026, 1, 1) + timedelta(days=n) for n in range(730)]
        wrong = [(d, show_date(d)) for d in days if _read(parse_date, show_date(d), lang) != d]
    finally:
        set_ui_language("en")
    assert wrong == []


def _read(parse, text: str, lang: str):
    try:
        return parse(text, lang)
    except ValueError as exc:
        return str(exc)


@settings(max_examples=60, deadline=None)
@given(hour=st.integers(0, 23), minute=st.integers(0, 59), lang=st.sampled_from(LANGS))
def test_a_shown_time_reads_back_as_the_same_time(hour, minute, lang):
    from app.domain.typed_dates import parse_time
    from app.i18n import set_ui_language
    from ui.widgets.typed_date import show_time

    set_ui_language(lang)
    try:
        assert parse_time(show_time(time(hour, minute)), lang) == time(hour, minute)
    finally:
        set_ui_language("en")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("15/01/2027", "en", date(2027, 1, 15)),  # only one order makes sense
        ("01/02/2027", "en", date(2027, 1, 2)),  # month first in American English
        ("01/02/2027", "fr", date(2027, 2, 1)),
        ("15.1.27", "de", date(2027, 1, 15)),
        ("15 janvier 2027", "fr", date(2027, 1, 15)),
        ("15. März 2027", "de", date(2027, 3, 15)),
        ("15 de enero de 2027", "es", date(2027, 1, 15)),
        ("Fri, Jan 15, 2027", "en", date(2027, 1, 15)),
        ("2027-01-15", "es", date(2027, 1, 15)),
        ("mar, 21 mar 2000", "es", date(2000, 3, 21)),  # martes and marzo: the day comes first
    ],
)
def test_dates_typed_as_people_write_them(text, lang, expected):
    from app.domain.typed_dates import parse_date

    assert parse_date(text, lang) == expected


@pytest.mark.parametrize(
    "text", ["31/02/2027", "15/13/2027", "tomorrow-ish", "15 janvier", "11:15", "1/15/27 9:30"]
)
def test_what_is_not_a_date_is_refused_with_an_example(text):
    from app.domain.typed_dates import parse_date

    with pytest.raises(ValueError, match="is not a date: type it like 1/15/27"):
        parse_date(text, "en")


def _new_action(qtbot, window, fill):
    seen = {}

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or QApplication.activeWindow() is not dialog:
            QTimer.singleShot(10, handle)
            return
        fill(dialog, seen)

    QTimer.singleShot(0, handle)
    window.a_new_action.trigger()
    return seen


def _type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_new_action_with_a_typed_date_and_times(qtbot, empty_window):
    def fill(dialog, seen):
        dialog.zone_picker.set_zone("Europe/Paris")
        qtbot.keyClicks(dialog.title_edit, "Masks for the cameras")
        _type_into(qtbot, dialog.date_edit, "15/01/2027")
        _type_into(qtbot, dialog.start_edit, "9:30")
        _type_into(qtbot, dialog.end_edit, "11h")
        seen["shown"] = dialog.date_edit.text()
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)

    seen = _new_action(qtbot, empty_window, fill)
    assert seen["shown"] == "Fri, Jan 15, 2027"  # CLDR's order for English
    assert "Fri, Jan 15, 2027, 9:30" in empty_window.header_when.text()
    assert "11:00" in empty_window.header_when.text()


def test_a_date_that_cannot_be_read_is_refused_beside_the_field(qtbot, empty_window):
    def fill(dialog, seen):
        qtbot.keyClicks(dialog.title_edit, "Masks")
        _type_into(qtbot, dialog.date_edit, "31/02/2027")
        seen["beside"] = dialog.errors["date"].text()
        seen["visible"] = dialog.errors["date"].isVisible()
        _type_into(qtbot, dialog.start_edit, "25:00")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
        seen["open"] = dialog.isVisible()
        seen["start"] = dialog.errors["starts_at"].text()
        dialog.reject()

    seen = _new_action(qtbot, empty_window, fill)
    assert seen["visible"] and "“31/02/2027” is not a date" in seen["beside"]
    assert seen["open"] is True
    assert "“25:00” is not a time" in seen["start"]
    assert empty_window.actions_panel.model.rowCount() == 0


def test_month_names_in_the_ui_language(qtbot, empty_window):
    empty_window.apply_language("fr")
    try:

        def fill(dialog, seen):
            dialog.zone_picker.set_zone("Europe/Paris")
            qtbot.keyClicks(dialog.title_edit, "Enterrement")
            _type_into(qtbot, dialog.date_edit, "15 janvier 2027")
            _type_into(qtbot, dialog.start_edit, "9h30")
            _type_into(qtbot, dialog.end_edit, "11:00")
            seen["shown"] = dialog.date_edit.text()
            qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)

        seen = _new_action(qtbot, empty_window, fill)
        assert seen["shown"] == "ven. 15 janv. 2027"
        assert "15 janv. 2027" in empty_window.header_when.text()
    finally:
        empty_window.apply_language("en")


def test_overview_date_and_time_are_typed_and_refused_beside_the_field(qtbot, main_window):
    main_window.tab_actions[0].trigger()
    overview = main_window.tab_widgets["overview"]
    start = overview.fields["starts_at"]
    _type_into(qtbot, start, "9h45")
    assert "9:45" in main_window.header_when.text()
    _type_into(qtbot, start, "banana")
    assert "“banana” is not a time" in overview.errors["starts_at"].text()
    assert "9:45" in main_window.header_when.text()  # nothing saved
    _type_into(qtbot, overview.fields["date"], "4 June 2024")
    assert "Tue, Jun 4, 2024, 9:45" in main_window.header_when.text()


def test_a_task_s_due_date_is_typed_in_the_window_s_language(qtbot, main_window):
    """Ctrl+7, "Add…": the task dialog's due date reads "20 janvier 2027" in a French window
    and shows it back as the window writes dates (it was an ISO text field)."""
    from tests.ui.conftest import drive_modal
    from tests.ui.tabs_helpers import press_ok
    from ui.i18n_qt import apply_language

    window = main_window
    apply_language("fr")
    try:
        window.tab_actions[6].trigger()  # Affichage → Tâches (Ctrl+7)
        tasks = window.tab_widgets["tasks"]
        assert window.tabs.currentWidget() is tasks

        def fill(dialog):
            dialog.title_edit.setText("Louer la sono " + "très longue " * 20)  # QTest: ASCII only
            dialog.due.setText("20 janvier 2027")
            press_ok(dialog)

        drive_modal(tasks.add_button.click, fill)
        shown = [
            tasks.model.index(r, c).data()
            for r in range(tasks.model.rowCount())
            for c in range(tasks.model.columnCount())
        ]
    finally:
        apply_language("en")
    assert any(isinstance(t, str) and "20 janv. 2027" in t for t in shown), shown
