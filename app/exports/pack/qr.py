"""The QR codes on the printed personal sheet: the reader's calendar event and the legal number.

The event is a bare ``BEGIN:VEVENT … END:VEVENT`` block, the form phone cameras and barcode apps
offer to add to the calendar, kept small so that the printed code stays easy to scan. Its times
are in UTC (``…Z``): a bare TZID with no VTIMEZONE is read by many scanners as the phone's own
zone, and a local time in the hour that happens twice is misread (FACTS.md); the action's zone
is named in the description beside the wall-clock call time. No other person appears in it.
"""

from __future__ import annotations

from datetime import timedelta

from app.exports.calendar.ics import escape_text, utc_value
from app.exports.runsheet.data import PersonalSheet, translator

# The event covers the call time to the end of the action; at least this long.
MIN_MINUTES = 15


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
    place = header.meeting_point or ", ".join(p for p in (header.place, header.address) if p)
    when = tr.gettext("Call time: {time} ({zone})").format(
        time=sheet.call_time, zone=header.timezone
    )
    lines = ["BEGIN:VEVENT"]
    if sheet.uid:
        lines.append(f"UID:{sheet.uid}")
    lines += [
        f"DTSTART:{utc_value(start)}",
        f"DTEND:{utc_value(end)}",
        f"SUMMARY:{escape_text(header.title)}",
    ]
    if place:
        lines.append(f"LOCATION:{escape_text(place)}")
    lines.append(f"DESCRIPTION:{escape_text(when)}")
    lines.append("END:VEVENT")
    return "\r\n".join(lines)


def tel_uri(phone: str) -> str:
    """``tel:+33140000000``: the digits and a leading plus only (RFC 3966 global number)."""
    head = "+" if phone.strip().startswith("+") else ""
    return "tel:" + head + "".join(c for c in phone if c.isdigit())


def matrix(payload: str) -> list[list[bool]]:
    """The QR code's modules, dark = True, with the quiet zone (4 modules) around them.
    Medium error correction: a sheet folded in a pocket still scans."""
    import segno

    code = segno.make(payload, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=4)]


def drawing(payload: str, size: float):
    """A reportlab Drawing of the code, ``size`` points square (vector: sharp at any zoom)."""
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.lib.colors import black

    rows = matrix(payload)
    n = len(rows)
    step = size / n
    d = Drawing(size, size)
    for y, row in enumerate(rows):
        x = 0
        while x < n:  # one rectangle per run of dark modules: smaller files, no hairline gaps
            if not row[x]:
                x += 1
                continue
            run = x
            while run < n and row[run]:
                run += 1
            d.add(
                Rect(
                    x * step,
                    size - (y + 1) * step,
                    (run - x) * step,
                    step,
                    fillColor=black,
                    strokeColor=None,
                    strokeWidth=0,
                )
            )
            x = run
    return d
