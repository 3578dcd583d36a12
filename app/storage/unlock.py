"""Opening a database from the command line, asking for a passphrase when it is encrypted."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from app.domain.errors import StoreError
from app.i18n import _
from app.storage.cipher import is_encrypted_file
from app.storage.engine import Store, is_url, open_store


def passphrase_from_env_or_prompt(
    prompt: str, *, env: tuple[str, ...] = ("CORTEGE_PASSPHRASE",), again: str | None = None
) -> str:
    """The first set variable of ``env``, else one typed at a terminal (twice with ``again``,
    the prompt of the second typing, for a new passphrase)."""
    for name in env:
        value = os.environ.get(name)
        if value:
            return value
    if not sys.stdin or not sys.stdin.isatty():
        raise StoreError(
            _("a passphrase is needed: set {var} or run in a terminal").format(var=env[0])
        )
    import getpass

    value = getpass.getpass(prompt)
    if not value:
        raise StoreError(_("no passphrase given"))
    if again is not None and getpass.getpass(again) != value:
        raise StoreError(_("the two passphrases differ; nothing was changed"))
    return value


def open_for_cli(
    target: str, *, err: TextIO | None = None, upgrade_schema: bool | None = None
) -> Store:
    passphrase = None
    if not is_url(target) and is_encrypted_file(Path(target).expanduser()):
        if not os.environ.get("CORTEGE_PASSPHRASE") and not (sys.stdin and sys.stdin.isatty()):
            raise StoreError(
                _(
                    "{path} is not a SQLite database: it is either an encrypted Cortège database "
                    "(set CORTEGE_PASSPHRASE to open it) or not a Cortège database at all"
                ).format(path=target)
            )
        passphrase = passphrase_from_env_or_prompt(_("Passphrase for {path}: ").format(path=target))
    return open_store(target, passphrase=passphrase, upgrade_schema=upgrade_schema)
