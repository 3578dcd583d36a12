"""How fast each tab of a 2,000-person action opens, and switching to and from it.

Run: ``python benchmarks/action_tabs.py [--runs 5]``. It builds a database (10,000 people in the
directory; one action with 2,000 of them in 10 roles, 200 cues, 40 props and two releases; a
second, small action), opens the real ``MainWindow`` offscreen, then times:

- each tab brought to the front on the big action (the tab reloads when shown), repaint included;
- switching between the two actions with the Overview in front (the header, the readiness badge
  and the visible tab up to date);
- one edit's round trip: a participant of the action renamed through the window's context (as
  an editor saves it: commit, undo step, the change announced), until the tab in front has
  refreshed and repainted, with People, Schedule, Readiness and Overview in front.

The anchor, measured in the same run, is the same tab switch or edit on the small action (3
people). Targets (issue #17): any tab within 200 ms; switching within 100 ms; an edit within
50 ms, not growing with the number of people (the big action's edit within 2× the small one's).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

N_DIRECTORY = 10_000
N_PEOPLE = 2_000
TAB_MS = 200.0
SWITCH_MS = 100.0
EDIT_MS = 50.0
EDIT_GROWTH = 2.0
EDIT_TABS = ("people", "schedule", "readiness", "overview")


def build(path: Path) -> tuple[int, int]:
    from sqlalchemy import insert

    from app.domain import models as m
    from app.storage.engine import open_store

    store = open_store(str(path))
    start = datetime(2025, 5, 1, 8, 0, tzinfo=UTC)
    with store.session() as s:
        s.execute(
            insert(m.Action.__table__),
            [
                {
                    "slug": slug,
                    "title": title,
                    "status": "planned",
                    "timezone": "Europe/Paris",
                    "country": "FR",
                    "starts_at": start + timedelta(days=day),
                    "ends_at": start + timedelta(days=day, hours=6),
                    "languages": ["fr", "en"],
                    "route": [],
                    "uid": slug,
                    "version": 1,
                }
                for slug, title, day in (("big", "March of 2,000", 0), ("small", "Vigil", 1))
            ],
        )
        s.execute(
            insert(m.Participant.__table__),
            [
                {
                    "alias": f"Person {i:05d}",
                    "alias_key": f"person {i:05d}",
                    "language": "fr",
                    "phone": "+33 6 00 00 00 00" if i % 3 == 0 else "",
                    "version": 1,
                }
                for i in range(N_DIRECTORY)
            ],
        )
        roles = [(1, f"r{r}", f"Role {r}", 200) for r in range(10)] + [(2, "s", "Steward", 3)]
        s.execute(
            insert(m.Role.__table__),
            [
                {"action_id": a, "key": k, "name": n, "needed": need, "version": 1}
                for a, k, n, need in roles
            ],
        )
        assignments = [(1, i + 1, i % 10 + 1) for i in range(N_PEOPLE)]
        assignments += [(2, N_PEOPLE + i + 1, 11) for i in range(3)]
        s.execute(
            insert(m.Assignment.__table__),
            [
                {
                    "action_id": a,
                    "participant_id": p,
                    "role_id": r,
                    "uid": f"as{p}",
                    "confirmed": True,
                    "version": 1,
                }
                for a, p, r in assignments
            ],
        )
        s.execute(
            insert(m.Cue.__table__),
            [
                {
                    "action_id": 1,
                    "key": f"c{c}",
                    "title": f"Cue {c}",
                    "minutes": 10,
                    "starts_at": start + timedelta(minutes=2 * c),
                    "uid": f"c{c}",
                    "version": 1,
                }
                for c in range(200)
            ],
        )
        s.execute(
            insert(m.cue_role),
            [{"cue_id": c + 1, "role_id": c % 10 + 1} for c in range(200)],
        )
        s.execute(
            insert(m.Prop.__table__),
            [
                {
                    "action_id": 1,
                    "key": f"p{p}",
                    "name": f"Prop {p}",
                    "quantity": 1,
                    "status": "ready",
                    "version": 1,
                }
                for p in range(40)
            ],
        )
        s.execute(
            insert(m.PressRelease.__table__),
            [
                {
                    "action_id": 1,
                    "key": f"pr-{lang}",
                    "language": lang,
                    "headline": "March",
                    "status": "draft",
                    "body": "Text. " * 200,
                    "version": 1,
                }
                for lang in ("fr", "en")
            ],
        )
    store.close()
    return 1, 2


def _edits(w, app, timed, db: Path, big: int, small: int, runs: int) -> dict:
    """Milliseconds per edit, by tab in front and action: one of the action's people renamed."""
    from sqlalchemy import select

    from app.domain import models as m

    def someone(action: int) -> int:
        with w.ctx.store.read() as s:
            return s.scalars(
                select(m.Assignment.participant_id).where(m.Assignment.action_id == action)
            ).first()

    def version(pid: int) -> int:
        with w.ctx.store.read() as s:
            return s.get(m.Participant, pid).version

    out: dict[str, dict[int, list[float]]] = {}
    for action in (big, small):
        w.actions_panel.select(action)
        app.processEvents()
        pid = someone(action)
        for key in EDIT_TABS:
            w.show_tab(key)
            app.processEvents()
            for n in range(runs):
                v = version(pid)
                out.setdefault(key, {}).setdefault(action, []).append(
                    timed(
                        lambda v=v, n=n, k=key, p=pid: w.ctx.update(
                            "participant", p, "Rename", expected_version=v, alias=f"{k} {n} {p}"
                        )
                    )
                )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from ui.app import make_application

    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CORTEGE_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["CORTEGE_LANG"] = "en"
        db = Path(tmp) / "big.sqlite3"
        big, small = build(db)
        from ui.main_window import MainWindow

        w = MainWindow()
        w.resize(1280, 820)
        w.show()
        w.open_database(str(db))
        app.processEvents()

        def timed(fn) -> float:
            t0 = time.perf_counter()
            fn()
            w.repaint()
            QApplication.processEvents()
            return (time.perf_counter() - t0) * 1000

        tabs: dict[str, list[float]] = {}
        anchors: dict[str, list[float]] = {}
        keys = list(w.tab_widgets)
        for _ in range(args.runs):
            for action, into in ((big, tabs), (small, anchors)):
                w.actions_panel.select(action)
                app.processEvents()
                for key in keys:
                    w.show_tab(keys[0] if key != keys[0] else keys[1])
                    app.processEvents()
                    into.setdefault(key, []).append(timed(lambda k=key: w.show_tab(k)))
        edits = _edits(w, app, timed, db, big, small, args.runs)
        w.show_tab("overview")
        app.processEvents()
        switches = []
        for _ in range(args.runs):
            switches.append(timed(lambda: w.actions_panel.select(small)))
            switches.append(timed(lambda: w.actions_panel.select(big)))
        w.close()
    ok = True
    for key in keys:
        figure, anchor = statistics.median(tabs[key]), statistics.median(anchors[key])
        good = figure <= TAB_MS
        ok &= good
        print(
            f"{key:<10} tab of the 2,000-person action: {figure:6.1f} ms "
            f"(anchor, the small action: {anchor:5.1f} ms) {'PASS' if good else 'FAIL'}"
        )
    for key in EDIT_TABS:
        figure, anchor = (statistics.median(edits[key][a]) for a in (big, small))
        good = figure <= EDIT_MS and figure <= EDIT_GROWTH * max(anchor, 1.0)
        ok &= good
        print(
            f"one edit, {key:<9} in front: {figure:6.1f} ms on the 2,000-person action "
            f"(anchor, the small action: {anchor:5.1f} ms) {'PASS' if good else 'FAIL'}"
        )
    switch = statistics.median(switches)
    ok &= switch <= SWITCH_MS
    print(
        f"switching between the two actions (Overview in front): {switch:.1f} ms "
        f"(worst {max(switches):.1f} ms)"
    )
    print(
        f"verdict: {'PASS' if ok else 'FAIL'} (tabs ≤ {TAB_MS:.0f} ms, switching ≤ "
        f"{SWITCH_MS:.0f} ms, an edit ≤ {EDIT_MS:.0f} ms and ≤ {EDIT_GROWTH:.0f}× the small "
        "action's)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
