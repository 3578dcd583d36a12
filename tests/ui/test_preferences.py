"""Preferences: organisation settings as one undo step, refusals beside the field, UI language."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox


def _settings(window):
    from app.services.settings import read_settings

    return window.ctx.query(read_settings)


def _ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_settings_are_saved_as_one_undo_step(qtbot, main_window):
    from ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(main_window, main_window.ctx)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Privacy Now")
    dialog.currency_edit.setText("chf")
    dialog.retention_spin.setValue(45)
    _ok(dialog)
    s = _settings(main_window)
    assert (s.name, s.currency, s.retention_days) == ("Privacy Now", "CHF", 45)
    assert main_window.a_undo.text().replace("&", "") == "Undo Change organisation settings"
    main_window.a_undo.trigger()
    assert _settings(main_window).currency == "EUR"


def test_a_bad_currency_is_refused_beside_the_field(qtbot, main_window):
    from ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(main_window, main_window.ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.currency_edit.setText("XYZ")
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.errors["currency"].text() == "'XYZ' is not an ISO 4217 currency code"
    assert _settings(main_window).currency == "EUR"


def test_the_ui_language_is_remembered_and_applied(qtbot, main_window):
    from ui import settings_store
    from ui.dialogs.preferences import PreferencesDialog

    chosen = []
    dialog = PreferencesDialog(main_window, main_window.ctx, on_language=chosen.append)
    qtbot.addWidget(dialog)
    index = dialog.language_combo.findData("en")
    dialog.language_combo.setCurrentIndex(index)
    _ok(dialog)
    assert chosen == ["en"]
    assert settings_store.ui_language() == "en"
    main_window.apply_language("en")
    assert main_window.tabs.tabText(0) == "Overview"


def _spin_texts(window, spin: str, values: list[int]) -> list[str]:
    """What the spin box of Preferences (opened from the Edit menu) shows for each value."""
    window.a_prefs.trigger()
    box = getattr(window.preferences, spin)
    shown = []
    for value in values:
        box.setValue(value)
        shown.append(box.lineEdit().text())
    window.preferences.reject()
    return shown


def test_the_retention_says_day_or_days_as_the_language_counts(qtbot, demo_db):
    """'1 days' in English, '30 يوم' in Arabic (which wants 'يومًا' after 11-99): the unit
    follows the number's plural form (CLDR's), in the language of the window."""
    from tests.ui.conftest import open_window
    from ui.i18n_qt import apply_language

    expected = {
        "en": ["0 days", "1 day", "2 days", "45 days"],
        "fr": ["0\u00a0jour", "1\u00a0jour", "2\u00a0jours", "45\u00a0jours"],
        "ar": ["0 يوم", "1 يوم", "3 أيام", "45 يومًا", "100 يوم"],
    }
    try:
        for lang, texts in expected.items():
            apply_language(lang)
            window = open_window(qtbot, demo_db)
            values = [0, 1, 3, 45, 100] if lang == "ar" else [0, 1, 2, 45]
            assert _spin_texts(window, "retention_spin", values) == texts, lang
            window.close()
    finally:
        apply_language("en")


def test_typing_a_retention_keeps_the_cursor_after_the_digits(qtbot, main_window):
    """The unit changes while typing (1 day → 12 days): the digits typed go in order."""
    from PySide6.QtCore import Qt

    main_window.a_prefs.trigger()
    box = main_window.preferences.retention_spin
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "120")
    assert box.value() == 120
    assert box.lineEdit().text() == "120 days"
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Backspace)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Backspace)
    assert box.lineEdit().text() == "1 day"
    main_window.preferences.reject()
