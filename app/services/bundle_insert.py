"""Writing an imported bundle's press releases and media contacts (split from bundle_read,
which reads and checks; these only insert rows already checked)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m


def insert_releases(session: Session, aid: int, releases: list[dict]) -> None:
    ids: dict[str, int] = {}
    for rel in releases:
        obj = m.PressRelease(
            action_id=aid,
            **{
                k: v
                for k, v in rel.items()
                if k not in ("quotes", "press_contacts", "translation_of")
            },
        )
        obj.quotes = [m.Quote(position=i, **q) for i, q in enumerate(rel["quotes"])]
        obj.press_contacts = [
            m.PressContact(position=i, **c) for i, c in enumerate(rel["press_contacts"])
        ]
        session.add(obj)
        session.flush()
        ids[rel["key"]] = obj.id
    for rel in releases:
        if rel["translation_of"]:
            session.get(m.PressRelease, ids[rel["key"]]).translation_of_id = ids[
                rel["translation_of"]
            ]


def attach_media(session: Session, action: m.Action, contacts: list[dict]) -> None:
    for c in contacts:
        found = None
        if c["email"]:
            found = session.scalar(
                select(m.MediaContact).where(
                    m.MediaContact.email == c["email"], m.MediaContact.outlet == c["outlet"]
                )
            )
        if found is None:
            found = m.MediaContact(**c)
            session.add(found)
        if found not in action.media_contacts:
            action.media_contacts.append(found)
