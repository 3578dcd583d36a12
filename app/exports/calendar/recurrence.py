"""Times in an imported file: which zone a TZID means, and the occurrences of a repeating event.

RFC 5545 reads a local time with a TZID as its first occurrence when it occurs twice (fold=0),
and a local time in a gap with the offset before the gap: ``datetime.replace(tzinfo=…, fold=0)``
does exactly that for zoneinfo and dateutil zones alike.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from app.exports.calendar.reader import EventSpan, line_error
from app.i18n import _

MAX_STEPS = 100_000  # occurrences computed for one repeating event before it is refused
MAX_FOUND = 500  # occurrences on the action's days
#: Seconds one repeating event may take to work out. A rule whose filters never match
#: (FREQ=SECONDLY;BYSETPOS=2, FREQ=HOURLY;INTERVAL=24;BYHOUR=3) makes dateutil step through
#: every second or hour up to the year 9999 without yielding one: the import hung.
BUDGET_S = 3.0


def _iana() -> frozenset[str]:
    from app.domain.timeutil import zone_names

    return zone_names()


def iana_name(tzid: str) -> str | None:
    """The IANA name a TZID means: itself, a vendor-prefixed one (``/mozilla.org/…/Europe/
    Berlin``), or a Windows name (``W. Europe Standard Time``)."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    tzid = tzid.strip().strip('"')
    if tzid in _iana():
        return tzid
    parts = [p for p in tzid.split("/") if p]
    for i in range(len(parts)):
        candidate = "/".join(parts[i:])
        if "/" in candidate and candidate in _iana():
            return candidate
    windows = WINDOWS_TO_OLSON.get(tzid)
    return windows if windows in _iana() else None


class ZoneResolver:
    """TZIDs of one calendar: the IANA database first, then the file's own VTIMEZONEs."""

    def __init__(self, calendar, default: ZoneInfo) -> None:
        self.default = default
        self.defined = {
            str(c["TZID"]): c
            for c in calendar.subcomponents
            if c.name == "VTIMEZONE" and "TZID" in c
        }
        self._cache: dict[str, tzinfo] = {}

    def get(self, tzid: str, line: int) -> tzinfo:
        if tzid in self._cache:
            return self._cache[tzid]
        name = iana_name(tzid)
        if name is not None:
            zone: tzinfo = ZoneInfo(name)
        elif tzid in self.defined:
            try:
                zone = self.defined[tzid].to_tz()
            except Exception as exc:  # a VTIMEZONE icalendar cannot turn into a zone
                raise line_error(
                    line,
                    _("the time zone {tzid!r} defined in the file cannot be read").format(
                        tzid=tzid
                    ),
                ) from exc
        else:
            raise line_error(
                line,
                _("unknown time zone {tzid!r}, and the file does not define it").format(tzid=tzid),
            )
        self._cache[tzid] = zone
        return zone


def _zone_of(prop, zones: ZoneResolver, line: int) -> tzinfo | None:
    """The zone a DATE-TIME property is in: its TZID's, UTC, or None (floating)."""
    tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
    if tzid:
        return zones.get(str(tzid), line)
    value = getattr(prop, "dt", None)
    if isinstance(value, tuple):
        value = value[0]
    if isinstance(value, datetime) and value.tzinfo is not None:
        return UTC
    return None


def wall_and_zone(prop, zones: ZoneResolver, line: int, action_tz: ZoneInfo):
    """(UTC instant, all-day?) of a DTSTART-like property. Floating times and all-day dates
    are read in the action's zone."""
    if prop is None or not hasattr(prop, "dt"):
        raise line_error(line, _("the time cannot be read"))
    value = prop.dt
    if isinstance(value, tuple):
        value = value[0]
    if isinstance(value, datetime):
        zone = _zone_of(prop, zones, line) or action_tz
        local = value.replace(tzinfo=None).replace(tzinfo=zone, fold=0)
        return local.astimezone(UTC), False
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=action_tz).astimezone(UTC), True
    raise line_error(line, _("expected a date or a date and time"))


def _naive_in(value, zone: tzinfo, prop_zone: tzinfo | None, line: int) -> datetime | date:
    if isinstance(value, tuple):
        value = value[0]
    if not isinstance(value, date):
        raise line_error(line, _("expected a date or a date and time"))
    if isinstance(value, datetime):
        if prop_zone is not None:
            value = value.replace(tzinfo=None).replace(tzinfo=prop_zone, fold=0)
            return value.astimezone(zone).replace(tzinfo=None)
        return value.replace(tzinfo=None)
    return value  # a date: matched by day


