"""Many rows of one kind in one statement: the import paths (calendar, CSV).

``edits.create`` is right for one edit — it checks references, picks a free key by reading every
key of the action, flushes and re-chains the schedule — but a 4,778-event calendar made each of
those per row (50 ms of CPU a cue, 7 minutes in all). Here rows are checked with the same field
rules (``fields.clean``), keys are picked against one read of the taken ones, the rows go in with
one ``executemany`` (no ``INSERT … RETURNING`` per row), ids are read back in a few selects, and
the schedule is re-chained once. Everything happens in the caller's transaction.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable

from sqlalchemy import Boolean, delete, func, insert, select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError, Problem
from app.services.fields import clean
from app.services.validation import slugify
from app.storage.notify import touched_in_bulk


class KeyPicker:
    """``base``, ``base-2``, ``base-3``… never taken, without rescanning for every row."""

    def __init__(self, taken: Iterable[str], limit: int = 64) -> None:
        self.taken = set(taken)
        self.next: dict[str, int] = {}
        self.limit = limit

    def pick(self, base: str) -> str:
        candidate, n = base, self.next.get(base, 2)
        while candidate in self.taken:
            suffix = f"-{n}"
            candidate = base[: self.limit - len(suffix)] + suffix
            n += 1
        self.next[base] = n
        self.taken.add(candidate)
        return candidate


def uniform(table, rows: list[dict]) -> list[dict]:
    """The same keys in every row: an executemany takes its columns from the first row, so a
    key only some rows carry (a cue's ``follows_id``) would be dropped silently from the rest.
    A missing key gets the column's own default."""
    keys = set().union(*rows) if rows else set()
    if all(len(r) == len(keys) for r in rows):
        return rows
    defaults = {}
    for key in keys:
        default = table.c[key].default
        defaults[key] = default.arg if default is not None and default.is_scalar else None
    return [{**{k: defaults[k] for k in keys - r.keys()}, **r} for r in rows]


_BOOL = {bool, type(None)}


def new_uids(count: int) -> list[str]:
    """``count`` random (version 4) UUIDs as text, as ``str(uuid.uuid4())`` writes them, from
    one read of the system's random source instead of one a row."""
    raw = os.urandom(16 * count)
    out = []
    for i in range(0, 16 * count, 16):
        h = f"{int.from_bytes(raw[i : i + 16]) & _CLEAR | _V4:032x}"
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


_CLEAR = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_V4 = (0x4000 << 64) | (0x8000 << 48)


def _common_action(rows: list[dict]) -> int | None:
    actions = {r.get("action_id") for r in rows}
    return actions.pop() if len(actions) == 1 else None


def executemany(
    session: Session,
    table,
    rows: list[dict],
    *,
    action_id: int | None = None,
    skip: tuple[str, ...] = (),
) -> None:
    """INSERT ``rows`` in one ``executemany`` on the session's connection, and record the
    batch's change notice once (``touched_in_bulk``: no flush sees these rows), for
    ``action_id`` or the one action all rows name. ``skip``: keys of the rows that are not
    columns (a bundle's own ``key`` of a person), left out without copying every row.

    On SQLite the driver's own, with each column's bind processing done once per column:
    SQLAlchemy's per-row parameter processing cost 4x the writing itself (5,000 cues: 0.49 s of
    0.63 s). Python-side scalar defaults are filled as Core would, a missing ``uid`` gets a new
    one as its default would; a missing column with another callable default, or another
    database, goes through Core's executemany (never ``INSERT … RETURNING``: SQLAlchemy runs
    that with ``sort_by_parameter_order`` as one statement per row on SQLite)."""
    if not rows:
        return
    rows = uniform(table, rows)
    conn = session.connection()
    dialect = conn.dialect
    keys = [k for k in rows[0] if k not in skip]
    defaults: dict[str, object] = {}
    fresh_uid = False
    for column in table.c:
        if column.name in rows[0] or column.default is None:
            continue
        if column.name == "uid" and column.default.is_callable:
            fresh_uid = True  # models._uid: a new uuid4 for each row
        elif column.default.is_scalar:
            defaults[column.name] = column.default.arg
        else:
            keys = []  # a default only SQLAlchemy can compute
            break
    touched_in_bulk(session, table.name, action_id=action_id or _common_action(rows))
    if dialect.name != "sqlite" or not keys:
        if skip:
            rows = [{k: v for k, v in r.items() if k not in skip} for r in rows]
        conn.execute(insert(table), rows)
        return
    names = keys + list(defaults)
    columns = []
    for name in keys:
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        values = [row[name] for row in rows]
        if process and isinstance(table.c[name].type, Boolean) and set(map(type, values)) <= _BOOL:
            process = None  # sqlite3 stores True and False as 1 and 0 itself
        columns.append([process(v) for v in values] if process else values)
    for name, value in defaults.items():
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        columns.append([process(value) if process else value] * len(rows))
    if fresh_uid:
        names.append("uid")
        columns.append(new_uids(len(rows)))
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join('?' * len(names))})"
    )
    conn.exec_driver_sql(sql, list(zip(*columns, strict=True)))


def last_id(session: Session, model) -> int:
    """The highest id now (0: none): rows inserted after it in this transaction are ours to
    read back with ``id > last_id`` — the unique key then says which row is which."""
    return session.scalar(select(func.max(model.id))) or 0


