"""Operations on a whole action or the organisation: each is one call and one undo step."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.services.changes import Change
from app.services.ops import OpChanges, undoable_create


def import_bundle(session: Session, *, data: dict) -> OpChanges:
    """Import a bundle; ``result`` is the ImportResult. Undo hides the action, redo shows it."""
    from app.services.bundle_read import import_bundle as write

    result = write(session, data)
    return undoable_create(
        session, entity="action", row_id=result.action_id, action_id=result.action_id, result=result
    )


def add_demo(session: Session) -> OpChanges:
    """Add the demo action; ``result`` is its id. Undo hides it, redo shows it again."""
    from app.services.demo import add_demo as add

    action_id = add(session).action_id
    return undoable_create(session, entity="action", row_id=action_id, action_id=action_id)


def duplicate_action(
    session: Session, *, action_id: int, new_date: date, title: str | None = None
) -> OpChanges:
    """A copy of the plan on ``new_date``; ``result`` is the new action's id."""
    from app.services.actions import duplicate_action as copy

    new_id = copy(session, action_id, new_date=new_date, title=title)
    return undoable_create(session, entity="action", row_id=new_id, action_id=new_id)


def move_action(
    session: Session, *, action_id: int, new_date: date, expected_version: int | None = None
) -> OpChanges:
    """Move the action to ``new_date`` keeping wall-clock times; undo moves it back. Refused
    when the action is no longer at ``expected_version`` (the one the user saw)."""
    from app.domain.timeutil import zone
    from app.services.actions import move_action as move
    from app.services.edits import seen
    from app.services.flush import conflict
    from app.storage.rows import load_action

    seen(session, "action", action_id, expected_version)
    action = load_action(session, action_id)
    before = action.starts_at.astimezone(zone(action.timezone)).date()
    days = move(session, action_id, new_date)
    session.flush()
    left = (action.starts_at, action.ends_at)

    def back(s: Session) -> OpChanges:
        # only from where this move left it: a colleague's later move stays theirs
        now = load_action(s, action_id)
        if (now.starts_at, now.ends_at) != left:
            raise conflict("action", action_id)
        return move_action(s, action_id=action_id, new_date=before)

    return OpChanges(Change("action", (action_id,), "updated", action_id), back, days)


def change_settings(session: Session, *, values: dict, shown: dict | None = None) -> OpChanges:
    """Change organisation settings; undo puts the previous values back. ``shown``: what the
    user saw of these settings (Preferences), or what this step left (its undo): a change
    another organiser made since is refused, not overwritten (the retention days decide
    when personal data is purged)."""
    from app.domain.errors import ConflictError
    from app.i18n import _
    from app.services.settings import ensure_settings, update_settings

    if shown is not None:
        row = ensure_settings(session)
        if {k: getattr(row, k) for k in shown} != shown:
            raise ConflictError(
                _(
                    "another organiser changed the organisation's settings since you opened "
                    "them, so yours were not saved; open Preferences again to see theirs"
                ),
                entity="settings",
            )
    old = update_settings(session, **values)
    row = ensure_settings(session)
    left = {k: getattr(row, k) for k in values}
    return OpChanges(
        Change("settings", (1,), "updated", None),
        lambda s: change_settings(s, values=old, shown=left),
        old,
    )
