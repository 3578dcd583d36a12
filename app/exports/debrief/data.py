"""The debrief's content: what the day was against what was planned, read from the store.

Planned versus actual per cue (``cue.actual_start``/``actual_end``, recorded in live mode),
turnout per role (attended / confirmed / needed), props that came back damaged or lost, the
incident log, the press coverage and the lessons. Nothing here is stored: the page and the
PDF both read this; the numbers come from rows the purge never touches (assignments, cues,
incidents, coverage, the action), so a debrief printed after the purge says the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain import models as m
from app.domain.errors import NotFoundError
from app.i18n import _


@dataclass(frozen=True)
class CueRun:
    cue_id: int
    title: str
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None
    #: how long the caller held the action during this cue (P): a police stop that went
    #: nowhere in the debrief, only an overrun of 17 minutes
    held_seconds: int = 0

    @property
    def started_late(self) -> int | None:
        """Minutes the cue started after plan (negative: early); None when not recorded."""
        if self.actual_start is None:
            return None
        return _minutes(self.actual_start - self.planned_start)

    @property
    def skipped(self) -> bool:
        """Started and ended within a minute (Space twice): the caller went past it. Such a
        cue read "overran by 5 min" in red when the action was running late."""
        if self.actual_start is None or self.actual_end is None:
            return False
        return (self.actual_end - self.actual_start).total_seconds() < 60 <= self.minutes * 60

    @property
    def minutes(self) -> float:
        return (self.planned_end - self.planned_start).total_seconds() / 60

    @property
    def overrun(self) -> int | None:
        """Minutes the cue ended after its planned end (negative: before); None when its
        actual end is not recorded, or the cue was skipped."""
        if self.actual_end is None or self.skipped:
            return None
        return _minutes(self.actual_end - self.planned_end)


def _minutes(delta: timedelta) -> int:
    return round(delta.total_seconds() / 60)


@dataclass(frozen=True)
class Turnout:
    role: str
    attended: int
    confirmed: int
    needed: int


@dataclass(frozen=True)
class PropBack:
    prop_id: int
    name: str
    condition: str  # damaged or lost


@dataclass(frozen=True)
class IncidentLine:
    incident_id: int
    at: datetime
    cue: str
    text: str


@dataclass(frozen=True)
class CoverageLine:
    coverage_id: int
    outlet: str
    link: str
    note: str
    published_on: date | None


@dataclass
class Debrief:
    action_id: int
    slug: str
    title: str
    status: str
    language: str
    timezone: str
    country: str
    starts_at: datetime
    ends_at: datetime
    cues: list[CueRun] = field(default_factory=list)
    turnout: list[Turnout] = field(default_factory=list)
    props: list[PropBack] = field(default_factory=list)
    incidents: list[IncidentLine] = field(default_factory=list)
    coverage: list[CoverageLine] = field(default_factory=list)
    lessons: str = ""

    @property
    def has_actuals(self) -> bool:
        return any(c.actual_start is not None for c in self.cues)

    @property
    def total_attended(self) -> int:
        return sum(t.attended for t in self.turnout)

    @property
    def total_needed(self) -> int:
        return sum(t.needed for t in self.turnout)

    @property
    def end_overrun(self) -> int | None:
        """Minutes the last recorded cue ended after its plan: how late the action finished."""
        ended = [c for c in self.cues if c.actual_end is not None]
        if not ended:
            return None
        return _minutes(ended[-1].actual_end - ended[-1].planned_end)  # skipped or not


def load(session: Session, action_id: int) -> Debrief:
    action = session.scalar(
        select(m.Action)
        .where(m.Action.id == action_id, m.Action.deleted_at.is_(None))
        .options(
            selectinload(m.Action.roles),
            selectinload(m.Action.assignments),
            selectinload(m.Action.cues),
            selectinload(m.Action.props),
            selectinload(m.Action.incidents),
            selectinload(m.Action.coverage),
        )
    )
    if action is None:
        raise NotFoundError(_("no action with id {id}").format(id=action_id), field="id")
    out = Debrief(
        action_id=action.id,
        slug=action.slug,
        title=action.title,
        status=action.status,
        language=(action.languages or ["en"])[0],
        timezone=action.timezone,
        country=action.country,
        starts_at=action.starts_at,
        ends_at=action.ends_at,
        lessons=action.lessons or "",
    )
    titles = {}
    for cue in action.cues:
        titles[cue.id] = cue.title
        out.cues.append(
            CueRun(
                cue.id,
                cue.title,
                cue.starts_at,
                cue.ends_at,
                cue.actual_start,
                cue.actual_end,
                cue.held_seconds or 0,
            )
        )
    for role in action.roles:
        mine = [a for a in action.assignments if a.role_id == role.id]
        out.turnout.append(
            Turnout(
                role=role.name,
                attended=sum(1 for a in mine if a.attended),
                confirmed=sum(1 for a in mine if a.confirmed),
                needed=role.needed,
            )
        )
    out.props = [
        PropBack(p.id, p.name, p.condition)
        for p in action.props
        if p.condition in ("damaged", "lost")
    ]
    out.incidents = [
        IncidentLine(i.id, i.at, titles.get(i.cue_id, ""), i.text) for i in action.incidents
    ]
    out.coverage = [
        CoverageLine(c.id, c.outlet, c.link, c.note, c.published_on) for c in action.coverage
    ]
    return out
