"""Read-side queries for the action view's tables: plain frozen rows, no ORM objects.

The UI keeps these rows in its table models' caches and compares them to decide which rows to
insert, remove or repaint, so every row is a hashable, comparable dataclass of plain values.
Personal fields (full name, phone, e-mail, notes, consent details) are read only when the user
asked to reveal them (``personal=True``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session, selectinload

from app.domain import models as m
from app.services.readiness_clashes import clashing_pairs


@dataclass(frozen=True)
class ActionInfo:
    id: int
    title: str
    timezone: str
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class Clash:
    """Somebody in this cue is also in ``other_*`` at the same time."""

    participant_id: int
    alias: str
    other_id: int
    other_title: str
    other_starts_at: datetime
    other_ends_at: datetime


@dataclass(frozen=True)
class ScheduleRow:
    id: int
    starts_at: datetime
    minutes: int
    title: str
    place: str
    instructions: str
    chained: bool
    role_ids: tuple[int, ...]
    role_names: tuple[str, ...]
    participant_ids: tuple[int, ...]
    aliases: tuple[str, ...]
    prop_ids: tuple[int, ...]
    prop_names: tuple[str, ...]
    clashes: tuple[Clash, ...] = ()
    version: int = 0  # the row's version when read: editors save over this one only
    photo_opportunity: bool = False  # on the media advisory's "photo opportunities"
    follows_id: int | None = None  # the cue this one follows (chained), by id
    follows_title: str = ""
    #: live mode: what the caller recorded, and whether this is the cue being called now
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    live: bool = False

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class RoleRow:
    id: int
    name: str
    needed: int
    assigned: int
    instructions: str
    version: int = 0


@dataclass(frozen=True)
class Personal:
    """A participant's personal data; only read when the user reveals it."""

    full_name: str
    phone: str
    email: str
    notes: str
    consent_given_on: date | None
    consent_scope: str


@dataclass(frozen=True)
class AssignmentRow:
    id: int
    participant_id: int
    alias: str
    role_id: int
    role_name: str
    call_time: datetime | None
    confirmed: bool
    attended: bool | None
    consent_photos: bool
    personal: Personal | None = None
    version: int = 0
    pack_sent: bool = False


@dataclass(frozen=True)
class PropUse:
    cue_id: int
    starts_at: datetime
    title: str


@dataclass(frozen=True)
class PropRow:
    id: int
    name: str
    quantity: int
    status: str
    cost: Decimal | None
    notes: str
    carrier_ids: tuple[int, ...]
    carriers: tuple[str, ...]
    used_in: tuple[PropUse, ...]
    version: int = 0


@dataclass(frozen=True)
class TaskRow:
    id: int
    title: str
    due: date | None
    assignee_id: int | None
    assignee: str
    done: bool
    version: int = 0

    def overdue(self, today: date) -> bool:
        return not self.done and self.due is not None and self.due < today


@dataclass(frozen=True)
class DirectoryRow:
    id: int
    alias: str
    language: str
    consent_photos: bool
    actions: int
    personal: Personal | None = None
    version: int = 0  # the row's version when read: a delete goes over this one only


@dataclass(frozen=True)
class Choice:
    """An (id, label) pair for pickers: roles, people, props of an action."""

    id: int
    label: str


def action_info(session: Session, action_id: int) -> ActionInfo:
    from app.services.edits import get

    a = get(session, "action", action_id)
    return ActionInfo(a.id, a.title, a.timezone, a.starts_at, a.ends_at)