def _rule_text(recur, zone: tzinfo, last: datetime) -> str:
    """The rule for dateutil, ending by ``last`` (local, naive) at the latest: nothing after
    the action's days is needed, and a rule with no end was walked to the year 9999."""
    from icalendar.prop import vRecur

    rule = dict(recur)
    until = rule.get("UNTIL")
    value = None
    if until:
        value = until[0] if isinstance(until, list) else until
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                value = value.astimezone(zone).replace(tzinfo=None)
        elif isinstance(value, date):
            value = datetime.combine(value, time(23, 59, 59))
    if "COUNT" not in rule:  # COUNT and UNTIL never go together (RFC 5545)
        rule["UNTIL"] = [min(value, last) if isinstance(value, datetime) else last]
    return vRecur(rule).to_ical().decode("ascii")


def _interval_problem(recur) -> str | None:
    interval = recur.get("INTERVAL")
    if interval is None:
        return None
    value = interval[0] if isinstance(interval, list) else interval
    try:
        if int(value) >= 1:
            return None
    except (TypeError, ValueError):
        pass
    return _("the repeat rule's INTERVAL must be a whole number of at least 1")


class _OverBudget(Exception):
    pass


def _within_budget(work, line: int):
    """``work()``, stopped after ``BUDGET_S`` seconds: a rule that never matches loops inside
    dateutil without yielding, so the clock is checked at each call it makes (a trace
    function, for these few seconds only) and the import is refused instead of hanging."""
    import sys
    import time

    deadline = time.monotonic() + BUDGET_S

    def check(_frame, _event, _arg):
        if time.monotonic() > deadline:
            raise _OverBudget
        return None  # calls only, not every line

    previous = sys.gettrace()
    sys.settrace(check)
    try:
        return work()
    except _OverBudget:
        raise line_error(
            line,
            _("the repeat rule takes too long to work out: it may never fall on the action's days"),
        ) from None
    finally:
        sys.settrace(previous)


def _values(prop) -> list:
    if prop is None:
        return []
    return prop if isinstance(prop, list) else [prop]


def occurrences(
    ev,
    span: EventSpan,
    zones: ZoneResolver,
    start: datetime,
    *,
    all_day: bool,
    days: tuple[date, date],
    action_tz: ZoneInfo,
    skip: set[datetime],
) -> list[datetime]:
    """UTC starts of a repeating event on the action's days (local dates in its zone)."""
    from dateutil.rrule import rruleset, rrulestr

    line = span.line_of("RRULE") if "RRULE" in ev else span.line_of("RDATE")
    zone = (None if all_day else _zone_of(ev["DTSTART"], zones, line)) or action_tz
    first = start.astimezone(zone).replace(tzinfo=None)
    lo = datetime.combine(days[0], time(0), tzinfo=action_tz).astimezone(zone)
    hi = datetime.combine(days[1] + timedelta(days=1), time(0), tzinfo=action_tz).astimezone(zone)
    lo_naive = lo.replace(tzinfo=None) - timedelta(days=1)
    hi_naive = hi.replace(tzinfo=None) + timedelta(days=1)
    rset = rruleset()
    try:
        for recur in _values(ev.get("RRULE")):
            problem = _interval_problem(recur)
            if problem:
                raise line_error(line, problem)
            rset.rrule(rrulestr(_rule_text(recur, zone, hi_naive), dtstart=first))
    except (ValueError, TypeError, KeyError) as exc:
        raise line_error(
            line, _("the repeat rule cannot be read: {reason}").format(reason=exc)
        ) from exc
    excluded_days: set[date] = set()
    for name, add in (("RDATE", rset.rdate), ("EXDATE", rset.exdate)):
        for prop in _values(ev.get(name)):
            prop_zone = _zone_of(prop, zones, span.line_of(name))
            for item in getattr(prop, "dts", []):
                value = _naive_in(item.dt, zone, prop_zone, span.line_of(name))
                if isinstance(value, datetime):
                    add(value)
                elif name == "EXDATE":
                    excluded_days.add(value)
                else:
                    add(datetime.combine(value, first.time()))

    def walk() -> list[datetime]:
        found: list[datetime] = []
        for steps, naive in enumerate(rset, start=1):
            if steps > MAX_STEPS or len(found) > MAX_FOUND:
                raise line_error(line, _("the event repeats too often to be imported"))
            if naive > hi_naive:
                break
            if naive < lo_naive or naive.date() in excluded_days:
                continue
            instant = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
            if days[0] <= instant.astimezone(action_tz).date() <= days[1] and instant not in skip:
                found.append(instant)
        return found

    return _within_budget(walk, line)
