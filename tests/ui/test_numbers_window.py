"""Numbers typed in the real window: one strict rule in every UI language, never rescaled.

Before the fix "45,50" saved a cost of 4550 in English and "12.50" saved 1250 in German.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QWidget

from app.i18n import _, set_ui_language
from app.numbers import number_text
from tests.ui.conftest import open_window
from tests.ui.tabs_helpers import press_ok, row_of_text, select_row, with_modal
from ui.models.props import PropCol

COFFIN = "Coffin marked PRIVACY"

QUOTES = {"en": ("“", "”"), "de": ("„", "“"), "es": ("«", "»"), "fr": ("«\u00a0", "\u00a0»")}


def _prop_cost(window, name: str):
    from app.services import views

    rows = window.ctx.query(views.prop_rows, window.action_id)
    return next(r.cost for r in rows if r.name == name)


def _edit_coffin(qtbot, window, fill):
    window.show_tab("props")
    tab = window.tab_widgets["props"]
    select_row(tab.table, row_of_text(tab.model, PropCol.NAME, COFFIN))
    return with_modal(tab.edit_button.click, fill)


@pytest.fixture
def window_in(qtbot, demo_db):
    windows = []

    def make(lang: str):
        set_ui_language(lang)
        window = open_window(qtbot, demo_db)
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.close()


@pytest.mark.parametrize(
    ("lang", "typed", "hint", "good", "stored", "shown"),
    [
        ("en", "45,50", "45.50", "45.50", Decimal("45.50"), "45.50"),
        ("en", "1,5", "1.50", "1,234.5", Decimal("1234.50"), "1234.50"),
        ("de", "12.50", "12,50", "12,50", Decimal("12.50"), "12,50"),
        ("es", "12.50", "12,50", "1.234,5", Decimal("1234.50"), "1234,50"),
    ],
)
def test_an_ambiguous_cost_is_refused_with_its_reading_then_the_value_is_stored_as_meant(
    qtbot, window_in, lang, typed, hint, good, stored, shown
):
    window = window_in(lang)
    before = _prop_cost(window, COFFIN)
    seen = {}

    def fill(dialog):
        dialog.cost.setText(typed)
        press_ok(dialog)
        seen["error"] = dialog.error_text("cost")
        seen["label"] = dialog.findChild(QWidget, "cost_error").text()
        seen["open"] = dialog.isVisible()
        seen["saved"] = _prop_cost(window, COFFIN)
        dialog.cost.clear()
        qtbot.keyClicks(dialog.cost, good)
        seen["cleared"] = dialog.error_text("cost")
        press_ok(dialog)

    _edit_coffin(qtbot, window, fill)
    assert seen["open"] and seen["saved"] == before
    opening, closing = QUOTES[lang]  # the message quotes as the language does
    assert f"{opening}{typed}{closing}" in seen["error"] and f" {hint}?" in seen["error"]
    assert seen["label"] == f"⚠ {seen['error']}"
    assert seen["cleared"] == ""  # the error went as soon as the text was a number
    assert _prop_cost(window, COFFIN) == stored

    def look(dialog):
        seen["reopened"] = dialog.cost.text()
        dialog.reject()

    _edit_coffin(qtbot, window, look)
    assert seen["reopened"] == shown


def test_a_cost_with_a_third_decimal_is_never_rounded_or_grouped(qtbot, window_in):
    window = window_in("en")
    before = _prop_cost(window, COFFIN)
    seen = {}

    def fill(dialog):
        dialog.cost.setText("1.500")  # a German habit for 1500, or 1.5?
        press_ok(dialog)
        seen["error"] = dialog.error_text("cost")
        dialog.reject()

    _edit_coffin(qtbot, window, fill)
    assert seen["error"] == "has more than 2 decimals: “1.500” — did you mean 1500.00?"
    assert _prop_cost(window, COFFIN) == before


def test_every_problem_of_the_prop_form_is_shown_at_once(qtbot, window_in):
    window = window_in("de")
    seen = {}

    def fill(dialog):
        dialog.name.clear()
        dialog.quantity.setText("1,5")
        dialog.cost.setText("12.50")
        press_ok(dialog)
        seen["errors"] = {n: dialog.error_text(n) for n in ("name", "quantity", "cost")}
        dialog.reject()

    _edit_coffin(qtbot, window, fill)
    assert all(seen["errors"].values()), seen["errors"]


def _cue_minutes(window, title: str) -> int:
    from app.services import views

    rows = window.ctx.query(views.schedule_rows, window.action_id)
    return next(r.minutes for r in rows if r.title == title)


@pytest.mark.parametrize("lang", ["en", "de", "es"])
def test_minutes_and_people_needed_take_whole_numbers_only(qtbot, window_in, lang):
    from app.services import views

    window = window_in(lang)
    window.show_tab("people")
    people = window.tab_widgets["people"]
    roles = people.roles
    role_rows = window.ctx.query(views.role_rows, window.action_id)
    first = role_rows[0]
    select_row(roles, roles.model().row_of(first.id))
    seen = {}

    def fill(dialog):
        dialog.needed.setText("1.000" if lang == "en" else "1,000")
        press_ok(dialog)
        seen["error"] = dialog.error_text("needed")
        dialog.needed.setText("1.5" if lang == "en" else "1,5")
        press_ok(dialog)
        seen["half"] = dialog.error_text("needed")
        dialog.reject()

    with_modal(people.edit_role_button.click, fill)
    assert seen["error"].startswith(_("must be a whole number"))
    assert "1000?" in seen["error"]  # how it reads the other way
    assert seen["half"].startswith(_("must be a whole number"))
    after = window.ctx.query(views.role_rows, window.action_id)[0]
    assert after.needed == first.needed


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    lang=st.sampled_from(["en", "de", "es"]),
    value=st.one_of(
        st.sampled_from([Decimal("90"), Decimal("-90"), Decimal("0"), Decimal("-0.000001")]),
        st.decimals(min_value=-90, max_value=90, places=6, allow_nan=False),
    ),
)
def test_a_latitude_typed_as_shown_is_stored_exactly_at_the_bounds_too(
    qtbot, main_window, lang, value
):
    set_ui_language(lang)
    tab = main_window.tab_widgets["overview"]
    field = tab.fields["latitude"]
    field.setText(number_text(value, locale=lang, decimals=None))
    field.editingFinished.emit()
    assert not tab.errors["latitude"].message
    stored = main_window.ctx.query(_latitude, main_window.action_id)
    assert stored == float(value)
    assert field.text() == number_text(value, locale=lang, decimals=None)


def _latitude(session, action_id):
    from app.services.edits import get

    return get(session, "action", action_id).latitude


@pytest.mark.parametrize(
    ("lang", "typed", "hint"),
    [("en", "90,5", "90.5"), ("de", "90.5", "90,5"), ("es", "-90.5", "-90,5")],
)
def test_a_latitude_beyond_the_bound_in_the_other_notation_is_refused(
    main_window, lang, typed, hint
):
    set_ui_language(lang)
    tab = main_window.tab_widgets["overview"]
    before = main_window.ctx.query(_latitude, main_window.action_id)
    tab.fields["latitude"].setText(typed)
    tab.fields["latitude"].editingFinished.emit()
    opening, closing = QUOTES[lang]
    assert f"{opening}{typed}{closing}" in tab.errors["latitude"].message
    assert f" {hint}?" in tab.errors["latitude"].message
    assert main_window.ctx.query(_latitude, main_window.action_id) == before


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    lang=st.sampled_from(["en", "de", "es"]),
    value=st.one_of(
        st.sampled_from([Decimal("0.00"), Decimal("0.01"), Decimal("9999999999.99")]),
        st.decimals(min_value=0, max_value=Decimal("9999999999.99"), places=2, allow_nan=False),
    ),
    grouped=st.booleans(),
)
def test_a_cost_typed_in_the_ui_notation_is_stored_exactly_at_the_bounds_too(
    main_window, lang, value, grouped
):
    from babel.numbers import format_decimal

    set_ui_language(lang)
    tab = main_window.tab_widgets["props"]
    main_window.show_tab("props")
    row = tab.model.row_at(row_of_text(tab.model, PropCol.NAME, COFFIN))
    dialog = tab._dialog(row)  # the editor the Edit button opens, driven without exec()
    text = format_decimal(value, format="#,##0.00" if grouped else "0.00", locale=lang)
    dialog.cost.setText(text)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.error_text("cost") == ""
    assert _prop_cost(main_window, COFFIN) == value
    dialog.deleteLater()