def schedule_rows(session: Session, action_id: int) -> list[ScheduleRow]:
    """The run of show by time, with names, and who in each cue is double-booked.

    Read with Core queries (cues, their links, the action's role members): loading the whole
    action as ORM objects cost 0.6 s for a 2,000-person plan, for a tab that shows 200 cues."""
    from app.services.edits import get

    live_cue_id = get(session, "action", action_id).live_cue_id
    c = m.Cue.__table__
    cues = session.execute(
        select(
            c.c.id,
            c.c.starts_at,
            c.c.minutes,
            c.c.title,
            c.c.place,
            c.c.instructions,
            c.c.follows_id,
            c.c.version,
            c.c.photo_opportunity,
            c.c.actual_start,
            c.c.actual_end,
        )
        .where(c.c.action_id == action_id)
        .order_by(c.c.starts_at, c.c.id)
    ).all()
    links: dict[str, dict[int, list[tuple[int, str]]]] = {}
    for name, table, column, other in (
        ("roles", m.cue_role, m.cue_role.c.role_id, m.Role.__table__.c),
        (
            "people",
            m.cue_participant,
            m.cue_participant.c.participant_id,
            m.Participant.__table__.c,
        ),
        ("props", m.cue_prop, m.cue_prop.c.prop_id, m.Prop.__table__.c),
    ):
        label = other.alias if name == "people" else other.name
        found: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for cue_id, other_id, text in session.execute(
            select(table.c.cue_id, column, label)
            .join(c, c.c.id == table.c.cue_id)
            .join(other.id.table, other.id == column)
            .where(c.c.action_id == action_id)
            .order_by(table.c.cue_id, column)
        ):
            found[cue_id].append((other_id, text))
        links[name] = found
    people_of_role: dict[int, set[int]] = defaultdict(set)
    for pid, rid in session.execute(
        select(m.Assignment.participant_id, m.Assignment.role_id).where(
            m.Assignment.action_id == action_id
        )
    ):
        people_of_role[rid].add(pid)
    spans = [
        _Span(row.id, row.starts_at, row.starts_at + timedelta(minutes=row.minutes), row.title)
        for row in cues
    ]
    pairs = clashing_pairs(
        spans,
        roles_of={i: [r for r, _n in v] for i, v in links["roles"].items()},
        direct_of={i: [p for p, _a in v] for i, v in links["people"].items()},
        people_of_role=people_of_role,
    )
    alias = _aliases(session, {pid for pair in pairs for pid in pair.people})
    by_id = {s.id: s for s in spans}
    booked = sorted(
        ((pid, by_id[pair.first], by_id[pair.second]) for pair in pairs for pid in pair.people),
        key=lambda t: (alias[t[0]].casefold(), t[1].starts_at, t[1].id, t[2].starts_at, t[2].id),
    )
    clashes: dict[int, list[Clash]] = defaultdict(list)
    for pid, first, second in booked:
        who = alias[pid]
        clashes[first.id].append(
            Clash(pid, who, second.id, second.title, second.starts_at, second.ends_at)
        )
        clashes[second.id].append(
            Clash(pid, who, first.id, first.title, first.starts_at, first.ends_at)
        )
    roles, people, props = links["roles"], links["people"], links["props"]
    titles = {row.id: row.title for row in cues}
    return [
        ScheduleRow(
            id=row.id,
            starts_at=row.starts_at,
            minutes=row.minutes,
            title=row.title,
            place=row.place,
            instructions=row.instructions,
            chained=row.follows_id is not None,
            role_ids=tuple(i for i, _n in roles.get(row.id, ())),
            role_names=tuple(n for _i, n in roles.get(row.id, ())),
            participant_ids=tuple(i for i, _a in people.get(row.id, ())),
            aliases=tuple(a for _i, a in people.get(row.id, ())),
            prop_ids=tuple(i for i, _n in props.get(row.id, ())),
            prop_names=tuple(n for _i, n in props.get(row.id, ())),
            clashes=tuple(clashes.get(row.id, ())),
            version=row.version,
            photo_opportunity=bool(row.photo_opportunity),
            follows_id=row.follows_id,
            follows_title=titles.get(row.follows_id, ""),
            actual_start=row.actual_start,
            actual_end=row.actual_end,
            live=row.id == live_cue_id,
        )
        for row in cues
    ]


@dataclass(frozen=True)
class _Span:
    id: int
    starts_at: datetime
    ends_at: datetime
    title: str


