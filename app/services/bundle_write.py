"""Write an action as a bundle (BUNDLE.md, version 1). Personal data only when asked for."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.timeutil import format_iso, zone
from app.storage.rows import load_action
from app.version import generator


def _people_of(action: m.Action) -> list[m.Participant]:
    people: dict[int, m.Participant] = {}
    for a in action.assignments:
        people[a.participant.id] = a.participant
    for cue in action.cues:
        for p in cue.participants:
            people[p.id] = p
    for prop in action.props:
        for p in prop.carriers:
            people[p.id] = p
    for t in action.tasks:
        if t.assignee is not None:
            people[t.assignee.id] = t.assignee
    return sorted(people.values(), key=lambda p: (p.alias_key, p.id))


def bundle_dict(session: Session, action_id: int, *, include_personal_data: bool = False) -> dict:
    action = load_action(session, action_id)
    tz = zone(action.timezone)

    def t(value):
        return None if value is None else format_iso(value, tz)

    def d(value):
        return None if value is None else value.isoformat()

    people = _people_of(action)
    pkey = {p.id: f"p{i}" for i, p in enumerate(people, start=1)}
    order = {p.id: i for i, p in enumerate(people)}

    def keys_of(persons) -> list[str]:
        return [pkey[p.id] for p in sorted(persons, key=lambda p: order[p.id])]

    participants = []
    for p in people:
        row: dict = {"key": pkey[p.id], "alias": p.alias}
        if include_personal_data:
            row.update(full_name=p.full_name, phone=p.phone, email=p.email)
        row["language"] = p.language
        if include_personal_data:
            row.update(notes=p.notes, retain_until=d(p.retain_until))
            row["consent"] = {
                "given_on": d(p.consent_given_on),
                "scope": p.consent_scope,
                "photos": p.consent_photos,
            }
        else:
            row["consent"] = {"photos": p.consent_photos}
        participants.append(row)
    role_key = {r.id: r.key for r in action.roles}
    prop_key = {p.id: p.key for p in action.props}
    release_key = {r.id: r.key for r in action.releases}
    out = {
        "format": "cortege.bundle",
        "version": 1,
        "generator": generator(),
        "action": {
            "slug": action.slug,
            "title": action.title,
            "message": action.message,
            "description": action.description,
            "status": action.status,
            "timezone": action.timezone,
            "country": action.country,
            "starts_at": t(action.starts_at),
            "ends_at": t(action.ends_at),
            "location": {
                "name": action.location_name,
                "address": action.address,
                "meeting_point": action.meeting_point,
                "latitude": action.latitude,
                "longitude": action.longitude,
            },
            "route": list(action.route or []),
            "languages": list(action.languages or []),
            "fallback_plan": action.fallback_plan,
            "safety_notes": action.safety_notes,
            "contacts": [
                {"label": c.label, "phone": c.phone, "email": c.email} for c in action.contacts
            ],
            "declaration": {
                "authority": action.decl_authority,
                "sent_on": d(action.decl_sent_on),
                "received_on": d(action.decl_received_on),
                "reference": action.decl_reference,
            },
        },
        "roles": [
            {"key": r.key, "name": r.name, "needed": r.needed, "instructions": r.instructions}
            for r in action.roles
        ],
        "participants": participants,
        "assignments": [
            {
                "participant": pkey[a.participant_id],
                "role": role_key[a.role_id],
                "call_time": t(a.call_time),
                "confirmed": a.confirmed,
                "attended": a.attended,
            }
            # Additive: written only when true, so older Cortège reads the bundle of a plan
            # whose packs were never sent.
            | ({"pack_sent": True} if a.pack_sent else {})
            for a in sorted(
                action.assignments, key=lambda a: (role_key[a.role_id], pkey[a.participant_id])
            )
        ],
        "props": [
            {
                "key": p.key,
                "name": p.name,
                "quantity": p.quantity,
                "status": p.status,
                "carried_by": keys_of(p.carriers),
                "cost": None if p.cost is None else f"{p.cost:.2f}",
                "notes": p.notes,
            }
            for p in action.props
        ],
        "schedule": [
            {
                "key": c.key,
                "starts_at": t(c.starts_at),
                "minutes": c.minutes,
                "title": c.title,
                "place": c.place,
                "instructions": c.instructions,
                "roles": [role_key[r.id] for r in c.roles],
                "participants": keys_of(c.participants),
                "props": [prop_key[p.id] for p in c.props],
            }
            | ({"photo_opportunity": True} if c.photo_opportunity else {})
            | ({"follows": c.follows.key} if c.follows is not None else {})
            for c in action.cues
        ],
        "press_releases": [
            {
                "key": r.key,
                "language": r.language,
                "headline": r.headline,
                "subheadline": r.subheadline,
                "dateline": r.dateline,
                "release_at": t(r.release_at),
                "embargo_until": t(r.embargo_until),
                "body": r.body,
                "quotes": [{"speaker": q.speaker, "text": q.text} for q in r.quotes],
                "boilerplate": r.boilerplate,
                "press_contacts": [
                    {"label": c.label, "phone": c.phone, "email": c.email} for c in r.press_contacts
                ],
                "status": r.status,
                "translation_of": release_key.get(r.translation_of_id),
            }
            | ({"notes_to_editors": r.notes_to_editors} if r.notes_to_editors else {})
            for r in action.releases
        ],
        "tasks": [
            {
                "title": x.title,
                "due": d(x.due),
                "assignee": pkey.get(x.assignee_id) if x.assignee_id else None,
                "done": x.done,
            }
            for x in action.tasks
        ],
    }
    from app.services.bundle_advisory import write_advisories

    if advisories := write_advisories(session, action_id):
        out["media_advisories"] = advisories
    from app.services.bundle_day import write_day

    write_day(out, action, t)
    if include_personal_data:
        out["media_contacts"] = [
            {
                "outlet": c.outlet,
                "name": c.name,
                "email": c.email,
                "phone": c.phone,
                "language": c.language,
                "beat": c.beat,
            }
            for c in action.media_contacts
        ]
    return out


def bundle_json(session: Session, action_id: int, *, include_personal_data: bool = False) -> str:
    data = bundle_dict(session, action_id, include_personal_data=include_personal_data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
