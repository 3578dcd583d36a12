"""Capture a row and everything its deletion would take with it, to put it all back on undo.

Works from the schema's foreign keys: rows that reference the deleted one with ON DELETE CASCADE
are captured (recursively), and references that would be set to NULL are remembered and restored.
Restored rows keep their ids, so later undo steps that name them still work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from app.domain.models import Base


@dataclass
class Snapshot:
    entity: str
    id: int
    action_id: int | None
    rows: dict[str, list[dict]] = field(default_factory=dict)
    nulled: list[tuple[str, str, object, str, object]] = field(default_factory=list)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def capture(
    session: Session, table_name: str, row_id: int, *, entity: str, action_id: int | None
) -> Snapshot:
    snap = Snapshot(entity=entity, id=row_id, action_id=action_id)
    seen: set[tuple[str, tuple]] = set()

    def visit(table: Table, where) -> None:
        rows = [dict(r._mapping) for r in session.execute(select(table).where(where))]
        fresh = []
        for row in rows:
            pk = tuple(row[c.name] for c in table.primary_key.columns)
            if (table.name, pk) in seen:
                continue
            seen.add((table.name, pk))
            fresh.append(row)
        if not fresh:
            return
        snap.rows.setdefault(table.name, []).extend(fresh)
        if "id" not in table.c:
            return
        ids = [row["id"] for row in fresh]
        for other in Base.metadata.sorted_tables:
            for fk in other.foreign_keys:
                if fk.column.table is not table:
                    continue
                col = fk.parent
                if fk.ondelete == "CASCADE":
                    visit(other, col.in_(ids))
                elif fk.ondelete == "SET NULL":
                    for r in session.execute(select(other).where(col.in_(ids))):
                        m = r._mapping
                        snap.nulled.append((other.name, "id", m["id"], col.name, m[col.name]))

    table = _table(table_name)
    visit(table, table.c.id == row_id)
    return snap


def restore(session: Session, snap: Snapshot) -> None:
    """Insert the captured rows back (parents first) and re-point nulled references."""
    session.flush()
    conn = session.connection()
    for table in Base.metadata.sorted_tables:
        rows = snap.rows.get(table.name)
        if rows:
            conn.execute(table.insert(), rows)
    for table_name, pk_col, pk, col, value in snap.nulled:
        table = _table(table_name)
        conn.execute(update(table).where(table.c[pk_col] == pk).values({col: value}))
    session.expire_all()
