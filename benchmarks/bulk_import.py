"""Bulk paths against raw sqlite3: bundle import, ICS import, CSV import of people.

Run: ``python benchmarks/bulk_import.py [--runs 5] [--events 5000] [--people 2000]``.

Each import runs into a fresh database, in one transaction, the way the CLI runs it (after one
warm-up run, not counted); reading (parsing and checking the file: JSON, icalendar, CSV, against
the database where the preview does) and writing (the inserts and the commit) are each timed on
their own and printed as medians. The anchor, measured in the same run, writes **the same rows**
— read back from the imported database, table by table — into a fresh database of the same
schema with ``sqlite3.executemany`` in one transaction: the floor for writing them. Targets
(issue #17): the writing of every bulk path within 3× its anchor; ICS import of 5,000 events
within 5 s in all (reading included). Each figure is printed with its anchor and a verdict.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RATIO = 3.0
ICS_SECONDS = 5.0


def bundle(people: int) -> dict:
    """The demo, grown to ``people`` participants (assigned in turn to its roles), 300 cues."""
    from app.services.demo import demo_bundle

    data = demo_bundle(date(2024, 5, 28), today=date(2024, 5, 18))
    roles = [r["key"] for r in data["roles"]]
    base = data["participants"][0]
    data["participants"] = [
        dict(base, key=f"p{i}", alias=f"Person {i:05d}", email=f"p{i}@example.org")
        for i in range(people)
    ]
    data["assignments"] = [
        {
            "participant": f"p{i}",
            "role": roles[i % len(roles)],
            "call_time": None,
            "confirmed": True,
            "attended": None,
        }
        for i in range(people)
    ]
    start = datetime.fromisoformat(data["action"]["starts_at"])
    data["action"]["ends_at"] = (start + timedelta(hours=3)).isoformat()
    data["schedule"] = [
        {
            "key": f"c{i}",
            "starts_at": (start + timedelta(minutes=i % 120)).isoformat(),
            "minutes": 5,
            "title": f"Cue {i}",
            "place": "",
            "instructions": "",
            "roles": [roles[i % len(roles)]],
            "participants": [],
            "props": [],
        }
        for i in range(300)
    ]
    for prop in data["props"]:
        prop["carried_by"] = []
    data["tasks"] = [dict(t, assignee=None) for t in data["tasks"]]
    return data


def calendar(events: int) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN"]
    start = datetime(2025, 5, 1, 6, 0, tzinfo=UTC)
    for i in range(events):
        at = start + timedelta(minutes=i)
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{i}@bench.example.org",
            f"DTSTAMP:{at:%Y%m%dT%H%M%SZ}",
            f"DTSTART:{at:%Y%m%dT%H%M%SZ}",
            f"DTEND:{at + timedelta(minutes=30):%Y%m%dT%H%M%SZ}",
            f"SUMMARY:Event number {i}",
            "LOCATION:Hall B",
            "DESCRIPTION:Bring the banner.",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def people_csv(people: int) -> bytes:
    rows = ["alias,full_name,phone,email,language,role"]
    rows += [
        f"Walker {i:05d},Name {i},+33 6 00 00 {i % 100:02d},w{i}@example.org,fr,Walker"
        for i in range(people)
    ]
    return ("\n".join(rows) + "\n").encode()


def fresh(folder: Path, name: str):
    from app.storage.engine import open_store

    template = folder / "template.sqlite3"
    if not template.exists():
        open_store(str(template)).close()
    path = folder / f"{name}-{time.perf_counter_ns()}.sqlite3"
    shutil.copy(template, path)
    from app.storage.engine import open_store as reopen

    return path, reopen(str(path))


def anchor(folder: Path, imported: Path, before: dict[str, int]) -> tuple[float, int]:
    """executemany the rows the import wrote (ids above ``before``) into a fresh copy."""
    src = sqlite3.connect(imported)
    tables = [
        r[0]
        for r in src.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('alembic_version', 'settings')"
        )
    ]
    dumps = {}
    for table in tables:
        rows = src.execute(f'SELECT * FROM "{table}"').fetchall()
        dumps[table] = rows[before.get(table, 0) :]
    src.close()
    path = folder / f"anchor-{time.perf_counter_ns()}.sqlite3"
    shutil.copy(folder / "template.sqlite3", path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA foreign_keys=OFF")  # order of tables does not matter for the floor
    t0 = time.perf_counter()
    con.execute("BEGIN")
    for table, rows in dumps.items():
        if rows:
            marks = ",".join("?" * len(rows[0]))
            con.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed, sum(len(r) for r in dumps.values())


def counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    out = {
        name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    con.close()
    return out


def _action(store) -> int:
    from app.services import edits

    with store.session() as s:
        aid = edits.create(
            s,
            "action",
            title="Festival week",
            timezone="Europe/Paris",
            country="",
            starts_at=datetime(2025, 5, 1, 6, 0, tzinfo=UTC),
            ends_at=datetime(2025, 5, 8, 6, 0, tzinfo=UTC),
        )
        edits.create(s, "role", action_id=aid, name="Walker", needed=1)
    return aid


def run_bundle(folder: Path, data: dict) -> tuple[Path, dict, float, float]:
    """Reading (JSON parse and every check: ``read_bundle``) and writing (``write_plan`` of the
    checked plan, and the commit) each timed on its own: ``import_bundle`` is the two in turn."""
    from app.services.bundle_insert import write_plan
    from app.services.bundle_read import parse_json, read_bundle

    path, store = fresh(folder, "bundle")
    before = counts(path)
    raw = json.dumps(data)
    t0 = time.perf_counter()
    plan = read_bundle(parse_json(raw))
    t1 = time.perf_counter()
    with store.session() as s:
        write_plan(s, plan)
    t2 = time.perf_counter()
    store.close()
    return path, before, t2 - t0, t2 - t1


def run_ics(folder: Path, data: bytes) -> tuple[Path, dict, float, float]:
    from app.services.calendar_import import apply_import, preview_ics

    path, store = fresh(folder, "ics")
    aid = _action(store)
    before = counts(path)
    t0 = time.perf_counter()
    with store.session() as s:
        preview = preview_ics(s, aid, data)
        t1 = time.perf_counter()
        apply_import(s, preview)
    t2 = time.perf_counter()
    store.close()
    return path, before, t2 - t0, t2 - t1


def run_csv(folder: Path, data: bytes) -> tuple[Path, dict, float, float]:
    from app.services.people_csv import import_rows, preview

    path, store = fresh(folder, "csv")
    aid = _action(store)
    before = counts(path)
    t0 = time.perf_counter()
    with store.session() as s:
        rows = preview(s, aid, data).rows
        t1 = time.perf_counter()
        import_rows(s, aid, rows)
    t2 = time.perf_counter()
    store.close()
    return path, before, t2 - t0, t2 - t1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--only", choices=("bundle", "ics", "csv"))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cortege-bulk-"))
    os.environ.setdefault("CORTEGE_DATA_DIR", str(folder / "data"))
    cases = {
        "bundle": (
            f"bundle import, {args.people:,} people, 300 cues",
            "JSON parse + read_bundle",
            run_bundle,
            lambda: bundle(args.people),
        ),
        "ics": (
            f"ICS import, {args.events:,} events",
            "preview_ics: parse + field checks",
            run_ics,
            lambda: calendar(args.events),
        ),
        "csv": (
            f"CSV import, {args.people:,} people",
            "preview: parse + checks",
            run_csv,
            lambda: people_csv(args.people),
        ),
    }
    ok_all = True
    try:
        for name, (label, reader, run, make) in cases.items():
            if args.only and name != args.only:
                continue
            data = make()
            ours, writes, floors, rows = [], [], [], 0
            run(folder, data)  # warm: the first run pays for compiling statements
            for _ in range(args.runs):
                path, before, elapsed, writing = run(folder, data)
                ours.append(elapsed)
                writes.append(writing)
                floor, rows = anchor(folder, path, before)
                floors.append(floor)
            figure, floor = statistics.median(ours), statistics.median(floors)
            write = statistics.median(writes)
            reading = statistics.median(a - b for a, b in zip(ours, writes, strict=True))
            ok_write = write <= RATIO * floor
            ok_total = name != "ics" or figure <= ICS_SECONDS
            ok_all &= ok_write and ok_total
            print(f"{label} (medians of {args.runs} runs):")
            print(f"  reading ({reader}): {reading:.3f} s")
            print(
                f"  writing (insert + commit): {write:.3f} s; anchor, sqlite3 executemany of the "
                f"same {rows:,} rows in one transaction: {floor:.3f} s → {write / floor:.1f}× "
                f"(target ≤ {RATIO:.0f}×): {'PASS' if ok_write else 'FAIL'}"
            )
            verdict = ""
            if name == "ics":
                verdict = f" (target ≤ {ICS_SECONDS:.0f} s): {'PASS' if ok_total else 'FAIL'}"
            print(f"  in all: {figure:.3f} s = {figure / floor:.1f}× the anchor{verdict}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
