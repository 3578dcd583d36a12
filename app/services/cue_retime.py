"""Retiming one cue by dragging it (or Alt+arrows): a new start or a new duration, chain applied.

``preview`` is the rule, computed on the rows a view already holds (no database): where the cue
and every cue chained after it would go, or why the move is refused. The timeline draws it live
during a drag; ``retime`` checks the same rule on the stored rows and writes it as one operation
(one transaction, one undo step). Refused, with nothing written:

- a chained cue's start: it starts when the cue it follows ends (move that one, or unchain it);
- a duration outside 1 minute .. ``MAX_CUE_MINUTES``;
- a move that makes the cue, or a cue chained after it, end after the action ends, or makes the
  cue start before the action starts (a cue already outside may still move back inside).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError
from app.domain.limits import MAX_CUE_MINUTES
from app.domain.timeutil import zone
from app.i18n import _, ui
from app.services import edits
from app.services.changes import Change
from app.services.ops import OpChanges, reversible


@dataclass(frozen=True)
class Retimed:
    """Where the cues would be: ``starts`` and ``minutes`` of every cue that changes."""

    starts: dict[int, datetime] = field(default_factory=dict)
    minutes: dict[int, int] = field(default_factory=dict)
    error: str = ""
    field: str = ""  # the field the refusal is about: starts_at or minutes

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(sorted(self.starts.keys() | self.minutes.keys()))


def _clock(value: datetime, tz) -> str:
    return ui().time(value.astimezone(tz) if tz is not None else value)


def _chain_order(cues: list) -> list:
    by_id = {c.id: c for c in cues}
    done: set[int] = set()
    out: list = []

    def visit(cue, path: set[int]) -> None:
        if cue.id in done or cue.id in path:
            return
        pred = by_id.get(cue.follows_id) if cue.follows_id is not None else None
        if pred is not None:
            visit(pred, path | {cue.id})
        done.add(cue.id)
        out.append(cue)

    for cue in sorted(cues, key=lambda c: (c.starts_at, c.id)):
        visit(cue, set())
    return out


def preview(
    cues: Iterable,
    *,
    cue_id: int,
    starts_at: datetime | None = None,
    minutes: int | None = None,
    action_start: datetime | None = None,
    action_end: datetime | None = None,
    tz=None,
) -> Retimed:
    """Cue ``cue_id`` at ``starts_at`` and/or lasting ``minutes``, with the chain applied.

    ``cues``: every cue of the action (anything with id, title, starts_at, minutes, follows_id).
    """
    cues = list(cues)
    by_id = {c.id: c for c in cues}
    cue = by_id[cue_id]
    if starts_at is not None:  # elapsed time: a chain never lands in an hour that is skipped
        starts_at = starts_at.astimezone(UTC)
    if minutes is not None and not 1 <= minutes <= MAX_CUE_MINUTES:
        return Retimed(
            error=_("“{cue}” cannot last {duration}: a cue lasts from 1 minute to {max}").format(
                cue=cue.title,
                duration=ui().unit(minutes, "duration-minute", "long"),
                max=ui().unit(MAX_CUE_MINUTES // 1440, "duration-day", "long"),
            ),
            field="minutes",
        )
    moving = starts_at is not None and starts_at != cue.starts_at
    if moving and cue.follows_id is not None and cue.follows_id in by_id:
        return Retimed(
            error=_(
                "“{cue}” follows “{pred}” and starts when it ends: move “{pred}”, "
                "or unchain “{cue}” in its editor"
            ).format(cue=cue.title, pred=by_id[cue.follows_id].title),
            field="starts_at",
        )
    start = {c.id: c.starts_at for c in cues}
    length = {c.id: c.minutes for c in cues}
    if moving:
        start[cue_id] = starts_at
    if minutes is not None:
        length[cue_id] = minutes

    def end(cid: int) -> datetime:
        return start[cid] + timedelta(minutes=length[cid])

    for c in _chain_order(cues):
        pred = by_id.get(c.follows_id) if c.follows_id is not None else None
        if pred is not None:
            start[c.id] = end(pred.id)
    changed = {cid for cid in start if start[cid] != by_id[cid].starts_at}
    touched = changed | ({cue_id} if minutes is not None else set())
    for cid in sorted(touched, key=lambda i: (start[i], i)):  # the first to overrun is named
        c = by_id[cid]
        if action_end is not None and end(cid) > max(c.ends_at, action_end):
            return Retimed(
                error=_("“{cue}” would end at {time}, after the action ends ({end})").format(
                    cue=c.title, time=_clock(end(cid), tz), end=_clock(action_end, tz)
                ),
                field="minutes" if cid == cue_id and not moving else "starts_at",
            )
    if moving and action_start is not None and starts_at < min(cue.starts_at, action_start):
        return Retimed(
            error=_("“{cue}” would start at {time}, before the action starts ({start})").format(
                cue=cue.title, time=_clock(starts_at, tz), start=_clock(action_start, tz)
            ),
            field="starts_at",
        )
    return Retimed(
        starts={cid: start[cid] for cid in changed},
        minutes={cue_id: length[cue_id]} if length[cue_id] != cue.minutes else {},
    )


def retime(
    session: Session,
    *,
    cue_id: int,
    starts_at: datetime | None = None,
    minutes: int | None = None,
    expected_version: int | None = None,
    shown: dict | None = None,
) -> OpChanges:
    """Move cue ``cue_id`` to ``starts_at`` and/or make it last ``minutes``; the cues chained
    after it follow. One operation; undo puts the cue (and so its chain) back.

    ``expected_version`` and ``shown`` (its times as the user saw them): a cue another
    organiser retimed since is a conflict; one they only renamed or moved elsewhere is not."""
    cue = edits.seen(session, "cue", cue_id, expected_version, shown=shown)
    action = edits.get(session, "action", cue.action_id)
    cues = list(session.scalars(select(m.Cue).where(m.Cue.action_id == cue.action_id)))
    plan = preview(
        cues,
        cue_id=cue_id,
        starts_at=starts_at,
        minutes=minutes,
        action_start=action.starts_at,
        action_end=action.ends_at,
        tz=zone(action.timezone),
    )
    if not plan.ok:
        raise DomainError(plan.error, field=plan.field)
    values: dict = {}
    if cue_id in plan.starts and cue.follows_id is None:
        values["starts_at"] = plan.starts[cue_id]
    if cue_id in plan.minutes:
        values["minutes"] = plan.minutes[cue_id]
    action_id = cue.action_id
    old = edits.update(session, "cue", cue_id, **values) if values else {}
    change = Change("cue", plan.ids or (cue_id,), "updated", action_id)

    def undo(s: Session) -> Change:
        if old:
            edits.update(s, "cue", cue_id, **old)
        return change

    return reversible(
        change,
        undo=undo,
        redo=lambda s: retime(s, cue_id=cue_id, starts_at=starts_at, minutes=minutes),
        result=plan,
    )
