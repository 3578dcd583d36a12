"""Calendar export of 10,000 cues, against bare icalendar building the same events.

    /work/venv/bin/python benchmarks/ics_export.py [--cues 10000] [--runs 3]

Makes an action in Europe/Paris across the October 2024 clock change with N cues (one a minute,
so some fall in both occurrences of the repeated hour) in a temporary database, times
``action_calendar`` (query, build, serialise, including the VTIMEZONE), then times a bare
icalendar script building the same VEVENTs with zoneinfo datetimes and ``to_ical()`` in the
same process. Prints the best of the runs for both. The target: under 2 s for 10,000 cues.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARIS = ZoneInfo("Europe/Paris")
START = datetime(2024, 10, 26, 20, 0, tzinfo=PARIS).astimezone(UTC)


def make_store(path: Path, cues: int):
    from sqlalchemy import insert

    from app.domain import models as m
    from app.services import edits
    from app.storage.engine import open_store

    store = open_store(str(path))
    with store.session() as s:
        action_id = edits.create(
            s,
            "action",
            title="Night vigil",
            timezone="Europe/Paris",
            starts_at=START,
            ends_at=START + timedelta(minutes=cues + 10),
            location_name="Place de la République",
        )
        rows = [
            {
                "action_id": action_id,
                "key": f"cue-{i}",
                "starts_at": START + timedelta(minutes=i),
                "minutes": 5,
                "title": f"Cue {i}: candles, banner; silence",
                "place": "Statue",
                "instructions": "Stand still.\nHold the candle with both hands.",
                "uid": f"cue-{i}@bench",
                "version": 1,
            }
            for i in range(cues)
        ]
        s.execute(insert(m.Cue), rows)
    return store, action_id


def ours(store, action_id: int) -> tuple[float, int]:
    from app.exports.calendar.export import action_calendar
    from app.exports.calendar.vtimezone import vtimezone_lines

    vtimezone_lines.cache_clear()
    t = time.perf_counter()
    with store.read() as s:
        data = action_calendar(s, action_id)
    return time.perf_counter() - t, len(data)


def bare_icalendar(cues: int) -> tuple[float, int]:
    from icalendar import Calendar, Event

    t = time.perf_counter()
    cal = Calendar()
    cal.add("prodid", "-//bench//EN")
    cal.add("version", "2.0")
    now = datetime.now(UTC)
    for i in range(cues):
        start = (START + timedelta(minutes=i)).astimezone(PARIS)
        event = Event()
        event.add("uid", f"cue-{i}@bench")
        event.add("dtstamp", now)
        event.add("sequence", 0)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=5))
        event.add("summary", f"Cue {i}: candles, banner; silence")
        event.add("location", "Statue")
        event.add("description", "Stand still.\nHold the candle with both hands.")
        event.add("status", "CONFIRMED")
        cal.add_component(event)
    cal.add_missing_timezones()
    data = cal.to_ical()
    return time.perf_counter() - t, len(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store, action_id = make_store(Path(folder) / "bench.sqlite3", args.cues)
        try:
            best = min(ours(store, action_id) for _ in range(args.runs))
        finally:
            store.close()
    base = min(bare_icalendar(args.cues) for _ in range(args.runs))
    print(f"cortege export ics: {args.cues} cues in {best[0]:.3f} s ({best[1]:,} bytes)")
    print(f"bare icalendar:     {args.cues} events in {base[0]:.3f} s ({base[1]:,} bytes)")
    print(f"ratio: {best[0] / base[0]:.2f}x; target under 2 s: {'ok' if best[0] < 2 else 'MISSED'}")
    return 0 if best[0] < 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
