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


def check_passphrase(path: Path, passphrase: str) -> bool:
    """Whether ``passphrase`` opens the encrypted file at ``path`` (nothing is changed)."""
    import sqlcipher3

    try:
        conn = sqlcipher_creator(path, passphrase)()
    except sqlcipher3.dbapi2.DatabaseError:
        return False
    conn.close()
    return True


def _rebind(store, passphrase: str) -> None:
    """Point the open store at the file again with the new key: the same Store object, so the
    window, its undo history and every listener keep working."""
    from app.storage.engine import make_engine

    store.engine.dispose()
    store.bind(make_engine(str(store.path), passphrase=passphrase))
    store.encrypted = True


def change_passphrase(store, new_passphrase: str) -> None:
    """Re-encrypt an open SQLCipher store with a new passphrase (``PRAGMA rekey``)."""
    _require(new_passphrase)
    store.engine.dispose()  # pooled connections hold the old key
    raw = store.engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"PRAGMA rekey = {_quote(new_passphrase)}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    _rebind(store, new_passphrase)


def encrypt_store(store, new_passphrase: str) -> None:
    """Encrypt the open plain SQLite store's file in place, and go on using it."""
    _require(new_passphrase)
    store.engine.dispose()
    encrypt_plain_file(store.path, new_passphrase)
    _rebind(store, new_passphrase)


def _require(passphrase: str) -> None:
    if not passphrase:
        from app.domain.errors import DomainError
        from app.i18n import _

        raise DomainError(_("is required"), field="new passphrase")


def encrypt_plain_file(path: Path, new_passphrase: str) -> None:
    """Turn a plain SQLite database into an SQLCipher one in place (``sqlcipher_export``).

    The encrypted copy is written beside the file, checked, then renamed over it, and the old
    WAL is removed. Blocks the old plaintext file used may still hold its bytes on the disk.
    """
    import os
    import tempfile

    import sqlcipher3

    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        src = sqlcipher3.dbapi2.connect(str(path), isolation_level=None)
        try:
            src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            version = src.execute("PRAGMA user_version").fetchone()[0]
            src.execute(
                f"ATTACH DATABASE {_quote(str(tmp))} AS encrypted KEY {_quote(new_passphrase)}"
            )
            src.execute("SELECT sqlcipher_export('encrypted')")
            src.execute(f"PRAGMA encrypted.user_version = {int(version)}")
            src.execute("DETACH DATABASE encrypted")
        finally:
            src.close()
        check = sqlcipher_creator(tmp, new_passphrase)()
        check.close()
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        for extra in ("-wal", "-shm"):
            path.with_name(path.name + extra).unlink(missing_ok=True)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
