"""Importing an .ics file into an action's schedule (the file is read by
``app.exports.calendar.import_ics``; here it meets the database).

``preview_ics`` says what would happen to each event, changing nothing, and checks every new
or changed cue with the field rules, so a bad event is named before anything is written;
``apply_import`` makes the cues in the caller's transaction (the whole file or nothing) and
``undo_import`` takes them back.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError, Problem
from app.exports.calendar.import_ics import (
    IcsPreview,
    ImportOutcome,
    event_status,
    read_calendar,
)
from app.i18n import _
from app.services import edits
from app.services.bulk import delete_rows, insert_cues
from app.services.fields import clean

__all__ = ["IcsPreview", "ImportOutcome", "apply_import", "import_ics", "preview_ics"]


def _existing(session: Session, action_id: int) -> dict[str, m.Cue]:
    cues = session.scalars(select(m.Cue).where(m.Cue.action_id == action_id))
    return {c.uid: c for c in cues}


def _without_own_events(session: Session, action: m.Action, found: list, notes: list) -> list:
    """The events of Cortège's own export that are not cues: the action itself and the call
    times of personal calendars. Importing the plan's own file again turned the action into a
    cue as long as itself, which double-booked everybody."""
    calls = set(
        session.scalars(select(m.Assignment.uid).where(m.Assignment.action_id == action.id))
    )
    kept = []
    for ev in found:
        if ev.uid == action.uid:
            notes.append(
                _("line {n}: {title!r} is the action itself, not a cue: left out").format(
                    n=ev.line, title=ev.title
                )
            )
        elif ev.uid in calls:
            notes.append(
                _("line {n}: {title!r} is a call time, not a cue: left out").format(
                    n=ev.line, title=ev.title
                )
            )
        else:
            kept.append(ev)
    return kept


def preview_ics(session: Session, action_id: int, data: bytes | str) -> IcsPreview:
    """What importing ``data`` would do; DomainError naming the line if the file is bad, or
    ``event[i].field`` for an event that would make a cue the field rules refuse."""
    action = edits.get(session, "action", action_id)
    found, notes = read_calendar(action, data)
    found = _without_own_events(session, action, found, notes)
    existing = _existing(session, action_id)
    events, problems = [], []
    for ev in found:
        cue = existing.get(ev.uid)
        status = event_status(cue, ev)
        if status != "same":
            try:
                clean("cue", {**ev.values(), "action_id": action_id}, partial=False)
            except DomainError as exc:
                i = len(events)
                problems += [Problem(f"event[{i}].{p.path}", p.message) for p in exc.problems]
        events.append(replace(ev, status=status, cue_id=cue.id if cue else None))
    if problems:
        raise DomainError(problems)
    return IcsPreview(action_id, events, notes)


def apply_import(session: Session, preview: IcsPreview) -> ImportOutcome:
    """Make or update the cues, in the caller's transaction; the plan's state decides which.
    The preview checked the new cues' fields: they are written without a second check."""
    outcome = ImportOutcome(preview.action_id)
    existing = _existing(session, preview.action_id)
    new = []
    for ev in preview.events:
        cue = existing.get(ev.uid)
        if cue is None:
            # The event's UID is the cue's: importing the file again finds it.
            new.append(dict(ev.values(), uid=ev.uid))
        elif event_status(cue, ev) == "update":
            outcome.updated[cue.id] = edits.update(session, "cue", cue.id, **ev.values())
    # All new cues in one statement: one by one, each re-read the whole schedule (O(n²)).
    outcome.created = insert_cues(session, preview.action_id, new, prefix="event", checked=True)
    session.flush()
    return outcome


def undo_import(session: Session, outcome: ImportOutcome) -> None:
    # In bulk, and announced once for the batch as the import was (bulk.delete_rows).
    delete_rows(session, m.Cue, outcome.created, action_id=outcome.action_id)
    for cue_id, old in outcome.updated.items():
        edits.update(session, "cue", cue_id, **old)
    edits.ripple(session, outcome.action_id)


def import_ics(session: Session, action_id: int, data: bytes) -> tuple[IcsPreview, ImportOutcome]:
    """Preview and apply in one go (the CLI's path)."""
    preview = preview_ics(session, action_id, data)
    return preview, apply_import(session, preview)
