"""Rules for declaring a demonstration, kept as data so more countries can be added.

Notice is counted in *clear days* (jours francs): neither the day the authority receives the
declaration nor the day of the event counts. France: received at least 3 and at most 15 clear
days before, signed by three of the organisers (Code de la sécurité intérieure, L211-2).

United Kingdom (England and Wales): 6 clear days' written notice for a public *procession*
(Public Order Act 1986, s. 11). A static assembly needs no advance notice: s. 14 only lets the
police impose conditions on it. So Cortège writes the notice only for an action that moves (a
route of at least two places) and asks nothing of a static one. Scotland (Civic Government
(Scotland) Act 1982, s. 62) and Northern Ireland (Public Processions (NI) Act 1998) have
rules of their own that Cortège does not know: the letter says it is for England and Wales.

To add a country, add a ``DeclarationRule`` to ``RULES`` (and, for the letter, a template in
``app/exports/declaration.py`` for its ``letter_language``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.i18n import N_


@dataclass(frozen=True)
class DeclarationRule:
    country: str
    min_clear_days: int
    max_clear_days: int | None
    authority_default: str
    authority_by_city: dict[str, str]
    legal_basis: str
    #: the language the authority reads the letter in
    letter_language: str = "en"
    #: what the law requires the declaration to contain (labels, marked for translation)
    required_content: tuple[str, ...] = ()
    #: how many organisers must sign
    min_signatures: int = 1
    #: postal-code prefixes that mean a city with its own authority (75xxx: Paris)
    city_by_postcode: dict[str, str] = field(default_factory=dict)
    #: what happens to those who do not declare (shown by the assistant)
    penalty: str = ""
    #: notice is only required for an action that moves (GB: s. 11 covers processions only)
    processions_only: bool = False
    #: why nothing is due for a static assembly (shown instead of the window)
    static_note: str = ""


RULES: dict[str, DeclarationRule] = {
    "FR": DeclarationRule(
        country="FR",
        min_clear_days=3,
        max_clear_days=15,
        # Translators: where a French declaration goes when Cortège does not know the city;
        # "mairie" and "préfecture" are French institutions: keep them as words in French.
        authority_default=N_("Mairie (or the préfecture where the State runs the police)"),
        authority_by_city={
            "paris": "Préfecture de police",
            "marseille": "Préfecture de police des Bouches-du-Rhône",
        },
        # A citation of the law stays in the law's own language (never translated).
        legal_basis="Code de la sécurité intérieure, art. L211-1 à L211-4 ; Code pénal, art. 431-9",
        letter_language="fr",
        required_content=(
            N_("names and home addresses of the organisers"),
            N_("the signatures of three of the organisers"),
            N_("purpose of the demonstration"),
            N_("place, date and time of assembly"),
            N_("route, if it moves"),
        ),
        min_signatures=3,
        city_by_postcode={"75": "paris"},
        penalty=N_(
            "Organising an undeclared or falsely declared demonstration: six months in prison "
            "and a €7,500 fine (Code pénal, art. 431-9)."
        ),
    ),
    "GB": DeclarationRule(
        country="GB",
        min_clear_days=6,
        max_clear_days=None,
        authority_default=N_("The police force of the area where the procession starts"),
        authority_by_city={"london": "Metropolitan Police Service"},
        legal_basis="Public Order Act 1986, s. 11 (England and Wales)",
        letter_language="en_GB",
        required_content=(
            N_("date and time of the procession"),
            N_("proposed route"),
            N_("name and address of the organiser"),
        ),
        min_signatures=1,
        penalty=N_(
            "Organising a public procession without due notice is an offence "
            "(Public Order Act 1986, s. 11(7))."
        ),
        processions_only=True,
        static_note=N_(
            "A static assembly needs no advance notice in England and Wales: section 11 of "
            "the Public Order Act 1986 covers processions only (under section 14 the police "
            "may still impose conditions). Give the action a route of two places or more if "
            "it moves."
        ),
    ),
}


def rule_for(country: str | None) -> DeclarationRule | None:
    return RULES.get((country or "").upper())


def moves(route: list | tuple | None) -> bool:
    """An action with a route of two places or more is a procession; else it is static."""
    return len([r for r in (route or []) if isinstance(r, str) and r.strip()]) >= 2


def notice_required(rule: DeclarationRule, route: list | tuple | None) -> bool:
    return not rule.processions_only or moves(route)


def clear_days(received: date, event: date) -> int:
    """Whole days strictly between receipt and the event."""
    return (event - received).days - 1


def window(rule: DeclarationRule, event: date) -> tuple[date | None, date]:
    """(first, last) day the declaration may be received; first is None without a maximum."""
    last = event - timedelta(days=rule.min_clear_days + 1)
    first = None
    if rule.max_clear_days is not None:
        first = event - timedelta(days=rule.max_clear_days + 1)
    return first, last


def in_time(rule: DeclarationRule, received: date, event: date) -> bool:
    """Whether a declaration received that day respects the notice the rule asks for."""
    n = clear_days(received, event)
    return n >= rule.min_clear_days and (rule.max_clear_days is None or n <= rule.max_clear_days)


def authority_for(rule: DeclarationRule, city: str) -> str:
    """The named authority of ``city``, else the general hint in the UI language."""
    from app.i18n import _

    return rule.authority_by_city.get(city.strip().lower()) or _(rule.authority_default)


_POSTCODE_CITY = re.compile(r"\b(\d{4,5})\s+([^\d,;\n]+)")


def city_of(rule: DeclarationRule, address: str, location_name: str = "") -> str:
    """The city an address names (``…, 75020 Paris`` -> ``paris``), or ""."""
    for text in (address, location_name):
        match = _POSTCODE_CITY.search(text or "")
        if match:
            code, name = match.group(1), match.group(2)
            for prefix, city in rule.city_by_postcode.items():
                if code.startswith(prefix) and len(code) == 5:
                    return city
            return name.strip().split(" ")[0].lower() if name.strip() else ""
    for text in (address, location_name):
        for city in rule.authority_by_city:
            if re.search(rf"\b{re.escape(city)}\b", (text or "").lower()):
                return city
    return ""


def suggest_authority(rule: DeclarationRule, address: str, location_name: str = "") -> str:
    """The authority to declare to, from the action's address (the organiser can override)."""
    return authority_for(rule, city_of(rule, address, location_name))


def known_authority(rule: DeclarationRule, address: str, location_name: str = "") -> str:
    """The named authority for the action's city, or "" when only the general hint applies
    (a letter must not go to "the mairie, or the préfecture…": the organiser says which)."""
    return rule.authority_by_city.get(city_of(rule, address, location_name), "")
