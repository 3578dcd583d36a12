"""Undo in team mode takes back only what its own step left.

An undo that deletes what a step made (a person, a cue, a prop, a whole import) or puts old
values back first checks that the rows are still as the step left them: a row another
organiser changed since, or linked to something since (made a carrier, put in a cue, gave a
role), stays as it is, and the undo is refused with their change named, nothing changed
(docs/team.md). Without it, undoing an import deleted a colleague's notes and links silently.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import ConflictError
from app.i18n import _
from app.services.flush import entity_label

#: The column that names a row of each kind in a message.
_NAMES = {"participant": "alias", "cue": "title", "prop": "name", "media_contact": "name"}


def _links(model) -> list[tuple]:
    """(table, column naming this row, column naming the other) of each link a row can have."""
    seats = m.Assignment.__table__
    return {
        m.Cue: [
            (m.cue_role, "cue_id", "role_id"),
            (m.cue_participant, "cue_id", "participant_id"),
            (m.cue_prop, "cue_id", "prop_id"),
        ],
        m.Prop: [(m.prop_carrier, "prop_id", "participant_id"), (m.cue_prop, "prop_id", "cue_id")],
        m.Participant: [
            (m.prop_carrier, "participant_id", "prop_id"),
            (m.cue_participant, "participant_id", "cue_id"),
            (seats, "participant_id", "id"),  # a role given since, in any action
        ],
        m.Role: [(seats, "role_id", "id"), (m.cue_role, "role_id", "cue_id")],
        m.MediaContact: [(m.action_media_contact, "media_contact_id", "action_id")],
    }.get(model, [])


def _own_fields(model, row) -> tuple:
    """The row's fields as its own: a chained cue's start follows the cue before it (the
    ripple moves it when an earlier cue changes), so it is not a change of this row."""
    values = tuple(row)
    if model is m.Cue and row.follows_id is not None:
        return tuple(
            None if key == "starts_at" else v for key, v in zip(row._fields, values, strict=True)
        )
    return values


def states(session: Session, model, ids: Iterable[int]) -> dict[int, tuple]:
    """Each row as it is now: its fields (not its version counter, which the window's own
    edits and their undo move on too) and its links (rows that are gone are left out)."""
    ids = list(ids)
    session.flush()
    columns = [c for c in model.__table__.columns if c.name != "version"]
    out: dict[int, tuple] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(select(*columns).where(model.__table__.c.id.in_(chunk)))
        fields = {row.id: _own_fields(model, row) for row in rows}
        links: dict[int, list] = {i: [] for i in fields}
        for table, mine, other in _links(model):
            pairs = session.execute(
                select(table.c[mine], table.c[other]).where(table.c[mine].in_(chunk))
            )
            for row_id, linked in pairs:
                links[row_id].append((table.name, linked))
        out.update((i, (fields[i], tuple(sorted(links[i])))) for i in fields)
    return out


def refuse(session: Session, entity: str, model, row_id: int, *, deleted: bool) -> None:
    column = _NAMES.get(entity)
    name = (
        session.scalar(select(getattr(model, column)).where(model.id == row_id)) if column else ""
    )
    label = entity_label(entity)
    if deleted:
        message = _("another organiser deleted this {entity} since, so this step was not undone")
    elif name:
        message = _(
            "another organiser changed “{name}” since, so this step was not undone; look at "
            "their change first"
        )
    else:
        message = _(
            "another organiser changed this {entity} since, so this step was not undone; look "
            "at their change first"
        )
    raise ConflictError(
        message.format(entity=label, name=name), entity=entity, entity_id=row_id, deleted=deleted
    )


def still_as_left(session: Session, entity: str, model, left: dict[int, tuple]) -> None:
    """Refuse unless every row of ``left`` (id -> its ``states`` as the step left it) is still
    so: fields and links."""
    now = states(session, model, left)
    for row_id, state in left.items():
        if now.get(row_id) != state:
            refuse(session, entity, model, row_id, deleted=row_id not in now)


def row_as_left(session: Session, entity: str, row_id: int) -> dict[int, tuple]:
    """The state of one row of ``entity`` (``edits.MODELS``), for ``still_as_left``."""
    from app.services.edits import MODELS

    return states(session, MODELS[entity], [row_id])


def row_still_as_left(session: Session, entity: str, left: dict[int, tuple]) -> None:
    """``still_as_left`` for the row of ``entity`` that ``row_as_left`` read."""
    from app.services.edits import MODELS

    still_as_left(session, entity, MODELS[entity], left)
