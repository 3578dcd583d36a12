"""Foundation speed targets (issue 2), measured here, printed with a baseline from the same run.

- importing a bundle of 500 participants, 300 cues and 200 props: target under 1 s;
- ``list`` on a database of 1,000 actions (a whole CLI process): target within 3× the anchor
  ``python -c "import sqlalchemy"`` measured in the same run (issue #17).

Baselines: the same rows written with sqlite3.executemany (the floor), a bare ``python -c pass``
process start and ``python -c "import sqlalchemy"``. Bulk imports at scale, each against the
same rows: ``benchmarks/bulk_import.py``.

    .venv/bin/python benchmarks/import_and_list.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def big_bundle(n_people: int = 500, n_cues: int = 300, n_props: int = 200) -> dict:
    from app.services.demo import demo_bundle

    data = demo_bundle(date(2024, 5, 28), today=date(2024, 5, 18))
    data["action"]["slug"] = "big"
    data["action"]["ends_at"] = "2024-05-28T23:00"
    data["roles"] = [{"key": f"r{i}", "name": f"Role {i}", "needed": 25} for i in range(20)]
    data["participants"] = [
        {
            "key": f"p{i}",
            "alias": f"Volunteer {i}",
            "full_name": f"Person {i}",
            "phone": f"+33 6 00 {i:06d}",
            "email": f"v{i}@example.org",
            "language": "fr",
            "consent": {"given_on": "2024-05-01", "scope": "this action", "photos": i % 3 != 0},
        }
        for i in range(n_people)
    ]
    data["assignments"] = [
        {
            "participant": f"p{i}",
            "role": f"r{i % 20}",
            "call_time": "2024-05-28T09:00",
            "confirmed": True,
        }
        for i in range(n_people)
    ]
    data["props"] = [
        {
            "key": f"k{i}",
            "name": f"Prop {i}",
            "quantity": 1,
            "status": "ready",
            "carried_by": [f"p{i}"],
            "cost": "1.50",
        }
        for i in range(n_props)
    ]
    start = 9 * 60 + 30
    data["schedule"] = [
        {
            "key": f"s{i}",
            "starts_at": f"2024-05-28T{(start + 2 * i) // 60:02d}:{(start + 2 * i) % 60:02d}",
            "minutes": 2,
            "title": f"Cue {i}",
            "roles": [f"r{i % 20}"],
            "participants": [f"p{i}"],
            "props": [f"k{i % n_props}"],
        }
        for i in range(n_cues)
    ]
    data["tasks"] = []
    return data


def time_import(tmp: Path, data: dict) -> float:
    from app.services.bundle_read import import_bundle
    from app.storage.engine import open_store

    store = open_store(str(tmp / f"import-{time.perf_counter_ns()}.sqlite3"))
    raw = json.dumps(data)
    t0 = time.perf_counter()
    with store.session() as session:
        import_bundle(session, raw)
    elapsed = time.perf_counter() - t0
    store.close()
    return elapsed


def time_executemany(tmp: Path, data: dict) -> float:
    import sqlite3

    conn = sqlite3.connect(tmp / f"raw-{time.perf_counter_ns()}.sqlite3")
    conn.execute("CREATE TABLE p (alias TEXT UNIQUE, full_name TEXT, phone TEXT, email TEXT)")
    conn.execute("CREATE TABLE c (key TEXT, starts_at TEXT, minutes INT, title TEXT)")
    conn.execute("CREATE TABLE k (key TEXT, name TEXT, cost TEXT)")
    t0 = time.perf_counter()
    conn.executemany(
        "INSERT INTO p VALUES (?,?,?,?)",
        [(p["alias"], p["full_name"], p["phone"], p["email"]) for p in data["participants"]],
    )
    conn.executemany(
        "INSERT INTO c VALUES (?,?,?,?)",
        [(c["key"], c["starts_at"], c["minutes"], c["title"]) for c in data["schedule"]],
    )
    conn.executemany(
        "INSERT INTO k VALUES (?,?,?)", [(k["key"], k["name"], k["cost"]) for k in data["props"]]
    )
    conn.commit()
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def make_thousand_actions(path: Path) -> None:
    from sqlalchemy import insert

    from app.domain.models import Action
    from app.domain.timeutil import localize, zone
    from app.storage.engine import open_store

    store = open_store(str(path))
    tz = zone("Europe/Paris")
    from datetime import datetime

    rows = []
    for i in range(1000):
        day = date(2025, 1, 1) + timedelta(days=i)
        start = localize(datetime(day.year, day.month, day.day, 10, 0), tz)
        rows.append(
            {
                "slug": f"action-{i}",
                "title": f"Action {i}",
                "timezone": "Europe/Paris",
                "starts_at": start,
                "ends_at": start + timedelta(hours=2),
                "status": "planned",
                "route": [],
                "languages": ["fr"],
            }
        )
    with store.session() as session:
        session.execute(insert(Action), rows)
    store.close()


def run(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - t0


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        os.environ["CORTEGE_DATA_DIR"] = str(tmp / "data")
        data = big_bundle()
        imports = [time_import(tmp, data) for _ in range(5)]
        floors = [time_executemany(tmp, data) for _ in range(5)]
        print("import 500 participants / 300 cues / 200 props (median of 5):")
        print(f"  Cortège import_bundle     {statistics.median(imports):.3f} s  (target < 1 s)")
        print(f"  baseline sqlite3 executemany of the same rows {statistics.median(floors):.3f} s")

        db = tmp / "thousand.sqlite3"
        make_thousand_actions(db)
        env = dict(os.environ)
        lists = [
            run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "list"], env)
            for _ in range(5)
        ]
        bare = [run([sys.executable, "-c", "pass"], env) for _ in range(5)]
        anchors = [run([sys.executable, "-c", "import sqlalchemy"], env) for _ in range(5)]
        figure, anchor = statistics.median(lists), statistics.median(anchors)
        print("list on 1,000 actions, whole process (median of 5):")
        print(f"  python main.py list        {figure:.3f} s ({figure / anchor:.1f}× the anchor)")
        print(f"  anchor python -c 'import sqlalchemy' {anchor:.3f} s")
        print(f"  baseline python -c pass    {statistics.median(bare):.3f} s")
        print(f"  verdict: {'PASS' if figure <= 3 * anchor else 'FAIL'} (target ≤ 3× the anchor)")


if __name__ == "__main__":
    main()
