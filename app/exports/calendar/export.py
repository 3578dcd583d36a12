"""Calendar files (.ics) of an action: the whole plan, or one person's part of it.

The action's file holds the action as one event, every cue as an event and every task as a
VTODO. A person's file holds their call time (with an alarm) and their cues only: cues of a
role they hold in this action and cues they are named on. No other person appears anywhere: no
ATTENDEE, no ORGANIZER, no alias but the reader's own in the calendar's name.

Identity: every item keeps its stored ``uid``. SEQUENCE is the sum of ``version - 1`` of the rows
whose columns the item's content is made of (see ``docs/calendar.md``); each of those counters
only grows, so SEQUENCE grows whenever the content can have changed, and a calendar app that
imports the file again updates its events instead of adding copies.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain import models as m
from app.domain.errors import DomainError, NotFoundError
from app.exports.calendar.ics import IcsWriter, stamp
from app.exports.runsheet.data import safe_filename
from app.i18n import Translator, _

_STATUS = {"cancelled": "CANCELLED", "confirmed": "CONFIRMED", "done": "CONFIRMED"}
CALL_MINUTES = 15  # a call time with nothing after it still shows as a quarter-hour block


def sequence(*rows) -> int:
    """SEQUENCE of an item made of these rows: the sum of their edits (``version - 1``)."""
    return sum(max(int(row.version) - 1, 0) for row in rows)


def _event_status(action: m.Action) -> str:
    return _STATUS.get(action.status, "TENTATIVE")


def _head(w: IcsWriter, component: str, uid: str, seq: int, now: str) -> None:
    w.begin(component)
    w.prop("UID", uid)
    w.prop("DTSTAMP", now)
    w.prop("SEQUENCE", str(seq))
    w.prop("CLASS", "PRIVATE")


def _place(action: m.Action, tr: Translator) -> str:
    """The place and its address, with the comma of the file's language (Arabic "، ")."""
    return tr.comma_list([p for p in (action.location_name, action.address) if p])


def _write_action(w: IcsWriter, action: m.Action, tr: Translator, now: str) -> None:
    _head(w, "VEVENT", action.uid, sequence(action), now)
    w.when("DTSTART", action.starts_at)
    w.when("DTEND", action.ends_at)
    w.text("SUMMARY", action.title)
    w.text("LOCATION", _place(action, tr))
    if action.latitude is not None and action.longitude is not None:
        w.prop("GEO", f"{action.latitude:.6f};{action.longitude:.6f}")
    parts = [action.message]
    if action.meeting_point:
        parts.append(tr.gettext("Meeting point: {place}").format(place=action.meeting_point))
    parts.append(action.description)
    w.text("DESCRIPTION", "\n\n".join(p for p in parts if p))
    w.prop("STATUS", _event_status(action))
    w.end("VEVENT")


def _write_cue(w: IcsWriter, action: m.Action, cue: m.Cue, now: str) -> None:
    _head(w, "VEVENT", cue.uid, sequence(cue, action), now)
    w.when("DTSTART", cue.starts_at)
    w.when("DTEND", cue.starts_at + timedelta(minutes=cue.minutes))
    w.text("SUMMARY", cue.title)
    w.text("LOCATION", cue.place or action.location_name)
    w.text("DESCRIPTION", cue.instructions)
    w.prop("STATUS", _event_status(action))
    w.end("VEVENT")


def _write_task(w: IcsWriter, action: m.Action, task: m.Task, now: str) -> None:
    _head(w, "VTODO", task.uid, sequence(task, action), now)
    w.text("SUMMARY", task.title)
    if task.due is not None:
        w.day("DUE", task.due)
    if action.status == "cancelled" and not task.done:
        w.prop("STATUS", "CANCELLED")
    else:
        w.prop("STATUS", "COMPLETED" if task.done else "NEEDS-ACTION")
    w.end("VTODO")


def _write_call(
    w: IcsWriter,
    action: m.Action,
    asg: m.Assignment,
    person: m.Participant,
    settings: m.Settings,
    tr: Translator,
    now: str,
) -> None:
    _head(w, "VEVENT", asg.uid, sequence(asg, action, person, settings), now)
    start = asg.call_time
    end = action.starts_at if action.starts_at > start else start
    end = max(end, start + timedelta(minutes=CALL_MINUTES))
    w.when("DTSTART", start)
    w.when("DTEND", end)
    summary = tr.gettext("Call time: {action}").format(action=action.title)
    w.text("SUMMARY", summary)
    w.text("LOCATION", action.meeting_point or _place(action, tr))
    w.text("DESCRIPTION", action.message)
    w.prop("STATUS", _event_status(action))
    if action.status != "cancelled":
        w.alarm(settings.alarm_minutes, summary)
    w.end("VEVENT")


def _action(session: Session, action_id: int) -> m.Action:
    action = session.get(m.Action, action_id)
    if action is None or action.deleted_at is not None:
        raise NotFoundError(_("no action with id {id}").format(id=action_id), field="id")
    return action


def _language(action: m.Action, person: m.Participant | None = None) -> str:
    if person is not None and person.language:
        return person.language
    return (action.languages or ["en"])[0]


