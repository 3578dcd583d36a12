"""Whole-action operations: look-ups, delete with undo, moving in time, duplicating as a template.

Editing keeps the *wall-clock* plan: a new zone keeps "10:00" as 10:00 in the new zone, and a move
to another date keeps every local time, refusing one that would not exist on the new date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import distinct, func, select, update
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError, NotFoundError
from app.domain.timeutil import LocalTimeError, localize, zone
from app.i18n import _
from app.services.snapshot import Snapshot
from app.services.validation import slugify, unique_name
from app.storage.rows import load_action


def action_by_slug(session: Session, slug: str) -> m.Action:
    action = session.scalar(
        select(m.Action).where(m.Action.slug == slug, m.Action.deleted_at.is_(None))
    )
    if action is None:
        raise NotFoundError(_("no action with slug {slug!r}").format(slug=slug), field="slug")
    return action


def participant_by_alias(session: Session, alias: str) -> m.Participant:
    person = session.scalar(
        select(m.Participant).where(m.Participant.alias_key == m.alias_key(alias))
    )
    if person is None:
        raise NotFoundError(
            _("no participant with alias {alias!r}").format(alias=alias), field="alias"
        )
    return person


def free_slug(session: Session, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``…: the first slug no action has yet."""
    taken = set(session.scalars(select(m.Action.slug).where(m.Action.slug.like(f"{base}%"))))
    return unique_name(base, taken)


def list_actions(session: Session) -> list[m.Action]:
    return list(
        session.scalars(
            select(m.Action)
            .where(m.Action.deleted_at.is_(None))
            .order_by(m.Action.starts_at, m.Action.id)
        )
    )


def action_list_rows(
    session: Session, action_id: int | None = None
) -> list[tuple[int, str, str, datetime, str]]:
    """(id, title, status, start, zone) of every action by start (or of one): the actions list
    reads these five columns, not whole actions."""
    a = m.Action
    query = select(a.id, a.title, a.status, a.starts_at, a.timezone).where(a.deleted_at.is_(None))
    if action_id is not None:
        query = query.where(a.id == action_id)
    return [tuple(row) for row in session.execute(query.order_by(a.starts_at, a.id))]


def action_slugs(session: Session) -> list[tuple[str, datetime, str, str, str]]:
    """(slug, start, zone, status, title) of every action by start: what ``list`` prints, read
    in Core (no ORM object, no mapper work: the CLI starts fast)."""
    t = m.Action.__table__
    query = (
        select(t.c.slug, t.c.starts_at, t.c.timezone, t.c.status, t.c.title)
        .where(t.c.deleted_at.is_(None))
        .order_by(t.c.starts_at, t.c.id)
    )
    return [tuple(row) for row in session.execute(query)]


def header_counts(session: Session, action_id: int) -> dict[str, int]:
    """How many participants, cues and props the action has (the window's status line)."""
    people = session.scalar(
        select(func.count(distinct(m.Assignment.participant_id))).where(
            m.Assignment.action_id == action_id
        )
    )
    cues = session.scalar(
        select(func.count()).select_from(m.Cue).where(m.Cue.action_id == action_id)
    )
    props = session.scalar(
        select(func.count()).select_from(m.Prop).where(m.Prop.action_id == action_id)
    )
    return {"participants": people or 0, "cues": cues or 0, "props": props or 0}


def _instants(session: Session, action: m.Action) -> list[tuple[object, str, str]]:
    """(object, attribute, label) of every instant that belongs to the action."""
    out: list[tuple[object, str, str]] = [
        (action, "starts_at", "starts_at"),
        (action, "ends_at", "ends_at"),
    ]
    for cue in action.cues:
        out.append((cue, "starts_at", f"cue {cue.title!r}"))
    for a in action.assignments:
        if a.call_time is not None:
            out.append((a, "call_time", f"call time of {a.participant.alias!r}"))
    for r in action.releases:
        for attr in ("release_at", "embargo_until"):
            if getattr(r, attr) is not None:
                out.append((r, attr, f"release {r.key!r} {attr}"))
    return out


def _remap(
    session: Session, action: m.Action, change: Callable[[datetime], datetime], new_zone: str
) -> None:
    tz_new = zone(new_zone)
    updates = []
    for obj, attr, label in _instants(session, action):
        local = change(getattr(obj, attr))
        try:
            instant = localize(local.replace(tzinfo=None), tz_new, fold=local.fold)
        except LocalTimeError as exc:
            raise DomainError(f"{label}: {exc}", field="timezone") from exc
        updates.append((obj, attr, instant.astimezone(UTC)))
    for obj, attr, instant in updates:
        setattr(obj, attr, instant)


def rezone(session: Session, action: m.Action, new_zone: str) -> None:
    """Keep every wall-clock time and read it in ``new_zone``."""
    old = zone(action.timezone)
    _remap(session, action, lambda t: t.astimezone(old), new_zone)
    action.timezone = new_zone


