"""Read-side queries for the action view's tables: plain frozen rows, no ORM objects.

The UI keeps these rows in its table models' caches and compares them to decide which rows to
insert, remove or repaint, so every row is a hashable, comparable dataclass of plain values.
Personal fields (full name, phone, e-mail, notes, consent details) are read only when the user
asked to reveal them (``personal=True``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.domain import models as m
from app.services.readiness import double_bookings


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
    """The run of show by time, with names, and who in each cue is double-booked."""
    from app.services.actions import load_action

    action = load_action(session, action_id)
    clashes: dict[int, list[Clash]] = defaultdict(list)
    for pid, alias, first, second in double_bookings(action):
        clashes[first.id].append(
            Clash(pid, alias, second.id, second.title, second.starts_at, second.ends_at)
        )
        clashes[second.id].append(
            Clash(pid, alias, first.id, first.title, first.starts_at, first.ends_at)
        )
    return [
        ScheduleRow(
            id=c.id,
            starts_at=c.starts_at,
            minutes=c.minutes,
            title=c.title,
            place=c.place,
            instructions=c.instructions,
            chained=c.chained,
            role_ids=tuple(r.id for r in c.roles),
            role_names=tuple(r.name for r in c.roles),
            participant_ids=tuple(p.id for p in c.participants),
            aliases=tuple(p.alias for p in c.participants),
            prop_ids=tuple(p.id for p in c.props),
            prop_names=tuple(p.name for p in c.props),
            clashes=tuple(clashes.get(c.id, ())),
            version=c.version,
        )
        for c in action.cues
    ]


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
    only those (a colleague changed them: the window refreshes just these rows)."""
    query = select(m.Assignment).where(m.Assignment.action_id == action_id)
    if ids is not None:
        query = query.where(m.Assignment.id.in_(list(ids)))
    rows = session.scalars(
        query.options(selectinload(m.Assignment.participant), selectinload(m.Assignment.role))
    )
    out = [
        AssignmentRow(
            id=a.id,
            participant_id=a.participant_id,
            alias=a.participant.alias,
            role_id=a.role_id,
            role_name=a.role.name,
            call_time=a.call_time,
            confirmed=a.confirmed,
            attended=a.attended,
            consent_photos=a.participant.consent_photos,
            personal=_personal(a.participant) if personal else None,
            version=a.version,
        )
        for a in rows
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


def directory_rows(session: Session, *, personal: bool = False) -> list[DirectoryRow]:
    """Every participant of the organisation, by alias, with the number of actions they joined."""
    counts = dict(
        session.execute(
            select(m.Assignment.participant_id, func.count(func.distinct(m.Assignment.action_id)))
            .join(m.Action, m.Action.id == m.Assignment.action_id)
            .where(m.Action.deleted_at.is_(None))
            .group_by(m.Assignment.participant_id)
        ).all()
    )
    if personal:
        people = session.scalars(select(m.Participant).order_by(m.Participant.alias_key))
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
        ).order_by(m.Participant.alias_key)
    )
    return [
        DirectoryRow(i, a, lang, bool(ph), counts.get(i, 0), version=v)
        for i, a, lang, ph, v in rows
    ]


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
