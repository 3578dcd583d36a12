"""Texts already shown, written again in a new language: UI messages switch (with their fields
kept), a user's own words never change, whatever they are."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.i18n import Translator
from app.i18n_retranslate import retranslate_text

FR, DE = Translator("fr"), Translator("de")


def test_a_message_switches_and_keeps_its_fields():
    shown = FR.gettext("Delete “{title}”").format(title="Funeral")
    assert retranslate_text(shown, "fr", "de") == DE.gettext("Delete “{title}”").format(
        title="Funeral"
    )
    assert retranslate_text("Change organisation settings", "en", "fr") == FR.gettext(
        "Change organisation settings"
    )
    assert retranslate_text(FR.gettext("Change organisation settings"), "fr", "en") == (
        "Change organisation settings"
    )


def test_a_plural_takes_its_count():
    text = FR.ngettext(
        "Purge due: {n} person past their retention date…",
        "Purge due: {n} people past their retention date…",
        17,
    ).format(n=17)
    assert retranslate_text(text, "fr", "en") == "Purge due: 17 people past their retention date…"


# Free text as users type it: Arabic, Devanagari, Greek, emoji, up to a title's length.
FREE = st.text(
    alphabet=st.sampled_from(list("abc XYZ—«»:…,.") + list("مرحبا") + list("नमस्ते") + ["Ω", "🎺"]),
    max_size=200,
)


@settings(max_examples=150, deadline=None)
@given(FREE)
def test_a_users_own_words_are_left_alone(text):
    assert retranslate_text(text, "fr", "de") == text
    assert retranslate_text(text, "en", "fr") == text
