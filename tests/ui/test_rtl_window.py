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


def _shown_texts(view) -> list[str]:
    """Every text the Readiness tab's list shows, groups and the rows under them."""
    from PySide6.QtCore import QModelIndex

    model, out = view.model(), []

    def walk(parent) -> None:
        for row in range(model.rowCount(parent)):
            for col in range(model.columnCount(parent)):
                text = model.index(row, col, parent).data()
                if isinstance(text, str):
                    out.append(text)
            walk(model.index(row, 0, parent))

    walk(QModelIndex())
    return out


def test_arabic_readiness_keeps_a_latin_cue_apart_from_its_time(qtbot, main_window):
    """In the Arabic window "«Photo call for the press» (10:25 ص)" came out "(10:25 و) ص": the
    time after a Latin title joined the title. The titles are isolated from the sentence in
    Arabic; in English, where nothing can move, the row holds no invisible marks."""
    w = main_window
    w.apply_language("ar")
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Readiness
    view = w.tab_widgets["readiness"].view
    finch = [t for t in _shown_texts(view) if t.startswith("\u2068Finch\u2069")]
    assert finch and "«\u2068Wreath laid on the coffin\u2069»" in finch[0], finch
    w.apply_language("en")
    finch = [t for t in _shown_texts(view) if "Finch" in t and "Wreath" in t]
    assert finch and not any(c in finch[0] for c in "\u2066\u2067\u2068\u2069"), finch
