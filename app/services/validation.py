"""Small validators shared by the services, the bundle reader and the UI's forms."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from app.i18n import normalise_language

# Words of a-z and 0-9 joined by single hyphens ("--" or "-x" is not a slug), at most 64.
SLUG_RE = re.compile(r"^(?=.{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


#: Codes CLDR names among its territories that are no country an action takes place in: the
#: unknown region, the European Union, the eurozone, the United Nations, outlying Oceania and
#: the two pseudo-locales. ("ZZ" was accepted, and the country list offered "Unknown Region".)
NOT_COUNTRIES = frozenset("EU EZ QO UN XA XB ZZ".split())


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The ISO 3166 codes an action's country may have (CLDR's territories, with Kosovo's XK
    and places of their own such as the Canary Islands, IC)."""
    from babel import Locale

    codes = Locale.parse("en").territories
    return frozenset(c for c in codes if len(c) == 2 and c.isalpha() and c not in NOT_COUNTRIES)


def valid_country(code: object) -> bool:
    if code == "":
        return True
    return isinstance(code, str) and code in country_codes()


def valid_language(code: object) -> bool:
    return isinstance(code, str) and normalise_language(code) is not None


def valid_email(value: object) -> bool:
    return value == "" or (isinstance(value, str) and bool(EMAIL_RE.match(value)))


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(title: str) -> str:
    """Accents folded to ASCII, other characters to '-'; 'action' when nothing is left.
    (One pass: runs of other characters become one '-', so no '--' is ever left; an ASCII
    title skips the folding. An import makes 5,000 of these.)"""
    folded = (
        title
        if title.isascii()
        else unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    )
    slug = _NOT_SLUG.sub("-", folded.lower()).strip("-")[:64].strip("-")
    return slug or "action"


def unique_name(base: str, taken: set[str], *, limit: int = 64) -> str:
    """``base``, else ``base-2``, ``base-3``… not in ``taken``."""
    if base not in taken:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: limit - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        n += 1
