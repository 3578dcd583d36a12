"""The Props tab: costs and their total, carriers, cue usage, status filter, validation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.i18n import set_ui_language
from app.services.settings import update_settings
from tests.ui.tabs_helpers import (
    cell,
    column_texts,
    count_resets,
    host,
    press_ok,
    row_of_text,
    select_row,
    with_modal,
)
from ui.context import AppContext
from ui.models.props import PropCol
from ui.tabs.props import PropsTab


@pytest.fixture
def ctx(demo_store):
    return AppContext(demo_store)


@pytest.fixture
def tab(qtbot, ctx, demo_id):
    return host(qtbot, ctx, PropsTab, demo_id)


def names(tab) -> list[str]:
    return column_texts(tab.model, PropCol.NAME)


def test_props_with_cost_total_carriers_and_cue_times(tab):
    assert tab.model.rowCount() == 7
    assert tab.total.text() == "Total: €372.00"
    coffin = row_of_text(tab.model, PropCol.NAME, "Coffin marked PRIVACY")
    assert cell(tab.model, coffin, PropCol.COST) == "€35.00"
    assert cell(tab.model, coffin, PropCol.CARRIERS) == "Crow, Heron"
    assert cell(tab.model, coffin, PropCol.USED_IN).startswith("9:45\u202fAM, 10:00\u202fAM")
    tip = cell(tab.model, coffin, PropCol.USED_IN, Qt.ItemDataRole.ToolTipRole)
    assert "Hearse parks at the gate" in tip
    wreath = row_of_text(tab.model, PropCol.NAME, "Wreath “Rest in Peace Privacy”")
    assert cell(tab.model, wreath, PropCol.CARRIERS) == "⚠ nobody"
    assert cell(tab.model, wreath, PropCol.CARRIERS, Qt.ItemDataRole.ForegroundRole) is not None


def test_total_follows_the_organisation_currency_and_ui_locale(qtbot, ctx, demo_store, demo_id):
    with demo_store.session() as s:
        update_settings(s, currency="USD")
    set_ui_language("fr")
    tab = host(qtbot, ctx, PropsTab, demo_id)
    assert "372,00\xa0$US" in tab.total.text()


def test_status_filter_and_text_filter(qtbot, tab, ctx):
    tab.status.setCurrentIndex(tab.status.findData("needed"))
    assert tab.model.rowCount() == 0
    assert tab.table.empty_text() == "No prop matches the filter"
    assert tab.total.text() == "Total of the props shown: €0.00"
    tab.status.setCurrentIndex(tab.status.findData("ready"))
    assert tab.model.rowCount() == 7
    qtbot.keyClicks(tab.filter, "wreath")
    assert names(tab) == ["Wreath “Rest in Peace Privacy”"]
    assert tab.total.text() == "Total of the props shown: €45.00"


def test_add_prop_with_negative_quantity_is_refused_beside_the_field(qtbot, tab, ctx):
    resets = count_resets(tab.model)
    reasons = []

    def fill(dialog):
        qtbot.keyClicks(dialog.name, "Candles")
        dialog.quantity.setText("-3")
        dialog.cost.setText("-1")
        press_ok(dialog)
        reasons.append((dialog.error_text("quantity"), dialog.error_text("cost")))
        dialog.quantity.setText("12")
        dialog.cost.setText("abc")
        press_ok(dialog)
        reasons.append(dialog.error_text("cost"))
        dialog.cost.setText("18.5")
        dialog.status.setCurrentIndex(dialog.status.findData("needed"))
        dialog.carriers.set_checked("Robin")
        press_ok(dialog)

    with_modal(tab.add_button.click, fill)
    assert reasons == [
        ("must not be negative", "must not be negative"),
        "“abc” is not a number (like 1234.50)",
    ]
    candles = row_of_text(tab.model, PropCol.NAME, "Candles")
    assert cell(tab.model, candles, PropCol.QUANTITY) == "12"
    assert cell(tab.model, candles, PropCol.STATUS) == "needed"
    assert cell(tab.model, candles, PropCol.COST) == "€18.50"
    assert cell(tab.model, candles, PropCol.CARRIERS) == "Robin"
    assert tab.total.text() == "Total: €390.50"
    assert ctx.undo_stack.count() == 1 and resets == []


def test_edit_carriers_and_delete_with_undo(qtbot, tab, ctx):
    wreath = row_of_text(tab.model, PropCol.NAME, "Wreath “Rest in Peace Privacy”")
    select_row(tab.table, wreath)

    def fill(dialog):
        dialog.carriers.set_checked("Wren")
        press_ok(dialog)

    with_modal(lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Return), fill)
    assert cell(tab.model, wreath, PropCol.CARRIERS) == "Wren"
    select_row(tab.table, wreath)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert "Wreath “Rest in Peace Privacy”" not in names(tab)
    assert tab.total.text() == "Total: €327.00"
    ctx.undo_stack.undo()
    assert "Wreath “Rest in Peace Privacy”" in names(tab)
    assert tab.focus_entity("prop", tab.model.id_at(wreath))


def test_no_action_and_empty_props(qtbot, ctx):
    tab = host(qtbot, ctx, PropsTab, None)
    assert tab.table.empty_text() == "Select an action to see its props"
    assert not tab.add_button.isEnabled()


def test_costs_follow_a_currency_change_made_while_the_tab_is_open(tab, ctx, demo_store):
    from app.services.changes import Change

    with demo_store.session() as s:
        update_settings(s, currency="CHF")
    ctx.changed.emit(Change("settings", (1,), "updated", None))
    coffin = row_of_text(tab.model, PropCol.NAME, "Coffin marked PRIVACY")
    assert cell(tab.model, coffin, PropCol.COST) == "CHF35.00"
    assert tab.total.text() == "Total: CHF372.00"
