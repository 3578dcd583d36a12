"""Nothing is cut at the default window size, in any language with a catalogue: the window
fits 1280 px, and each label, button, column title and short cell fits its widget.

Read with the committed catalogues: a failure in one language is fixed by layout (word wrap,
a shorter column title through its pgettext context, a minimum size), never by a smaller font."""

from __future__ import annotations

import pytest

from app.i18n import catalogue_language, ui_languages
from tests.ui.conftest import open_window
from tests.ui.layout_checks import DEFAULT_SIZE, each_page, flush_fields, truncations
from ui.i18n_qt import apply_language

LANGUAGES = [lang for lang in ui_languages() if lang == "en" or catalogue_language(lang)]


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    apply_language("en")


def _on_every_page(qtbot, demo_db, lang: str, check) -> list[str]:
    """What ``check(window, where)`` finds on each page of the window in ``lang``."""
    apply_language(lang)
    window = open_window(qtbot, demo_db)
    window.resize(*DEFAULT_SIZE)
    found = []
    for where in each_page(window):
        qtbot.wait(1)
        found += check(window, where)
    window.close()
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_cut_at_the_default_size(qtbot, demo_db, lang):
    found = _on_every_page(qtbot, demo_db, lang, truncations)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_field_touches_the_scroll_bar_of_its_form(qtbot, demo_db, lang):
    """The Press release form ran its fields up against its scroll bar, so that a line
    field's frame read as the scroll bar's and a long subheadline looked cut by it."""
    found = _on_every_page(qtbot, demo_db, lang, flush_fields)
    assert not found, "\n".join(found)


def test_the_form_keeps_off_its_scroll_bar_after_a_switch_to_arabic(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.resize(*DEFAULT_SIZE)
    window.show_tab("press")
    qtbot.wait(1)
    assert not flush_fields(window, "English")
    apply_language("ar")  # Preferences → Language, the window open: the scroll bar goes left
    qtbot.wait(1)
    found = flush_fields(window, "Arabic")
    window.close()
    assert not found, "\n".join(found)
