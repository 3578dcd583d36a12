"""Backups and restores: a consistent copy of the whole database, even while the app has it open.

A backup keeps the database's protection: the backup of an encrypted (SQLCipher) database is
encrypted with the same passphrase (``sqlcipher_export`` into a database attached without a
key, which takes the main database's key). ``seal`` wraps the result in the ``CORTEGE1``
envelope as well (``backup --encrypt``); the image of a plain database is then built in memory,
so no plaintext copy ever touches the destination disk.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from app.domain.errors import StoreError
from app.i18n import _
from app.storage.engine import SQLITE_HEADER, Store
from app.storage.files import atomic_path, atomic_write


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def backup_sqlite(
    store: Store, dest: str | Path, *, seal: Callable[[bytes], bytes] | None = None
) -> Path:
    """Write a backup of ``store`` to ``dest`` (atomically); ``seal`` encrypts the bytes."""
    dest = Path(dest)
    if store.backend != "sqlite":
        # A server database (team mode): a SQLite copy of the whole database, made by the code
        # that also moves a plan between a server and a laptop.
        from app.storage.transfer import write_sqlite_file

        if seal is None:
            write_sqlite_file(store.engine, dest)
        else:
            atomic_write(dest, seal(_server_image(store)))
        return dest
    if store.path is not None and dest.resolve() == store.path.resolve():
        raise StoreError(_("the backup cannot overwrite the database itself"))
    raw = store.engine.raw_connection()
    try:
        source = raw.driver_connection
        _refuse_damaged_source(source, store)
        if isinstance(source, sqlite3.Connection):
            if seal is None:
                with atomic_path(dest) as tmp:
                    target = sqlite3.connect(tmp)
                    try:
                        source.backup(target)
                        target.execute("PRAGMA journal_mode = DELETE")
                    finally:
                        target.close()
            else:
                atomic_write(dest, seal(_plain_image(source)))
        else:
            if seal is None:
                with atomic_path(dest) as tmp:
                    _cipher_export(source, tmp)
            else:
                # An encrypted scratch copy, sealed, then removed.
                with _scratch(dest) as tmp:
                    _cipher_export(source, tmp)
                    data = tmp.read_bytes()
                atomic_write(dest, seal(data))
    finally:
        raw.close()
    return dest


def _refuse_damaged_source(source, store: Store) -> None:
    """A backup must not copy damage over a good older one unnoticed: check the whole file."""
    encrypted = not isinstance(source, sqlite3.Connection)
    pragmas = ("cipher_integrity_check", "quick_check") if encrypted else ("quick_check",)
    detail = None
    try:
        for pragma in pragmas:
            rows = [r[0] for r in source.execute(f"PRAGMA {pragma}").fetchall()]
            if pragma == "quick_check" and rows != ["ok"] or pragma != "quick_check" and rows:
                detail = str(rows[0])[:200] if rows else "?"
                break
    except Exception as exc:  # sqlite3's or sqlcipher3's DatabaseError: the file is damaged
        if not isinstance(exc, sqlite3.Error) and not type(exc).__module__.startswith("sqlcipher"):
            raise
        detail = str(exc)[:200]
    if detail is not None:
        raise StoreError(
            _(
                "{path} is damaged ({detail}); no backup was written, so your older backups "
                "stay as they are"
            ).format(path=store.path, detail=detail)
        )


@contextmanager
def _scratch(beside: Path) -> Iterator[Path]:
    """A temporary file name in ``beside``'s folder, removed (with its journals) at the end."""
    fd, name = tempfile.mkstemp(prefix=f".{beside.name}.", suffix=".tmp", dir=beside.parent)
    os.close(fd)
    path = Path(name)
    try:
        yield path
    finally:
        for extra in ("", "-journal", "-wal", "-shm"):
            path.with_name(path.name + extra).unlink(missing_ok=True)


