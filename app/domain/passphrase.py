"""One rule for every new passphrase, in the window and on the command line."""

from __future__ import annotations

from app.i18n import _

MIN_PASSPHRASE_LENGTH = 8


def passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` cannot be a new passphrase (translated), or None."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return _("The passphrase must have at least {n} characters.").format(
            n=MIN_PASSPHRASE_LENGTH
        )
    return None
