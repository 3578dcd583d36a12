"""Rules for declaring a demonstration, kept as data so more countries can be added.

Notice is counted in *clear days* (jours francs): neither the day the authority receives the
declaration nor the day of the event counts. France: received at least 3 and at most 15 clear
days before (Code de la sécurité intérieure, L211-2). United Kingdom: 6 clear days' written
notice for a public procession (Public Order Act 1986, s. 11).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class DeclarationRule:
    country: str
    min_clear_days: int
    max_clear_days: int | None
    authority_default: str
    authority_by_city: dict[str, str]
    legal_basis: str


RULES: dict[str, DeclarationRule] = {
    "FR": DeclarationRule(
        country="FR",
        min_clear_days=3,
        max_clear_days=15,
        authority_default="Mairie (or the préfecture where the State runs the police)",
        authority_by_city={"paris": "Préfecture de police"},
        legal_basis="Code de la sécurité intérieure, art. L211-1 to L211-4; Code pénal 431-9",
    ),
    "GB": DeclarationRule(
        country="GB",
        min_clear_days=6,
        max_clear_days=None,
        authority_default="The police force of the area where the procession starts",
        authority_by_city={},
        legal_basis="Public Order Act 1986, s. 11",
    ),
}


def rule_for(country: str | None) -> DeclarationRule | None:
    return RULES.get((country or "").upper())


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


def authority_for(rule: DeclarationRule, city: str) -> str:
    return rule.authority_by_city.get(city.strip().lower(), rule.authority_default)
