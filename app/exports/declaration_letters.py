"""The wording of the declaration letter, one template per letter language.

The letter is a legal form read by the authority, so its wording is the authority's language
whatever the UI's, and kept here as data rather than in the gettext catalogues (a translation
must not change what the form says). ``{placeholders}`` are filled from the plan.
"""

from __future__ import annotations

LETTERS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Déclaration préalable de manifestation sur la voie publique",
        "to": "À l’attention de : {authority}",
        "subject": "Objet : déclaration préalable de manifestation",
        "intro": (
            "Conformément aux articles L211-1 à L211-4 du code de la sécurité intérieure, "
            "{signers} l’organisation de la manifestation décrite ci-dessous."
        ),
        "signers_one": "la personne soussignée déclare",
        "signers_many": "les personnes soussignées déclarent",
        "purpose": "Objet de la manifestation",
        "assembly": "Lieu de rassemblement",
        "when": "Date et heure du rassemblement",
        "when_value": "{date}, de {start} à {end}",
        "when_overnight": "du {date} à {start} au {end_date} à {end}",
        "route": "Itinéraire",
        "route_value": "{route} (dispersion : {last})",
        "static": "Rassemblement statique, sans cortège, au lieu indiqué ci-dessus",
        "headcount": "Nombre de participants attendu",
        "headcount_value_one": "environ {n} personne",
        "headcount_value": "environ {n} personnes",
        "equipment": "Moyens matériels (véhicules, sonorisation, objets)",
        "organisers": "Organisateurs (nom et domicile)",
        "window": (
            "Délai légal : cette déclaration doit être reçue au moins {min} et au plus {max} "
            "jours francs avant la manifestation, soit entre le {first} et le {last} inclus."
        ),
        "window_open": (
            "Délai légal : cette déclaration doit être reçue au moins {min} jours francs avant "
            "la manifestation, soit au plus tard le {last}."
        ),
        "closing": (
            "Nous vous prions d’en accuser réception et vous prions d’agréer l’expression de "
            "notre considération distinguée."
        ),
        "done_at": "Fait à {place}, le {date}",
        "signature": "Signature :",
        "confidential": "Confidentiel — contient des données personnelles des organisateurs",
    },
    "en": {
        "title": "Notice of a proposed public procession",
        "to": "To: {authority}",
        "subject": "Re: advance notice of a public procession (England and Wales)",
        "intro": (
            "Under section 11 of the Public Order Act 1986, {signers} notice of the public "
            "procession described below."
        ),
        "signers_one": "the undersigned gives",
        "signers_many": "the undersigned give",
        "purpose": "Purpose of the procession",
        "assembly": "Starting point (place of assembly)",
        "when": "Date and time",
        "when_value": "{date}, {start} to {end}",
        "when_overnight": "from {date}, {start}, to {end_date}, {end}",
        "route": "Proposed route",
        "route_value": "{route} (disperses at {last})",
        "static": "Static assembly at the place above",
        "headcount": "Expected number of people",
        "headcount_value_one": "about {n}",
        "headcount_value": "about {n}",
        "equipment": "Vehicles and equipment",
        "organisers": "Organisers (name and address)",
        "window": (
            "This notice must be received at least {min} and at most {max} clear days before "
            "the event: between {first} and {last} inclusive."
        ),
        "window_open": (
            "This notice must be delivered to a police station in the police area where the "
            "procession starts at least {min} clear days before it: by {last} at the latest."
        ),
        "closing": "Please acknowledge receipt of this notice.",
        "done_at": "{place}, {date}",
        "signature": "Signature",
        "confidential": "Confidential: contains the organisers' personal details",
    },
}


def letter_text(lang: str) -> dict[str, str]:
    return LETTERS.get(lang) or LETTERS.get(lang.split("_")[0]) or LETTERS["en"]
