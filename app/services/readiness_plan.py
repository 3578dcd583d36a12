"""What the readiness rules read: one action's plan, loaded in a few queries as plain rows.

A national day of action has 10,000 people and 600 cues in one action; loading them as ORM
objects (with their relationships) costs more than every rule together. The big parts (people,
assignments, cue links) are read with Core selects into small frozen rows; the small parts
(roles, props, releases, tasks, key contacts) stay ORM objects. Instants and dates are formatted
once each (a cue's start shows up in several messages).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session, selectinload

from app.domain import models as m
from app.domain.errors import NotFoundError
from app.domain.timeutil import zone
from app.i18n import Translator, _, isolate

#: Names a cue attribute may carry to say "this is a photo opportunity". Until the model has
#: one, the photo check has nothing to judge and is skipped.
PHOTO_FLAGS = ("photo_opportunity", "photo_call", "is_photo_call")


@dataclass(frozen=True)
class ReadinessProblem:
    kind: str
    message: str
    entity: str  # action | role | participant | cue | prop | release | task
    entity_id: int

    def line(self) -> str:
        return f"{self.kind}: {self.message}"


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    alias: str
    phone: str
    email: str
    has_personal_data: bool
    consent_given_on: date | None
    consent_scope: str
    consent_photos: bool
    retain_until: date | None

    @property
    def has_contact_details(self) -> bool:
        return bool(self.phone or self.email)


@dataclass(frozen=True, slots=True)
class Seat:
    """One assignment: a person in a role."""

    participant_id: int
    role_id: int
    confirmed: bool
    call_time: datetime | None = None


@dataclass(slots=True)
class CueRow:
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    photo: bool | None = None  # None: the model has no photo flag
    role_ids: list[int] = field(default_factory=list)
    participant_ids: list[int] = field(default_factory=list)
    prop_ids: list[int] = field(default_factory=list)


def photo_column() -> Any | None:
    """The cue column that marks a photo opportunity, if the model has one."""
    for name in PHOTO_FLAGS:
        column = getattr(m.Cue, name, None)
        if column is not None and hasattr(column, "expression"):
            return column
    return None


@dataclass
class Plan:
    """One action as the rules see it, with the clock and the reader's language."""

    action: m.Action
    tr: Translator
    now: datetime
    today: date
    event_day: date
    people: dict[int, Person]
    seats: list[Seat]
    cues: list[CueRow]
    last_end: dict[int, datetime]
    retention_days: int
    _times: dict[datetime, str] = field(default_factory=dict)
    _days: dict[date, str] = field(default_factory=dict)
    _numbers: dict[int, str] = field(default_factory=dict)
    _rank: dict[int, int] | None = None

    @property
    def live(self) -> bool:
        return self.action.status not in ("done", "cancelled")

    @property
    def has_content(self) -> bool:
        """False for a plan with nothing in it yet (readiness says "nothing planned yet")."""
        a = self.action
        return bool(self.seats or self.cues or a.roles or a.props or a.releases or a.tasks)

    def hm(self, instant: datetime) -> str:
        text = self._times.get(instant)
        if text is None:
            local = instant.astimezone(zone(self.action.timezone))
            text = self._times[instant] = self.tr.time(local, "short")
        return text

    def when(self, instant: datetime, other: datetime | None) -> str:
        """The time; with its day when ``other`` (the time it is compared with) falls on
        another day, or there is none: "00:45" after "21:00" read as a contradiction."""
        tz = zone(self.action.timezone)
        day = instant.astimezone(tz).date()
        if other is not None and other.astimezone(tz).date() == day:
            return self.hm(instant)
        return self.tr.date_and_time(self.day(day), self.hm(instant))

    def iso(self, text: str) -> str:
        """Somebody's words (an alias, a title) isolated inside a sentence of ours, where bidi
        could otherwise pull a time or a count into them (``app.i18n.isolate``)."""
        return isolate(text, rtl=self.tr.rtl)

    def day(self, value: date) -> str:
        text = self._days.get(value)
        if text is None:
            text = self._days[value] = self.tr.date(value, "long")
        return text

    def names(self, people: list[Person], shown: int = 3, *, total: int | None = None) -> str:
        """'Crow', 'Crow and Heron', 'Crow, Heron, Jay and 497 others' (``total``: how many
        there are, when ``people`` holds only the first ones)."""
        aliases = [self.iso(p.alias) for p in people[:shown]]
        rest = (len(people) if total is None else total) - len(aliases)
        if rest > 0:
            aliases.append(
                self.tr.ngettext("{n} other", "{n} others", rest).format(n=self._number(rest))
            )
        return self.tr.join(aliases)

    def _number(self, n: int) -> str:
        text = self._numbers.get(n)
        if text is None:
            text = self._numbers[n] = self.tr.number(n)
        return text

    def alias_rank(self) -> dict[int, int]:
        """Each person's place in the alias order (casefolded), computed once."""
        if self._rank is None:
            order = sorted(self.people.values(), key=lambda p: (p.alias.casefold(), p.id))
            self._rank = {p.id: i for i, p in enumerate(order)}
        return self._rank

    def people_of_role(self) -> dict[int, set[int]]:
        out: dict[int, set[int]] = {}
        for seat in self.seats:
            out.setdefault(seat.role_id, set()).add(seat.participant_id)
        return out


