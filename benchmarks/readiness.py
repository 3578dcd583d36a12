"""How fast ``check`` is on a national day of action: one action, 10,000 participants, 600 cues.

Run: ``python benchmarks/readiness.py [--runs 5]``. It builds the database with bulk inserts
(20 roles of 500 people; 600 half-hour cues every 15 minutes, each reached through two roles, the
next cue sharing one of them, so every neighbouring pair clashes for 500 people; 2,000 people with
contact details and no consent), then times the readiness check in process.

The anchor, measured in the same run, is reading the same rows with raw ``sqlite3`` (every
assignment joined to its person, every cue-role link): no check can be faster than reading what it
judges. Targets (issue #17): ``check`` ≤ 0.5 s, and the output stays proportionate (double-bookings
once per clashing pair of cues, not once per person).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

N_PEOPLE = 10_000
N_ROLES = 20
N_CUES = 600
TARGET_S = 0.5


def build(path: Path) -> int:
    from sqlalchemy import insert

    from app.domain import models as m
    from app.storage.engine import open_store

    store = open_store(str(path))
    start = datetime(2025, 5, 1, 6, 0, tzinfo=UTC)
    with store.session() as s:
        s.execute(
            insert(m.Action),
            [
                {
                    "slug": "national-day",
                    "title": "National day of action",
                    "status": "planned",
                    "timezone": "Europe/Paris",
                    "country": "FR",
                    "starts_at": start,
                    "ends_at": start + timedelta(days=7),
                    "languages": ["fr", "en"],
                    "route": ["Place de la République"],
                    "uid": "a1",
                }
            ],
        )
        s.execute(
            insert(m.Participant),
            [
                {
                    "alias": f"Person {i:05d}",
                    "alias_key": f"person {i:05d}",
                    "language": "fr",
                    "phone": "+33 6 00 00 00 00" if i % 5 == 0 else "",
                }
                for i in range(N_PEOPLE)
            ],
        )
        s.execute(
            insert(m.Role),
            [
                {"action_id": 1, "key": f"r{r}", "name": f"Role {r}", "needed": 500}
                for r in range(N_ROLES)
            ],
        )
        s.execute(
            insert(m.Assignment),
            [
                {
                    "action_id": 1,
                    "participant_id": i + 1,
                    "role_id": i % N_ROLES + 1,
                    "confirmed": True,
                    "uid": f"as{i}",
                }
                for i in range(N_PEOPLE)
            ],
        )
        s.execute(
            insert(m.Cue),
            [
                {
                    "action_id": 1,
                    "key": f"c{c}",
                    "title": f"Cue {c}",
                    "minutes": 30,
                    "starts_at": start + timedelta(minutes=15 * c),
                    "uid": f"c{c}",
                }
                for c in range(N_CUES)
            ],
        )
        s.execute(
            insert(m.cue_role),
            [
                {"cue_id": c + 1, "role_id": (c + k) % N_ROLES + 1}
                for c in range(N_CUES)
                for k in (0, 1)
            ],
        )
    store.close()
    return 1


def time_check(path: Path, action_id: int) -> tuple[float, int, int]:
    from app.services.readiness import check
    from app.storage.engine import open_store

    store = open_store(str(path))
    now = datetime(2025, 4, 20, 8, 0, tzinfo=UTC)
    t0 = time.perf_counter()
    with store.read() as s:
        problems = check(s, action_id, now=now)
    elapsed = time.perf_counter() - t0
    store.close()
    clashes = sum(1 for p in problems if p.kind == "double-booked")
    return elapsed, len(problems), clashes


def time_anchor(path: Path) -> float:
    t0 = time.perf_counter()
    con = sqlite3.connect(path)
    con.execute(
        "SELECT a.participant_id, a.role_id, a.confirmed, p.alias, p.phone, p.email, "
        "p.consent_given_on FROM assignment a JOIN participant p ON p.id = a.participant_id "
        "WHERE a.action_id = 1"
    ).fetchall()
    con.execute(
        "SELECT c.id, c.starts_at, c.minutes, c.title, cr.role_id FROM cue c "
        "JOIN cue_role cr ON cr.cue_id = c.id WHERE c.action_id = 1"
    ).fetchall()
    con.close()
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.db"
        aid = build(path)
        time_check(path, aid)  # warm imports and caches
        runs, anchors = [], []
        for _ in range(args.runs):
            elapsed, n, clashes = time_check(path, aid)
            runs.append(elapsed)
            anchors.append(time_anchor(path))
    figure, anchor = statistics.median(runs), statistics.median(anchors)
    print(f"check, {N_PEOPLE:,} people and {N_CUES} cues: {figure:.3f} s (median of {args.runs})")
    print(f"anchor, raw sqlite3 read of the same rows: {anchor:.3f} s ({figure / anchor:.1f}×)")
    print(f"problems: {n:,}, of which double-booked: {clashes:,}")
    ok = figure <= TARGET_S and clashes <= N_CUES * N_CUES
    print(f"verdict: {'PASS' if ok else 'FAIL'} (target ≤ {TARGET_S} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
