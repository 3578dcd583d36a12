"""Every edit the UI makes: create, update, delete (and restore, for undo) of each entity.

One call = one transaction (the caller's ``store.session()`` block) = one undo step. Each call
validates its input and raises ``DomainError`` naming the field; nothing is written then.

- ``create(session, entity, **values) -> id``
- ``update(session, entity, id, **values) -> previous values`` (undo: ``update`` with them)
- ``delete(session, entity, id) -> Snapshot`` (undo: ``restore(session, snapshot)``)
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.domain import models as m
from app.domain.errors import ConflictError, DomainError, NotFoundError, Problem, short
from app.domain.limits import MAX_ID
from app.i18n import _
from app.services.actions import free_slug
from app.services.chain import check_follows, ripple
from app.services.fields import clean
from app.services.flush import conflict as _conflict
from app.services.flush import entity_label, flush_or_conflict
from app.services.snapshot import Snapshot, capture, restore
from app.services.validation import slugify, unique_name

MODELS: dict[str, type] = {
    "action": m.Action,
    "contact": m.KeyContact,
    "role": m.Role,
    "participant": m.Participant,
    "assignment": m.Assignment,
    "cue": m.Cue,
    "prop": m.Prop,
    "release": m.PressRelease,
    "advisory": m.MediaAdvisory,
    "task": m.Task,
    "media_contact": m.MediaContact,
    "incident": m.Incident,
    "coverage": m.PressCoverage,
}
LINKS = {
    "cue": {
        "role_ids": ("roles", m.Role),
        "participant_ids": ("participants", m.Participant),
        "prop_ids": ("props", m.Prop),
    },
    "prop": {"carrier_ids": ("carriers", m.Participant)},
}
BUMP_FIELD = {"cue": "title", "prop": "name", "release": "headline"}


def get(session: Session, entity: str, row_id: int):
    # An id beyond SQLite's integers would raise OverflowError in the driver: none has it.
    known = isinstance(row_id, int) and not isinstance(row_id, bool) and 0 < row_id <= MAX_ID
    obj = session.get(MODELS[entity], row_id) if known else None
    if obj is None or (entity == "action" and obj.deleted_at is not None):
        raise NotFoundError(
            _("no {entity} with id {id}").format(entity=entity_label(entity), id=short(row_id)),
            field="id",
        )
    return obj


def seen(
    session: Session,
    entity: str,
    row_id: int,
    expected_version: int | None,
    *,
    deleting: bool = False,
    shown: dict | None = None,
):
    """The row, when it still is as the user saw it (``expected_version``; None: not checked).

    Another organiser may have changed or deleted it since the window read it: that is a
    conflict to show, not an unknown id. The check holds until the commit: the UPDATE or DELETE
    carries ``WHERE version = …`` (``version_id_col``), so a commit in between is refused too.

    ``shown``: the values the user saw of the fields they change. When the row moved on only
    in other fields (a colleague edited the place while this user retimed the cue), there is
    nothing to lose and the save goes through; a change of these very fields is a conflict."""
    label = entity_label(entity)
    try:
        obj = get(session, entity, row_id)
    except NotFoundError:
        if expected_version is None:
            raise
        raise ConflictError(
            _("another organiser deleted this {entity}").format(entity=label),
            entity=entity,
            entity_id=row_id,
            deleted=True,
        ) from None
    moved = expected_version is not None and getattr(obj, "version", None) != expected_version
    if moved and shown and not deleting and _values_of(obj, entity, shown) == shown:
        moved = False
    if moved:
        if deleting:
            raise ConflictError(
                _(
                    "another organiser changed this {entity} since you opened it, so it was "
                    "not deleted; look at their change first"
                ).format(entity=label),
                entity=entity,
                entity_id=row_id,
            )
        raise _conflict(entity, row_id)
    return obj


def _action(session: Session, action_id: int) -> m.Action:
    return get(session, "action", action_id)


# --- per-entity rules ------------------------------------------------------------------------


def _check_action(session: Session, obj: m.Action | None, values: dict) -> None:
    starts = values.get("starts_at", obj.starts_at if obj else None)
    ends = values.get("ends_at", obj.ends_at if obj else None)
    if starts and ends and ends < starts:
        raise DomainError(_("ends before the action starts"), field="ends_at")
    received = values.get("decl_received_on", obj.decl_received_on if obj else None)
    sent = values.get("decl_sent_on", obj.decl_sent_on if obj else None)
    if received and sent and received < sent:
        raise DomainError(_("received before it was sent"), field="decl_received_on")
    if "slug" in values:
        clash = session.scalar(select(m.Action.id).where(m.Action.slug == values["slug"]))
        if clash is not None and (obj is None or clash != obj.id):
            raise DomainError(
                _("{slug!r} is already used by another action").format(slug=values["slug"]),
                field="slug",
            )


def _free_key(session: Session, model, action_id: int, base: str) -> str:
    taken = set(session.scalars(select(model.key).where(model.action_id == action_id)))
    return unique_name(slugify(base) if base else "item", taken)


def _check_participant(session: Session, obj: m.Participant | None, values: dict) -> None:
    if "alias" in values:
        key = m.alias_key(values["alias"])
        clash = session.scalar(select(m.Participant.id).where(m.Participant.alias_key == key))
        if clash is not None and (obj is None or clash != obj.id):
            raise DomainError(
                _("{alias!r} is already somebody's alias").format(alias=values["alias"].strip()),
                field="alias",
            )
        values["alias"] = values["alias"].strip()
        values["alias_key"] = key


def _same_action(session: Session, model, ids, action_id: int, field: str) -> list:
    if not ids:
        return []
    rows = list(session.scalars(select(model).where(model.id.in_(ids))))
    found = {r.id for r in rows}
    missing = [i for i in ids if i not in found]
    if missing:
        raise DomainError(_("unknown id {id}").format(id=missing[0]), field=field)
    if hasattr(model, "action_id"):
        stray = [r.id for r in rows if r.action_id != action_id]
        if stray:
            raise DomainError(
                _("id {id} belongs to another action").format(id=stray[0]), field=field
            )
    return rows


def _check_refs(session: Session, entity: str, obj, values: dict) -> None:
    action_id = values.get("action_id", getattr(obj, "action_id", None))
    if action_id is not None and entity != "action":
        _action(session, action_id)
    if entity == "assignment":
        pid = values.get("participant_id", getattr(obj, "participant_id", None))
        rid = values.get("role_id", getattr(obj, "role_id", None))
        if session.get(m.Participant, pid) is None:
            raise DomainError(_("unknown participant"), field="participant_id")
        role = session.get(m.Role, rid)
        if role is None or role.action_id != action_id:
            raise DomainError(_("unknown role for this action"), field="role_id")
        clash = session.scalar(
            select(m.Assignment.id).where(
                m.Assignment.participant_id == pid, m.Assignment.role_id == rid
            )
        )
        if clash is not None and (obj is None or clash != obj.id):
            raise DomainError(_("this person already has this role"), field="role_id")
    if entity == "cue" and "follows_id" in values:
        check_follows(
            session,
            cue_id=getattr(obj, "id", None),
            action_id=action_id,
            follows_id=values["follows_id"],
        )
    if entity == "task" and values.get("assignee_id") is not None:
        if session.get(m.Participant, values["assignee_id"]) is None:
            raise DomainError(_("unknown participant"), field="assignee_id")
    if entity == "release" and values.get("translation_of_id") is not None:
        src = session.get(m.PressRelease, values["translation_of_id"])
        if src is None or src.action_id != action_id or (obj and src.id == obj.id):
            raise DomainError(_("unknown source release"), field="translation_of_id")
    if entity in ("role", "cue", "prop", "release") and "key" in values:
        model = MODELS[entity]
        clash = session.scalar(
            select(model.id).where(model.action_id == action_id, model.key == values["key"])
        )
        if clash is not None and (obj is None or clash != obj.id):
            raise DomainError(
                _("key {key!r} is already used in this action").format(key=values["key"]),
                field="key",
            )


def _apply_links(session: Session, entity: str, obj, links: dict) -> None:
    for name, ids in links.items():
        attr, model = LINKS[entity][name]
        rows = _same_action(session, model, ids, obj.action_id, name)
        setattr(obj, attr, rows)


def _apply_children(session: Session, obj: m.PressRelease, values: dict) -> None:
    if "quotes" in values:
        problems = []
        quotes = []
        for i, q in enumerate(values.pop("quotes")):
            text = q.get("text", "")
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(f"quotes[{i}].text", _("is required")))
                continue
            quotes.append(m.Quote(position=i, speaker=str(q.get("speaker", "")), text=text))
        if problems:
            raise DomainError(problems)
        obj.quotes = quotes
    if "press_contacts" in values:
        obj.press_contacts = [
            m.PressContact(
                position=i,
                label=str(c.get("label", "")),
                phone=str(c.get("phone", "")),
                email=str(c.get("email", "")),
            )
            for i, c in enumerate(values.pop("press_contacts"))
        ]


def _flush(session: Session, entity: str, row_id: int | None = None) -> None:
    flush_or_conflict(session, entity, row_id)


def _clean_all(session: Session, entity: str, obj, values: dict, *, partial: bool) -> dict:
    """``clean``, and when a field is refused, the entity's rules on the other fields too: one
    DomainError lists every problem at once (a taken alias and a bad e-mail together)."""
    try:
        return clean(entity, values, partial=partial)
    except DomainError as exc:
        problems = list(exc.problems)
        bad = {p.path for p in problems}
        rest = clean(entity, {k: v for k, v in values.items() if k not in bad}, partial=True)
        rules = {"participant": _check_participant, "action": _check_action}.get(entity)
        if rules is not None:
            try:
                rules(session, obj, rest)
            except DomainError as more:
                problems += [p for p in more.problems if p.path not in bad]
        raise DomainError(problems) from exc


def problems_of(session: Session, entity: str, row_id: int | None, values: dict) -> list[Problem]:
    """Every problem saving ``values`` would meet (fields and the entity's rules), written
    nowhere: a form that refused a field itself shows the others at the same time."""
    obj = get(session, entity, row_id) if row_id is not None else None
    try:
        rest = _clean_all(session, entity, obj, dict(values), partial=True)
        rules = {"participant": _check_participant, "action": _check_action}.get(entity)
        if rules is not None:
            rules(session, obj, rest)
    except DomainError as exc:
        return list(exc.problems)
    return []


# --- the three operations ---------------------------------------------------------------------


def create(session: Session, entity: str, **values) -> int:
    model = MODELS[entity]
    values = _clean_all(session, entity, None, values, partial=False)
    links = {k: values.pop(k) for k in list(values) if k in LINKS.get(entity, {})}
    children = {k: values.pop(k) for k in ("quotes", "press_contacts") if k in values}
    _check_refs(session, entity, None, values)
    if entity == "action":
        if "slug" not in values:
            values["slug"] = free_slug(session, slugify(values["title"]))
        _check_action(session, None, values)
    elif entity == "participant":
        _check_participant(session, None, values)
    if entity in ("role", "cue", "prop", "release") and "key" not in values:
        base = (
            values.get("name")
            or values.get("title")
            or (f"pr-{values.get('language', '')}" if entity == "release" else entity)
        )
        values["key"] = _free_key(session, model, values["action_id"], base)
    obj = model(**values)
    session.add(obj)
    _flush(session, entity)
    if links:
        _apply_links(session, entity, obj, links)
    if children:
        _apply_children(session, obj, children)
    _flush(session, entity)
    if entity == "cue":
        ripple(session, obj.action_id, field="follows_id" if obj.follows_id else "minutes")
    return obj.id


def _values_of(obj, entity: str, names) -> dict:
    out: dict = {}
    for name in names:
        if name in LINKS.get(entity, {}):
            out[name] = sorted(r.id for r in getattr(obj, LINKS[entity][name][0]))
        elif name == "quotes":
            out[name] = [{"speaker": q.speaker, "text": q.text} for q in obj.quotes]
        elif name == "press_contacts":
            out[name] = [
                {"label": c.label, "phone": c.phone, "email": c.email} for c in obj.press_contacts
            ]
        else:
            out[name] = getattr(obj, name)
    return out


def current_values(session: Session, entity: str, row_id: int, names) -> dict:
    """The stored values of some fields, as ``update`` returns them (to compare or restore)."""
    return _values_of(get(session, entity, row_id), entity, names)


def update(
    session: Session,
    entity: str,
    row_id: int,
    *,
    expected_version: int | None = None,
    shown: dict | None = None,
    **values,
) -> dict:
    """Change some fields; returns their previous values, so undo is ``update(**old)``.

    ``expected_version`` and ``shown``: what the user saw (see ``seen``)."""
    obj = seen(session, entity, row_id, expected_version, shown=shown)
    values = _clean_all(session, entity, obj, values, partial=True)
    if "action_id" in values and values["action_id"] != getattr(obj, "action_id", None):
        raise DomainError(_("cannot move to another action"), field="action_id")
    _check_refs(session, entity, obj, values)
    old = _values_of(obj, entity, values)
    if entity == "action":
        _check_action(session, obj, values)
        if "timezone" in values and values["timezone"] != obj.timezone:
            from app.services.actions import rezone

            rezone(session, obj, values.pop("timezone"))
    elif entity == "participant":
        _check_participant(session, obj, values)
    links = {k: values.pop(k) for k in list(values) if k in LINKS.get(entity, {})}
    if entity == "release":
        _apply_children(session, obj, values)
    for name, value in values.items():
        setattr(obj, name, value)
    if links:
        _apply_links(session, entity, obj, links)
    if not values and (links or {"quotes", "press_contacts"} & old.keys()):
        # Only links or child rows changed: still count a new version of the row, so team
        # mode sees the edit and calendars get a higher SEQUENCE.
        flag_modified(obj, BUMP_FIELD[entity])
    _flush(session, entity)
    if entity == "cue":
        moved = next((f for f in ("minutes", "starts_at", "follows_id") if f in values), "minutes")
        ripple(session, obj.action_id, field=moved)
    return old


def delete(
    session: Session, entity: str, row_id: int, *, expected_version: int | None = None
) -> Snapshot:
    """Delete a row (and what depends on it); the snapshot puts it all back.

    ``expected_version``: the version the user saw; a row changed since is not deleted."""
    obj = seen(session, entity, row_id, expected_version, deleting=True)
    if entity == "action":
        from app.services.actions import soft_delete

        return soft_delete(session, obj)
    action_id = getattr(obj, "action_id", None)
    snap = capture(session, obj.__tablename__, row_id, entity=entity, action_id=action_id)
    session.delete(obj)
    _flush(session, entity)
    if entity == "cue":
        # Its followers were unchained by the database (ON DELETE SET NULL) and keep their
        # times; forget the stale copies this session holds.
        session.expire_all()
    return snap


def restore_snapshot(session: Session, snap: Snapshot) -> int:
    if snap.entity == "action":
        from app.services.actions import undelete

        undelete(session, snap.id)
        return snap.id
    restore(session, snap)
    if snap.entity == "cue" and snap.action_id is not None:
        ripple(session, snap.action_id)
    return snap.id


def count(session: Session, entity: str, action_id: int) -> int:
    model = MODELS[entity]
    return (
        session.scalar(select(func.count()).select_from(model).where(model.action_id == action_id))
        or 0
    )


def count_people(session: Session, action_id: int) -> int:
    """How many different people have a role in the action (counted by the database)."""
    return (
        session.scalar(
            select(func.count(func.distinct(m.Assignment.participant_id))).where(
                m.Assignment.action_id == action_id
            )
        )
        or 0
    )
