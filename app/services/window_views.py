"""What the window's header, tabs and dialogs read: plain values, never ORM objects.

These readers walk the ORM here, in the service layer, so ``ui/`` only ever receives dicts,
tuples and dataclasses (``views.py`` holds the tables' row types; this module the rest).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.services.edits import get
from app.services.fields import ENTITY_FIELDS


def action_slug(session: Session, action_id: int) -> str:
    return get(session, "action", action_id).slug


def header(session: Session, action_id: int) -> dict:
    """The window header and status bar: title, times, place and what the plan holds (counted,
    not loaded: 2,000 people cost nothing), and the version the header shows."""
    from app.services.actions import header_counts

    a = get(session, "action", action_id)
    return {
        "title": a.title,
        "status": a.status,
        "starts_at": a.starts_at,
        "ends_at": a.ends_at,
        "timezone": a.timezone,
        "location": a.location_name,
        **header_counts(session, action_id),
        "version": a.version,
    }


def key_contacts(session: Session, action_id: int) -> list[dict]:
    action = get(session, "action", action_id)
    return [
        {"id": c.id, "label": c.label, "phone": c.phone, "email": c.email, "version": c.version}
        for c in action.contacts
    ]


def action_values(session: Session, action_id: int) -> dict:
    """Every editable field of the action (Overview), with its key contacts."""
    a = get(session, "action", action_id)
    values = {name: getattr(a, name) for name in ENTITY_FIELDS["action"]}
    values["route"] = list(a.route or [])
    values["languages"] = list(a.languages or [])
    values["version"] = a.version
    values["contacts"] = key_contacts(session, action_id)
    return values


ActionListRow = tuple  # (id, title, status, starts_at, timezone)


def action_list_rows(session: Session) -> list[ActionListRow]:
    from app.services.actions import action_list_rows as rows  # five columns, no ORM objects

    return rows(session)


def action_list_row(session: Session, action_id: int) -> ActionListRow | None:
    from app.services.actions import action_list_rows as rows

    found = rows(session, action_id)
    return found[0] if found else None


def calendar_people(session: Session, action_id: int) -> list[tuple[int, str]]:
    """(id, alias) of everybody who gets a personal calendar for the action."""
    from app.exports.calendar import export

    return [(p.id, p.alias) for p in export.people_of(session, action_id)]
