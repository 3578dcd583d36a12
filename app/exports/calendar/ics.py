"""Writing iCalendar (RFC 5545) content lines: escaping, folding, date-times with their zone.

Written by hand rather than through icalendar's component objects: it is a few dozen lines, it is
about twenty times faster (10,000 cues in well under a second), and it lets every instant be
written the one way that is right for it (see ``datetime_value``). What it writes is read back
by icalendar and vobject in the tests.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from app.exports.calendar.vtimezone import fmt_local, vtimezone_lines

PRODID = "-//Cortège//Cortège planner//EN"


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11); CR/LF pairs become one ``\\n``."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    if len(line) <= 75 and line.isascii():
        return line
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    limit = 75
    chunk: list[str] = []
    size = 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            parts.append("".join(chunk))
            chunk, size, limit = [], 0, 74
        chunk.append(ch)
        size += n
    parts.append("".join(chunk))
    return "\r\n ".join(parts)


def utc_value(instant: datetime) -> str:
    return fmt_local(instant.astimezone(UTC)) + "Z"


def is_second_occurrence(local: datetime) -> bool:
    """True for a local time in the repeated hour after the clocks go back (fold=1)."""
    return local.fold == 1 and local.replace(fold=0).utcoffset() != local.utcoffset()


class IcsWriter:
    """Collects content lines of one VCALENDAR in the action's zone."""

    def __init__(self, tzid: str, *, name: str = "") -> None:
        self.tzid = tzid
        self.tz = ZoneInfo(tzid)
        self.lines: list[str] = []
        self.name = name
        self._years: set[int] = set()

    def prop(self, name: str, value: str, params: str = "") -> None:
        self.lines.append(fold(f"{name}{params}:{value}"))

    def text(self, name: str, value: str | None) -> None:
        if value:
            self.lines.append(fold(f"{name}:{escape_text(value)}"))

    def when(self, name: str, instant: datetime) -> None:
        """An instant as a local time with the TZID, or in UTC when RFC 5545 would misread it.

        A local time with a TZID that occurs twice is read as its first occurrence (RFC 5545
        3.3.5), so an instant in the second occurrence of the fall-back hour is written in UTC.
        """
        local = instant.astimezone(self.tz)
        if is_second_occurrence(local):
            self.lines.append(f"{name}:{utc_value(instant)}")
            return
        self._years.add(local.year)
        self.lines.append(f"{name};TZID={self.tzid}:{fmt_local(local)}")

    def day(self, name: str, value: date) -> None:
        self.lines.append(f"{name};VALUE=DATE:{value.year:04d}{value.month:02d}{value.day:02d}")

    def begin(self, component: str) -> None:
        self.lines.append(f"BEGIN:{component}")

    def end(self, component: str) -> None:
        self.lines.append(f"END:{component}")

    def alarm(self, minutes: int, description: str) -> None:
        self.begin("VALARM")
        self.prop("ACTION", "DISPLAY")
        self.prop("TRIGGER", duration(-minutes) if minutes else "PT0M")
        self.text("DESCRIPTION", description)
        self.end("VALARM")

    def to_bytes(self) -> bytes:
        head = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            fold(f"PRODID:{PRODID}"),
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        if self.name:
            head.append(fold(f"X-WR-CALNAME:{escape_text(self.name)}"))
        if self._years:
            head += vtimezone_lines(self.tzid, min(self._years), max(self._years))
        return ("\r\n".join([*head, *self.lines, "END:VCALENDAR"]) + "\r\n").encode("utf-8")


def duration(minutes: int) -> str:
    """An RFC 5545 duration such as ``-PT60M`` or ``PT1H30M`` from whole minutes."""
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    out = f"{sign}P"
    if days:
        out += f"{days}D"
    if hours or mins or not days:
        out += "T"
        if hours:
            out += f"{hours}H"
        if mins or not hours:
            out += f"{mins}M"
    return out


def stamp(now: datetime | None) -> str:
    return utc_value(now or datetime.now(UTC))
