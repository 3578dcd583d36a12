"""Nothing is cut at the default window size, in any language with a catalogue: the window
fits 1280 px, and each label, button, column title and short cell fits its widget.

Read with the committed catalogues: a failure in one language is fixed by layout (word wrap,
a shorter column title through its pgettext context, a minimum size), never by a smaller font."""

from __future__ import annotations

import pytest

from app.i18n import catalogue_language, ui_languages
from tests.ui.conftest import open_window
from tests.ui.layout_checks import DEFAULT_SIZE, each_page, truncations
from ui.i18n_qt import apply_language

LANGUAGES = [lang for lang in ui_languages() if lang == "en" or catalogue_language(lang)]


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    apply_language("en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_cut_at_the_default_size(qtbot, demo_db, lang):
    apply_language(lang)
    window = open_window(qtbot, demo_db)
    window.resize(*DEFAULT_SIZE)
    found = []
    for where in each_page(window):
        qtbot.wait(1)
        found += truncations(window, where)
    window.close()
    assert not found, "\n".join(found)
