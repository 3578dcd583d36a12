"""Press operations that write several rows: one call, one undo step."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.services import edits
from app.services.changes import Change
from app.services.ops import OpChanges, reversible, undoable_create


def create_translation(session: Session, *, source_id: int, language: str) -> OpChanges:
    """A draft translation of release ``source_id``; ``result`` is its id."""
    from app.services import press

    rid = press.create_translation(session, source_id, language)
    action_id = edits.get(session, "release", rid).action_id
    return undoable_create(session, entity="release", row_id=rid, action_id=action_id)


def mark_sent(
    session: Session,
    *,
    release_id: int,
    contact_ids: list[int],
    note: str = "",
    expected_version: int | None = None,
) -> OpChanges:
    """Mark a release sent to these contacts (status and send log); undo takes both back.
    Refused when the release is no longer at ``expected_version`` (the text the user sent)."""
    from app.services import media

    action_id = edits.seen(session, "release", release_id, expected_version).action_id
    old, sends = media.mark_sent(session, release_id, contact_ids, note=note)

    def undo(s: Session) -> Change:
        media.delete_sends(s, sends)
        edits.update(s, "release", release_id, status=old)
        return Change("release", (release_id,), "updated", action_id)

    return reversible(
        Change("release", (release_id,), "updated", action_id),
        undo=undo,
        redo=lambda s: mark_sent(s, release_id=release_id, contact_ids=contact_ids, note=note),
        result=(old, sends),
    )


def record_sends(
    session: Session, *, release_id: int, contact_ids: list[int], note: str
) -> OpChanges:
    """Log that the release went to these contacts; undo removes the log lines."""
    from app.services import media

    action_id = edits.get(session, "release", release_id).action_id
    ids = media.record_sends(session, release_id, contact_ids, note=note)

    def undo(s: Session) -> Change:
        media.delete_sends(s, ids)
        return Change("release", (release_id,), "updated", action_id)

    return reversible(
        Change("release", (release_id,), "updated", action_id),
        undo=undo,
        redo=lambda s: record_sends(s, release_id=release_id, contact_ids=contact_ids, note=note),
        result=ids,
    )


def save_advisory(
    session: Session,
    *,
    action_id: int,
    language: str,
    values: dict,
    expected_version: int | None = None,
    shown: dict | None = None,
) -> OpChanges:
    """Save typed sections of the media advisory; undo puts back what was there (or removes
    the advisory the save created)."""
    from app.services import advisory

    previous = advisory.save_advisory(
        session, action_id, language, expected_version=expected_version, shown=shown, **values
    )
    change = Change("advisory", (), "updated", action_id)

    def undo(s: Session) -> Change:
        advisory.undo_save(s, action_id, language, previous)
        return change

    return reversible(
        change,
        undo=undo,
        redo=lambda s: save_advisory(s, action_id=action_id, language=language, values=values),
        result=previous,
    )
