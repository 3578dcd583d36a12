"""Many rows of one kind in one statement: the import paths (calendar, CSV).

``edits.create`` is right for one edit — it checks references, picks a free key by reading every
key of the action, flushes and re-chains the schedule — but a 4,778-event calendar made each of
those per row (50 ms of CPU a cue, 7 minutes in all). Here rows are checked with the same field
rules (``fields.clean``), keys are picked against one read of the taken ones, the rows go in with
one ``executemany`` (no ``INSERT … RETURNING`` per row), ids are read back in a few selects, and
the schedule is re-chained once. Everything happens in the caller's transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import func, insert, select, tuple_
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError, Problem
from app.services.fields import clean
from app.services.validation import slugify

CHUNK = 500  # ids read back per select (under SQLite's parameter limit on every version)


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


def executemany(session: Session, table, rows: list[dict]) -> None:
    """INSERT ``rows`` in one ``executemany``. On SQLite the driver's own, with each column's
    bind processing done once per column: SQLAlchemy's per-row parameter processing cost 4x
    the writing itself (5,000 cues: 0.49 s of 0.63 s). Python-side scalar defaults are filled
    as Core would; a missing column with a callable default, or another database, goes
    through Core."""
    if not rows:
        return
    rows = uniform(table, rows)
    conn = session.connection()
    dialect = conn.dialect
    keys = list(rows[0])
    defaults = {}
    for column in table.c:
        if column.name in rows[0] or column.default is None:
            continue
        if not column.default.is_scalar:
            keys = []  # a default only SQLAlchemy can compute
            break
        defaults[column.name] = column.default.arg
    if dialect.name != "sqlite" or not keys:
        session.execute(insert(table), rows)
        return
    names = keys + list(defaults)
    columns = []
    for name in keys:
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        values = [row[name] for row in rows]
        columns.append([process(v) for v in values] if process else values)
    for name, value in defaults.items():
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        columns.append([process(value) if process else value] * len(rows))
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join('?' * len(names))})"
    )
    conn.exec_driver_sql(sql, list(zip(*columns, strict=True)))


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


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
        try:
            cleaned = (
                {**given, "action_id": action_id}
                if checked
                else clean("cue", {**given, "action_id": action_id}, partial=False)
            )
        except DomainError as exc:
            problems += [Problem(f"{prefix}[{i}].{p.path}", p.message) for p in exc.problems]
            continue
        title = cleaned["title"]
        cleaned["key"] = picker.pick(cleaned.get("key") or slugify(title) or "cue")
        cleaned["uid"] = row.get("uid") or str(uuid.uuid4())
        values.append(cleaned)
    if problems:
        raise DomainError(problems)
    if not values:
        return []
    session.flush()
    executemany(session, m.Cue.__table__, values)
    keys = [v["key"] for v in values]
    # Keys are unique in an action: one read of them all, not IN lists of 500.
    found: dict[str, int] = dict(
        session.execute(select(m.Cue.key, m.Cue.id).where(m.Cue.action_id == action_id)).all()
    )
    chained = session.scalar(
        select(func.count())
        .select_from(m.Cue)
        .where(m.Cue.action_id == action_id, m.Cue.follows_id.is_not(None))
    )
    if chained:  # re-chaining reads the whole schedule: only when something is chained
        ripple(session, action_id)
    return [found[k] for k in keys]


def insert_participants(session: Session, rows: list[dict]) -> list[int]:
    """Make one participant per row of clean fields (alias included; aliases checked free by the
    caller); their ids in row order."""
    if not rows:
        return []
    values = [dict(r, alias=r["alias"].strip(), alias_key=m.alias_key(r["alias"])) for r in rows]
    session.flush()
    executemany(session, m.Participant.__table__, values)
    keys = [v["alias_key"] for v in values]
    found: dict[str, int] = {}
    for part in _chunks(keys):
        found.update(
            session.execute(
                select(m.Participant.alias_key, m.Participant.id).where(
                    m.Participant.alias_key.in_(part)
                )
            ).all()
        )
    return [found[k] for k in keys]


def insert_assignments(session: Session, action_id: int, rows: list[dict]) -> list[int]:
    """Make one assignment per row (``participant_id``, ``role_id``, optional ``call_time``);
    the caller checked that the pairs are new. Their ids in row order."""
    if not rows:
        return []
    values = [
        {
            "action_id": action_id,
            "participant_id": r["participant_id"],
            "role_id": r["role_id"],
            "call_time": r.get("call_time"),
            "confirmed": bool(r.get("confirmed", False)),
            "uid": str(uuid.uuid4()),
        }
        for r in rows
    ]
    session.flush()
    session.execute(insert(m.Assignment.__table__), uniform(m.Assignment.__table__, values))
    pairs = [(v["participant_id"], v["role_id"]) for v in values]
    found: dict[tuple[int, int], int] = {}
    a = m.Assignment
    for part in _chunks(pairs, CHUNK // 2):
        for pid, rid, id_ in session.execute(
            select(a.participant_id, a.role_id, a.id).where(
                tuple_(a.participant_id, a.role_id).in_(part)
            )
        ):
            found[(pid, rid)] = id_
    return [found[p] for p in pairs]
