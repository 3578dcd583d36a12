"""One rule for every new passphrase, in the window and on the command line."""

from __future__ import annotations

from app.i18n import ngettext

MIN_PASSPHRASE_LENGTH = 8


def passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` cannot be a new passphrase (translated), or None."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return ngettext(
            "The passphrase must have at least {n} character.",
            "The passphrase must have at least {n} characters.",
            MIN_PASSPHRASE_LENGTH,
        ).format(n=MIN_PASSPHRASE_LENGTH)
    return None
