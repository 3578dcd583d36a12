"""Edits of the incident log as operations: its ``text`` field cannot go through the window's
``ctx.create/update`` keyword arguments (``text`` there is the undo step's name)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.services import edits
from app.services.changes import Change
from app.services.ops import OpChanges, reversible, undoable_create


def add_incident(session: Session, *, action_id: int, values: dict) -> OpChanges:
    """A new line of the day's log; ``result`` is its id."""
    row_id = edits.create(session, "incident", action_id=action_id, **values)
    return undoable_create(session, entity="incident", row_id=row_id, action_id=action_id)


def edit_incident(
    session: Session, *, incident_id: int, expected_version: int | None, values: dict
) -> OpChanges:
    """Change a line of the log as the user saw it (``expected_version``)."""
    old = edits.update(
        session, "incident", incident_id, expected_version=expected_version, **values
    )
    action_id = edits.get(session, "incident", incident_id).action_id
    change = Change("incident", (incident_id,), "updated", action_id)

    def undo(s: Session) -> Change:
        edits.update(s, "incident", incident_id, **old)
        return change

    return reversible(
        change,
        undo=undo,
        redo=lambda s: edit_incident(
            s, incident_id=incident_id, expected_version=None, values=values
        ),
        result=incident_id,
    )
