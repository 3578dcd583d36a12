"""Looking at an existing SQLite file before opening it for real.

The probe is read-only (SQLite ``mode=ro``, or ``immutable=1`` on a read-only disk without a
WAL), so a file that is not ours, or that a newer Cortège made, is refused without a byte
changed: our pragmas (WAL mode) run only on a file we will use. It reads the schema names and
the revision; it does not scan the file (``quick_check`` costs 93 ms on 24 MB at every CLI
call): damage elsewhere in the file is reported when it is read (see ``diagnose.translate``),
and the full check runs before an upgrade, a backup and a restore.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import StoreError
from app.i18n import _
from app.storage import diagnose
from app.storage.cipher import sqlite_uri


@dataclass(frozen=True)
class Probe:
    revision: str | None
    has_tables: bool
    #: why the file can only be read (a sentence for the user), or None
    read_only: str | None
    #: open with ``immutable=1``: a read-only disk where no -wal exists, so SQLite cannot make
    #: its WAL index and nobody else can write
    immutable: bool = False


def _plain_connect(path: Path, *, immutable: bool) -> sqlite3.Connection:
    params = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
    return sqlite3.connect(sqlite_uri(path, **params), uri=True)


def _encrypted_connect(path: Path, passphrase: str, *, immutable: bool):
    from app.storage.cipher import open_encrypted

    conn, _spec = open_encrypted(path, passphrase, read_only=True, immutable=immutable)
    return conn


def _connect(path: Path, passphrase: str | None, *, immutable: bool):
    if passphrase is not None:
        return _encrypted_connect(path, passphrase, immutable=immutable)
    conn = _plain_connect(path, immutable=immutable)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _cannot_open(exc: BaseException) -> bool:
    return "unable to open" in str(exc).lower()


def _wal_is_empty(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return not wal.exists() or wal.stat().st_size == 0


def _classify(exc: BaseException, path: Path, *, encrypted: bool) -> StoreError:
    """The sentence for a failure while probing (nothing was changed)."""
    if diagnose.is_disk_full(exc) or diagnose.looks_like_full_disk(exc, path):
        return StoreError(
            _(
                "the disk holding {path} is full: SQLite cannot even read the database until "
                "some space is freed. Nothing was changed."
            ).format(path=path)
        )
    if diagnose.is_locked(exc):
        return diagnose.busy(path)
    if encrypted and diagnose.is_not_a_database(exc):
        return StoreError(
            _("wrong passphrase, or {path} is damaged or is not a Cortège database").format(
                path=path
            )
        )
    if diagnose.is_damaged(exc):
        return diagnose.damaged(path, encrypted=encrypted)
    if "unable to open" in str(exc).lower():
        return StoreError(
            _("cannot open {path}: SQLite was not allowed to read it or its folder").format(
                path=path
            )
        )
    return StoreError(_("{path} is not a Cortège database, or it is damaged").format(path=path))


def probe_file(path: Path, *, passphrase: str | None) -> Probe | None:
    """Check an existing database file without changing it; None for a new (absent or
    empty) file. Raises StoreError with the reason it cannot be opened."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    if path.is_dir():
        raise StoreError(_("{path} is a folder, not a Cortège database").format(path=path))
    encrypted = passphrase is not None
    read_only = diagnose.read_only_reason(path)
    # Nobody can create a -wal in a read-only folder or disk: there the file is read as it is.
    immutable = diagnose.folder_read_only(path) and _wal_is_empty(path)
    try:
        try:
            # Without a -wal nobody has the file open in WAL mode: read it as it is, so a
            # read-only probe does not even leave -wal/-shm files beside a file not ours.
            conn = _connect(path, passphrase, immutable=_wal_is_empty(path))
        except Exception as exc:
            # A read-only disk without a -wal: SQLite cannot build its WAL index there, and
            # nobody can write, so reading the file as it is is exact.
            if read_only is None or not _wal_is_empty(path) or not _cannot_open(exc):
                raise
            conn = _connect(path, passphrase, immutable=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            from app.storage.schema_check import refuse_foreign_objects

            refuse_foreign_objects(conn, path)  # a trigger that keeps what the purge erases
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            from app.storage.revisions import head_revision

            if revision is not None and revision == head_revision():
                from app.storage.schema_check import refuse_other_tables

                refuse_other_tables(conn, path)  # an older schema is upgraded, then checked
        finally:
            conn.close()
    except StoreError:
        raise
    except Exception as exc:
        if isinstance(exc, sqlite3.Error) or type(exc).__module__.startswith("sqlcipher3"):
            raise _classify(exc, path, encrypted=encrypted) from exc
        raise
    if tables and "alembic_version" not in tables:
        raise StoreError(_("{path} is not a Cortège database").format(path=path))
    from app.storage.revisions import head_revision, known_revisions

    if revision is not None and revision not in known_revisions():
        raise StoreError(
            _(
                "{path} was made by a newer version of Cortège (schema {rev}); "
                "this version knows up to {head}. Update Cortège to open it."
            ).format(path=path, rev=diagnose.quote(revision), head=head_revision())
        )
    return Probe(revision, bool(tables), read_only, immutable)


def create_private_file(path: Path) -> None:
    """Create an empty database file that only its owner can read (0600): SQLite would make
    it 0644, readable by every local user. Its -wal and -shm take the same mode."""
    import os

    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise diagnose.translate(exc, path) or StoreError(
            _("cannot create {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    os.close(fd)


def integrity_problem(conn, *, encrypted: bool) -> str | None:
    """The first problem ``quick_check`` (and SQLCipher's page check) finds, or None."""
    pragmas = ("cipher_integrity_check", "quick_check") if encrypted else ("quick_check",)
    for pragma in pragmas:
        rows = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}").fetchall()]
        if pragma == "quick_check" and rows != ["ok"] or pragma != "quick_check" and rows:
            return str(rows[0])[:200] if rows else "?"
    return None