def _server_image(store: Store) -> bytes:
    """A SQLite copy of a server database built in memory, so that a sealed backup never
    leaves a plaintext copy on any disk."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from app.storage.transfer import copy_between

    memory = create_engine("sqlite://", poolclass=StaticPool, hide_parameters=True)
    try:
        copy_between(store.engine, memory)
        raw = memory.raw_connection()
        try:
            return raw.driver_connection.serialize()
        finally:
            raw.close()
    finally:
        memory.dispose()


def _plain_image(source: sqlite3.Connection) -> bytes:
    memory = sqlite3.connect(":memory:")
    try:
        source.backup(memory)
        return memory.serialize()
    finally:
        memory.close()


def _cipher_export(source, tmp: Path) -> None:
    """Copy an open SQLCipher database into ``tmp`` (an empty file), encrypted with the same key."""
    source.execute(f"ATTACH DATABASE {_quote(str(tmp))} AS cortege_backup")
    try:
        source.execute("SELECT sqlcipher_export('cortege_backup')")
        source.execute("PRAGMA cortege_backup.journal_mode = DELETE")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA cortege_backup.user_version = {int(version)}")
    finally:
        source.execute("DETACH DATABASE cortege_backup")


# --- restore ---------------------------------------------------------------------------------


def backup_kind(data: bytes) -> str:
    """``envelope``, ``plain`` (an SQLite image) or ``encrypted`` (anything else: SQLCipher)."""
    if data.startswith(b"CORTEGE1"):
        return "envelope"
    if data.startswith(SQLITE_HEADER):
        return "plain"
    return "encrypted"


def _check_schema(conn, source: str) -> None:
    from app.storage.revisions import head_revision, known_revisions

    has = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()[0]
    if not has:
        raise StoreError(_("{path} is not a Cortège backup").format(path=source))
    rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if rev is None:  # an empty version table: "made by a newer version (schema ?)" before
        raise StoreError(_("{path} is not a Cortège backup").format(path=source))
    if rev[0] not in known_revisions():
        raise StoreError(
            _(
                "{path} was made by a newer version of Cortège (schema {rev}); "
                "this version knows up to {head}. Update Cortège to restore it."
            ).format(path=source, rev=rev[0], head=head_revision())
        )
    from app.storage.schema_check import refuse_foreign_objects, refuse_other_tables

    refuse_foreign_objects(conn, source)
    if rev[0] == head_revision():  # an older one is upgraded after the restore
        refuse_other_tables(conn, source)


def _integrity(conn, source: str, pragmas: tuple[str, ...]) -> None:
    for pragma in pragmas:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        if pragma == "integrity_check" and rows != ["ok"] or pragma != "integrity_check" and rows:
            raise StoreError(
                _("{path} is damaged; nothing was restored ({detail})").format(
                    path=source, detail=str(rows[0])[:200]
                )
            )


def verify_backup_file(path: Path, *, source: str, passphrase: Callable[[], str] | None) -> bool:
    """Check a backup written at ``path``; True when it is encrypted (SQLCipher)."""
    with path.open("rb") as fh:
        encrypted = fh.read(16) != SQLITE_HEADER
    try:
        if encrypted:
            import sqlcipher3

            if passphrase is None:
                raise StoreError(_("{path} is encrypted").format(path=source))
            from app.storage.cipher import open_encrypted

            key = passphrase()
            try:
                conn, _spec = open_encrypted(path, key)
            except sqlcipher3.dbapi2.DatabaseError as exc:
                raise StoreError(
                    _("wrong passphrase, or {path} is not a Cortège backup").format(path=source)
                ) from exc
            try:
                _integrity(conn, source, ("cipher_integrity_check", "integrity_check"))
                _check_schema(conn, source)
                conn.execute("PRAGMA journal_mode = DELETE")
            finally:
                conn.close()
        else:
            conn = sqlite3.connect(path)
            try:
                _integrity(conn, source, ("integrity_check",))
                _check_schema(conn, source)
                conn.execute("PRAGMA journal_mode = DELETE")
            finally:
                conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            _("{path} is damaged or is not a Cortège backup; nothing was restored").format(
                path=source
            )
        ) from exc
    except Exception as exc:
        if type(exc).__module__.startswith("sqlcipher3"):
            raise StoreError(
                _("{path} is damaged or is not a Cortège backup; nothing was restored").format(
                    path=source
                )
            ) from exc
        raise
    return encrypted


def copy_beside(path: Path, label: str) -> Path | None:
    """Copy a database file (and its WAL) beside itself; None when there is nothing to copy."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = path.with_name(f"{path.name}.{label}-{stamp}")
    shutil.copy2(path, dest)
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists():
            shutil.copy2(side, dest.with_name(dest.name + extra))
    return dest


def restore_backup(
    data: bytes,
    target: Path,
    *,
    source: str,
    passphrase: Callable[[], str] | None,
) -> tuple[Path | None, bool]:
    """Check ``data`` (a decrypted backup) and put it in place of ``target``.

    Returns (the copy of the previous database or None, whether the restored one is encrypted).
    Nothing is changed when the backup is damaged, not ours, or the passphrase is wrong.
    """
    if backup_kind(data) == "envelope":
        raise StoreError(_("{path} is still sealed").format(path=source))
    target = Path(os.path.realpath(target))  # a link's file, not a new file beside the link
    if target.is_dir():
        raise StoreError(_("{path} is a folder, not a Cortège database").format(path=target))
    from app.storage.holders import refuse_if_open_elsewhere

    refuse_if_open_elsewhere(target, doing=_("nothing was restored"))
    with _scratch(target) as tmp:
        tmp.write_bytes(data)
        encrypted = verify_backup_file(tmp, source=source, passphrase=passphrase)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        refuse_if_open_elsewhere(target, doing=_("nothing was restored"))  # again, just before
        previous = copy_beside(target, "before-restore")
        for extra in ("-wal", "-shm"):
            target.with_name(target.name + extra).unlink(missing_ok=True)
        os.replace(tmp, target)
    return previous, encrypted
