"""What the other organiser saved, beside what this one tried to save (team mode conflicts).

Read-only: the conflict dialog shows these rows and lets the user reload or overwrite; the
overwrite itself is an ordinary ``edits.update``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import NotFoundError
from app.domain.timeutil import to_local, zone
from app.services.edits import LINKS, get

_LINK_NAMES = {m.Role: m.Role.name, m.Participant: m.Participant.alias, m.Prop: m.Prop.name}
_TITLE_FIELDS = ("title", "name", "alias", "headline", "label", "outlet")


@dataclass(frozen=True)
class ConflictRow:
    """One field: the value saved now by somebody else, and the one this user wanted."""

    field: str
    theirs: Any  # text, number, bool, date, datetime in the action's zone, list of names…
    mine: Any
    differs: bool


@dataclass(frozen=True)
class ConflictView:
    entity: str
    row_id: int
    deleted: bool  # the other organiser deleted the row: there is nothing to overwrite
    version: int | None
    action_id: int | None
    title: str
    rows: tuple[ConflictRow, ...] = ()


def current_version(session: Session, entity: str, row_id: int) -> int | None:
    """The row's version counter now, or None when it is gone."""
    try:
        return getattr(get(session, entity, row_id), "version", None)
    except NotFoundError:
        return None


def conflict_view(session: Session, entity: str, row_id: int, mine: dict) -> ConflictView:
    try:
        obj = get(session, entity, row_id)
    except NotFoundError:
        return ConflictView(entity, row_id, True, None, None, "")
    action = obj if entity == "action" else getattr(obj, "action", None)
    tz = zone(action.timezone) if action is not None else None
    rows = []
    for name, wanted in mine.items():
        if name in LINKS.get(entity, {}):
            attr, model = LINKS[entity][name]
            theirs = [_name(r) for r in getattr(obj, attr)]
            wanted = _names(session, model, wanted)
        elif name == "quotes":
            theirs = [_quote(q.speaker, q.text) for q in obj.quotes]
            wanted = [_quote(q.get("speaker", ""), q.get("text", "")) for q in wanted or []]
        elif name == "press_contacts":
            theirs = [_contact(c.label, c.phone, c.email) for c in obj.press_contacts]
            wanted = [
                _contact(c.get("label", ""), c.get("phone", ""), c.get("email", ""))
                for c in wanted or []
            ]
        else:
            theirs = _local(getattr(obj, name, None), tz)
            wanted = _local(wanted, tz)
        rows.append(ConflictRow(name, theirs, wanted, theirs != wanted))
    title = next((str(getattr(obj, f)) for f in _TITLE_FIELDS if getattr(obj, f, None)), "")
    return ConflictView(
        entity,
        row_id,
        False,
        getattr(obj, "version", None),
        action.id if action is not None else None,
        title,
        tuple(rows),
    )


def _local(value: Any, tz) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None and tz is not None:
        return to_local(value, tz)
    return value


def _name(row) -> str:
    for model, column in _LINK_NAMES.items():
        if isinstance(row, model):
            return getattr(row, column.key)
    return str(row.id)


def _names(session: Session, model, ids) -> list[str]:
    ids = sorted(set(ids or []))
    if not ids:
        return []
    column = _LINK_NAMES[model]
    found = dict(session.execute(select(model.id, column).where(model.id.in_(ids))).all())
    return [found.get(i, f"#{i}") for i in ids]


def _quote(speaker: str, text: str) -> str:
    return f"{speaker}: {text}" if speaker else text


def _contact(label: str, phone: str, email: str) -> str:
    return " · ".join(part for part in (label, phone, email) if part)
