"""Wall-clock times in an action's zone, and the UTC instants they are stored as.

A local time that does not exist (the spring-forward gap) is refused; one that occurs twice
(the fall-back hour) needs its occurrence chosen explicitly (``fold``) or an offset.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from app.domain.errors import short
from app.i18n import _

# Years a plan may use. Beyond them an offset or a time zone would overflow Python's datetime
# (year 1 minus an hour, 9999 plus one), and nobody plans a protest there.
FIRST_YEAR = 1900
LAST_YEAR = 2999


def year_problem(year: int) -> str | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return _("the year must be between {first} and {last}").format(
            first=FIRST_YEAR, last=LAST_YEAR
        )
    return None


class LocalTimeError(ValueError):
    """A wall-clock time that cannot be turned into one instant."""

    def __init__(self, message: str, *, kind: str) -> None:
        super().__init__(message)
        self.kind = kind  # "nonexistent" | "ambiguous" | "offset" | "format"


@functools.cache
def zone_names() -> frozenset[str]:
    """Every IANA zone this computer knows: one walk of the zone files (about 600 of them),
    shared by ``zone`` and ``all_zones``."""
    return frozenset(available_timezones())


def zone(name: str) -> ZoneInfo:
    """The IANA zone called ``name``; ValueError with a readable message when unknown."""
    if not isinstance(name, str) or name not in zone_names():
        raise ValueError(_("unknown time zone {name!r}").format(name=short(name)))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:  # pragma: no cover - listed but unreadable
        raise ValueError(_("unknown time zone {name!r}").format(name=short(name))) from exc


@functools.cache
def _all_zones() -> tuple[str, ...]:
    return tuple(sorted(z for z in zone_names() if "/" in z and not z.startswith("Etc/")))


def all_zones() -> list[str]:
    return list(_all_zones())


def is_ambiguous(naive: datetime, tz: ZoneInfo) -> bool:
    a = naive.replace(tzinfo=tz, fold=0).utcoffset()
    b = naive.replace(tzinfo=tz, fold=1).utcoffset()
    return a != b and _exists(naive, tz)


def _exists(naive: datetime, tz: ZoneInfo) -> bool:
    for fold in (0, 1):
        aware = naive.replace(tzinfo=tz, fold=fold)
        back = aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        if back == naive:
            return True
    return False


def localize(naive: datetime, tz: ZoneInfo, *, fold: int | None = None) -> datetime:
    """Attach ``tz`` to a wall-clock time, refusing gaps and unresolved ambiguity."""
    naive = naive.replace(tzinfo=None, second=naive.second, microsecond=0)
    if not _exists(naive, tz):
        raise LocalTimeError(
            _("{time} does not exist in {zone}").format(
                time=naive.isoformat(timespec="minutes"), zone=tz.key
            ),
            kind="nonexistent",
        )
    if is_ambiguous(naive, tz):
        if fold is None:
            raise LocalTimeError(
                _("{time} occurs twice in {zone}: give an offset").format(
                    time=naive.isoformat(timespec="minutes"), zone=tz.key
                ),
                kind="ambiguous",
            )
        return naive.replace(tzinfo=tz, fold=fold)
    return naive.replace(tzinfo=tz, fold=0)


_TIME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$")


def parse_local(text: str, tz: ZoneInfo) -> datetime:
    """Parse ``YYYY-MM-DDTHH:MM[:SS][offset]`` as a time in ``tz``; returns an aware UTC instant."""
    if not isinstance(text, str):
        raise LocalTimeError(_("expected a time like 2024-05-28T10:00"), kind="format")
    m = _TIME_RE.match(text.strip()) if len(text) <= 64 else None
    if not m:
        raise LocalTimeError(
            _("{value!r} is not a time like 2024-05-28T10:00").format(value=short(text)),
            kind="format",
        )
    day, hh, mm, ss, off = m.groups()
    try:
        naive = datetime.fromisoformat(f"{day}T{hh}:{mm}:{ss or '00'}")
    except ValueError as exc:
        raise LocalTimeError(
            _("{value!r} is not a valid date and time").format(value=short(text)), kind="format"
        ) from exc
    problem = year_problem(naive.year)
    if problem:
        raise LocalTimeError(f"{short(text)}: {problem}", kind="format")
    if off is None:
        return localize(naive, tz).astimezone(UTC)
    offset = timedelta(0)
    if off != "Z":
        sign = -1 if off[0] == "-" else 1
        digits = off[1:].replace(":", "")
        offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if abs(offset) > timedelta(hours=18):
            raise LocalTimeError(
                _("{value} has an offset that does not agree with {zone}").format(
                    value=short(text), zone=tz.key
                ),
                kind="offset",
            )
    instant = (naive - offset).replace(tzinfo=UTC)
    # The offset must agree with the zone at that instant.
    local = instant.astimezone(tz)
    if local.replace(tzinfo=None) != naive or local.utcoffset() != offset:
        raise LocalTimeError(
            _("{value} has an offset that does not agree with {zone}").format(
                value=short(text), zone=tz.key
            ),
            kind="offset",
        )
    return instant


def to_local(instant: datetime, tz: ZoneInfo) -> datetime:
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(tz)


def format_iso(instant: datetime, tz: ZoneInfo) -> str:
    """An instant as a local ISO time with its offset (what exports write)."""
    return to_local(instant, tz).isoformat(timespec="minutes")


def parse_date(text: str) -> date:
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(_("{value!r} is not a date like 2024-05-28").format(value=short(text)))
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(_("{value!r} is not a valid date").format(value=short(text))) from exc
    problem = year_problem(day.year)
    if problem:
        raise ValueError(f"{short(text)}: {problem}")
    return day


def utcnow() -> datetime:
    return datetime.now(UTC)
