"""Backups: a consistent copy of the whole database, even while the app has it open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.domain.errors import StoreError
from app.i18n import _
from app.storage.engine import Store
from app.storage.files import atomic_path


def backup_sqlite(store: Store, dest: str | Path) -> Path:
    """SQLite's online backup API into ``dest`` (written atomically)."""
    if store.backend != "sqlite":
        raise StoreError(
            _("backup of a {backend} database is not supported").format(backend=store.backend)
        )
    dest = Path(dest)
    if store.path is not None and dest.resolve() == store.path.resolve():
        raise StoreError(_("the backup cannot overwrite the database itself"))
    raw = store.engine.raw_connection()
    try:
        source = raw.driver_connection
        with atomic_path(dest) as tmp:
            target = (
                sqlite3.connect(tmp)
                if isinstance(source, sqlite3.Connection)
                else type(source)(str(tmp))
            )
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
    finally:
        raw.close()
    return dest