def _load_action(session: Session, action_id: int) -> m.Action:
    action = session.scalar(
        select(m.Action)
        .where(m.Action.id == action_id, m.Action.deleted_at.is_(None))
        .options(
            selectinload(m.Action.contacts),
            selectinload(m.Action.roles),
            selectinload(m.Action.props).selectinload(m.Prop.carriers),
            selectinload(m.Action.releases).selectinload(m.PressRelease.press_contacts),
            selectinload(m.Action.tasks),
        )
    )
    if action is None:
        raise NotFoundError(_("no action with id {id}").format(id=action_id), field="id")
    return action


def _people(session: Session, action_id: int) -> dict[int, Person]:
    p = m.Participant
    ids = union(
        select(m.Assignment.participant_id).where(m.Assignment.action_id == action_id),
        select(m.cue_participant.c.participant_id)
        .join(m.Cue, m.Cue.id == m.cue_participant.c.cue_id)
        .where(m.Cue.action_id == action_id),
    ).subquery()
    rows = session.execute(
        select(
            p.id,
            p.alias,
            p.phone,
            p.email,
            p.full_name,
            p.notes,
            p.consent_given_on,
            p.consent_scope,
            p.consent_photos,
            p.retain_until,
        ).where(p.id.in_(select(ids.c[0])))
    )
    return {
        pid: Person(
            pid,
            alias,
            phone or "",
            email or "",
            bool(full_name or phone or email or notes),
            given,
            scope or "",
            bool(photos),
            until,
        )
        for pid, alias, phone, email, full_name, notes, given, scope, photos, until in rows
    }


def _cues(session: Session, action_id: int) -> list[CueRow]:
    flag = photo_column()
    columns = [m.Cue.id, m.Cue.title, m.Cue.starts_at, m.Cue.minutes]
    if flag is not None:
        columns.append(flag)
    cues: dict[int, CueRow] = {}
    for row in session.execute(
        select(*columns).where(m.Cue.action_id == action_id).order_by(m.Cue.starts_at, m.Cue.id)
    ):
        cid, title, start, minutes = row[:4]
        photo = bool(row[4]) if flag is not None else None
        cues[cid] = CueRow(cid, title, start, start + timedelta(minutes=minutes), photo)
    links = (
        (m.cue_role, m.cue_role.c.role_id, "role_ids"),
        (m.cue_participant, m.cue_participant.c.participant_id, "participant_ids"),
        (m.cue_prop, m.cue_prop.c.prop_id, "prop_ids"),
    )
    for table, column, attribute in links:
        for cid, other in session.execute(
            select(table.c.cue_id, column)
            .join(m.Cue, m.Cue.id == table.c.cue_id)
            .where(m.Cue.action_id == action_id)
            .order_by(table.c.cue_id, column)
        ):
            getattr(cues[cid], attribute).append(other)
    return list(cues.values())


def _last_end(session: Session, action_id: int) -> dict[int, datetime]:
    """When each person's last action ends (the default retention counts from it)."""
    here = select(m.Assignment.participant_id).where(m.Assignment.action_id == action_id)
    return dict(
        session.execute(
            select(m.Assignment.participant_id, func.max(m.Action.ends_at))
            .join(m.Action, m.Action.id == m.Assignment.action_id)
            .where(m.Assignment.participant_id.in_(here), m.Action.deleted_at.is_(None))
            .group_by(m.Assignment.participant_id)
        ).all()
    )


def load_plan(session: Session, action_id: int, *, now: datetime, tr: Translator) -> Plan:
    from app.services.settings import get_settings

    action = _load_action(session, action_id)
    tz = zone(action.timezone)
    seats = [
        Seat(pid, rid, bool(confirmed), call)
        for pid, rid, confirmed, call in session.execute(
            select(
                m.Assignment.participant_id,
                m.Assignment.role_id,
                m.Assignment.confirmed,
                m.Assignment.call_time,
            )
            .where(m.Assignment.action_id == action_id)
            .order_by(m.Assignment.id)
        )
    ]
    return Plan(
        action=action,
        tr=tr,
        now=now,
        today=now.astimezone(tz).date(),
        event_day=action.starts_at.astimezone(tz).date(),
        people=_people(session, action_id),
        seats=seats,
        cues=_cues(session, action_id),
        last_end=_last_end(session, action_id),
        retention_days=get_settings(session).retention_days,
    )
