"""Which languages are offered where: driven by the catalogues present, with a small table of
documents-only languages; language names in themselves; a new action's default languages."""

from __future__ import annotations

import pytest

import app.i18n as i18n
from app.domain.action_languages import country_languages, default_action_languages


@pytest.fixture
def catalogues(tmp_path, monkeypatch):
    """A translations folder holding catalogues for the given languages."""

    def make(*langs: str) -> None:
        for lang in langs:
            folder = tmp_path / lang / "LC_MESSAGES"
            folder.mkdir(parents=True)
            (folder / "messages.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")

    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    return make


def test_ui_languages_are_the_catalogues_but_not_the_documents_only_ones(catalogues):
    catalogues("fr", "de", "it", "ar", "el", "tr")
    assert i18n.ui_languages() == ["ar", "de", "en", "fr", "it"]
    docs = i18n.document_languages()
    assert docs[: len(i18n.ui_languages())] == i18n.ui_languages()
    assert {"el", "pl", "uk", "tr"} <= set(docs)  # with or without their catalogue


def test_portuguese_readers_choose_their_variant(catalogues):
    catalogues("pt")
    docs = i18n.document_languages()
    assert docs.index("pt") < docs.index("pt_PT") < docs.index("pt_BR")
    assert "pt_PT" not in i18n.ui_languages()
    # one catalogue, two formats: pt_PT takes the pt catalogue and European dates
    assert i18n.catalogue_language("pt_PT") == "pt"
    from datetime import date

    assert i18n.Translator("pt_PT").date(date(2024, 5, 28), "short") == "28/05/24"
    assert i18n.Translator("pt_BR").date(date(2024, 5, 28), "short") == "28/05/2024"


@pytest.mark.parametrize(
    ("code", "name"),
    [("de", "Deutsch"), ("fr", "français"), ("ar", "العربية"), ("el", "Ελληνικά")],
)
def test_language_names_in_their_own_language(code, name):
    assert i18n.endonym(code) == name
    assert i18n.language_label(code, "en").startswith(name)


def test_arabic_digits_follow_cldr():
    """CLDR's default numbering system for ``ar`` is Latin digits (since CLDR 42). Regional
    locales whose CLDR default is Arabic-Indic (ar_EG) keep Latin too: babel writes dates
    with Latin digits only, and one document must not mix the two."""
    from babel import Locale

    assert Locale.parse("ar").default_numbering_system == "latn"
    assert i18n.Translator("ar").number(1234) == "1,234"
    assert i18n.Translator("ar_EG").number(12) == "12"
    assert i18n.is_rtl("ar") and not i18n.is_rtl("el")


@pytest.mark.parametrize(
    ("country", "expected"),
    [("FR", ["fr"]), ("BE", ["nl", "fr", "de"]), ("CA", ["en", "fr"]), ("US", ["en"])],
)
def test_country_languages_are_cldrs_official_ones(country, expected):
    assert country_languages(country) == expected


def test_the_ui_language_joins_only_when_chosen():
    assert default_action_languages("FR", "en_US", ui_language_chosen=False) == ["fr"]
    assert default_action_languages("FR", "de_DE", ui_language_chosen=True) == ["fr", "de"]
    assert default_action_languages("FR", "fr", ui_language_chosen=True) == ["fr"]
    assert default_action_languages("", "es_ES", ui_language_chosen=False) == ["es"]
    assert default_action_languages("ZZ", "it", ui_language_chosen=False) == ["it"]
