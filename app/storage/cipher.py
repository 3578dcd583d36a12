"""SQLCipher (encryption at rest) through sqlcipher3.

The key is set with ``PRAGMA key`` on each new connection, never through a URL, so the
passphrase appears in no URL, log or error message. SQLCipher's own stderr logging is silenced.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def sqlcipher_creator(path: Path, passphrase: str) -> Callable[[], object]:
    import sqlcipher3

    def connect():
        conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False)
        cur = conn.cursor()
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute(f"PRAGMA key = {_quote(passphrase)}")
        # Fails here ("file is not a database") when the key is wrong.
        cur.execute("SELECT count(*) FROM sqlite_master")
        cur.close()
        return conn

    return connect


def is_encrypted_file(path: Path) -> bool:
    """A non-empty file without the SQLite header: encrypted, or not a database at all."""
    from app.storage.engine import SQLITE_HEADER

    if not path.is_file() or path.stat().st_size == 0:
        return False
    with path.open("rb") as fh:
        return fh.read(16) != SQLITE_HEADER
