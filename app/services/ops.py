"""Operations: one edit that needs several writes, as ONE service call in one transaction.

Modelled on Anki's ``OpChanges``: an operation returns what it changed (for the views), its
result (a new id…) and the operation that takes it back. That inverse returns, in turn, the
operation that does it again, so the undo stack only ever swaps one call for another and can
never describe a half-applied edit. Operations run inside the caller's ``store.session()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.services.changes import Change


@dataclass(frozen=True)
class OpChanges:
    change: Change
    undo: Callable[[Session], OpChanges]
    result: Any = None


def undoable_create(
    session: Session,
    *,
    entity: str,
    row_id: int,
    action_id: int | None,
    result: Any = None,
    shown: str = "",
) -> OpChanges:
    """The changes of an operation that made row ``row_id``: undo deletes it (keeping a
    snapshot), redo puts the very same row back (same id, so later steps naming it still work).
    Undo deletes only the row as this step left it: one another organiser changed since stays
    (refused, nothing changed). ``shown``: the entity the views should refresh."""
    from app.services import edits
    from app.services.undo_checks import row_as_left, row_still_as_left

    label = shown or entity
    value = row_id if result is None else result

    def take_back_from(left: dict):
        def take_back(session: Session) -> OpChanges:
            row_still_as_left(session, entity, left)
            snap = edits.delete(session, entity, row_id)

            def put_back(session: Session) -> OpChanges:
                edits.restore_snapshot(session, snap)
                again = take_back_from(row_as_left(session, entity, row_id))
                return OpChanges(Change(label, (row_id,), "restored", action_id), again, value)

            return OpChanges(Change(label, (row_id,), "deleted", action_id), put_back, value)

        return take_back

    undo = take_back_from(row_as_left(session, entity, row_id))
    return OpChanges(Change(label, (row_id,), "created", action_id), undo, value)


def reversible(
    change: Change,
    *,
    undo: Callable[[Session], Change],
    redo: Callable[[Session], OpChanges],
    result: Any = None,
) -> OpChanges:
    """The changes of an operation taken back by ``undo`` and done again by ``redo`` (the
    operation itself, run anew)."""

    def take_back(session: Session) -> OpChanges:
        return OpChanges(undo(session), redo, result)

    return OpChanges(change, take_back, result)
