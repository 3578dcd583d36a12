"""Rows the storage layer reads or writes itself: the one settings row, the deleted actions
erased at open, and an action loaded with everything the documents read.

They live here, below ``app/services`` and ``app/exports``, so that opening a database
(``engine``) and the renderers' loaders need nothing from the layers above (the layer rule,
tests/app/test_architecture.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from app.domain import models as m
from app.domain.errors import NotFoundError
from app.i18n import _

SETTINGS_DEFAULTS = {
    "name": "",
    "boilerplate": "",
    "currency": "EUR",
    "retention_days": 30,
    "alarm_minutes": 60,
    "country": "FR",
    "end_mark": "###",
}


def ensure_settings(session: Session) -> m.Settings:
    """The organisation's one settings row, created with the defaults when missing."""
    row = session.get(m.Settings, 1)
    if row is None:
        row = m.Settings(id=1, **SETTINGS_DEFAULTS)
        session.add(row)
        session.flush()
    return row


def ensure_settings_row(session: Session) -> None:
    """Make sure the one settings row exists, in Core: opening a database (every CLI call) needs
    no ORM object for that."""
    if not has_settings_row(session):
        session.execute(insert(m.Settings.__table__).values(id=1, version=1, **SETTINGS_DEFAULTS))


def has_settings_row(session: Session) -> bool:
    table = m.Settings.__table__
    return session.execute(select(table.c.id).where(table.c.id == 1)).first() is not None


def has_deleted(session: Session, *, older_than: timedelta | None = None) -> bool:
    """Whether ``erase_deleted`` has anything to erase (a read: no write lock is taken)."""
    table = m.Action.__table__
    query = select(table.c.id).where(table.c.deleted_at.is_not(None))
    if older_than is not None:
        query = query.where(table.c.deleted_at < datetime.now(UTC) - older_than)
    return session.execute(query.limit(1)).first() is not None


def erase_deleted(session: Session, *, older_than: timedelta | None = None) -> int:
    """Delete for good the actions that were deleted (their undo history is gone)."""
    if not has_deleted(session, older_than=older_than):
        return 0  # the usual case: no ORM work
    query = select(m.Action).where(m.Action.deleted_at.is_not(None))
    if older_than is not None:
        query = query.where(m.Action.deleted_at < datetime.now(UTC) - older_than)
    doomed = list(session.scalars(query))
    for action in doomed:
        session.delete(action)
    session.flush()
    return len(doomed)


def load_action(session: Session, action_id: int) -> m.Action:
    """The action with everything the exports and the readiness check read, loaded at once."""
    action = session.scalar(
        select(m.Action)
        .where(m.Action.id == action_id, m.Action.deleted_at.is_(None))
        .options(
            selectinload(m.Action.contacts),
            selectinload(m.Action.roles),
            selectinload(m.Action.assignments).selectinload(m.Assignment.participant),
            selectinload(m.Action.assignments).selectinload(m.Assignment.role),
            selectinload(m.Action.cues).selectinload(m.Cue.roles),
            selectinload(m.Action.cues).selectinload(m.Cue.participants),
            selectinload(m.Action.cues).selectinload(m.Cue.props),
            selectinload(m.Action.props).selectinload(m.Prop.carriers),
            selectinload(m.Action.releases).selectinload(m.PressRelease.quotes),
            selectinload(m.Action.releases).selectinload(m.PressRelease.press_contacts),
            selectinload(m.Action.tasks).selectinload(m.Task.assignee),
            selectinload(m.Action.media_contacts),
        )
    )
    if action is None:
        raise NotFoundError(_("no action with id {id}").format(id=action_id), field="id")
    return action
