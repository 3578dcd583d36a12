"""The media advisory's edits: one row per action and language, created on the first save.

``advisory_doc`` is what the Press tab shows (typed text and the plan's defaults side by side);
``save_advisory`` stores what the press officer typed (an empty section goes back to the plan)
and returns what undo needs: the row's previous values, or ``None`` when it created the row.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError
from app.i18n import _, normalise_language
from app.services import edits

FIELDS = ("headline", "what", "when_text", "where_text", "who", "photo", "contact")


def advisory_doc(session: Session, action_id: int, language: str):
    from app.services.press_docs import load_advisory

    return load_advisory(session, action_id, language)


def advisory_id(session: Session, action_id: int, language: str) -> int | None:
    return session.scalar(
        select(m.MediaAdvisory.id).where(
            m.MediaAdvisory.action_id == action_id, m.MediaAdvisory.language == language
        )
    )


def save_advisory(
    session: Session,
    action_id: int,
    language: str,
    *,
    expected_version: int | None = None,
    shown: dict | None = None,
    **values,
) -> dict | None:
    """Store the typed sections of the advisory in ``language``; previous values or None.
    ``expected_version`` / ``shown``: what the press officer saw (team mode refuses a save over
    a colleague's change of the same section)."""
    lang = normalise_language(language) if isinstance(language, str) else None
    if lang is None:
        raise DomainError(
            _("{value!r} is not a language code").format(value=language), field="language"
        )
    unknown = [k for k in values if k not in FIELDS]
    if unknown:
        raise DomainError(_("unknown field"), field=unknown[0])
    found = advisory_id(session, action_id, lang)
    if found is None:
        edits.create(session, "advisory", action_id=action_id, language=lang, **values)
        return None
    return edits.update(
        session, "advisory", found, expected_version=expected_version, shown=shown, **values
    )


def undo_save(session: Session, action_id: int, language: str, previous: dict | None) -> None:
    """Put back what ``save_advisory`` replaced (delete the row it created)."""
    found = advisory_id(session, action_id, language)
    if found is None:
        return
    if previous is None:
        edits.delete(session, "advisory", found)
    else:
        edits.update(session, "advisory", found, **previous)


def advisory_languages(session: Session, action_id: int) -> list[str]:
    """The languages an advisory can be written in: the action's (first = main)."""
    return list(edits.get(session, "action", action_id).languages or []) or ["en"]
