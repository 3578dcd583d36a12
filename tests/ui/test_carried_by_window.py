"""The "Carried by" list of 29 names shows who is ticked: first in the list, and named under it.
Before the fix the ticked people sat among the others in alphabetical order, out of sight."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.services import edits, views
from app.services.changes import EVERYTHING
from tests.ui.tabs_helpers import press_ok, row_of_text, select_row, with_modal
from ui.models.props import PropCol


def _crowd(window, n: int) -> None:
    """Assign people until the action has ``n`` of them (aliases that sort before the demo's)."""
    have = len(window.ctx.query(views.people_choices, window.action_id))
    with window.ctx.store.session() as s:
        role = views.role_rows(s, window.action_id)[0].id
        for i in range(n - have):
            pid = edits.create(s, "participant", alias=f"Aardvark {i:02d}")
            edits.create(
                s, "assignment", action_id=window.action_id, participant_id=pid, role_id=role
            )
    window.ctx.changed.emit(EVERYTHING)


def test_the_ticked_carriers_come_first_and_are_named_under_the_list(qtbot, main_window):
    _crowd(main_window, 29)
    main_window.show_tab("props")
    tab = main_window.tab_widgets["props"]
    select_row(tab.table, row_of_text(tab.model, PropCol.NAME, "Coffin marked PRIVACY"))
    seen = {}

    def fill(dialog):
        carriers = dialog.carriers
        seen["count"] = carriers.count()
        seen["first"] = [carriers.item(i).text() for i in range(2)]
        seen["checked"] = [carriers.item(i).checkState() == Qt.CheckState.Checked for i in range(3)]
        summary = dialog.findChild(QLabel, "carriers_ticked")
        seen["summary"] = summary.text()
        seen["summary_shown"] = summary.isVisible()
        carriers.set_checked("Aardvark 05")
        seen["after_tick"] = summary.text()
        press_ok(dialog)

    with_modal(tab.edit_button.click, fill)
    assert seen["count"] == 29
    assert seen["first"] == ["Crow", "Heron"] and seen["checked"] == [True, True, False]
    assert seen["summary_shown"] and seen["summary"] == "Ticked (2): Crow and Heron"
    assert seen["after_tick"] == "Ticked (3): Crow, Heron, and Aardvark 05"
    row = row_of_text(tab.model, PropCol.NAME, "Coffin marked PRIVACY")
    assert "Aardvark 05" in tab.model.data(tab.model.index(row, PropCol.CARRIERS))
