"""Reading an .ics file (a partner's programme, a venue booking) as cues of an action.

``read_calendar`` turns the file into events, reading no database; the service module
``app.services.calendar_import`` previews, applies and undoes the import. Each event becomes
a cue whose ``uid`` is the event's UID (a digest of it when longer than 64 characters, plus the
occurrence for a recurring event), so importing the same file again updates those cues
instead of adding copies.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.domain import models as m
from app.domain.errors import DomainError
from app.domain.limits import MAX_CUE_MINUTES
from app.exports.calendar.ics import utc_value
from app.exports.calendar.reader import EventSpan, line_error, parse
from app.exports.calendar.recurrence import ZoneResolver, occurrences, wall_and_zone
from app.i18n import _, ngettext

# What becomes of an event's properties: DTSTART… give the time, the rest the cue's words.
USED = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "UID")
LIMITS = {"title": 300, "place": 300, "instructions": 5000}
UID_MAX = 64


@dataclass(frozen=True)
class IcsEvent:
    """One cue to be made or updated, as the preview shows it."""

    uid: str
    title: str
    starts_at: datetime
    minutes: int
    place: str
    instructions: str
    line: int
    outside: bool
    status: str = "new"  # new | update | same
    cue_id: int | None = None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)

    def values(self) -> dict:
        return {
            "starts_at": self.starts_at,
            "minutes": self.minutes,
            "title": self.title,
            "place": self.place,
            "instructions": self.instructions,
        }


@dataclass
class IcsPreview:
    action_id: int
    events: list[IcsEvent]
    notes: list[str] = field(default_factory=list)  # what was left out, and why

    @property
    def outside(self) -> int:
        return sum(1 for e in self.events if e.outside)


@dataclass
class ImportOutcome:
    action_id: int
    created: list[int] = field(default_factory=list)
    updated: dict[int, dict] = field(default_factory=dict)  # cue id -> previous values


def _key(uid: str, occurrence: datetime | None) -> str:
    base = uid if occurrence is None else f"{uid}/{utc_value(occurrence)}"
    if len(base) <= UID_MAX and base.isprintable():
        return base
    return "ics-" + hashlib.sha256(base.encode("utf-8")).hexdigest()[:40]


def _text(
    component,
    name: str,
    limit: int,
    *,
    one_line: str | None = None,
    notes: list[str] | None = None,
    line: int = 0,
) -> str:
    """The property's text, cut to ``limit`` — said in ``notes``, as the other things an
    import leaves out are (a 5,000-character DESCRIPTION was cut without a word); ``one_line``:
    its lines joined by that (a LOCATION written "Place\nStreet" is one place: a cue's title
    and place are one line)."""
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    text = "" if value is None else str(value).strip()
    if one_line:
        text = one_line.join(part.strip() for part in text.splitlines() if part.strip())
    if len(text) <= limit:
        return text
    if notes is not None:
        notes.append(
            _("line {n}: {name} was cut to {limit} characters").format(
                n=line, name=name, limit=limit
            )
        )
    return text[: limit - 1] + "…"


def _window_days(action: m.Action) -> tuple:
    from app.domain.timeutil import zone

    tz = zone(action.timezone)
    return tz, action.starts_at.astimezone(tz).date(), action.ends_at.astimezone(tz).date()


def _guarded(span: EventSpan, fn, *args):
    """Run ``fn``; any failure to read the event is a refusal naming its first line."""
    try:
        return fn(*args)
    except DomainError:
        raise
    except Exception as exc:  # whatever a hostile file makes icalendar or dateutil raise
        raise line_error(
            span.begin,
            _("the event cannot be read: {reason}").format(
                reason=str(exc)[:200] or type(exc).__name__
            ),
        ) from exc


class _Reader:
    def __init__(self, action: m.Action, calendars, scanned) -> None:
        self.action = action
        self.tz, self.first_day, self.last_day = _window_days(action)
        self.scanned = scanned
        self.calendars = calendars
        self.events: list[IcsEvent] = []
        self.notes: list[str] = []
        self.keys: set[str] = set()

    def run(self) -> None:
        for cal, spans in zip(self.calendars, self.scanned.calendars, strict=True):
            events = [c for c in cal.subcomponents if c.name == "VEVENT"]
            if len(events) != len(spans):
                spans = [EventSpan(spans[0].begin if spans else 1)] * len(events)
            zones = ZoneResolver(cal, self.tz)
            pairs = list(zip(events, spans, strict=True))
            overridden: dict[str, set[datetime]] = {}
            for ev, span in pairs:
                if "RECURRENCE-ID" in ev and "UID" in ev:
                    rid = _guarded(span, self._instant, ev, span, zones, "RECURRENCE-ID")[0]
                    overridden.setdefault(str(ev["UID"]).strip(), set()).add(rid)
            for ev, span in pairs:
                _guarded(span, self._event, ev, span, zones, overridden)
            for comp in cal.subcomponents:
                if comp.name == "VTODO":
                    self.notes.append(_("a to-do was left out: only events become cues"))

    def _instant(self, ev, span: EventSpan, zones: ZoneResolver, name: str):
        prop = ev.get(name)
        if isinstance(prop, list):
            prop = prop[0]
        return wall_and_zone(prop, zones, span.line_of(name), self.tz)

    def _check_errors(self, ev, span: EventSpan) -> None:
        from icalendar.parser import Contentline

        for item in span.lines:
            if item.name in USED:
                try:
                    Contentline(item.text).parts()
                except Exception as exc:  # icalendar's reasons vary; the line is what matters
                    raise line_error(
                        item.number,
                        _("{name} cannot be read: {reason}").format(name=item.name, reason=exc),
                    ) from exc
        for name, error in getattr(ev, "errors", []) or []:
            if name and name.upper() in USED:
                raise line_error(
                    span.line_of(name),
                    _("{name} cannot be read: {reason}").format(name=name.upper(), reason=error),
                )

    def _event(self, ev, span: EventSpan, zones: ZoneResolver, overridden) -> None:
        self._check_errors(ev, span)
        said = dict(notes=self.notes)
        title = _text(
            ev, "SUMMARY", LIMITS["title"], one_line=" ", line=span.line_of("SUMMARY"), **said
        ) or _("(untitled event)")
        if str(ev.get("STATUS", "")).upper() == "CANCELLED":
            self.notes.append(
                _("line {n}: {title!r} is cancelled in the file: left out").format(
                    n=span.begin, title=title
                )
            )
            return
        if "DTSTART" not in ev:
            self.notes.append(
                _("line {n}: {title!r} has no start (DTSTART): left out").format(
                    n=span.begin, title=title
                )
            )
            return
        start, all_day = self._instant(ev, span, zones, "DTSTART")
        length = self._length(ev, span, zones, start, all_day)
        uid = str(ev.get("UID", "")).strip()
        if not uid:
            raw = f"{utc_value(start)}|{title}"
            uid = "ics-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:40]
        base = dict(
            title=title,
            place=_text(
                ev,
                "LOCATION",
                LIMITS["place"],
                one_line=", ",
                line=span.line_of("LOCATION"),
                **said,
            ),
            instructions=_text(
                ev, "DESCRIPTION", LIMITS["instructions"], line=span.line_of("DESCRIPTION"), **said
            ),
            line=span.begin,
        )
        if "RECURRENCE-ID" in ev:
            rid = self._instant(ev, span, zones, "RECURRENCE-ID")[0]
            if self._in_days(start) or self._in_days(rid):
                self._add(_key(uid, rid), start, length, base)
            return
        if "RRULE" not in ev and "RDATE" not in ev:
            self._add(_key(uid, None), start, length, base)
            return
        found = occurrences(
            ev,
            span,
            zones,
            start,
            all_day=all_day,
            days=(self.first_day, self.last_day),
            action_tz=self.tz,
            skip=overridden.get(uid, set()),
        )
        if not found:
            self.notes.append(
                _("line {n}: {title!r} repeats, but not on the action's days").format(
                    n=span.begin, title=title
                )
            )
        for occurrence in found:
            self._add(_key(uid, occurrence), occurrence, length, base)

    def _length(self, ev, span, zones, start: datetime, all_day: bool) -> timedelta:
        if "DTEND" in ev:
            end, _day = self._instant(ev, span, zones, "DTEND")
            length = end - start
            if length < timedelta(0):
                raise line_error(span.line_of("DTEND"), _("the event ends before it starts"))
        elif "DURATION" in ev:
            length = ev["DURATION"].dt
            if not isinstance(length, timedelta) or length < timedelta(0):
                raise line_error(span.line_of("DURATION"), _("the duration is negative"))
        else:
            length = timedelta(days=1) if all_day else timedelta(0)
        if length > timedelta(minutes=MAX_CUE_MINUTES):
            name = "DTEND" if "DTEND" in ev else "DURATION"
            raise line_error(
                span.line_of(name),
                ngettext(
                    "the event lasts more than {n} minute (a week), too long for a cue",
                    "the event lasts more than {n} minutes (a week), too long for a cue",
                    MAX_CUE_MINUTES,
                ).format(n=MAX_CUE_MINUTES),
            )
        return length

    def _in_days(self, instant: datetime) -> bool:
        return self.first_day <= instant.astimezone(self.tz).date() <= self.last_day

    def _add(self, key: str, start: datetime, length: timedelta, base: dict) -> None:
        n, unique = 1, key
        while unique in self.keys:
            n += 1
            unique = f"{key[: UID_MAX - 4]}#{n}"
        self.keys.add(unique)
        minutes = max(1, -(-int(length.total_seconds()) // 60))
        end = start + timedelta(minutes=minutes)
        outside = start < self.action.starts_at or end > self.action.ends_at
        self.events.append(
            IcsEvent(uid=unique, starts_at=start, minutes=minutes, outside=outside, **base)
        )


def event_status(cue, event: IcsEvent) -> str:
    """``new`` (no cue has its UID), ``same`` or ``update`` (the cue's fields differ)."""
    if cue is None:
        return "new"
    same = all(getattr(cue, k) == v for k, v in event.values().items())
    return "same" if same else "update"


def read_calendar(action: m.Action, data: bytes | str) -> tuple[list[IcsEvent], list[str]]:
    """The events of ``data`` as cues of ``action`` would be, in time order, and the notes on
    what was left out; DomainError naming the line if the file is bad. Reads no database:
    ``app.services.calendar_import`` compares them with the plan and writes them."""
    scanned, calendars = parse(data)
    reader = _Reader(action, calendars, scanned)
    reader.run()
    for number in scanned.ignored:
        reader.notes.append(_("line {n}: a vendor's X- line was ignored").format(n=number))
    return sorted(reader.events, key=lambda e: (e.starts_at, e.line)), reader.notes
