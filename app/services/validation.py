"""Small validators shared by the services, the bundle reader and the UI's forms."""

from __future__ import annotations

import re
import unicodedata

from app.i18n import normalise_language

# Words of a-z and 0-9 joined by single hyphens ("--" or "-x" is not a slug), at most 64.
SLUG_RE = re.compile(r"^(?=.{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def valid_country(code: object) -> bool:
    if code == "":
        return True
    if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}", code):
        return False
    from babel import Locale

    return code in Locale.parse("en").territories


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
