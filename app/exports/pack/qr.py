"""The QR codes on the printed personal sheet: the reader's calendar event and the legal number.

The event is a bare ``BEGIN:VEVENT … END:VEVENT`` block, the form phone cameras and barcode apps
offer to add to the calendar, kept small so that the printed code stays easy to scan. Its times
are in UTC (``…Z``): a bare TZID with no VTIMEZONE is read by many scanners as the phone's own
zone, and a local time in the hour that happens twice is misread (FACTS.md); the action's zone
is named in the description beside the wall-clock call time. No other person appears in it.
"""

from __future__ import annotations

import functools
from datetime import timedelta

from app.exports.calendar.ics import escape_text, utc_value
from app.exports.runsheet.data import PersonalSheet, translator

# The event covers the call time to the end of the action; at least this long.
MIN_MINUTES = 15
# UTF-8 bytes of title and place in the code: the whole event stays under ~330 bytes, a QR code
# of version 12 at most, whose modules still print at a readable size (the sheet has the rest).
SUMMARY_BYTES = 90
LOCATION_BYTES = 110


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut at a character boundary to at most ``limit`` UTF-8 bytes, with
    an ellipsis when cut."""
    line = " ".join((text or "").split())
    if len(line.encode("utf-8")) <= limit:
        return line
    out, size = [], 0
    for ch in line:
        size += len(ch.encode("utf-8"))
        if size > limit - 3:
            break
        out.append(ch)
    return "".join(out).rstrip() + "…"


def event_payload(sheet: PersonalSheet) -> str:
    """The reader's call time as a VEVENT (CRLF lines, unfolded: QR codes have no line limit);
    "" when the sheet has no call time."""
    header = sheet.header
    start = sheet.call_at
    if start is None:
        return ""
    tr = translator(header.lang)
    end = header.ends_at if header.ends_at and header.ends_at > start else start
    end = max(end, start + timedelta(minutes=MIN_MINUTES))
    place = header.meeting_point or tr.comma_list([p for p in (header.place, header.address) if p])
    place = clip(place, LOCATION_BYTES)
    when = tr.gettext("Call time: {time} ({zone})").format(
        time=sheet.call_time, zone=header.timezone
    )
    # No UID: every byte makes the printed modules smaller, and the .ics file carries it.
    lines = [
        "BEGIN:VEVENT",
        f"DTSTART:{utc_value(start)}",
        f"DTEND:{utc_value(end)}",
        f"SUMMARY:{escape_text(clip(header.title, SUMMARY_BYTES))}",
    ]
    if place:
        lines.append(f"LOCATION:{escape_text(place)}")
    lines.append(f"DESCRIPTION:{escape_text(when)}")
    lines.append("END:VEVENT")
    return "\r\n".join(lines)


def tel_uri(phone: str) -> str:
    """``tel:+33140000000``: the digits and a leading plus only (RFC 3966 global number); ""
    when the number has no digit to dial."""
    digits = "".join(c for c in phone if c.isascii() and c.isdigit())
    if not digits:
        return ""
    return "tel:" + ("+" if phone.strip().startswith("+") else "") + digits


@functools.lru_cache(maxsize=512)
def matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules, dark = True, with the quiet zone (4 modules) around them.
    Low error correction keeps the modules large enough to print in a small square; segno
    raises it for free when the payload leaves room (``boost_error``).

    Kept per payload: a batch of sheets prints the same legal number, and the same call-time
    event for everyone of a role, hundreds of times, and choosing the code's mask (segno
    scores all eight) cost more than laying out the rest of the sheet (issue #17)."""
    import segno

    code = segno.make(payload, error="l", micro=False, boost_error=True)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix_iter(scale=1, border=4))


# A printed module is never smaller than this (points; ~0.37 mm), so a denser code is larger.
MIN_MODULE = 1.05


def flowable(payload: str, size: float):
    """The code as a reportlab flowable at least ``size`` points square, drawn as vector
    rectangles on a white square (the quiet zone stays white on a tinted box)."""
    from app.exports.pack.qr_pdf import QrFlowable

    modules = matrix(payload)
    return QrFlowable(modules, max(size, len(modules) * MIN_MODULE))
