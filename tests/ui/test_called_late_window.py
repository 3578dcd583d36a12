"""A call time after the person is first needed shows on the Readiness tab, and opens them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest

from tests.ui.tabs_helpers import cell, press_ok, with_modal
from tests.ui.test_readiness_tab import rows_of
from ui.models.people import PersonCol
from ui.tabs.readiness_model import KIND_ROLE


def test_a_late_call_time_is_listed_under_people_and_opens_the_person(qtbot, main_window):
    w = main_window
    w.show_tab("people")
    tab = w.tab_widgets["people"]
    view = tab.people
    index = view.model().index(0, 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    alias = cell(tab.model, 0, PersonCol.ALIAS)

    def fill(dialog):
        dialog.call.time_edit.setTime(QTime(11, 20))
        press_ok(dialog)

    with_modal(lambda: view.findChild(QAction, "call_time_selected").trigger(), fill)
    w.show_tab("readiness")
    readiness = w.tab_widgets["readiness"]
    late = [i for i in rows_of(readiness) if i.data(KIND_ROLE) == "called-late"]
    assert len(late) == 1
    text = late[0].data().replace("\u202f", " ")
    assert text.startswith(f"{alias} is called at 11:20 AM, after their first cue “"), text
    assert late[0].siblingAtColumn(0).data().endswith("People")
    readiness.view.setCurrentIndex(late[0])
    readiness.view.setFocus()
    QTest.keyClick(readiness.view, Qt.Key.Key_Return)
    assert w.tabs.currentWidget() is w.tab_widgets["people"]
    selected = view.selectionModel().selectedRows()
    assert [cell(tab.model, i.row(), PersonCol.ALIAS) for i in selected] == [alias]
