"""Chained cues: each follows one named predecessor and starts the moment it ends.

- ``check_follows`` refuses a predecessor from another action, the cue itself, or a loop.
- ``ripple`` moves every chained cue of an action to the end of the cue it follows, in chain
  order. An unchained cue never moves, and moves no other. A ripple that would push a cue to end
  after the action ends is refused (DomainError naming the field the user changed): the whole
  edit is then refused and nothing is written.
- Starts are computed in elapsed time (UTC instants): 01:30 + 60 minutes across the night the
  clocks go forward is 03:30, so a chained start can never land on a wall-clock time that does
  not exist, and an ambiguous one is the right occurrence by construction.
- The moved rows are version-checked like any edit: a concurrent change by another organiser
  is a ConflictError, never a raw StaleDataError.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError
from app.i18n import _
from app.services.flush import flush_or_conflict


def _loop() -> DomainError:
    return DomainError(_("a cue cannot follow itself, even through others"), field="follows_id")


def check_follows(session: Session, *, cue_id: int | None, action_id: int, follows_id) -> None:
    """``follows_id`` may be the predecessor of cue ``cue_id`` (None: a new cue)."""
    if follows_id is None:
        return
    pred = session.get(m.Cue, follows_id)
    if pred is None or pred.action_id != action_id:
        raise DomainError(_("unknown cue for this action"), field="follows_id")
    seen = {cue_id}
    while pred is not None:
        if pred.id in seen:
            raise DomainError(
                _("a cue cannot follow itself, even through others"), field="follows_id"
            )
        seen.add(pred.id)
        pred = session.get(m.Cue, pred.follows_id) if pred.follows_id is not None else None


def _in_chain_order(cues: list[m.Cue]) -> list[m.Cue]:
    by_id = {c.id: c for c in cues}
    done: set[int] = set()
    out: list[m.Cue] = []

    def visit(cue: m.Cue, path: set[int]) -> None:
        if cue.id in done:
            return
        if cue.id in path:
            raise DomainError(
                _("a cue cannot follow itself, even through others"), field="follows_id"
            )
        pred = by_id.get(cue.follows_id) if cue.follows_id is not None else None
        if pred is not None:
            visit(pred, path | {cue.id})
        done.add(cue.id)
        out.append(cue)

    for cue in sorted(cues, key=lambda c: (c.starts_at, c.id)):
        visit(cue, set())
    return out


def ripple(session: Session, action_id: int, *, field: str = "minutes") -> list[int]:
    """Move chained cues to their predecessor's end; returns the ids that moved."""
    from app.domain.timeutil import zone
    from app.i18n import ui

    flush_or_conflict(session, "cue")
    action = session.get(m.Action, action_id)
    cues = list(session.scalars(select(m.Cue).where(m.Cue.action_id == action_id)))
    by_id = {c.id: c for c in cues}
    moved = []
    for cue in _in_chain_order(cues):
        pred = by_id.get(cue.follows_id) if cue.follows_id is not None else None
        if pred is None:
            continue
        start = pred.starts_at + timedelta(minutes=pred.minutes)
        if cue.starts_at == start:
            continue
        end = start + timedelta(minutes=cue.minutes)
        if action is not None and start > cue.starts_at and end > action.ends_at:
            tz = zone(action.timezone)
            raise DomainError(
                _(
                    "this would push “{cue}” to end at {time}, after the action ends ({end}); "
                    "shorten a cue before it or unchain it"
                ).format(
                    cue=cue.title,
                    time=ui().time(end.astimezone(tz)),
                    end=ui().time(action.ends_at.astimezone(tz)),
                ),
                field=field,
            )
        cue.starts_at = start
        moved.append(cue.id)
    flush_or_conflict(session, "cue")
    return moved


def read_follows(r, schedule: list[dict], known: set[str]) -> None:
    """``follows``: the key of the cue a chained cue follows (any cue of the bundle, no loop)."""
    follows = {}
    for i, cue in enumerate(schedule):
        key = r.ref(cue, "follows", f"schedule[{i}]", known)
        if key is not None and key == cue["key"]:
            r.fail(f"schedule[{i}].follows", str(_loop().problems[0].message))
            key = None
        cue["follows"] = key
        if key is not None:
            follows[cue["key"]] = key
    for i, cue in enumerate(schedule):
        seen: set[str] = set()
        at = follows.get(cue["key"])
        while at is not None and at != cue["key"] and at not in seen:
            seen.add(at)
            at = follows.get(at)
        if at == cue["key"]:
            r.fail(f"schedule[{i}].follows", str(_loop().problems[0].message))
