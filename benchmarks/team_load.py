"""Team mode under load, against a database this script creates on a local PostgreSQL server.

1. ``--organisers N`` (default 50) simulated organisers edit one action for ``--seconds``
   (default 20) at a human pace (one save every 1–3 s each), each save based on the version
   it last read, as a window does. Every committed value is audited afterwards against the
   server's own history (a trigger logs each row version), so a lost update — a save that
   replaced a value its author never saw — is counted, not assumed away. Prints edits,
   commits, conflicts refused (with both versions), lost updates (must be 0) and the save
   latency p50/p95/p99, with the latency of a bare ``SELECT 1`` round trip as the anchor.
2. The refresh cost of one colleague's edit in a window showing an action with 1,000 and
   with 10,000 people (goal: < 100 ms, the same for both), with a full reload of the People
   tab measured in the same run as the anchor.

    python benchmarks/team_load.py [--organisers 50] [--seconds 20] [--people 10000]
    [--url postgresql+psycopg://postgres@127.0.0.1:5432/postgres]   (the server to use)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


# --- a database of our own ----------------------------------------------------------------------
class Scratch:
    """A database created on the server for this run, dropped at the end."""

    def __init__(self, server: str) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        self.admin_url = make_url(server)
        self.name = f"cortege_bench_{uuid.uuid4().hex[:8]}"
        self._conninfo = self.admin_url.set(drivername="postgresql").render_as_string(False)
        with psycopg.connect(self._conninfo, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {self.name}")
        self.url = self.admin_url.set(database=self.name).render_as_string(False)

    def drop(self) -> None:
        import psycopg

        with psycopg.connect(self._conninfo, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")


def demo_store(url: str):
    from datetime import date

    from app.services.demo import add_demo_to
    from app.storage.engine import open_store

    open_store(url, upgrade_schema=True).close()
    store = open_store(url)
    add_demo_to(store, on=date(2024, 5, 28))
    return store


# --- 1. organisers ------------------------------------------------------------------------------
AUDIT = """
CREATE TABLE bench_history (row_id int, version int, title text, minutes int);
CREATE FUNCTION bench_log() RETURNS trigger AS $$
BEGIN
  INSERT INTO bench_history VALUES (NEW.id, NEW.version, NEW.title, NEW.minutes);
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER bench_log AFTER INSERT OR UPDATE ON cue FOR EACH ROW EXECUTE FUNCTION bench_log();
INSERT INTO bench_history SELECT id, version, title, minutes FROM cue;
"""


def organiser(store, me: int, cue_ids, until: float, rng: random.Random, out: dict) -> None:
    from app.domain.errors import ConflictError, CortegeError
    from app.services import edits

    seen: dict[int, tuple[int, str, int]] = {}
    while time.monotonic() < until:
        time.sleep(rng.uniform(1.0, 3.0))
        cue_id = rng.choice(cue_ids)
        if cue_id not in seen or rng.random() < 0.5:  # a reload now and then, as live updates do
            with store.read() as s:
                cue = edits.get(s, "cue", cue_id)
                seen[cue_id] = (cue.version, cue.title, cue.minutes)
        version, title, minutes = seen[cue_id]
        field = rng.choice(("title", "minutes"))
        value = f"cue by {me} #{rng.randint(0, 9999)}" if field == "title" else rng.randint(1, 30)
        if value == (title if field == "title" else minutes):
            continue  # saving what is there changes nothing (no new version): not an edit
        started = time.perf_counter()
        try:
            with store.session() as s:
                edits.update(s, "cue", cue_id, expected_version=version, **{field: value})
            out["latency"].append(time.perf_counter() - started)
            out["commits"].append((cue_id, version + 1, me, field, value, version))
            seen[cue_id] = (
                version + 1,
                value if field == "title" else title,
                value if field == "minutes" else minutes,
            )
        except ConflictError:
            out["latency"].append(time.perf_counter() - started)
            with store.read() as s:
                now = edits.get(s, "cue", cue_id).version
            out["conflicts"].append((cue_id, version, now))
            seen.pop(cue_id, None)
        except CortegeError as exc:  # a timeout or a lost connection: counted, not hidden
            out["errors"].append(str(exc))
        out["edits"] += 1


def run_organisers(url: str, organisers: int, seconds: float) -> None:
    from sqlalchemy import select, text

    from app.domain import models as m
    from app.storage.engine import open_store

    store = demo_store(url)
    with store.engine.begin() as conn:
        conn.exec_driver_sql(AUDIT)
    with store.read() as s:
        cue_ids = list(s.scalars(select(m.Cue.id).where(m.Cue.follows_id.is_(None))))[:6]
    store.close()
    stores = [open_store(url) for _ in range(organisers)]  # one window each
    out: dict = {"latency": [], "commits": [], "conflicts": [], "errors": [], "edits": 0}
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=organiser, args=(s, i, cue_ids, until, random.Random(i), out))
        for i, s in enumerate(stores)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    anchor = []
    with stores[0].engine.connect() as conn:
        for _ in range(50):
            started = time.perf_counter()
            conn.execute(text("SELECT 1"))
            anchor.append(time.perf_counter() - started)
        history = conn.execute(
            text("SELECT row_id, version, title, minutes FROM bench_history ORDER BY 1, 2")
        ).all()
    for s in stores:
        s.close()
    lost = audit(history, out["commits"])
    q = statistics.quantiles([x * 1000 for x in out["latency"]], n=100)
    print(f"organisers {organisers}, {seconds:.0f} s on {cue_ids and len(cue_ids)} cues")
    print(f"edits {out['edits']}  commits {len(out['commits'])}  conflicts {len(out['conflicts'])}")
    for cue_id, mine, theirs in out["conflicts"][:3]:
        print(f"  refused: cue {cue_id} saved from version {mine}, the server had {theirs}")
    print(f"lost updates {lost}  (must be 0)   other errors {len(out['errors'])}")
    for message in sorted(set(out["errors"]))[:3]:
        print(f"  {message}")
    print(
        f"save latency p50 {q[49]:.1f} ms  p95 {q[94]:.1f} ms  p99 {q[98]:.1f} ms   "
        f"(anchor: SELECT 1 round trip p50 {statistics.median(anchor) * 1000:.2f} ms)"
    )


def audit(history, commits) -> int:
    """A commit from version v must be the server's version v+1 and change only its field
    over version v: anything else replaced a value its author never saw."""
    versions = {(row, version): (title, minutes) for row, version, title, minutes in history}
    lost = 0
    for cue_id, version, _me, field, value, base in commits:
        now, before = versions.get((cue_id, version)), versions.get((cue_id, base))
        if now is None or before is None:
            lost += 1
            continue
        kept = now[1] if field == "title" else now[0]
        was = before[1] if field == "title" else before[0]
        if (now[0] if field == "title" else now[1]) != value or kept != was:
            lost += 1
    return lost


# --- 2. the refresh cost of one colleague's edit -------------------------------------------------
def add_people(store, action_id: int, people: int) -> None:
    from sqlalchemy import insert, select

    from app.domain import models as m

    with store.session() as s:
        role_id = s.scalars(select(m.Role.id).where(m.Role.action_id == action_id)).first()
        rows = [
            {"alias": f"Walker {i:05d}", "alias_key": f"walker {i:05d}", "version": 1}
            for i in range(people)
        ]
        s.execute(insert(m.Participant), rows)
        ids = s.scalars(select(m.Participant.id).where(m.Participant.alias_key.like("walker %")))
        s.execute(
            insert(m.Assignment),
            [
                {"action_id": action_id, "participant_id": p, "role_id": role_id, "version": 1}
                for p in ids
            ],
        )


def refresh_cost(url: str, people: int, repeats: int = 9) -> tuple[float, float]:
    from PySide6.QtCore import QEvent, QThreadPool
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from app.domain import models as m
    from app.services import edits
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    store = demo_store(url)
    with store.read() as s:
        action_id = s.scalars(select(m.Action.id)).one()
    add_people(store, action_id, people)
    with store.read() as s:
        assignment_ids = list(
            s.scalars(select(m.Assignment.id).where(m.Assignment.action_id == action_id))
        )
    window = MainWindow()
    window.resize(1280, 820)
    window.show()
    window.open_database(url)
    window.show_tab("people")
    deadline = time.monotonic() + 20
    while not window.live_updates.listening and time.monotonic() < deadline:
        app.processEvents()
    costs = []
    rng = random.Random(3)
    for _ in range(repeats):
        aid = rng.choice(assignment_ids)
        before = window.live_updates.refreshes
        with store.session() as s:  # the colleague ticks one person as confirmed
            version = edits.get(s, "assignment", aid).version
            edits.update(s, "assignment", aid, expected_version=version, confirmed=True)
        deadline = time.monotonic() + 20
        while window.live_updates.refreshes == before and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.005)
        costs.append(window.live_updates.last_refresh_seconds)
    tab = window.tab_widgets["people"]
    started = time.perf_counter()
    tab.reload()
    anchor = time.perf_counter() - started
    shown = window.tab_widgets["people"].model.rowCount()
    window.live_updates.stop()
    window.close()
    window.deleteLater()  # its timers and background reads end before the database goes
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    QThreadPool.globalInstance().waitForDone(10_000)
    store.close()
    assert shown >= people, f"the People tab shows {shown} rows"
    return statistics.median(costs), anchor


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--url", default=SERVER)
    parser.add_argument("--skip-load", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CORTEGE_DATA_DIR"] = tmp
        if not args.skip_load:
            db = Scratch(args.url)
            try:
                run_organisers(db.url, args.organisers, args.seconds)
            finally:
                db.drop()
        for people in sorted({min(1000, args.people), args.people}):
            db = Scratch(args.url)
            try:
                cost, anchor = refresh_cost(db.url, people)
            finally:
                db.drop()
            print(
                f"refresh after one colleague's edit, {people:>6} people: {cost * 1000:6.1f} ms "
                f"(goal < 100 ms)   anchor: full reload of the People tab {anchor * 1000:.0f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
