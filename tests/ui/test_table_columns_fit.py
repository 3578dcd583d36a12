"""A short column shows its whole word in every language: the task list's first column cut
"erledigt" to "erled…" in German, "por hacer" to "por …" in Spanish, "concluída" to
"concluí…" in Portuguese, in a table with room to spare."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui.models.props import TaskCol


def _cut_cells(table, column: int) -> list[str]:
    """The texts of ``column`` whose cell is narrower than what its delegate needs to show it."""
    model = table.model()
    width = table.columnWidth(column)
    return [
        str(model.index(row, column).data())
        for row in range(model.rowCount())
        if table.sizeHintForIndex(model.index(row, column)).width() > width
    ]


def _header_cut(table, column: int) -> bool:
    header = table.horizontalHeader()
    title = str(table.model().headerData(column, header.orientation()))
    return header.fontMetrics().horizontalAdvance(title) + 12 > table.columnWidth(column)


@pytest.mark.parametrize("language", ["de", "es", "pt", "ar", "fr", "it"])
def test_each_task_state_shows_whole(main_window, language):
    main_window.apply_language(language)
    main_window.show_tab("tasks")
    QApplication.processEvents()
    table = main_window.tab_widgets["tasks"].table
    assert table.model().rowCount() == 6  # the demo's: four to do, two done
    assert _cut_cells(table, TaskCol.DONE) == []
    assert not _header_cut(table, TaskCol.DONE)
    main_window.apply_language("en")


def test_the_task_states_fit_again_after_switching_language(main_window):
    main_window.show_tab("tasks")  # built in English
    table = main_window.tab_widgets["tasks"].table
    main_window.apply_language("es")
    QApplication.processEvents()
    assert _cut_cells(table, TaskCol.DONE) == []
    assert not _header_cut(table, TaskCol.DONE)
    main_window.apply_language("en")
    QApplication.processEvents()
    assert _cut_cells(table, TaskCol.DONE) == []


def test_a_column_the_user_widened_stays_as_wide(main_window):
    main_window.show_tab("tasks")
    table = main_window.tab_widgets["tasks"].table
    table.setColumnWidth(TaskCol.DUE, 300)
    main_window.apply_language("de")
    QApplication.processEvents()
    assert table.columnWidth(TaskCol.DUE) == 300
    main_window.apply_language("en")
