"""SQLCipher (encryption at rest) through sqlcipher3.

The key is set with ``PRAGMA key`` on each new connection, never through a URL, so the
passphrase appears in no URL, log or error message. SQLCipher's own stderr logging is silenced.

**Keys.** A database made by this version is keyed with a raw 256-bit key derived from the
passphrase with Argon2id (64 MiB, t = 3, p = 4, the envelope's setting) and the file's own salt:
SQLCipher's 16-byte salt at the start of the file, whose last 4 bytes are ``CGA1`` to mark the
key derivation. Older databases (SQLCipher's PBKDF2 over the passphrase, 256,000 iterations)
still open; ``change-passphrase`` moves them to Argon2id. Every connection pins SQLCipher 4's
settings (``cipher_compatibility = 4``), so a future SQLCipher with other defaults still reads
every file. The derived key is computed once per open store and kept in memory, like the
passphrase before it: a new connection costs no key derivation.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

ARGON2_MARK = b"CGA1"
SALT_LEN = 16
CIPHER_COMPATIBILITY = 4
# The same Argon2id setting as sealed files (RFC 9106's second recommendation, ~0.1 s here).
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_TIME = 3
ARGON2_PARALLELISM = 4


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _argon2(passphrase: str, salt: bytes) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=ARGON2_TIME,
        memory_cost=ARGON2_MEMORY_KIB,
        parallelism=ARGON2_PARALLELISM,
        hash_len=32,
        type=Type.ID,
    )


def new_key_spec(passphrase: str) -> str:
    """The ``PRAGMA key`` value for a new database: an Argon2id raw key and the marked salt
    SQLCipher then writes at the start of the file."""
    salt = os.urandom(SALT_LEN - len(ARGON2_MARK)) + ARGON2_MARK
    return f"\"x'{_argon2(passphrase, salt).hex()}{salt.hex()}'\""


def _file_salt(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            salt = fh.read(SALT_LEN)
    except OSError:
        return None
    return salt if len(salt) == SALT_LEN else None


def key_specs(path: Path, passphrase: str) -> list[str]:
    """The ``PRAGMA key`` values to try for ``path``, most likely first."""
    salt = _file_salt(path)
    if salt is None:
        return [new_key_spec(passphrase)]
    legacy = _quote(passphrase)
    if salt.endswith(ARGON2_MARK):
        # A legacy file whose random salt happens to end with the mark (1 in 2**32) still opens.
        return [f"\"x'{_argon2(passphrase, salt).hex()}{salt.hex()}'\"", legacy]
    return [legacy]


def uses_argon2(path: Path) -> bool:
    salt = _file_salt(path)
    return salt is not None and salt.endswith(ARGON2_MARK)


def sqlite_uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(path))}" + (f"?{query}" if query else "")


def _connect_with(path: Path, spec: str, *, read_only: bool, immutable: bool = False):
    import sqlcipher3

    if read_only:
        params = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
        conn = sqlcipher3.dbapi2.connect(
            sqlite_uri(path, **params), uri=True, check_same_thread=False
        )
    else:
        conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False)
    try:
        cur = conn.cursor()
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute(f"PRAGMA key = {spec}")
        cur.execute(f"PRAGMA cipher_compatibility = {CIPHER_COMPATIBILITY}")
        # Fails here ("file is not a database") when the key is wrong.
        cur.execute("SELECT count(*) FROM sqlite_master")
        cur.close()
    except BaseException:
        conn.close()
        raise
    return conn


def open_encrypted(
    path: Path, passphrase: str, *, read_only: bool = False, immutable: bool = False
):
    """(a keyed sqlcipher3 connection, the key spec that opened it); raises sqlcipher3's
    DatabaseError ("file is not a database") when no key derived from ``passphrase`` fits,
    and any other error (a full disk, a read-only folder) as it comes."""
    import sqlcipher3

    specs = key_specs(path, passphrase)
    for i, spec in enumerate(specs):
        try:
            conn = _connect_with(path, spec, read_only=read_only, immutable=immutable)
            return conn, spec
        except sqlcipher3.dbapi2.DatabaseError as exc:
            if i == len(specs) - 1 or "file is not a database" not in str(exc):
                raise
    raise AssertionError("unreachable")


def sqlcipher_creator(
    path: Path, passphrase: str, *, read_only: bool = False, immutable: bool = False
) -> Callable[[], object]:
    """A connection factory for SQLAlchemy: the key is found (derived) on the first connection
    and reused by the next ones."""
    found: list[str] = []

    def connect():
        if found:
            return _connect_with(path, found[0], read_only=read_only, immutable=immutable)
        conn, spec = open_encrypted(path, passphrase, read_only=read_only, immutable=immutable)
        found.append(spec)
        return conn

    return connect


def is_encrypted_file(path: Path) -> bool:
    """A non-empty file without the SQLite header: encrypted, or not a database at all."""
    from app.storage.constants import SQLITE_HEADER

    if not path.is_file() or path.stat().st_size == 0:
        return False
    with path.open("rb") as fh:
        return fh.read(16) != SQLITE_HEADER


def check_passphrase(path: Path, passphrase: str) -> bool:
    """Whether ``passphrase`` opens the encrypted file at ``path`` (nothing is changed).

    Only a key that does not fit is "wrong": another failure (a full disk, a read-only folder)
    answers True, so that opening the store then says what it really is."""
    import sqlcipher3

    from app.storage.diagnose import folder_read_only

    immutable = folder_read_only(path) and not path.with_name(path.name + "-wal").exists()
    try:
        conn, _spec = open_encrypted(path, passphrase, read_only=True, immutable=immutable)
    except sqlcipher3.dbapi2.DatabaseError as exc:
        return "file is not a database" not in str(exc)
    conn.close()
    return True


def _rebind(store, passphrase: str) -> None:
    """Point the open store at the file again with the new key: the same Store object, so the
    window, its undo history and every listener keep working."""
    store.reopen(passphrase)


def change_passphrase(store, new_passphrase: str) -> None:
    """Re-encrypt an open SQLCipher store with a new passphrase (``PRAGMA rekey``), with an
    Argon2id-derived key and a fresh salt: an older (PBKDF2) file is upgraded on the way."""
    _require(new_passphrase)
    _refuse_if_shared(store)
    store.engine.dispose()  # pooled connections hold the old key
    raw = store.engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"PRAGMA rekey = {new_key_spec(new_passphrase)}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    _rebind(store, new_passphrase)


def encrypt_store(store, new_passphrase: str) -> None:
    """Encrypt the open plain SQLite store's file in place, and go on using it."""
    _require(new_passphrase)
    _refuse_if_shared(store)
    store.engine.dispose()
    encrypt_plain_file(store.path, new_passphrase)
    _rebind(store, new_passphrase)


