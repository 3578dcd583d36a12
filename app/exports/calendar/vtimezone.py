"""VTIMEZONE blocks built from the IANA database for exactly the years an export needs.

icalendar's own generator says it "only works from 1970 to 2038" and writes onsets in the new
offset's wall time. This one reads the zone's transitions from ``zoneinfo`` (which follows the
zone's POSIX rule past 2037 and its history before 1970) and writes each onset as RFC 5545 wants
it: the local time *before* the change (``DTSTART`` read with ``TZOFFSETFROM``), one sub-component
per transition, so clients that do not know the IANA name (and ``dateutil.tz.tzical``) get the
same instants as those that do.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

# Offsets are sampled every few hours and each change is narrowed to the second. No zone has
# changed its offset twice within this step since the 19th century.
_STEP = timedelta(hours=3)


def _offset(tz: ZoneInfo, instant: datetime) -> timedelta:
    return instant.astimezone(tz).utcoffset() or timedelta(0)


def _narrow(tz: ZoneInfo, before: datetime, after: datetime) -> datetime:
    """The first instant (to the second) in (before, after] with ``after``'s offset."""
    target = _offset(tz, after)
    lo, hi = before, after
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        mid = mid.replace(microsecond=0)
        if mid <= lo:
            break
        if _offset(tz, mid) == target:
            hi = mid
        else:
            lo = mid
    return hi


def transitions(tz: ZoneInfo, start: datetime, end: datetime) -> list[tuple[datetime, timedelta]]:
    """(UTC instant, new offset) of every offset change in [start, end)."""
    out: list[tuple[datetime, timedelta]] = []
    t = start
    current = _offset(tz, t)
    while t < end:
        nxt = min(t + _STEP, end)
        off = _offset(tz, nxt)
        if off != current:
            at = _narrow(tz, t, nxt)
            out.append((at, off))
            current = off
        t = nxt
    return out


def _fmt_offset(off: timedelta) -> str:
    seconds = int(off.total_seconds())
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    hh, rest = divmod(seconds, 3600)
    mm, ss = divmod(rest, 60)
    return f"{sign}{hh:02d}{mm:02d}" + (f"{ss:02d}" if ss else "")


def fmt_local(dt: datetime) -> str:
    """A wall-clock time as iCalendar writes it (``YYYYMMDDTHHMMSS``), without strftime."""
    return f"{dt.year:04d}{dt.month:02d}{dt.day:02d}T{dt.hour:02d}{dt.minute:02d}{dt.second:02d}"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def _part(tz: ZoneInfo, onset_utc: datetime, off_from: timedelta, off_to: timedelta) -> list[str]:
    local_after = onset_utc.astimezone(tz)
    kind = "DAYLIGHT" if (local_after.dst() or timedelta(0)) != timedelta(0) else "STANDARD"
    onset_local = (onset_utc + off_from).replace(tzinfo=None)
    lines = [f"BEGIN:{kind}", f"DTSTART:{fmt_local(onset_local)}"]
    name = local_after.tzname()
    if name:
        lines.append(f"TZNAME:{_escape(name)}")
    lines += [
        f"TZOFFSETFROM:{_fmt_offset(off_from)}",
        f"TZOFFSETTO:{_fmt_offset(off_to)}",
        f"END:{kind}",
    ]
    return lines


@functools.lru_cache(maxsize=32)
def vtimezone_lines(tzid: str, first_year: int, last_year: int) -> tuple[str, ...]:
    """The VTIMEZONE of ``tzid`` (an IANA name) for 1 January ``first_year`` to the end of
    ``last_year`` (UTC, one day of margin each side), as unfolded content lines."""
    tz = ZoneInfo(tzid)
    first_year = max(first_year, 2)
    last_year = min(last_year, 9997)
    start = datetime(first_year, 1, 1, tzinfo=UTC) - timedelta(days=1)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC) + timedelta(days=1)
    first_offset = _offset(tz, start)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    lines += _part(tz, start, first_offset, first_offset)
    previous = first_offset
    for onset, offset in transitions(tz, start, end):
        lines += _part(tz, onset, previous, offset)
        previous = offset
    lines.append("END:VTIMEZONE")
    return tuple(lines)
