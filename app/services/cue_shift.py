"""Shift selected cues by N minutes: one operation, one undo step, the chain rules applied.

- A selected cue that is not chained moves by N; the cues chained after it move with it
  (``chain.ripple``), selected or not.
- A selected chained cue starts when its predecessor ends: it moves only with the first cue of
  its chain, which must then be selected too; otherwise the shift is refused naming both.
- A shift that would make any moved cue end after the action ends is refused, naming the cue
  and the time; nothing moves (all or nothing).
- Each selected cue goes over the version the user saw (a real edit, not a flag).

Instants are UTC: a shift is elapsed time, across a change of the clocks too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import ConflictError, DomainError
from app.i18n import _, ngettext
from app.services import edits
from app.services.bulk_ops import Seen, changed_since
from app.services.chain import ripple
from app.services.changes import Change
from app.services.flush import flush_or_conflict
from app.services.ops import OpChanges, reversible

MAX_SHIFT = 24 * 60  # minutes either way: a day


def _check_minutes(minutes) -> None:
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        raise DomainError(_("must be a whole number of minutes"), field="minutes")
    if minutes == 0:
        raise DomainError(_("enter a number of minutes other than 0"), field="minutes")
    if abs(minutes) > MAX_SHIFT:
        raise DomainError(
            ngettext(
                "shift by at most {n} minute either way",
                "shift by at most {n} minutes either way",
                MAX_SHIFT,
            ).format(n=MAX_SHIFT),
            field="minutes",
        )


def _root(cue: m.Cue, by_id: dict[int, m.Cue]) -> m.Cue:
    seen = {cue.id}
    while cue.follows_id is not None and cue.follows_id in by_id:
        cue = by_id[cue.follows_id]
        if cue.id in seen:  # a loop is refused when it is made; never walk one forever
            break
        seen.add(cue.id)
    return cue


def plan(session: Session, ids: Sequence[int], minutes: int) -> tuple[list[int], list[int]]:
    """(the selected cues that move by themselves, every cue that moves), or DomainError."""
    _check_minutes(minutes)
    if not ids:
        raise DomainError(_("select at least one cue"), field="selection")
    first = edits.get(session, "cue", ids[0])
    action = edits.get(session, "action", first.action_id)
    cues = list(session.scalars(select(m.Cue).where(m.Cue.action_id == action.id)))
    by_id = {c.id: c for c in cues}
    chosen = set(ids)
    for cid in ids:
        cue = by_id.get(cid)
        if cue is None:
            raise DomainError(_("unknown cue for this action"), field="selection")
        root = _root(cue, by_id)
        if root.id not in chosen:
            raise DomainError(
                _(
                    "“{cue}” is chained: it starts when the cue before it ends and moves only "
                    "with “{first}”, the first cue of its chain; select that one too, or unchain "
                    "“{cue}”"
                ).format(cue=cue.title, first=root.title),
                field="selection",
            )
    roots = [cid for cid in ids if by_id[cid].follows_id is None]
    moving = [c for c in cues if _root(c, by_id).id in set(roots)]
    late = [
        c
        for c in moving
        if c.starts_at + timedelta(minutes=minutes + c.minutes) > action.ends_at and minutes > 0
    ]
    if late:
        _refuse_late(action, late[0], minutes)
    return roots, [c.id for c in sorted(moving, key=lambda c: (c.starts_at, c.id))]


def _refuse_late(action: m.Action, cue: m.Cue, minutes: int) -> None:
    from app.domain.timeutil import zone
    from app.i18n import ui

    tz = zone(action.timezone)
    end = cue.starts_at + timedelta(minutes=minutes + cue.minutes)
    raise DomainError(
        ngettext(
            "shifting by {n} minute would make “{cue}” end at {time}, after the action ends "
            "({end}); nothing was moved",
            "shifting by {n} minutes would make “{cue}” end at {time}, after the action ends "
            "({end}); nothing was moved",
            minutes,
        ).format(
            n=minutes,
            cue=cue.title,
            time=ui().time(end.astimezone(tz), "short"),
            end=ui().time(action.ends_at.astimezone(tz), "short"),
        ),
        field="minutes",
    )


def _move(session: Session, roots: list[int], minutes: int, holding: dict | None) -> dict:
    """Move ``roots`` by ``minutes`` (each still at ``holding[id]`` if given); their old starts."""
    old = {}
    for cid in roots:
        cue = edits.get(session, "cue", cid)
        if holding is not None and cue.starts_at != holding[cid]:
            raise changed_since(session, "cue", cid)
        old[cid] = cue.starts_at
        cue.starts_at = cue.starts_at + timedelta(minutes=minutes)
    flush_or_conflict(session, "cue")
    return old


def shift(
    session: Session, *, rows: Sequence[Seen], minutes: int, holding: dict | None = None
) -> OpChanges:
    """Shift the selected cues (``rows``, as seen) by ``minutes``; ``result``: the moved ids."""
    ids = [r.id for r in rows]
    roots, moving = plan(session, ids, minutes)
    for row in rows:  # every selected cue as the user saw it
        try:
            edits.seen(session, "cue", row.id, row.version, shown=row.shown or None)
        except ConflictError as exc:
            raise changed_since(session, "cue", row.id, deleted=exc.deleted) from exc
    action_id = edits.get(session, "cue", ids[0]).action_id
    old = _move(session, roots, minutes, holding)
    ripple(session, action_id, field="minutes")
    change = Change("cue", tuple(moving), "updated", action_id)
    new = {cid: start + timedelta(minutes=minutes) for cid, start in old.items()}

    def undo(s: Session) -> Change:
        _move(s, list(reversed(roots)), -minutes, new)
        ripple(s, action_id, field="minutes")
        return change

    def redo(s: Session) -> OpChanges:
        return shift(s, rows=[Seen(r.id) for r in rows], minutes=minutes, holding=old)

    return reversible(change, undo=undo, redo=redo, result=moving)
