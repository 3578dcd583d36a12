"""A database file holds what Cortège made there and nothing that acts on its own.

A trigger copied every name and phone into a table of its own as the purge erased them (the
purge said "purged 15 participants"), or wrote them into the organisation's name printed on
letterheads; a view named like one of our tables never ended and hung every command; a
restored file with other columns, or none of our tables, replaced a working database. Cortège
makes no trigger and no view, so any one is refused, on open and on restore.
"""

from __future__ import annotations

from app.domain.errors import StoreError
from app.i18n import _


def refuse_foreign_objects(conn, path: object) -> None:
    """Refuse a file with a trigger or a view (``conn``: a DB-API connection to it)."""
    rows = conn.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name"
    ).fetchall()
    for kind, name in rows:
        message = (
            _("{path} holds a trigger ({name!r}) that Cortège never makes; nothing was changed")
            if kind == "trigger"
            else _("{path} holds a view ({name!r}) that Cortège never makes; nothing was changed")
        )
        raise StoreError(message.format(path=path, name=str(name)[:80]))


def refuse_other_tables(conn, path: object) -> None:
    """Refuse a file (at the current schema) whose tables or columns are not Cortège's."""
    from app.domain.models import Base

    found = {
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    expected = set(Base.metadata.tables) | {"alembic_version"}
    missing, extra = sorted(expected - found), sorted(found - expected)
    if missing or extra:
        raise StoreError(
            _("{path} does not hold Cortège's tables ({which}); nothing was changed").format(
                path=path, which=", ".join([*missing, *extra][:5])
            )
        )
    for name, table in Base.metadata.tables.items():
        columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
        wanted = {c.name for c in table.columns}
        if columns != wanted:
            odd = sorted(columns ^ wanted)[:5]
            raise StoreError(
                _("{path} does not hold Cortège's columns ({which}); nothing was changed").format(
                    path=path, which=", ".join(f"{name}.{c}" for c in odd)
                )
            )
