"""No two things a user reaches with the same Alt+letter at the same time, in any language with
a catalogue: the menu bar, each menu, and each page of the window with the menu bar's titles.

The translated catalogues are read as committed: a clash found in French, German or Spanish is
a catalogue fix (translations/…), and this test fails until it is made."""

from __future__ import annotations

import pytest

from app.i18n import catalogue_language, ui_languages
from tests.ui.conftest import open_window
from tests.ui.layout_checks import each_page, menu_clashes, page_clashes
from ui.i18n_qt import apply_language

LANGUAGES = [lang for lang in ui_languages() if lang == "en" or catalogue_language(lang)]


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    apply_language("en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_accelerator_is_used_twice(qtbot, demo_db, lang):
    apply_language(lang)
    window = open_window(qtbot, demo_db)
    found = menu_clashes(window)
    for where in each_page(window):
        found += page_clashes(window, where)
    window.close()
    assert not found, "\n".join(found)