def id_range(session: Session, model, before: int, count: int) -> list[int] | None:
    """The ids of the ``count`` rows an executemany just inserted after ``last_id`` ``before``,
    in row order, without reading them back: SQLite gives each new row the largest rowid plus
    one, and our write transaction is the only writer. None — read them back by key — on
    another database, or when the table's largest id says the rows did not go in that way."""
    if session.connection().dialect.name != "sqlite":
        return None
    if last_id(session, model) != before + count:
        return None
    return list(range(before + 1, before + count + 1))


def insert_cues(
    session: Session,
    action_id: int,
    rows: list[dict],
    *,
    prefix: str = "row",
    checked: bool = False,
) -> list[int]:
    """Make one cue per row (``starts_at``, ``minutes``, ``title``, …, optional ``uid``); their
    ids in row order. DomainError naming ``prefix[i].field`` for the first bad rows.
    ``checked``: the caller ran ``clean("cue", …)`` on these very rows already (the calendar
    preview does, to name a bad event before the user confirms): not checked twice."""
    from app.services.edits import get, ripple

    get(session, "action", action_id)
    picker = KeyPicker(session.scalars(select(m.Cue.key).where(m.Cue.action_id == action_id)))
    values, problems = [], []
    for i, row in enumerate(rows):
        given = {k: v for k, v in row.items() if k != "uid"}
        given["action_id"] = action_id
        if not checked:
            try:
                given = clean("cue", given, partial=False)
            except DomainError as exc:
                problems += [Problem(f"{prefix}[{i}].{p.path}", p.message) for p in exc.problems]
                continue
        given["key"] = picker.pick(given.get("key") or slugify(given["title"]) or "cue")
        given["uid"] = row.get("uid") or str(uuid.uuid4())
        values.append(given)
    if problems:
        raise DomainError(problems)
    if not values:
        return []
    session.flush()
    executemany(session, m.Cue.__table__, values)
    # Keys are unique in an action: one read of them all, not IN lists of 500.
    found: dict[str, int] = dict(
        session.execute(select(m.Cue.key, m.Cue.id).where(m.Cue.action_id == action_id)).all()
    )
    ids = [found[v["key"]] for v in values]
    touched_in_bulk(session, "cue", ids, action_id=action_id)
    chained = session.scalar(
        select(func.count())
        .select_from(m.Cue)
        .where(m.Cue.action_id == action_id, m.Cue.follows_id.is_not(None))
    )
    if chained:  # re-chaining reads the whole schedule: only when something is chained
        ripple(session, action_id)
    return ids


def insert_participants(
    session: Session, rows: list[dict], *, skip: tuple[str, ...] = ()
) -> list[int]:
    """Make one participant per row of clean fields (alias included, ``alias_key`` too when the
    caller computed it; aliases checked free by the caller); their ids in row order. ``skip``:
    keys of the rows that are not columns."""
    if not rows:
        return []
    values = []
    for r in rows:
        alias = r["alias"].strip()
        if alias == r["alias"] and r.get("alias_key"):
            values.append(r)  # as the bundle's reader left it: no copy of 2,000 dicts
        else:
            values.append(dict(r, alias=alias, alias_key=r.get("alias_key") or m.alias_key(alias)))
    session.flush()
    before = last_id(session, m.Participant)
    executemany(session, m.Participant.__table__, values, skip=skip)
    ids = id_range(session, m.Participant, before, len(values))
    if ids is None:  # alias_key is unique: ours are among the rows above ``before``
        p = m.Participant
        found: dict[str, int] = dict(
            session.execute(select(p.alias_key, p.id).where(p.id > before)).all()
        )
        ids = [found[v["alias_key"]] for v in values]
    touched_in_bulk(session, "participant", ids)
    return ids


def insert_assignments(session: Session, action_id: int, rows: list[dict]) -> list[int]:
    """Make one assignment per row (``participant_id``, ``role_id``, optional ``call_time``,
    ``confirmed``); the caller checked that the pairs are new. Their ids in row order."""
    if not rows:
        return []
    values = [
        {
            "action_id": action_id,
            "participant_id": r["participant_id"],
            "role_id": r["role_id"],
            "call_time": r.get("call_time"),
            "confirmed": bool(r.get("confirmed", False)),
        }
        for r in rows
    ]
    session.flush()
    before = last_id(session, m.Assignment)
    executemany(session, m.Assignment.__table__, values)
    ids = id_range(session, m.Assignment, before, len(values))
    if ids is None:  # (participant, role) is unique
        a = m.Assignment
        found: dict[tuple[int, int], int] = {
            (pid, rid): id_
            for pid, rid, id_ in session.execute(
                select(a.participant_id, a.role_id, a.id).where(
                    a.action_id == action_id, a.id > before
                )
            )
        }
        ids = [found[(v["participant_id"], v["role_id"])] for v in values]
    touched_in_bulk(session, "assignment", ids, action_id=action_id)
    return ids


def delete_rows(
    session: Session, model, ids: Iterable[int], *, action_id: int | None = None
) -> None:
    """Delete these rows in a few statements (500 ids each), what depends on them going with
    them as the schema says (``ON DELETE CASCADE`` / ``SET NULL``), as ``edits.delete`` would
    one by one: undoing a 2,000-person import took 3.8 s that way, each row snapshotted and
    flushed. No snapshot: the caller redoes from its own data."""
    ids = list(ids)
    session.flush()
    table = model.__table__
    connection = session.connection()  # not session.execute: that announces "everything"
    for start in range(0, len(ids), 500):
        connection.execute(delete(table).where(table.c.id.in_(ids[start : start + 500])))
    if ids:
        touched_in_bulk(session, model.__tablename__, ids, action_id=action_id, kind="deleted")
    session.expire_all()  # rows the session holds may be gone, or their links