def action_calendar(session: Session, action_id: int, *, now: datetime | None = None) -> bytes:
    """The whole plan: the action, every cue, every task."""
    action = _action(session, action_id)
    tr = Translator(_language(action))
    w = IcsWriter(action.timezone, name=action.title)
    ts = stamp(now)
    _write_action(w, action, tr, ts)
    cues = session.scalars(
        select(m.Cue).where(m.Cue.action_id == action_id).order_by(m.Cue.starts_at, m.Cue.id)
    )
    for cue in cues:
        _write_cue(w, action, cue, ts)
    tasks = session.scalars(select(m.Task).where(m.Task.action_id == action_id).order_by(m.Task.id))
    for task in tasks:
        _write_task(w, action, task, ts)
    return w.to_bytes()


def _person_cues(session: Session, action_id: int, person_id: int) -> list[m.Cue]:
    roles = select(m.Assignment.role_id).where(
        m.Assignment.action_id == action_id, m.Assignment.participant_id == person_id
    )
    via_role = select(m.cue_role.c.cue_id).where(m.cue_role.c.role_id.in_(roles))
    direct = select(m.cue_participant.c.cue_id).where(
        m.cue_participant.c.participant_id == person_id
    )
    return list(
        session.scalars(
            select(m.Cue)
            .where(m.Cue.action_id == action_id, or_(m.Cue.id.in_(via_role), m.Cue.id.in_(direct)))
            .order_by(m.Cue.starts_at, m.Cue.id)
        )
    )


def participant_calendar(
    session: Session, action_id: int, participant_id: int, *, now: datetime | None = None
) -> bytes:
    """One person's calendar: their call times (with an alarm) and their cues, nothing else."""
    from app.storage.rows import ensure_settings

    action = _action(session, action_id)
    person = session.get(m.Participant, participant_id)
    if person is None:
        raise DomainError(_("unknown participant"), field="participant")
    settings = ensure_settings(session)
    tr = Translator(_language(action, person))
    w = IcsWriter(action.timezone, name=f"{action.title} — {person.alias}")
    ts = stamp(now)
    calls = session.scalars(
        select(m.Assignment)
        .where(
            m.Assignment.action_id == action_id,
            m.Assignment.participant_id == participant_id,
            m.Assignment.call_time.is_not(None),
        )
        .order_by(m.Assignment.call_time, m.Assignment.id)
    )
    count, called = 0, set()
    for asg in calls:
        if asg.call_time in called:
            continue  # two roles, one call: one event, one alarm (the phone rang twice)
        called.add(asg.call_time)
        _write_call(w, action, asg, person, settings, tr, ts)
        count += 1
    for cue in _person_cues(session, action_id, participant_id):
        _write_cue(w, action, cue, ts)
        count += 1
    if not count:
        # Nothing of theirs is timed yet: the action itself, so the day is in their calendar
        # (and the file holds at least one component, as RFC 5545 requires).
        _write_action(w, action, tr, ts)
    return w.to_bytes()


def people_of(session: Session, action_id: int) -> list[m.Participant]:
    """Everybody with a part in the action: a role, or a cue they are named on."""
    assigned = select(m.Assignment.participant_id).where(m.Assignment.action_id == action_id)
    on_cue = (
        select(m.cue_participant.c.participant_id)
        .join(m.Cue, m.Cue.id == m.cue_participant.c.cue_id)
        .where(m.Cue.action_id == action_id)
    )
    return list(
        session.scalars(
            select(m.Participant)
            .where(or_(m.Participant.id.in_(assigned), m.Participant.id.in_(on_cue)))
            .order_by(m.Participant.alias_key)
        )
    )


def file_stem(alias: str) -> str:
    """An alias as a file name that works on every system (letters kept, accents too)."""
    text = unicodedata.normalize("NFC", alias).strip()
    text = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", text)
    text = re.sub(r"\s+", " ", text).strip(" .-")
    return text[:80] or "participant"


@dataclass(frozen=True)
class PersonFile:
    alias: str
    name: str  # file name inside the folder
    data: bytes


def everyone_calendars(
    session: Session, action_id: int, *, now: datetime | None = None
) -> list[PersonFile]:
    """One calendar per person with a part in the action, named ``<alias>.ics`` (``-2``…)."""
    out: list[PersonFile] = []
    taken: set[str] = set()
    for person in people_of(session, action_id):
        name = f"{safe_filename(person.alias, taken)}.ics"  # as the person's run-sheet is named
        data = participant_calendar(session, action_id, person.id, now=now)
        out.append(PersonFile(person.alias, name, data))
    return out


def write_each(
    folder: str | Path, files: list[PersonFile], *, failed: list[tuple[str, str]] | None = None
) -> list[Path]:
    """Write every person's file into ``folder`` (created if needed), each atomically.

    With ``failed``, a file that cannot be written (a full disk) does not stop the others: its
    (alias, reason) is added there, as run-sheets do — the first one stopped the batch, and the
    files already written were named nowhere."""
    from app.storage.files import atomic_write

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for f in files:
        try:
            written.append(atomic_write(target / f.name, f.data))
        except OSError as exc:
            if failed is None:
                raise
            failed.append((f.alias, exc.strerror or str(exc)))
    return written
