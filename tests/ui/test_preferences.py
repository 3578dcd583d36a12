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
