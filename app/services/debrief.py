"""The debrief for the window and the CLI: its content (``app.exports.debrief.data``) by slug,
and the rows the debrief page edits. Every edit is an ordinary one-row edit (undoable):
``incident`` and ``coverage`` rows, ``prop.condition``, ``action.lessons``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.exports.debrief.data import Debrief, load

__all__ = ["Debrief", "load", "load_by_slug", "props_of", "versions_of"]


def load_by_slug(session: Session, slug: str) -> Debrief:
    from app.services.actions import action_by_slug

    return load(session, action_by_slug(session, slug).id)


def props_of(session: Session, action_id: int) -> list[tuple[int, str, str, int]]:
    """(id, name, condition, version) of every prop of the action: the page edits them."""
    rows = session.execute(
        select(m.Prop.id, m.Prop.name, m.Prop.condition, m.Prop.version)
        .where(m.Prop.action_id == action_id)
        .order_by(m.Prop.id)
    ).all()
    return [tuple(r) for r in rows]


def versions_of(session: Session, action_id: int) -> dict[tuple[str, int], int]:
    """The version of every row the page may edit, by (entity, id)."""
    out: dict[tuple[str, int], int] = {}
    for entity, model in (("incident", m.Incident), ("coverage", m.PressCoverage)):
        for rid, version in session.execute(
            select(model.id, model.version).where(model.action_id == action_id)
        ):
            out[(entity, rid)] = version
    action = session.get(m.Action, action_id)
    if action is not None:
        out[("action", action_id)] = action.version
    return out
