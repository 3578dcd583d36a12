"""Bulk edits of a selection: many rows of one kind changed by ONE operation, ONE undo step.

- ``edit_rows``: new values for each selected row ("set the call time of 20 people", "move them
  to the role Pallbearer", "status ready", "assignee Crow"). A real edit: each row goes over the
  version the user saw (``Seen.version``, with ``Seen.shown`` the values they saw of the fields
  changed, so a colleague's edit of *other* fields does not stop it). A row changed since is a
  ConflictError naming it, and nothing is written (the whole transaction is refused).
- Yes/no flags and set membership (a task done, a carrier added) expect no version, as the
  People tab's ticks (docs/decisions.md): setting them to one value loses nothing.
- ``delete_rows``: delete every selected row as it was seen; undo puts them all back.

Undo and redo check that the fields still hold what the step left there (as ``UpdateCommand``
does for one row): another organiser's later change is never overwritten by an undo.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import ConflictError, DomainError, NotFoundError
from app.i18n import _
from app.services import edits
from app.services.changes import Change
from app.services.flush import flush_or_conflict
from app.services.ops import OpChanges, reversible


@dataclass(frozen=True)
class Seen:
    """A selected row as the user saw it: its version (None: not checked, a flag) and the
    values they saw of the fields the edit changes."""

    id: int
    version: int | None = None
    shown: dict = field(default_factory=dict)


def row_label(session: Session, entity: str, row_id: int) -> str:
    """How the user knows the row: an alias, a title, a name."""
    obj = session.get(edits.MODELS[entity], row_id)
    if obj is None:
        return str(row_id)
    if entity == "assignment":
        person = session.get(m.Participant, obj.participant_id)
        return person.alias if person is not None else str(row_id)
    for name in ("title", "name", "alias"):
        if hasattr(obj, name):
            return str(getattr(obj, name))
    return str(row_id)


def changed_since(session: Session, entity: str, row_id: int, *, deleted: bool = False):
    label = row_label(session, entity, row_id)
    if deleted:
        text = _(
            "another organiser deleted “{name}” since you selected it; nothing was changed"
        ).format(name=label)
    else:
        text = _(
            "another organiser changed “{name}” since you selected it; nothing was changed — "
            "look at their change and try again"
        ).format(name=label)
    return ConflictError(text, entity=entity, entity_id=row_id, deleted=deleted)


def _nothing_selected() -> DomainError:
    return DomainError(_("select at least one row"), field="selection")


def _hold(session: Session, entity: str, row_id: int, wanted: dict) -> None:
    """The fields still hold ``wanted`` (what this step left or found there), else a conflict."""
    try:
        now = edits.current_values(session, entity, row_id, wanted)
    except NotFoundError:
        raise changed_since(session, entity, row_id, deleted=True) from None
    if now != wanted:
        raise changed_since(session, entity, row_id)


def _first_edit(session: Session, entity: str, row: Seen, values: dict) -> dict:
    try:
        return edits.update(
            session,
            entity,
            row.id,
            expected_version=row.version,
            shown=row.shown or None,
            **values,
        )
    except ConflictError as exc:
        raise changed_since(session, entity, row.id, deleted=exc.deleted) from exc


def _action_of(session: Session, entity: str, row_id: int) -> int | None:
    obj = session.get(edits.MODELS[entity], row_id)
    return getattr(obj, "action_id", None)


#: plain columns written without a reference check per row (the callers check the one role or
#: person once): thousands of rows in one flush instead of one UPDATE and three reads each
PLAIN = {
    "assignment": {"call_time", "role_id"},
    "prop": {"status"},
    "task": {"done", "assignee_id"},
}
CHUNK = 500  # ids per IN (…) read


def _load(session: Session, entity: str, ids: list[int]) -> dict[int, object]:
    model = edits.MODELS[entity]
    found: dict[int, object] = {}
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        found.update({o.id: o for o in session.scalars(select(model).where(model.id.in_(part)))})
    return found


def _plain_edit(
    session: Session,
    entity: str,
    rows: Sequence[Seen],
    values: dict[int, dict],
    holding: dict[int, dict] | None,
) -> dict[int, dict]:
    """``edits.update`` for plain columns, all rows read at once and written in one flush; the
    same checks: the version seen (or the values shown), the field rules. The old values."""
    from app.services.fields import clean

    objs = _load(session, entity, [r.id for r in rows])
    cleaned: dict[tuple, dict] = {}
    old: dict[int, dict] = {}
    for row in rows:
        obj = objs.get(row.id)
        if obj is None:
            raise changed_since(session, entity, row.id, deleted=True)
        if holding is not None:
            if any(getattr(obj, k) != v for k, v in holding[row.id].items()):
                raise changed_since(session, entity, row.id)
        elif row.version is not None and obj.version != row.version:
            if not row.shown or any(getattr(obj, k) != v for k, v in row.shown.items()):
                raise changed_since(session, entity, row.id)
        key = tuple(sorted(values[row.id].items()))
        if key not in cleaned:
            cleaned[key] = clean(entity, dict(values[row.id]), partial=True)
        new = cleaned[key]
        old[row.id] = {k: getattr(obj, k) for k in new}
        for name, value in new.items():
            if getattr(obj, name) != value:
                setattr(obj, name, value)
    flush_or_conflict(session, entity)
    return old


def _write(session, entity, rows, values, holding) -> dict[int, dict]:
    if set().union(*(values[r.id] for r in rows)) <= PLAIN.get(entity, set()):
        return _plain_edit(session, entity, rows, values, holding)
    for row in rows if holding else ():
        _hold(session, entity, row.id, holding[row.id])
    return {row.id: _first_edit(session, entity, row, values[row.id]) for row in rows}


def edit_rows(
    session: Session,
    *,
    entity: str,
    rows: Sequence[Seen],
    values: dict[int, dict],
    holding: dict[int, dict] | None = None,
) -> OpChanges:
    """Write ``values[row.id]`` to every row (rows with no values are left alone) as one step.

    ``holding``: the fields each row must still hold (a redo after undo), else a conflict."""
    if not rows:
        raise _nothing_selected()
    todo = [r for r in rows if values.get(r.id)]
    old = _write(session, entity, todo, values, holding)
    # what is there now (the field rules may have normalised it): undo expects to find it
    after = {rid: edits.current_values(session, entity, rid, values[rid]) for rid in old}
    ids = tuple(r.id for r in rows)
    action_id = _action_of(session, entity, ids[0])
    change = Change(entity, ids, "updated", action_id)

    def undo(s: Session) -> Change:
        _write(s, entity, [Seen(rid) for rid in reversed(list(old))], old, after)
        return change

    def redo(s: Session) -> OpChanges:
        plain = [Seen(r.id) for r in rows]
        return edit_rows(s, entity=entity, rows=plain, values=values, holding=old)

    return reversible(change, undo=undo, redo=redo, result=len(old))


def same_values(rows: Sequence[Seen], **values) -> dict[int, dict]:
    """The same new values for every row."""
    return {r.id: dict(values) for r in rows}


def delete_rows(session: Session, *, entity: str, rows: Sequence[Seen]) -> OpChanges:
    """Delete every row as it was seen (``Seen.version``); undo puts all of them back."""
    if not rows:
        raise _nothing_selected()
    action_id = _action_of(session, entity, rows[0].id)
    snaps = []
    for row in rows:
        try:
            snaps.append(edits.delete(session, entity, row.id, expected_version=row.version))
        except ConflictError as exc:
            raise changed_since(session, entity, row.id, deleted=exc.deleted) from exc
    ids = tuple(r.id for r in rows)

    def undo(s: Session) -> Change:
        for snap in reversed(snaps):  # a follower's link to a deleted cue comes back last
            edits.restore_snapshot(s, snap)
        s.flush()
        return Change(entity, ids, "restored", action_id)

    def redo(s: Session) -> OpChanges:
        again = [Seen(rid, _version(s, entity, rid)) for rid in ids]
        return delete_rows(s, entity=entity, rows=again)

    return reversible(Change(entity, ids, "deleted", action_id), undo=undo, redo=redo)


def _version(session: Session, entity: str, row_id: int) -> int | None:
    obj = session.get(edits.MODELS[entity], row_id)
    return getattr(obj, "version", None)


# --- the bulk edits of each tab --------------------------------------------------------------


def set_call_time(session: Session, *, rows: Sequence[Seen], call_time) -> OpChanges:
    """One call time (an aware instant, or None: no call time) for every selected person."""
    return edit_rows(
        session, entity="assignment", rows=rows, values=same_values(rows, call_time=call_time)
    )


def set_role(session: Session, *, rows: Sequence[Seen], role_id: int) -> OpChanges:
    """Move the selected assignments to role ``role_id`` (those already there stay)."""
    if not rows:
        raise _nothing_selected()
    role = session.get(m.Role, role_id)
    first = session.get(m.Assignment, rows[0].id)
    if role is None or first is None or role.action_id != first.action_id:
        raise DomainError(_("unknown role for this action"), field="role_id")
    holders = set(
        session.scalars(select(m.Assignment.participant_id).where(m.Assignment.role_id == role_id))
    )
    values: dict[int, dict] = {}
    for row in rows:
        obj = session.get(m.Assignment, row.id)
        if obj is None:
            raise changed_since(session, "assignment", row.id, deleted=True)
        if obj.action_id != role.action_id:
            raise DomainError(_("unknown role for this action"), field="role_id")
        if obj.role_id == role_id:
            continue
        values[row.id] = {"role_id": role_id}
        if obj.participant_id in holders:
            raise DomainError(
                _("{alias} already has the role {role}; unselect them and try again").format(
                    alias=row_label(session, "assignment", row.id), role=role.name
                ),
                field="role_id",
            )
        holders.add(obj.participant_id)
    return edit_rows(session, entity="assignment", rows=rows, values=values)


def set_prop_status(session: Session, *, rows: Sequence[Seen], status: str) -> OpChanges:
    return edit_rows(session, entity="prop", rows=rows, values=same_values(rows, status=status))


def set_carrier(
    session: Session, *, rows: Sequence[Seen], participant_id: int, carries: bool
) -> OpChanges:
    """Add (``carries``) or remove a carrier on every selected prop; a set, so no version."""
    if session.get(m.Participant, participant_id) is None:
        raise DomainError(_("unknown participant"), field="carrier_ids")
    values: dict[int, dict] = {}
    for row in rows:
        prop = session.get(m.Prop, row.id)
        if prop is None:
            raise changed_since(session, "prop", row.id, deleted=True)
        ids = sorted(p.id for p in prop.carriers)
        new = sorted({*ids, participant_id}) if carries else [i for i in ids if i != participant_id]
        if new != ids:
            values[row.id] = {"carrier_ids": new}
    plain = [Seen(r.id) for r in rows]
    return edit_rows(session, entity="prop", rows=plain, values=values)


def set_task_done(session: Session, *, rows: Sequence[Seen], done: bool) -> OpChanges:
    """Tick or untick every selected task: a flag, no version expected."""
    plain = [Seen(r.id) for r in rows]
    return edit_rows(session, entity="task", rows=plain, values=same_values(rows, done=done))


def set_task_assignee(
    session: Session, *, rows: Sequence[Seen], assignee_id: int | None
) -> OpChanges:
    if assignee_id is not None and session.get(m.Participant, assignee_id) is None:
        raise DomainError(_("unknown participant"), field="assignee_id")
    return edit_rows(
        session, entity="task", rows=rows, values=same_values(rows, assignee_id=assignee_id)
    )