def _refuse_if_shared(store) -> None:
    """Another process with the file open would go on with the old key (or the old file)."""
    from app.i18n import _
    from app.storage.holders import refuse_if_open_elsewhere

    refuse_if_open_elsewhere(store.path, doing=_("the passphrase was not changed"), besides=store)


def _require(passphrase: str) -> None:
    from app.domain.errors import DomainError
    from app.domain.passphrase import passphrase_problem
    from app.i18n import _

    if not passphrase:
        raise DomainError(_("is required"), field="new passphrase")
    problem = passphrase_problem(passphrase)
    if problem:
        raise DomainError(problem, field="new passphrase")


def encrypt_plain_file(path: Path, new_passphrase: str) -> None:
    """Turn a plain SQLite database into an SQLCipher one in place (``sqlcipher_export``).

    The encrypted copy is written beside the file, checked, then renamed over it, and the old
    WAL is removed. Blocks the old plaintext file used may still hold its bytes on the disk.
    """
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
            src.execute(f"PRAGMA cipher_default_compatibility = {CIPHER_COMPATIBILITY}")
            src.execute(
                f"ATTACH DATABASE {_quote(str(tmp))} AS encrypted "
                f"KEY {new_key_spec(new_passphrase)}"
            )
            src.execute("SELECT sqlcipher_export('encrypted')")
            src.execute(f"PRAGMA encrypted.user_version = {int(version)}")
            src.execute("DETACH DATABASE encrypted")
        finally:
            src.close()
        check, _spec = open_encrypted(tmp, new_passphrase)
        check.close()
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        for extra in ("-wal", "-shm"):
            path.with_name(path.name + extra).unlink(missing_ok=True)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
