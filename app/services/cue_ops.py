"""Cue operations that write several rows: each is one call, one transaction, one undo step.

``insert_after`` puts a new cue right after another, chained to it, and hands it the
followers of that cue: the chain runs through the new cue and everything after it moves down
by its duration (refused, with nothing written, if that would push a cue past the action's end).
Undo relinks the followers and removes the cue; redo puts the very same row back.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.services import edits
from app.services.changes import Change
from app.services.ops import OpChanges
from app.services.undo_checks import refuse, states, still_as_left


def _followers(session: Session, cue_id: int) -> list[int]:
    return list(session.scalars(select(m.Cue.id).where(m.Cue.follows_id == cue_id)))


def insert_after(session: Session, *, after_id: int, values: dict) -> OpChanges:
    """A chained cue right after cue ``after_id``; ``result`` is its id."""
    after = edits.get(session, "cue", after_id)
    action_id = after.action_id
    followers = _followers(session, after_id)
    values = {k: v for k, v in values.items() if k not in ("starts_at", "follows_id")}
    new_id = edits.create(
        session,
        "cue",
        **values,
        action_id=action_id,
        starts_at=after.ends_at,
        follows_id=after_id,
    )
    for cue_id in followers:
        edits.update(session, "cue", cue_id, follows_id=new_id)
    return OpChanges(
        Change("cue", (new_id, *followers), "created", action_id),
        undo=_take_back(action_id, new_id, after_id, followers, states(session, m.Cue, [new_id])),
        result=new_id,
    )


def _take_back(action_id: int, new_id: int, after_id: int, followers: list[int], left: dict):
    """Undo of an insert: only the cue as the insert left it (a colleague's edit stays)."""

    def run(session: Session) -> OpChanges:
        still_as_left(session, "cue", m.Cue, left)
        # the chain as the insert left it: a follower a colleague chained elsewhere since, or
        # a cue they chained after the new one, is theirs (relinked or unchained, it was lost)
        now = set(_followers(session, new_id))
        for cue_id in sorted(now ^ set(followers)):
            refuse(session, "cue", m.Cue, cue_id, deleted=False)
        for cue_id in followers:
            edits.update(session, "cue", cue_id, follows_id=after_id)
        snap = edits.delete(session, "cue", new_id)
        return OpChanges(
            Change("cue", (new_id, *followers), "deleted", action_id),
            undo=_put_back(action_id, snap, followers),
            result=new_id,
        )

    return run


def _put_back(action_id: int, snap, followers: list[int]):
    def run(session: Session) -> OpChanges:
        edits.restore_snapshot(session, snap)
        after_id = edits.get(session, "cue", snap.id).follows_id
        for cue_id in followers:
            edits.update(session, "cue", cue_id, follows_id=snap.id)
        return OpChanges(
            Change("cue", (snap.id, *followers), "restored", action_id),
            undo=_take_back(
                action_id, snap.id, after_id, followers, states(session, m.Cue, [snap.id])
            ),
            result=snap.id,
        )

    return run


def import_calendar(
    session: Session, *, action_id: int, data: bytes | str, skip_outside: bool
) -> OpChanges:
    """Make or update cues from an .ics file; ``result`` is the ImportOutcome."""
    from app.services.calendar_import import apply_import, preview_ics, undo_import
    from app.services.ops import reversible

    pre = preview_ics(session, action_id, data)
    if skip_outside:
        pre.events = [e for e in pre.events if not e.outside]
    outcome = apply_import(session, pre)
    ids = (*outcome.created, *outcome.updated)
    left = states(session, m.Cue, ids)  # a cue a colleague edited since stays theirs

    def undo(s: Session) -> Change:
        still_as_left(s, "cue", m.Cue, left)
        undo_import(s, outcome)
        return Change("cue", ids, "reloaded", action_id)

    return reversible(
        Change("cue", ids, "reloaded", action_id),
        undo=undo,
        redo=lambda s: import_calendar(
            s, action_id=action_id, data=data, skip_outside=skip_outside
        ),
        result=outcome,
    )
