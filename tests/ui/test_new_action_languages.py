"""A new action's languages come from its country (CLDR's official languages) and from the
UI language only when the user chose it, never from the computer's locale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_typed_dates import _new_action


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    from ui.i18n_qt import apply_language

    apply_language("en")


def _set_country(window, code: str, *, lang: str | None = None) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    window.a_prefs.trigger()
    dialog = window.preferences
    dialog.country_combo.setCurrentIndex(dialog.country_combo.findData(code))
    if lang is not None:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(lang))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _created_languages(qtbot, window) -> list[str]:
    def fill(dialog, seen):
        qtbot.keyClicks(dialog.title_edit, "Masks for the cameras")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)

    _new_action(qtbot, window, fill)
    from app.domain.models import Action

    with window.ctx.store.session() as session:
        return list(session.get(Action, window.action_id).languages)


@pytest.mark.parametrize(
    ("country", "expected"),
    [("FR", ["fr"]), ("BE", ["nl", "fr", "de"]), ("CH", ["de", "fr", "it"]), ("US", ["en"])],
)
def test_a_new_action_speaks_its_countrys_languages(qtbot, empty_window, country, expected):
    _set_country(empty_window, country)
    assert _created_languages(qtbot, empty_window) == expected


def test_the_chosen_ui_language_is_added(qtbot, empty_window):
    _set_country(empty_window, "BE", lang="es")
    assert _created_languages(qtbot, empty_window) == ["nl", "fr", "de", "es"]


def test_without_a_country_the_ui_language(qtbot, empty_window):
    _set_country(empty_window, "")
    assert _created_languages(qtbot, empty_window) == ["en"]
