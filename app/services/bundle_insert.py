"""Writing a bundle's plan (split from bundle_read, which reads and checks: everything here
inserts rows already checked, in the caller's one transaction).

The rows of each table go in with one driver-level ``executemany`` (``services.bulk``), never
``INSERT … RETURNING`` with ``sort_by_parameter_order``, which SQLAlchemy runs as one statement
per row on SQLite (2,163 INSERTs for 2,000 people); ids are read back afterwards by each row's
unique key. Press releases, advisories and media contacts, a handful, go through the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from app.domain import models as m
from app.i18n import _
from app.services import bundle_day as day
from app.services.bulk import executemany, insert_participants
from app.services.bundle_advisory import insert_advisories
from app.services.validation import slugify
from app.storage.notify import touched_in_bulk


@dataclass
class ImportResult:
    action_id: int
    slug: str
    notes: list[str] = field(default_factory=list)


def write_plan(session: Session, plan: dict) -> ImportResult:
    """Write a plan ``bundle_read.read_bundle`` returned: a new action and all its rows."""
    from app.services.actions import free_slug

    a = dict(plan["action"])
    notes: list[str] = []
    wanted = a.pop("slug") or slugify(a["title"])
    slug = free_slug(session, wanted)
    if slug != wanted:
        notes.append(_("slug {wanted!r} is taken; using {slug!r}").format(wanted=wanted, slug=slug))
    contacts = a.pop("contacts")
    action = m.Action(slug=slug, **a)
    action.contacts = [m.KeyContact(**c) for c in contacts]
    session.add(action)
    session.flush()
    aid = action.id

    role_ids = _bulk(session, m.Role, [dict(r, action_id=aid) for r in plan["roles"]])
    people = _people(session, plan["participants"], notes)
    prop_rows = [
        {k: v for k, v in p.items() if k != "carried_by"} | {"action_id": aid}
        for p in plan["props"]
    ]
    prop_ids = _bulk(session, m.Prop, prop_rows)
    carriers = [
        {"prop_id": prop_ids[p["key"]], "participant_id": people[w]}
        for p in plan["props"]
        for w in p["carried_by"]
    ]
    executemany(session, m.prop_carrier, carriers, action_id=aid)
    executemany(
        session,
        m.Assignment.__table__,
        [
            {
                "action_id": aid,
                "participant_id": people[x["participant"]],
                "role_id": role_ids[x["role"]],
                "call_time": x["call_time"],
                "confirmed": x["confirmed"],
                "attended": x["attended"],
                "pack_sent": x["pack_sent"],
                "attended_at": x.get("attended_at"),
            }
            for x in plan["assignments"]
        ],
    )
    cue_rows = [
        {k: v for k, v in c.items() if k not in ("roles", "participants", "props", "follows")}
        | {"action_id": aid}
        for c in plan["schedule"]
    ]
    cue_ids = _bulk(session, m.Cue, cue_rows)
    _chain(session, aid, plan["schedule"], cue_ids)
    links = [
        (m.cue_role, "role_id", role_ids, "roles"),
        (m.cue_participant, "participant_id", people, "participants"),
        (m.cue_prop, "prop_id", prop_ids, "props"),
    ]
    for table, column, ids, name in links:
        rows = [
            {"cue_id": cue_ids[c["key"]], column: ids[k]} for c in plan["schedule"] for k in c[name]
        ]
        executemany(session, table, rows, action_id=aid)
    insert_releases(session, aid, plan["press_releases"])
    insert_advisories(session, aid, plan["media_advisories"])
    day.insert_day(session, aid, plan)
    executemany(
        session,
        m.Task.__table__,
        [
            {
                "action_id": aid,
                "title": t["title"],
                "due": t["due"],
                "done": t["done"],
                "assignee_id": people[t["assignee"]] if t["assignee"] else None,
            }
            for t in plan["tasks"]
        ],
    )
    attach_media(session, action, plan["media_contacts"])
    session.flush()
    session.expire_all()
    return ImportResult(action_id=aid, slug=slug, notes=notes)


def _chain(session: Session, aid: int, schedule: list[dict], cue_ids: dict[str, int]) -> None:
    """Each cue's ``follows``, set once all the cues have ids; the times stay as written (the
    next edit of the schedule ripples)."""
    chained = [
        {"b_id": cue_ids[c["key"]], "b_value": cue_ids[c["follows"]]}
        for c in schedule
        if c.get("follows")
    ]
    _point(session, m.Cue, "follows_id", chained, aid)


def _point(session: Session, model, column: str, rows: list[dict], aid: int) -> None:
    """Set ``column`` of many rows to other rows' ids (``b_id`` -> ``b_value``) in one
    executemany, once every row has its id; announced as an update of the action's rows."""
    if not rows:
        return
    table = model.__table__
    session.connection().execute(
        update(table).where(table.c.id == bindparam("b_id")).values({column: bindparam("b_value")}),
        rows,
    )
    touched_in_bulk(session, table.name, action_id=aid, kind="updated")


