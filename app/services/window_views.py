"""What the window's header, tabs and dialogs read: plain values, never ORM objects.

These readers walk the ORM here, in the service layer, so ``ui/`` only ever receives dicts,
tuples and dataclasses (``views.py`` holds the tables' row types; this module the rest).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.domain.errors import NotFoundError
from app.services.edits import get
from app.services.fields import ENTITY_FIELDS


def action_slug(session: Session, action_id: int) -> str:
    return get(session, "action", action_id).slug


def header(session: Session, action_id: int) -> dict:
    """The window header and status bar: title, times, place and what the plan holds."""
    a = get(session, "action", action_id)
    people = {x.participant_id for x in a.assignments}
    return {
        "title": a.title,
        "status": a.status,
        "starts_at": a.starts_at,
        "ends_at": a.ends_at,
        "timezone": a.timezone,
        "location": a.location_name,
        "participants": len(people),
        "cues": len(a.cues),
        "props": len(a.props),
    }


def readiness(session: Session, action_id: int, now: datetime) -> dict:
    """The readiness panel: problems, declaration status and how much of the plan there is."""
    from app.services.readiness import check, declaration_status

    problems = check(session, action_id, now=now)
    action = get(session, "action", action_id)  # check() loaded it with everything: no query
    decl = declaration_status(action)
    items = (
        len(action.roles)
        + len(action.cues)
        + len(action.props)
        + len(action.languages or [])
        + len(action.tasks)
        + (1 if decl.applies else 0)
    )
    return {
        "problems": problems,
        "declaration": decl,
        "authority": action.decl_authority,
        "items": items,
        "starts_at": action.starts_at,
        "timezone": action.timezone,
    }


def key_contacts(session: Session, action_id: int) -> list[dict]:
    action = get(session, "action", action_id)
    return [
        {"id": c.id, "label": c.label, "phone": c.phone, "email": c.email} for c in action.contacts
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
    from app.services.actions import list_actions

    return [(a.id, a.title, a.status, a.starts_at, a.timezone) for a in list_actions(session)]


def action_list_row(session: Session, action_id: int) -> ActionListRow | None:
    try:
        a = get(session, "action", action_id)
    except NotFoundError:
        return None
    return (a.id, a.title, a.status, a.starts_at, a.timezone)


def calendar_people(session: Session, action_id: int) -> list[tuple[int, str]]:
    """(id, alias) of everybody who gets a personal calendar for the action."""
    from app.exports.calendar import export

    return [(p.id, p.alias) for p in export.people_of(session, action_id)]
