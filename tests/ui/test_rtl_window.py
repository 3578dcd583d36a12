"""Arabic lays the whole window out right to left, and back again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ui.i18n_qt import apply_language


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    apply_language("en")


def test_arabic_mirrors_the_whole_window(qtbot, main_window):
    main_window.apply_language("ar")
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    people = main_window.tab_widgets["people"]
    for widget in (
        main_window,
        main_window.menuBar(),
        main_window.tabs,
        people,
        main_window.actions_panel,
    ):
        assert widget.isRightToLeft(), widget.objectName()
    # the actions list is on the right now: the splitter's first pane is drawn last
    main_window.resize(1280, 820)
    qtbot.wait(10)
    panel = main_window.actions_panel.mapTo(main_window, main_window.actions_panel.rect().topLeft())
    assert panel.x() > main_window.width() // 2
    main_window.apply_language("fr")
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert not main_window.tabs.isRightToLeft()