def shift_days(session: Session, action: m.Action, days: int) -> None:
    """Move the whole action by whole days, keeping every local time."""
    tz = zone(action.timezone)
    _remap(session, action, lambda t: t.astimezone(tz) + timedelta(days=days), action.timezone)
    for task in action.tasks:
        if task.due is not None:
            task.due = task.due + timedelta(days=days)


def move_action(session: Session, action_id: int, new_date: date) -> int:
    """Move the action (and everything in it) to ``new_date``; returns the day shift."""
    action = load_action(session, action_id)
    local_start = action.starts_at.astimezone(zone(action.timezone))
    days = (new_date - local_start.date()).days
    if days:
        shift_days(session, action, days)
        session.flush()
    return days


def duplicate_action(
    session: Session, action_id: int, *, new_date: date, title: str | None = None
) -> int:
    """A copy as a template for a new date: the plan without the people.

    Roles, cues (with their roles and props), props (back to 'needed'), releases (as drafts),
    open tasks and key contacts are copied and every time shifts together; assignments, direct
    cue participants, carriers and the declaration are not: they belong to the original day.
    """
    src = load_action(session, action_id)
    new_title = title or src.title
    copy = m.Action(
        slug=free_slug(session, slugify(title) if title else src.slug),
        title=new_title,
        message=src.message,
        description=src.description,
        status="planned",
        timezone=src.timezone,
        country=src.country,
        starts_at=src.starts_at,
        ends_at=src.ends_at,
        location_name=src.location_name,
        address=src.address,
        meeting_point=src.meeting_point,
        latitude=src.latitude,
        longitude=src.longitude,
        route=list(src.route or []),
        languages=list(src.languages or []),
        fallback_plan=src.fallback_plan,
        safety_notes=src.safety_notes,
        decl_authority=src.decl_authority,
    )
    session.add(copy)
    copy.contacts = [
        m.KeyContact(position=c.position, label=c.label, phone=c.phone, email=c.email)
        for c in src.contacts
    ]
    roles = {
        r.id: m.Role(key=r.key, name=r.name, needed=r.needed, instructions=r.instructions)
        for r in src.roles
    }
    copy.roles = list(roles.values())
    props = {
        p.id: m.Prop(
            key=p.key, name=p.name, quantity=p.quantity, status="needed", cost=p.cost, notes=p.notes
        )
        for p in src.props
    }
    copy.props = list(props.values())
    cues = {
        c.id: m.Cue(
            key=c.key,
            starts_at=c.starts_at,
            minutes=c.minutes,
            title=c.title,
            place=c.place,
            instructions=c.instructions,
            roles=[roles[r.id] for r in c.roles],
            props=[props[p.id] for p in c.props],
        )
        for c in src.cues
    }
    for c in src.cues:  # the copy's chains run through the copy's cues
        if c.follows_id in cues:
            cues[c.id].follows = cues[c.follows_id]
    copy.cues = list(cues.values())
    releases = {}
    for r in src.releases:
        releases[r.id] = m.PressRelease(
            key=r.key,
            language=r.language,
            headline=r.headline,
            subheadline=r.subheadline,
            dateline=r.dateline,
            release_at=r.release_at,
            embargo_until=r.embargo_until,
            body=r.body,
            boilerplate=r.boilerplate,
            status="draft",
            quotes=[m.Quote(position=q.position, speaker=q.speaker, text=q.text) for q in r.quotes],
            press_contacts=[
                m.PressContact(position=c.position, label=c.label, phone=c.phone, email=c.email)
                for c in r.press_contacts
            ],
        )
    for r in src.releases:
        if r.translation_of_id in releases:
            releases[r.id].translation_of = releases[r.translation_of_id]
    copy.releases = list(releases.values())
    copy.tasks = [m.Task(title=t.title, due=t.due, done=False) for t in src.tasks]
    session.flush()
    fresh = load_action(session, copy.id)
    local_start = src.starts_at.astimezone(zone(src.timezone))
    days = (new_date - local_start.date()).days
    if days:
        shift_days(session, fresh, days)
    session.flush()
    return copy.id


def soft_delete(session: Session, action: m.Action) -> Snapshot:
    """Hide the action (undo brings it back); it is erased for good when the window closes,
    or at an open once a day old (``app.storage.engine.erase_deleted_actions``)."""
    action.deleted_at = datetime.now(UTC)
    session.flush()
    return Snapshot(entity="action", id=action.id, action_id=action.id)


def undelete(session: Session, action_id: int) -> None:
    session.execute(
        update(m.Action)
        .where(m.Action.id == action_id)
        .values(deleted_at=None, version=m.Action.version + 1)
        .execution_options(synchronize_session=False)
    )
    session.expire_all()
