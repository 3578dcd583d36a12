"""Live mode, written: every key press is one operation, one transaction, one undo step.

``read_plan`` reads what the live screen shows. ``advance`` (Space), ``back`` (Backspace) and
``hold`` (P) compute their writes with ``app.services.live`` and commit them at once, so a crash
keeps the actual times; ``add_incident`` (I) logs a line of the day. Undo puts back the values
the key replaced, but only while the fields still hold what the key wrote: when another
organiser moved the live position since, the undo is refused (ConflictError) rather than
overwriting their step. Redo writes the very same values again (not a new "now").
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import ConflictError, DomainError
from app.i18n import _, ngettext, ui
from app.services import live
from app.services.changes import Change
from app.services.flush import flush_or_conflict
from app.services.ops import OpChanges, undoable_create

MAX_INCIDENT_CHARS = 2000
_MODELS = {"cue": m.Cue, "action": m.Action}


def read_plan(session: Session, action_id: int) -> live.LivePlan:
    """The action's cues with who and what each needs, and the live position."""
    from app.services.edits import get

    action = get(session, "action", action_id)
    assigned: dict[int, list[m.Assignment]] = defaultdict(list)
    for a in session.scalars(
        select(m.Assignment).where(m.Assignment.action_id == action_id).order_by(m.Assignment.id)
    ):
        assigned[a.role_id].append(a)
    # Once anybody is checked in, who is not matters to the caller ("Pallbearer: 2 of 4
    # checked in"); before, nobody is marked missing.
    begun = any(a.attended for people in assigned.values() for a in people)
    cues = []
    for cue in action.cues:
        roles = tuple(
            live.RoleNeed(
                name=r.name,
                needed=r.needed,
                assigned=len(assigned[r.id]),
                confirmed=sum(1 for a in assigned[r.id] if a.confirmed),
                aliases=tuple(a.participant.alias for a in assigned[r.id]),
                checked_in=sum(1 for a in assigned[r.id] if a.attended) if begun else None,
                absent=tuple(
                    a.participant.alias for a in assigned[r.id] if begun and not a.attended
                ),
            )
            for r in cue.roles
        )
        cues.append(
            live.LiveCue(
                id=cue.id,
                title=cue.title,
                starts_at=cue.starts_at,
                minutes=cue.minutes,
                follows_id=cue.follows_id,
                actual_start=cue.actual_start,
                actual_end=cue.actual_end,
                held_seconds=cue.held_seconds or 0,
                place=cue.place,
                instructions=cue.instructions,
                roles=roles,
                people=tuple(p.alias for p in cue.participants),
                props=tuple(live.PropNeed(p.name, p.status) for p in cue.props),
            )
        )
    return live.LivePlan(
        action_id=action.id,
        title=action.title,
        timezone=action.timezone,
        cues=tuple(cues),
        live_cue_id=action.live_cue_id,
        paused_at=action.live_paused_at,
        incidents=len(action.incidents),
    )


def _change(action_id: int, writes: live.Writes) -> Change:
    ids = tuple(sorted(i for (entity, i) in writes if entity == "cue"))
    if not ids:  # a hold began: only the action's row changed
        return Change("action", (action_id,), "updated", action_id)
    return Change("cue", ids, "updated", action_id)


def _apply(session: Session, action_id: int, writes: live.Writes, *, expect: live.Writes | None):
    """Write ``writes``; returns the values they replaced. ``expect``: what the fields must
    still hold (an undo or redo), else ConflictError."""
    old: live.Writes = {}
    for (entity, row_id), values in writes.items():
        obj = session.get(_MODELS[entity], row_id)
        if obj is None or (entity == "cue" and obj.action_id != action_id):
            raise ConflictError(
                _("this cue was deleted by somebody else meanwhile"),
                entity=entity,
                entity_id=row_id,
            )
        wanted = (expect or {}).get((entity, row_id))
        if wanted is not None and any(getattr(obj, k) != v for k, v in wanted.items()):
            raise ConflictError(
                _("somebody else moved the live position since; nothing was changed"),
                entity=entity,
                entity_id=row_id,
            )
        old[(entity, row_id)] = {k: getattr(obj, k) for k in values}
        for name, value in values.items():
            setattr(obj, name, value)
    flush_or_conflict(session, "cue")
    return old


def _op(action_id: int, writes: live.Writes, old: live.Writes) -> OpChanges:
    def take_back(session: Session) -> OpChanges:
        _apply(session, action_id, old, expect=writes)

        def again(session: Session) -> OpChanges:
            _apply(session, action_id, writes, expect=old)
            return _op(action_id, writes, old)

        return OpChanges(_change(action_id, writes), again)

    return OpChanges(_change(action_id, writes), take_back, result=bool(writes))


def _run(session: Session, action_id: int, compute, now: datetime) -> OpChanges:
    plan = read_plan(session, action_id)
    writes = compute(plan, now)
    if not writes:
        raise DomainError(_nothing(compute, plan))
    old = _apply(session, action_id, writes, expect=None)
    return _op(action_id, writes, old)


def _nothing(compute, plan: live.LivePlan) -> str:
    if not plan.steps:
        return _("this action has no cues to call")
    if compute is live.advance_writes:
        return _("the last cue has ended: Backspace goes back to it")
    if compute is live.back_writes:
        return _("nothing to go back to: no cue has started yet")
    return _("no cue is running: Space starts the first one")


def advance(session: Session, action_id: int, *, now: datetime) -> OpChanges:
    """Space: end the current cue and start the next, at ``now``."""
    return _run(session, action_id, live.advance_writes, now)


def back(session: Session, action_id: int, *, now: datetime) -> OpChanges:
    """Backspace: take back the last advance."""
    return _run(session, action_id, live.back_writes, now)


def hold(session: Session, action_id: int, *, now: datetime) -> OpChanges:
    """P: start a hold, or end the one running."""
    return _run(session, action_id, live.hold_writes, now)


def add_incident(
    session: Session, action_id: int, *, at: datetime, text: str, cue_id: int | None
) -> OpChanges:
    """I: one line of the day's log; ``result`` is its id."""
    from app.services.edits import get

    get(session, "action", action_id)
    text = " ".join((text or "").split())
    if not text:
        raise DomainError(_("it is empty; say in a few words what happened"), field="text")
    if len(text) > MAX_INCIDENT_CHARS:
        raise DomainError(
            ngettext(
                "at most {n} character (this is {count})",
                "at most {n} characters (this is {count})",
                MAX_INCIDENT_CHARS,
            ).format(n=ui().number(MAX_INCIDENT_CHARS), count=ui().number(len(text))),
            field="text",
        )
    if cue_id is not None and session.get(m.Cue, cue_id) is None:
        cue_id = None
    row = m.Incident(action_id=action_id, at=at, cue_id=cue_id, text=text)
    session.add(row)
    flush_or_conflict(session, "incident")
    return undoable_create(session, entity="incident", row_id=row.id, action_id=action_id)
