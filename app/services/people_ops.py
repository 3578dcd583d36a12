"""Operations on people and media contacts that write several rows: one call, one undo step."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain import models as m
from app.services import edits
from app.services.changes import Change
from app.services.ops import OpChanges, reversible, undoable_create
from app.services.undo_checks import states, still_as_left


def assign_new_person(session: Session, *, action_id: int, alias: str, values: dict) -> OpChanges:
    """A new participant with an assignment; ``result`` is the assignment id. Undo removes
    both; redo puts the same two rows back."""
    pid = edits.create(session, "participant", alias=alias)
    aid = edits.create(session, "assignment", action_id=action_id, participant_id=pid, **values)

    def take_back_from(left: tuple[dict, dict]):
        def take_back(s: Session) -> OpChanges:
            still_as_left(s, "participant", m.Participant, left[0])
            still_as_left(s, "assignment", m.Assignment, left[1])
            assignment = edits.delete(s, "assignment", aid)
            person = edits.delete(s, "participant", pid)

            def put_back(s2: Session) -> OpChanges:
                edits.restore_snapshot(s2, person)
                edits.restore_snapshot(s2, assignment)
                again = take_back_from(_left(s2, pid, aid))
                return OpChanges(Change("assignment", (aid,), "restored", action_id), again, aid)

            return OpChanges(Change("assignment", (aid,), "deleted", action_id), put_back, aid)

        return take_back

    undo = take_back_from(_left(session, pid, aid))
    return OpChanges(Change("assignment", (aid,), "created", action_id), undo, aid)


def _left(session: Session, pid: int, aid: int) -> tuple[dict, dict]:
    return states(session, m.Participant, (pid,)), states(session, m.Assignment, (aid,))


def import_people_csv(session: Session, *, action_id: int, data: bytes | str) -> OpChanges:
    """Import the good rows of a people list; ``result`` is the ImportResult."""
    from app.services import people_csv

    pre = people_csv.preview(session, action_id, data)
    result = people_csv.import_rows(session, action_id, pre.good)
    ids = tuple(result.participant_ids)
    # what the import left: undo takes back only that (a colleague's notes stay)
    people = states(session, m.Participant, ids)
    seats = states(session, m.Assignment, result.assignment_ids)

    def undo(s: Session) -> Change:
        still_as_left(s, "participant", m.Participant, people)
        still_as_left(s, "assignment", m.Assignment, seats)
        people_csv.undo_import(s, result, action_id)
        return Change("participant", ids, "deleted", action_id)

    return reversible(
        Change("participant", ids, "created", action_id),
        undo=undo,
        redo=lambda s: import_people_csv(s, action_id=action_id, data=data),
        result=result,
    )


def add_media_contact(session: Session, *, action_id: int | None, values: dict) -> OpChanges:
    """A new media contact on the action's list; ``result`` is its id."""
    from app.services import media

    cid = media.create_contact(session, action_id=action_id, **values)
    return undoable_create(session, entity="media_contact", row_id=cid, action_id=action_id)


def import_media_contacts(session: Session, *, action_id: int, data: bytes | str) -> OpChanges:
    """Import a media list; ``result`` is the ImportResult."""
    from app.services import media

    _preview, result = media.import_csv(session, action_id, data)
    ids = tuple(result.created + result.reused)

    def undo(s: Session) -> Change:
        media.undo_import(s, action_id, result)
        return Change("media_contact", tuple(result.created), "deleted", action_id)

    return reversible(
        Change("media_contact", ids, "created", action_id),
        undo=undo,
        redo=lambda s: import_media_contacts(s, action_id=action_id, data=data),
        result=result,
    )


def remove_from_media_list(
    session: Session, *, action_id: int, contact_ids: list[int]
) -> OpChanges:
    """Take contacts off the action's media list (they stay in the directory)."""
    from app.services import media

    gone = media.remove_from_list(session, action_id, contact_ids)
    ids = tuple(contact_ids)

    def undo(s: Session) -> Change:
        media.add_to_list(s, action_id, gone)
        return Change("media_contact", ids, "updated", action_id)

    return reversible(
        Change("media_contact", ids, "updated", action_id),
        undo=undo,
        redo=lambda s: remove_from_media_list(s, action_id=action_id, contact_ids=contact_ids),
        result=gone,
    )
