"""Check-in at the meeting point: who came, per role against needed, who is still missing.

A person is checked in once for the action: every role they have in it is marked attended,
with the time. One operation, one undo step (undo puts each assignment back as it was).
Checking in somebody already checked in changes nothing: callers ask ``status`` first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.domain import models as m
from app.domain.errors import DomainError, NotFoundError
from app.domain.timeutil import utcnow
from app.i18n import _
from app.services.changes import Change
from app.services.ops import OpChanges, reversible


@dataclass(frozen=True)
class Person:
    participant_id: int
    alias: str
    roles: tuple[str, ...]
    call_time: datetime | None  # the earliest of their roles'
    attended_at: datetime | None  # when checked in (None: not yet, or not known)
    assignment_ids: tuple[int, ...]
    #: checked in (here, or attended in an imported bundle, then without a time)
    attended: bool = False


@dataclass(frozen=True)
class RoleCount:
    role_id: int
    name: str
    attended: int
    confirmed: int
    assigned: int
    needed: int


@dataclass
class CheckinView:
    action_id: int
    title: str
    timezone: str
    people: list[Person] = field(default_factory=list)
    roles: list[RoleCount] = field(default_factory=list)

    @property
    def missing(self) -> list[Person]:
        """Who has not come yet, by call time (no call time last), then alias."""
        far = datetime.max.replace(tzinfo=None)
        return sorted(
            (p for p in self.people if not p.attended),
            key=lambda p: (
                p.call_time.replace(tzinfo=None) if p.call_time else far,
                p.alias.casefold(),
            ),
        )

    def matching(self, typed: str) -> list[Person]:
        """People whose alias starts with ``typed`` (case-insensitive), then those whose alias
        contains it; everybody when nothing is typed."""
        key = typed.strip().casefold()
        if not key:
            return list(self.people)
        first = [p for p in self.people if p.alias.casefold().startswith(key)]
        rest = [p for p in self.people if key in p.alias.casefold() and p not in first]
        return first + rest


def _attended(a: m.Assignment) -> bool:
    return bool(a.attended)


def view(session: Session, action_id: int) -> CheckinView:
    action = session.get(m.Action, action_id)
    if action is None or action.deleted_at is not None:
        raise NotFoundError(_("no action with id {id}").format(id=action_id), field="id")
    rows = session.scalars(
        select(m.Assignment)
        .where(m.Assignment.action_id == action_id)
        .options(selectinload(m.Assignment.participant), selectinload(m.Assignment.role))
        .order_by(m.Assignment.id)
    ).all()
    by_person: dict[int, list[m.Assignment]] = {}
    for a in rows:
        by_person.setdefault(a.participant_id, []).append(a)
    out = CheckinView(action_id, action.title, action.timezone)
    for pid, assignments in by_person.items():
        calls = [a.call_time for a in assignments if a.call_time is not None]
        came = [a.attended_at for a in assignments if _attended(a) and a.attended_at]
        out.people.append(
            Person(
                participant_id=pid,
                alias=assignments[0].participant.alias,
                roles=tuple(a.role.name for a in assignments),
                call_time=min(calls) if calls else None,
                attended_at=min(came) if came else None,
                assignment_ids=tuple(a.id for a in assignments),
                attended=any(_attended(a) for a in assignments),
            )
        )
    out.people.sort(key=lambda p: p.alias.casefold())
    roles = session.scalars(
        select(m.Role).where(m.Role.action_id == action_id).order_by(m.Role.id)
    ).all()
    for role in roles:
        mine = [a for a in rows if a.role_id == role.id]
        out.roles.append(
            RoleCount(
                role_id=role.id,
                name=role.name,
                attended=sum(1 for a in mine if _attended(a)),
                confirmed=sum(1 for a in mine if a.confirmed),
                assigned=len(mine),
                needed=role.needed,
            )
        )
    return out


def find(session: Session, action_id: int, alias: str) -> Person:
    """The action's person called ``alias`` (case-insensitive); NotFoundError naming it."""
    key = m.alias_key(alias)
    pid = session.scalar(
        select(m.Participant.id)
        .join(m.Assignment, m.Assignment.participant_id == m.Participant.id)
        .where(m.Assignment.action_id == action_id, m.Participant.alias_key == key)
        .limit(1)
    )
    if pid is None:
        known = session.scalar(
            select(func.count()).select_from(m.Participant).where(m.Participant.alias_key == key)
        )
        message = (
            _("{alias!r} has no role in this action") if known else _("nobody is called {alias!r}")
        )
        raise NotFoundError(message.format(alias=alias.strip()[:100]), field="alias")
    return next(p for p in view(session, action_id).people if p.participant_id == pid)


def _person_rows(session: Session, action_id: int, participant_id: int) -> list[m.Assignment]:
    rows = session.scalars(
        select(m.Assignment).where(
            m.Assignment.action_id == action_id, m.Assignment.participant_id == participant_id
        )
    ).all()
    if not rows:
        raise NotFoundError(_("this person has no role in this action"), field="alias")
    return list(rows)


def _set_attended(
    session: Session, action_id: int, rows: list[m.Assignment], at: datetime | None, redo
) -> OpChanges:
    """Every role of one person attended at ``at`` (None: not attended), as one undo step."""
    previous = {a.id: (a.attended, a.attended_at) for a in rows}
    for a in rows:
        a.attended, a.attended_at = at is not None, at
    session.flush()
    ids = tuple(sorted(previous))

    def undo(s: Session) -> Change:
        for a in s.scalars(select(m.Assignment).where(m.Assignment.id.in_(ids))):
            a.attended, a.attended_at = previous[a.id]
        s.flush()
        return Change("assignment", ids, "updated", action_id)

    return reversible(
        Change("assignment", ids, "updated", action_id), undo=undo, redo=redo, result=at
    )


def check_in(
    session: Session, *, action_id: int, participant_id: int, now: datetime | None = None
) -> OpChanges:
    """Mark every role of the person in the action attended at ``now``; ``result`` is the
    time. Refused (nothing changes) when they are checked in already."""
    at = now or utcnow()
    rows = _person_rows(session, action_id, participant_id)
    if any(_attended(a) for a in rows):
        raise DomainError(_("already checked in"), field="alias")
    return _set_attended(
        session,
        action_id,
        rows,
        at,
        lambda s: check_in(s, action_id=action_id, participant_id=participant_id, now=at),
    )


def take_back(session: Session, *, action_id: int, participant_id: int) -> OpChanges:
    """A mistaken check-in taken back on its own (the steward checked in Raven meaning Robin:
    Ctrl+Z took back every check-in made after it too). Refused, nothing changed, when the
    person is not checked in."""
    rows = _person_rows(session, action_id, participant_id)
    if not any(_attended(a) for a in rows):
        raise DomainError(_("not checked in"), field="alias")
    return _set_attended(
        session,
        action_id,
        rows,
        None,
        lambda s: take_back(s, action_id=action_id, participant_id=participant_id),
    )
