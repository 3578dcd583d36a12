"""A switch of language in Preferences leaves no word of the old one: every text of the window
after the switch equals what a window started in that language shows."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import open_window
from tests.ui.i18n_helpers import window_texts
from ui.i18n_qt import apply_language


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    apply_language("en")


def _preferences(window, *, lang: str | None = None, retention: int = 45) -> None:
    """Open Preferences from the menu, change the retention (an undoable edit) and perhaps the
    language, press OK."""
    window.a_prefs.trigger()
    dialog = window.preferences
    dialog.retention_spin.setValue(retention)
    if lang is not None:
        index = dialog.language_combo.findData(lang)
        assert index >= 0, lang
        dialog.language_combo.setCurrentIndex(index)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _fresh(qtbot, demo_db, lang: str, tab: int):
    apply_language(lang)
    window = open_window(qtbot, demo_db)
    _preferences(window)
    window.tabs.setCurrentIndex(tab)
    return window


@pytest.mark.parametrize(("first", "second"), [("fr", "de"), ("en", "fr")])
def test_switching_language_leaves_no_word_of_the_old_one(qtbot, demo_db, tmp_path, first, second):
    import shutil

    (tmp_path / "fresh").mkdir()
    fresh_db = tmp_path / "fresh" / demo_db.name  # the same name: the same window title
    shutil.copy(demo_db, fresh_db)
    apply_language(first)
    window = open_window(qtbot, demo_db)
    window.tabs.setCurrentIndex(3)
    before = window_texts(window)
    _preferences(window, lang=second)
    switched = {t.replace(str(demo_db), "<file>") for t in window_texts(window)}
    window.close()

    fresh = _fresh(qtbot, fresh_db, second, 3)
    expected = {t.replace(str(fresh_db), "<file>") for t in window_texts(fresh)}
    fresh.close()
    assert before != switched
    left_over = sorted(switched - expected)
    missing = sorted(expected - switched)
    report = "\n".join(["left over:", *left_over, "missing:", *missing])
    assert not left_over and not missing, report


def test_date_fields_take_the_order_of_the_ui_language(qtbot, demo_db):
    """No English field order in German: CLDR's own pattern, and QLocale follows the UI."""
    from PySide6.QtCore import QLocale

    apply_language("de")
    window = open_window(qtbot, demo_db)
    window.tabs.setCurrentIndex(0)
    field = window.tab_widgets["overview"].fields["date"]
    assert field.text() == "Di., 28. Mai 2024"
    assert QLocale().name() == "de_DE"
    window.a_prefs.trigger()
    dialog = window.preferences
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert field.text() == "mar. 28 mai 2024"
    assert QLocale().name() == "fr_FR"
    window.close()


def test_language_pickers_name_each_language_in_itself(qtbot, main_window):
    apply_language("fr")
    main_window.apply_language("fr")
    main_window.a_prefs.trigger()
    combo = main_window.preferences.language_combo
    names = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert names["de"] == "Deutsch — allemand"
    assert names["fr"] == "français"
    assert names["es"] == "español — espagnol"
    main_window.preferences.reject()