def _aliases(session: Session, ids: set[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        out.update(
            session.execute(
                select(m.Participant.id, m.Participant.alias).where(
                    m.Participant.id.in_(wanted[start : start + 500])
                )
            ).all()
        )
    return out


def _personal(p: m.Participant) -> Personal:
    return Personal(p.full_name, p.phone, p.email, p.notes, p.consent_given_on, p.consent_scope)


def role_rows(session: Session, action_id: int) -> list[RoleRow]:
    counts = dict(
        session.execute(
            select(m.Assignment.role_id, func.count())
            .where(m.Assignment.action_id == action_id)
            .group_by(m.Assignment.role_id)
        ).all()
    )
    roles = session.scalars(select(m.Role).where(m.Role.action_id == action_id).order_by(m.Role.id))
    return [
        RoleRow(r.id, r.name, r.needed, counts.get(r.id, 0), r.instructions, r.version)
        for r in roles
    ]


def assignment_rows(
    session: Session, action_id: int, *, personal: bool = False, ids=None
) -> list[AssignmentRow]:
    """People of the action, one row per role they hold, by role then alias; with ``ids``
    only those (a colleague changed them: the window refreshes just these rows). One Core join:
    2,000 ORM assignments with their people cost 0.4 s for a table of plain rows."""
    a, p, r = m.Assignment.__table__.c, m.Participant.__table__.c, m.Role.__table__.c
    columns = [
        a.id,
        a.participant_id,
        p.alias,
        a.role_id,
        r.name,
        a.call_time,
        a.confirmed,
        a.attended,
        p.consent_photos,
        a.version,
        a.pack_sent,
    ]
    if personal:
        columns += [
            p.full_name,
            p.phone,
            p.email,
            p.notes,
            p.consent_given_on,
            p.consent_scope,
        ]
    query = (
        select(*columns)
        .join(m.Participant.__table__, p.id == a.participant_id)
        .join(m.Role.__table__, r.id == a.role_id)
        .where(a.action_id == action_id)
    )
    if ids is not None:
        query = query.where(a.id.in_(list(ids)))
    out = [
        AssignmentRow(
            id=row[0],
            participant_id=row[1],
            alias=row[2],
            role_id=row[3],
            role_name=row[4],
            call_time=row[5],
            confirmed=bool(row[6]),
            attended=row[7],
            consent_photos=bool(row[8]),
            personal=Personal(*row[11:17]) if personal else None,
            version=row[9],
            pack_sent=bool(row[10]),
        )
        for row in session.execute(query)
    ]
    out.sort(key=lambda r: (r.role_id, r.alias.casefold(), r.id))
    return out


def prop_rows(session: Session, action_id: int) -> list[PropRow]:
    props = session.scalars(
        select(m.Prop)
        .where(m.Prop.action_id == action_id)
        .order_by(m.Prop.id)
        .options(selectinload(m.Prop.carriers))
    ).all()
    uses: dict[int, list[PropUse]] = defaultdict(list)
    for prop_id, cue_id, starts, title in session.execute(
        select(m.cue_prop.c.prop_id, m.Cue.id, m.Cue.starts_at, m.Cue.title)
        .join(m.Cue, m.Cue.id == m.cue_prop.c.cue_id)
        .where(m.Cue.action_id == action_id)
        .order_by(m.Cue.starts_at, m.Cue.id)
    ):
        uses[prop_id].append(PropUse(cue_id, starts, title))
    return [
        PropRow(
            id=p.id,
            name=p.name,
            quantity=p.quantity,
            status=p.status,
            cost=p.cost,
            notes=p.notes,
            carrier_ids=tuple(c.id for c in p.carriers),
            carriers=tuple(c.alias for c in p.carriers),
            used_in=tuple(uses.get(p.id, ())),
            version=p.version,
        )
        for p in props
    ]


def task_rows(session: Session, action_id: int) -> list[TaskRow]:
    tasks = session.scalars(
        select(m.Task)
        .where(m.Task.action_id == action_id)
        .options(selectinload(m.Task.assignee))
        .order_by(m.Task.id)
    ).all()
    out = [
        TaskRow(
            t.id,
            t.title,
            t.due,
            t.assignee_id,
            t.assignee.alias if t.assignee else "",
            t.done,
            t.version,
        )
        for t in tasks
    ]
    # Open tasks first, by due date (undated last); done ones at the end.
    out.sort(key=lambda t: (t.done, t.due is None, t.due or date.max, t.id))
    return out


def role_choices(session: Session, action_id: int) -> list[Choice]:
    rows = session.execute(
        select(m.Role.id, m.Role.name).where(m.Role.action_id == action_id).order_by(m.Role.id)
    )
    return [Choice(i, n) for i, n in rows]


def prop_choices(session: Session, action_id: int) -> list[Choice]:
    rows = session.execute(
        select(m.Prop.id, m.Prop.name).where(m.Prop.action_id == action_id).order_by(m.Prop.id)
    )
    return [Choice(i, n) for i, n in rows]


def people_choices(session: Session, action_id: int, *, also: tuple[int, ...] = ()) -> list[Choice]:
    """People assigned to the action (and any ids in ``also``), by alias."""
    ids = set(
        session.scalars(
            select(m.Assignment.participant_id).where(m.Assignment.action_id == action_id)
        )
    )
    ids.update(also)
    if not ids:
        return []
    rows = session.execute(
        select(m.Participant.id, m.Participant.alias).where(m.Participant.id.in_(ids))
    )
    return sorted((Choice(i, a) for i, a in rows), key=lambda c: c.label.casefold())


def directory_rows(
    session: Session, *, personal: bool = False, ids: Collection[int] | None = None
) -> list[DirectoryRow]:
    """Every participant of the organisation, by alias, with the number of actions they joined;
    only those of ``ids`` (at most 500) when given: one edit refreshes one row, not 10,000."""
    if ids is not None and len(ids) > 500:
        raise ValueError("at most 500 ids at a time")
    counting = (
        select(m.Assignment.participant_id, func.count(func.distinct(m.Assignment.action_id)))
        .join(m.Action, m.Action.id == m.Assignment.action_id)
        .where(m.Action.deleted_at.is_(None))
        .group_by(m.Assignment.participant_id)
    )
    which = m.Participant.id.in_(list(ids)) if ids is not None else true()
    if ids is not None:
        counting = counting.where(m.Assignment.participant_id.in_(list(ids)))
    counts = dict(session.execute(counting).all())
    if personal:
        people = session.scalars(
            select(m.Participant).where(which).order_by(m.Participant.alias_key)
        )
        return [
            DirectoryRow(
                p.id,
                p.alias,
                p.language,
                p.consent_photos,
                counts.get(p.id, 0),
                _personal(p),
                p.version,
            )
            for p in people
        ]
    rows = session.execute(
        select(
            m.Participant.id,
            m.Participant.alias,
            m.Participant.language,
            m.Participant.consent_photos,
            m.Participant.version,
        )
        .where(which)
        .order_by(m.Participant.alias_key)
    )
    return [
        DirectoryRow(i, a, lang, bool(ph), counts.get(i, 0), version=v)
        for i, a, lang, ph, v in rows
    ]


def merge_directory_rows(
    rows: list[DirectoryRow], fresh: list[DirectoryRow], ids: Collection[int]
) -> list[DirectoryRow]:
    """``rows`` with the people of ``ids`` replaced by their ``fresh`` rows (absent: deleted),
    still in the directory's order (by alias key)."""
    changed = set(ids)
    kept = [r for r in rows if r.id not in changed]
    for row in fresh:  # a binary search computes the keys of a dozen rows, not of all
        key = m.alias_key(row.alias)
        kept.insert(bisect_right(kept, key, key=lambda r: m.alias_key(r.alias)), row)
    return kept


def participant_values(session: Session, participant_id: int) -> dict:
    """Every editable field of one participant (for its editor, which the user opened)."""
    from app.services.edits import get
    from app.services.fields import ENTITY_FIELDS

    p = get(session, "participant", participant_id)
    out = {name: getattr(p, name) for name in ENTITY_FIELDS["participant"]}
    out["version"] = p.version
    return out


class DirectoryIndex:
    """Filters the directory by alias as the user types: casefolded keys built once.

    Ten thousand aliases filter in about a millisecond, so every keystroke filters at once.
    """

    def __init__(self, rows: list[DirectoryRow]) -> None:
        self.rows = rows
        self._keys = [r.alias.casefold() for r in rows]

    def filter(self, text: str) -> list[DirectoryRow]:
        needle = text.strip().casefold()
        if not needle:
            return list(self.rows)
        return [r for r, k in zip(self.rows, self._keys, strict=True) if needle in k]