def _bulk(session: Session, model, rows: list[dict]) -> dict[str, int]:
    """Insert the rows of one action with one executemany, then read their ids back by key
    (unique in an action)."""
    if not rows:
        return {}
    executemany(session, model.__table__, rows)
    action_id = rows[0]["action_id"]
    return dict(
        session.execute(select(model.key, model.id).where(model.action_id == action_id)).all()
    )


def _people(session: Session, participants: list[dict], notes: list[str]) -> dict[str, int]:
    """The bundle's people: an alias already in the directory is that person (their stored
    details kept), the others are made in one executemany. Bundle key -> participant id."""
    keys = [p.get("alias_key") or m.alias_key(p["alias"]) for p in participants]
    existing: dict[str, int] = {}
    everyone = select(m.Participant.alias_key, m.Participant.id)
    directory = session.scalar(select(func.count()).select_from(m.Participant))
    if directory and directory <= 4 * len(keys):  # one read of a directory not much larger
        existing = dict(session.execute(everyone).all())
    elif directory:  # one cached statement, the keys bound at execution
        known = everyone.where(m.Participant.alias_key.in_(bindparam("keys", expanding=True)))
        for chunk in range(0, len(keys), 500):
            existing.update(session.execute(known, {"keys": keys[chunk : chunk + 500]}).all())
    out: dict[str, int] = {}
    new_rows = []
    for p, k in zip(participants, keys, strict=True):
        if k in existing:
            out[p["key"]] = existing[k]
            notes.append(
                _(
                    "alias {alias!r} is an existing participant; their stored details are kept"
                ).format(alias=p["alias"])
            )
        else:
            new_rows.append(p if p.get("alias_key") == k else dict(p, alias_key=k))
    ids = insert_participants(session, new_rows, skip=("key",))  # the rows as read, not copied
    for p, id_ in zip(new_rows, ids, strict=True):
        out[p["key"]] = id_
    return out


def insert_releases(session: Session, aid: int, releases: list[dict]) -> None:
    """The releases, then their quotes and contact lines, one executemany each; a
    translation's source is set once every release has its id."""
    if not releases:
        return
    inner = ("quotes", "press_contacts", "translation_of")
    ids = _bulk(
        session,
        m.PressRelease,
        [{k: v for k, v in rel.items() if k not in inner} | {"action_id": aid} for rel in releases],
    )
    for model, name in ((m.Quote, "quotes"), (m.PressContact, "press_contacts")):
        rows = [
            {**item, "release_id": ids[rel["key"]], "position": i}
            for rel in releases
            for i, item in enumerate(rel[name])
        ]
        executemany(session, model.__table__, rows)
    sources = [
        {"b_id": ids[rel["key"]], "b_value": ids[rel["translation_of"]]}
        for rel in releases
        if rel["translation_of"]
    ]
    _point(session, m.PressRelease, "translation_of_id", sources, aid)


def attach_media(session: Session, action: m.Action, contacts: list[dict]) -> None:
    """The bundle's media contacts on the action: one already in the directory (same e-mail
    and outlet) is that contact; the others are made. One read for all, the links in one go."""
    if not contacts:
        return
    known: dict[tuple[str, str], m.MediaContact] = {}
    emails = sorted({c["email"] for c in contacts if c["email"]})
    if emails:
        mc = m.MediaContact
        for found in session.scalars(select(mc).where(mc.email.in_(emails)).order_by(mc.id)):
            known.setdefault((found.email, found.outlet), found)
    chosen: list[m.MediaContact] = []
    for c in contacts:
        found = known.get((c["email"], c["outlet"])) if c["email"] else None
        if found is None:
            found = m.MediaContact(**c)
            session.add(found)
            if c["email"]:
                known[(c["email"], c["outlet"])] = found
        if found not in chosen:
            chosen.append(found)
    session.flush()
    links = [{"action_id": action.id, "media_contact_id": c.id} for c in chosen]
    executemany(session, m.action_media_contact, links, action_id=action.id)
