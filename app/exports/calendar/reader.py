"""Reading an .ics file someone else wrote, with the line of every problem.

icalendar parses leniently and does not say where a problem is, so the file is first checked
line by line here (encoding, content-line syntax, BEGIN/END nesting), then handed to icalendar.
Every refusal is a ``DomainError`` whose field is ``line N``.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from app.domain.errors import DomainError, Problem
from app.i18n import _

_NAME = re.compile(r"[A-Za-z0-9-]+")
# Components that live directly in a VCALENDAR and never inside one another.
_TOP = frozenset({"VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE", "VAVAILABILITY"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def line_error(number: int, message: str) -> DomainError:
    return DomainError([Problem(_("line {n}").format(n=number), message)])


@dataclass(frozen=True)
class Logical:
    number: int  # physical line where it starts (1-based)
    name: str  # upper-case property or BEGIN/END
    text: str  # unfolded


@dataclass
class EventSpan:
    """Where one VEVENT (a direct child of a VCALENDAR) is in the file."""

    begin: int
    lines: list[Logical] = field(default_factory=list)

    def line_of(self, name: str) -> int:
        for item in self.lines:
            if item.name == name.upper():
                return item.number
        return self.begin


@dataclass
class Scanned:
    text: str  # what icalendar gets: unfolded, malformed X- lines left out
    lines: list[Logical]
    calendars: list[list[EventSpan]]  # per VCALENDAR, its VEVENTs in order
    ignored: list[int]  # numbers of malformed X- lines left out


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        number = data[: exc.start].count(b"\n") + 1
        raise line_error(number, _("the file is not UTF-8 text")) from exc


def _logical_lines(text: str) -> list[Logical]:
    out: list[Logical] = []
    physical = re.split(r"\r\n|\n", text)
    current: list[str] = []
    start = 0
    for number, raw in enumerate(physical, start=1):
        if "\r" in raw:
            raise line_error(number, _("a carriage return in the middle of a line"))
        if raw[:1] in (" ", "\t") and current:
            current.append(raw[1:])
            continue
        if current:
            out.append(_logical(start, "".join(current)))
        current, start = ([raw], number) if raw.strip() else ([], number)
    if current:
        out.append(_logical(start, "".join(current)))
    return out


def _logical(number: int, text: str) -> Logical:
    if _CONTROL.search(text):
        raise line_error(number, _("a control character in the line"))
    m = _NAME.match(text)
    name = m.group(0).upper() if m else ""
    rest = text[len(name) :] if m else text
    if not name or not rest or rest[0] not in ";:" or ":" not in rest:
        return Logical(number, "", text)
    return Logical(number, name, text)


def scan(data: bytes) -> Scanned:
    """Check the file's structure; refuse it with the first bad line."""
    if not data.strip():
        raise DomainError(_("the file is empty"), field="FILE")
    lines = _logical_lines(_decode(data))
    kept: list[str] = []
    ignored: list[int] = []
    stack: list[tuple[str, int]] = []
    calendars: list[list[EventSpan]] = []
    event: EventSpan | None = None
    for item in lines:
        if not item.name:
            if item.text.upper().startswith("X-") and stack:
                ignored.append(item.number)  # a vendor's broken extension: nothing we read
                continue
            raise line_error(
                item.number,
                _("not an iCalendar line (NAME:value): {text!r}").format(text=item.text[:60]),
            )
        value = item.text.split(":", 1)[1].strip().upper()
        if item.name == "BEGIN":
            if not _NAME.fullmatch(value):
                raise line_error(item.number, _("BEGIN without a component name"))
            if not stack and value != "VCALENDAR":
                raise line_error(
                    item.number, _("not an iCalendar file: it must start with BEGIN:VCALENDAR")
                )
            if value == "VCALENDAR" and stack:
                raise line_error(item.number, _("a calendar inside a calendar"))
            if value in _TOP and stack[-1][0] in _TOP:
                raise line_error(
                    item.number,
                    _(
                        "BEGIN:{name} inside {outer} (begun on line {n}): END:{outer} is missing"
                    ).format(name=value, outer=stack[-1][0], n=stack[-1][1]),
                )
            stack.append((value, item.number))
            if value == "VCALENDAR":
                calendars.append([])
            elif value == "VEVENT" and len(stack) == 2:
                event = EventSpan(item.number)
                calendars[-1].append(event)
        elif item.name == "END":
            if not stack:
                raise line_error(item.number, _("END:{name} without a BEGIN").format(name=value))
            name, begun = stack[-1]
            if value != name:
                raise line_error(
                    item.number,
                    _("END:{found} where END:{expected} (begun on line {n}) was expected").format(
                        found=value, expected=name, n=begun
                    ),
                )
            stack.pop()
            if name == "VEVENT" and len(stack) == 1:
                event = None
        elif not stack and item.name.startswith("X-"):
            ignored.append(item.number)  # a vendor's note after the calendar
            continue
        elif not stack:
            raise line_error(
                item.number, _("not an iCalendar file: it must start with BEGIN:VCALENDAR")
            )
        elif event is not None:
            event.lines.append(item)
        kept.append(item.text)
    if stack:
        name, begun = stack[-1]
        raise line_error(begun, _("BEGIN:{name} is never closed with END:{name}").format(name=name))
    if not calendars:
        raise DomainError(_("the file holds no calendar"), field="FILE")
    return Scanned("\r\n".join(kept) + "\r\n", lines, calendars, ignored)


def _locate(scanned: Scanned) -> tuple[int, str] | None:
    """The first line icalendar cannot read on its own, and why."""
    from icalendar import Component
    from icalendar.parser import Contentline

    factory = Component.types_factory
    for item in scanned.lines:
        if not item.name or item.name in ("BEGIN", "END"):
            continue
        try:
            name, params, value = Contentline(item.text).parts()
            factory.for_property(name, params.get("VALUE")).from_ical(value)
        except Exception as exc:  # icalendar raises many kinds; each is a bad line here
            return item.number, str(exc) or type(exc).__name__
    return None


def parse(data: bytes):
    """(scanned file, list of icalendar Calendars); DomainError naming the line if unreadable."""
    from icalendar import Calendar

    scanned = scan(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            calendars = Calendar.from_ical(scanned.text, multiple=True)
        except Exception as exc:  # icalendar's errors are ValueError and others: all user input
            found = _locate(scanned)
            if found is None:
                raise DomainError(
                    _("the file cannot be read as iCalendar: {reason}").format(reason=exc),
                    field="FILE",
                ) from exc
            number, reason = found
            raise line_error(
                number, _("cannot be read: {reason}").format(reason=reason[:200])
            ) from exc
    if len(calendars) != len(scanned.calendars):
        raise DomainError(_("the file cannot be read as iCalendar"), field="FILE")
    return scanned, calendars
