"""Purging personal data: who is due, who an action's purge takes, and erasing it for good.

A purge empties the personal fields of a participant (full name, phone, e-mail, notes,
retain-until, consent date and scope) or a media contact (name, e-mail, phone) and stamps
``purged_at``. Aliases, assignments, cues and history stay, so past plans still read. The photo
consent stays too: it protects the person in photos already taken.

The values must not survive in the file: ``secure_delete`` (always on) zeroes freed cells, and
``erase_freed_space`` then checkpoints the WAL with TRUNCATE, VACUUMs and truncates again, so
neither the database file nor its WAL holds the old values. Backups made earlier still do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.timeutil import utcnow, zone
from app.services.readiness import retention_dates
from app.services.settings import get_settings


@dataclass(frozen=True)
class Person:
    id: int
    label: str  # the alias (participants) or the outlet (media contacts): never personal data
    retain_until: date | None = None


@dataclass
class PurgePlan:
    participants: list[Person] = field(default_factory=list)
    media_contacts: list[Person] = field(default_factory=list)
    #: (alias, why) of the action's people a purge leaves alone
    kept: list[tuple[str, str]] = field(default_factory=list)
    #: why nobody may be purged yet ("" when the plan can run)
    blocked: str = ""

    @property
    def empty(self) -> bool:
        return not self.participants and not self.media_contacts


@dataclass(frozen=True)
class PurgeResult:
    participants: int
    media_contacts: int
    erased: bool  # the WAL was truncated and the file vacuumed


def _has_participant_data():
    p = m.Participant
    return or_(
        p.full_name != "",
        p.phone != "",
        p.email != "",
        p.notes != "",
        p.consent_scope != "",
        p.consent_given_on.is_not(None),
        p.retain_until.is_not(None),
    )


def _has_media_data():
    c = m.MediaContact
    return or_(c.name != "", c.email != "", c.phone != "")


def _action_people(session: Session, action_ids: list[int] | None) -> dict[int, set[int]]:
    """participant id -> ids of the live actions they are in (assigned, in a cue, carrying…)."""
    live = select(m.Action.id).where(m.Action.deleted_at.is_(None))
    if action_ids is not None:
        live = live.where(m.Action.id.in_(action_ids))
    live_ids = set(session.scalars(live))
    links = [
        select(m.Assignment.participant_id, m.Assignment.action_id),
        select(m.cue_participant.c.participant_id, m.Cue.action_id).join(
            m.Cue, m.Cue.id == m.cue_participant.c.cue_id
        ),
        select(m.prop_carrier.c.participant_id, m.Prop.action_id).join(
            m.Prop, m.Prop.id == m.prop_carrier.c.prop_id
        ),
        select(m.Task.assignee_id, m.Task.action_id).where(m.Task.assignee_id.is_not(None)),
    ]
    out: dict[int, set[int]] = {}
    for query in links:
        for pid, aid in session.execute(query):
            if aid in live_ids:
                out.setdefault(pid, set()).add(aid)
    return out


def today_in(session: Session, now: datetime | None = None) -> date:
    """Today where the organisation works (the zone of its next action, else UTC)."""
    now = now or utcnow()
    tzname = session.scalar(
        select(m.Action.timezone)
        .where(m.Action.deleted_at.is_(None), m.Action.ends_at >= now)
        .order_by(m.Action.starts_at)
        .limit(1)
    )
    return now.astimezone(zone(tzname)).date() if tzname else now.date()


def plan_for_action(
    session: Session,
    action_id: int,
    *,
    today: date | None = None,
    now: datetime | None = None,
) -> PurgePlan:
    """The action's people who are in no later action (and not kept on purpose until later).

    Nobody, with the reason in ``blocked``, while the action has not taken place yet (unless it
    was cancelled): its people are still needed.
    """
    from app.storage.rows import load_action

    action = load_action(session, action_id)
    now = now or utcnow()
    if action.status != "cancelled" and action.ends_at > now:
        from app.i18n import _, ui

        tz = zone(action.timezone)
        return PurgePlan(
            blocked=_(
                "“{title}” has not taken place yet (it ends {end}): its people are still "
                "needed. Purge after it, or mark it cancelled."
            ).format(
                title=ui().isolated(action.title), end=ui().datetime(action.ends_at.astimezone(tz))
            )
        )
    today = today or today_in(session, now)
    people = {pid for pid, aids in _action_people(session, [action_id]).items() if aids}
    later = session.scalars(
        select(m.Action.id).where(
            m.Action.deleted_at.is_(None),
            m.Action.id != action_id,
            m.Action.starts_at > action.starts_at,
        )
    ).all()
    in_later = _action_people(session, list(later)) if later else {}
    titles = dict(session.execute(select(m.Action.id, m.Action.title)).all())
    plan = PurgePlan()
    rows = session.scalars(
        select(m.Participant)
        .where(m.Participant.id.in_(people), _has_participant_data())
        .order_by(func.lower(m.Participant.alias))
    ).all()
    for p in rows:
        if in_later.get(p.id):
            first = min(in_later[p.id])
            plan.kept.append((p.alias, titles.get(first, "")))
        elif p.retain_until is not None and p.retain_until >= today:
            plan.kept.append((p.alias, p.retain_until.isoformat()))
        else:
            plan.participants.append(Person(p.id, p.alias, p.retain_until))
    return plan


def plan_due(session: Session, *, today: date | None = None) -> PurgePlan:
    """Everybody past their retention date who still has personal data."""
    today = today or today_in(session)
    days = get_settings(session).retention_days
    plan = PurgePlan()
    rows = session.execute(
        select(m.Participant.id, m.Participant.alias)
        .where(_has_participant_data())
        .order_by(func.lower(m.Participant.alias))
    ).all()
    dates = retention_dates(session, [r.id for r in rows], days)
    for pid, alias in rows:
        until = dates.get(pid)
        if until is not None and until < today:
            plan.participants.append(Person(pid, alias, until))
    plan.media_contacts = _media_due(session, today, days)
    return plan


def _media_due(session: Session, today: date, days: int) -> list[Person]:
    """Media contacts past their retain-until (else the end of their last action + N days)."""
    last_end = dict(
        session.execute(
            select(m.action_media_contact.c.media_contact_id, func.max(m.Action.ends_at))
            .join(m.Action, m.Action.id == m.action_media_contact.c.action_id)
            .where(m.Action.deleted_at.is_(None))
            .group_by(m.action_media_contact.c.media_contact_id)
        ).all()
    )
    out = []
    for c in session.scalars(
        select(m.MediaContact).where(_has_media_data()).order_by(m.MediaContact.outlet)
    ):
        until = c.retain_until
        if until is None and last_end.get(c.id) is not None:
            end = last_end[c.id]
            until = (end.date() if isinstance(end, datetime) else end) + timedelta(days=days)
        if until is not None and until < today:
            out.append(Person(c.id, c.outlet, until))
    return out


def due_count(session: Session, *, today: date | None = None) -> int:
    """How many people (participants and media contacts) are due for a purge: the reminder.

    One aggregate query for participants (the same rule as ``plan_due``: their own retain-until,
    else the end of their last action + the retention days, before today), not a plan with an
    ``IN`` list of every id: it runs at every start and after every edit to people.
    """
    today = today or today_in(session)
    days = get_settings(session).retention_days
    p = m.Participant
    last_end = (
        select(func.max(m.Action.ends_at))
        .join(m.Assignment, m.Assignment.action_id == m.Action.id)
        .where(m.Assignment.participant_id == p.id, m.Action.deleted_at.is_(None))
        .scalar_subquery()
    )
    # end.date() + days < today  <=>  end < midnight UTC of (today - days)
    cutoff = datetime.combine(today - timedelta(days=days), time(0), tzinfo=UTC)
    people = session.scalar(
        select(func.count())
        .select_from(p)
        .where(
            _has_participant_data(),
            or_(p.retain_until < today, and_(p.retain_until.is_(None), last_end < cutoff)),
        )
    )
    return int(people or 0) + len(_media_due(session, today, days))


def purge_rows(
    session: Session,
    *,
    participant_ids: list[int],
    media_contact_ids: list[int] = (),
    now: datetime | None = None,
) -> tuple[int, int]:
    """Empty the personal fields (one transaction: the caller's session). Cannot be undone."""
    now = now or utcnow()
    n_people = n_media = 0
    for p in session.scalars(select(m.Participant).where(m.Participant.id.in_(participant_ids))):
        p.full_name = p.phone = p.email = p.notes = p.consent_scope = ""
        p.consent_given_on = None
        p.retain_until = None
        p.purged_at = now
        n_people += 1
    ids = list(media_contact_ids)
    for c in session.scalars(select(m.MediaContact).where(m.MediaContact.id.in_(ids))):
        c.name = c.email = c.phone = ""
        c.retain_until = None
        c.purged_at = now
        n_media += 1
    session.flush()
    return n_people, n_media


def erase_freed_space(store) -> bool:
    """Make purged values unrecoverable from the file and its WAL (SQLite only).

    True when the WAL could be truncated (no other program was reading the database).
    """
    if store.backend != "sqlite":
        return False
    raw = store.engine.raw_connection()
    try:
        conn = raw.driver_connection
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        conn.execute("VACUUM")
        busy2 = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        raw.close()
    return not busy and not busy2


def run_purge(store, plan: PurgePlan, *, now: datetime | None = None) -> PurgeResult:
    """Purge the plan's people in one transaction, then erase the freed space."""
    with store.session() as session:
        n_people, n_media = purge_rows(
            session,
            participant_ids=[p.id for p in plan.participants],
            media_contact_ids=[c.id for c in plan.media_contacts],
            now=now,
        )
    erased = erase_freed_space(store)
    return PurgeResult(n_people, n_media, erased)


def copies_beside(store) -> list[Path]:
    """Copies the app made beside the database (before an upgrade or a restore): they still
    hold purged values until the organiser deletes them."""
    path = store.path
    if path is None or not path.parent.exists():
        return []
    return sorted(
        p
        for p in path.parent.glob(path.name + ".before-*")
        if not p.name.endswith(("-wal", "-shm"))
    )


def action_choices(session: Session) -> list[tuple[int, str, datetime]]:
    """(id, title, start in the action's zone) of every live action, latest first."""
    rows = session.execute(
        select(m.Action.id, m.Action.title, m.Action.starts_at, m.Action.timezone)
        .where(m.Action.deleted_at.is_(None))
        .order_by(m.Action.starts_at.desc())
    ).all()
    return [(aid, title, start.astimezone(zone(tz))) for aid, title, start, tz in rows]
