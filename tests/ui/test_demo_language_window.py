"""A first start in French, German or Spanish shows the demo written in that language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView

from tests.ui.conftest import open_window


@pytest.mark.parametrize(
    ("lang", "title", "cue"),
    [
        ("fr", "Funérailles de la vie privée au Père-Lachaise", "Éloge funèbre de la vie privée"),
        (
            "de",
            "Trauerfeier für die Privatsphäre am Père-Lachaise",
            "Grabrede auf die Privatsphäre",
        ),
        ("es", "Funeral por la privacidad en el Père-Lachaise", "Elogio fúnebre de la privacidad"),
    ],
)
def test_first_start_shows_the_demo_in_the_ui_language(qtbot, tmp_path, lang, title, cue):
    from app.i18n import set_ui_language, ui_language
    from ui.i18n_qt import apply_language

    before = ui_language()
    apply_language(lang)
    set_ui_language(lang)
    try:
        window = open_window(qtbot, tmp_path / "first.sqlite3", add_demo=True)
        assert window.header_title.text() == title
        keys = list(window.tab_widgets)
        window.tab_actions[keys.index("schedule")].trigger()
        schedule = window.tab_widgets["schedule"]
        shown = [
            view.model().index(row, col).data()
            for view in schedule.findChildren(QTableView)
            for row in range(view.model().rowCount())
            for col in range(view.model().columnCount())
        ]
        assert cue in shown
        assert "Eulogy for privacy" not in shown
        window.close()
    finally:
        apply_language(before)
        set_ui_language(before)
