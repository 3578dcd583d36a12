"""Tick "confirmed" or "pack sent" for many assignments at once: one transaction, one undo step.

The organiser sends the volunteer pack from their own mail and reads the replies there; here they
record both facts for a whole selection ("Confirm 20 people"). Setting a yes/no flag to one value
loses nothing another organiser did (their edits of other fields stay; a row they already ticked
stays ticked), so no version is expected; each row's version still grows, so calendars and live
views see the change.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError, NotFoundError
from app.i18n import _
from app.services.changes import Change
from app.services.ops import OpChanges, reversible

FLAGS = ("confirmed", "pack_sent")


def _rows(session: Session, ids: Sequence[int]) -> list[m.Assignment]:
    rows = list(session.scalars(select(m.Assignment).where(m.Assignment.id.in_(list(ids)))))
    if len(rows) != len(set(ids)):
        raise NotFoundError(
            _("some of these people are no longer assigned; reload and try again"),
            field="assignment",
        )
    return rows


def _check(flag: str) -> None:
    if flag not in FLAGS:
        raise DomainError(_("unknown field {name!r}").format(name=flag), field="flag")


def set_flag(
    session: Session, ids: Sequence[int], *, flag: str, value: bool
) -> tuple[Change, dict[int, bool]]:
    """Set ``flag`` to ``value`` on every assignment in ``ids``; return the change and the
    previous values (for undo)."""
    _check(flag)
    if not ids:
        raise DomainError(_("select at least one person"), field="assignment")
    rows = _rows(session, ids)
    previous = {row.id: bool(getattr(row, flag)) for row in rows}
    for row in rows:
        if bool(getattr(row, flag)) != value:
            setattr(row, flag, value)
    session.flush()
    action_id = rows[0].action_id
    return Change("assignment", tuple(sorted(previous)), "updated", action_id), previous


def restore_flag(session: Session, previous: dict[int, bool], *, flag: str) -> Change:
    """Undo of ``set_flag``: every row back to the value it had."""
    _check(flag)
    rows = _rows(session, list(previous))
    for row in rows:
        if bool(getattr(row, flag)) != previous[row.id]:
            setattr(row, flag, previous[row.id])
    session.flush()
    return Change("assignment", tuple(sorted(previous)), "updated", rows[0].action_id)


def mark(session: Session, *, ids: Sequence[int], flag: str, value: bool) -> OpChanges:
    """Tick ``flag`` on many people at once as one operation; undo puts each row back."""
    change, previous = set_flag(session, ids, flag=flag, value=value)

    def undo(s: Session) -> Change:
        return restore_flag(s, previous, flag=flag)

    return reversible(
        change,
        undo=undo,
        redo=lambda s: mark(s, ids=ids, flag=flag, value=value),
        result=previous,
    )
