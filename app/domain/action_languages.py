"""Which languages a new action is planned in, before anyone says: the languages of the place
it happens, not of the computer it is planned on.

The rule (docs/translations.md):
1. The official languages of the action's country (the organisation's country, Preferences →
   Default country), as CLDR lists them (``babel.languages.get_official_languages``): France →
   fr; Belgium → nl, fr, de; Switzerland → de, fr, it; Canada → en, fr. A country with no
   language official in law takes its de facto ones (the United States → en).
2. Then the UI language, only when the user chose it in Preferences (a Spanish organiser in
   Brussels who set Cortège to Spanish adds es); a language the system merely happens to use
   (en_US on a borrowed laptop) adds nothing.
3. No country: the UI language.
Codes are language codes ("fr", not "fr_FR"); the organiser edits the list on the Overview tab.
"""

from __future__ import annotations


def country_languages(country: str) -> list[str]:
    """The official languages of ``country`` (ISO 3166 code), CLDR's order; [] if unknown."""
    if not country:
        return []
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages

    try:
        codes = get_official_languages(country.upper()) or get_official_languages(
            country.upper(), de_facto=True
        )
    except Exception:  # an unknown territory
        return []
    out = []
    for code in codes:
        try:
            Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
        out.append(code)
    return out


def default_action_languages(
    country: str, ui_language: str, *, ui_language_chosen: bool
) -> list[str]:
    """The languages a new action starts with (see the module's rule)."""
    ui_code = (ui_language or "en").replace("-", "_").split("_")[0]
    out = country_languages(country)
    if not out or ui_language_chosen:
        out.append(ui_code)
    return list(dict.fromkeys(out))
